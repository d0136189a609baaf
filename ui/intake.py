"""What the page "Podgląd naboru (arkusz)" (app_pages/7_Podglad_naboru.py) draws: the edition's facts, the upload,
the intake's results with one applicant's decision cards, the file's problems and the exports.

Nothing here decides: logic.intake reads the file (reader), assesses it (batch), and builds the rows the table and the
exported files share (export.result_row); forms.intake_zip builds the Załącznik nr 1 PDFs.

Session-state contract (every key starts with "intake.", so the frame's "Wyczyść dane" forgets them all):

- `intake.files`: list[tuple[str, bytes]], the uploaded files as (name, bytes). The uploader's callback sets it and
  bumps `intake.upload_id`; the page body reads the files whenever this list is a new object. AppTest cannot upload
  files, so tests put a new list here directly (`upload_id` need not change).
- `intake.edition`: dict with the edition's facts as entered – form (logic.case.Form or None), field (str or None),
  funded (True / False / None), places (int or None), start (date or None). `edition_facts()` turns it into
  `EditionFacts` (None while no form is chosen). The widgets have their own keys (`intake.w.*`), re-seeded from this
  dict on every run, because Streamlit drops a widget's key on pages where it is not drawn.
- `intake.result`: the `IntakeResult` shown. It is recomputed when the files, the edition's facts or the "as of" day
  change; a file that cannot be read leaves it as it was. A test (or the benchmark) may set it directly with no
  files: it is then shown as it is (`results_state(result)` gives the keys to set).
- `intake.person`: the Lp. of the applicant whose cards are open (from the table's row selection or "Pokaż osobę").
- internal memos, each holding the object it was built from and compared by identity (`is`), so a rerun rebuilds
  nothing: `intake.read_for` / `intake.good_files` / `intake.read_error` (the last files read, the last readable
  files, the message of an unreadable file; the read intake itself is not kept, so that only the compact results
  stay in memory), `intake.assessed_for`, `intake.view` (the table's DataFrame, counts and lookups),
  `intake.cards` (the open applicant's full assessment), `intake.zip` (the ZIP's bytes, for the result it was built
  from), `intake.generation` (bumped with every new result, part of the table's key) and `intake.last_selection`.

Privacy: the files and the results live only in this session's memory; nothing is written to disk, cached across
sessions (no st.cache_*) or logged. Names and every other value from the spreadsheet are shown only in tables, select
boxes and plain text, never rendered as Markdown.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from logic import fields as F
from logic.case import EARLIEST_DAY, FORM_LABELS_PL, LATEST_DAY, Edition, Form
from logic.decision import Decision
from logic.intake.batch import assess_intake, edition_answers, full_assessment
from logic.intake.export import RESULT_HEADERS, result_row, results_csv, results_xlsx, sheet_cell_name
from logic.intake.model import OUTCOME_LABELS_PL, ApplicantResult, EditionFacts, Intake, IntakeResult, Status
from logic.intake.reader import read_intake
from logic.intake.template import INTRODUCTION, template_xlsx
from logic.experience import plural
from logic.periods import polish_date
from ui.text import plain
from ui import decisions as D
from ui import state as S
from ui.download import offer, private_download

PREFIX = "intake."
FILES = "intake.files"
UPLOAD_ID = "intake.upload_id"
EDITION = "intake.edition"
RESULT = "intake.result"
PERSON = "intake.person"
READ_FOR = "intake.read_for"
GOOD_FILES = "intake.good_files"
READ_ERROR = "intake.read_error"
ASSESSED_FOR = "intake.assessed_for"
VIEW = "intake.view"
CARDS = "intake.cards"
ZIP = "intake.zip"
LAST_SELECTION = "intake.last_selection"
NABOR_EDITION = "ed.edition"  # the edition on "Nabór i komisja" (ui/edition.py): fills this page's facts at first
GENERATION = "intake.generation"  # bumped with every new result: a new table starts with no row selected
UPLOADER = "intake.uploader"
W = "intake.w."  # widget keys
FILTER = W + "filter"
PERSON_BOX = W + "person"

TEMPLATE_NAME = "szablon-naboru.xlsx"
XLSX_NAME, CSV_NAME, ZIP_NAME = "wyniki-naboru.xlsx", "wyniki-naboru.csv", "wnioski-zalacznik-1.zip"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROGRESS_EVERY = 200  # applicants between two updates of the progress bar (batch.assess_intake's chunk)

FORMS: tuple[Form, ...] = (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.KURS_SPECJALISTYCZNY,
                           Form.KURS_DOKSZTALCAJACY)  # the state exam has no intake
FIELD_UNKNOWN = "inna / nie wiem"
YES_NO_UNKNOWN: dict[bool | None, str] = {True: "tak", False: "nie", None: "nie wiem"}
# Status is never told by colour alone: every outcome has its icon and its words.
OUTCOME_ICONS: dict[str, str] = {
    "meets": ":material/check_circle:",
    "not_yet": ":material/schedule:",
    "does_not_meet": ":material/cancel:",
    "needs_review": ":material/help:",
    "data_error": ":material/error:",
}
OUTCOMES: tuple[str, ...] = tuple(OUTCOME_LABELS_PL)
NO_PERSON = "— wybierz osobę —"

_EMPTY_EDITION: dict[str, Any] = {"form": None, "field": None, "funded": None, "places": None, "start": None}


# --- the edition's facts -------------------------------------------------------------------------------------------


def _edition() -> dict[str, Any]:
    """The edition's facts as entered on this page; at first those of the shown result, or else those the
    organizer already gave on "Nabór i komisja" (so that they are not typed twice)."""
    ss = st.session_state
    if EDITION not in ss:
        result = ss.get(RESULT)
        if result is not None:
            ss[EDITION] = edition_dict(result.edition)
        else:
            ss[EDITION] = _from_nabor(ss.get(NABOR_EDITION)) or dict(_EMPTY_EDITION)
    return ss[EDITION]


def _from_nabor(ed: Edition | None) -> dict[str, Any] | None:
    """The facts of the edition on "Nabór i komisja" that this page asks for (a state exam is no intake)."""
    if ed is None or ed.form not in FORMS:
        return None
    return {"form": ed.form, "field": ed.field, "funded": ed.publicly_funded, "places": ed.places,
            "start": ed.planned_start}


def edition_dict(e: EditionFacts) -> dict[str, Any]:
    return {"form": e.form, "field": e.field, "funded": e.publicly_funded, "places": e.places,
            "start": e.planned_start}


def edition_facts() -> EditionFacts | None:
    """The edition's facts as entered; None while no form of education is chosen."""
    ed = _edition()
    form = ed.get("form")
    if form is None:
        return None
    return EditionFacts(form=form, field=ed.get("field") or None,
                        publicly_funded=ed.get("funded") if form is Form.SPECJALIZACJA else None,
                        places=ed.get("places"), planned_start=ed.get("start"))


@S.guarded
def _on_edition_change(name: str) -> None:
    ss = st.session_state
    ed = dict(_edition())
    value = ss.get(W + name)
    if name == "field" and isinstance(value, str):
        value = value.strip() or None
    if name == "places" and value is not None:
        value = int(value)
    ed[name] = value
    if name == "form":
        listed = F.fields_for(value) if value is not None else []
        if listed and ed.get("field") not in listed:
            ed["field"] = None
    ss[EDITION] = ed


def _field_options(form: Form | None, current: str | None) -> list[str | None]:
    names = F.fields_for(form) if form is not None else []
    options: list[str | None] = [None, *names]
    if current and current not in names:
        options.append(current)
    return options


def edition_inputs() -> EditionFacts | None:
    """The section "Nabór": the facts entered once for the whole intake."""
    ss = st.session_state
    ed = _edition()
    st.header(":material/groups: Nabór", anchor=False)
    st.caption("Te dane dotyczą całego naboru; każdą osobę z arkusza oceniamy według nich (rodzaj kształcenia i "
               "dziedzina z arkusza „Osoby” nie zmieniają oceny – różnicę pokazujemy w uwagach).")
    for name in ("form", "field", "funded", "places", "start"):
        ss[W + name] = ed.get(name)  # re-seed: the widgets' keys are dropped on pages where they were not drawn
    left, right = st.columns(2)
    with left:
        st.selectbox("Rodzaj kształcenia", list(FORMS), key=W + "form", format_func=FORM_LABELS_PL.get,
                     on_change=_on_edition_change, args=("form",), placeholder="Wybierz rodzaj kształcenia",
                     help="Forma kształcenia podyplomowego, na którą trwa nabór.")
        form = ed.get("form")
        st.selectbox("Dziedzina", _field_options(form, ed.get("field")), key=W + "field",
                     format_func=lambda v: FIELD_UNKNOWN if v is None else v, accept_new_options=True,
                     on_change=_on_edition_change, args=("field",),
                     placeholder="Wybierz z listy albo wpisz własną (Enter zatwierdza)",
                     help="Dziedzina naboru. Lista pochodzi ze źródeł wtórnych i jest do sprawdzenia; można wpisać "
                          "inną dziedzinę.")
        if form is Form.SPECJALIZACJA:
            st.radio("Czy specjalizacja jest dofinansowana ze środków publicznych?", [True, False, None],
                     key=W + "funded", format_func=YES_NO_UNKNOWN.get, horizontal=True,
                     on_change=_on_edition_change, args=("funded",))
    with right:
        st.number_input("Liczba miejsc (jeśli znana)", key=W + "places", min_value=0, max_value=100_000, step=1,
                        format="%d", placeholder="nie wiem", on_change=_on_edition_change, args=("places",),
                        help="Potrzebna do odpowiedzi, czy trzeba przeprowadzić egzamin wstępny.")
        st.date_input("Planowane rozpoczęcie (jeśli znane)", key=W + "start", format="DD.MM.YYYY",
                      min_value=EARLIEST_DAY, max_value=LATEST_DAY, on_change=_on_edition_change,
                      args=("start",), help="Potrzebne do odpowiedzi, czy stosuje się przepisy przejściowe.")
    facts = edition_facts()
    if facts is None:
        st.info("Wybierz rodzaj kształcenia: bez niego nie ocenimy osób z arkusza.", icon=":material/info:")
    return facts


# --- the file -----------------------------------------------------------------------------------------------------


@S.guarded
def _on_upload() -> None:
    ss = st.session_state
    uploaded = ss.get(UPLOADER)
    if not uploaded:
        return  # the person removed the file from the uploader: keep what was read
    if not isinstance(uploaded, list):
        uploaded = [uploaded]
    ss[FILES] = [(f.name, f.getvalue()) for f in uploaded]
    ss[UPLOAD_ID] = ss.get(UPLOAD_ID, 0) + 1


def upload_section() -> None:
    """The section "Arkusz": the template, how to fill it, and the uploader."""
    ss = st.session_state
    st.header(":material/table_view: Arkusz", anchor=False)
    st.download_button("Pobierz szablon arkusza (XLSX)", data=template_xlsx, file_name=TEMPLATE_NAME,
                       mime=XLSX_MIME, on_click="ignore", key="intake.template", icon=":material/download:")
    st.markdown(
        "Wypełnij szablon: w arkuszu „Osoby” jeden wiersz na osobę z jej numerem w kolumnie „Lp.”, a w arkuszach "
        "„Praca”, „Kursy”, „Tytuły specjalisty”, „Studia podyplomowe”, „Szkolenia za granicą” i „Specjalizacje” "
        "dowolnie wiele wierszy na osobę, każdy z tym samym numerem „Lp.”. Arkusz „Instrukcja” opisuje każdą "
        "kolumnę. Zamiast skoroszytu możesz wczytać pliki CSV, po jednym na arkusz, nazwane jak arkusze "
        "(np. Osoby.csv, Praca.csv) – wybierz je wszystkie naraz.")
    with st.expander("Jak czytamy arkusz: daty, tak / nie, puste komórki, brak wierszy"):
        # the template's own instructions (logic/intake/template.py), so that the page and the file say the same
        st.markdown("\n".join(f"- {plain(line)}" for line in INTRODUCTION[1:]))
    st.file_uploader("Wczytaj wypełniony arkusz (XLSX) albo pliki CSV",  # any type: the reader says why not
                     accept_multiple_files=True, key=UPLOADER, on_change=_on_upload,
                     help="Plik jest czytany tylko w pamięci tej sesji; nie zapisujemy go na serwerze.")
    files = ss.get(FILES)
    if files:
        st.caption("Wczytane pliki:")
        st.text("\n".join(f"{name} ({max(1, len(data) // 1024)} KB)" for name, data in files))


def _unreadable(intake: Intake) -> list[str] | None:
    """The reader's messages when nothing could be read (no applicant at all); None when the file was read."""
    if intake.applicants:
        return None
    messages = [p.text() for p in intake.problems if p.blocking]
    return messages or ["W arkuszu „Osoby” nie ma żadnej osoby – wpisz osoby od drugiego wiersza, pod nagłówkami."]


def _progress_bar(text: str):
    bar = st.progress(0.0, text=text.format(done=0, total="…"))

    def update(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=text.format(done=done, total=total))

    return bar, update


def current_result(edition: EditionFacts | None, as_of: date) -> IntakeResult | None:
    """The results for the files, the edition's facts and the "as of" day: read and assessed again only when one of
    them changed (a progress bar meanwhile). A file that cannot be read gets the reader's message and the previous
    results stay. The read intake (every applicant's full case) is not kept: only the files' bytes and the compact
    results stay in the session, and a changed edition or day reads the last readable files again."""
    ss = st.session_state
    files = ss.get(FILES)
    intake = None
    if files and ss.get(READ_FOR) is not files:
        ss[READ_FOR] = files
        with st.spinner("Wczytujemy plik…"):
            intake = read_intake(list(files))
        errors = _unreadable(intake)
        if errors:
            ss[READ_ERROR] = errors
            intake = None
        else:
            ss.pop(READ_ERROR, None)
            ss[GOOD_FILES] = files
    errors = ss.get(READ_ERROR)
    if errors:
        kept = " Poniżej nadal są wyniki poprzedniego pliku." if ss.get(RESULT) is not None else ""
        st.error("Nie wczytaliśmy pliku." + kept + "  \n" + "  \n".join(plain(e) for e in errors),
                 icon=":material/error:")
    good = ss.get(GOOD_FILES)
    if good is not None and edition is not None:
        done = ss.get(ASSESSED_FOR)
        if done is None or done[0] is not good or done[1] != edition or done[2] != as_of:
            if intake is None:
                with st.spinner("Wczytujemy plik…"):
                    intake = read_intake(list(good))
            bar, update = _progress_bar("Oceniamy osoby z arkusza: {done} z {total}")
            result = assess_intake(intake, edition, as_of, progress=update, chunk=PROGRESS_EVERY)
            bar.empty()
            ss[RESULT] = result
            ss[ASSESSED_FOR] = (good, edition, as_of)
            ss[GENERATION] = ss.get(GENERATION, 0) + 1
            for key in (PERSON, CARDS, ZIP, LAST_SELECTION):
                ss.pop(key, None)
    return ss.get(RESULT)


# --- the results --------------------------------------------------------------------------------------------------


@dataclass
class View:
    """What a rerun needs from one result, built once: the table, each row's outcome, the counts, the lookups."""

    result: IntakeResult
    generation: int
    table: pd.DataFrame
    outcomes: pd.Series
    counts: dict[str, int]
    by_lp: dict[int, ApplicantResult]
    choices: dict[int, str]  # Lp. → "Lp. 3 – Anna Nowak", for "Pokaż osobę"
    problems: pd.DataFrame
    answers: list[Decision]
    with_credits: int


def _table(results: list[ApplicantResult]) -> pd.DataFrame:
    rows = [result_row(r) for r in results]
    df = pd.DataFrame(rows, columns=list(RESULT_HEADERS))
    for col in df.columns:
        if col not in (RESULT_HEADERS[0], RESULT_HEADERS[5]):
            df[col] = df[col].astype("string")
    return df


def _problems(result: IntakeResult) -> pd.DataFrame:
    return pd.DataFrame({
        "Arkusz": pd.array([p.sheet or "" for p in result.problems], dtype="string"),
        "Wiersz": pd.array([str(p.row) if p.row else "" for p in result.problems], dtype="string"),
        "Kolumna": pd.array([p.column or "" for p in result.problems], dtype="string"),
        "Lp.": pd.array([str(p.lp) if p.lp else "" for p in result.problems], dtype="string"),
        "Problem": pd.array([p.message for p in result.problems], dtype="string"),
        "Rodzaj": pd.array(["błąd" if p.blocking else "uwaga (nie blokuje)" for p in result.problems],
                           dtype="string"),
    })


def view_of(result: IntakeResult) -> View:
    """The view of `result`, kept in the session while the result is the same object."""
    ss = st.session_state
    view = ss.get(VIEW)
    if view is not None and view.result is result:
        return view
    outcomes = [r.outcome for r in result.results]
    counts = {k: 0 for k in OUTCOMES}
    for o in outcomes:
        counts[o] += 1
    view = View(
        result=result, generation=ss.get(GENERATION, 0), table=_table(result.results),
        outcomes=pd.Series(outcomes, dtype="string"), counts=counts,
        by_lp={r.lp: r for r in result.results},
        choices={r.lp: f"Lp. {r.lp} – {r.label}" for r in result.results},
        problems=_problems(result),
        answers=edition_answers(result.edition, len(result.results), result.as_of),
        with_credits=sum(1 for r in result.results if r.credits and r.case_json is not None),
    )
    ss[VIEW] = view
    return view


def results_heading(result: IntakeResult, as_of: date) -> None:
    ed = result.edition
    goal = FORM_LABELS_PL[ed.form] + (f" – {ed.field}" if ed.field else "")
    st.caption(f"Ocena na dzień {polish_date(result.as_of)} (przepisy sprawdzone na dzień "
               f"{polish_date(result.law_checked_on)}).")
    st.text(f"Nabór: {goal}")
    if result.as_of != as_of:
        st.warning(f"Wyniki policzono na dzień {polish_date(result.as_of)}, a „Stan prawny na dzień” to "
                   f"{polish_date(as_of)}. Wczytaj plik ponownie, aby je przeliczyć.", icon=":material/warning:")


def edition_cards(view: View) -> None:
    st.subheader(":material/gavel: Odpowiedzi dla naboru", anchor=False)
    st.caption(f"Dla {len(view.result.results)} osób z arkusza i podanych danych naboru.")
    for i, d in enumerate(view.answers):
        D.show_decision(d, i, expanded=False, fillable=False, key_prefix="intake.ed.", describe=sheet_cell_name)


def counts_line(view: View) -> None:
    cols = st.columns(len(OUTCOMES))
    for col, key in zip(cols, OUTCOMES):
        col.metric(f"{OUTCOME_ICONS[key]} {OUTCOME_LABELS_PL[key]}", view.counts[key])


def _filter_label(view: View, key: str) -> str:
    return f"{OUTCOME_ICONS[key]} {OUTCOME_LABELS_PL[key]} ({view.counts[key]})"


def results_table(view: View) -> None:
    """The outcome filter, the table (a row can be selected) and "Pokaż osobę"; then the chosen applicant's cards."""
    ss = st.session_state
    chosen = st.pills("Pokaż tylko osoby z wynikiem", list(OUTCOMES), selection_mode="multi", key=FILTER,
                      format_func=lambda k: _filter_label(view, k),
                      help="Nic nie zaznaczone: wszystkie osoby. Można zaznaczyć kilka wyników.") or []
    if chosen:
        table = view.table[view.outcomes.isin(chosen).to_numpy()]
    else:
        table = view.table
    st.caption(f"W tabeli: {len(table)} z {len(view.table)} osób. Zaznacz wiersz (pole z lewej strony), aby "
               f"zobaczyć pełną ocenę osoby, albo wybierz ją niżej w polu „Pokaż osobę”.")
    # a new result or filter starts with no row selected (a kept selection would point at another row)
    table_key = f"intake.table.{view.generation}." + ".".join(sorted(chosen))
    event = st.dataframe(table, key=table_key, hide_index=True, on_select="rerun", selection_mode="single-row",
                         width="stretch", column_config={
                             RESULT_HEADERS[0]: st.column_config.NumberColumn(format="%d", width="small"),
                             RESULT_HEADERS[1]: st.column_config.TextColumn(width="medium"),
                         })
    rows = tuple(event.selection.rows) if event is not None else ()
    if (table_key, rows) != ss.get(LAST_SELECTION):
        ss[LAST_SELECTION] = (table_key, rows)
        if rows and rows[0] < len(table):
            ss[PERSON] = int(table.iat[rows[0], 0])
    person = ss.get(PERSON)
    if person not in view.by_lp:
        person = None
    ss[PERSON_BOX] = person  # re-seed from the one place that says whose cards are open
    st.selectbox("Pokaż osobę", [None, *view.by_lp], key=PERSON_BOX, on_change=_on_person,
                 format_func=lambda lp: NO_PERSON if lp is None else view.choices[lp],
                 help="Wybierz osobę z listy (można pisać, aby zawęzić) – to samo, co zaznaczenie wiersza.")
    if person is not None:
        with st.container(border=True):
            applicant_cards(view, view.by_lp[person])


@S.guarded
def _on_person() -> None:
    st.session_state[PERSON] = st.session_state.get(PERSON_BOX)


def applicant_cards(view: View, r: ApplicantResult) -> None:
    """One applicant's full decision cards, the same as a nurse sees on "Wynik"; a "błąd danych" applicant's
    problems instead."""
    ss = st.session_state
    st.subheader(":material/person: Wybrana osoba", anchor=False)
    st.text(view.choices[r.lp])
    st.caption(f"Wynik: {OUTCOME_LABELS_PL[r.outcome]}")
    if r.status is Status.DATA_ERROR:
        st.warning("Tej osoby nie oceniliśmy: w jej wierszach są błędy danych. Popraw je w pliku i wczytaj go "
                   "ponownie.", icon=":material/error:")
        mine = view.problems[(view.problems["Lp."] == str(r.lp)).fillna(False).to_numpy(dtype=bool)]
        if len(mine):
            st.dataframe(mine, hide_index=True, width="stretch")
        else:
            st.text("\n".join(r.problems))
        return
    memo = ss.get(CARDS)
    if memo is None or memo[0] is not view.result or memo[1] != r.lp:
        memo = (view.result, r.lp, full_assessment(r, view.result.as_of))
        ss[CARDS] = memo
    assessment = memo[2]
    if assessment is None:
        return
    for w in r.warnings:
        st.warning(plain(w), icon=":material/warning:")
    goal = D.goal_decisions(assessment)
    index = 0
    for d in goal:
        D.show_decision(d, index, expanded=True, fillable=False, key_prefix="intake.", describe=sheet_cell_name)
        index += 1
    for group, decisions in D.grouped(assessment, without=goal):
        if not decisions:
            continue
        st.markdown(f"**{group.icon} {group.title}**")
        for d in decisions:
            D.show_decision(d, index, expanded=False, fillable=False, key_prefix="intake.", describe=sheet_cell_name)
            index += 1


def problems_section(view: View) -> None:
    problems = view.problems
    blocking = int((problems["Rodzaj"] == "błąd").sum()) if len(problems) else 0
    label = f"Problemy w pliku: {len(problems)} (błędów: {blocking})"
    with st.expander(label, expanded=False, icon=":material/report:"):
        if not len(problems):
            st.markdown("W pliku nie znaleźliśmy problemów.")
            return
        st.caption("Wiersz to numer wiersza w arkuszu (nagłówki są w wierszu 1). Osoba z błędem nie jest oceniana "
                   "(wynik „Błąd danych”); uwagi nie blokują oceny.")
        st.dataframe(problems, hide_index=True, width="stretch", key="intake.problems_table")


# --- the exports --------------------------------------------------------------------------------------------------


def export_section(view: View) -> None:
    ss = st.session_state
    result = view.result
    st.subheader(":material/download: Pobierz wyniki", anchor=False)
    today = S.today()
    cols = st.columns(2)
    private_download("Wyniki (XLSX)", lambda: results_xlsx(result, generated_on=today), key="intake.dl.xlsx",
                     prepare="Przygotuj wyniki (XLSX)", file_name=XLSX_NAME, mime=XLSX_MIME,
                     icon=":material/download:", container=cols[0])
    private_download("Wyniki (CSV)", lambda: results_csv(result), key="intake.dl.csv",
                     prepare="Przygotuj wyniki (CSV)", file_name=CSV_NAME, mime="text/csv",
                     icon=":material/download:", container=cols[1])
    st.caption("XLSX: arkusze Wyniki, Zaliczenia, Problemy i Informacje (dzień oceny, dane naboru, zastrzeżenie). "
               "CSV: arkusz Wyniki, rozdzielany średnikami, dla polskiego Excela.")

    st.markdown("**Wnioski o zaliczenie – załącznik nr 1**")
    n = view.with_credits
    st.markdown(f"Osób z proponowanym zaliczeniem: **{n}**. Dla każdej przygotujemy wypełniony wniosek (PDF) – "
                f"tak samo, jak ta osoba pobrałaby go sama na stronie „Wniosek o zaliczenie”. Każdy wniosek musi "
                f"sprawdzić i podpisać osoba, której dotyczy.")
    if st.button("Przygotuj wnioski – załącznik nr 1 (ZIP)", key="intake.zip_build", disabled=n == 0,
                 icon=":material/folder_zip:"):
        zipped = ss.get(ZIP)
        if zipped is None or zipped[0] is not result:  # built once per result, kept in this session only
            from forms.intake_zip import annex_zip

            bar, update = _progress_bar("Przygotowujemy wnioski: {done} z {total}")
            zipped = ss[ZIP] = (result, annex_zip(result, generated_on=today, progress=update))
            bar.empty()
        data = zipped[1]
        offer("Pobierz wnioski (ZIP)", data, key="intake.dl.zip", file_name=ZIP_NAME, mime="application/zip",
              icon=":material/download:")
        st.caption(f"Archiwum ZIP: {n} {plural(n, 'plik', 'pliki', 'plików')} PDF, {max(1, len(data) // 1024)} KB.")


def results_state(result: IntakeResult) -> dict[str, Any]:
    """The session-state keys to set for the page to show `result` as if it had been read and assessed (tests,
    benchmark)."""
    return {RESULT: result, EDITION: edition_dict(result.edition)}
