"""Benchmark of the rules engine: `.venv/bin/python bench/bench_logic.py` from the repository root.

Prints, in one run, each figure beside a baseline measured in the same run:

1. the median time to assess one typical case (examples/pielegniarka-specjalizacja.json) beside the median time
   to only validate it with Case.model_validate; budget 2 ms per assessment;
2. the time to validate and assess 10,000 generated cases (fixed seed) beside the time to only validate them;
   budget 5 s. The cases hold what real ones do: up to 6 work periods and 6 courses (exams, hours, passed parts),
   specialist titles, postgraduate studies, training abroad, specializations begun, up to 4 state-exam attempts,
   an exemption, and for about one case in five an organizer's edition (places, programme, commission, leader);
   the run prints how many cases hold each.

Timings use time.perf_counter after warm-up runs. Nothing here fails a test: it prints PASS or OVER, and exits 0.
"""
from __future__ import annotations

import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from logic import Case, assess  # noqa: E402

TYPICAL = ROOT / "examples" / "pielegniarka-specjalizacja.json"
AS_OF = date(2026, 11, 22)
SEED = 20260120
N_CASES = 10_000
WARMUP = 200
REPEATS = 2_000
BUDGET_ONE_MS = 2.0
BUDGET_MANY_S = 5.0

FIELDS = ["pielęgniarstwo chirurgiczne", "pielęgniarstwo internistyczne", "pielęgniarstwo rodzinne",
          "pielęgniarstwo onkologiczne", "pielęgniarstwo operacyjne", "pielęgniarstwo geriatryczne", None]
COMMISSION_ROLES = ["przedstawiciel_organizatora", "kierownik", "stowarzyszenie_lub_towarzystwo",
                    "przedstawiciel_nrpip", "konsultant_wojewodzki", "pracownik_naukowy_uczelni", "inny"]
GOALS = ["specjalizacja", "kurs_kwalifikacyjny", "kurs_specjalistyczny", "kurs_doksztalcajacy", "egzamin_panstwowy",
         None]


def median_seconds(fn, repeats: int = REPEATS, warmup: int = WARMUP) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def _session(rng: random.Random, first: int, last: int) -> str:
    return f"{rng.randint(first, last)}-{rng.choice(['wiosna', 'jesien'])}"


def _edition(rng: random.Random) -> dict:
    """An organizer's edition (places, applicants, the programme, the commission, the leader)."""
    places = rng.randint(0, 60)
    total = rng.choice([None, 300, 600, 1200])
    start = _day(rng, date(2026, 1, 20), date(2028, 6, 30))
    return {
        "form": rng.choice(["specjalizacja", "kurs_kwalifikacyjny", "kurs_specjalistyczny"]),
        "field": rng.choice(FIELDS), "places": places, "applicants": rng.randint(0, 120),
        "qualified": rng.choice([None, rng.randint(0, places)]), "publicly_funded": rng.choice([True, False, None]),
        "planned_start": start.isoformat(), "planned_end": (start + timedelta(days=rng.randint(90, 800))).isoformat(),
        "programme_started": rng.choice([True, False, None]), "programme_hours_total": total,
        "programme_hours_done": rng.randint(0, total) if total and rng.random() < 0.5 else None,
        "supplementary_round_on": (start - timedelta(days=rng.randint(1, 60))).isoformat()
        if rng.random() < 0.3 else None,
        "qualified_on": (start - timedelta(days=rng.randint(1, 30))).isoformat() if rng.random() < 0.5 else None,
        "commission": [{"role": rng.choice(COMMISSION_ROLES), "consultant_field_matches": rng.choice([True, False,
                                                                                                       None])}
                       for _ in range(rng.randint(0, 5))],
        "leader": {"specialist_title_in_field": rng.choice([True, False, None]),
                   "magister_nursing": rng.choice([True, False, None]),
                   "years_experience_in_field": rng.choice([None, rng.randint(0, 30)]),
                   "employed_in_matching_unit": rng.choice([True, False, None])} if rng.random() < 0.5 else None,
    }


def generate(rng: random.Random) -> dict:
    """One plausible case of a nurse or midwife (the shape of examples/*.json), drawn from `rng`: work periods,
    courses (with their exams, hours and passed parts), specialist titles, postgraduate studies, training abroad,
    specializations begun, state-exam attempts, an exemption, the goal and, for about one case in five, an
    organizer's edition."""
    employment = []
    for _ in range(rng.randint(0, 6)):
        start = _day(rng, date(2005, 1, 1), date(2027, 6, 30))
        period = {"start": start.isoformat(), "unit_field": rng.choice(FIELDS),
                  "in_profession": rng.choice([True, True, True, False, None])}
        if rng.random() < 0.5:
            period["ongoing"] = True
        else:
            period["end"] = (start + timedelta(days=rng.randint(30, 3000))).isoformat()
        employment.append(period)
    courses = []
    for _ in range(rng.randint(0, 6)):
        completed = _day(rng, date(1995, 1, 1), date(2026, 10, 31))
        course = {"kind": rng.choice(["kwalifikacyjny", "specjalistyczny", "doksztalcajacy"]),
                  "field": rng.choice(FIELDS), "completed_on": completed.isoformat(),
                  "exam": rng.choice(["zdany", "niezdany", None]), "hours": rng.choice([None, 40, 120, 520])}
        if rng.random() < 0.3:
            course["started_on"] = (completed - timedelta(days=rng.randint(30, 400))).isoformat()
            course["theory_passed"] = rng.choice([True, False, None])
            course["practice_passed"] = rng.choice([True, False, None])
        courses.append(course)
    titles = [{"field": rng.choice(FIELDS), "completed_on": _day(rng, date(1995, 1, 1), date(2026, 10, 31)).isoformat()}
              for _ in range(rng.choice([0, 0, 0, 1, 2]))]
    studies = [{"name": "Studia podyplomowe", "field": rng.choice(FIELDS),
                "completed_on": _day(rng, date(2000, 1, 1), date(2026, 10, 31)).isoformat()}
               for _ in range(rng.choice([0, 0, 0, 1, 2]))]
    abroad = [{"field": rng.choice(FIELDS), "months": rng.choice([None, 3, 6, 12, 24.5]),
               "sworn_translation": rng.choice([True, False, None]),
               "completed_on": _day(rng, date(2005, 1, 1), date(2026, 10, 31)).isoformat(),
               "country": rng.choice(["Niemcy", "Norwegia", None])} for _ in range(rng.choice([0, 0, 0, 0, 1, 2]))]
    specializations = []
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        started = _day(rng, date(2015, 1, 1), date(2026, 6, 1))
        specializations.append({"field": rng.choice(FIELDS), "publicly_funded": rng.choice([True, False, None]),
                                "status": rng.choice(["w_trakcie", "ukonczona", "przerwana"]),
                                "started_on": started.isoformat(),
                                "ended_on": (started + timedelta(days=rng.randint(400, 900))).isoformat(),
                                "hours_share_done": rng.choice([None, 0.25, 0.5, 1.0]),
                                "ekk_complete": rng.choice([True, False, None])})
    attempts = [{"session": _session(rng, 2024, 2027), "field": rng.choice(FIELDS),
                 "result": rng.choice(["zdany", "niezdany", "nieobecność"])} for _ in range(rng.randint(0, 4))]
    goal = {"form": rng.choice(GOALS), "field": rng.choice(FIELDS),
            "publicly_funded": rng.choice([True, False, None]), "wants_exemption": rng.random() < 0.1}
    if goal["form"] == "egzamin_panstwowy" and rng.random() < 0.5:
        goal["session"] = _session(rng, 2026, 2028)
    case = {
        "profession": rng.choice(["pielegniarka", "polozna", None]),
        "right_to_practise": {"held": rng.choice([True, True, True, False, None])},
        "employment": employment if rng.random() < 0.9 else None,
        "degrees": {"licencjat": rng.choice([True, None]), "magister_nursing": rng.choice([True, False, None]),
                    "doctorate": rng.random() < 0.05},
        "specialist_titles": titles,
        "courses": courses,
        "postgraduate_studies": studies,
        "foreign_training": abroad,
        "specializations": specializations,
        "state_exam_attempts": attempts,
        "goal": goal,
    }
    if goal["wants_exemption"] or rng.random() < 0.05:
        case["exemption"] = {"field": rng.choice(FIELDS), "scope": rng.choice(["calosc", "czesc", None]),
                             "granted_on": _day(rng, date(2020, 1, 1), date(2026, 10, 31)).isoformat()}
    if rng.random() < 0.2:
        case["edition"] = _edition(rng)
    return case


def shape(cases: list[dict]) -> str:
    """How many generated cases hold each kind of fact (so the mix is visible beside the timings)."""
    keys = ("specialist_titles", "postgraduate_studies", "foreign_training", "specializations",
            "state_exam_attempts", "exemption", "edition")
    return ", ".join(f"{k} {sum(1 for c in cases if c.get(k)):,}" for k in keys)


def main() -> int:
    raw = json.loads(TYPICAL.read_text(encoding="utf-8"))
    case = Case.model_validate(raw)

    validate_one = median_seconds(lambda: Case.model_validate(raw))
    assess_one = median_seconds(lambda: assess(case, AS_OF))
    both_one = median_seconds(lambda: assess(Case.model_validate(raw), AS_OF))

    rng = random.Random(SEED)
    cases = [generate(rng) for _ in range(N_CASES)]
    days = [_day(rng, date(2026, 1, 20), date(2028, 12, 31)) for _ in range(N_CASES)]
    for data, day in zip(cases[:WARMUP], days[:WARMUP]):  # warm-up: caches of holidays, parameters, Babel
        assess(Case.model_validate(data), day)

    t0 = time.perf_counter()
    for data in cases:
        Case.model_validate(data)
    validate_many = time.perf_counter() - t0

    t0 = time.perf_counter()
    decisions = 0
    for data, day in zip(cases, days):
        decisions += len(assess(Case.model_validate(data), day).decisions)
    both_many = time.perf_counter() - t0

    def verdict(value: float, budget: float) -> str:
        return "PASS" if value <= budget else "OVER"

    print(f"Python {sys.version.split()[0]}; as of {AS_OF}; seed {SEED}")
    print()
    print(f"One typical case ({TYPICAL.relative_to(ROOT)}), median of {REPEATS} runs after {WARMUP} warm-up runs:")
    print(f"  baseline: validate only (Case.model_validate)   {validate_one * 1e3:8.3f} ms")
    print(f"  assess (already validated)                      {assess_one * 1e3:8.3f} ms"
          f"   = {assess_one / validate_one:6.1f} x baseline")
    print(f"  validate + assess                               {both_one * 1e3:8.3f} ms"
          f"   = {both_one / validate_one:6.1f} x baseline")
    print(f"  budget: assess one case <= {BUDGET_ONE_MS:.1f} ms                 "
          f"{verdict(assess_one * 1e3, BUDGET_ONE_MS)}")
    print()
    print(f"{N_CASES:,} generated cases (random.Random({SEED})), as-of days 2026-01-20 .. 2028-12-31:")
    print(f"  cases holding: {shape(cases)}")
    print(f"  baseline: validate only                         {validate_many:8.3f} s")
    print(f"  {'validate + assess (' + format(decisions, ',') + ' decisions)':<48}{both_many:8.3f} s"
          f"   = {both_many / validate_many:6.1f} x baseline")
    print(f"  per case                                        {both_many / N_CASES * 1e3:8.3f} ms")
    print(f"  budget: validate + assess {N_CASES:,} cases <= {BUDGET_MANY_S:.1f} s       "
          f"{verdict(both_many, BUDGET_MANY_S)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
