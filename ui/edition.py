"""The organizer's edition (one cohort of a specialization or course) on "Nabór i komisja": its widgets, how their
values become an `Edition`, the Polish names of the edition's facts, and where each decision's card is shown.

Nothing here decides: the decisions come from `logic.assess.assess_edition`; this module only collects the facts
and places the cards beside the fields they answer.

State (all keys start with "ed.", which "Wyczyść dane" forgets; nothing leaves this browser session):
- `ed.edition` – the Edition, rebuilt from the widgets on every run (the widgets' own keys are dropped by Streamlit
  on pages where they are not drawn, so the Edition is what survives a visit to another page);
- `ed.rev` – bumped when the whole edition is replaced (a loaded file): the widgets start again from it;
- `ed.rows` / `ed.next_row` – stable ids of the commission's rows, parallel to `edition.commission`, so that
  removing a member keeps what was typed in the rows below it;
- widget keys `ed.<rev>.<fact>` and `ed.<rev>.m<row id>.<fact>`.

"Nie wiem" is always None: an empty number or date field, the "Nie wiem" choice, an empty text. A commission with
no members and a kierownik candidate with no answers are None too (not given), so no card is shown for them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import annotated_types
import streamlit as st
from pydantic import BaseModel, ValidationError

from logic.assess import Assessment
from logic.case import (EARLIEST_DAY, FORM_LABELS_PL, LATEST_DAY, CommissionMember, CommissionRole, Edition, Form,
                        LeaderCandidate)
from logic.decision import Decision
from logic.errors import describe as describe_errors
from logic.glossary import term_help
from logic.interview import YES_NO_LABELS, describe_path
from logic.periods import polish_date
from ui import decisions as D
from ui import editionfile as EF
from ui import state as S
from ui.text import plain

EDITION = "ed.edition"
REV = "ed.rev"
ROWS = "ed.rows"
NEXT_ROW = "ed.next_row"
LOAD_ERRORS = "ed.load_errors"
UPLOAD_REV = "ed.upload_rev"
INVALID = "ed.invalid"  # Polish messages when the widgets' values do not make a valid edition

UNKNOWN = "nie_wiem"
YES_NO: dict[str, bool | None] = {"tak": True, "nie": False, UNKNOWN: None}
YES_NO_TEXT = {k: YES_NO_LABELS[v] for k, v in YES_NO.items()}
FORMS: tuple[Form, ...] = EF.EDITION_FORMS
FORM_TEXT = {**{f.value: FORM_LABELS_PL[f] for f in FORMS}, UNKNOWN: YES_NO_LABELS[None]}
MATCH: dict[str, bool | None] = {"zgodna": True, "pokrewna": False, UNKNOWN: None}
MATCH_TEXT = {"zgodna": "zgodnej z dziedziną specjalizacji", "pokrewna": "pokrewnej", UNKNOWN: YES_NO_LABELS[None]}

ROLE_LABELS: dict[CommissionRole, str] = {
    CommissionRole.KIEROWNIK: "kierownik specjalizacji / kursu (przewodniczący)",
    CommissionRole.ORGANIZER_REPRESENTATIVE: "przedstawiciel organizatora kształcenia",
    CommissionRole.PROFESSIONAL_SOCIETY: "przedstawiciel stowarzyszenia zawodowego lub towarzystwa naukowego",
    CommissionRole.NRPIP: "przedstawiciel Naczelnej Rady Pielęgniarek i Położnych",
    CommissionRole.CONSULTANT: "konsultant wojewódzki",
    CommissionRole.NATIONAL_CONSULTANT: "konsultant krajowy",
    CommissionRole.ACADEMIC: "pracownik naukowy uczelni",
    CommissionRole.TEACHING_STAFF: "osoba z kadry dydaktycznej",
    CommissionRole.OTHER: "inna osoba",
}


@dataclass(frozen=True)
class Fact:
    """One fact of the edition (or of the kierownik candidate) and its widget."""

    name: str  # the attribute of Edition, or of LeaderCandidate for the candidate's facts
    label: str
    kind: str  # "form", "text", "int", "years", "date", "yes_no"
    help: str | None = None
    glossary: str | None = None  # a glossary term whose explanation is the tooltip

    def tooltip(self, on: date) -> str | None:
        parts = [p for p in (self.help, term_help(self.glossary, on) if self.glossary else None) if p]
        return "\n\n".join(parts) or None


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    icon: str
    intro: str
    facts: tuple[Fact, ...]
    rules: tuple[str, ...]  # rule codes whose cards are shown beside this section, each with the codes under it
    #                         ("c.commission" also places "c.commission.consultant"; "h" places every "h.…")
    model: type[BaseModel] = Edition  # the model the facts belong to


NABOR = Section(
    key="nabor", title="Rodzaj kształcenia i nabór", icon=":material/how_to_reg:",
    intro="Czy trzeba przeprowadzić pisemny egzamin wstępny.",
    facts=(
        Fact("form", "Rodzaj kształcenia", "form"),
        Fact("field", "Dziedzina lub zakres", "text", glossary="dziedzina"),
        Fact("publicly_funded", "Czy specjalizacja jest dofinansowana ze środków publicznych przez ministra zdrowia",
             "yes_no", help="Dotyczy specjalizacji.", glossary="dofinansowanie"),
        Fact("places", "Liczba miejsc", "int", help="Liczba miejsc określona przez organizatora."),
        Fact("applicants", "Liczba osób ubiegających się o zakwalifikowanie", "int"),
    ),
    rules=("c.entrance_exam",))
TERMINY = Section(
    key="terminy", title="Terminy", icon=":material/event:",
    intro="Czy planowany czas trwania jest zgodny z przepisami, do kiedy trzeba wydać EKK i powiadomić CMKP.",
    facts=(
        Fact("planned_start", "Planowana data rozpoczęcia", "date"),
        Fact("planned_end", "Planowana data zakończenia", "date"),
        Fact("qualified_on", "Dzień zakwalifikowania uczestników", "date",
             help="Od tego dnia liczy się termin wydania EKK (specjalizacja).", glossary="ekk"),
    ),
    rules=("h",))
UZUPELNIAJACE = Section(
    key="uzupelniajace", title="Uzupełniające postępowanie kwalifikacyjne", icon=":material/person_add:",
    intro="Czy przy wolnych miejscach można jeszcze przeprowadzić postępowanie uzupełniające (specjalizacja).",
    facts=(
        Fact("qualified", "Liczba osób już zakwalifikowanych", "int"),
        Fact("programme_started", "Czy realizacja programu specjalizacji już się rozpoczęła", "yes_no"),
        Fact("programme_hours_total", "Ogólny wymiar godzin programu", "int"),
        Fact("programme_hours_done", "Liczba godzin programu już zrealizowanych", "int"),
        Fact("supplementary_round_on", "Data uzupełniającego postępowania kwalifikacyjnego", "date",
             help="Gdy pole jest puste, sprawdzamy postępowanie na dzień „Stan prawny na dzień”."),
    ),
    rules=("c.supplementary_round",))
KOMISJA = Section(
    key="komisja", title="Komisja kwalifikacyjna", icon=":material/groups:",
    intro="Czy skład komisji jest zgodny z przepisami (w tym konsultant wojewódzki).",
    facts=(),  # the members are a list, drawn by draw_commission
    rules=("c.commission",))
KIEROWNIK = Section(
    key="kierownik", title="Kandydat na kierownika specjalizacji / kursu", icon=":material/badge:",
    intro="Czy ta osoba może być kierownikiem.",
    facts=(
        Fact("specialist_title_in_field", "Tytuł specjalisty w dziedzinie kształcenia", "yes_no"),
        Fact("specialist_title_in_related_field", "Tytuł specjalisty w dziedzinie pokrewnej", "yes_no",
             help="Dotyczy kierownika specjalizacji."),
        Fact("doctorate", "Stopień naukowy co najmniej doktora", "yes_no"),
        Fact("academic_teacher", "Nauczyciel akademicki uczelni kształcącej na kierunku pielęgniarstwo lub "
             "położnictwo", "yes_no"),
        Fact("magister_nursing", "Tytuł magistra pielęgniarstwa lub położnictwa", "yes_no"),
        Fact("years_experience_in_field", "Lata doświadczenia zawodowego w dziedzinie", "years"),
        Fact("years_in_profession", "Lata pracy w zawodzie", "years"),
        Fact("employed_in_matching_unit", "Zatrudnienie w komórce organizacyjnej o profilu zgodnym z dziedziną",
             "yes_no"),
    ),
    rules=("i",), model=LeaderCandidate)
SECTIONS: tuple[Section, ...] = (NABOR, TERMINY, UZUPELNIAJACE, KOMISJA, KIEROWNIK)
EDITION_FACTS: tuple[Fact, ...] = NABOR.facts + TERMINY.facts + UZUPELNIAJACE.facts
LEADER_FACTS: tuple[Fact, ...] = KIEROWNIK.facts

# Polish names of the edition's facts, for "Czego brakuje" on the cards.
PATH_LABELS: dict[str, str] = {
    **{f"edition.{f.name}": f.label for f in EDITION_FACTS},
    "edition.commission": "Skład komisji kwalifikacyjnej",
    "edition.leader": "Kandydat na kierownika",
    **{f"edition.leader.{f.name}": f"Kandydat na kierownika: {f.label}" for f in LEADER_FACTS},
}


def describe(path: str) -> str:
    """A Polish name for a fact path: the edition's from this page's labels, any other as the interview names it."""
    return PATH_LABELS.get(path) or describe_path(path)


# --- state ----------------------------------------------------------------------------------------------------------


def init() -> None:
    ss = st.session_state
    ss.setdefault(EDITION, Edition())
    ss.setdefault(REV, 0)
    ss.setdefault(UPLOAD_REV, 0)
    if ROWS not in ss or len(ss[ROWS]) != len(ss[EDITION].commission or []):
        _renumber_rows(ss[EDITION])


def edition() -> Edition:
    return st.session_state[EDITION]


def _renumber_rows(ed: Edition) -> None:
    n = len(ed.commission or [])
    st.session_state[ROWS] = list(range(n))
    st.session_state[NEXT_ROW] = n


def replace(ed: Edition) -> None:
    """Put a whole new edition in place (a loaded file): every widget starts again from it."""
    ss = st.session_state
    ss[EDITION] = ed
    ss[REV] = ss.get(REV, 0) + 1
    ss.pop(INVALID, None)
    _renumber_rows(ed)


def key(name: str, row: int | None = None) -> str:
    rev = st.session_state.get(REV, 0)
    return f"ed.{rev}.{name}" if row is None else f"ed.{rev}.m{row}.{name}"


# --- widget values <-> facts -----------------------------------------------------------------------------------------


def _to_widget(fact: Fact, value: Any) -> Any:
    if fact.kind == "yes_no":
        return next(k for k, v in YES_NO.items() if v is value)
    if fact.kind == "form":
        return value.value if isinstance(value, Form) and value in FORMS else UNKNOWN
    if fact.kind == "text":
        return value or ""
    if fact.kind == "years":
        return None if value is None else float(value)
    return value


def _from_widget(fact: Fact, value: Any) -> Any:
    if fact.kind == "yes_no":
        return YES_NO.get(value)
    if fact.kind == "form":
        return None if value in (None, UNKNOWN) else Form(value)
    if fact.kind == "text":
        return (value or "").strip() or None
    if fact.kind == "int":
        return None if value is None else int(value)
    return value


def seed() -> None:
    """Give every widget that has no value yet the edition's value (on the first visit, after another page, after a
    file was loaded, for a member just added)."""
    ss = st.session_state
    ed = edition()
    for fact in EDITION_FACTS:
        ss.setdefault(key(fact.name), _to_widget(fact, getattr(ed, fact.name)))
    leader = ed.leader or LeaderCandidate()
    for fact in LEADER_FACTS:
        ss.setdefault(key(fact.name), _to_widget(fact, getattr(leader, fact.name)))
    for row, member in zip(ss[ROWS], ed.commission or []):
        ss.setdefault(key("name", row), member.name or "")
        ss.setdefault(key("match", row), next(k for k, v in MATCH.items() if v is member.consultant_field_matches))


def collect() -> tuple[Edition | None, list[str]]:
    """The edition as the widgets now say, or (None, Polish messages) when their values do not fit together."""
    ss = st.session_state
    values: dict[str, Any] = {f.name: _from_widget(f, ss.get(key(f.name))) for f in EDITION_FACTS}
    leader = {f.name: _from_widget(f, ss.get(key(f.name))) for f in LEADER_FACTS}
    values["leader"] = leader if any(v is not None for v in leader.values()) else None
    members = []
    for row, member in zip(ss[ROWS], edition().commission or []):
        name = (ss.get(key("name", row)) or "").strip() or None
        match = (MATCH.get(ss.get(key("match", row))) if member.role is CommissionRole.CONSULTANT
                 else member.consultant_field_matches)
        members.append({"role": member.role, "name": name, "consultant_field_matches": match})
    values["commission"] = members or None
    try:
        return Edition.model_validate(values), []
    except ValidationError as err:
        return None, [message if path == "(cały plik)" else f"{describe('edition.' + path)}: {message}"
                      for path, message in describe_errors(err)]


def update() -> Edition:
    """Rebuild the edition from the widgets; when their values do not fit together, keep the last valid edition and
    remember the messages for the page."""
    ss = st.session_state
    found, problems = collect()
    if found is None:
        ss[INVALID] = problems
        return edition()
    ss.pop(INVALID, None)
    ss[EDITION] = found
    return found


# --- callbacks -------------------------------------------------------------------------------------------------------


@S.guarded
def add_member() -> None:
    ss = st.session_state
    role = CommissionRole(ss.get(key("new_role")) or CommissionRole.KIEROWNIK.value)
    ed = edition()
    ss[EDITION] = ed.model_copy(update={"commission": [*(ed.commission or []), CommissionMember(role=role)]})
    ss[ROWS] = [*ss[ROWS], ss[NEXT_ROW]]
    ss[NEXT_ROW] += 1


@S.guarded
def remove_member(row: int) -> None:
    ss = st.session_state
    rows = list(ss[ROWS])
    if row not in rows:
        return
    i = rows.index(row)
    ed = edition()
    members = list(ed.commission or [])
    del rows[i], members[i]
    ss[ROWS] = rows
    ss[EDITION] = ed.model_copy(update={"commission": members or None})
    for name in ("name", "match"):
        ss.pop(key(name, row), None)


@S.guarded
def on_upload() -> None:
    ss = st.session_state
    uploaded = ss.get(f"ed.upload.{ss[UPLOAD_REV]}")
    if uploaded is None:
        return
    loaded, errors = EF.load_edition(uploaded.getvalue())
    ss[UPLOAD_REV] += 1  # a fresh uploader, so that the same file can be chosen again
    if errors or loaded is None:
        ss[LOAD_ERRORS] = errors
        return
    replace(loaded)
    S.flash("success", "Wczytaliśmy opis naboru z pliku. Odpowiedzi poniżej są policzone dla niego.")


# --- drawing ---------------------------------------------------------------------------------------------------------

def _bounds(model: type[BaseModel], name: str) -> tuple[Any, Any]:
    """The smallest and largest value the model accepts for a number (its ge / le), so the widget offers the same."""
    low = high = None
    for m in model.model_fields[name].metadata:
        if isinstance(m, annotated_types.Ge):
            low = m.ge
        elif isinstance(m, annotated_types.Le):
            high = m.le
    return low, high


def _max_length(model: type[BaseModel], name: str) -> int | None:
    return next((m.max_length for m in model.model_fields[name].metadata if isinstance(m, annotated_types.MaxLen)),
                None)


def draw_fact(fact: Fact, model: type[BaseModel]) -> None:
    k = key(fact.name)
    tip = fact.tooltip(S.as_of())
    if fact.kind == "form":
        options = [*(f.value for f in FORMS), UNKNOWN]
        st.radio(fact.label, options, format_func=FORM_TEXT.get, key=k, help=tip)
    elif fact.kind == "yes_no":
        st.radio(fact.label, list(YES_NO), format_func=YES_NO_TEXT.get, key=k, help=tip, horizontal=True)
    elif fact.kind == "text":
        st.text_input(fact.label + " (puste = nie wiem)", key=k, help=tip, max_chars=_max_length(model, fact.name),
                      placeholder="nie wiem")
    elif fact.kind in ("int", "years"):
        kind = int if fact.kind == "int" else float
        low, high = (None if b is None else kind(b) for b in _bounds(model, fact.name))
        st.number_input(fact.label + " (puste = nie wiem)", value=None, key=k, help=tip, min_value=low,
                        max_value=high, step=kind(1) if kind is int else 0.5, format="%d" if kind is int else "%.1f",
                        placeholder="nie wiem")
    elif fact.kind == "date":
        st.date_input(fact.label + " (puste = nie wiem)", value=None, key=k, help=tip, format="DD.MM.YYYY",
                      min_value=EARLIEST_DAY, max_value=LATEST_DAY)
    else:  # pragma: no cover - every kind is drawn above
        raise ValueError(fact.kind)


def draw_commission() -> None:
    ss = st.session_state
    ed = edition()
    members = ed.commission or []
    if not members:
        st.caption("Skład komisji nie został podany. Dodaj jej członków – każdego z jego rolą.")
    for n, (row, member) in enumerate(zip(ss[ROWS], members), start=1):
        with st.container(border=True):
            st.markdown(f"**Członek {n}:** {ROLE_LABELS[member.role]}")
            st.text_input(f"Członek {n} – imię i nazwisko (nieobowiązkowe)", key=key("name", row),
                          max_chars=_max_length(CommissionMember, "name"),
                          help="Niepotrzebne do oceny składu; zostaje tylko w tej sesji i w pliku, jeśli go "
                               "pobierzesz.")
            if member.role is CommissionRole.CONSULTANT:
                st.radio(f"Członek {n} – konsultant wojewódzki w dziedzinie", list(MATCH),
                         format_func=MATCH_TEXT.get, key=key("match", row), horizontal=True,
                         help="Zgodnej z dziedziną specjalizacji, a gdy takiego konsultanta nie ma – pokrewnej.")
            st.button(f"Usuń członka {n}", key=key("remove", row), on_click=remove_member, args=(row,),
                      icon=":material/person_remove:", help=f"Usuwa z listy członka {n} ({ROLE_LABELS[member.role]}).")
    roles = [r.value for r in ROLE_LABELS]
    st.selectbox("Rola nowego członka komisji", roles, format_func=lambda v: ROLE_LABELS[CommissionRole(v)],
                 key=key("new_role"))
    st.button("Dodaj członka komisji", key=key("add_member"), on_click=add_member, icon=":material/person_add:")


def draw_section(section: Section) -> None:
    """The section's widgets: the commission's list of members, or one widget per fact."""
    st.caption(section.intro)
    if section is KOMISJA:
        draw_commission()
    for fact in section.facts:
        draw_fact(fact, section.model)


def cards_by_section(assessment: Assessment) -> dict[str, list[Decision]]:
    """Each decision under the section whose facts it answers; any other (e.g. which rules apply at all) under
    "" – shown first, above the sections. Every decision appears exactly once, in the assessment's order."""
    out: dict[str, list[Decision]] = {"": [], **{s.key: [] for s in SECTIONS}}
    for d in assessment.decisions:
        home = next((s.key for s in SECTIONS for p in s.rules if d.rule == p or d.rule.startswith(p + ".")), "")
        out[home].append(d)
    return out


def show_cards(decisions: list[Decision], prefix: str) -> None:
    """The section's decisions as cards, their missing facts named as this page names them."""
    for i, d in enumerate(decisions):
        D.show_decision(d, i, expanded=True, fillable=False, key_prefix=f"ed.{prefix}.", describe=describe)


def heading(assessment: Assessment) -> None:
    st.markdown(f"Ocena na dzień **{polish_date(assessment.as_of)}** (przepisy sprawdzone na dzień "
                f"{polish_date(assessment.law_checked_on)}). Dzień zmienisz w „Stan prawny na dzień” z boku.")


def show_load_errors() -> None:
    errors = st.session_state.pop(LOAD_ERRORS, None)
    if errors:
        st.error("Nie wczytaliśmy pliku – opis naboru się nie zmienił.\n\n"
                 + "\n".join(f"- {plain(e)}" for e in errors), icon=":material/error:")
