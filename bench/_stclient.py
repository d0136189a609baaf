"""A protocol-level client for a Streamlit 1.67 app: one object is one browser tab's session, without the browser.

It speaks what Streamlit's own frontend speaks, so that a session costs the server what a browser's does while the
client itself stays cheap (no rendering, no JavaScript): the page's HTTP requests a tab makes before it connects
(`/<page>`, `/_stcore/health` – which also sets the XSRF cookie – and `/_stcore/host-config`), then the websocket
`/_stcore/stream` with the subprotocols `["streamlit", <xsrf token>]`, the tab's cookies (every Set-Cookie is kept,
so a proxy's sticky-session cookie works too) and a same-origin `Origin`.
On it the client sends `BackMsg`s (`rerun_script` with the page and every widget's state, as the frontend's
WidgetStateManager keeps them: form widgets are held back until the form is submitted, triggers are sent once) and
reads `ForwardMsg`s (`new_session`, the `delta`s of each run, `script_finished`, `navigation`,
`backend_operation_response`) into the element tree of the current run.

The wire format has no public definition other than the `streamlit.proto` modules of the installed Streamlit, so this
module imports them (`BackMsg`, `ForwardMsg`, `ClientState`, `WidgetState`): the client is tied to the installed
Streamlit version and must be checked when Streamlit is upgraded (tests/test_stclient.py does, against a live server).
The websocket is the `websockets` package's synchronous client (websockets==17.4, already installed as a dependency of
streamlit 1.67).

What a browser does that the client emulates:
- widgets report their initial values on mount (the value in the element), and a value the script set
  (`set_value`) replaces the one held; widgets no longer drawn are forgotten after a full run;
- a widget outside a form reruns the script when its value changes (unless it has `on_change="ignore"`);
- downloads: an ordinary `/media/…` URL is fetched with GET; a deferred one (`st.download_button(data=callable)`)
  is asked for with a `backend_operation_request` (`deferred_file`) over the websocket, whose answer gives the URL
  to GET; a download button without `on_click="ignore"` reruns the script too, as in the browser;
- components v2 (`st.components.v2`) run JavaScript in the page; the client answers for the ones it is given an
  emulator for (`component_emulators`), by default the app's tab-storage component (ui/persist.py), which keeps
  the tab's sessionStorage in the client (`Session.tab_storage`) and answers "what do you hold?" once, as the
  component's JavaScript does, so that a new session has the second run a browser causes;
- a lost connection: `Session.reconnect()` tries again as the frontend does, offering the old session's id, and
  reruns the page shown (what the app's timer fragment makes the frontend do); on a new server session the tab's
  storage then gives the answers back.

Every action (send → `script_finished`, or a download's request → its last byte) is timed and recorded with its
errors: exception elements, the frame's Polish error message (ui/state.py FRIENDLY_ERROR: "Coś poszło nie tak po
naszej stronie…"), a step the interview refused, a closed socket, a timeout. `run_nurse_interview(base_url)` is the
nurse's whole visit used by bench/bench_load.py and tests: Moja sytuacja step by step to the review, Wynik, and the
Annex 1 download on Wniosek o zaliczenie; `run_sessions(base_url, n)` runs n of them at once. For other scripts use
`Session` directly: `open(page)`, `set(label, value)`, `click(label)`, `go_to(page)`, `download(label)`,
`reconnect()`, and read the page with `texts()`, `headings()`, `has_text()`, `find()`. On loopback,
`source_address="127.0.0.N"` gives a session an address of its own (for a proxy that keeps a person on one process
by address).
"""
from __future__ import annotations

import http.client
import json
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

# The frame's message for an unexpected error (ui/state.py FRIENDLY_ERROR): its start is enough to recognise it.
FRIENDLY_ERROR_START = "Coś poszło nie tak po naszej stronie"
# What the interview shows above a step it did not save (app_pages/1_Moja_sytuacja.py).
STEP_REFUSED_START = "Nie zapisaliśmy tego kroku"
XSRF_COOKIE = "_streamlit_xsrf"

WIDGET_KINDS = frozenset({
    "button", "download_button", "checkbox", "text_input", "text_area", "number_input", "date_input", "selectbox",
    "radio", "multiselect", "slider", "time_input", "color_picker", "file_uploader", "arrow_data_frame",
    "button_group", "bidi_component", "chat_input", "camera_input", "audio_input", "date_time_input",
})
TEXT_KINDS = ("markdown", "heading", "alert", "text", "caption", "code")
_FINISHED_EARLY = ForwardMsg.FINISHED_EARLY_FOR_RERUN
_FINISHED_FRAGMENT = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY


class ClientError(Exception):
    """The session cannot go on: the socket closed, a run timed out, a widget is not on the page."""


# --- what a run leaves on the page ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    """One element of the page: its place (delta path; the first number is the root: 0 main, 1 sidebar …), its
    kind (the Element's `type`, e.g. "text_input", "markdown", or "block") and its proto (Element or Block)."""

    path: tuple[int, ...]
    kind: str
    proto: Any

    @property
    def widget(self) -> Any:
        return getattr(self.proto, self.kind)

    @property
    def label(self) -> str:
        return getattr(self.widget, "label", "") if self.kind in WIDGET_KINDS else ""

    @property
    def id(self) -> str:
        return getattr(self.widget, "id", "") if self.kind in WIDGET_KINDS else ""

    @property
    def form_id(self) -> str:
        return getattr(self.widget, "form_id", "") if self.kind in WIDGET_KINDS else ""

    @property
    def text(self) -> str:
        """The visible text of a text element ("" for others)."""
        if self.kind in TEXT_KINDS:
            return getattr(self.widget, "body", "") or ""
        if self.kind == "exception":
            return f"{self.widget.type}: {self.widget.message}"
        if self.kind == "page_link":
            return self.widget.label
        return ""

    @property
    def in_sidebar(self) -> bool:
        return bool(self.path) and self.path[0] == 1


@dataclass
class Action:
    """One timed action of a session: `seconds` from sending to the end of the run (or of the download)."""

    name: str
    seconds: float
    ok: bool = True
    error: str | None = None


@dataclass
class SessionReport:
    """What one session did: its actions in order, its errors (Polish messages of the app, exceptions, closed
    sockets), and what it downloaded (name → bytes)."""

    actions: list[Action] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    downloads: dict[str, bytes] = field(default_factory=dict)
    client_cpu_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def latencies(self) -> list[float]:
        return [a.seconds for a in self.actions]


# --- the session ---------------------------------------------------------------------------------------------------


def _tab_storage_emulator(session: "Session", node: Node, data: Any) -> list[tuple[str, Any]]:
    """ui/persist.py's component: with `ready` false it answers once with what the tab holds; else it writes the
    tab's copy (or removes it) and answers nothing."""
    if not isinstance(data, dict):
        return []
    key = data.get("key")
    if not data.get("ready"):
        return [("stored", {"session": data.get("session"), "value": session.tab_storage.get(key)})]
    if data.get("value") is None:
        session.tab_storage.pop(key, None)
    else:
        session.tab_storage[key] = data["value"]
    return []


ComponentEmulator = Callable[["Session", Node, Any], list[tuple[str, Any]]]
DEFAULT_EMULATORS: dict[str, ComponentEmulator] = {"asystent.tab_storage": _tab_storage_emulator}


class Session:
    """One tab's session with a Streamlit server at `base_url` (e.g. "http://127.0.0.1:8501").

    Use as a context manager; `open(page)` connects and runs a page by its URL path ("" for the default page).
    `timeout` bounds each wait for the server. Actions raise ClientError when the session cannot go on; they
    record the app's own error messages in `report.errors` and go on.
    """

    def __init__(self, base_url: str, *, timeout: float = 30.0,
                 component_emulators: dict[str, ComponentEmulator] | None = None,
                 report: SessionReport | None = None, think: Callable[[], None] | None = None,
                 quickack: bool = False, source_address: str | None = None) -> None:
        parts = urlsplit(base_url)
        self.base_url = base_url.rstrip("/")
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or 80
        self.prefix = parts.path.rstrip("/")
        self.timeout = timeout
        self.emulators = DEFAULT_EMULATORS if component_emulators is None else component_emulators
        self.report = report or SessionReport()
        self.think = think  # called before each action a person starts (reading the page, typing)
        # TCP_QUICKACK before each read: acknowledge at once instead of the OS's delayed ACK. Off by default, as in
        # a browser; bench/bench_load.py uses it to tell the server's time from the ~40 ms that the server's
        # unflushed small writes wait for a delayed ACK on Linux (see its docstring).
        self.quickack = quickack and hasattr(socket, "TCP_QUICKACK")
        # The client's own address, e.g. "127.0.0.7": on loopback each session can come from an address of its own,
        # as people do from their own machines (a proxy that keeps a person on one process by address sees many).
        self.source = (source_address, 0) if source_address else None
        self.tab_storage: dict[str, str] = {}  # the emulated tab's sessionStorage
        self.session_id = ""
        self.pages: dict[str, str] = {}  # url path → page_script_hash (from the navigation message)
        self.page_script_hash = ""
        self.url_path = ""
        self._ws: Any = None
        self._http: http.client.HTTPConnection | None = None
        self.cookies: dict[str, str] = {}  # the tab's cookies for this server
        self._nodes: dict[tuple[int, ...], Node] = {}
        self._states: dict[str, WidgetState] = {}  # committed widget states (outside forms, or submitted)
        self._forms: dict[str, dict[str, WidgetState]] = {}  # form id → its widgets' pending states
        self._component_data: dict[str, str] = {}  # component id → the data last handed to its emulator
        self._backend_responses: dict[str, Any] = {}
        self.last_status: int | None = None
        self.runs = 0
        self.last_download: tuple[str, int, dict[str, str]] | None = None  # (address, HTTP status, headers)

    # -- connection ---------------------------------------------------------------------------------------------

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """GET `path` on the server on a kept-alive connection (reopened once if the server closed it), sending
        and keeping cookies as a browser does (a proxy's sticky-session cookie, Streamlit's XSRF cookie)."""
        for attempt in (1, 2):
            if self._http is None:
                self._http = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout,
                                                        source_address=self.source)
            try:
                headers = {"Accept-Encoding": "identity"}
                if self.cookies:
                    headers["Cookie"] = self._cookie_header()
                self._http.request("GET", self.prefix + path, headers=headers)
                response = self._http.getresponse()
                body = response.read()
                for name, value in response.getheaders():
                    if name.lower() == "set-cookie" and "=" in value:
                        key, val = value.split(";", 1)[0].split("=", 1)
                        self.cookies[key.strip()] = val.strip()
                return response.status, {k.lower(): v for k, v in response.getheaders()}, body
            except (http.client.HTTPException, ConnectionError, OSError):
                self._http.close()
                self._http = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def fetch(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """GET an address of the server with this tab's cookies, untimed: (status, headers in lower case, body).
        E.g. a download's address again (`last_download[0]`) after the person's next action."""
        return self._get(path if path.startswith("/") else "/" + path)

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _bootstrap_http(self, url_path: str) -> None:
        """What a tab fetches before it connects (its static JS/CSS are cached by a returning browser)."""
        self._get(f"/{url_path}")
        status, _, _ = self._get("/_stcore/health")
        if status != 200:
            raise ClientError(f"health check answered HTTP {status}")
        self._get("/_stcore/host-config")

    def _connect(self, existing_session_id: str = "") -> None:
        scheme_host = f"{self.host}:{self.port}"
        # The frontend's subprotocols: "streamlit", the XSRF token (the cookie's value), the session to resume.
        subprotocols = ["streamlit", self.cookies.get(XSRF_COOKIE) or "no-xsrf-token"]
        if existing_session_id:
            subprotocols.append(existing_session_id)
        headers = {"Origin": f"http://{scheme_host}"}
        if self.cookies:
            headers["Cookie"] = self._cookie_header()
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout,
                                            source_address=self.source)
            # As browsers do: no Nagle delay on our small frames.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._ws = connect(f"ws://{scheme_host}{self.prefix}/_stcore/stream", sock=sock,
                               subprotocols=subprotocols,
                               additional_headers=headers, open_timeout=self.timeout, max_size=None,
                               compression=None, ping_interval=None, legacy=True)
        except Exception as exc:  # noqa: BLE001 - any failure to connect ends the session with its reason
            raise ClientError(f"websocket connect failed: {type(exc).__name__}: {exc}") from exc

    def reconnect(self, *, within: float = 30.0, name: str = "reconnect") -> None:
        """What the browser's frontend does when its socket closed (a server restarted, a process behind the proxy
        died): try again until the server answers (`within` seconds), offering the old session's id, then – as the
        app's timer fragment makes the frontend do (ui/persist.py) – rerun the page it shows with its widgets'
        values. A new session then asks the tab's storage for the answers, as in the browser."""
        start = time.perf_counter()
        self._drop_socket()
        deadline = time.monotonic() + within
        while True:
            try:
                self._bootstrap_http(self.url_path)
                self._connect(existing_session_id=self.session_id)
                break
            except (ClientError, OSError, http.client.HTTPException) as exc:
                if time.monotonic() > deadline:
                    self._record(name, start, error=f"{name}: {exc}")
                    raise ClientError(f"could not reconnect within {within:.0f} s: {exc}") from exc
                time.sleep(0.2)
        self._rerun(name, start=start)

    def _drop_socket(self) -> None:
        if self._ws is not None:
            try:
                self._ws.close()
            except Exception:  # noqa: BLE001 - closing a broken socket
                pass
            self._ws = None
        if self._http is not None:
            self._http.close()
            self._http = None

    def close(self) -> None:
        """Close the tab."""
        self._drop_socket()

    # -- the page -----------------------------------------------------------------------------------------------

    def nodes(self) -> list[Node]:
        """The page's elements in the order they are shown (main, then sidebar …)."""
        return [self._nodes[p] for p in sorted(self._nodes)]

    def texts(self, *, sidebar: bool | None = False) -> list[str]:
        """The visible texts of the page (markdown, headings, alerts, exceptions …); main area only by default."""
        return [n.text for n in self.nodes() if n.text and (sidebar is None or n.in_sidebar == sidebar)]

    def has_text(self, fragment: str, *, sidebar: bool | None = None) -> bool:
        return any(fragment in t for t in self.texts(sidebar=sidebar))

    def headings(self) -> list[str]:
        return [n.widget.body for n in self.nodes() if n.kind == "heading"]

    def widgets(self, kind: str | None = None) -> list[Node]:
        return [n for n in self.nodes() if n.kind in WIDGET_KINDS and (kind is None or n.kind == kind)]

    def find(self, label: str | None = None, *, key: str | None = None, kind: str | None = None,
             nth: int = 0, sidebar: bool | None = None, exact: bool = True) -> Node:
        """The `nth` widget whose label is `label` (or contains it, `exact=False`) or whose user key is `key`."""
        found = []
        for n in self.widgets(kind):
            if sidebar is not None and n.in_sidebar != sidebar:
                continue
            if key is not None and not (n.id.endswith("-" + key) or n.id == key):
                continue
            if label is not None and not (n.label == label if exact else label in n.label):
                continue
            found.append(n)
        if len(found) <= nth:
            what = f"label {label!r}" if label is not None else f"key {key!r}"
            labels = sorted({n.label for n in self.widgets(kind) if n.label})[:40]
            raise ClientError(f"no {kind or 'widget'} with {what} (#{nth}) on the page; labels: {labels}")
        return found[nth]

    def exists(self, label: str | None = None, **kwargs: Any) -> bool:
        try:
            self.find(label, **kwargs)
        except ClientError:
            return False
        return True

    # -- actions ------------------------------------------------------------------------------------------------

    def open(self, url_path: str = "") -> None:
        """Open the page at `url_path` in a new tab: HTTP bootstrap, websocket, first run (and the runs the page's
        components ask for, as in a browser)."""
        start = time.perf_counter()
        try:
            self._bootstrap_http(url_path)
            self._connect()
        except (ClientError, OSError, http.client.HTTPException) as exc:
            self._record(f"open {url_path or 'start'}", start, error=f"{exc}")
            raise ClientError(str(exc)) from exc
        self.url_path = url_path
        self._rerun(f"open {url_path or 'start'}", page_name=url_path, start=start)

    def go_to(self, url_path: str) -> None:
        """Follow a link to one of the app's pages in the same session (a menu link or st.page_link)."""
        page_hash = self.pages.get(url_path)
        if page_hash is None:
            raise ClientError(f"no page {url_path!r} in the navigation: {sorted(self.pages)}")
        self._think()
        self.url_path = url_path
        self._rerun(f"go to {url_path or 'start'}", page_script_hash=page_hash)

    def set(self, target: str | Node, value: Any, *, name: str | None = None, **find: Any) -> None:
        """Give the widget labelled `target` the value `value`: text (str), number (int/float), date, a checkbox
        (bool), a selectbox or radio option (its shown text, or an int index). Inside a form the value waits for the
        form's submit button; outside, the script reruns (unless the widget ignores reruns)."""
        node = target if isinstance(target, Node) else self.find(target, **find)
        state = self._state_for(node, value)
        if node.form_id:
            self._forms.setdefault(node.form_id, {})[node.id] = state
            return
        self._states[node.id] = state
        if not getattr(node.widget, "ignore_rerun", False):
            self._think()
            self._rerun(name or f"set {node.label}")

    def click(self, target: str | Node, *, name: str | None = None, **find: Any) -> None:
        """Press the button (or form submit button) labelled `target` and wait for the run it starts."""
        node = target if isinstance(target, Node) else self.find(target, kind=find.pop("kind", "button"), **find)
        trigger = WidgetState(id=node.id, trigger_value=True)
        self._think()
        if node.form_id:
            self._states.update(self._forms.pop(node.form_id, {}))
        self._rerun(name or f"click {node.label}", triggers=[trigger])

    def download(self, target: str | Node, *, name: str | None = None, **find: Any) -> bytes:
        """Press the download button labelled `target`: fetch its file (deferred or a plain /media/ URL) and return
        its bytes, as the browser saves them."""
        node = target if isinstance(target, Node) else self.find(target, kind="download_button", **find)
        button = node.widget
        action = name or f"download {button.label}"
        self._think()
        start = time.perf_counter()
        try:
            url = button.url
            if button.deferred_file_id:
                url = self._deferred_url(button.deferred_file_id)
            if not url:
                raise ClientError("the download button has neither a URL nor a deferred file")
            path = url if url.startswith("/") else "/" + url
            status, headers, body = self._get(path)
            self.last_download = (path, status, headers)
            if status != 200:
                hint = (" (a deferred file no session holds is deleted once two script runs of any session have "
                        "ended since it was built)" if button.deferred_file_id and status == 404 else "")
                raise ClientError(f"download answered HTTP {status}{hint}")
        except (ClientError, OSError, http.client.HTTPException) as exc:
            self._record(action, start, error=f"{action}: {exc}")
            raise ClientError(str(exc)) from exc
        self._record(action, start)
        self.report.downloads[button.label] = body
        if not button.ignore_rerun:  # a download button that reruns the script, as the browser's click does
            self._rerun(f"{action} (rerun)", triggers=[WidgetState(id=node.id, trigger_value=True)])
        return body

    def _think(self) -> None:
        if self.think is not None:
            self.think()

    def _deferred_url(self, file_id: str) -> str:
        request_id = secrets.token_hex(8)
        msg = BackMsg()
        msg.backend_operation_request.request_id = request_id
        msg.backend_operation_request.session_id = self.session_id
        msg.backend_operation_request.deferred_file.file_id = file_id
        self._send(msg)
        deadline = time.monotonic() + self.timeout
        while request_id not in self._backend_responses:
            self._receive_one(deadline)
        response = self._backend_responses.pop(request_id)
        if response.error_msg:
            raise ClientError(f"deferred download refused: {response.error_msg}")
        return response.deferred_file.url

    # -- the protocol -------------------------------------------------------------------------------------------

    def _send(self, msg: BackMsg) -> None:
        if self._ws is None:
            raise ClientError("the session is not connected")
        try:
            self._ws.send(msg.SerializeToString())
        except ConnectionClosed as exc:
            raise ClientError(f"websocket closed: {exc}") from exc

    def _rerun(self, name: str, *, page_name: str = "", page_script_hash: str | None = None,
               triggers: Iterable[WidgetState] = (), start: float | None = None) -> None:
        start = time.perf_counter() if start is None else start
        client_state = ClientState(query_string="", page_name=page_name,
                                   page_script_hash=self.page_script_hash if page_script_hash is None
                                   else page_script_hash)
        client_state.context_info.timezone = "Europe/Warsaw"
        client_state.context_info.timezone_offset = -60
        client_state.context_info.locale = "pl-PL"
        client_state.context_info.url = f"{self.base_url}/{self.url_path}"
        client_state.context_info.is_embedded = False
        client_state.context_info.color_scheme = "light"
        states = client_state.widget_states.widgets
        for state in self._states.values():
            states.append(state)
        for trigger in triggers:
            states.append(trigger)
        msg = BackMsg()
        msg.rerun_script.CopyFrom(client_state)
        try:
            self._send(msg)
            self._wait_for_run()
        except ClientError as exc:
            self._record(name, start, error=f"{name}: {exc}")
            raise
        error = self._page_error()
        self._record(name, start, error=f"{name}: {error}" if error else None)
        self._answer_components()

    def _wait_for_run(self) -> None:
        """Read messages until a full run (not one cut short for a rerun) has finished."""
        deadline = time.monotonic() + self.timeout
        while True:
            msg = self._receive_one(deadline)
            if msg is not None and msg.WhichOneof("type") == "script_finished":
                status = msg.script_finished
                self.last_status = status
                if status in (_FINISHED_EARLY, _FINISHED_FRAGMENT):
                    continue
                self.runs += 1
                self._after_run()
                return

    def _receive_one(self, deadline: float) -> ForwardMsg | None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise ClientError(f"no answer from the server within {self.timeout:.0f} s")
        if self.quickack:
            self._ws.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        try:
            data = self._ws.recv(timeout=remaining)
        except TimeoutError as exc:
            raise ClientError(f"no answer from the server within {self.timeout:.0f} s") from exc
        except ConnectionClosed as exc:
            raise ClientError(f"websocket closed: {exc}") from exc
        if isinstance(data, str):
            return None
        msg = ForwardMsg()
        msg.ParseFromString(data)
        self._handle(msg)
        return msg

    def _handle(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            new = msg.new_session
            if new.HasField("initialize") and new.initialize.session_id:
                self.session_id = new.initialize.session_id
            self.page_script_hash = new.page_script_hash
            self._nodes = {}
        elif kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            self.page_script_hash = msg.navigation.page_script_hash or self.page_script_hash
            for p in msg.navigation.app_pages:
                if p.page_script_hash == self.page_script_hash:
                    self.url_path = p.url_pathname
        elif kind == "delta":
            path = tuple(msg.metadata.delta_path)
            delta = msg.delta
            which = delta.WhichOneof("type")
            if which == "new_element":
                element = delta.new_element
                self._nodes[path] = Node(path, element.WhichOneof("type") or "empty", element)
            elif which == "add_block":
                for p in [p for p in self._nodes if p[:len(path)] == path]:
                    del self._nodes[p]
                self._nodes[path] = Node(path, "block", delta.add_block)
        elif kind == "backend_operation_response":
            self._backend_responses[msg.backend_operation_response.request_id] = msg.backend_operation_response
        elif kind == "page_not_found":
            self.report.errors.append(f"page not found: {msg.page_not_found.page_name!r}")

    def _after_run(self) -> None:
        """As the frontend after a full run: widgets report their values, widgets gone are forgotten."""
        alive: set[str] = set()
        for node in self.nodes():
            if node.kind not in WIDGET_KINDS or not node.id:
                continue
            alive.add(node.id)
            held = node.id in self._states or node.id in self._forms.get(node.form_id, {})
            if held and not getattr(node.widget, "set_value", False):
                continue
            state = _initial_state(node)
            if state is None:
                continue
            if node.form_id:
                self._forms.setdefault(node.form_id, {})[node.id] = state
            else:
                self._states[node.id] = state
        self._states = {k: v for k, v in self._states.items() if k in alive}
        self._forms = {f: {k: v for k, v in s.items() if k in alive} for f, s in self._forms.items()}

    def _answer_components(self) -> None:
        """Run the emulated JavaScript of the page's components; a trigger they send reruns the script."""
        for node in self.nodes():
            if node.kind != "bidi_component":
                continue
            component = node.widget
            emulator = self.emulators.get(component.component_name)
            if emulator is None:
                continue
            raw = component.json
            if self._component_data.get(component.id) == raw:  # unchanged data is not handed to the JS again
                continue
            self._component_data[component.id] = raw
            try:
                data = json.loads(raw) if raw else None
            except json.JSONDecodeError:
                data = None
            events = emulator(self, node, data)
            if events:
                payload = json.dumps([{"event": e, "value": v} for e, v in events])
                trigger = WidgetState(id=f"$$STREAMLIT_INTERNAL_KEY_{component.id}__events",
                                      json_trigger_value=payload)
                self._rerun(f"component {component.component_name}: {events[0][0]}", triggers=[trigger])
                return

    def _page_error(self) -> str | None:
        """The app's error shown by this run, if any: an exception element or the frame's Polish message."""
        for node in self.nodes():
            if node.kind == "exception":
                return f"exception on the page: {node.widget.type}"
            if node.kind == "alert" and node.widget.body.startswith(FRIENDLY_ERROR_START):
                return "the frame's error message: " + node.widget.body[:60] + "…"
        return None

    def _record(self, name: str, start: float, *, error: str | None = None) -> None:
        seconds = time.perf_counter() - start
        self.report.actions.append(Action(name, seconds, ok=error is None, error=error))
        if error:
            self.report.errors.append(error)

    # -- widget states ------------------------------------------------------------------------------------------

    def _state_for(self, node: Node, value: Any) -> WidgetState:
        w = node.widget
        state = WidgetState(id=node.id)
        kind = node.kind
        if kind in ("text_input", "text_area"):
            state.string_value = str(value)
        elif kind == "number_input":
            state.double_value = float(value)
        elif kind == "checkbox":
            state.bool_value = bool(value)
        elif kind == "date_input":
            days = value if isinstance(value, (list, tuple)) else [value]
            state.string_array_value.data.extend(_date_text(d) for d in days)
        elif kind in ("selectbox", "radio"):
            options = list(w.options)
            if isinstance(value, int) and not isinstance(value, bool):
                state.string_value = options[value]
            elif value in options or getattr(w, "accept_new_options", False):
                state.string_value = str(value)
            else:
                raise ClientError(f"{node.label!r} has no option {value!r}; options: {options}")
        else:
            raise ClientError(f"setting a {kind} is not supported")
        return state


def _date_text(day: date | str) -> str:
    if isinstance(day, str):  # "DD.MM.YYYY", as a person types it
        d, m, y = day.split(".")
        day = date(int(y), int(m), int(d))
    return day.strftime("%Y/%m/%d")


def _initial_state(node: Node) -> WidgetState | None:
    """The state a widget reports on mount: the value shown (None when it shows none)."""
    w = node.widget
    state = WidgetState(id=node.id)
    kind = node.kind
    if kind in ("text_input", "text_area"):
        if w.HasField("value"):
            state.string_value = w.value
        elif w.default:
            state.string_value = w.default
        else:
            return None
    elif kind == "number_input":
        if w.HasField("value"):
            state.double_value = w.value
        elif w.HasField("default"):
            state.double_value = w.default
        else:
            return None
    elif kind == "checkbox":
        state.bool_value = w.value if w.set_value else w.default
    elif kind == "date_input":
        days = list(w.value) if (w.set_value or len(w.value)) else list(w.default)
        if not days:
            return None
        state.string_array_value.data.extend(days)
    elif kind in ("selectbox", "radio"):
        if w.HasField("raw_value"):
            state.string_value = w.raw_value
        elif w.HasField("default") and 0 <= w.default < len(w.options):
            state.string_value = w.options[w.default]
        else:
            return None
    else:
        return None
    return state


# --- the nurse's visit -----------------------------------------------------------------------------------------

# A nurse who wants to start a specialisation in surgical nursing, with two jobs and two courses (a kurs
# kwalifikacyjny among them, so that Annex 1 proposes a credit), "nie mam" everywhere else – as
# tests/test_browser.py's nurse, a little shorter.
NURSE_FIELD = "pielęgniarstwo chirurgiczne"
NURSE_JOBS = (("01.09.2012", "31.08.2015", "Szpital Powiatowy w Myślenicach"),
              ("01.09.2015", None, "Szpital Uniwersytecki w Krakowie"))
NURSE_COURSES = (("kwalifikacyjny", "Pielęgniarstwo operacyjne", "30.06.2020"),
                 ("specjalistyczny", "Leczenie ran przewlekłych", "08.04.2022"))
NONE_TICKS = {"Studia podyplomowe": "Nie mam ukończonych studiów podyplomowych",
              "Szkolenia za granicą": "Nie mam szkoleń odbytych za granicą",
              "Podejścia do egzaminu państwowego":
                  "Nie podchodziłam / nie podchodziłem jeszcze do egzaminu państwowego"}
REVIEW_TITLE = "Sprawdź odpowiedzi"
ANNEX_BUTTON = "Pobierz wniosek – załącznik nr 1 (PDF)"
PREPARE_BUTTON = "Przygotuj wniosek – załącznik nr 1 (PDF)"


def _next(s: Session, step: str) -> None:
    s.click("Dalej", name=f"Dalej ({step})")
    refused = [t for t in s.texts() if t.startswith(STEP_REFUSED_START)]
    if refused:
        s.report.errors.append(f"step {step!r} refused: {refused[0][:200]}")
        raise ClientError(f"step {step!r} refused")


def _add(s: Session, step: str, fields: list[tuple[str, Any]], *, tick: str | None = None) -> None:
    for label, value in fields:
        s.set(label, value)
    if tick:
        s.set(tick, True)
    s.click("Dodaj", name=f"Dodaj ({step})")
    refused = [t for t in s.texts() if t.startswith(STEP_REFUSED_START)]
    if refused:
        s.report.errors.append(f"item on {step!r} refused: {refused[0][:200]}")
        raise ClientError(f"item on {step!r} refused")


def _step_title(s: Session) -> str:
    heads = [h for h in s.headings() if h not in ("Moja sytuacja",)]
    return heads[0] if heads else ""


def nurse_interview(s: Session) -> None:
    """Moja sytuacja from its first step to the review, in an open session."""
    if s.url_path != "Moja_sytuacja":
        s.go_to("Moja_sytuacja")
    s.set("Co chcesz zrobić?", "Rozpocząć specjalizację (szkolenie specjalizacyjne)")
    s.set("W jakiej dziedzinie? (dziedzina)", NURSE_FIELD)
    _next(s, "cel")
    s.set("Czy chodzi o specjalizację dofinansowaną ze środków publicznych?", "Tak")
    s.set("Czy pracodawca kieruje Cię na to kształcenie (skierowanie)?", "Nie")
    _next(s, "więcej o celu")
    s.set("Twój zawód", "Pielęgniarka / pielęgniarz")
    s.set("Czy masz aktualne prawo wykonywania zawodu (PWZ)?", "Tak")
    s.set("Numer zaświadczenia o PWZ (7 cyfr i litera P lub A)", "1234567P")
    s.set("Kto wydał PWZ (okręgowa rada pielęgniarek i położnych)", "Okręgowa Rada Pielęgniarek i Położnych w Krakowie")
    s.set("Rok wydania PWZ", 2012)
    s.set("Imię (imiona)", "Zofia")
    s.set("Nazwisko", "Wiśniewska")
    s.set("Forma tytułu na wniosku", "pielęgniarka / położna")
    _next(s, "zawód")
    for start, end, employer in NURSE_JOBS:
        fields: list[tuple[str, Any]] = [("Od", start), ("Zakład pracy", employer)]
        if end:
            fields.insert(1, ("Do", end))
        _add(s, "praca", fields, tick=None if end else "Trwa")
    _next(s, "praca")
    for _ in range(12):
        title = _step_title(s)
        if title == REVIEW_TITLE:
            return
        if title == "Wykształcenie i tytuły specjalisty":
            s.set("Magister pielęgniarstwa lub położnictwa", "Tak")
            s.set("Nie mam tytułu specjalisty", True)
        elif title == "Ukończone kursy":
            for kind, name, completed in NURSE_COURSES:
                _add(s, "kursy", [("Rodzaj kursu", kind), ("Nazwa kursu", name), ("Data ukończenia", completed)])
        elif title == "Rozpoczęte specjalizacje":
            s.set("Nie dodano jeszcze żadnej specjalizacji. Twoja odpowiedź:",
                  "Nie rozpoczynałam / nie rozpoczynałem żadnej specjalizacji")
        elif title in NONE_TICKS:
            s.set(NONE_TICKS[title], True)
        _next(s, title or "?")
    if _step_title(s) != REVIEW_TITLE:
        raise ClientError(f"the interview did not reach the review; it shows {_step_title(s)!r}")


def run_nurse_interview(base_url: str, *, timeout: float = 30.0, think: Callable[[], None] | None = None,
                        report: SessionReport | None = None, quickack: bool = False,
                        source_address: str | None = None) -> SessionReport:
    """One nurse's visit in a new session: Start, Moja sytuacja to the review, Wynik, Wniosek o zaliczenie and the
    Annex 1 download. Returns the session's report (never raises: a session that cannot go on has the reason among
    its errors). `think`, when given, is called between actions (a person reading the page)."""
    report = report or SessionReport()
    cpu0 = time.thread_time()
    session = Session(base_url, timeout=timeout, report=report, think=think, quickack=quickack,
                      source_address=source_address)
    try:
        with session as s:
            s.open("")
            nurse_interview(s)
            s.go_to("Wynik")
            if not s.has_text("Twój cel:", sidebar=False):
                report.errors.append("Wynik does not show the result ('Twój cel:' missing)")
            s.go_to("Wniosek_o_zaliczenie")
            s.click(PREPARE_BUTTON, name="prepare Annex 1")  # files with personal data: built on request (ui/download.py)
            data = s.download(ANNEX_BUTTON, name="download Annex 1")
            if not data.startswith(b"%PDF"):
                report.errors.append(f"Annex 1 is not a PDF: {data[:20]!r}")
    except ClientError as exc:
        if not report.errors:
            report.errors.append(str(exc))
    except Exception as exc:  # noqa: BLE001 - a client bug is reported as the session's error, not a crash
        report.errors.append(f"client error: {type(exc).__name__}: {exc}")
    report.client_cpu_seconds += time.thread_time() - cpu0
    return report


def run_sessions(base_url: str, count: int, visit: Callable[..., SessionReport] = run_nurse_interview,
                 **kwargs: Any) -> list[SessionReport]:
    """`count` visits at once, one thread each; returns their reports in order."""
    reports: list[SessionReport] = [SessionReport() for _ in range(count)]
    threads = [threading.Thread(target=visit, args=(base_url,), kwargs={**kwargs, "report": reports[i]},
                                daemon=True) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return reports
