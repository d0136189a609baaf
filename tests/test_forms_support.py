"""Shared helpers for the forms tests: synthetic cases (never real people), text extraction, page rendering.

Rendered pages go to artifacts/forms/ (gitignored) so the layout can be looked at after a test run.
"""
from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from logic import Case, assess

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "artifacts" / "forms"
AS_OF = date(2026, 11, 23)
GENERATED_ON = date(2026, 11, 24)
POLISH = "ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"


def example(name: str) -> Case:
    return Case.model_validate(json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8")))


def typical_case() -> Case:
    """The example nurse asking about a specialization, with a Polish-letter name."""
    case = example("pielegniarka-specjalizacja")
    case.person.first_names = "Żaneta Łucja"
    case.person.surname = "Gęślak-Źdźbłowska"
    return case


def extreme_case() -> Case:
    """Every list long, every text long: 120-character name, 25 jobs, 15 of each course kind, Ukrainian letters."""
    first = "Олександра-Ґалина Їжакевич Євгенія Zażółć"
    surname = "Шевченко-Gęślą-Jaźń-" + "Żółtopióra-Łąkowska-Świętokrzyska-Ćmielowska-Ńaćkowska-Dźwiękowska"
    surname = surname[:119 - len(first)]
    employment = []
    for i in range(25):
        start = date(2022, 1, 1).replace(month=1 + (i % 12), year=2022 + i // 12)
        employment.append({
            "start": start.isoformat(), "end": start.replace(day=28).isoformat(),
            "employer": f"Samodzielny Publiczny Zakład Opieki Zdrowotnej nr {i + 1} im. św. Łukasza Ewangelisty, "
                        f"ul. Źródlana {i + 1}, 90-{i:03d} Łódź",
            "unit": f"Oddział chirurgii ogólnej i naczyniowej z pododdziałem żywienia pozajelitowego {i + 1}",
            "unit_field": "pielęgniarstwo chirurgiczne"})
    employment.append({"start": "2024-01-01", "ongoing": True, "employer": "Szpital Wojewódzki w Łomży",
                       "unit": "Blok operacyjny", "unit_field": "pielęgniarstwo chirurgiczne"})
    courses = []
    for kind in ("kwalifikacyjny", "specjalistyczny", "doksztalcajacy"):
        for i in range(15):
            courses.append({
                "kind": kind, "name": f"Kurs {kind} nr {i + 1}: pielęgniarstwo chirurgiczne – opieka nad pacjentem "
                                      f"z raną przewlekłą, żywienie dojelitowe i leczenie bólu (edycja {i + 1})",
                "field": "pielęgniarstwo chirurgiczne", "completed_on": f"{2005 + i}-06-{10 + i}",
                "organizer": f"Centrum Kształcenia Podyplomowego Pielęgniarek i Położnych nr {i + 1} w Częstochowie",
                "certificate": f"{100 + i}/{2005 + i}, {10 + i}.06.{2005 + i}, Częstochowa", "hours": 120})
    titles = [{"field": f"pielęgniarstwo {w}", "completed_on": f"{2008 + i}-03-0{1 + i % 9}",
               "diploma": f"Dyplom nr {5000 + i}, {1 + i % 9}.03.{2008 + i}, Warszawa",
               "organizer": "Centrum Medyczne Kształcenia Podyplomowego, ul. Marymoncka 99/103, Warszawa"}
              for i, w in enumerate(["geriatryczne", "internistyczne", "onkologiczne", "operacyjne", "pediatryczne",
                                     "psychiatryczne", "ratunkowe", "rodzinne", "epidemiologiczne", "neonatologiczne",
                                     "opieki paliatywnej", "opieki długoterminowej", "anestezjologiczne",
                                     "ginekologiczne", "środowiskowe"])]
    studies = [{"name": f"Studia podyplomowe nr {i + 1}: zarządzanie w ochronie zdrowia i jakość świadczeń",
                "field": "zarządzanie", "completed_on": f"{2010 + i % 15}-09-30",
                "certificate": f"30.09.{2010 + i % 15}, Gdańsk",
                "university": "Gdański Uniwersytet Medyczny, Wydział Nauk o Zdrowiu z Instytutem Medycyny Morskiej"}
               for i in range(15)]
    organizer = ("Uniwersytet Medyczny im. Karola Marcinkowskiego w Poznaniu, Wydział Nauk o Zdrowiu, Centrum "
                 "Kształcenia Podyplomowego Pielęgniarek i Położnych, ul. Przybyszewskiego 49, 60-355 Poznań, "
                 "sekretariat: budynek C, piętro 3, pokój 314, tel. 61 854 00 00, adres do korespondencji: skrytka "
                 "pocztowa nr 12, 60-001 Poznań; NIP 7")
    organizer = (organizer + "0" * 300)[:300]
    data = {
        "person": {"first_names": first, "surname": surname, "gender": "m"},
        "profession": "pielegniarka",
        "right_to_practise": {"held": True, "number": "1234567P", "year": 2003,
                              "issued_by": "Okręgowa Rada Pielęgniarek i Położnych w Łodzi – Żółkiewskiego 17"},
        "employment": employment, "courses": courses, "specialist_titles": titles, "postgraduate_studies": studies,
        "specializations": [{"field": "pielęgniarstwo chirurgiczne", "status": "przerwana", "started_on": "2023-01-01",
                             "ended_on": "2024-01-01", "organizer": organizer}],
        "goal": {"form": "specjalizacja", "field": "pielęgniarstwo chirurgiczne", "publicly_funded": False},
    }
    return Case.model_validate(data)


def long_history_case() -> Case:
    """A nurse with a long but ordinary history: nine jobs (four in the last five years), eight courses (two with the
    same name, years apart), a specialist title, postgraduate studies, and a long place name to sign in."""
    jobs = [("2001-09-01", "2004-08-31", "Szpital Powiatowy w Grodzisku Mazowieckim", "Oddział wewnętrzny"),
            ("2004-09-01", "2008-12-31", "Szpital Bielański, ul. Cegłowska 80, Warszawa", "Oddział chirurgii ogólnej"),
            ("2009-01-01", "2012-06-30", "Centrum Onkologii, ul. Roentgena 5, Warszawa", "Blok operacyjny"),
            ("2012-07-01", "2015-03-31", "Szpital Praski, Al. Solidarności 67, Warszawa",
             "Oddział chirurgii naczyniowej"),
            ("2015-04-01", "2018-09-30", "Mazowiecki Szpital Bródnowski, ul. Kondratowicza 8, Warszawa",
             "Oddział chirurgii ogólnej i onkologicznej"),
            ("2018-10-01", "2021-12-31", "Szpital Grochowski, ul. Grenadierów 51/59, Warszawa", "Izba przyjęć"),
            ("2022-01-01", "2023-06-30", "Szpital Wolski, ul. Kasprzaka 17, Warszawa", "Oddział chirurgii"),
            ("2023-07-01", "2024-12-31", "Centralny Szpital Kliniczny MSWiA, ul. Wołoska 137, Warszawa",
             "Klinika chirurgii ogólnej"),
            ("2025-01-01", None, "Warszawski Szpital Południowy, ul. Pileckiego 99, Warszawa",
             "Oddział chirurgii ogólnej z pododdziałem chirurgii naczyń")]
    employment = [{"start": start, **({"end": end} if end else {"ongoing": True}), "employer": employer,
                   "unit": unit, "unit_field": "pielęgniarstwo chirurgiczne"} for start, end, employer, unit in jobs]
    courses = [
        ("kwalifikacyjny", "Kurs kwalifikacyjny w dziedzinie pielęgniarstwa chirurgicznego", "1997-06-20", "11/1997"),
        ("kwalifikacyjny", "Kurs kwalifikacyjny w dziedzinie pielęgniarstwa chirurgicznego", "2006-11-18", "345/2006"),
        ("kwalifikacyjny", "Kurs kwalifikacyjny w dziedzinie pielęgniarstwa operacyjnego", "2010-05-14", "88/2010"),
        ("specjalistyczny", "Leczenie ran", "2016-04-08", "77/2016"),
        ("specjalistyczny", "Wykonanie i interpretacja zapisu elektrokardiograficznego", "2017-10-20", "120/2017"),
        ("specjalistyczny", "Żywienie dojelitowe i pozajelitowe", "2019-03-15", "31/2019"),
        ("specjalistyczny", "Leczenie bólu ostrego u dorosłych", "2021-12-03", "240/2021"),
        ("doksztalcajacy", "Profilaktyka zakażeń szpitalnych", "2023-02-10", "15/2023"),
    ]
    data = {
        "label": "Długa historia: dziewięć miejsc pracy, osiem kursów",
        "person": {"first_names": "Małgorzata", "surname": "Przybyszewska-Kołodziej", "gender": "k"},
        "profession": "pielegniarka",
        "right_to_practise": {"held": True, "number": "1412345P", "year": 2001,
                              "issued_by": "Okręgowa Izba Pielęgniarek i Położnych w Warszawie"},
        "employment": employment,
        "courses": [{"kind": kind, "name": name, "field": "pielęgniarstwo chirurgiczne", "completed_on": day,
                     "organizer": "Centrum Kształcenia Podyplomowego Pielęgniarek i Położnych w Warszawie",
                     "certificate": f"{number}, {day[8:10]}.{day[5:7]}.{day[:4]}, Warszawa", "hours": 120}
                    for kind, name, day, number in courses],
        "specialist_titles": [{"field": "pielęgniarstwo operacyjne", "completed_on": "2013-03-01",
                               "diploma": "Dyplom nr 5012, 1.03.2013, Warszawa",
                               "organizer": "Centrum Medyczne Kształcenia Podyplomowego, Warszawa"}],
        "postgraduate_studies": [{"name": "Zarządzanie w ochronie zdrowia", "field": "zarządzanie",
                                  "completed_on": "2020-06-30", "certificate": "30.06.2020, Warszawa",
                                  "university": "Warszawski Uniwersytet Medyczny"}],
        "goal": {"form": "specjalizacja", "field": "pielęgniarstwo chirurgiczne", "publicly_funded": True},
    }
    return Case.model_validate(data)


LONG_PLACE = "Grodzisk Mazowiecki – Osiedle Centrum Kształcenia Podyplomowego"


def assessment(case: Case):
    return assess(case, AS_OF)


def pdf_text(data: bytes) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    """Text without any whitespace: a value wrapped across lines (or cut inside a long word) still matches."""
    return re.sub(r"\s+", "", text)


MM = 72 / 25.4  # PDF points in a millimetre


def text_boxes(data: bytes, needle: str) -> list[tuple[int, float, float]]:
    """Every match of `needle` (case-sensitive): (page index, top, bottom) in PDF points from the page's foot."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    out = []
    try:
        for index in range(len(doc)):
            tp = doc[index].get_textpage()
            searcher = tp.search(needle, match_case=True)
            while (found := searcher.get_next()) is not None:
                start, count = found
                boxes = [tp.get_charbox(i) for i in range(start, start + count)]
                out.append((index, max(b[3] for b in boxes), min(b[1] for b in boxes)))
    finally:
        doc.close()
    return out


def outline(data: bytes) -> list[tuple[str, int, int, float]]:
    """The bookmarks: (title, level, page index, top in PDF points)."""
    reader = PdfReader(io.BytesIO(data))
    out: list[tuple[str, int, int, float]] = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((str(item.title), level, reader.get_destination_page_number(item), float(item.top)))

    walk(reader.outline, 0)
    return out


def render(data: bytes, stem: str, scale: float = 2.0) -> list[Path]:
    """Render every page to artifacts/forms/{stem}-p{n}.png and return the paths."""
    import pypdfium2 as pdfium

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    doc = pdfium.PdfDocument(data)
    out = []
    try:
        for i in range(len(doc)):
            path = ARTIFACTS / f"{stem}-p{i + 1}.png"
            doc[i].render(scale=scale).to_pil().save(path)
            out.append(path)
    finally:
        doc.close()
    return out
