"""No text a person or a file gave is ever read as Markdown or HTML – on any page, in any PDF (issue 12, § 1).

Every text field of a case (and of an organizer's edition) is filled with markup that Markdown or a browser would
act on: an image that makes the browser fetch an outside address, a javascript: link, raw HTML, bold, LaTeX,
Streamlit's colour directive. Every page (ui/state.py PAGES) and every interview step is then drawn with AppTest and
every string that Streamlit renders as Markdown – element bodies, labels, tooltips, radio options, captions,
progress texts, metric values – is checked: the markup never stands there as written (it is escaped, ui/text.py
`plain`), while the text is still shown literally (what the escaped source shows). The PDFs are built from the same
case and their extracted text must hold the payload as written, so fpdf2 printed it and did not interpret it.
"""
from __future__ import annotations

import io
import json
import re
import typing
from datetime import date
from enum import Enum
from itertools import cycle
from pathlib import Path

import pytest
from google.protobuf.message import Message
from pydantic import BaseModel

from logic import Case
from logic.case import Edition
from logic.interview import REVIEW_STEP, steps_for
from tests.apptest_support import assert_ok, open_app_page, shown
from ui.state import PAGES

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 23)
PAYLOADS = (
    "![x](http://example.invalid/a.png?who=Anna)",
    "<img src=x onerror=alert(1)>",
    "[link](javascript:alert(1))",
    "**bold**",
    "$x^2$",
    ":red[x]",
    "<script>alert(1)</script>",
)
# What Markdown or HTML would act on, anywhere in a source, unless escaped by a backslash. Our own texts use none
# of these.
ACTIVE = re.compile(r"(?<!\\)(?:!\[|<img|<script|\]\(javascript|\]\(http://example|:red\[|\*\*bold|\$x\^)")

# Proto fields that Streamlit renders as Markdown (its docstrings: "can optionally contain GitHub-flavored
# Markdown"); selectbox and multiselect options, input values and placeholders are plain text.
MARKDOWN_FIELDS = {"body", "label", "help", "text", "captions", "tooltip"}
MARKDOWN_OPTIONS = {"radio", "button_group"}  # their options are Markdown too
PLAIN_ELEMENTS = {"text", "code", "json", "arrow_data_frame", "arrow_table", "data_frame", "exception"}


def _fill(model: type[BaseModel], payloads, day: date) -> dict:
    """Every text field of `model` (and of its sub-models and one item of each list) filled with a payload;
    fields with a fixed format (PWZ number, exam session) and choices keep a valid value."""
    out: dict = {}
    for name, f in model.model_fields.items():
        ann = f.annotation
        args = [ann, *typing.get_args(ann)]
        inner = next((typing.get_args(a)[0] for a in args if typing.get_origin(a) is list), None)
        sub = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if name == "session":
            out[name] = "2027-wiosna"
        elif name == "number" and model.__name__ == "RightToPractise":
            out[name] = "0312345P"
        elif inner is not None and isinstance(inner, type) and issubclass(inner, BaseModel):
            out[name] = [_fill(inner, payloads, day)]
        elif sub is not None:
            out[name] = _fill(sub, payloads, day)
        elif str in args and not any(isinstance(a, type) and issubclass(a, Enum) for a in args):
            out[name] = next(payloads)
        elif date in args or "Day" in repr(ann):
            out[name] = day.isoformat()
        elif f.is_required():
            enum = next(a for a in args if isinstance(a, type) and issubclass(a, Enum))
            out[name] = next(iter(enum)).value
    return out


def payload_case(**overrides) -> Case:
    data = _fill(Case, cycle(PAYLOADS), date(2020, 1, 1))
    data.update(schema_version=3, profession="pielegniarka", exemption_team=None)
    data["goal"].update(form="specjalizacja", exam_date=None)
    data["employment"][0].update(ongoing=True, end=None, in_profession=True)
    data["exemption"]["scope"] = "czesc"
    data.update(overrides)
    return Case.model_validate(data)


def payload_edition() -> Edition:
    data = _fill(Edition, cycle(PAYLOADS), date(2027, 3, 1))
    data.update(form="specjalizacja")
    return Edition.model_validate(data)


FREE_TEXT = {"name", "employer", "unit", "organizer", "certificate", "diploma", "university", "country", "issued_by",
             "first_names", "surname", "doctorate_field", "label"}
FIELDS = {"field", "unit_field"}


def payload_example(path: Path, keys: set[str]) -> Case:
    """An example case with every text under one of `keys` replaced by a payload: the rules still see the same
    facts (and give the same decisions, with their dates and steps), but every name is markup."""
    payloads = cycle(PAYLOADS)

    def walk(node):
        if isinstance(node, dict):
            return {k: next(payloads) if k in keys and isinstance(v, str) else walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return Case.model_validate(walk(json.loads(path.read_text(encoding="utf-8"))))


EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


# --- what Streamlit renders as Markdown ------------------------------------------------------------------------------


def _strings(message, path=""):
    """(path, field name, text) for every string field set in a proto message, nested ones included."""
    for fd, value in message.ListFields():
        name = fd.name
        if fd.type not in (fd.TYPE_MESSAGE, fd.TYPE_STRING):
            continue
        values = [value] if isinstance(value, (str, Message)) else list(value)
        if fd.type == fd.TYPE_MESSAGE:
            for v in values:
                if isinstance(v, Message):
                    yield from _strings(v, f"{path}.{name}")
        elif fd.type == fd.TYPE_STRING:
            for v in values:
                yield f"{path}.{name}".lstrip("."), name, v


def markdown_sources(at) -> list[tuple[str, str]]:
    """(where, source) for every string on the page that Streamlit renders as Markdown."""
    out = []
    for node in [*at._tree]:
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if proto is None or kind in PLAIN_ELEMENTS or not hasattr(proto, "ListFields"):
            continue
        for where, name, text in _strings(proto):
            if name in MARKDOWN_FIELDS or (name == "options" and kind in MARKDOWN_OPTIONS):
                out.append((f"{kind}:{where}", text))
    return out


def assert_no_active_markup(at, context: str) -> str:
    """No Markdown source on the page holds markup as written; returns what the sources show, joined."""
    sources = markdown_sources(at)
    # st.html bodies are HTML (the frame's own constants): none may hold a payload at all
    bad = [(where, text) for where, text in sources if ACTIVE.search(text) and not where.startswith("html:")
           or where.startswith("html:") and any(p in text for p in PAYLOADS)]
    assert not bad, f"{context}: markup rendered as Markdown: {bad[:5]}"
    return "\n".join(shown(text) for _, text in sources)


def open_with(page_file: str, case: Case, **state):
    return open_app_page(page_file, AS_OF, case=case, **state)


# --- every page -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.key)
def test_no_page_renders_a_payload_case_or_edition_as_markdown(page):
    at = open_with(page.file, payload_case(), iv_answered={s.key for s in steps_for(payload_case().goal.form)},
                   iv_step=REVIEW_STEP, **{"ed.edition": payload_edition(), "law_search": PAYLOADS[0]})
    assert_ok(at)
    assert_no_active_markup(at, page.key)


@pytest.mark.parametrize("page", ["wynik", "terminy", "wniosek"])
@pytest.mark.parametrize("keys", [FREE_TEXT, FREE_TEXT | FIELDS], ids=["names", "names-and-fields"])
def test_every_example_with_markup_for_its_names_shows_them_only_literally_on_wynik_terminy_and_wniosek(page, keys):
    file = next(p.file for p in PAGES if p.key == page)
    for path in EXAMPLES:
        at = open_with(file, payload_example(path, keys))
        assert_ok(at)
        assert_no_active_markup(at, f"{page}, {path.stem}")


def _draw_every_card(keys: list[str]) -> None:
    """Every decision of the payload case and of every example with payload names, each card drawn open."""
    from datetime import date as _date
    from pathlib import Path as _Path

    from logic import assess
    from tests.test_no_markup import EXAMPLES, payload_case, payload_example
    from ui import decisions as D

    cases = [payload_case(), *(payload_example(_Path(p), set(keys)) for p in EXAMPLES)]
    for n, case in enumerate(cases):
        for i, d in enumerate(assess(case, _date(2026, 11, 23)).decisions):
            D.show_decision(d, i, expanded=True, key_prefix=f"c{n}.")


@pytest.mark.parametrize("keys", [FREE_TEXT, FREE_TEXT | FIELDS], ids=["names", "names-and-fields"])
def test_every_decision_card_drawn_open_shows_names_only_literally(keys):
    """Wynik draws a closed card's content only once it is opened; here every card is drawn open."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_draw_every_card, args=(sorted(keys),), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    seen = assert_no_active_markup(at, "cards")
    assert any(p in seen for p in PAYLOADS), "no card showed a payload"


def test_every_interview_step_shows_the_payloads_literally_and_never_as_markdown():
    case = payload_case()
    for step in steps_for(case.goal.form):
        at = open_with("app_pages/1_Moja_sytuacja.py", case, iv_step=step.key,
                       iv_answered={s.key for s in steps_for(case.goal.form)})
        assert_ok(at)
        seen = assert_no_active_markup(at, step.key)
        if step.key == REVIEW_STEP:
            for payload in PAYLOADS:
                assert payload in seen, f"{payload!r} is not shown literally on the review"


def test_a_broken_files_errors_quoting_its_values_are_shown_literally_on_zapisz_i_wczytaj():
    from ui import casefile

    raw = json.dumps({"schema_version": 3, "profession": PAYLOADS[0], "goal": {"form": PAYLOADS[1]},
                      PAYLOADS[2]: 1}).encode()
    case, errors = casefile.load_case(raw)
    assert case is None and errors
    at = open_with("app_pages/5_Zapisz_i_wczytaj.py", payload_case(), load_errors=errors)
    assert_ok(at)
    seen = assert_no_active_markup(at, "zapisz")
    assert "Nie wczytaliśmy pliku" in seen
    for error in errors:
        assert error in seen


def test_a_typed_case_code_and_its_error_are_shown_literally_on_infolinia():
    at = open_with("app_pages/8_Infolinia.py", payload_case(), **{"quick.code": PAYLOADS[0]})
    assert_ok(at)
    assert_no_active_markup(at, "infolinia")


def test_an_intake_spreadsheets_cells_are_shown_literally_and_never_as_markdown():
    from logic.case import Form
    from tests.intake_support import filled_xlsx

    def person(lp, first, surname):
        return {"Lp.": lp, "Imię (imiona)": first, "Nazwisko": surname, "Zawód": "pielęgniarka", "Ma PWZ": "tak",
                "Numer PWZ": f"{lp:07d}P"}

    def job(lp, start, text):
        return {"Lp.": lp, "Od": start, "Trwa": "tak", "Pracodawca": text, "Komórka": text,
                "Dziedzina komórki": text, "W zawodzie": "tak"}

    sheets = {"Osoby": [person(1, PAYLOADS[0], PAYLOADS[1]), person(2, PAYLOADS[2], PAYLOADS[3]),
                        person(3, PAYLOADS[4], PAYLOADS[6])],
              "Praca": [job(1, "01.01.2020", PAYLOADS[5]), job(2, "01.06.2025", PAYLOADS[0]),
                        job(3, PAYLOADS[0], PAYLOADS[1])]}  # Lp. 3: a start that is no date, quoted in the error
    at = open_app_page("app_pages/7_Podglad_naboru.py", AS_OF)
    at.selectbox(key="intake.w.form").set_value(Form.SPECJALIZACJA).run()
    at.selectbox(key="intake.w.field").set_value("pielęgniarstwo chirurgiczne").run()
    at.session_state["intake.files"] = [("nabor.xlsx", filled_xlsx(sheets))]
    at.run()
    assert_ok(at)
    assert_no_active_markup(at, "arkusz")
    shown_names = []
    for lp in (1, 2, 3):
        at.selectbox(key="intake.w.person").set_value(lp).run()
        assert_ok(at)
        shown_names.append(assert_no_active_markup(at, f"arkusz, Lp. {lp}"))
        shown_names.append(" ".join(t.value for t in at.text))
    everything = "\n".join(shown_names)
    for payload in (PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], PAYLOADS[3]):
        assert payload in everything, payload


# --- the PDFs -------------------------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_forms_never_ask_fpdf2_to_interpret_text_but_the_templates_own_words():
    """fpdf2 reads markup only with markdown=True or write_html: the only markdown=True calls carry the template's
    own words with its strike-through marks (forms/annex1.py `_strike` over the template's constant choices), and
    forms/pdf.py passes its caller's flag on."""
    import ast

    for path in (ROOT / "forms").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "write_html" not in source and "HTMLMixin" not in source, path.name
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.Call):
                continue
            for kw in node.keywords:
                if kw.arg != "markdown" or (isinstance(kw.value, ast.Name) and kw.value.id == "markdown"):
                    continue  # pdf.py's paragraph passes its own parameter on
                assert isinstance(kw.value, ast.Constant), (path.name, node.lineno)
                if kw.value.value is True and path.name == "pdf.py":  # inside `paragraph`, behind its own flag
                    assert ast.get_source_segment(source, node.func) == "self.multi_cell", node.lineno
                elif kw.value.value is True:
                    assert path.name == "annex1.py", (path.name, node.lineno)
                    text = next(a for a in node.args if not (isinstance(a, ast.Name) and a.id == "pdf"))
                    assert "_strike(" in ast.get_source_segment(source, text), (path.name, node.lineno)


@pytest.mark.parametrize("builder", ["annex1", "summary"])
def test_a_payload_case_prints_its_markup_literally_in_the_pdfs(builder):
    from pypdf import PdfReader

    from forms import annex1_values, build_annex1, build_summary
    from logic import assess

    case = payload_case()
    assessment = assess(case, AS_OF)
    if builder == "annex1":
        data = build_annex1(annex1_values(case, assessment), as_of=AS_OF, generated_on=AS_OF)
    else:
        data = build_summary(case, assessment, generated_on=AS_OF)
    text = _squash("".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages))
    # written as typed, not bolded, linked or dropped as markup: the name on Annex 1, the goal's field on both
    assert _squash(case.goal.field) in text
    if builder == "annex1":
        assert _squash(f"{case.person.first_names} {case.person.surname}") in text
