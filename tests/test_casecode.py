"""The case code for the help desk (logic/casecode.py): it carries the case without personal data, comes back as
the same assessment, refuses what was mistyped or altered with a Polish sentence, and is shown on "Wynik".

Cases are made by a seeded generator (below) that fills every personal field the model has, so that the checks
for what the code must not carry have something to find.
"""
from __future__ import annotations

import hashlib
import json
import logging
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from logic import Assessment, Case, assess
from logic import casecode as cc
from logic.assess import has_person_facts
from logic.case import CourseKind, ExamResult, ExemptionScope, Form, Gender, Profession, SpecializationStatus
from logic.casecode import CaseCodeError, decode, encode, personal_data_free
from logic.common import normalize_field
from logic.fields import fields_for

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
AS_OF = date(2026, 11, 23)
DAYS = [date(2026, 1, 20), AS_OF, date(2027, 6, 1), date(2028, 12, 31)]
TYPICAL = "pielegniarka-specjalizacja.json"
TYPICAL_MAX_CHARS = 44  # its code has 40 characters (50 with the hyphens)
TYPICAL_GENERATED_MAX_CHARS = 32


def example(name: str) -> Case:
    return Case.model_validate(json.loads((ROOT / "examples" / name).read_text(encoding="utf-8")))


def person_examples() -> list[Path]:
    return [p for p in EXAMPLES if has_person_facts(example(p.name))]


# --- a generator of valid cases full of personal data -----------------------------------------------------------

# Personal data the generator writes, to look for in codes; each string is long enough not to occur by chance.
FIRST_NAMES = ["Anna Maria", "Katarzyna", "Zofia Helena", "Bartłomiej", "Grzegorz"]
SURNAMES = ["Kowalska", "Wiśniewska-Zając", "Nowakowski", "Szczepańska", "Brzęczyszczykiewicz"]
CHAMBERS = ["Okręgowa Rada Pielęgniarek i Położnych w Krakowie", "OIPiP w Gdańsku", "ORPiP w Lublinie"]
EMPLOYERS = ["Szpital Miejski, ul. Długa 1, Kraków", "Centrum Medyczne Zdrowie sp. z o.o.", "SPZOZ w Przemyślu"]
UNITS = ["Oddział chirurgii ogólnej", "Poradnia diabetologiczna", "Blok operacyjny nr 2"]
ORGANIZERS = ["Centrum Kształcenia Podyplomowego Medyk", "Fundacja Rozwoju Pielęgniarstwa", "OIPiP w Katowicach"]
COURSE_NAMES = ["Kurs kwalifikacyjny w dziedzinie pielęgniarstwa chirurgicznego", "Leczenie ran przewlekłych",
                "Resuscytacja krążeniowo-oddechowa dorosłych"]
UNIVERSITIES = ["Uniwersytet Jagielloński Collegium Medicum", "Gdański Uniwersytet Medyczny"]
CERTIFICATES = ["12/1998, 20.06.1998, Kraków", "KK/345/2005/Gdańsk", "dyplom nr 7781/2019"]
COUNTRIES = ["Niemcy", "Wielka Brytania", "Norwegia"]
LABELS = ["Sprawa pani Zofii z oddziału 3", "Pielęgniarz Grzegorz – kurs 2025"]
PWZ_NUMBERS = ["0312345P", "0654321A", "1234567P", "7654321A"]
PERSONAL = [*FIRST_NAMES, *SURNAMES, *CHAMBERS, *EMPLOYERS, *UNITS, *ORGANIZERS, *COURSE_NAMES, *UNIVERSITIES,
            *CERTIFICATES, *COUNTRIES, *LABELS, *PWZ_NUMBERS]

# Fields not on the list (one is spelt like the stand-in a decoded case has for such a field), and spellings of
# listed ones that the rules read as the same field.
UNLISTED = ["leczenie ran", "Leczenie  Ran", "opieka nad pacjentem z cukrzycą", "dziedzina spoza listy nr 1"]
SPELLINGS = [lambda s: s, str.upper, lambda s: "  " + s.replace(" ", "  ") + " ", str.title]


def iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()


class CaseGenerator:
    """Valid cases of every shape the interview and a case file can give, with personal data in every text field.
    `unlisted` is the share of fields drawn from outside the list (and of courses with a name but no field, whose
    name the rules read as the field)."""

    def __init__(self, seed: int, unlisted: float = 0.0):
        self.r = random.Random(seed)
        self.unlisted = unlisted

    def maybe(self) -> bool | None:
        return self.r.choice([True, False, None])

    def pick(self, options: list, none: float = 0.2) -> Any:
        return None if self.r.random() < none else self.r.choice(options)

    def day(self, first: date = date(1975, 1, 1), last: date = date(2030, 12, 31), none: float = 0.1
            ) -> date | None:
        if self.r.random() < none:
            return None
        return first + timedelta(days=self.r.randrange((last - first).days + 1))

    def field(self, none: float = 0.15) -> str | None:
        x = self.r.random()
        if x < none:
            return None
        if x < none + 0.03:
            return ""
        if self.r.random() < self.unlisted:
            return self.r.choice(UNLISTED)
        return self.r.choice(SPELLINGS)(self.r.choice(cc.FIELD_TABLE))

    def session(self) -> str:
        return f"{self.r.randint(2020, 2030)}-{self.r.choice(['wiosna', 'jesien', 'Jesień'])}"

    def items(self, make, most: int) -> list:
        return [make() for _ in range(self.r.choice([0, 0, 1, 1, 2, most]))]

    def employment(self) -> dict:
        start = self.day(date(1980, 1, 1), date(2028, 12, 31))
        period = {"start": iso(start), "employer": self.pick(EMPLOYERS), "unit": self.pick(UNITS),
                  "unit_field": self.field(), "in_profession": self.r.choice([True] * 6 + [False, None])}
        kind = self.r.choice(["ended", "ended", "ongoing", "open"])
        if kind == "ongoing":
            period["ongoing"] = True
        elif kind == "ended":
            period["end"] = iso((start or date(1980, 1, 1)) + timedelta(days=self.r.randrange(15 * 365)))
        return period

    def course(self) -> dict:
        completed = self.day(date(1990, 1, 1), date(2028, 12, 31))
        started = None
        if completed and self.r.random() < 0.4:
            started = completed - timedelta(days=self.r.randrange(30, 400))
        no_field = self.r.random() < self.unlisted
        return {"kind": self.r.choice(list(CourseKind)).value,
                "name": self.r.choice(COURSE_NAMES + UNLISTED) if no_field else self.pick(COURSE_NAMES),
                "field": None if no_field else self.field(), "completed_on": iso(completed),
                "exam": self.pick([x.value for x in ExamResult]), "organizer": self.pick(ORGANIZERS),
                "certificate": self.pick(CERTIFICATES), "hours": self.pick([110, 520, 560, 0, 5000, 37]),
                "started_on": iso(started), "theory_passed": self.maybe(), "practice_passed": self.maybe()}

    def specialization(self) -> dict:
        started = self.day(date(1995, 1, 1), date(2028, 12, 31), none=0.2)
        ended = None
        if self.r.random() < 0.5:
            ended = (started or date(1995, 1, 1)) + timedelta(days=self.r.randrange(6 * 365))
        return {"field": self.field(), "publicly_funded": self.maybe(),
                "status": self.pick([s.value for s in SpecializationStatus]), "started_on": iso(started),
                "ended_on": iso(ended), "hours_share_done": self.r.choice([None, 0.5, 1.0, self.r.random()]),
                "ekk_complete": self.maybe(), "organizer": self.pick(ORGANIZERS)}

    def data(self) -> dict:
        r = self.r
        data: dict[str, Any] = {
            "schema_version": 2,
            "label": self.pick(LABELS),
            "person": {"first_names": self.pick(FIRST_NAMES), "surname": self.pick(SURNAMES),
                       "gender": self.pick([g.value for g in Gender])},
            "profession": self.pick([p.value for p in Profession], none=0.1),
            "right_to_practise": {"held": r.choice([True, True, False, None]), "number": self.pick(PWZ_NUMBERS),
                                  "issued_by": self.pick(CHAMBERS), "year": self.pick(list(range(1970, 2027)))},
            "employment": None if r.random() < 0.2 else self.items(self.employment, 4),
            "degrees": {"licencjat": self.maybe(), "magister_nursing": self.maybe(),
                        "magister_other_health": self.maybe(), "doctorate": self.maybe(),
                        "academic_teacher": self.maybe(), "doctorate_field": self.field(none=0.5)},
            "specialist_titles": self.items(lambda: {
                "field": self.field(), "completed_on": iso(self.day(date(1990, 1, 1), date(2027, 12, 31))),
                "diploma": self.pick(CERTIFICATES), "organizer": self.pick(ORGANIZERS)}, 2),
            "courses": self.items(self.course, 4),
            "postgraduate_studies": self.items(lambda: {
                "name": self.pick(COURSE_NAMES + UNLISTED), "field": self.field(none=0.3),
                "completed_on": iso(self.day()), "certificate": self.pick(CERTIFICATES),
                "university": self.pick(UNIVERSITIES)}, 2),
            "foreign_training": self.items(lambda: {
                "field": self.field(), "sworn_translation": self.maybe(), "completed_on": iso(self.day()),
                "months": r.choice([None, 3, 2.5, 1, 12.0, 0.0, round(r.uniform(0, 24), 3), r.uniform(0, 600)]),
                "country": self.pick(COUNTRIES)}, 2),
            "specializations": r.choice([None, [], "list"]),
            "state_exam_attempts": self.items(lambda: {"session": self.session(), "field": self.field(),
                                                       "result": self.pick([x.value for x in ExamResult])}, 4),
            "exemption": None if r.random() < 0.7 else {
                "field": self.field(), "granted_on": iso(self.day()),
                "scope": self.pick(["całość", "część", "w całości", "Calosc", "częściowo", ""])},
            "goal": {"form": self.pick([f.value for f in Form], none=0.15), "field": self.field(),
                     "publicly_funded": self.maybe(), "wants_exemption": self.maybe(),
                     "session": self.session() if r.random() < 0.3 else None, "employer_referral": self.maybe(),
                     "exam_date": iso(self.day(date(2026, 1, 1), date(2029, 12, 31), none=0.8))},
        }
        if data["specializations"] == "list":
            data["specializations"] = [self.specialization() for _ in range(r.randint(1, 3))]
        return data

    def typical(self) -> Case:
        """What the interview gives for most people: profession, PWZ, one or two periods of work in a unit of one
        field, no doctorate, a goal in that field."""
        r = self.r
        field = r.choice(cc.FIELD_TABLE)
        start = self.day(date(1995, 1, 1), date(2025, 12, 31), none=0)
        periods = [{"start": iso(start), "ongoing": True, "employer": r.choice(EMPLOYERS), "unit_field": field}]
        if r.random() < 0.5:
            end = start + timedelta(days=r.randrange(365, 3650))
            periods = [{"start": iso(start), "end": iso(end), "employer": r.choice(EMPLOYERS), "unit_field": field},
                       {"start": iso(end + timedelta(days=1)), "ongoing": True, "unit_field": field}]
        return Case.model_validate({
            "person": {"first_names": r.choice(FIRST_NAMES), "surname": r.choice(SURNAMES)},
            "profession": "pielegniarka", "employment": periods, "degrees": {"doctorate": False},
            "right_to_practise": {"held": True, "number": r.choice(PWZ_NUMBERS[::2]), "issued_by": CHAMBERS[0]},
            "goal": {"form": r.choice(["specjalizacja", "kurs_kwalifikacyjny"]), "field": field,
                     "publicly_funded": r.choice([True, None])}})

    def case(self) -> Case:
        return Case.model_validate(self.data())

    def as_of(self) -> date:
        if self.r.random() < 0.03:
            return date(2025, 12, 1)  # before the regulation
        return date(2026, 1, 20) + timedelta(days=self.r.randrange(3 * 365))


def generated(n: int, seed: int = 10, unlisted: float = 0.0) -> list[tuple[Case, date]]:
    g = CaseGenerator(seed, unlisted)
    return [(g.case(), g.as_of()) for _ in range(n)]


GENERATED = generated(2000, unlisted=0.25)  # a quarter of the fields off the list, to exercise the stand-ins


# --- comparing results --------------------------------------------------------------------------------------------

# Texts that quote a field or a course as the person wrote it: the decoded case names such a field by its spelling
# on the list, or as „dziedzina spoza listy nr k”, and a course by its field. Everything else must be equal.
TEXT_FACTS = {"annex_basis"}


def shape(a: Assessment) -> dict:
    """An assessment without the texts that may quote names: what must be the same for the original case."""
    return {
        "as_of": a.as_of, "goal_form": a.goal_form,
        "decisions": [(d.rule, d.group, d.outcome, d.earliest_date, d.missing, d.documents, d.legal_basis,
                       [r.code for r in d.reasons], [n.code for n in d.notes],
                       [(s.code, s.kind, s.date, s.last_day, s.end, s.legal_basis) for s in d.steps],
                       {k: v for k, v in d.facts.items() if k not in TEXT_FACTS}) for d in a.decisions],
    }


def without_pwz_warning(a: Assessment) -> list[str]:
    return [w.code for w in a.warnings if w.code != "pwz_letter_mismatch"]


def assert_same_result(case: Case, as_of: date) -> None:
    reduced = personal_data_free(case)
    code = encode(case)
    back = decode(code)
    assert back == reduced
    assert assess(back, as_of) == assess(reduced, as_of)
    original, shown = assess(case, as_of), assess(back, as_of)
    assert shape(shown) == shape(original)
    assert [w.code for w in shown.warnings] == without_pwz_warning(original)


# --- the round trip ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", person_examples(), ids=lambda p: p.stem)
@pytest.mark.parametrize("as_of", DAYS, ids=str)
def test_every_example_case_comes_back_from_its_code_with_the_same_assessment(path, as_of):
    assert_same_result(example(path.name), as_of)


def test_two_thousand_generated_cases_come_back_from_their_codes_with_the_same_assessment():
    for case, as_of in GENERATED:
        assert_same_result(case, as_of)


def test_the_generated_cases_hold_every_kind_of_fact_the_code_carries():
    """The round trip above is only as good as the cases it sees."""
    cases = [c for c, _ in GENERATED]
    assert sum(c.employment is None for c in cases) > 100 and sum(c.specializations is None for c in cases) > 100
    assert sum(c.specializations == [] for c in cases) > 100
    assert sum(bool(cc.unlisted_fields(c)) for c in cases) > 300
    assert sum(any(k.name and not k.field for k in c.courses) for c in cases) > 100
    assert sum(any(t.months not in (None, 3, 2.5, 1, 12, 0) for t in c.foreign_training) for c in cases) > 50
    assert {c.goal.form for c in cases} == {None, *Form}
    assert sum(c.exemption is not None for c in cases) > 300
    assert sum(bool(c.state_exam_attempts) for c in cases) > 600


def test_a_case_and_its_personal_data_free_version_have_the_same_code():
    for case, _ in GENERATED[:300]:
        reduced = personal_data_free(case)
        assert encode(reduced) == encode(case)
        assert personal_data_free(reduced) == reduced


def test_not_answered_specializations_stay_apart_from_none_begun():
    unanswered = Case.model_validate({"schema_version": 2, "profession": "pielegniarka",
                                      "goal": {"form": "egzamin_panstwowy"}})
    none_begun = unanswered.model_copy(update={"specializations": []})
    assert decode(encode(unanswered)).specializations is None
    assert decode(encode(none_begun)).specializations == []
    assert encode(unanswered) != encode(none_begun)


def test_numbers_of_months_come_back_exactly_as_they_were():
    for months in (0.0, -0.0, 3, 2.5, 1 / 3, 599.999, 0.1 + 0.2, 5e-324):
        case = Case.model_validate({"foreign_training": [{"months": months, "field": "leczenie ran"}]})
        back = decode(encode(case)).foreign_training[0].months
        assert repr(back) == repr(float(months))


# --- what the code carries and what it leaves out -------------------------------------------------------------------


def full_of_personal_data() -> Case:
    data = CaseGenerator(7).data()
    data.update({
        "label": LABELS[0],
        "person": {"first_names": "Zofia Helena", "surname": "Brzęczyszczykiewicz", "gender": "k"},
        "profession": "pielegniarka",
        "right_to_practise": {"held": True, "number": "0312345P", "issued_by": CHAMBERS[0], "year": 2019},
        "employment": [{"start": "2019-10-01", "end": "2023-09-30", "employer": EMPLOYERS[0], "unit": UNITS[0],
                        "unit_field": "pielęgniarstwo chirurgiczne"},
                       {"start": "2023-10-01", "ongoing": True, "employer": EMPLOYERS[1], "unit": UNITS[1],
                        "unit_field": "Poradnia Kowalskiej"}],
        "degrees": {"doctorate": True, "doctorate_field": "badania prof. Nowakowskiego"},
        "specialist_titles": [{"field": "pielęgniarstwo rodzinne", "completed_on": "2010-05-05",
                               "diploma": CERTIFICATES[2], "organizer": ORGANIZERS[0]}],
        "courses": [{"kind": "kwalifikacyjny", "name": COURSE_NAMES[0], "field": "pielęgniarstwo chirurgiczne",
                     "completed_on": "1998-06-20", "organizer": ORGANIZERS[1], "certificate": CERTIFICATES[0],
                     "hours": 520},
                    {"kind": "specjalistyczny", "name": COURSE_NAMES[1], "completed_on": "2022-04-08",
                     "organizer": ORGANIZERS[2], "certificate": CERTIFICATES[1]}],
        "postgraduate_studies": [{"name": "Studia podyplomowe dr Szczepańskiej", "university": UNIVERSITIES[0],
                                  "certificate": "świadectwo 44/2015", "completed_on": "2015-06-30"}],
        "foreign_training": [{"field": "pielęgniarstwo ratunkowe", "months": 4, "sworn_translation": True,
                              "country": COUNTRIES[0]}],
        "goal": {"form": "specjalizacja", "field": "pielęgniarstwo chirurgiczne", "publicly_funded": True},
    })
    return Case.model_validate(data)


PERSONAL_IN_FULL_CASE = [*PERSONAL, "Poradnia Kowalskiej", "badania prof. Nowakowskiego",
                         "Studia podyplomowe dr Szczepańskiej", "świadectwo 44/2015"]
# Single words of it, which must not appear either (the rest are words such as "kurs" that a case has anyway).
PERSONAL_WORDS = ["Zofia", "Helena", "Brzęczyszczykiewicz", "Kowalskiej", "Nowakowskiego", "Szczepańskiej",
                  "Długa", "Kraków", "Krakowie", "Szpital", "Poradnia", "Jagielloński", "Medyk", "Fundacja",
                  "Niemcy", "0312345P", "0312345", "1998,", "świadectwo", "Okręgowa", "Oddział", "Resuscytacja"]


def encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-be", "utf-16-le", "cp1250", "iso8859-2")
            if _encodable(text, e)]


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def test_the_code_of_a_case_full_of_personal_data_holds_none_of_it():
    case = full_of_personal_data()
    code = encode(case)
    raw = cc.code_bytes(code)
    assert len(raw) == (5 * len(code.replace("-", "")) + 7) // 8  # all the bits there are, nothing hidden
    back = decode(code).model_dump_json()
    for text in PERSONAL_IN_FULL_CASE + PERSONAL_WORDS:
        assert text.casefold() not in back.casefold(), text
        for encoded in encodings(text):
            assert encoded not in raw, text
        assert text.upper() not in code.replace("-", ""), text
    assert "0312345" not in back and int("0312345").to_bytes(3, "big") not in raw
    assert '"label":null' in back and '"number":null' in back and '"year":null' in back


def test_no_generated_case_brings_its_personal_data_back_through_the_code():
    for case, _ in GENERATED[:500]:
        text = decode(encode(case)).model_dump_json()
        assert not [p for p in PERSONAL if p in text]


def test_fields_not_on_the_list_come_back_numbered_and_equal_ones_stay_equal():
    case = Case.model_validate({
        "profession": "pielegniarka",
        "employment": [{"start": "2015-01-01", "ongoing": True, "unit_field": "Leczenie ran"}],
        "courses": [{"kind": "specjalistyczny", "field": "leczenie  ran"},
                    {"kind": "specjalistyczny", "field": "opieka stomijna"},
                    {"kind": "kwalifikacyjny", "field": "PIELĘGNIARSTWO CHIRURGICZNE"}],
        "goal": {"form": "kurs_specjalistyczny", "field": "leczenie ran"}})
    back = decode(encode(case))
    assert back.employment[0].unit_field == back.courses[0].field == back.goal.field == "dziedzina spoza listy nr 1"
    assert back.courses[1].field == "dziedzina spoza listy nr 2"
    assert back.courses[2].field == "pielęgniarstwo chirurgiczne"
    assert [cc.is_placeholder(c.field) for c in back.courses] == [True, True, False]
    assert cc.unlisted_fields(case) == ["Leczenie ran", "opieka stomijna"]
    assert cc.unlisted_fields(back) == ["dziedzina spoza listy nr 1", "dziedzina spoza listy nr 2"]
    assert "leczenie" not in back.model_dump_json().casefold()


def test_the_person_is_told_which_number_stands_for_which_field_not_on_the_list():
    for case, _ in GENERATED:
        names = cc.unlisted_fields(case)
        for given, carried in zip(cc._field_texts(case), cc._field_texts(personal_data_free(case)), strict=True):
            if cc.is_placeholder(carried):
                k = int(carried.rsplit(" ", 1)[1])
                assert normalize_field(names[k - 1]) == normalize_field(given)
        if names:
            warning = cc.losses(case)[0]
            assert all(f"„{n}” jako „dziedzina spoza listy nr {k}”" in warning for k, n in enumerate(names, 1))


def test_a_course_name_read_as_its_field_travels_only_as_a_field_reference():
    """The rules read a course's name where its field is missing (logic/rules/credits.py: `c.field or c.name`)."""
    case = Case.model_validate({
        "profession": "pielegniarka",
        "courses": [{"kind": "kwalifikacyjny", "name": "pielęgniarstwo chirurgiczne", "completed_on": "2020-01-01"},
                    {"kind": "specjalistyczny", "name": "Leczenie ran wg dr Kowalskiej", "completed_on": "2021-01-01"},
                    {"kind": "specjalistyczny", "name": "Szczepienia", "field": "pielęgniarstwo rodzinne"}],
        "goal": {"form": "specjalizacja", "field": "pielęgniarstwo chirurgiczne"}})
    back = decode(encode(case))
    assert [(c.name, c.field) for c in back.courses] == [
        ("pielęgniarstwo chirurgiczne", None), ("dziedzina spoza listy nr 1", None),
        (None, "pielęgniarstwo rodzinne")]
    assert shape(assess(back, AS_OF)) == shape(assess(case, AS_OF))


def test_an_exemption_scope_comes_back_as_in_full_or_in_part():
    # a version-2 case's free text becomes the choice (logic/case.py); the code carries the choice
    scopes = {"całość": ExemptionScope.CALOSC, "w całości": ExemptionScope.CALOSC, "Calosc": ExemptionScope.CALOSC,
              "część": ExemptionScope.CZESC, "częściowo": ExemptionScope.CZESC, "": None, None: None}
    for given, expected in scopes.items():
        case = Case.model_validate({"schema_version": 2,
                                    "exemption": {"scope": given, "field": "pielęgniarstwo rodzinne"}})
        assert decode(encode(case)).exemption.scope is expected, given
    for scope in ExemptionScope:
        case = Case.model_validate({"exemption": {"scope": scope.value}, "schema_version": 3})
        assert decode(encode(case)).exemption.scope is scope


def test_the_organizers_facts_are_not_in_the_code_and_the_person_is_told():
    case = example("organizator-nabor-dofinansowany.json").model_copy(
        update={"profession": Profession.PIELEGNIARKA})
    back = decode(encode(case))
    assert back.edition is None and back.exam_session is None and back.exemption_team is None
    assert any("organizatora" in t for t in cc.losses(case))


def test_a_pwz_number_that_would_be_warned_about_is_named_as_a_loss():
    case = example("pielegniarka-specjalizacja.json")
    assert cc.losses(case) == []
    wrong_letter = case.model_copy(update={"right_to_practise": case.right_to_practise.model_copy(
        update={"number": "0312345A"})})
    assert any("PWZ" in t for t in cc.losses(wrong_letter))


# Non-personal facts the code leaves out because no rule reads them (the code stays shorter). If a rule starts
# reading one of them, this test fails: add it to the code, as a new version.
UNREAD = {
    "right_to_practise.year": lambda c: c.right_to_practise.model_copy(update={"year": 1955}),
    "degrees": lambda c: c.degrees.model_copy(update={"licencjat": True, "magister_nursing": False,
                                                      "magister_other_health": True, "academic_teacher": True}),
    "courses[].hours": lambda c: [k.model_copy(update={"hours": 4321}) for k in c.courses],
    "specializations[].hours_share_done": lambda c: None if c.specializations is None else [
        s.model_copy(update={"hours_share_done": 0.123}) for s in c.specializations],
    "postgraduate_studies[].completed_on": lambda c: [s.model_copy(update={"completed_on": date(1999, 9, 9)})
                                                      for s in c.postgraduate_studies],
    "foreign_training[].completed_on": lambda c: [t.model_copy(update={"completed_on": date(1999, 9, 9)})
                                                  for t in c.foreign_training],
}


@pytest.mark.parametrize("path", sorted(UNREAD))
def test_what_the_code_leaves_out_besides_personal_data_is_read_by_no_rule(path):
    top = path.split(".")[0].split("[")[0]
    for case, as_of in GENERATED[:600]:
        changed = case.model_copy(update={top: UNREAD[path](case)})
        assert assess(changed, as_of) == assess(case, as_of), path


# --- the list of fields and the enums keep their places --------------------------------------------------------------

# The 23 fields of version 1, one a line, as SHA-256.
VERSION_1_DIGEST = "c0e3859d68552fcb09db9b2b1cd1695fdc6132d703d04502310f5d4b32f577b7"


def test_every_field_on_the_list_has_a_place_in_the_code():
    table = {normalize_field(n) for n in cc.FIELD_TABLE}
    assert len(table) == len(cc.FIELD_TABLE), "a field is twice in FIELD_TABLE"
    for form in (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY):
        missing = [n for n in fields_for(form) if normalize_field(n) not in table]
        assert missing == [], f"append these to logic/casecode.py FIELD_TABLE: {missing}"


def test_the_fields_of_version_1_keep_their_places():
    """Codes already given out name fields by position: FIELD_TABLE may only grow at its end."""
    digest = hashlib.sha256("\n".join(cc.FIELD_TABLE[:23]).encode("utf-8")).hexdigest()
    assert digest == VERSION_1_DIGEST


def test_every_enum_value_has_a_place_in_the_code():
    assert set(cc.PROFESSIONS) == set(Profession) and set(cc.FORMS) == set(Form)
    assert set(cc.COURSE_KINDS) == set(CourseKind) and set(cc.EXAM_RESULTS) == set(ExamResult)
    assert set(cc.SPECIALIZATION_STATUSES) == set(SpecializationStatus)


# --- refused codes ---------------------------------------------------------------------------------------------


def refused(code: str) -> CaseCodeError:
    with pytest.raises(CaseCodeError) as info:
        decode(code)
    err = info.value
    assert isinstance(err, ValueError)
    assert str(err) == cc.MESSAGES[err.reason]
    return err


def sample_codes() -> list[str]:
    return [encode(example(TYPICAL)), encode(example("pielegniarka-egzamin-panstwowy.json")),
            *(encode(c) for c, _ in GENERATED[:3])]


def test_every_message_is_one_polish_sentence():
    for reason, text in cc.MESSAGES.items():
        assert text[0].isupper() and text.endswith(".") and text.count(".") == 1, reason


def test_every_code_with_one_character_changed_is_refused():
    for code in sample_codes():
        chars = code.replace("-", "")
        for i, old in enumerate(chars):
            for new in cc.ALPHABET:
                if new != old:
                    assert refused(chars[:i] + new + chars[i + 1:]).reason == "checksum", (code, i, new)


def test_every_code_with_two_neighbouring_characters_swapped_is_refused():
    for code in sample_codes():
        chars = code.replace("-", "")
        for i in range(len(chars) - 1):
            if chars[i] != chars[i + 1]:
                swapped = chars[:i] + chars[i + 1] + chars[i] + chars[i + 2:]
                assert refused(swapped).reason == "checksum"


def test_a_truncated_code_or_one_with_a_character_too_many_or_too_few_is_refused():
    for code in sample_codes():
        chars = code.replace("-", "")
        for n in range(1, len(chars)):
            assert refused(chars[:n]).reason in ("short", "checksum")
        for i in range(len(chars)):
            refused(chars[:i] + chars[i + 1:])
            for extra in cc.ALPHABET:
                refused(chars[:i] + extra + chars[i:])
        for extra in cc.ALPHABET:
            refused(chars + extra)


def with_version(code: str, version: int) -> str:
    """`code` rewritten under another version number, with a check that fits: as a newer release would write."""
    chars = code.replace("-", "")
    total, bits = cc._number(chars), 5 * len(chars) - cc.CHECK_BITS
    message = total >> cc.CHECK_BITS
    message = (version << (bits - 5)) | (message & ((1 << (bits - 5)) - 1))
    total = (message << cc.CHECK_BITS) | cc._check(len(chars), message, bits)
    return "".join(cc.ALPHABET[(total >> (5 * (len(chars) - 1 - i))) & 31] for i in range(len(chars)))


def forged(bits: str) -> str:
    """A code for the bit string `bits` (version and case) with a check that fits: what no release writes."""
    bits += "0" * (-(len(bits) + cc.CHECK_BITS) % 5)
    message, chars = int(bits, 2), (len(bits) + cc.CHECK_BITS) // 5
    total = (message << cc.CHECK_BITS) | cc._check(chars, message, len(bits))
    return "".join(cc.ALPHABET[(total >> (5 * (chars - 1 - i))) & 31] for i in range(chars))


def test_a_code_whose_check_fits_but_whose_content_does_not_parse_is_refused_as_damaged():
    version = format(cc.VERSION, "05b")
    w = cc._Writer()
    w.uint(cc.VERSION, 5)
    cc._write_case(w, personal_data_free(example(TYPICAL)))
    good = format(w.value, f"0{w.bits}b")
    assert forged(good) == encode(example(TYPICAL)).replace("-", "")
    for bits in (version + "1" * 60, version + "0" * 60, version + "01" * 40, good + "0" * 10, good + "1",
                 good[:len(good) // 2]):
        assert refused(forged(bits)).reason == "damaged", bits


def test_a_code_of_another_version_is_refused_as_such():
    code = encode(example(TYPICAL))
    assert code.startswith(str(cc.VERSION))
    assert with_version(code, cc.VERSION).replace("-", "") == code.replace("-", "")
    assert refused(with_version(code, cc.VERSION + 1)).reason == "newer"
    assert refused(with_version(code, 31)).reason == "newer"
    assert refused(with_version(code, 0)).reason == "version"
    assert refused("2" + code[1:]).reason == "checksum"  # the version changed by hand: the check does not fit


def test_an_empty_code_and_random_text_are_refused():
    assert refused("").reason == "empty"
    assert refused("  - -  ").reason == "empty"
    assert refused("1ABU-0000").reason == "characters"
    assert refused("kod: 1234").reason == "characters"
    assert refused("ŻÓŁW-1234").reason == "characters"
    assert refused("1AB").reason == "short"
    r = random.Random(3)
    for _ in range(3000):
        n = r.randint(1, 60)
        refused("".join(r.choice(cc.ALPHABET) for _ in range(n)))
        refused("".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789 -ąęół") for _ in range(n)))


def test_a_code_from_a_newer_list_of_fields_is_refused_as_newer(monkeypatch):
    code = encode(Case.model_validate({"goal": {"form": "specjalizacja", "field": cc.FIELD_TABLE[-1]}}))
    monkeypatch.setattr(cc, "FIELD_TABLE", cc.FIELD_TABLE[:-1])  # an older release, which knew one field less
    assert refused(code).reason == "newer"


# --- how a code may be typed ---------------------------------------------------------------------------------


def test_lower_case_spaces_hyphens_and_look_alike_letters_are_read_as_the_code():
    case = example(TYPICAL)
    code = encode(case)
    plain = code.replace("-", "")
    expected = personal_data_free(case)
    typed = [code.lower(), plain, " ".join(code.split("-")), f"  {code}\n", code.replace("-", " – "),
             plain.replace("0", "O"), plain.replace("0", "o"), plain.replace("1", "I"), plain.replace("1", "l"),
             plain.replace("1", "L"), "-".join(plain[i:i + 3] for i in range(0, len(plain), 3))]
    assert "0" in plain and "1" in plain
    for text in typed:
        assert decode(text) == expected, text


def test_a_code_is_written_in_groups_of_four_in_the_unambiguous_alphabet():
    for case, _ in GENERATED[:200]:
        code = encode(case)
        groups = code.split("-")
        assert all(len(g) == 4 for g in groups[:-1]) and 1 <= len(groups[-1]) <= 4
        assert set(code.replace("-", "")) <= set(cc.ALPHABET)
        assert not set("ILOU") & set(code)


# --- length ------------------------------------------------------------------------------------------------------


def test_the_code_of_the_typical_example_is_short_enough_to_read_out():
    code = encode(example(TYPICAL))
    assert len(code.replace("-", "")) <= TYPICAL_MAX_CHARS, code
    assert code in cc.__doc__, "the module docstring states this code and its length: update it"


def test_the_code_of_a_typical_generated_case_is_short_enough_to_read_out():
    g = CaseGenerator(5)
    lengths = sorted(len(encode(g.typical()).replace("-", "")) for _ in range(200))
    assert lengths[-1] <= TYPICAL_GENERATED_MAX_CHARS, lengths


# --- Wynik ----------------------------------------------------------------------------------------------------------


def wynik(case: Case) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["as_of"] = AS_OF
    at.session_state["case"] = case
    at.run()
    at.switch_page("app_pages/2_Wynik.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_wynik_shows_the_code_for_the_help_desk_with_what_it_leaves_out(caplog):
    case = example(TYPICAL)
    with caplog.at_level(logging.DEBUG):
        at = wynik(case)
    code = encode(case)
    assert [s.value for s in at.subheader] == ["Kod dla infolinii"]
    assert [c.value for c in at.code] == [code]
    caption = " ".join(c.value for c in at.caption)
    assert "nie zawiera imienia ani nazwiska, numeru PWZ ani nazwy pracodawcy" in caption
    assert "ten sam wynik" in caption
    assert not [w for w in at.warning if "Kod nie" in w.value]
    assert decode(at.code[0].value) == personal_data_free(case)
    # never in the address, never in a log
    assert code not in str(dict(at.query_params))
    assert not [r for r in caplog.records if code in r.getMessage() or code.replace("-", "") in r.getMessage()]


def test_wynik_warns_when_the_code_leaves_out_the_name_of_a_field_not_on_the_list():
    case = example(TYPICAL).model_copy(update={"goal": example(TYPICAL).goal.model_copy(
        update={"field": "pielęgniarstwo *stomijne*"})})
    at = wynik(case)
    warnings = [w.value for w in at.warning if "Kod nie" in w.value]
    assert len(warnings) == 1
    # the person's own text, shown as she typed it (never as Markdown)
    assert "„pielęgniarstwo \\*stomijne\\*” jako „dziedzina spoza listy nr 1”" in warnings[0]


def test_wynik_shows_no_code_before_the_person_has_answered_anything():
    at = wynik(Case())
    assert not at.code and not [s for s in at.subheader if s.value == "Kod dla infolinii"]
