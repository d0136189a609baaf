"""The summary PDF read back (pypdf text, pypdfium2 positions, the pypdf outline): it answers the goal first, then
the groups of "Wynik" one line each; no two decisions read the same; passed steps say so; every paragraph once;
headings stay with what follows; every section has a bookmark; official texts print as short addresses."""
from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from forms import build_summary
from forms.summary import (ACTS_TITLE, DOCUMENTS_TITLE, GOAL_TITLE, GROUPS, PASSED, STEPS_TITLE, WHO_DECIDES,
                           decision_titles, short_address, step_text)
from logic import Case, assess
from logic.assess import Assessment
from logic.decision import Decision, Outcome, Reason, Step, StepKind
from logic.periods import polish_date
from logic.references import ACTS, reg

from test_forms_support import (AS_OF, EXAMPLES, GENERATED_ON, MM, example, extreme_case, long_history_case,
                                outline, pdf_text, render, squash, text_boxes, typical_case)

FOOTER_TOP = 12 * MM + 2  # the footer's rule, in PDF points from the page's foot


def summary_of(case: Case, as_of: date = AS_OF) -> tuple[Assessment, bytes]:
    a = assess(case, as_of)
    return a, build_summary(case, a, generated_on=GENERATED_ON)


@pytest.fixture(scope="module")
def typical() -> tuple[Case, Assessment, bytes]:
    case = typical_case()
    a, data = summary_of(case)
    render(data, "summary-typical")
    return case, a, data


@pytest.fixture(scope="module")
def long_history() -> tuple[Case, Assessment, bytes]:
    case = long_history_case()
    a, data = summary_of(case)
    render(data, "summary-long-history")
    return case, a, data


def flat(data: bytes) -> str:
    return " ".join("\n".join(pdf_text(data)).split())


# --- what it says, and in which order --------------------------------------------------------------------------


def test_the_summary_answers_the_goal_first_then_the_groups_of_wynik(typical):
    case, a, data = typical
    text = flat(data)
    goal = a.goal_decisions()
    assert goal and goal[0].rule == "a.specjalizacja.entry"
    order = [GOAL_TITLE, goal[0].title, *(g.title for g in GROUPS)]
    positions = [text.find(f" {heading} ") for heading in order]
    assert all(p > 0 for p in positions) and positions == sorted(positions), list(zip(order, positions))
    for reason in goal[0].reasons:  # the goal's decision in full
        assert " ".join(reason.text.split()) in text
    for ref in goal[0].legal_basis:
        assert ref.citation in text
    assert "specjalizacja (szkolenie specjalizacyjne) – pielęgniarstwo chirurgiczne" in text
    assert f"Ocena na dzień: {polish_date(AS_OF)}" in text
    assert f"Stan prawny na dzień: {polish_date(a.law_checked_on)}" in text
    assert "Żaneta" not in text and "Gęślak" not in text  # the summary leaves personal data out


def test_decisions_not_about_the_goal_take_one_line_each(typical):
    case, a, data = typical
    text = squash(flat(data))
    goal = a.goal_decisions()
    goal_texts = {r.text for d in goal for r in d.reasons}
    titles = dict(zip(map(id, a.decisions), decision_titles(case, a.decisions)))
    rest = [d for d in a.decisions if d not in goal]
    assert len(rest) >= 8
    for d in rest:
        assert squash(f"{titles[id(d)]} – {d.outcome_label}") in text, d.rule
        for reason in d.reasons:
            if reason.text not in goal_texts:
                assert squash(reason.text) not in text, (d.rule, reason.text)


def test_each_group_lists_exactly_its_decisions(long_history):
    case, a, data = long_history
    pages = pdf_text(data)
    text = " ".join("\n".join(pages).split())
    starts = [text.find(f" {g.title} ") for g in GROUPS] + [len(text)]
    titles = dict(zip(map(id, a.decisions), decision_titles(case, a.decisions)))
    goal = a.goal_decisions()
    for n, group in enumerate(GROUPS):
        part = squash(text[starts[n]:starts[n + 1]])
        for d in a.decisions:
            if d in goal:
                continue
            line = squash(f"{titles[id(d)]} – {d.outcome_label}")
            assert (line in part) == (d.outcome in group.outcomes), (group.key, d.rule)


def test_the_groups_are_those_of_the_wynik_page():
    """The summary and the screen take the groups from one place (logic/present.py)."""
    pytest.importorskip("streamlit")
    from ui.decisions import RESULT_GROUPS

    assert [(g.key, g.title, g.outcomes, g.intro) for g in GROUPS] == \
        [(g.key, g.title, g.outcomes, g.intro) for g in RESULT_GROUPS]


def test_the_outcome_is_said_in_the_words_of_the_decision():
    a, data = summary_of(example("pielegniarka-jeszcze-nie"))
    text = flat(data)
    labels = [d.outcome_label for d in a.decisions]
    assert any(label.startswith("Jeszcze nie – najwcześniej") for label in labels)
    for d in a.decisions:
        assert d.outcome_label in text


def test_a_summary_without_a_goal_says_so_and_groups_everything():
    case = example("pielegniarka-poprawka-kursu")
    assert case.goal.form is None
    a, data = summary_of(case)
    text = flat(data)
    assert "Nie wybrano celu" in text and "W skrócie – Możesz:" in text
    for d in a.decisions:
        assert d.outcome_label in text


def test_a_long_history_fits_in_a_few_pages():
    a, data = summary_of(extreme_case())
    assert len(a.decisions) > 80
    assert len(pdf_text(data)) <= 8  # one line per decision beside the goal (it took 18 pages in full)


# --- titles ------------------------------------------------------------------------------------------------------


def test_no_two_decisions_have_the_same_title(typical):
    case, a, data = typical
    titles = decision_titles(case, a.decisions)
    assert len(set(titles)) == len(titles)
    same_name = [t for t in titles if t.startswith("Zaliczenie na podstawie kursu: Kurs kwalifikacyjny")]
    assert same_name == [
        "Zaliczenie na podstawie kursu: Kurs kwalifikacyjny w dziedzinie pielęgniarstwa chirurgicznego "
        "(ukończony 20 czerwca 1998 r.)",
        "Zaliczenie na podstawie kursu: Kurs kwalifikacyjny w dziedzinie pielęgniarstwa chirurgicznego "
        "(ukończony 18 listopada 2005 r.)"]
    text = squash(flat(data))
    for title in titles:
        assert squash(title) in text


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_every_example_gets_unique_titles(path):
    case = example(path.stem)
    titles = decision_titles(case, assess(case, AS_OF).decisions)
    assert len(set(titles)) == len(titles)


def _course_decision(source: str) -> Decision:
    return Decision(rule="d.specjalizacja.credit.course", group="d",
                    title="Zaliczenie na podstawie kursu: Leczenie ran", outcome=Outcome.ON_REQUEST, facts={"source": source}, as_of=AS_OF)


def test_a_course_without_a_date_is_named_by_its_certificate_and_identical_ones_are_numbered():
    course = {"kind": "specjalistyczny", "name": "Leczenie ran", "organizer": "OIPiP w Krakowie"}
    case = Case.model_validate({"courses": [{**course, "certificate": "12/2020"}, {**course, "certificate": "7/2021"},
                                            course, course]})
    titles = decision_titles(case, [_course_decision(f"courses[{i}]") for i in range(4)])
    assert titles[:2] == ["Zaliczenie na podstawie kursu: Leczenie ran (zaświadczenie: 12/2020)",
                          "Zaliczenie na podstawie kursu: Leczenie ran (zaświadczenie: 7/2021)"]
    assert titles[2:] == ["Zaliczenie na podstawie kursu: Leczenie ran (1 z 2)",
                          "Zaliczenie na podstawie kursu: Leczenie ran (2 z 2)"]


def test_two_decisions_with_the_same_title_get_the_fact_that_tells_them_apart():
    course = {"kind": "specjalistyczny", "name": "Leczenie ran", "completed_on": "2022-04-08"}
    case = Case.model_validate({"courses": [{**course, "organizer": "OIPiP w Krakowie"},
                                            {**course, "organizer": "CKP w Łodzi"}]})
    titles = decision_titles(case, [_course_decision("courses[0]"), _course_decision("courses[1]")])
    assert titles == ["Zaliczenie na podstawie kursu: Leczenie ran (ukończony 8 kwietnia 2022 r.) "
                      "(organizator: OIPiP w Krakowie)",
                      "Zaliczenie na podstawie kursu: Leczenie ran (ukończony 8 kwietnia 2022 r.) "
                      "(organizator: CKP w Łodzi)"]


# --- dates -------------------------------------------------------------------------------------------------------


def test_a_step_before_the_assessment_day_is_marked_as_passed():
    case = example("pielegniarka-poprawka-kursu")
    day = date(2027, 2, 16)  # the day after the last day of the retake
    a, data = summary_of(case, day)
    steps = [s for d in a.decisions for s in d.steps]
    assert steps and all(s.date < day for s in steps)
    text = flat(data)
    for s in steps:
        assert f"{polish_date(s.date)} ({PASSED}): {' '.join(s.label.split())}" in text
    _, before = summary_of(case, date(2027, 2, 15))
    assert PASSED not in flat(before)  # on its last day a step has not passed


def test_a_passed_step_of_the_goal_is_marked_too():
    step = Step(code="x", label="Złóż wniosek", date=date(2026, 11, 20), kind=StepKind.DEADLINE)
    later = Step(code="y", label="Egzamin", date=date(2026, 12, 20), kind=StepKind.EVENT)
    decision = Decision(rule="a.specjalizacja.entry", group="a", title="Czy możesz ubiegać się o specjalizację",
                        outcome=Outcome.MEETS, reasons=[Reason(code="r", text="Powód.")], steps=[step, later],
                        legal_basis=[reg(2)], as_of=AS_OF)
    case = Case.model_validate({"goal": {"form": "specjalizacja"}})
    a = Assessment(as_of=AS_OF, law_checked_on=AS_OF, goal_form=case.goal.form, decisions=[decision])
    text = flat(build_summary(case, a, generated_on=GENERATED_ON))
    assert f"20 listopada 2026 r. ({PASSED}): Złóż wniosek" in text
    assert "20 grudnia 2026 r.: Egzamin" in text
    assert step_text(later, AS_OF) == "20 grudnia 2026 r.: Egzamin"


# --- each paragraph once -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["typical", "long_history", "pielegniarka-jeszcze-nie",
                                  "pielegniarka-egzamin-panstwowy", "organizator-postepowanie-uzupelniajace"])
def test_each_paragraph_is_printed_once(name, request):
    if name in ("typical", "long_history"):
        case, a, data = request.getfixturevalue(name)
    else:
        case = example(name)
        a, data = summary_of(case)
    text = squash(flat(data))
    assert text.count(squash(WHO_DECIDES)) == 1
    paragraphs = {w.text for w in a.warnings}
    for d in a.goal_decisions():
        paragraphs |= {r.text for r in d.reasons} | {n.text for n in d.notes} | set(d.documents)
        paragraphs |= {step_text(s, a.as_of) for s in d.steps}
    paragraphs |= {doc for d in a.decisions for doc in d.documents}
    paragraphs |= {step_text(s, a.as_of) for d in a.decisions for s in d.steps}
    for paragraph in paragraphs:
        assert text.count(squash(paragraph)) == 1, paragraph


def test_steps_and_documents_of_the_other_decisions_are_listed_after_the_groups():
    a, data = summary_of(example("pielegniarka-poprawka-kursu"), date(2026, 12, 1))
    text = flat(data)
    steps = [s for d in a.decisions for s in d.steps]
    assert steps
    assert text.find(f" {STEPS_TITLE} ") > text.find(f" {GROUPS[-1].title} ")
    for s in steps:
        assert " ".join(s.label.split()) in text
    assert text.find(f" {DOCUMENTS_TITLE} ") > text.find(f" {STEPS_TITLE} ")


# --- bookmarks, headings, links ----------------------------------------------------------------------------------


def test_every_section_has_a_bookmark_on_its_page(long_history):
    case, a, data = long_history
    marks = outline(data)
    goal_titles = decision_titles(case, a.decisions)[:len(a.goal_decisions())]
    expected = [(GOAL_TITLE, 0), *((t, 1) for t in goal_titles), *((g.title, 0) for g in GROUPS),
                (DOCUMENTS_TITLE, 0), (ACTS_TITLE, 0)]
    assert [(title, level) for title, level, _, _ in marks] == expected
    for title, _, page, top in marks:
        heading = [(p, t) for p, t, _ in text_boxes(data, title[:40]) if p == page]
        assert heading and any(0 <= top - t < 10 * MM for _, t in heading), title  # the bookmark opens at it


@pytest.mark.parametrize("extra", range(0, 24, 2))
def test_a_heading_is_never_left_at_the_foot_of_a_page(extra):
    """Whatever pushes the text down, each heading's page also carries what follows the heading."""
    case = long_history_case()
    case.label = ("Opis przypadku, który przesuwa tekst w dół strony " * extra)[:200] or None
    case.courses = case.courses[:2 + extra % 7]
    a, data = summary_of(case)
    for title, _, page, top in outline(data):
        boxes = text_boxes(data, title[:40])
        bottom = min(b for p, t, b in boxes if p == page and abs(top - t) < 10 * MM)
        below = _text_below(data, page, bottom - 2, FOOTER_TOP)
        assert below, f"„{title}” is the last text of page {page + 1}"


@pytest.mark.parametrize("warnings", range(0, 26, 2))
def test_the_title_of_a_goal_decision_is_never_left_at_the_foot_of_a_page(warnings):
    from logic.decision import Note

    case = Case.model_validate({"goal": {"form": "egzamin_panstwowy"}})
    decisions = [Decision(rule=rule, group="f", title=f"Decyzja {rule}", outcome=Outcome.MEETS, as_of=AS_OF,
                          reasons=[Reason(code="r", text=f"Powód numer {i} decyzji {rule}.") for i in range(3)],
                          legal_basis=[reg(2)]) for rule in ("f.admission", "f.session")]
    a = Assessment(as_of=AS_OF, law_checked_on=AS_OF, goal_form=case.goal.form, decisions=decisions,
                   warnings=[Note(code="w", text=f"Ostrzeżenie {i}: sprawdź dane.") for i in range(warnings)])
    data = build_summary(case, a, generated_on=GENERATED_ON)
    for title, _, page, top in outline(data):
        bottom = min(b for p, t, b in text_boxes(data, title) if p == page and abs(top - t) < 10 * MM)
        assert _text_below(data, page, bottom - 2, FOOTER_TOP), f"„{title}” is the last text of page {page + 1}"


def _text_below(data: bytes, page: int, top: float, floor: float) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        tp = doc[page].get_textpage()
        width = doc[page].get_width()
        return tp.get_text_bounded(left=0, bottom=floor, right=width, top=top).strip()
    finally:
        doc.close()


def test_official_texts_are_printed_as_short_addresses_linking_to_the_full_ones(typical):
    case, a, data = typical
    text = flat(data)
    assert "https://" not in text
    reader = PdfReader(io.BytesIO(data))
    links = [(a.get_object()["/A"]["/URI"], [float(v) for v in a.get_object()["/Rect"]], n)
             for n, page in enumerate(reader.pages) for a in page.get("/Annots", [])]
    uris = {uri for uri, _, _ in links}
    cited = {ACTS[ref.act] for d in a.decisions for ref in d.legal_basis}
    for act in cited:
        address = short_address(act.url)
        assert address in text and act.url in uris
        (page, top, bottom), = text_boxes(data, address)
        assert any(uri == act.url and n == page and rect[1] <= (top + bottom) / 2 <= rect[3]
                   for uri, rect, n in links), act.url  # the printed address is the link
    assert "https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf" in uris


def test_short_addresses_keep_the_host_and_the_end_of_the_path():
    assert short_address("https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf") == \
        "api.sejm.gov.pl/eli/…/2026/57/text.pdf"
    assert short_address("https://www.gov.pl/web/zdrowie") == "gov.pl/web/zdrowie"
    assert short_address("https://isap.sejm.gov.pl/") == "isap.sejm.gov.pl"
    assert len(short_address("https://example.org/" + "/".join(["segment"] * 12) + "/end.pdf")) <= 40
