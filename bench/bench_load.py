"""Load on one server process: 1, 10 and 30 nurses at once, each through the whole visit, beside a trivial page.

A browser costs far more CPU than the server it talks to (30 Chromium contexts on this 2-core machine use about 20×
the server's CPU), so browsers cannot measure how many people one server holds. Here each session is the
protocol-level client of bench/_stclient.py: it speaks Streamlit's websocket protocol as the browser's frontend does
(widget states, forms, the tab-storage component's answer, deferred downloads), so the server does the same work
per session while the client's own CPU stays small – and is reported separately.

Two servers are started with the served flags (`--server.fileWatcherType none --server.runOnSave false
--server.headless true`, on a free loopback port): the app (`app.py`) and the baseline (bench/_trivial_app.py: a
text box and a button). Each is first visited once (the first visitor of a fresh process pays for imports and fonts;
its slowest action is printed), then, for each level, that many sessions run at once:
- the app: Start → Moja sytuacja step by step to the review (two jobs and two courses added one at a time) → Wynik
  → Wniosek o zaliczenie → the Annex 1 download (20 timed actions);
- the baseline: open, then five times type a name and press the button (11 timed actions).
Between the actions a person starts, a session "thinks" for a random 0.5–1.5 s (`--think`; sessions start spread
over the first two seconds): 30 sessions then send ~30 actions a second, several times what 30 real people filling in
a form do, so the budget is met with room to spare or not at all.

Printed per level and server: per-action latency p50/p95/max (send → script_finished, or request → last byte of the
download), errors, the server's CPU seconds per session and per action (/proc/<pid>/stat, all threads) and its
memory growth per session (peak RSS during the level minus RSS before it, /proc/<pid>/statm), the ratios of the app
to the baseline, how latency grows from 1 to 30 sessions, and the client's own CPU.
Budget: p95 <= 300 ms per action at 30 sessions, and no error at any level; prints PASS or FAIL and exits 1 on
FAIL. Run: `make bench` (all bench scripts) or `.venv/bin/python bench/bench_load.py [--levels 1,10,30]`.

"Server busy" is the server's CPU over the level's wall time: one Streamlit process runs every session's script in
threads of one Python interpreter, so it cannot use much more than one core (the GIL), whatever the machine has.

Note on actions sent back to back (`--think 0`): each run's first element then waits ~40 ms after the run's
`new_session` message on Linux loopback, for the app and the trivial page alike, while the server's CPU per run
is a few milliseconds: the server's small second write waits for the client's delayed TCP ACK (Nagle's algorithm
meeting delayed ACK). A browser's TCP stack delays its ACKs the same way; with a person's pauses between actions
the delay does not arise. `--quickack` makes the client acknowledge at once (TCP_QUICKACK) to show the server's
own time.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import _stclient as C  # noqa: E402

from tests.browser_support import APP, StreamlitServer  # noqa: E402


class Server(StreamlitServer):
    """tests/browser_support.py's server, run from the repository's root so that both apps read the same
    .streamlit/config.toml (without it the baseline would pay for Streamlit's default garbage collection after
    every run, ~40 ms, and look slower than the app)."""

    def start(self) -> "Server":
        import subprocess
        import tempfile

        self._log = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)
        cmd = [sys.executable, "-m", "streamlit", "run", str(self.script), "--server.address=127.0.0.1",
               f"--server.port={self.port}", "--server.headless=true", "--browser.gatherUsageStats=false",
               "--server.fileWatcherType=none", "--server.runOnSave=false", *self.extra_args]
        self.process = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
                                        stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)
        return self

TRIVIAL_APP = ROOT / "bench" / "_trivial_app.py"
BUDGET_P95 = 0.300  # seconds per action at the largest level
LEVELS = (1, 10, 30)
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


# --- the server process, from /proc ----------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU of the process (all its threads) so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_bytes(pid: int) -> int:
    fields = Path(f"/proc/{pid}/statm").read_text().split()
    return int(fields[1]) * PAGE_SIZE


class PeakRss:
    """Samples the process's RSS every 0.1 s in a thread; `peak` is the highest seen."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = rss_bytes(pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, rss_bytes(self.pid))

    def __enter__(self) -> "PeakRss":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes(self.pid))


# --- the visits ------------------------------------------------------------------------------------------------


def trivial_visit(base_url: str, *, timeout: float = 30.0, think=None, report: C.SessionReport | None = None,
                  quickack: bool = False) -> C.SessionReport:
    """The baseline's person: open the page, then five times type a name and press the button."""
    report = report or C.SessionReport()
    cpu0 = time.thread_time()
    try:
        with C.Session(base_url, timeout=timeout, report=report, think=think, quickack=quickack) as s:
            s.open("")
            for i in range(5):
                s.set("Imię", f"Zofia {i}")
                s.click("Wyślij")
                if not s.has_text("Otrzymano"):
                    report.errors.append("the baseline did not answer the button")
    except C.ClientError as exc:
        if not report.errors:
            report.errors.append(str(exc))
    except Exception as exc:  # noqa: BLE001 - a client bug is the session's error, not a crash
        report.errors.append(f"client error: {type(exc).__name__}: {exc}")
    report.client_cpu_seconds += time.thread_time() - cpu0
    return report


@dataclass
class Level:
    server: str
    sessions: int
    latencies: list[float]
    errors: list[str]
    actions: int
    wall: float
    server_cpu: float
    rss_growth: int
    client_cpu: float
    by_action: dict[str, list[float]] = field(default_factory=dict)

    def quantile(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")

    @property
    def p95(self) -> float:
        return self.quantile(0.95)

    @property
    def max(self) -> float:
        return max(self.latencies, default=float("nan"))

    @property
    def cpu_per_session(self) -> float:
        return self.server_cpu / self.sessions

    @property
    def cpu_per_action(self) -> float:
        return self.server_cpu / max(1, self.actions)

    @property
    def rss_per_session(self) -> float:
        return self.rss_growth / self.sessions


def run_level(name: str, server: Server, visit, sessions: int, think: float, quickack: bool) -> Level:
    pid = server.process.pid
    rss0 = rss_bytes(pid)
    cpu0 = cpu_seconds(pid)
    client0 = os.times()
    start = time.perf_counter()

    def visit_one(base_url: str, report: C.SessionReport, **kwargs) -> C.SessionReport:
        rng = random.Random()
        if think > 0:
            time.sleep(rng.uniform(0, 2 * think))  # people do not all arrive in the same millisecond
        return visit(base_url, report=report, think=(lambda: time.sleep(rng.uniform(0.5 * think, 1.5 * think)))
                     if think > 0 else None, quickack=quickack, **kwargs)

    with PeakRss(pid) as peak:
        reports = C.run_sessions(server.url, sessions, visit=visit_one)
    wall = time.perf_counter() - start
    client1 = os.times()
    latencies = [a.seconds for r in reports for a in r.actions]
    by_action: dict[str, list[float]] = {}
    for r in reports:
        for a in r.actions:
            by_action.setdefault(a.name, []).append(a.seconds)
    return Level(name, sessions, latencies, [e for r in reports for e in r.errors], len(latencies), wall,
                 cpu_seconds(pid) - cpu0, peak.peak - rss0,
                 (client1.user - client0.user) + (client1.system - client0.system), by_action)


# --- printing --------------------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:6.0f}"


def print_level(level: Level) -> None:
    print(f"  {level.server:8} {level.sessions:3} sess  {level.actions:4} actions  p50 {ms(level.p50)}  "
          f"p95 {ms(level.p95)}  max {ms(level.max)} ms  errors {len(level.errors):2}  "
          f"server CPU {level.cpu_per_session * 1000:5.0f} ms/session {level.cpu_per_action * 1000:5.1f} ms/action  "
          f"RSS +{level.rss_per_session / 2**20:5.2f} MiB/session  server busy {level.server_cpu / level.wall:4.0%} "
          f"of a core  client CPU {level.client_cpu:5.2f} s  wall {level.wall:5.1f} s", flush=True)
    slowest = sorted(level.by_action.items(), key=lambda kv: -max(kv[1]))[:3]
    if slowest:
        print("      slowest actions (max): " + ", ".join(f"{k} {ms(max(v)).strip()} ms" for k, v in slowest))
    for error in level.errors[:5]:
        print(f"      error: {error}")


def ratio(a: float, b: float) -> str:
    return f"{a / b:5.1f}×" if b > 0 else "    –"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)), help="concurrent sessions per level")
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds a person waits between actions")
    parser.add_argument("--quickack", action="store_true", help="acknowledge TCP segments at once (see docstring)")
    args = parser.parse_args(argv)
    levels = [int(n) for n in args.levels.split(",") if n.strip()]

    print(f"Load on one process: levels {levels}, think {0.5 * args.think:.2f}–{1.5 * args.think:.2f} s, "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
          + (", TCP quickack" if args.quickack else ""), flush=True)
    results: dict[tuple[str, int], Level] = {}
    with Server(APP) as app, Server(TRIVIAL_APP) as trivial:
        for name, server, visit in (("app", app, C.run_nurse_interview), ("baseline", trivial, trivial_visit)):
            first = visit(server.url, quickack=args.quickack)
            slowest = max(first.actions, key=lambda a: a.seconds, default=None)
            print(f"  {name:8} first visit of a fresh process: {len(first.actions)} actions, errors "
                  f"{len(first.errors)}, slowest {slowest.name if slowest else '–'} "
                  f"{ms(slowest.seconds) if slowest else '–'} ms", flush=True)
            for error in first.errors[:3]:
                print(f"      error: {error}")
            if first.errors:
                results[(name, 0)] = Level(name, 1, [], first.errors, 0, 0, 0, 0, 0)
        for n in levels:
            for name, server, visit in (("app", app, C.run_nurse_interview), ("baseline", trivial, trivial_visit)):
                results[(name, n)] = level = run_level(name, server, visit, n, args.think, args.quickack)
                print_level(level)

    print("\nApp against the baseline (same run, same machine):")
    for n in levels:
        a, b = results[("app", n)], results[("baseline", n)]
        print(f"  {n:3} sessions: p50 {ratio(a.p50, b.p50)}  p95 {ratio(a.p95, b.p95)}  "
              f"server CPU per action {ratio(a.cpu_per_action, b.cpu_per_action)}  "
              f"per session {ratio(a.cpu_per_session, b.cpu_per_session)}  "
              f"RSS per session {ratio(a.rss_per_session, b.rss_per_session)}")
    low, high = min(levels), max(levels)
    print(f"\nHow latency grows from {low} to {high} sessions (p50 / p95 / max, ms):")
    for name in ("app", "baseline"):
        row = "  ".join(f"{n}: {ms(results[(name, n)].p50).strip()} / {ms(results[(name, n)].p95).strip()} / "
                        f"{ms(results[(name, n)].max).strip()}" for n in levels)
        grow = results[(name, high)].p95 / results[(name, low)].p95 if results[(name, low)].p95 > 0 else float("nan")
        print(f"  {name:8} {row}   p95 ×{grow:.1f}")
    server_cpu = sum(r.server_cpu for r in results.values())
    client_cpu = sum(r.client_cpu for r in results.values())
    print(f"\nClient CPU {client_cpu:.1f} s for server CPU {server_cpu:.1f} s over all levels "
          f"({ratio(client_cpu, server_cpu).strip()} of the server's).")

    top = results[("app", high)]
    errors = sum(len(r.errors) for r in results.values())
    ok = top.p95 <= BUDGET_P95 and errors == 0
    print(f"\nBudget: p95 <= {BUDGET_P95 * 1000:.0f} ms per action at {high} sessions, 0 errors: "
          f"p95 {top.p95 * 1000:.0f} ms, {errors} errors -> {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
