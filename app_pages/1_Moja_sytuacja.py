"""Moja sytuacja: the step-by-step interview. Steps and routing come from logic/interview.py; answers are copied
into the case in the submit callback (a widget's value leaves session_state once its page is not shown). Lists –
work periods, courses … – are built one item at a time inside the step's form (ui/lists.py)."""
import streamlit as st
from pydantic import ValidationError

from logic.errors import describe
from logic.present import fill
from logic.interview import (BY_KEY, FIRST_STEP, REVIEW_STEP, Kind, apply_answers, next_step, previous_step,
                             progress, question_for_path, steps_for)
from ui import lists
from ui import state as S
from ui import questions as Q
from ui.text import plain


def _errors(err: ValidationError, step_key: str) -> list[tuple[str | None, str, str]]:
    """(question path or None, Polish message at the top, message beside the question) for every problem, named the
    way the person sees the field."""
    out = []
    for path, message in describe(err):
        found = question_for_path(path)
        if found is None:
            out.append((None, f"{path}: {message}", f"{path}: {message}"))
            continue
        _, q, column = found
        item = ""
        if q.kind is Kind.TABLE:
            index = path[len(q.path):].split("]")[0].lstrip("[")
            item = lists.item_title(q, int(index)) if index.isdigit() else ""
        where = ", ".join(p for p in (item, f"„{column.label}”" if column else "") if p)
        text = f"{q.label}{' – ' + where if where else ''}: {message}"
        out.append((q.path, text, text))
    return out


@S.guarded
def _submit(step_key: str, direction: str) -> None:
    ss = st.session_state
    case = S.get_case()
    step = BY_KEY[step_key]
    rev = ss[S.REV]
    questions = step.questions_for(case.goal.form)
    # a list's item typed but not yet added is added first; an empty list needs its explicit answer to go on
    # (going back, the step is saved without it but stays unanswered)
    problems = [p for q in questions for p in Q.before_submit(step_key, q, rev)]
    unanswered = [p for q in questions for p in Q.unanswered(q, rev)] if not problems else []
    if direction == "next":
        problems += unanswered
    if problems:
        ss[S.ERRORS] = {"step": step_key, "items": problems}
        return
    case = S.get_case()  # an item just added is in the case already
    answers = {q.path: Q.read(q, rev, case, S.as_of()) for q in questions}
    try:
        new = apply_answers(case, answers)
    except ValidationError as err:
        ss[S.ERRORS] = {"step": step_key, "items": _errors(err, step_key)}
        return
    ss[S.CASE] = new
    if not unanswered:
        ss[S.ANSWERED] = ss[S.ANSWERED] | {step_key}
    ss[S.ERRORS] = None
    goal = new.goal.form
    if direction == "back":
        target = previous_step(step_key, goal) or step_key
    elif ss[S.RETURN_TO_REVIEW]:
        target = REVIEW_STEP
    else:
        target = next_step(step_key, goal) or REVIEW_STEP
    if target == REVIEW_STEP:
        ss[S.RETURN_TO_REVIEW] = False
    ss[S.STEP] = target
    ss[S.REV] = rev + 1
    lists.forget(rev)


@S.guarded
def _change(step_key: str) -> None:
    ss = st.session_state
    ss[S.STEP] = step_key
    ss[S.RETURN_TO_REVIEW] = True
    ss[S.ERRORS] = None
    lists.forget(ss[S.REV])
    ss[S.REV] += 1


@S.guarded
def _restart() -> None:
    ss = st.session_state
    ss[S.STEP] = FIRST_STEP
    ss[S.RETURN_TO_REVIEW] = False
    ss[S.ERRORS] = None
    lists.forget(ss[S.REV])
    ss[S.REV] += 1


def _draw_step(step_key: str) -> None:
    ss = st.session_state
    case = S.get_case()
    goal = case.goal.form
    step = BY_KEY[step_key]
    st.header(step.title, anchor=False)
    st.caption(fill(step.help, S.as_of()))
    errors = ss[S.ERRORS] if ss[S.ERRORS] and ss[S.ERRORS]["step"] == step_key else None
    items = (errors or {}).get("items", [])
    top = st.container()  # drawn even when empty: the form below keeps its place (and the keyboard focus in it)
    if errors:
        top.error("Nie zapisaliśmy tego kroku. Popraw:\n\n" + "\n".join(f"- {plain(m)}" for _, m, _ in items),
                 icon=":material/error:")
    data = case.model_dump(mode="python")
    rev = ss[S.REV]
    questions = step.questions_for(goal)
    has_list = any(q.kind is Kind.TABLE for q in questions)
    # With a list in the step, Enter in a field must not press the first button (it could be an item's "Zmień");
    # the buttons are reached with Tab.
    with st.form(f"form.{step_key}.{rev}", border=True, enter_to_submit=not has_list):
        for q in questions:
            Q.draw(q, Q.current_value(data, q), rev, case, S.as_of(), step_key=step_key, errors=items,
                   answered=step_key in ss[S.ANSWERED])
        last = ss[S.RETURN_TO_REVIEW]
        with st.container(horizontal=True):
            st.form_submit_button("Zapisz i wróć do przeglądu" if last else "Dalej", type="primary",
                                  key=f"next.{step_key}", on_click=_submit, args=(step_key, "next"),
                                  icon=":material/arrow_forward:")
            if previous_step(step_key, goal) and not last:
                st.form_submit_button("Wstecz", key=f"back.{step_key}", on_click=_submit, args=(step_key, "back"),
                                      icon=":material/arrow_back:")
    st.caption("„Nie wiem” to też odpowiedź – wynik powie wtedy, czego brakuje. Możesz przejść cały wywiad "
               "klawiaturą: Tab przechodzi między polami i przyciskami, Spacja wybiera odpowiedź, Enter "
               "naciska przycisk." + (" Na liście: wypełnij pola i naciśnij „Dodaj”; „Dalej” doda też to, co "
                                     "wpiszesz, a nie dodasz." if has_list else ""))


def _draw_review() -> None:
    ss = st.session_state
    case = S.get_case()
    goal = case.goal.form
    data = case.model_dump(mode="python")
    st.header(BY_KEY[REVIEW_STEP].title, anchor=False)
    st.caption("Tak zapamiętaliśmy Twoje odpowiedzi. Przy każdej części możesz je zmienić; po zmianie wrócisz tutaj.")
    for step in steps_for(goal):
        if step.key == REVIEW_STEP:
            continue
        with st.container(border=True):
            head, button = st.columns([4, 1])
            head.subheader(step.title, anchor=False)
            answered = step.key in ss[S.ANSWERED]
            button.button("Zmień" if answered else "Uzupełnij", key=f"change.{step.key}", on_click=_change,
                          args=(step.key,), icon=":material/edit:", help=f"Zmień odpowiedzi: {step.title}")
            if not answered:
                st.markdown(":material/help: _Ten krok nie został jeszcze wypełniony._")
            for q in step.questions_for(goal):
                st.markdown(Q.review_markdown(q, Q.current_value(data, q)))
    st.success("Gotowe? Zobacz, co wynika z Twoich odpowiedzi.", icon=":material/task_alt:")
    S.link("wynik", "Zobacz wynik", icon=":material/fact_check:")
    S.link("terminy", "Zobacz terminy", icon=":material/event:")
    S.link("zapisz", "Zapisz odpowiedzi w pliku", icon=":material/save:")
    st.button("Przejdź wywiad od początku", key="restart", on_click=_restart, icon=":material/restart_alt:")


st.title("Moja sytuacja", anchor=False)
ss = st.session_state
goal = S.get_case().goal.form
step_key = ss[S.STEP]
asked = [s.key for s in steps_for(goal)]
if step_key not in asked:  # the goal changed and this step is no longer asked
    step_key = next_step(step_key, goal) or REVIEW_STEP
    ss[S.STEP] = step_key
position, total = progress(step_key, goal)
st.progress(position / total, text=f"Krok {position} z {total}: {BY_KEY[step_key].title}")
if step_key == REVIEW_STEP:
    _draw_review()
else:
    _draw_step(step_key)
