"""Downloads with personal data are built on click and stop being served after the person's next action
(ui/download.py), and the server's own settings (.streamlit/config.toml): localhost only, allowed host names, no
agent API, no parent frame steering the app, an upload limit that lets our loaders refuse a large file in Polish.

Two kinds of tests:

- without a browser: the config file's values, every download button of the pages (in the source and as AppTest
  draws them), and `release_served`'s one extra run;
- on a real server, started like the plain `streamlit run app.py` (the repository's config.toml, no
  --server.address) and driven by Debian's Chromium through Playwright: the address of a downloaded answers file,
  Annex 1 and the summary PDF serves the file to a plain HTTP client (no cookies, no websocket) right after the
  download – the window Streamlit's design leaves, documented in ui/download.py – and no longer after the person's
  next action; a 6 MB file gets our Polish refusal; the server is not reachable on the machine's other addresses,
  and refuses a websocket under a host name it does not know.

Like tests/test_browser.py, the browser tests are skipped without Chromium (or the playwright package) and fail with
CI=true. tests/test_browser.py keeps its Playwright open in the main thread for the whole session, so this module
drives its own in a thread of its own, as tests/test_browser_persist.py does.
"""
from __future__ import annotations

import ast
import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
import tomllib
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

import pytest

from tests.apptest_support import open_app_page, prepare_download, prepare_labels
from tests.browser_support import (
    browser_thread_or_skip,
    follow_menu,
    in_ci,
    main_area,
    open_page,
    StreamlitServer,
    wait_for_app,
)

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".streamlit" / "config.toml"
EXAMPLE = ROOT / "examples" / "pielegniarka-specjalizacja.json"
PERSON = "Kowalska"  # the example's surname: the files downloaded carry it
AS_OF = date(2026, 11, 23)
MB = 1024 * 1024

ANSWERS = "Pobierz plik z odpowiedziami (JSON)"
ANNEX = "Pobierz wniosek – załącznik nr 1 (PDF)"
SUMMARY = "Pobierz podsumowanie wyniku (PDF)"
# The one download without personal data: the blank intake spreadsheet (ui/intake.py), the same for everyone.
TEMPLATE = "Pobierz szablon arkusza (XLSX)"


def config() -> dict:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))


# --- the config file ------------------------------------------------------------------------------------------------


def test_the_server_listens_on_localhost_unless_told_otherwise():
    assert config()["server"]["address"] == "localhost"
    # `make run HOST=...` and deploy/ tell it otherwise on the command line
    assert "--server.address=$(HOST)" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_allowed_host_names_are_this_machines_own():
    assert sorted(config()["server"]["allowedHosts"]) == sorted(["localhost", "127.0.0.1", "::1"])


def test_the_agent_api_is_off_xsrf_and_cors_protection_on_and_no_parent_frame_is_trusted():
    server, client = config()["server"], config()["client"]
    assert server["enableAgentApi"] is False
    assert server["enableXsrfProtection"] is True
    assert server["enableCORS"] is True
    assert server.get("corsAllowedOrigins", []) == []
    assert server["xsrfCookieSameSite"] == "lax"
    assert server["enableStaticServing"] is False
    assert client["allowedOrigins"] == []
    assert client["showErrorDetails"] == "none"


def test_every_file_our_loaders_refuse_for_its_size_is_below_the_upload_limit():
    """A file refused for its size gets our Polish message only if Streamlit lets it through (above the limit its
    uploader says "File must be … or smaller." in English): the limit is above every loader's own, and at most 20 MB,
    which bounds what one upload holds in a session's memory."""
    from logic.intake.reader import MAX_BYTES as INTAKE_MAX
    from ui.casefile import MAX_BYTES as CASE_MAX
    from ui.editionfile import MAX_BYTES as EDITION_MAX

    limit = config()["server"]["maxUploadSize"] * MB
    assert max(CASE_MAX, EDITION_MAX, INTAKE_MAX) < limit <= 20 * MB
    # a realistic wrong file above the old 5 MB limit (a phone photo, a scanned PDF) reaches our loaders
    assert 6 * MB < limit


# --- every download button -----------------------------------------------------------------------------------------


def _download_button_calls() -> dict[str, list[str]]:
    """File → the first argument (label) of every `….download_button(…)` call in app_pages/ and ui/, except
    ui/download.py itself."""
    found: dict[str, list[str]] = {}
    for path in sorted([*ROOT.glob("app_pages/*.py"), *ROOT.glob("ui/*.py")]):
        if path.name == "download.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "download_button"):
                label = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else "?"
                found.setdefault(str(path.relative_to(ROOT)), []).append(label)
    return found


def test_only_the_blank_template_is_offered_by_a_plain_download_button():
    """Every other download carries the person's (or applicants') data and goes through ui.download."""
    assert _download_button_calls() == {"ui/intake.py": [TEMPLATE]}


def test_the_source_check_finds_a_plain_download_button(tmp_path, monkeypatch):
    """The check above can fail: a page with st.download_button is found."""
    (tmp_path / "app_pages").mkdir()
    (tmp_path / "ui").mkdir()
    (tmp_path / "app_pages" / "x.py").write_text('import streamlit as st\nst.download_button("Plik", data=b"")\n')
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert _download_button_calls() == {"app_pages/x.py": ["Plik"]}


def _case():
    from logic import Case

    return Case.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page, labels", [
    ("app_pages/5_Zapisz_i_wczytaj.py", [ANSWERS]),
    ("app_pages/4_Wniosek_o_zaliczenie.py", [ANNEX, SUMMARY]),
])
def test_a_page_stores_no_file_until_the_person_asks_and_then_offers_it_held_by_her_session(page, labels):
    """As drawn: no download button (nothing stored), one "Przygotuj …" button per file. Its click builds the file
    in the session's run and offers it with an address held by the session, and clicking the download does not
    rerun the page (a run could end before the browser's request for the file arrives)."""
    pytest.importorskip("forms")
    from ui.download import prepare_label

    at = open_app_page(page, AS_OF, case=_case())
    assert not [d for d in at.download_button if d.label in labels]
    assert prepare_labels(at) == [prepare_label(label) for label in labels]
    for label in labels:
        offered = prepare_download(at, label)
        assert "/media/" in offered.proto.url, label
        assert not offered.proto.deferred_file_id, label
        assert offered.proto.ignore_rerun is True, label


# --- release_served -------------------------------------------------------------------------------------------------


def _runs_script():
    import streamlit as st

    from ui.download import private_download, release_served
    from ui.state import FLASH

    st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    for kind, text in st.session_state.pop(FLASH, []):  # what the frame does with messages shown once
        st.info(text)
    private_download("Pobierz", lambda: b"plik", file_name="plik.txt", mime="text/plain", key="dl")
    release_served(st.sidebar)


def _signals(at) -> int:
    """How many release signals (ui/download.py `_release`) the last run drew."""
    return sum(1 for node in at.get("bidi_component") if node.proto.component_name == "asystent.download_release")


def test_the_next_action_after_a_file_was_offered_signals_its_release_once_and_reruns_no_page():
    from streamlit.testing.v1 import AppTest

    from ui.state import FLASH

    at = AppTest.from_function(_runs_script, default_timeout=30)
    at.run()
    assert (at.session_state["runs"], _signals(at)) == (1, 0)
    at.button(key="dl.prepare").click().run()  # "Przygotuj": the file is built and offered in this run
    assert [d.label for d in at.download_button] == ["Pobierz"]
    assert (at.session_state["runs"], _signals(at)) == (2, 0)
    at.session_state[FLASH] = [("success", "Wczytaliśmy Twoje odpowiedzi.")]
    at.run()  # her next action: the button is gone, the release is signalled, the page runs once
    assert not at.download_button
    assert (at.session_state["runs"], _signals(at)) == (3, 1)
    assert [i.value for i in at.info] == ["Wczytaliśmy Twoje odpowiedzi."], "a message shown once is not lost"
    at.run()  # and only once
    assert (at.session_state["runs"], _signals(at)) == (4, 0)
    assert not at.exception and not at.error


def _broken_script():
    import streamlit as st

    from ui.download import private_download

    def broken() -> bytes:
        raise ValueError("pole nazwisko: Kowalska")  # as a validation error would quote the person's input

    private_download("Pobierz", broken, file_name="moja-sytuacja.json", mime="application/json", key="dl")


def test_a_file_that_fails_to_build_is_logged_without_its_data_and_gets_the_polish_message(caplog):
    from streamlit.testing.v1 import AppTest

    from ui.state import FRIENDLY_ERROR

    at = AppTest.from_function(_broken_script, default_timeout=30)
    at.run()
    with caplog.at_level(logging.ERROR, logger="asystent"):
        at.button(key="dl.prepare").click().run()
    assert not at.exception and not at.download_button
    assert [e.value for e in at.error] == [FRIENDLY_ERROR]
    assert "ValueError" in caplog.text and "moja-sytuacja.json" in caplog.text and PERSON not in caplog.text


# --- on a real server ----------------------------------------------------------------------------------------------


class PlainServer(StreamlitServer):
    """`streamlit run app.py` as a person starts it: the repository's config.toml, no --server.address (so it
    listens where config.toml says), on a free port; its health is checked at 127.0.0.1."""

    def start(self) -> "PlainServer":
        self._log = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)
        cmd = [sys.executable, "-m", "streamlit", "run", str(self.script), f"--server.port={self.port}",
               "--server.fileWatcherType=none", "--server.runOnSave=false"]
        self.process = subprocess.Popen(cmd, cwd=self.script.parent, env={**os.environ, "PYTHONUNBUFFERED": "1"},
                                        stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)
        return self


@pytest.fixture(scope="module")
def server():
    with PlainServer() as s:
        yield s


@pytest.fixture(scope="module")
def browser(server):
    b = browser_thread_or_skip("download")
    yield b
    b.close()


def fetch(url: str) -> tuple[int, bytes]:
    """A plain HTTP client: no cookies, no session, no websocket."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def load_example(page, base: str) -> None:
    open_page(page, base, "Zapisz_i_wczytaj")
    main_area(page).locator('input[type="file"]').set_input_files(str(EXAMPLE))
    main_area(page).get_by_text("Wczytaliśmy Twoje odpowiedzi", exact=False).wait_for()
    wait_for_app(page)


def prepare(page, label: str) -> None:
    """Click "Przygotuj …" for the download `label` and wait for the download button."""
    from ui.download import prepare_label

    main_area(page).get_by_role("button", name=prepare_label(label), exact=True).click()
    main_area(page).get_by_role("button", name=label, exact=True).wait_for(timeout=60_000)
    wait_for_app(page)


def download(page, label: str, prepared: bool = False) -> tuple[str, bytes]:
    """Prepare (unless done) and click the download button `label`; the file's /media/ address and its bytes, as
    the browser got them."""
    if not prepared:
        prepare(page, label)
    with page.expect_download(timeout=60_000) as info:
        main_area(page).get_by_role("button", name=label, exact=True).click()
    d = info.value
    return d.url, Path(d.path()).read_bytes()


RELEASE_SECONDS = 3.0  # the release signal's fragment run follows the next action at once; slack for a busy machine


def gone_within(url: str, seconds: float) -> int:
    """The address's status once it stops serving, polled for up to `seconds` (200 if it still serves then)."""
    import time

    deadline = time.monotonic() + seconds
    while True:
        status = fetch(url)[0]
        if status != 200 or time.monotonic() > deadline:
            return status
        time.sleep(0.1)


def assert_served_now(url: str, data: bytes, base: str) -> None:
    """Right after the download the address serves the file to anyone (the window Streamlit leaves)."""
    assert url.startswith(f"{base}/media/"), url
    assert fetch(url) == (200, data)


def _answers_file(page, base: str) -> dict:
    load_example(page, base)
    url, data = download(page, ANSWERS)
    assert PERSON in data.decode("utf-8")
    assert_served_now(url, data, base)
    follow_menu(page, "Moja sytuacja", exact=True)  # her next action: another page from the menu
    return {"after_next_action": gone_within(url, RELEASE_SECONDS)}


def test_the_answers_file_is_not_served_after_the_persons_next_action(browser, server):
    result = browser.scenario("answers", _answers_file, server.url)
    assert result == {"after_next_action": 404}


def _held_while_others_act(page, base: str) -> dict:
    load_example(page, base)
    url, data = download(page, ANSWERS)
    # three other people act meanwhile: every run of theirs ends with a sweep of the files no session holds (a file
    # built on click, st.download_button(data=<callable>), would be gone after two of them)
    other = page.context.browser.new_context(locale="pl-PL")
    try:
        for _ in range(3):
            someone = other.new_page()
            open_page(someone, base, "Infolinia")
            follow_menu(someone, "Terminy", exact=True)
            someone.close()
    finally:
        other.close()
    return {"while_she_stays": fetch(url)}


def test_an_offered_file_is_held_by_her_session_while_other_people_use_the_server(browser, server):
    result = browser.scenario("held", _held_while_others_act, server.url)
    assert result["while_she_stays"][0] == 200 and PERSON.encode() in result["while_she_stays"][1]


def _annex_and_summary(page, base: str) -> dict:
    load_example(page, base)
    follow_menu(page, "Wniosek o zaliczenie", exact=True)
    urls = {}
    for label in (ANNEX, SUMMARY):
        url, data = download(page, label)
        assert data.startswith(b"%PDF"), label
        assert_served_now(url, data, base)
        urls[label] = url
    # her next action, on the same page: the place of signing, confirmed with Enter
    place = main_area(page).get_by_role("textbox", name="Miejscowość (do podpisu)", exact=True)
    place.fill("Kraków")
    place.press("Enter")
    wait_for_app(page)
    return {label: gone_within(url, RELEASE_SECONDS) for label, url in urls.items()}


def test_annex_1_and_the_summary_are_not_served_after_the_persons_next_action(browser, server):
    pytest.importorskip("forms")
    assert browser.scenario("annex", _annex_and_summary, server.url) == {ANNEX: 404, SUMMARY: 404}


def _oversized_upload(page, base: str) -> dict:
    open_page(page, base, "Zapisz_i_wczytaj")
    main = main_area(page)
    main.locator('input[type="file"]').set_input_files(
        files=[{"name": "zdjecie.json", "mimeType": "application/json", "buffer": b" " * (6 * MB)}])
    polish = main.get_by_text("Nie wczytaliśmy pliku", exact=False)
    english = page.get_by_text("or smaller", exact=False)  # Streamlit's "File must be 5.0MB or smaller."
    polish.or_(english).first.wait_for()
    wait_for_app(page)
    return {"polish": polish.count(), "english": english.count()}


def test_a_6_mb_file_gets_our_polish_refusal_not_streamlits_english_one(browser, server):
    assert browser.scenario("oversized", _oversized_upload, server.url) == {"polish": 1, "english": 0}


def _outbound_address() -> str | None:
    """This machine's address on its network (no packet is sent), or None without one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = s.getsockname()[0]
    return None if address.startswith("127.") else address


def test_the_plain_streamlit_run_is_not_reachable_on_the_machines_other_addresses(server):
    address = _outbound_address()
    if address is None:
        if in_ci():
            pytest.fail("no network address besides loopback to check against")
        pytest.skip("this machine has no network address besides loopback")
    with pytest.raises(OSError):
        socket.create_connection((address, server.port), timeout=5).close()
    assert fetch(f"{server.url}/_stcore/health") == (200, b"ok")  # it does listen, on loopback


def _websocket_handshake(port: int, host: str) -> str:
    """The status line Streamlit answers a websocket handshake for /_stcore/stream under `host`."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                   "Sec-WebSocket-Protocol: streamlit\r\n\r\n").encode("ascii"))
        return s.recv(4096).split(b"\r\n", 1)[0].decode("ascii")


@pytest.mark.parametrize("host, status", [
    ("localhost", "101"), ("127.0.0.1", "101"), ("[::1]", "101"),
    ("asystent.example", "403"), ("localhost.example", "403"),
])
def test_a_websocket_is_opened_only_under_this_machines_own_host_names(server, host, status):
    assert _websocket_handshake(server.port, f"{host}:{server.port}").split(" ")[1] == status


def test_no_parent_frame_is_trusted_and_the_agent_api_answers_no(server):
    status, body = fetch(f"{server.url}/_stcore/host-config")
    assert status == 200 and json.loads(body)["allowedOrigins"] == []
    request = urllib.request.Request(f"{server.url}/_stcore/agent/interact", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            code = response.status
    except urllib.error.HTTPError as error:
        code = error.code
    assert code == 403
