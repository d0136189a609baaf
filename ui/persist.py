"""The nurse's answers kept in her browser tab, so that a reload (F5), a connection lost for longer than the server
keeps a session, or a server restart does not lose them – and still nothing reaches the server's disk.

The copy lives in the tab's own sessionStorage: only that tab sees it, and closing the tab ends it. It holds the
case (the same JSON as a file saved on "Zapisz / wczytaj", read back through the same loader, `ui.casefile`) and
where the interview stood (its step, the steps answered, whether "Zmień" came from the review). The organizer's and
the help desk's state ("ed.", "intake.", "quick.") is never copied: an intake can be megabytes and is not hers.

How it works, once per run of the frame (`keep`, drawn at the foot of the sidebar):

1. A new session does not know what the tab holds. The component (Streamlit's own custom-component API,
   `st.components.v2`: a few lines of JavaScript run in the page itself, no iframe, no file of its own to fetch)
   reads the tab's copy and sends it back once, as a trigger value; `_on_stored` then restores it before the page
   is drawn, with a message. Until that answer comes nothing is written, so an empty new session never overwrites
   the copy.
2. After that, each run hands the component what the copy should hold: the answers, or nothing while the case is
   still empty (after "Wyczyść dane", too – the copy is removed). The component only acts when that changes: the
   payload's hash is compared here and an unchanged one passes the very same data, which Streamlit's frontend does
   not hand to the JavaScript again.

Without the copy (AppTest, which runs no JavaScript and so never answers; a browser that refuses storage; a script
that failed to load) the app works as before, only without surviving a reload: nothing waits for the component. A
part of the page that failed to load is mended by a reload, which now keeps the answers.

After a server restart Streamlit's frontend reconnects but, by itself, runs nothing until the next click, and the
page still shows the old step. It does rerun after a reconnect when the page has a fragment that reruns on a timer
(to restart the timer), so `_after_reconnect` is such a fragment, drawing nothing and rerunning once an hour; that
reconnect run is the new session's first, which asks the tab for its copy. tests/test_browser_persist.py checks it.
"""
from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from typing import Any

import streamlit as st

from logic import Case
from logic.case import CURRENT_SCHEMA_VERSION, new_case
from logic.interview import BY_KEY as STEPS_BY_KEY
from logic.interview import FIRST_STEP, REVIEW_STEP
from ui import state as S
from logic.loader import Refused, parse_text
from ui.casefile import MAX_BYTES, case_from_data

STORAGE_KEY = "asystent-pp.odpowiedzi"  # the item's name in the tab's sessionStorage
FORMAT = 1  # version of the stored item's layout (the case inside carries its own schema_version)

RESTORED = "Przywróciliśmy Twoje odpowiedzi z tej karty przeglądarki."
NEWER = ("Nie przywróciliśmy odpowiedzi zapisanych w tej karcie przeglądarki: pochodzą z nowszej wersji asystenta, "
         "której ta wersja nie umie odczytać. Zaczynasz od początku; jeśli masz plik z „Zapisz / wczytaj”, "
         "wczytaj go.")
BROKEN = ("Nie przywróciliśmy odpowiedzi zapisanych w tej karcie przeglądarki: zapis jest uszkodzony. Zaczynasz od "
          "początku; jeśli masz plik z „Zapisz / wczytaj”, wczytaj go.")

# Session-state keys (none of them starts with a prefix that "Wyczyść dane" or loading a file drops).
COMPONENT_KEY = "persist.tab"
SESSION = "persist.session"  # a random token naming this server session, so that an answer meant for another is ignored
READY = "persist.ready"  # the tab has answered (or "Wyczyść dane" made its answer moot): writing may begin
SENT = "persist.sent"  # ((session, ready, hash of the payload), the data last handed to the component)

# The component: reads the tab's copy when asked (ready false), else writes or removes it. It never logs, and a
# browser that refuses storage just gets no copy.
_JS = """
export default function ({ data, setTriggerValue }) {
  const { key, session, ready, value } = data || {};
  let storage = null;
  try { storage = window.sessionStorage; } catch (e) { storage = null; }
  if (!ready) {
    let stored = null;
    try { stored = storage ? storage.getItem(key) : null; } catch (e) { stored = null; }
    setTriggerValue("stored", { session: session, value: stored });
    return;
  }
  if (!storage) return;
  try {
    if (value === null || value === undefined) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch (e) {
    // full or refused: better no copy than an old one
    try { storage.removeItem(key); } catch (e2) { /* nothing more to do */ }
  }
}
"""
_tab_storage = st.components.v2.component("asystent.tab_storage", js=_JS)

RECONNECT_RERUN = timedelta(hours=1)


# --- the stored item: pure ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stored:
    """What the tab's copy gives back: the case and where the interview stood."""

    case: Case
    step: str = FIRST_STEP
    answered: frozenset[str] = field(default_factory=frozenset)
    to_review: bool = False


@cache
def _empty_case_json() -> str:
    return new_case().model_dump_json()


def payload(case: Case, step: str, answered: set[str] | frozenset[str], to_review: bool) -> str | None:
    """The item the tab should hold, as compact JSON; None while nothing has been answered (no copy at all)."""
    case_json = case.model_dump_json()
    if step == FIRST_STEP and not answered and case_json == _empty_case_json():
        return None
    head = json.dumps({"format": FORMAT, "step": step, "answered": sorted(answered), "to_review": bool(to_review)},
                      ensure_ascii=False, separators=(",", ":"))
    return f'{head[:-1]},"case":{case_json}}}'


def parse(raw: Any) -> tuple[Stored | None, str | None]:
    """(what to restore, None) for a good item; (None, Polish message) for a broken one or one from a newer version.
    A step this version does not know becomes the first step; unknown steps are dropped from those answered."""
    if not isinstance(raw, str) or len(raw) > MAX_BYTES:
        return None, BROKEN
    try:
        data = parse_text(raw)  # the one loader's JSON: depth, long numbers, NaN, duplicate keys, surrogates
    except Refused:
        return None, BROKEN
    if not isinstance(data, dict) or not isinstance(data.get("case"), dict):
        return None, BROKEN
    version = data.get("format")
    schema = data["case"].get("schema_version", 1)
    if not _is_int(version) or version < 1 or not _is_int(schema):
        return None, BROKEN
    if version > FORMAT or schema > CURRENT_SCHEMA_VERSION:
        return None, NEWER
    case, _ = case_from_data(data["case"])
    if case is None:
        return None, BROKEN
    known = set(STEPS_BY_KEY) | {REVIEW_STEP}
    step = data.get("step")
    answered = data.get("answered")
    return Stored(
        case=case,
        step=step if isinstance(step, str) and step in known else FIRST_STEP,
        answered=frozenset(a for a in answered if isinstance(a, str) and a in known)
        if isinstance(answered, list) else frozenset(),
        to_review=data.get("to_review") is True,
    ), None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- the session's side -------------------------------------------------------------------------------------------


def _current_payload() -> str | None:
    ss = st.session_state
    return payload(S.get_case(), ss[S.STEP], ss[S.ANSWERED], ss[S.RETURN_TO_REVIEW])


def _is_pristine() -> bool:
    """Nothing answered in this session yet (what a new session, or one just cleared, looks like)."""
    return _current_payload() is None


def receive(answer: Any) -> None:
    """The tab's answer to "what do you hold?": restore it into a session that has nothing yet, once per session.
    An answer for another session, a second answer, or one after "Wyczyść dane" changes nothing."""
    ss = st.session_state
    if not isinstance(answer, dict) or answer.get("session") != ss.get(SESSION) or ss.get(READY):
        return
    ss[READY] = True  # first, so that a stored item that breaks anything below is not asked for again
    raw = answer.get("value")
    if raw is None or not _is_pristine():  # nothing stored, or she has begun answering here: hers wins
        return
    stored, message = parse(raw)
    if stored is None:
        S.flash("warning", message)
        return
    # The page a reconnecting tab still shows sends its widgets' last values along; a fresh revision gives the
    # interview's widgets keys of their own, so that the restored case is what they show.
    ss[S.REV] = secrets.randbelow(2**31)
    S.replace_case(stored.case, answered=set(stored.answered), step=stored.step)
    ss[S.RETURN_TO_REVIEW] = stored.to_review and stored.step != REVIEW_STEP
    S.flash("success", RESTORED)


@S.guarded
def _on_stored() -> None:
    component = st.session_state.get(COMPONENT_KEY)
    receive(component.get("stored") if isinstance(component, dict) else None)


def forget() -> None:
    """"Wyczyść dane": the copy goes too, and an answer still on its way from the tab is not restored."""
    st.session_state[READY] = True


@st.fragment(run_every=RECONNECT_RERUN)
def _after_reconnect() -> None:
    """Draws nothing; its timer makes Streamlit's frontend rerun the page after a reconnect (see the module's
    docstring)."""


def keep(container: Any) -> None:
    """Mount the tab's storage in `container` for this run: ask for the copy in a new session, else hand over what
    it should hold. Called by the frame after the page, so that what the page changed is written in the same run."""
    ss = st.session_state
    session = ss.setdefault(SESSION, secrets.token_hex(8))
    ready = bool(ss.get(READY))
    text = _current_payload() if ready else None
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest() if text is not None else b""
    sent = ss.get(SENT)
    if sent is not None and sent[0] == (session, ready, digest):
        data = sent[1]
    else:
        data = {"key": STORAGE_KEY, "session": session, "ready": ready, "value": text}
        ss[SENT] = ((session, ready, digest), data)
    with container:
        _tab_storage(key=COMPONENT_KEY, data=data, on_stored_change=_on_stored, width="stretch", height="content")
        _after_reconnect()
