"""The organizer's page "Podgląd naboru (arkusz)" (app_pages/7_Podglad_naboru.py) with AppTest.

AppTest cannot upload a file, so the tests put the files where the uploader's callback puts them
(`st.session_state["intake.files"]`, see ui/intake.py); it cannot read a download's bytes either, so the buttons'
presence is checked here and the files in tests/test_browser_intake.py.

The intake: a specialization in pielęgniarstwo chirurgiczne, not publicly funded, 2 places, assessed on
23 November 2026, with three applicants. Expected outcomes are worked out from the law, not from the code:
- Lp. 1 has the right to practise and has worked in the profession since 1 January 2020: more than the 24 months
  within the last 5 years that art. 67 ust. 4 pkt 2 of the statute asks (specjalizacja_experience_months,
  ..._window_years in logic/parameters.yaml) → "Spełnia warunki". Six years in a surgical unit, still working
  there, are the 5 years of § 4 ust. 3 of the regulation (practical_credit_experience_years): part of the practical
  training may be credited on Załącznik nr 1 → one applicant with a proposed credit.
- Lp. 2 has worked since 1 June 2025: 24 months are complete with 31 May 2027 (KC art. 112) → "Jeszcze nie",
  earliest 31 May 2027.
- Lp. 3 gives 31.02.2021 as the start of a job, a day that does not exist → "Błąd danych", not assessed.
- Three applicants for two places: § 3 ust. 4 – a written entrance exam is compulsory; not funded: § 3 ust. 6 –
  no voivodeship consultant on the commission.
"""
from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import assert_ok, open_app_page, prepare_download, prepare_labels, shown

from logic.case import Form
from logic.intake.model import OUTCOME_LABELS_PL
from tests.intake_support import csv_bytes, filled_xlsx
from ui.state import PAGES


ROOT = Path(__file__).resolve().parent.parent
PAGE = "app_pages/7_Podglad_naboru.py"
AS_OF = date(2026, 11, 23)
FIELD = "pielęgniarstwo chirurgiczne"

FIRST, SURNAME = "**Anna**", "<b>Nowak</b>"  # markup that must show literally
NAME_1 = f"{FIRST} {SURNAME}"
EXAM = "Czy przy kwalifikacji do specjalizacji obowiązuje egzamin wstępny"
CONSULTANT = "Czy w komisji kwalifikacyjnej zasiada konsultant wojewódzki"
ENTRY = "Czy możesz ubiegać się o specjalizację"
MEETS, NOT_MET = "Spełnia warunki", "Nie spełnia warunków"  # the cards' outcome words (logic/decision.py)


def person(lp: int, first: str, surname: str) -> dict:
    return {"Lp.": lp, "Imię (imiona)": first, "Nazwisko": surname, "Zawód": "pielęgniarka", "Ma PWZ": "tak",
            "Numer PWZ": f"{lp:07d}P"}


def job(lp: int, start: str) -> dict:
    return {"Lp.": lp, "Od": start, "Trwa": "tak", "Pracodawca": "Szpital Miejski", "Komórka": "Oddział chirurgii",
            "Dziedzina komórki": FIELD, "W zawodzie": "tak"}


THREE = {
    "Osoby": [person(1, FIRST, SURNAME), person(2, "Ewa", "Lis"), person(3, "Maria", "Wójcik")],
    "Praca": [job(1, "01.01.2020"), job(2, "01.06.2025"), job(3, "31.02.2021")],
}


def files(rows: dict = THREE, name: str = "nabor.xlsx") -> list[tuple[str, bytes]]:
    return [(name, filled_xlsx(rows))]


def open_page(**state) -> AppTest:
    return open_app_page(PAGE, AS_OF, **state)


def enter_edition(at: AppTest) -> None:
    """The organizer fills "Nabór" with the widgets, as a person would."""
    at.selectbox(key="intake.w.form").set_value(Form.SPECJALIZACJA).run()
    at.selectbox(key="intake.w.field").set_value(FIELD).run()
    at.radio(key="intake.w.funded").set_value(False).run()
    at.number_input(key="intake.w.places").set_value(2).run()
    assert_ok(at)


@pytest.fixture
def loaded() -> AppTest:
    at = open_page()
    enter_edition(at)
    at.session_state["intake.files"] = files()
    at.run()
    assert_ok(at)
    return at


def counts(at: AppTest) -> dict[str, int]:
    return {m.label.split(": ", 1)[-1]: int(m.value) for m in at.metric}


def table(at: AppTest):
    return at.dataframe[0].value


def card_labels(at: AppTest) -> list[str]:
    return [e.label for e in at.expander]


def markdown_texts(at: AppTest) -> list[str]:
    """Every element whose text Streamlit renders as Markdown, and every widget label."""
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success",
                 "metric", "expander"):
        for el in at.get(kind):
            out.append(getattr(el, "value", None) if kind not in ("metric", "expander") else el.label)
            out.append(getattr(el, "label", "") or "")
    for kind in ("selectbox", "radio", "button", "download_button", "number_input", "date_input"):
        out += [w.label for w in at.get(kind)]
    return [str(t) for t in out if t]


# --- the page ------------------------------------------------------------------------------------------------------


def test_the_page_is_in_the_organizers_menu_and_opens_with_the_frame_and_the_template():
    assert "arkusz" in [p.key for p in PAGES]
    at = open_page()
    assert [t.value for t in at.title] == ["Podgląd naboru (arkusz)"]
    assert "Podgląd naboru (arkusz)" in [p.value for p in at.sidebar.get("page_link")]
    assert [d.label for d in at.sidebar.date_input] == ["Stan prawny na dzień"]
    assert [d.label for d in at.download_button] == ["Pobierz szablon arkusza (XLSX)"]
    assert [u.proto.label for u in at.get("file_uploader")] == ["Wczytaj wypełniony arkusz (XLSX) albo pliki CSV"]
    privacy = " ".join(i.value for i in at.info)
    assert "nie zapisujemy na dysku serwera" in privacy and "Wyczyść dane" in privacy
    # the four forms of education, not the state exam
    assert at.selectbox(key="intake.w.form").options == [
        "specjalizacja (szkolenie specjalizacyjne)", "kurs kwalifikacyjny", "kurs specjalistyczny",
        "kurs dokształcający"]
    assert not at.dataframe  # no results before a file


def test_the_servers_upload_limit_lets_our_reader_refuse_a_large_workbook_in_polish():
    from logic.intake.reader import MAX_BYTES

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert MAX_BYTES < config["server"]["maxUploadSize"] * 1024 * 1024 <= 20 * 1024 * 1024


def test_the_funding_question_is_asked_only_for_a_specialization():
    at = open_page()
    at.selectbox(key="intake.w.form").set_value(Form.KURS_KWALIFIKACYJNY).run()
    assert not [r for r in at.radio if r.key == "intake.w.funded"]
    at.selectbox(key="intake.w.form").set_value(Form.SPECJALIZACJA).run()
    assert at.radio(key="intake.w.funded").options == ["tak", "nie", "nie wiem"]


def test_without_a_form_of_education_the_file_is_read_but_nobody_is_assessed():
    at = open_page()
    at.session_state["intake.files"] = files()
    at.run()
    assert_ok(at)
    assert "Wybierz rodzaj kształcenia" in " ".join(i.value for i in at.info)
    assert not at.dataframe
    enter_edition(at)
    assert len(table(at)) == 3


def test_three_applicants_are_counted_and_listed_with_their_outcomes(loaded):
    at = loaded
    assert counts(at) == {"Spełnia warunki": 1, "Jeszcze nie": 1, "Nie spełnia": 0, "Wymaga wyjaśnienia": 0,
                          "Błąd danych": 1}
    assert set(counts(at)) == set(OUTCOME_LABELS_PL.values())
    df = table(at)
    assert list(df["Lp."]) == [1, 2, 3]
    assert list(df["Imię i nazwisko"]) == [NAME_1, "Ewa Lis", "Maria Wójcik"]
    assert list(df["Wynik"]) == ["Spełnia warunki", "Jeszcze nie", "Błąd danych"]
    assert list(df["Najwcześniej"]) == ["", "31 maja 2027 r.", ""]
    assert df["Zaliczenia (liczba)"].iloc[0] >= 1  # § 4 ust. 3
    assert "31.02.2021" in df["Błędy danych"].iloc[2]
    # every outcome has its icon beside its words (status never by colour alone)
    assert all(m.label.startswith(":material/") for m in at.metric)


def test_the_edition_answers_are_shown_above_the_table(loaded):
    labels = card_labels(loaded)
    assert f"{EXAM} — Tak – egzamin wstępny w formie pisemnej jest obowiązkowy" in labels  # 3 > 2 places: § 3 ust. 4
    assert f"{CONSULTANT} — Nie – skład nie obejmuje konsultanta" in labels  # not funded: § 3 ust. 6
    assert not any(label.startswith("Które przepisy stosuje się") for label in labels)  # no planned start given
    exam = next(e for e in loaded.expander if e.label.startswith(EXAM))
    assert "Chętnych (3) jest więcej niż miejsc (2)" in shown(" ".join(m.value for m in exam.markdown))


def test_the_outcome_filter_narrows_the_rows(loaded):
    at = loaded
    pills = at.get("button_group")[0]
    assert pills.label == "Pokaż tylko osoby z wynikiem"
    pills.set_value(["not_yet"]).run()
    assert_ok(at)
    assert list(table(at)["Lp."]) == [2]
    at.get("button_group")[0].set_value(["meets", "data_error"]).run()
    assert list(table(at)["Lp."]) == [1, 3]
    at.get("button_group")[0].set_value([]).run()
    assert list(table(at)["Lp."]) == [1, 2, 3]


def test_choosing_an_applicant_shows_their_decision_cards(loaded):
    at = loaded
    box = at.selectbox(key="intake.w.person")
    assert box.label == "Pokaż osobę"
    assert box.options == ["— wybierz osobę —", f"Lp. 1 – {NAME_1}", "Lp. 2 – Ewa Lis", "Lp. 3 – Maria Wójcik"]
    assert not any(label.startswith(ENTRY) for label in card_labels(at))
    box.set_value(2).run()
    assert_ok(at)
    # not met yet, with the day it will be (KC art. 112: 24 months from 1 June 2025), as the table says
    assert f"{ENTRY} — Jeszcze nie – najwcześniej 31 maja 2027 r." in card_labels(at)
    entry = next(e for e in at.expander if e.label.startswith(ENTRY))
    assert "31 maja 2027 r." in " ".join(i.value for i in entry.info)
    assert "Lp. 2 – Ewa Lis" in [t.value for t in at.text]
    assert not [b for b in at.button if b.label == "Uzupełnij"]  # organizer cards: no way into the interview
    # another applicant
    at.selectbox(key="intake.w.person").set_value(1).run()
    assert f"{ENTRY} — {MEETS}" in card_labels(at)


def test_an_applicant_with_a_data_error_shows_their_problems_instead_of_cards(loaded):
    at = loaded
    at.selectbox(key="intake.w.person").set_value(3).run()
    assert_ok(at)
    assert not any(label.startswith(ENTRY) for label in card_labels(at))
    assert "Tej osoby nie oceniliśmy" in " ".join(w.value for w in at.warning)
    mine = at.dataframe[1].value
    assert list(mine["Arkusz"]) == ["Praca"] and list(mine["Kolumna"]) == ["Od"] and list(mine["Wiersz"]) == ["4"]
    assert "31.02.2021" in mine["Problem"].iloc[0]


def test_csv_files_one_per_sheet_are_read_like_the_workbook():
    at = open_page()
    enter_edition(at)
    at.session_state["intake.files"] = [("Osoby.csv", csv_bytes("Osoby", THREE["Osoby"])),
                                        ("Praca.csv", csv_bytes("Praca", THREE["Praca"]))]
    at.run()
    assert_ok(at)
    assert list(table(at)["Wynik"]) == ["Spełnia warunki", "Jeszcze nie", "Błąd danych"]
    # the sheets not given are a notice of the whole file (no Lp.); the applicant's own problems still open
    at.selectbox(key="intake.w.person").set_value(3).run()
    assert_ok(at)
    assert "31.02.2021" in at.dataframe[1].value["Problem"].iloc[0]


def test_the_problems_of_the_file_are_listed_with_sheet_row_and_column(loaded):
    expander = next(e for e in loaded.expander if e.label.startswith("Problemy w pliku"))
    problems = expander.dataframe[0].value
    assert {"Arkusz", "Wiersz", "Kolumna", "Problem"} <= set(problems.columns)
    row = problems[problems["Kolumna"] == "Od"].iloc[0]
    assert (row["Arkusz"], row["Wiersz"], row["Lp."]) == ("Praca", "4", "3")


def test_the_exports_are_offered_and_the_annex_zip_is_built_on_request(loaded):
    at = loaded
    assert [d.label for d in at.download_button] == ["Pobierz szablon arkusza (XLSX)"], "only the blank template"
    assert prepare_labels(at) == ["Przygotuj wyniki (XLSX)", "Przygotuj wyniki (CSV)",
                                  "Przygotuj wnioski – załącznik nr 1 (ZIP)"]
    assert prepare_download(at, "Wyniki (XLSX)", "Przygotuj wyniki (XLSX)")
    assert "Osób z proponowanym zaliczeniem: **1**" in " ".join(m.value for m in at.markdown)
    at.button(key="intake.zip_build").click().run()
    assert_ok(at)
    assert [d.label for d in at.download_button][-1] == "Pobierz wnioski (ZIP)"
    at.run()  # the person's next action: the ZIP is no longer offered, but kept in the session for the next click
    assert [d.label for d in at.download_button] == ["Pobierz szablon arkusza (XLSX)"]
    with zipfile.ZipFile(io.BytesIO(at.session_state["intake.zip"][1])) as zf:
        assert [n.split("_", 1)[0] for n in zf.namelist()] == ["0001"]
        assert zf.read(zf.namelist()[0]).startswith(b"%PDF")


def test_a_broken_file_shows_a_polish_message_and_keeps_the_earlier_results(loaded):
    at = loaded
    at.session_state["intake.files"] = [("zepsuty.xlsx", b"to nie jest arkusz")]
    at.run()
    assert_ok(at)
    message = " ".join(e.value for e in at.error)
    assert "Nie wczytaliśmy pliku" in message and "nie jest arkuszem XLSX" in message
    assert list(table(at)["Lp."]) == [1, 2, 3]
    # a good file afterwards replaces the results and the message goes
    at.session_state["intake.files"] = files({"Osoby": [person(7, "Ola", "Zając")], "Praca": [job(7, "01.01.2019")]})
    at.run()
    assert not at.error
    assert list(table(at)["Lp."]) == [7]


def test_names_from_the_spreadsheet_are_shown_literally_never_as_markdown(loaded):
    at = loaded
    at.selectbox(key="intake.w.person").set_value(1).run()
    assert_ok(at)
    assert f"Lp. 1 – {NAME_1}" in [t.value for t in at.text]
    assert NAME_1 in list(table(at)["Imię i nazwisko"])
    for text in markdown_texts(at):
        assert "Anna" not in text and "Nowak" not in text, text


def test_changing_the_edition_or_the_as_of_day_assesses_again(loaded):
    at = loaded
    first = at.session_state["intake.result"]
    at.run()
    assert at.session_state["intake.result"] is first  # a rerun assesses nothing
    at.number_input(key="intake.w.places").set_value(5).run()
    assert f"{EXAM} — Nie – egzamin wstępny nie jest obowiązkowy" in card_labels(at)  # 3 for 5 places (§ 3 ust. 4)
    at.session_state["as_of"] = date(2027, 6, 1)
    at.run()
    assert_ok(at)
    assert list(table(at)["Wynik"])[:2] == ["Spełnia warunki", "Spełnia warunki"]  # 31 May 2027 has passed


def test_clear_data_forgets_the_intake(loaded):
    at = loaded
    at.sidebar.button(key="clear_ask").click().run()
    at.sidebar.button(key="clear_confirm").click().run()
    assert_ok(at)
    for key in ("intake.files", "intake.result", "intake.view", "intake.good_files"):
        assert key not in at.session_state, key
    assert at.session_state["intake.edition"]["form"] is None  # drawn again, empty
    assert not at.dataframe


def test_the_facts_given_on_nabor_i_komisja_fill_the_edition_here_at_first():
    from logic.case import Edition

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["as_of"] = AS_OF
    at.session_state["ed.edition"] = Edition(form=Form.SPECJALIZACJA, field="pielęgniarstwo chirurgiczne",
                                             publicly_funded=True, places=25, planned_start=date(2027, 3, 1))
    at.run()
    at.switch_page("app_pages/7_Podglad_naboru.py").run()
    assert_ok(at)
    assert at.session_state["intake.edition"] == {"form": Form.SPECJALIZACJA, "field": "pielęgniarstwo chirurgiczne",
                                                  "funded": True, "places": 25, "start": date(2027, 3, 1)}
