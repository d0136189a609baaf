"""Hypothesis profiles for the whole suite, chosen by the environment variable HYPOTHESIS_PROFILE:

- "dev" (the default): hypothesis's own defaults (random examples, its example database in .hypothesis/), without
  the deadline, which a busy 2-core machine breaks for no fault of the code;
- "ci" (`.ci/run` exports HYPOTHESIS_PROFILE=ci): derandomized, so that every run of CI tries the same examples
  and a failure reproduces; no example database (a fresh clone has none and must not depend on one); the failing
  example's blob printed, to be replayed with @reproduce_failure;
- "deep" (`HYPOTHESIS_PROFILE=deep make test`): ten times as many examples, on demand.

A test that sets max_examples itself keeps its own number in every profile; tests that must grow with "deep"
scale their number by `settings.default.max_examples / 100` (tests/test_loader.py does).
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILES = ("dev", "ci", "deep")

# Hypothesis derandomizes by itself when it sees a CI environment (CI=true): "dev" and "deep" say they are random,
# so that the profile named is the profile run, wherever it runs.
settings.register_profile("dev", derandomize=False, deadline=None)
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("deep", derandomize=False, max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])


def _profile() -> str:
    name = os.environ.get("HYPOTHESIS_PROFILE", "dev").strip() or "dev"
    if name not in PROFILES:
        raise RuntimeError(f"HYPOTHESIS_PROFILE={name!r}: use one of {', '.join(PROFILES)}")
    return name


settings.load_profile(_profile())
