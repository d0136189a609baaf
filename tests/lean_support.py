"""A heavy but real case for the tests and the bench of the lean pages (issue 12 § 4): a nurse with a long work
history, many courses, specialist titles, postgraduate studies, training abroad, specializations begun and state-exam
attempts – what "Wynik" and the review step of "Moja sytuacja" must draw without slowing down.

The sizes stay within what a real history holds (and within the case file's limits): 40 jobs, 60 courses."""
from __future__ import annotations

from datetime import date, timedelta

JOBS = 40
COURSES = 60
FIELDS = ("pielęgniarstwo chirurgiczne", "pielęgniarstwo internistyczne", "pielęgniarstwo rodzinne",
          "pielęgniarstwo onkologiczne", "pielęgniarstwo operacyjne", "pielęgniarstwo geriatryczne",
          "pielęgniarstwo anestezjologiczne i intensywnej opieki", "pielęgniarstwo pediatryczne")
KINDS = ("kwalifikacyjny", "specjalistyczny", "doksztalcajacy")
EXAMS = ("zdany", "niezdany", None)


def heavy_case_data(*, jobs: int = JOBS, courses: int = COURSES) -> dict:
    """The case as a file holds it (the shape of examples/*.json)."""
    employment = []
    start = date(1990, 1, 1)
    for i in range(jobs):
        end = start + timedelta(days=270)
        job = {"start": start.isoformat(), "employer": f"Szpital nr {i + 1}, ul. Długa {i + 1}, Kraków",
               "unit": f"Oddział {i % 7 + 1}", "unit_field": FIELDS[i % len(FIELDS)]}
        if i == jobs - 1:
            job["ongoing"] = True
        else:
            job["end"] = end.isoformat()
        employment.append(job)
        start = end + timedelta(days=1)
    course_list = [{"kind": KINDS[i % 3], "name": f"Kurs {i + 1}: {FIELDS[i % len(FIELDS)]}",
                    "field": FIELDS[i % len(FIELDS)],
                    "completed_on": (date(1995, 3, 1) + timedelta(days=170 * i)).isoformat(),
                    "exam": EXAMS[i % 3], "organizer": f"Organizator {i % 9 + 1}",
                    "certificate": f"{i + 1}/{1995 + i // 2}", "hours": 100 + 10 * (i % 40)}
                   for i in range(courses)]
    return {
        "label": "Przypadek ciężki do pomiarów (nie dane osobowe)",
        "person": {"first_names": "Anna", "surname": "Przykładowa", "gender": "k"},
        "profession": "pielegniarka",
        "right_to_practise": {"held": True, "number": "0312345P", "issued_by": "OIPiP w Krakowie", "year": 1989},
        "employment": employment,
        "degrees": {"licencjat": True, "magister_nursing": True, "doctorate": False},
        "specialist_titles": [{"field": FIELDS[i], "completed_on": f"{2000 + 4 * i}-06-30",
                               "diploma": f"D/{i + 1}", "organizer": "CKPPiP"} for i in range(4)],
        "courses": course_list,
        "postgraduate_studies": [{"name": f"Studia podyplomowe {i + 1}", "field": FIELDS[i + 2],
                                  "completed_on": f"{2010 + 3 * i}-09-30", "university": "Uniwersytet"}
                                 for i in range(4)],
        "foreign_training": [{"field": FIELDS[i], "months": 6 + 6 * i, "sworn_translation": i % 2 == 0,
                              "completed_on": f"{2015 + i}-05-31", "country": "Niemcy"} for i in range(3)],
        "specializations": [
            {"field": FIELDS[5], "publicly_funded": True, "status": "przerwana", "started_on": "2018-10-01",
             "ended_on": "2019-06-30"},
            {"field": FIELDS[6], "publicly_funded": False, "status": "ukonczona", "started_on": "2020-10-01",
             "ended_on": "2022-09-30", "ekk_complete": True}],
        "state_exam_attempts": [{"session": s, "field": FIELDS[6], "result": r} for s, r in (
            ("2023-wiosna", "niezdany"), ("2023-jesien", "nieobecność"), ("2024-wiosna", "niezdany"))],
        "goal": {"form": "specjalizacja", "field": FIELDS[0], "publicly_funded": True, "wants_exemption": True},
    }


def heavy_case():
    from logic import Case

    return Case.model_validate(heavy_case_data())
