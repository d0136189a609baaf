"""The Annex 1 field mapping (case + decisions → values), tested without drawing a PDF."""
from __future__ import annotations

from datetime import date

import pytest

from forms.annex1 import (CHOICE_KURS, CHOICE_SPECJALIZACJA, Annex1Values, RequestedCredit, annex1_values,
                          proposed_credits)
from logic import Case, assess
from logic.decision import Outcome

from test_forms_support import AS_OF, example, extreme_case, typical_case


def values_for(case: Case, as_of: date = AS_OF) -> Annex1Values:
    return annex1_values(case, assess(case, as_of))


def test_typical_case_fills_part_a_from_the_case():
    v = values_for(typical_case())
    assert v.form == "specjalizacja"
    assert v.field == "pielęgniarstwo chirurgiczne"
    assert v.full_name == "Żaneta Łucja Gęślak-Źdźbłowska"
    assert v.profession == "pielegniarka" and v.title_box == "pielegniarka"
    assert v.pwz_issued_by == "Okręgowa Rada Pielęgniarek i Położnych w Krakowie"
    assert v.pwz_year == "2019" and v.pwz_number == "0312345P"
    assert [(r.employer, r.unit, r.period) for r in v.employment] == [
        ("Szpital Miejski, ul. Długa 1, Kraków", "Oddział chirurgii ogólnej", "01.10.2019 – 30.09.2023"),
        ("Szpital Uniwersytecki, ul. Jakubowskiego 2, Kraków", "Oddział chirurgii", "od 01.10.2023 (nadal)"),
    ]
    assert [c.completed_on for c in v.qualification_courses] == ["20.06.1998", "18.11.2005"]
    assert [c.name for c in v.specialist_courses] == ["Leczenie ran"]
    assert v.specialist_titles == [] and v.postgraduate_studies == []
    assert v.law_checked_on is not None


def test_credits_are_proposed_from_credit_decisions_with_their_basis():
    case = typical_case()
    a = assess(case, AS_OF)
    v = annex1_values(case, a)
    # The 1998 course is before the 1 July 1999 cut-off: its decision says no, so it is not proposed.
    assert [(c.area, c.legal_basis, c.source) for c in v.credits] == [
        ("moduly", "§ 4 ust. 2 pkt 3", "courses[1]"),
        ("moduly", "§ 4 ust. 2 pkt 4", "courses[2]"),
        ("szkolenie_praktyczne", "§ 4 ust. 3", "employment"),
    ]
    by_source = {c.source: c for c in v.credits}
    assert "ukończony kurs kwalifikacyjny" in by_source["courses[1]"].basis
    assert by_source["courses[1]"].basis_text.endswith("(§ 4 ust. 2 pkt 3)")
    assert "Szpital Uniwersytecki" in by_source["employment"].description
    proposed = {d.rule + d.facts["source"] for d in a.decisions
                if d.rule.startswith("d.") and "annex_area" in d.facts
                and d.outcome in (Outcome.ON_REQUEST, Outcome.FOR_DECISION)}
    assert {c.rule + c.source for c in v.credits} == proposed


def test_a_qualification_course_cites_par_22_ust_2():
    data = example("polozna-kurs-kwalifikacyjny").model_dump(mode="json")
    data["courses"] = [{"kind": "specjalistyczny", "name": "Opieka nad raną", "field": "pielęgniarstwo operacyjne",
                        "completed_on": "2024-05-01"}]
    case = Case.model_validate(data)
    v = values_for(case)
    assert v.form == "kurs_kwalifikacyjny"
    assert [(c.area, c.legal_basis) for c in v.credits] == [("moduly", "§ 22 ust. 2")]
    assert "kursu kwalifikacyjnego" in v.credits[0].description


def test_an_interrupted_specialization_within_five_years_is_proposed_under_par_4_ust_6():
    v = values_for(extreme_case())
    reentry = [c for c in v.credits if c.rule == "d.specjalizacja.credit.reentry"]
    assert len(reentry) == 1 and reentry[0].legal_basis == "§ 4 ust. 6"
    assert v.organizer and len(v.organizer) == 300  # taken from that specialization


def test_work_history_keeps_only_the_last_five_years_in_the_profession():
    data = typical_case().model_dump(mode="json")
    data["employment"] = [
        {"start": "2010-01-01", "end": "2021-11-22", "employer": "Stary szpital"},  # ends the day before the window
        {"start": "2015-01-01", "end": "2021-11-23", "employer": "Na granicy okna"},
        {"start": "2022-01-01", "ongoing": True, "employer": "Apteka", "in_profession": False},
        {"start": "2027-01-01", "ongoing": True, "employer": "Przyszła praca"},
    ]
    case = Case.model_validate(data)
    assert [r.employer for r in values_for(case).employment] == ["Na granicy okna"]


def test_courses_with_a_failed_or_missing_exam_are_not_listed_as_completed():
    case = typical_case()
    case.courses[2].exam = "niezdany"
    assert [c.name for c in values_for(case).specialist_courses] == []


@pytest.mark.parametrize(("form", "profession", "gender", "struck"), [
    ("specjalizacja", "pielegniarka", "k", [CHOICE_KURS, "pielęgniarza", "położnej", "położnego"]),
    ("kurs_kwalifikacyjny", "pielegniarka", "m", [CHOICE_SPECJALIZACJA, "pielęgniarki", "położnej", "położnego"]),
    ("specjalizacja", "polozna", "k", [CHOICE_KURS, "pielęgniarki", "pielęgniarza", "położnego"]),
    ("kurs_kwalifikacyjny", "polozna", "m", [CHOICE_SPECJALIZACJA, "pielęgniarki", "pielęgniarza", "położnej"]),
    ("specjalizacja", "polozna", None, [CHOICE_KURS, "pielęgniarki", "pielęgniarza"]),
    (None, None, "k", ["pielęgniarza", "położnego"]),
    (None, None, None, []),
])
def test_struck_choices_follow_the_case(form, profession, gender, struck):
    goal_form = {"specjalizacja": "specjalizacja", "kurs_kwalifikacyjny": "kurs_kwalifikacyjny",
                 None: "kurs_specjalistyczny"}[form]
    case = Case.model_validate({"profession": profession, "person": {"gender": gender},
                                "goal": {"form": goal_form, "field": "pielęgniarstwo chirurgiczne"}})
    v = values_for(case)
    assert v.form == form
    assert v.struck == struck
    assert v.title_box == profession


def test_an_empty_case_maps_to_an_empty_form():
    v = values_for(Case())
    assert v.model_dump(exclude={"law_checked_on"}) == Annex1Values().model_dump(exclude={"law_checked_on"})


def test_values_are_editable_before_printing():
    v = values_for(typical_case())
    v.credits.append(RequestedCredit(area="jednostki", description="Jednostka modułowa: leczenie ran",
                                     basis="ukończony kurs specjalistyczny"))
    v.organizer = "Centrum Kształcenia, ul. Prosta 1, Łódź"
    v.place, v.signed_on = "Łódź", date(2026, 12, 1)
    assert v.credits[-1].area_label == "Moduły lub jednostki modułowe"
    with pytest.raises(ValueError):
        RequestedCredit(area="cos_innego")


def test_only_credit_decisions_with_an_annex_area_are_proposed():
    case = typical_case()
    a = assess(case, AS_OF)
    non_credit = [d for d in a.decisions if not d.rule.startswith("d.")]
    assert non_credit and proposed_credits(case, non_credit) == []


def test_the_mapping_round_trips_as_json():
    v = values_for(extreme_case())
    assert Annex1Values.model_validate_json(v.model_dump_json()) == v
    assert Annex1Values.model_validate(v.model_dump()) == v
