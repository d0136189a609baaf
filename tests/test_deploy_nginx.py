"""The served configuration (deploy/): two Streamlit processes behind Debian's nginx on loopback, started by the
same code as `make serve` (deploy/serve.py's Cluster, with its supervisor).

- every answer forbids framing and carries no-referrer and nosniff; pages and /media/ are never cached, while
  Streamlit's hashed bundles keep their own cache header; an unknown host name gets no answer; a request body
  larger than Streamlit's upload limit is refused by the proxy, one just within it is let through;
- the access log holds no client address, no query string, no download's file name;
- a visitor stays with the process that first answered her (the route cookie), and one whose process is gone is
  moved, for good, to the one that took her in;
- 20 sessions (bench/_stclient.py, the protocol-level client) do the nurse's interview through nginx and download
  Annex 1, 10 on each process; one process is killed while they run. The other process's sessions all finish; the
  dead one's sessions lose their connection (never a wrong answer), reconnect through nginx to the other process
  and find their answers restored from the tab. Two nurses in Chromium, one on each process, have answered
  two steps: the one whose process died reads the Polish message (ui/connection.py) while the page is
  disconnected, is reconnected through nginx to the other process, and gets her answers back from the tab's
  storage (ui/persist.py); the other one sees nothing happen. The supervisor restarts the dead process, which
  then serves a whole interview again.

It needs nginx (Debian's package; .ci/run installs it) and, for the browser part, Chromium: without them it is
skipped with the reason, and with CI=true it fails instead.
"""
from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
from pathlib import Path

import pytest

from deploy import serve
from tests.browser_support import (
    APP_IDLE,
    ARTIFACTS,
    browser_thread_or_skip,
    in_ci,
    safe_name,
    screenshot_whole_page,
    StreamlitServer,
    wait_for_app,
)
from ui.connection import ELEMENT_ID, LOST
from ui.download import prepare_label
from ui.persist import RESTORED

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ARTIFACTS / "screenshots"
LOGS = ARTIFACTS / "nginx-test"
HOST = "127.0.0.1"
RECONNECT_TIMEOUT = 60_000
SESSIONS_PER_PROCESS = 10


def _nginx_or_skip() -> str:
    found = serve.find_nginx()
    if found is None:
        reason = "nginx not found (Debian's package `nginx`: `apt-get install -y nginx`; .ci/run installs it)"
        if in_ci():
            pytest.fail(f"the proxy test cannot run in CI: {reason}")
        pytest.skip(f"proxy test skipped: {reason}")
    return found


@pytest.fixture(scope="module")
def cluster():
    _nginx_or_skip()
    with tempfile.TemporaryDirectory(prefix="asystent-nginx-test-") as tmp:
        prefix = Path(tmp)
        os.chmod(prefix, 0o755)
        settings = serve.Settings(
            worker_ports=(serve.free_port(), serve.free_port()), port=serve.free_port(), listen=HOST,
            hosts=("127.0.0.1", "localhost"), prefix=prefix, access_log=str(prefix / "access.log"),
            nginx_workers="1", fail_timeout_s=3)  # a restarted process gets people again sooner (default 10 s)
        with open(prefix / "processes.log", "w", encoding="utf-8") as output:
            c = serve.Cluster(settings, output=output)
            c.start()
            try:
                yield c
            finally:
                c.stop()
                # kept for a look after a failure: neither log holds personal data (the test of the access log
                # checks it; the processes' log is Streamlit's and nginx's own output)
                LOGS.mkdir(parents=True, exist_ok=True)
                for name in ("access.log", "processes.log"):
                    if (prefix / name).exists():
                        shutil.copyfile(prefix / name, LOGS / name)


def test_a_served_process_listens_on_loopback_without_the_file_watcher_or_run_on_save():
    """The file watcher rescans every loaded module for each new session, about a third of a session's CPU
    (issue 12); it and reloading on save are for development (`make run`) only."""
    cmd = serve.streamlit_command(8601, ("localhost", "asystent.example.pl"))
    options = dict(zip(cmd[5::2], cmd[6::2]))
    assert cmd[1:5] == ["-m", "streamlit", "run", str(ROOT / "app.py")]
    assert options["--server.fileWatcherType"] == "none" and options["--server.runOnSave"] == "false"
    assert options["--server.address"] == "127.0.0.1" and options["--server.headless"] == "true"
    hosts = [cmd[i + 1] for i, arg in enumerate(cmd) if arg == "--server.allowedHosts"]
    assert hosts == ["localhost", "asystent.example.pl"]


def test_nginx_accepts_the_configuration_for_one_process_and_for_many(tmp_path):
    nginx = _nginx_or_skip()
    for count in (1, 2, 7):
        settings = serve.Settings(worker_ports=tuple(range(9101, 9101 + count)), port=serve.free_port(),
                                  prefix=tmp_path, access_log="off", hosts=("asystent.example.pl",),
                                  cookie_secure=count == 7)
        conf = tmp_path / f"nginx-{count}.conf"
        conf.write_text(serve.render(settings), encoding="utf-8")
        check = subprocess.run([nginx, "-t", "-q", "-p", f"{tmp_path}/", "-c", str(conf), "-e", "stderr"],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        text = conf.read_text(encoding="utf-8")
        assert text.count("upstream asystent_w") == count and "upstream asystent_any" in text
        assert ("Secure" in text) == (count == 7)


def test_the_supervisor_restarts_a_process_that_died_or_stopped_answering_its_health_check(monkeypatch, tmp_path):
    """deploy/serve.py's supervisor, without nginx: a "Streamlit process" that only sleeps never answers
    /_stcore/health; once it has been healthy, three failed checks in a row stop it, and a process that exits is
    started again, after a pause that grows while it keeps dying young."""
    monkeypatch.setattr(serve, "streamlit_command",
                        lambda port, hosts: [sys.executable, "-c", "import time; time.sleep(60)"])
    monkeypatch.setattr(serve, "HEALTH_INTERVAL_S", 0.0)
    monkeypatch.setattr(serve, "RESTART_PAUSES_S", (0.0, 0.0, 0.2, 30.0))
    settings = serve.Settings(worker_ports=(serve.free_port(),), prefix=tmp_path)
    cluster = serve.Cluster(settings, output=subprocess.DEVNULL)
    worker = cluster.workers[0]
    try:
        cluster._start_worker(worker)
        first = worker.process
        worker.was_healthy, worker.next_check = True, 0.0  # as if it had answered once
        for _ in range(2):  # two failed checks: still running
            cluster._look_at(worker, time.monotonic())
        assert first.poll() is None and worker.failed_checks == 2
        cluster._look_at(worker, time.monotonic())  # the third: stopped
        assert first.poll() is not None
        assert cluster.events[-1].endswith("failed 3 health checks in a row; stopping it")
        cluster._look_at(worker, time.monotonic())  # seen dead: a restart is due (1st quick death: no pause)
        cluster._look_at(worker, time.monotonic())
        assert worker.restarts == 1 and worker.process is not first and worker.process.poll() is None
        # it keeps dying young: the pauses grow (0.2 s, then 30 s)
        pauses = []
        for restarts in (2, 3):
            worker.process.kill()
            worker.process.wait()
            cluster._look_at(worker, time.monotonic())
            pauses.append(round(worker.restart_at - time.monotonic(), 1))
            cluster._look_at(worker, worker.restart_at - 0.1)  # not before the pause is over
            assert worker.restarts == restarts - 1
            cluster._look_at(worker, worker.restart_at)
            assert worker.restarts == restarts and worker.process.poll() is None
        assert pauses == [0.2, 30.0]
    finally:
        cluster.stop()


# --- plain HTTP through the proxy ---------------------------------------------------------------------------------


def request(cluster, method: str, path: str, *, headers: dict[str, str] | None = None, body: bytes | None = None):
    """(status, headers as a list of (lower-case name, value), body) of one request to nginx."""
    conn = http.client.HTTPConnection(HOST, cluster.settings.port, timeout=15)
    try:
        conn.request(method, path, body=body, headers={"Host": f"{HOST}:{cluster.settings.port}", **(headers or {})})
        response = conn.getresponse()
        return response.status, [(k.lower(), v) for k, v in response.getheaders()], response.read()
    finally:
        conn.close()


def header(headers, name: str) -> list[str]:
    return [v for k, v in headers if k == name]


def route_of(headers) -> str | None:
    """The worker named by the proxy's route cookie in this answer (the process that answered), if any."""
    for value in header(headers, "set-cookie"):
        m = re.match(rf"{serve.ROUTE_COOKIE}=(w\d+);", value)
        if m:
            return m.group(1)
    return None


def test_every_answer_forbids_framing_and_sends_no_referrer_and_nosniff(cluster):
    _, _, html = request(cluster, "GET", "/")
    bundle = re.search(rb'src="\.?(/static/js/[^"]+\.js)"', html).group(1).decode()
    for method, path in [("GET", "/"), ("GET", "/Moja_sytuacja"), ("GET", "/_stcore/health"), ("GET", bundle),
                         ("GET", "/media/nie-ma-takiego-pliku.pdf"), ("POST", "/")]:
        status, headers, _ = request(cluster, method, path, body=b"x" * 100_000 if method == "POST" else None)
        assert status < 500, (path, status)
        assert header(headers, "x-frame-options") == ["DENY"], path
        assert header(headers, "content-security-policy") == ["frame-ancestors 'none'"], path
        assert header(headers, "referrer-policy") == ["no-referrer"], path
        assert header(headers, "x-content-type-options") == ["nosniff"], path
        assert header(headers, "server") == ["nginx"], path  # no version


def test_pages_and_downloads_are_never_cached_but_streamlits_hashed_bundles_are(cluster):
    _, _, html = request(cluster, "GET", "/")
    bundle = re.search(rb'src="\.?(/static/js/[^"]+\.js)"', html).group(1).decode()
    for path in ["/", "/Moja_sytuacja", "/media/nie-ma-takiego-pliku.pdf", "/_stcore/health"]:
        _, headers, _ = request(cluster, "GET", path)
        assert header(headers, "cache-control") == ["no-store"], path
    status, headers, _ = request(cluster, "GET", bundle)
    assert status == 200
    assert len(header(headers, "cache-control")) == 1
    assert "max-age" in header(headers, "cache-control")[0]
    assert route_of(headers) is None  # a cacheable answer sets no route cookie, which a shared cache would hand on


def test_a_request_for_an_unknown_host_name_gets_no_answer_and_a_known_one_does(cluster):
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        request(cluster, "GET", "/", headers={"Host": "asystent.example.com"})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        request(cluster, "GET", "/_stcore/health", headers={"Host": "127.0.0.2"})
    for host in (f"127.0.0.1:{cluster.settings.port}", "localhost"):
        status, _, body = request(cluster, "GET", "/_stcore/health", headers={"Host": host})
        assert (status, body) == (200, b"ok"), host


def _expect_continue(cluster, path: str, length: int) -> int:
    """Send only the headers of a PUT with `Expect: 100-continue` and a body of `length` bytes: nginx answers 100
    when it would take the body, or refuses it at once. Returns the status of its first answer."""
    with socket.create_connection((HOST, cluster.settings.port), timeout=15) as s:
        s.sendall((f"PUT {path} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                   f"Content-Length: {length}\r\nExpect: 100-continue\r\n\r\n").encode())
        first = s.recv(4096).split(b"\r\n", 1)[0]
    return int(first.split()[1])


def test_an_upload_above_streamlits_limit_is_refused_by_the_proxy_and_one_within_it_is_let_through(cluster):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit = config["server"]["maxUploadSize"] * 1024 * 1024  # Streamlit's megabytes are 2^20 bytes
    path = "/_stcore/upload_file/sesja/plik"
    envelope = 1024  # a multipart envelope around the file: boundary lines and part headers
    assert _expect_continue(cluster, path, limit + envelope) == 100
    assert _expect_continue(cluster, path, limit + 2 * 1024 * 1024) == 413
    # no other address takes a body
    assert request(cluster, "POST", "/", body=b"x" * 1024 * 1024)[0] == 413


def test_the_access_log_has_no_client_address_no_query_string_and_no_file_name(cluster):
    log = Path(cluster.settings.access_log)
    before = log.read_text(encoding="utf-8") if log.exists() else ""
    request(cluster, "GET", "/Moja_sytuacja?imie=Zofia&pesel=85010112345")
    request(cluster, "GET", "/media/wniosek-Wisniewska.pdf")
    request(cluster, "PUT", "/_stcore/upload_file/0c1a2b3c-sesja/plik-Zofii", body=b"x")
    ours = (" GET /Moja_sytuacja ", " GET /media/", " PUT /_stcore/upload_file/")

    def our_lines(text: str) -> list[str]:  # an earlier test's request may be logged late, between them
        return [line for line in text.splitlines() if any(mark in line for mark in ours)]

    deadline = time.monotonic() + 5  # nginx writes a line when it has finished the request, maybe after answering
    while len(our_lines(new := log.read_text(encoding="utf-8")[len(before):])) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = our_lines(new)
    assert len(lines) == 3, new
    assert " GET /Moja_sytuacja 200 " in lines[0]
    assert " GET /media/... " in lines[1]
    assert " PUT /_stcore/upload_file/... " in lines[2]
    for secret in ("Zofia", "85010112345", "Wisniewska", "0c1a2b3c", "plik", "?", HOST, "127.0.0", "Mozilla"):
        assert secret not in new, secret


def test_a_visitor_stays_with_the_process_that_first_answered_her(cluster):
    status, headers, _ = request(cluster, "GET", "/")
    first = route_of(headers)
    assert status == 200 and first in {"w1", "w2"}
    cookie = {"Cookie": f"{serve.ROUTE_COOKIE}={first}"}
    for path in ["/_stcore/health", "/_stcore/host-config", "/Wynik", "/media/nie-ma.pdf", "/"] * 2:
        _, headers, _ = request(cluster, "GET", path, headers=cookie)
        assert route_of(headers) == first, path
    for route in ("w1", "w2"):  # each process is reachable by its cookie
        _, headers, _ = request(cluster, "GET", "/_stcore/health", headers={"Cookie": f"{serve.ROUTE_COOKIE}={route}"})
        assert route_of(headers) == route
    # a cookie the proxy never gave is ignored: she gets a process and a cookie naming it
    _, headers, _ = request(cluster, "GET", "/", headers={"Cookie": f"{serve.ROUTE_COOKIE}=w9; x=\"<script>\""})
    assert route_of(headers) in {"w1", "w2"}


# --- the nurses: 20 protocol sessions and two browsers, one process killed ----------------------------------------


def _stclient():
    bench = str(ROOT / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    import _stclient

    return _stclient


def _visit_pinned(route: str, base_url: str, report, outcome: dict | None = None) -> None:
    """One nurse's visit through the proxy in a tab that holds the route cookie for `route`: Start, Moja sytuacja
    to the review (bench/_stclient.py's own interview), Wynik, and the Annex 1 download, whose GET must reach the
    process that built the file. Errors go to the report, as in bench/_stclient.py's `run_nurse_interview`. When
    the connection is lost and `outcome` is given, the tab reconnects, as the browser's frontend does, and `outcome`
    says what it then sees."""
    c = _stclient()
    session = c.Session(base_url, timeout=30.0, report=report)
    session.cookies[serve.ROUTE_COOKIE] = route
    with session as s:
        try:
            s.open("")
            c.nurse_interview(s)
            s.go_to("Wynik")
            if not s.has_text("Twój cel:", sidebar=False):
                report.errors.append("Wynik does not show the result ('Twój cel:' missing)")
            s.go_to("Wniosek_o_zaliczenie")
            prepare = prepare_label(c.ANNEX_BUTTON)  # a file with personal data takes two clicks (ui/download.py)
            if s.exists(prepare, kind="button"):
                s.click(prepare)
            if not s.download(c.ANNEX_BUTTON, name="download Annex 1").startswith(b"%PDF"):
                report.errors.append("Annex 1 is not a PDF")
        except c.ClientError as exc:
            if not report.errors:
                report.errors.append(str(exc))
            if outcome is not None and "websocket closed" in str(exc):
                outcome["stored"] = bool(s.tab_storage)
                try:
                    s.reconnect(within=30.0)
                    outcome["restored"] = s.has_text(RESTORED)
                    outcome["route"] = s.cookies.get(serve.ROUTE_COOKIE)
                except c.ClientError as again:
                    outcome["reconnect_error"] = str(again)
        except Exception as exc:  # noqa: BLE001 - a client failure is the session's error
            report.errors.append(f"client error: {type(exc).__name__}: {exc}")


@pytest.fixture(scope="module")
def browser():
    b = browser_thread_or_skip("nginx")
    yield b
    b.close()


# Records, in the page, every state the connection goes through and what the message box says at that moment.
RECORDER = """([id]) => {
  window.__seen = [];
  const app = document.querySelector('[data-testid="stApp"]');
  const box = document.getElementById(id);
  const note = () => window.__seen.push({
    t: Math.round(performance.now()),
    state: app.getAttribute("data-test-connection-state"), text: box.textContent, role: box.getAttribute("role"),
    live: box.getAttribute("aria-live"), shown: box.getBoundingClientRect().height > 0 && !box.inert });
  new MutationObserver(note).observe(app, { attributes: true, attributeFilter: ["data-test-connection-state"] });
  new MutationObserver(note).observe(box, { childList: true, characterData: true, subtree: true });
}"""


PAGE_ERRORS: list[str] = []  # JavaScript errors in the nurses' pages


def _open_nurse(browser, url: str, route: str):
    """A new tab given the route cookie for `route`; the nurse answers the first two steps of Moja sytuacja."""
    from tests.test_browser_persist import answer_two_steps, wait_until_stored

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="pl-PL")
    context.add_cookies([{"name": serve.ROUTE_COOKIE, "value": route, "url": url}])
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.on("pageerror", lambda error: PAGE_ERRORS.append(str(error)))
    answer_two_steps(page, url)
    wait_until_stored(page)
    page.locator(f"#{ELEMENT_ID}").wait_for(state="attached")
    page.evaluate(RECORDER, [ELEMENT_ID])
    return context, page


def _route_cookie(context) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == serve.ROUTE_COOKIE), None)


def _after_the_kill(page_a, context_a, page_b, context_b):
    """What each nurse sees once process w1 is dead (runs in the browser thread)."""
    from playwright.sync_api import expect

    from tests.browser_support import main_area
    from tests.test_browser_persist import assert_back_on_step_3_with_the_answers

    # Nurse A (on w1): the Polish message while disconnected, then reconnected to w2 with her answers.
    page_a.wait_for_function("() => window.__seen.some(e => e.text)", timeout=RECONNECT_TIMEOUT)
    page_a.locator(APP_IDLE).wait_for(state="attached", timeout=RECONNECT_TIMEOUT)
    wait_for_app(page_a)
    expect(main_area(page_a).get_by_text(RESTORED)).to_be_visible(timeout=RECONNECT_TIMEOUT)
    seen_a = page_a.evaluate("() => window.__seen")
    assert_back_on_step_3_with_the_answers(page_a)
    box_a = page_a.evaluate("id => document.getElementById(id).textContent", ELEMENT_ID)
    # Nurse B (on w2): nothing happened; her session is the same (no restore) and goes on.
    seen_b = page_b.evaluate("() => window.__seen")
    expect(main_area(page_b).get_by_text(RESTORED)).to_have_count(0)
    assert_back_on_step_3_with_the_answers(page_b)
    return seen_a, box_a, _route_cookie(context_a), seen_b, _route_cookie(context_b), list(PAGE_ERRORS)


def _shoot(pages, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for i, page in enumerate(pages):
        try:
            screenshot_whole_page(page, SCREENSHOTS / f"failed-nginx-{safe_name(name)}-{i}.png")
        except Exception:  # noqa: BLE001 - the test's own failure is the one to report
            pass


def _server_gone_scenario(browser, server) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="pl-PL")
    try:
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(f"{server.url}/Moja_sytuacja")
        wait_for_app(page)
        box = page.locator(f"#{ELEMENT_ID}")
        box.wait_for(state="attached")
        expect(box).to_have_text("")  # connected: nothing to say
        server.stop()
        # Streamlit gives up waiting quietly after a few tries and opens its English "Connection error" dialog
        page.get_by_test_id("stDialog").wait_for(state="attached", timeout=RECONNECT_TIMEOUT)
        expect(box).to_have_text(LOST)
        expect(box).to_be_visible()
        expect(box).to_have_attribute("role", "status")
        expect(box).to_have_attribute("aria-live", "polite")
        assert page.evaluate("id => document.getElementById(id).closest('[inert]') === null", ELEMENT_ID), \
            "the message is inert (hidden from screen readers) under Streamlit's dialog"
        expect(page.get_by_text("Connection error", exact=False)).to_be_hidden()
        expect(page.get_by_text("is not responding", exact=False)).to_be_hidden()
        expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()  # its English "Connecting"
        server.start()
        server.wait_until_healthy()
        page.locator(APP_IDLE).wait_for(state="attached", timeout=RECONNECT_TIMEOUT)
        expect(box).to_have_text("")
        expect(page.get_by_test_id("stDialog")).to_have_count(0)
    except BaseException:
        _shoot([page], "server-gone")
        raise
    finally:
        context.close()


def test_while_the_server_is_gone_the_person_reads_a_polish_message_instead_of_streamlits_english_one(browser):
    """Streamlit's own frontend says "Connecting" and then "Connection error – Streamlit server is not responding.
    Are you connected to the internet?"; the person reads ui/connection.py's Polish message instead, also under the
    dialog that makes the rest of the page inert, and it goes once the server is back. (No proxy needed: one
    server, stopped and started on the same port.)"""
    with StreamlitServer() as server:
        browser.call(_server_gone_scenario, browser.browser, server)


def test_twenty_sessions_finish_and_a_dead_process_moves_its_people_to_the_other_with_their_answers(cluster, browser):
    c = _stclient()
    url = cluster.url
    PAGE_ERRORS.clear()
    contexts = []
    try:
        # two nurses in Chromium, one on each process, two steps answered
        context_a, page_a = browser.call(_open_nurse, browser.browser, url, "w1")
        context_b, page_b = browser.call(_open_nurse, browser.browser, url, "w2")
        contexts = [(context_a, page_a), (context_b, page_b)]
        assert browser.call(_route_cookie, context_a) == "w1"
        assert browser.call(_route_cookie, context_b) == "w2"

        # 20 sessions through the proxy, 10 on each process
        reports = {route: [c.SessionReport() for _ in range(SESSIONS_PER_PROCESS)] for route in ("w1", "w2")}
        outcomes = {route: [{} for _ in range(SESSIONS_PER_PROCESS)] for route in ("w1", "w2")}
        threads = [threading.Thread(target=_visit_pinned, args=(route, url, report, outcome), daemon=True)
                   for route in ("w1", "w2") for report, outcome in zip(reports[route], outcomes[route], strict=True)]
        for t in threads:
            t.start()
        # kill w1 while its sessions are in the middle of the interview (about 6 of their ~22 actions done)
        deadline = time.monotonic() + 60
        while sum(len(r.actions) for r in reports["w1"]) < 6 * SESSIONS_PER_PROCESS and time.monotonic() < deadline:
            time.sleep(0.05)
        done_before = sum(1 for r in reports["w1"] if any(a.name == "go to Wynik" for a in r.actions))
        cluster.kill_worker("w1")
        killed_at = time.monotonic()

        seen_a, box_a, cookie_a, seen_b, cookie_b, page_errors = browser.call(
            _after_the_kill, page_a, context_a, page_b, context_b)
        for t in threads:
            t.join(timeout=120)
        assert not any(t.is_alive() for t in threads), "a session did not end within 2 minutes"
    except BaseException:
        if contexts:
            browser.call(_shoot, [p for _, p in contexts], "kill")
        raise
    finally:
        for context, _ in contexts:
            browser.call(context.close)

    def summary() -> dict:
        return {route: [(r.errors, [a.name for a in r.actions][-3:], o)
                        for r, o in zip(reports[route], outcomes[route], strict=True)] for route in reports}

    # the other process's sessions all finished: interview, Wynik, Annex 1; nurse B saw nothing of it
    assert [r.errors for r in reports["w2"] if r.errors] == [], summary()
    assert all(r.actions[-1].name == "download Annex 1" for r in reports["w2"]), summary()
    assert [e for e in seen_b if e["state"] != "CONNECTED" or e["text"]] == []
    assert cookie_b == "w2"
    # the dead process's sessions: those under way lost their connection (never a wrong answer); reconnecting,
    # they were taken in by w2 and found their answers restored from the tab
    interrupted = [(r, o) for r, o in zip(reports["w1"], outcomes["w1"]) if r.errors]
    assert interrupted, f"the kill came after every session had finished ({done_before} had reached Wynik)"
    for r, o in interrupted:
        assert len(r.errors) == 1 and re.search(r"websocket closed", r.errors[0]), summary()
        assert o.get("route") == "w2" and "reconnect_error" not in o, summary()
        assert o["restored"] == o["stored"], summary()
    assert any(o["restored"] for _, o in interrupted), summary()
    # (a session that connected after the kill is taken in by w2 and finishes)
    assert all(r.actions[-1].name == "download Annex 1" for r in reports["w1"] if not r.errors), summary()
    # nurse A read the Polish message, announced and shown, while the page was disconnected; it is gone now
    lost = [e for e in seen_a if e["text"]]
    assert lost and all(e["state"] != "CONNECTED" for e in lost), seen_a
    assert lost[0]["text"] == LOST and (lost[0]["role"], lost[0]["live"]) == ("status", "polite")
    assert any(e["shown"] for e in lost)
    assert box_a == ""
    # ... and stays with the process that took her in
    assert cookie_a == "w2"
    assert page_errors == []

    # the supervisor restarted w1; once nginx tries it again (fail_timeout), it serves a whole interview again
    worker = cluster.worker("w1")
    assert any(e.startswith("w1 ") and "exited with code -9" in e for e in cluster.events), cluster.events

    def served_by_w1() -> bool:
        status, headers, _ = request(cluster, "GET", "/_stcore/health", headers={"Cookie": f"{serve.ROUTE_COOKIE}=w1"})
        return (status, route_of(headers)) == (200, "w1")

    while not served_by_w1() and time.monotonic() - killed_at < 60:
        time.sleep(0.5)
    assert worker.restarts >= 1 and served_by_w1()
    log = Path(cluster.settings.access_log)
    before = len(log.read_text(encoding="utf-8"))
    again = c.SessionReport()
    _visit_pinned("w1", url, again)
    assert again.errors == [] and again.actions[-1].name == "download Annex 1"
    time.sleep(0.5)  # the websocket's line is written when it has closed
    assert re.search(r" GET /_stcore/stream 101 .* worker=w1 ", log.read_text(encoding="utf-8")[before:])
