"""The organizer's page "Nabór i komisja" (app_pages/6_Nabor_i_komisja.py): the form for one edition, the answers
beside it, and the edition file. Expected outcomes are worked out from the regulation (Dz.U. 2026 poz. 57) and
logic/parameters.yaml, not from running the rules.

AppTest cannot read a download's bytes, so the file builder (ui/editionfile.py) is tested directly and the button's
presence here.
"""
import json
import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import assert_ok, open_app_page, shown

from logic import Case
from logic.assess import assess_edition
from logic.case import CommissionMember, CommissionRole, Edition, Form, LeaderCandidate
from ui import edition as E
from ui import editionfile as EF

ROOT = Path(__file__).resolve().parent.parent
PAGE = "app_pages/6_Nabor_i_komisja.py"
SAVE_PAGE = "app_pages/5_Zapisz_i_wczytaj.py"
EXAMPLES = ROOT / "examples"
AS_OF = date(2026, 11, 23)

REVIEW = "Wymaga wyjaśnienia"
# The organizer's questions are answered in words (logic/decision.py ANSWER_LABELS), not "Spełnia warunki".
EXAM_YES, EXAM_NO = "Tak – egzamin wstępny w formie pisemnej jest obowiązkowy", "Nie – egzamin wstępny nie jest obowiązkowy"
LAWFUL, UNLAWFUL = "Skład zgodny z przepisami", "Skład niezgodny z przepisami"
ROUND_YES, ROUND_NO = "Tak – można przeprowadzić", "Nie – nie można przeprowadzić"
EXAM = "Czy przy kwalifikacji do specjalizacji obowiązuje egzamin wstępny"
COMMISSION = "Skład komisji kwalifikacyjnej (specjalizacji)"
ROUND = "Czy można przeprowadzić uzupełniające postępowanie kwalifikacyjne"


def example_edition(name: str) -> Edition:
    return Case.model_validate(json.loads((EXAMPLES / name).read_text(encoding="utf-8"))).edition


def open_page(file: str = PAGE, **state) -> AppTest:
    return open_app_page(file, AS_OF, **state)


def widget(at: AppTest, kind: str, label: str):
    """The widget of `kind` whose label starts with `label` (the page adds " (puste = nie wiem)" to some)."""
    found = [w for w in at.get(kind) if w.label.startswith(label)]
    assert len(found) == 1, (label, [w.label for w in at.get(kind)])
    return found[0]


def fill(at: AppTest, **values) -> AppTest:
    """Set widgets by the label of the edition's fact they ask for, one run each, as a person would."""
    by_name = {f.name: f for f in E.EDITION_FACTS + E.LEADER_FACTS}
    for name, value in values.items():
        fact = by_name[name]
        kind = {"form": "radio", "yes_no": "radio", "text": "text_input", "int": "number_input",
                "years": "number_input", "date": "date_input"}[fact.kind]
        widget(at, kind, fact.label).set_value(value)
        at.run()
        assert_ok(at)
    return at


def card(at: AppTest, title: str):
    """The decision card whose title is `title` (its label is "title — outcome")."""
    found = [e for e in at.expander if shown(e.label).split(" — ")[0] == title]
    assert len(found) == 1, (title, [shown(e.label) for e in at.expander])
    return found[0]


def outcome(at: AppTest, title: str) -> str:
    return shown(card(at, title).label).split(" — ")[1]


def card_text(at: AppTest, title: str) -> str:
    return shown(" ".join(m.value for m in card(at, title).markdown))


def edition(at: AppTest) -> Edition:
    return at.session_state[E.EDITION]


def add_member(at: AppTest, role: CommissionRole) -> None:
    widget(at, "selectbox", "Rola nowego członka komisji").set_value(role.value)
    at.run()
    next(b for b in at.button if b.label == "Dodaj członka komisji").click()
    at.run()
    assert_ok(at)


def remove_member(at: AppTest, n: int) -> None:
    next(b for b in at.button if b.label == f"Usuń członka {n}").click()
    at.run()
    assert_ok(at)


def upload(at: AppTest, content: bytes, name: str = "nabor.json") -> None:
    at.file_uploader[0].set_value((name, content, "application/json"))
    at.run()
    assert_ok(at)


# --- the page and its frame -----------------------------------------------------------------------------------------


def test_the_page_opens_with_the_frame_and_says_nothing_is_stored_on_the_server():
    at = open_page()
    assert [t.value for t in at.title] == ["Nabór i komisja"]
    assert [d.label for d in at.sidebar.date_input] == ["Stan prawny na dzień"]
    sidebar = " ".join([p.value for p in at.sidebar.get("page_link")] + [m.value for m in at.sidebar.markdown])
    assert "Organizator kształcenia" in sidebar and "Nabór i komisja" in sidebar
    assert any("Nic nie zapisujemy na serwerze" in i.value for i in at.info)
    assert "23 listopada 2026" in " ".join(m.value for m in at.markdown)
    assert not at.expander, "no answers before any fact is given"
    assert not at.download_button, "the edition file is stored only when the organizer asks for it"
    assert [b.label for b in at.button if b.label.startswith("Przygotuj")] == ["Przygotuj opis naboru (JSON)"]


def test_every_widget_has_a_label_and_every_fact_of_an_edition_has_a_widget():
    at = open_page()
    for kind in ("radio", "number_input", "date_input", "text_input", "selectbox", "button"):
        assert all(w.label.strip() for w in at.get(kind)), kind
    asked = {f.name for f in E.EDITION_FACTS} | {"commission", "leader"}
    assert asked == set(Edition.model_fields)
    assert {f.name for f in E.LEADER_FACTS} == set(LeaderCandidate.model_fields)


def test_every_edition_fact_a_rule_can_miss_has_a_polish_name():
    paths = set()
    for path in (ROOT / "logic" / "rules").glob("*.py"):
        paths |= set(re.findall(r'"(edition\.[a-z_.]+)"', path.read_text(encoding="utf-8")))
    assert paths, "the scan finds the rules' missing paths"
    assert {p: E.describe(p) for p in paths if E.describe(p) == p} == {}


# --- entrance exam (§ 3 ust. 4 and 5) --------------------------------------------------------------------------------


def test_more_applicants_than_places_for_a_specialization_means_a_written_entrance_exam():
    # § 3 ust. 4: 25 applicants for 20 places is "more than the places" – the commission holds a written exam.
    at = fill(open_page(), form="specjalizacja", publicly_funded="nie", places=20, applicants=25)
    assert outcome(at, EXAM) == EXAM_YES
    assert "więcej niż miejsc" in card_text(at, EXAM)
    assert "§ 3 ust. 4" in card_text(at, EXAM)


def test_as_many_applicants_as_places_and_no_funding_means_no_entrance_exam():
    # § 3 ust. 4 needs more applicants than places; 20 for 20 is not more, and without funding § 3 ust. 5 is silent.
    at = fill(open_page(), form="specjalizacja", publicly_funded="nie", places=20, applicants=20)
    assert outcome(at, EXAM) == EXAM_NO


def test_a_funded_specialization_has_an_entrance_exam_whatever_the_number_of_applicants():
    # § 3 ust. 5: a specialization funded by the minister always has the written exam.
    at = fill(open_page(), form="specjalizacja", publicly_funded="tak", places=25, applicants=20)
    assert outcome(at, EXAM) == EXAM_YES
    assert "§ 3 ust. 5" in card_text(at, EXAM)


def test_an_unknown_number_of_applicants_stays_unknown_and_the_card_names_it():
    at = fill(open_page(), form="specjalizacja", publicly_funded="nie", places=20)
    assert edition(at).applicants is None
    assert outcome(at, EXAM) == REVIEW
    assert "Czego brakuje" in card_text(at, EXAM)
    assert "Liczba osób ubiegających się o zakwalifikowanie" in card_text(at, EXAM)
    assert "edition." not in card_text(at, EXAM), "paths are named in Polish"
    assert not [b for b in at.button if b.label == "Uzupełnij"], "no way into the nurse's interview"


def test_choosing_nie_wiem_after_an_answer_makes_the_fact_unknown_again():
    at = fill(open_page(), form="specjalizacja", places=20, applicants=20, publicly_funded="tak")
    assert edition(at).publicly_funded is True
    fill(at, publicly_funded=E.UNKNOWN)
    assert edition(at).publicly_funded is None
    assert outcome(at, EXAM) == REVIEW
    assert "Czy specjalizacja jest dofinansowana" in card_text(at, EXAM)


def test_the_edition_survives_a_visit_to_another_page():
    at = fill(open_page(), form="kurs_kwalifikacyjny", places=20, applicants=25)
    add_member(at, CommissionRole.NRPIP)
    at.switch_page("app_pages/9_Przepisy_i_slowniczek.py").run()
    at.switch_page(PAGE).run()
    assert_ok(at)
    assert widget(at, "number_input", "Liczba miejsc").value == 20
    assert widget(at, "radio", "Rodzaj kształcenia").value == "kurs_kwalifikacyjny"
    assert [m.role for m in edition(at).commission] == [CommissionRole.NRPIP]
    assert outcome(at, "Czy przy kwalifikacji do kursu kwalifikacyjnego obowiązuje egzamin wstępny") == EXAM_YES


def test_an_emptied_number_field_is_nie_wiem():
    at = fill(open_page(), places=20)
    assert edition(at).places == 20
    fill(at, places=None)
    assert edition(at).places is None


# --- the commission (§ 3 ust. 2 and 6) -------------------------------------------------------------------------------

COMPLETE = (CommissionRole.KIEROWNIK, CommissionRole.ORGANIZER_REPRESENTATIVE, CommissionRole.PROFESSIONAL_SOCIETY,
            CommissionRole.NRPIP)


def test_a_commission_without_the_professional_society_is_not_lawful():
    # § 3 ust. 2 pkt 2: the commission includes a representative of a professional society or scientific society.
    at = fill(open_page(), form="specjalizacja", publicly_funded="nie")
    for role in (CommissionRole.KIEROWNIK, CommissionRole.ORGANIZER_REPRESENTATIVE, CommissionRole.NRPIP):
        add_member(at, role)
    assert outcome(at, COMMISSION) == UNLAWFUL
    assert "stowarzyszenia zawodowego lub towarzystwa naukowego" in card_text(at, COMMISSION)
    assert "§ 3 ust. 2" in card_text(at, COMMISSION)


def test_a_funded_specialization_needs_the_voivodeship_consultant_on_the_commission():
    # § 3 ust. 6: with funding (§ 3 ust. 5) the konsultant wojewódzki sits on the commission too.
    at = fill(open_page(), form="specjalizacja", publicly_funded="tak")
    for role in COMPLETE:
        add_member(at, role)
    assert outcome(at, COMMISSION) == UNLAWFUL
    assert "konsultant wojewódzki" in card_text(at, COMMISSION)
    add_member(at, CommissionRole.CONSULTANT)
    widget(at, "radio", "Członek 5 – konsultant wojewódzki w dziedzinie").set_value("zgodna")
    at.run()
    assert outcome(at, COMMISSION) == LAWFUL
    assert edition(at).commission[-1].consultant_field_matches is True
    assert "§ 3 ust. 6" in card_text(at, COMMISSION)


def test_members_are_added_and_removed_and_a_removed_row_takes_nothing_from_the_others():
    at = fill(open_page(), form="specjalizacja", publicly_funded="nie")
    assert not [e for e in at.expander if e.label.startswith("Skład komisji")], "no commission given, no card"
    for role in COMPLETE:
        add_member(at, role)
    widget(at, "text_input", "Członek 2 – imię i nazwisko").set_value("Jan Testowy")
    at.run()
    assert outcome(at, COMMISSION) == LAWFUL
    remove_member(at, 1)
    assert [m.role for m in edition(at).commission] == list(COMPLETE[1:])
    assert edition(at).commission[0].name == "Jan Testowy"
    assert widget(at, "text_input", "Członek 1 – imię i nazwisko").value == "Jan Testowy"
    assert outcome(at, COMMISSION) == UNLAWFUL  # no kierownik as chair (§ 3 ust. 2 pkt 1)
    for n in (3, 2, 1):
        remove_member(at, n)
    assert edition(at).commission is None
    assert not [e for e in at.expander if e.label.startswith("Skład komisji")]


# --- the supplementary round (§ 3 ust. 7–8) --------------------------------------------------------------------------


def test_the_supplementary_round_is_allowed_until_one_month_after_the_planned_start():
    # § 3 ust. 7 pkt 2 with supplementary_round_max_share 0.10 and supplementary_round_max_months 1: 80 of 1000
    # hours done is 8 %; one month from 31 October 2026 ends on 30 November 2026 (November has no 31st, KC art. 112).
    at = fill(open_page(), form="specjalizacja", places=30, qualified=24, programme_started="tak",
              programme_hours_total=1000, programme_hours_done=80, planned_start=date(2026, 10, 31),
              supplementary_round_on=date(2026, 11, 30))
    assert edition(at).supplementary_round_on == date(2026, 11, 30)
    assert outcome(at, ROUND) == ROUND_YES
    assert "30 listopada 2026" in card_text(at, ROUND)
    fill(at, supplementary_round_on=date(2026, 12, 1))
    assert outcome(at, ROUND) == ROUND_NO


def test_a_round_with_programme_start_unknown_names_the_missing_fact():
    at = fill(open_page(), form="specjalizacja", places=30, qualified=24)
    assert edition(at).programme_started is None
    assert outcome(at, ROUND) == REVIEW
    assert "Czy realizacja programu specjalizacji już się rozpoczęła" in card_text(at, ROUND)


def test_more_hours_done_than_in_the_programme_is_refused_with_a_polish_message_and_changes_nothing():
    at = fill(open_page(), programme_hours_total=100, programme_hours_done=50)
    fill(at, programme_hours_done=150)
    assert any("zrealizowanych godzin programu jest więcej" in e.value for e in at.error)
    assert edition(at).programme_hours_done == 50


# --- durations, EKK, notice, kierownik -------------------------------------------------------------------------------


def test_the_terms_kierownik_and_old_rules_cards_appear_from_their_facts():
    at = fill(open_page(), form="specjalizacja", planned_start=date(2027, 3, 1), planned_end=date(2028, 5, 31),
              qualified_on=date(2027, 1, 15), specialist_title_in_field="tak", magister_nursing="tak",
              years_in_profession=12.0, employed_in_matching_unit="tak")
    # § 4 ust. 1: at least specjalizacja_min_months (15) months; from 1 March 2027 they are complete on 31 May 2028.
    assert outcome(at, "Planowany czas trwania specjalizacji") == "Czas trwania zgodny z przepisami"
    # § 7 ust. 1: EKK within ekk_issue_months (1) of qualification: by 15 February 2027.
    assert "15 lutego 2027" in card_text(at, "Termin wydania EKK")
    # § 13 ust. 2: CMKP told organizer_notice_months (12) before the end: by 31 May 2027.
    assert "31 maja 2027" in card_text(at, "Powiadomienie CMKP o zakończeniu specjalizacji")
    # § 6 ust. 2 pkt 3: title in the field, master's in nursing, kierownik_experience_years (3) in the profession,
    # employed in a unit of that profile.
    assert outcome(at, "Czy kandydat może być kierownikiem specjalizacji") == "Tak – może być kierownikiem"
    assert edition(at).leader.years_in_profession == 12.0


def test_an_edition_planned_before_the_regulation_says_first_which_rules_apply():
    # § 37 ust. 2: training begun before 20 January 2026 continues under the old rules.
    at = fill(open_page(), form="specjalizacja", planned_start=date(2025, 10, 1))
    first = at.expander[0]
    assert first.label.startswith("Które przepisy stosuje się")
    assert "§ 37 ust. 2" in shown(" ".join(m.value for m in first.markdown))


def test_every_decision_is_shown_once_beside_its_section_or_above_them():
    ed = example_edition("organizator-nabor-dofinansowany.json").model_copy(update={
        "planned_start": date(2025, 10, 1), "qualified": 20, "qualified_on": date(2026, 11, 2)})
    assessment = assess_edition(ed, AS_OF)
    placed = E.cards_by_section(assessment)
    assert sorted(d.rule for ds in placed.values() for d in ds) == sorted(d.rule for d in assessment.decisions)
    assert [d.rule for d in placed[""]] == ["j.old_rules"]
    assert [d.rule for d in placed["komisja"]] == ["c.commission"]


# --- the edition file ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["organizator-nabor-dofinansowany.json", "organizator-postepowanie-uzupelniajace.json"])
def test_an_edition_file_loads_back_to_exactly_the_same_edition(name):
    ed = example_edition(name)
    raw = EF.dump_edition(ed)
    data = json.loads(raw)
    assert data["kind"] == "edition" and data["schema_version"] == EF.SCHEMA_VERSION
    assert EF.load_edition(raw) == (ed, [])
    assert EF.is_edition_file(raw)


def test_saving_the_page_and_loading_the_file_gives_the_same_edition_and_answers():
    at = fill(open_page(), form="specjalizacja", field="pielęgniarstwo chirurgiczne", publicly_funded="tak",
              places=20, applicants=25, planned_start=date(2027, 3, 1), years_in_profession=4.5)
    add_member(at, CommissionRole.KIEROWNIK)
    saved = edition(at)
    cards = [e.label for e in at.expander]
    fresh = open_page()
    upload(fresh, EF.dump_edition(saved))
    assert edition(fresh) == saved
    assert [e.label for e in fresh.expander] == cards
    assert widget(fresh, "text_input", "Dziedzina").value == "pielęgniarstwo chirurgiczne"
    assert any("Wczytaliśmy opis naboru" in s.value for s in fresh.success)


@pytest.mark.parametrize("content, message", [
    (b"{to nie json", "niepoprawny JSON"),
    (b"[1, 2, 3]", "Plik nie zawiera opisu naboru"),
    ("zażółć".encode("utf-16"), "To nie jest plik tekstowy JSON"),
    (b'{"kind": "edition", "schema_version": 2, "edition": {"places": -1}}', "edition.places"),
    (b'{"kind": "edition", "schema_version": 99, "edition": {}}', "nowszej wersji"),
    (b'{"kind": "arkusz", "rows": []}', "nie wygląda na plik naboru"),
    (b'{"imie": "Anna", "wiek": 40}', "nie wygląda na plik"),
    ((EXAMPLES / "pielegniarka-specjalizacja.json").read_bytes(), "To plik z odpowiedziami pielęgniarki"),
    (b'{"kind": "edition", "schema_version": 2, "edition": {"form": "egzamin_panstwowy"}}', "egzamin państwowy"),
])
def test_a_broken_or_foreign_file_is_refused_with_a_polish_message_and_the_edition_survives(content, message):
    at = fill(open_page(), places=20)
    before = edition(at)
    upload(at, content, "plik.json")
    assert edition(at) == before
    errors = " ".join(e.value for e in at.error).replace("\\", "")  # the file's own words are shown escaped
    assert "Nie wczytaliśmy pliku – opis naboru się nie zmienił." in errors
    assert message in errors


def test_an_old_case_file_with_an_edition_loads_its_edition_with_its_answers():
    at = open_page()
    upload(at, (EXAMPLES / "organizator-nabor-dofinansowany.json").read_bytes())
    assert edition(at) == example_edition("organizator-nabor-dofinansowany.json")
    # 20 applicants for 25 places, but funded: § 3 ust. 5 requires the exam; kierownik, organizer's representative,
    # society, NRPiP and a consultant in the matching field: § 3 ust. 2 and 6 are met.
    assert outcome(at, EXAM) == EXAM_YES
    assert outcome(at, COMMISSION) == LAWFUL
    assert widget(at, "text_input", "Dziedzina").value == "pielęgniarstwo geriatryczne"
    assert widget(at, "number_input", "Liczba miejsc").value == 25


def test_an_edition_file_loaded_on_zapisz_i_wczytaj_goes_to_the_organizer_page_and_leaves_the_case():
    at = open_page(SAVE_PAGE)
    case_before = at.session_state["case"]
    upload(at, (EXAMPLES / "organizator-postepowanie-uzupelniajace.json").read_bytes())
    assert edition(at) == example_edition("organizator-postepowanie-uzupelniajace.json")
    assert at.session_state["case"] == case_before
    links = [p.label for p in at.get("page_link")]
    assert any("Nabór i komisja" in label for label in links), links
    assert any("opisem naboru" in s.value for s in at.success)
    at.switch_page(PAGE).run()
    assert_ok(at)
    assert outcome(at, ROUND) == ROUND_YES  # 8 % of hours, round on 30 November 2026 (see the round test above)


def test_an_edition_file_saved_on_the_page_is_taken_as_one_on_zapisz_i_wczytaj():
    raw = EF.dump_edition(Edition(form=Form.KURS_KWALIFIKACYJNY, places=10, applicants=12))
    at = open_page(SAVE_PAGE)
    upload(at, raw)
    assert edition(at).form is Form.KURS_KWALIFIKACYJNY
    assert any("opis naboru" in s.value or "opisem naboru" in s.value for s in at.success)


def test_a_persons_case_file_still_loads_as_her_answers_on_zapisz_i_wczytaj():
    raw = (EXAMPLES / "pielegniarka-specjalizacja.json").read_bytes()
    assert not EF.is_edition_file(raw)
    at = open_page(SAVE_PAGE)
    upload(at, raw)
    assert at.session_state["case"] == Case.model_validate(json.loads(raw))
    assert E.EDITION not in at.session_state


def test_wyczysc_dane_forgets_the_edition():
    at = fill(open_page(), places=20)
    add_member(at, CommissionRole.NRPIP)
    at.sidebar.button(key="clear_ask").click().run()
    at.sidebar.button(key="clear_confirm").click().run()
    assert_ok(at)
    assert edition(at) == Edition()
    assert widget(at, "number_input", "Liczba miejsc").value is None
    assert not [b for b in at.button if b.label.startswith("Usuń członka")]


def test_commission_member_widgets_are_keyed_by_a_stable_row_not_by_position():
    ed = Edition(form=Form.SPECJALIZACJA, commission=[CommissionMember(role=r) for r in COMPLETE])
    at = open_page(**{E.EDITION: ed})
    assert [w.label for w in at.text_input if w.label.startswith("Członek")] == [
        f"Członek {n} – imię i nazwisko (nieobowiązkowe)" for n in range(1, 5)]
