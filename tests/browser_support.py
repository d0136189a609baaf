"""Helpers for the end-to-end browser tests and the app benchmark.

- `find_chromium()` finds Debian's Chromium (Playwright cannot download its own browser here).
- `browser_unavailable()` says why the browser tests cannot run (None when they can); the tests skip
  with that message, or fail when CI=true.
- `StreamlitServer` runs `streamlit run app.py` on a free loopback port and waits for /_stcore/health.
- `discover_pages()` reads the app's page registry (ui/state.py) to learn each page's URL path.
- `wait_for_app()` waits until Streamlit has finished running the script in the browser.

Nothing here asserts timings: the benchmark measures, the tests only check behaviour.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
ARTIFACTS = ROOT / "artifacts"

# Flags for Chromium on this machine: no sandbox as root, and no background connections (the network is
# closed, and Chromium otherwise keeps retrying Google's hosts).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

INSTALL_HINT = "install Debian's Chromium: `apt-get install -y chromium` (.ci/run does it)"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def find_chromium() -> str | None:
    """Path of a Chromium executable: $CHROMIUM_PATH, else `chromium` / `chromium-browser` on PATH."""
    override = os.environ.get("CHROMIUM_PATH")
    if override:
        return override if Path(override).is_file() else None
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pinned in requirements-dev.txt; run `make test`)"
    if find_chromium() is None:
        where = (f"CHROMIUM_PATH={os.environ['CHROMIUM_PATH']} is not a file" if os.environ.get("CHROMIUM_PATH")
                 else "Chromium not found on PATH (chromium / chromium-browser)")
        return f"{where}; {INSTALL_HINT}"
    return None


def launch_chromium(playwright):
    """A headless Debian Chromium driven by Playwright."""
    return playwright.chromium.launch(
        executable_path=find_chromium(), headless=True, args=CHROMIUM_ARGS
    )


# --- the server -------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """`streamlit run <script>` in a subprocess on 127.0.0.1:<free port>; use as a context manager.

    The log goes to a temporary file; its tail is quoted when the server fails to come up.
    """

    def __init__(self, script: Path = APP, *, startup_timeout: float = 60.0, extra_args: list[str] | None = None):
        self.script = Path(script)
        self.startup_timeout = startup_timeout
        self.extra_args = extra_args or []
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self._log = None

    def start(self) -> "StreamlitServer":
        self._log = tempfile.NamedTemporaryFile(prefix="streamlit-", suffix=".log", delete=False)
        cmd = [
            sys.executable, "-m", "streamlit", "run", str(self.script),
            "--server.address=127.0.0.1",
            f"--server.port={self.port}",
            "--server.headless=true",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
            "--server.runOnSave=false",
            *self.extra_args,
        ]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            cmd, cwd=self.script.parent, env=env, stdin=subprocess.DEVNULL,
            stdout=self._log, stderr=subprocess.STDOUT,
        )
        return self

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        health = f"{self.url}/_stcore/health"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"streamlit exited with code {self.process.returncode} before it was healthy:\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(health, timeout=2) as response:
                    if response.status == 200 and response.read().strip() == b"ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.05)
        raise RuntimeError(f"streamlit was not healthy within {self.startup_timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        if self._log is None:
            return ""
        self._log.flush()
        text = Path(self._log.name).read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            Path(self._log.name).unlink(missing_ok=True)
            self._log = None

    def __enter__(self) -> "StreamlitServer":
        self.start()
        try:
            self.wait_until_healthy()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


# --- the pages --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AppPage:
    file: str  # relative to the repository root, e.g. "app_pages/1_Moja_sytuacja.py"
    url_path: str  # "" for the default page
    title: str | None  # as given to st.Page

    @property
    def id(self) -> str:
        return self.url_path or "(start)"


def discover_pages(app: Path = APP) -> list[AppPage]:
    """The app's pages, from the one registry the frame's st.navigation is built from (ui/state.py PAGES)."""
    if str(app.parent) not in sys.path:
        sys.path.insert(0, str(app.parent))
    from ui.state import PAGES

    return _unique([AppPage(p.file, p.url_path, p.title) for p in PAGES])


def _unique(pages: list[AppPage]) -> list[AppPage]:
    seen: dict[str, AppPage] = {}
    for page in pages:
        seen.setdefault(page.url_path, page)
    return list(seen.values())


# --- waiting for Streamlit in the browser ----------------------------------------------------------------

APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until the app is connected and its script has finished running (no "Running..." widget)."""
    from playwright.sync_api import expect

    # A rerun starts a moment after the click that triggers it; give it that moment, then wait for idle.
    page.wait_for_timeout(150)
    page.locator(APP_IDLE).wait_for(state="attached", timeout=timeout)
    expect(page.get_by_test_id("stStatusWidget").get_by_text("Running", exact=False)).to_have_count(0, timeout=timeout)
    # idle again: the status widget may have vanished while a rerun was requested
    page.locator(APP_IDLE).wait_for(state="attached", timeout=timeout)


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "page"


# --- filling Streamlit widgets like a person: found by their visible (Polish) labels -----------------------------
# `scope` is a page or a locator (e.g. the main area, so that the sidebar's widgets never match). Inside st.form
# nothing reruns until the submit button, so only the helpers that act outside a form wait for the app.

def choose_radio(scope, group_label: str, option: str) -> None:
    """Click the option (its visible text) in the radio group labelled `group_label`."""
    scope.get_by_role("radiogroup", name=group_label, exact=True).get_by_text(option, exact=True).click()


def fill_text(scope, label: str, value: str) -> None:
    scope.get_by_role("textbox", name=label, exact=True).fill(value)


def fill_number(scope, label: str, value: int | str) -> None:
    scope.get_by_role("spinbutton", name=label, exact=True).fill(str(value))


def choose_combobox(page, scope, label: str, option: str, *, typed: str | None = None) -> None:
    """Type into the select box labelled `label` to filter, then click the option in the list."""
    box = scope.get_by_role("combobox", name=label, exact=True)
    box.click()
    box.fill(typed if typed is not None else option)
    page.get_by_role("option", name=option, exact=True).click()


def click_button(page, scope, name: str) -> None:
    """Click a button (or form submit button) and wait for the rerun it starts."""
    scope.get_by_role("button", name=name, exact=True).click()
    wait_for_app(page)


class GridRow:
    """Types one new row into an st.data_editor (a canvas grid: no DOM cells) with the keyboard, as a person
    would: "Add row", then Enter opens the selected cell's editor, Tab commits it and moves one cell right,
    ArrowRight skips a cell."""

    def __init__(self, page, editor):
        self.page = page
        self.editor = editor
        self.overlay = page.locator('#portal [id^="gdg-overlay"]')  # the cell editor, shown over the canvas
        self._first_edit_pending = True  # the first edit may have to select the new row's first cell again

    def add(self) -> "GridRow":
        self.editor.hover()
        self.editor.get_by_role("button", name="Add row").click()
        self.page.wait_for_timeout(300)  # let the canvas draw the new row before selecting its cell
        self._select_first_cell()
        return self

    def _select_first_cell(self) -> None:
        # the first cell of the (only) new row: below the header, right of the row markers
        box = self.editor.bounding_box()
        self.page.mouse.click(box["x"] + 50, box["y"] + 35 + 17)

    def _edit(self, selector: str, value: str) -> "GridRow":
        cell_editor = self.overlay.locator(selector).first
        # On a busy machine the canvas may not have taken the selection yet when Enter arrives: try a few times,
        # selecting the new row's first cell again before the first edit.
        for attempt in range(5):
            if attempt and self._first_edit_pending:
                self._select_first_cell()
            self.page.keyboard.press("Enter")
            try:
                cell_editor.wait_for(state="visible", timeout=4_000)
                break
            except Exception:  # the cell editor did not open
                self.page.wait_for_timeout(500)
        self._first_edit_pending = False
        cell_editor.fill(value)
        self.page.keyboard.press("Tab")
        self.overlay.wait_for(state="detached")
        return self

    def date(self, iso: str) -> "GridRow":
        return self._edit('input[type="date"]', iso)

    def text(self, value: str) -> "GridRow":
        return self._edit("textarea, input", value)

    def skip(self, cells: int = 1) -> "GridRow":
        for _ in range(cells):
            self.page.keyboard.press("ArrowRight")
        return self

    def done(self) -> None:
        """Let the editor hand its edits to Streamlit: it does so after a 150 ms debounce, and a form submitted
        sooner sends only the edits made before (seen: only the first cell of the row arrived). 1.5 s leaves room
        for a busy CI machine (a run with both cores loaded once lost the row at 500 ms)."""
        self.page.wait_for_timeout(1500)


def screenshot_whole_page(page, path) -> None:
    """A screenshot of the whole page. Streamlit scrolls inside its main area, not the document, so Playwright's
    full_page=True shows only the window: make the window as tall as the content for the shot."""
    size = page.viewport_size
    height = page.evaluate(
        "() => Math.max(...['stMain', 'stSidebar'].map(id => document.querySelector(`[data-testid=${id}]`))"
        ".filter(Boolean).map(e => e.scrollHeight))")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 12_000)})
    try:
        wait_for_app(page)
        page.wait_for_timeout(300)  # re-layout after the resize
        page.screenshot(path=path)
    finally:
        page.set_viewport_size(size)


class BrowserThread:
    """One Playwright with one Chromium in a thread of its own: the sync API cannot start in a thread that already
    runs one, and tests/test_browser.py keeps its own open in the main thread for the whole session. Every call on
    it runs in that thread. `name` names the thread and a failed scenario's screenshot."""

    def __init__(self, name: str):
        from concurrent.futures import ThreadPoolExecutor

        self.name = name
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"{name}-browser")
        self.playwright = self.browser = None
        self.call(self._start)

    def _start(self) -> None:
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.browser = launch_chromium(self.playwright)

    def call(self, fn, *args):
        return self._pool.submit(fn, *args).result()

    def scenario(self, name: str, fn, *args):
        """`fn(page, *args)` in a new context (a new tab: a new Streamlit session, its own sessionStorage), and
        its result; JavaScript errors fail it, a failure leaves artifacts/screenshots/failed-<name>-<scenario>.png."""
        return self.call(self._scenario, name, fn, *args)

    def _scenario(self, name: str, fn, *args):
        context = self.browser.new_context(viewport={"width": 1400, "height": 1000}, locale="pl-PL",
                                           accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(30_000)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        shot = ARTIFACTS / "screenshots" / f"failed-{self.name}-{safe_name(name)}.png"
        shot.unlink(missing_ok=True)
        try:
            result = fn(page, *args)
        except BaseException:
            shot.parent.mkdir(parents=True, exist_ok=True)
            try:
                screenshot_whole_page(page, shot)
            except Exception:  # noqa: BLE001 - the scenario's own failure is the one to report
                pass
            raise
        finally:
            context.close()
        assert not errors, f"JavaScript errors in the page: {errors}"
        return result

    def close(self) -> None:
        def stop():
            if self.browser is not None:
                self.browser.close()
            if self.playwright is not None:
                self.playwright.stop()

        try:
            self.call(stop)
        finally:
            self._pool.shutdown(wait=True)


def browser_thread_or_skip(name: str) -> BrowserThread:
    """A BrowserThread, or the test skipped with the reason (failed under CI=true) when there is no browser."""
    import pytest

    reason = browser_unavailable()
    if reason:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    return BrowserThread(name)


def main_area(page):
    """The page's main area (not the sidebar)."""
    return page.get_by_test_id("stMain")


def open_page(page, app_url: str, url_path: str) -> None:
    """Open one of the app's addresses in `page` (a new session) and wait until its first element is drawn."""
    page.goto(f"{app_url}/{url_path}")
    wait_for_app(page)
    main_area(page).get_by_test_id("stElementContainer").first.wait_for()


def follow_menu(page, name: str, *, exact: bool = False) -> None:
    """Follow a sidebar menu link (a new URL typed in would start a new session without the answers)."""
    page.get_by_test_id("stSidebar").get_by_role("link", name=name, exact=exact).click()
    wait_for_app(page)
