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


def assessment(case: Case):
    return assess(case, AS_OF)


def pdf_text(data: bytes) -> list[str]:
    """The text of each page, as pypdf extracts it."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    """Text without any whitespace: a value wrapped across lines (or cut inside a long word) still matches."""
    return re.sub(r"\s+", "", text)


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
