"""Benchmark of the rules engine: `.venv/bin/python bench/bench_logic.py` from the repository root.

Prints, in one run, each figure beside a baseline measured in the same run:

1. the median time to assess one typical case (examples/pielegniarka-specjalizacja.json) beside the median time
   to only validate it with Case.model_validate; budget 2 ms per assessment;
2. the time to validate and assess 10,000 generated cases (fixed seed) beside the time to only validate them;
   budget 5 s.

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


def generate(rng: random.Random) -> dict:
    """One plausible case of a nurse or midwife (the shape of examples/*.json), drawn from `rng`."""
    employment = []
    for _ in range(rng.randint(0, 3)):
        start = _day(rng, date(2005, 1, 1), date(2027, 6, 30))
        period = {"start": start.isoformat(), "unit_field": rng.choice(FIELDS)}
        if rng.random() < 0.5:
            period["ongoing"] = True
        else:
            period["end"] = (start + timedelta(days=rng.randint(30, 3000))).isoformat()
        employment.append(period)
    courses = [{"kind": rng.choice(["kwalifikacyjny", "specjalistyczny", "doksztalcajacy"]),
                "field": rng.choice(FIELDS),
                "completed_on": _day(rng, date(1995, 1, 1), date(2026, 10, 31)).isoformat(),
                "exam": rng.choice(["zdany", "niezdany", None])} for _ in range(rng.randint(0, 2))]
    specializations = []
    if rng.random() < 0.3:
        started = _day(rng, date(2015, 1, 1), date(2026, 6, 1))
        specializations.append({"field": rng.choice(FIELDS), "publicly_funded": rng.choice([True, False, None]),
                                "status": rng.choice(["w_trakcie", "ukonczona", "przerwana"]),
                                "started_on": started.isoformat(),
                                "ended_on": (started + timedelta(days=rng.randint(400, 900))).isoformat()})
    attempts = [{"session": f"{rng.randint(2024, 2027)}-{rng.choice(['wiosna', 'jesien'])}",
                 "result": rng.choice(["zdany", "niezdany", "nieobecność"])} for _ in range(rng.randint(0, 2))]
    goal = {"form": rng.choice(GOALS), "field": rng.choice(FIELDS),
            "publicly_funded": rng.choice([True, False, None]), "wants_exemption": rng.random() < 0.1}
    if goal["form"] == "egzamin_panstwowy" and rng.random() < 0.5:
        goal["session"] = f"{rng.randint(2026, 2028)}-{rng.choice(['wiosna', 'jesien'])}"
    return {
        "profession": rng.choice(["pielegniarka", "polozna", None]),
        "right_to_practise": {"held": rng.choice([True, True, True, False, None])},
        "employment": employment if rng.random() < 0.9 else None,
        "degrees": {"licencjat": rng.choice([True, None]), "magister_nursing": rng.choice([True, False, None]),
                    "doctorate": rng.random() < 0.05},
        "courses": courses,
        "specializations": specializations,
        "state_exam_attempts": attempts,
        "goal": goal,
    }


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
    print(f"  baseline: validate only                         {validate_many:8.3f} s")
    print(f"  {'validate + assess (' + format(decisions, ',') + ' decisions)':<48}{both_many:8.3f} s"
          f"   = {both_many / validate_many:6.1f} x baseline")
    print(f"  per case                                        {both_many / N_CASES * 1e3:8.3f} ms")
    print(f"  budget: validate + assess {N_CASES:,} cases <= {BUDGET_MANY_S:.1f} s       "
          f"{verdict(both_many, BUDGET_MANY_S)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
