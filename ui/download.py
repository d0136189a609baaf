"""Downloads that carry personal data (the answers file, Annex 1, the summary PDF, the calendar, the edition file,
the intake's exports): built only when the person asks for them, served only to their session's page, and
unreachable as soon as Streamlit's public API allows.

How Streamlit 1.67 serves a download (runtime/media_file_manager.py, read for this module):

- `st.download_button(data=<bytes>)` stores the file when the page is drawn, at a /media/<id> address that any
  client can fetch, with or without a session, for as long as the session's last run drew the button, and after
  that until the file has been swept twice: every script run of any session ends with a sweep; the first sweep
  after no session holds the file marks it, the second deletes it. The id is an unkeyed hash of the bytes, the name
  and the type: not a secret to whoever knows the exact bytes.
- `st.download_button(data=<callable>)` (deferred) stores nothing when the page is drawn; on the click the browser
  asks over its websocket, the callable runs, and the file is stored at an address that NO session holds. On a
  busy server other sessions' runs sweep it twice before the browser's request for it arrives: the load bench
  (bench/bench_load.py) saw 16 of 30 Annex 1 downloads fail with HTTP 404 at 30 sessions. So we do not use it.
- There is no public call to delete a file or to learn when the browser has fetched it, and the /media/ route
  sends no Cache-Control (the proxy in deploy/ adds `no-store`).

So a private download takes two clicks. "Przygotuj …" builds the file in the session's own run, and only that run
draws the download button (`on_click="ignore"`: clicking it starts no run, so nothing can take the file away before
the browser fetches it). The session holds the file until its next run (the person's next action, any widget, any
page), which does not draw it again: that run's end marks the file. `release_served`, called by the frame at the end of
every run, then makes the browser rerun one small fragment at once (see `_release`), whose end deletes it, so the
address stops serving the file right after that action, on an idle server too. (A plain `st.rerun()` would do the
same, but would run the page again and lose what it showed once: a "Wczytaliśmy…" message, a list's error.)

What Streamlit does not allow, and the proxy or the deployment must cover (docs/deploy.md):
- between "Przygotuj" and the person's next action the address serves the file to anyone who has it (only the
  person's browser is told it, over the websocket; the proxy does not log /media/ addresses);
- a person who closes the tab right after downloading takes no next action: the session ends
  server.disconnectedSessionTTL seconds after the tab closed and the file goes with the next sweeps. The proxy sends
  `Cache-Control: no-store` so that no browser or shared cache keeps a copy.

Templates without personal data (the blank intake spreadsheet) stay ordinary download buttons.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui import state as S

DRAWN = "download.drawn"  # session state: a download button was drawn in this run
HELD = "download.held"  # session state: the session's last run drew a download button (its file is held)
TOKEN = "download.token"  # session state: how many releases this session has signalled
SIGNAL_KEY = "download.signal"  # the release signal's widget key

READY = ("Plik jest gotowy: pobierz go teraz. Po Twoim następnym kroku na stronie przestaniemy go udostępniać – "
         "wtedy przygotuj go jeszcze raz.")


def prepare_label(label: str) -> str:
    """The first button's label: "Pobierz wniosek …" → "Przygotuj wniosek …"; any other label is prefixed."""
    if label.startswith("Pobierz "):
        return "Przygotuj " + label[len("Pobierz "):]
    return "Przygotuj plik: " + label


def private_download(label: str, build: Callable[[], bytes | str], *, file_name: str, mime: str, key: str,
                     help: str | None = None, icon: str | None = None, container: Any = None,
                     prepare: str | None = None) -> bool:
    """A download of a file with personal data, in two steps: the button `prepare` (by default derived from
    `label` by `prepare_label`) builds the file with `build()` in this run, and then, in this run only, the download
    button `label` offers it. Label, key, help and icon as for st.download_button; `container` is where to draw
    them (a column), st's main area by default. True when the download button was drawn."""
    where = st if container is None else container
    if not where.button(prepare or prepare_label(label), key=key + ".prepare", help=help,
                        icon=":material/build:" if icon is None else icon):
        return False
    try:
        data = build()
    except Exception as exc:  # noqa: BLE001 - the log gets the place, never the message or the values
        S.log.error("Error building the download %s: %s at %s", file_name, type(exc).__name__, S.where(exc))
        where.error(S.FRIENDLY_ERROR, icon=":material/error:")
        return False
    offer(label, data, file_name=file_name, mime=mime, key=key, icon=icon, container=container)
    return True


def offer(label: str, data: bytes | str, *, file_name: str, mime: str, key: str, icon: str | None = None,
          container: Any = None) -> None:
    """The download button for a file built in this run (by `private_download`, or by a page's own "Przygotuj"
    button, as the intake's ZIP of Annex 1 forms): drawn in this run only, held by the session until its next run."""
    where = st if container is None else container
    where.download_button(label, data=data, file_name=file_name, mime=mime, key=key, icon=icon,
                          on_click="ignore", type="primary")
    where.caption(READY)
    st.session_state[DRAWN] = True


# The release signal: a few lines of JavaScript (Streamlit's own st.components.v2, as ui/persist.py) that answer once
# for each new token. The answer is a trigger value of a component inside a fragment, so Streamlit reruns only that
# fragment: a run that ends (one more sweep) without running the page again, so no message the page showed once
# and no click of the person's action is lost.
_JS = """
export default function ({ data, setTriggerValue }) {
  if (data && data.token) setTriggerValue("swept", data.token);
}
"""
_signal = st.components.v2.component("asystent.download_release", js=_JS)


def _ignore() -> None:
    """The fragment's rerun itself is what counts; its value needs no handling."""


@st.fragment
def _release(token: str) -> None:
    _signal(key=SIGNAL_KEY, data={"token": token}, on_swept_change=_ignore, width="stretch", height="content")


def release_served(container: Any) -> None:
    """At the end of a run (the frame calls it after the page, with the sidebar's slot for invisible parts): when
    the session's last run drew a download button and this one did not, its file is now held by no session and
    this run's end marks it; the signal in `container` makes the browser rerun one small fragment at once, whose end
    deletes it. Nothing is drawn, and no run added, otherwise."""
    ss = st.session_state
    if ss.pop(DRAWN, False):
        ss[HELD] = True
        return
    if ss.pop(HELD, False):
        ss[TOKEN] = ss.get(TOKEN, 0) + 1
        with container:
            _release(f"{ss[TOKEN]}")
