"""A Polish message while the connection to the server is lost.

When the websocket drops (the server restarts, or behind nginx the person's process dies and she is moved to
another), Streamlit's frontend shows only its own English signs: "Connecting" in the corner and, after a few failed
tries, a "Connection error" dialog meant for developers ("Is Streamlit still running?"). This module puts, in the
page itself, a Polish message that screen readers announce (role=status, aria-live) and takes it away once the
connection is back; while it shows, Streamlit's English dialog and corner sign are hidden under it.

It is a few lines of JavaScript run in the page through Streamlit's own custom-component API
(`st.components.v2`, as ui/persist.py; no iframe, no file to fetch, no extra dependency), mounted once per run
by the frame. The page keeps it after the server has gone: a component's script lives as long as the tab.

The adapter: Streamlit has no public signal for "the connection is lost". Its app root carries the connection's
state in an attribute (`data-test-connection-state`: CONNECTED, PINGING_SERVER, CONNECTING,
DISCONNECTED_FOREVER, ...), which the script watches. That attribute is Streamlit's internal (1.67); if a later
version drops it, the message simply never shows and the page works as before. tests/test_deploy_nginx.py checks,
in a real browser, that the message appears when a process dies and goes when the page is connected again.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from ui import state as S

# Only the nurse's interview is kept in the tab (ui/persist.py); an organizer's or the help desk's work is not.
LOST = ("Utracono połączenie z serwerem – łączymy ponownie… Odpowiedzi z „Moja sytuacja” są zapisane w tej karcie "
        "przeglądarki.")
# Streamlit's frontend gives up for good only on an error it cannot recover from (e.g. a refused host name).
GAVE_UP = ("Utracono połączenie z serwerem. Odśwież stronę (F5), aby połączyć się ponownie; odpowiedzi z „Moja "
           "sytuacja” są zapisane w tej karcie przeglądarki.")
ELEMENT_ID = "asystent-polaczenie"  # the message's element, outside Streamlit's own tree
COMPONENT_KEY = "connection.watch"

# Installed once per tab (a flag on window): later runs only hand over the texts. The message box stays in the
# document, empty while connected, so that a screen reader announces the text when it appears. After a few failed
# tries Streamlit opens its "Connection error" dialog, which makes everything outside it inert (react-aria): the
# dialog is hidden while our message shows, and our box alone is made readable again.
_JS = """
export default function ({ data }) {
  const texts = { lost: (data && data.lost) || "", gaveUp: (data && data.gaveUp) || "" };
  const id = (data && data.id) || "asystent-polaczenie";
  const key = (data && data.key) || "connection-watch";  // the class Streamlit gives the element of this key
  const existing = window.__asystentConnection;
  if (existing) { existing.texts = texts; existing.check(); return; }
  const watch = { texts: texts };
  window.__asystentConnection = watch;

  const style = document.createElement("style");
  style.textContent = `
    #${id} { position: fixed; top: 0.75rem; left: 50%; transform: translateX(-50%); z-index: 2147483000;
             width: max-content; max-width: min(44rem, calc(100vw - 2rem)); box-sizing: border-box;
             padding: 0.75rem 1rem; background: #fff4d6; color: #111111; border: 2px solid #111111;
             border-radius: 0.5rem; font: 1rem/1.4 "Source Sans Pro", "Source Sans 3", sans-serif;
             box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25); }
    #${id}:empty { padding: 0; border: 0; box-shadow: none; }
    html.asystent-offline [data-testid="stStatusWidget"] { visibility: hidden; }
    html.asystent-offline [data-testid="stDialog"] { display: none !important; }
    .st-key-${key} { display: none; }
  `;
  document.head.appendChild(style);

  const box = document.createElement("div");
  box.id = id;
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  box.setAttribute("aria-atomic", "true");
  document.body.appendChild(box);

  watch.check = function () {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app ? app.getAttribute("data-test-connection-state") : null;
    const lost = !!state && state !== "CONNECTED";
    document.documentElement.classList.toggle("asystent-offline", lost);
    const wanted = !lost ? "" : state === "DISCONNECTED_FOREVER" ? watch.texts.gaveUp : watch.texts.lost;
    if (box.textContent !== wanted) box.textContent = wanted;
    if (lost && box.inert) box.inert = false;
  };
  new MutationObserver(watch.check).observe(document.body, {
    attributes: true, subtree: true, attributeFilter: ["data-test-connection-state", "inert"],
  });
  watch.check();
}
"""
_watcher = st.components.v2.component("asystent.connection", js=_JS)
# The element draws nothing: its place in the sidebar is taken out (Streamlit names an element of key "a.b" by the
# class st-key-a-b), so that it adds no gap.
_DATA = {"lost": LOST, "gaveUp": GAVE_UP, "id": ELEMENT_ID, "key": COMPONENT_KEY.replace(".", "-")}


def watch(container: Any) -> None:
    """Mount the watcher in `container` (the frame calls it once per run). It never stops the page: a failure is
    logged without personal data and the page goes on without the Polish message."""
    try:
        with container:
            _watcher(key=COMPONENT_KEY, data=_DATA, width="stretch", height="content")
    except Exception as exc:  # noqa: BLE001 - the page works without it
        S.log.error("Error mounting the connection watcher: %s at %s", type(exc).__name__, S.where(exc))
