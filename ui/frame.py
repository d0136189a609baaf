"""The frame around every page, drawn once per run by app.py: the navigation (st.navigation, with its own list
hidden and our menu grouped by who is asking), the sidebar with "Stan prawny na dzień" and "Wyczyść dane", the
messages left for this page, and the guard that turns an unexpected error into a friendly Polish message.

Pages are plain scripts run by `pg.run()` inside the guard; they import ui.state, never this module. After the
page, the frame hands the person's answers to the browser tab's own storage (ui/persist.py), so that a reload or a
server restart gives them back.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from logic.case import new_case
from logic.clock import today_in_poland
from logic.periods import polish_date
from ui import connection, download, persist, warmup
from ui import state as S

# --- callbacks -----------------------------------------------------------------------------------------------------


@S.guarded
def _on_as_of_change() -> None:
    value = st.session_state.get(S.AS_OF_WIDGET)
    if isinstance(value, date):
        st.session_state[S.AS_OF] = value


@S.guarded
def _ask_clear() -> None:
    st.session_state[S.CONFIRM_CLEAR] = True


@S.guarded
def _cancel_clear() -> None:
    st.session_state[S.CONFIRM_CLEAR] = False


@S.guarded
def clear_data() -> None:
    """"Wyczyść dane": forget every answer of this session (the "as of" date is a setting and stays)."""
    S.replace_case(new_case())
    persist.forget()
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(CLEARED_PREFIXES)]:
        del st.session_state[key]
    st.session_state[S.CONFIRM_CLEAR] = False
    S.flash("success", "Dane wyczyszczone. Możesz zacząć od nowa.")


# Organizer's and help-desk state ("ed." the edition, "intake." the uploaded intake, "quick." the quick answers)
# is forgotten by "Wyczyść dane" too.
CLEARED_PREFIXES = ("ed.", "intake.", "quick.")

# --- drawing -------------------------------------------------------------------------------------------------------


def navigation():
    """Register every page with Streamlit (its own menu hidden: ours is grouped by role) and return the one asked
    for – by its address, a menu link or st.switch_page."""
    return st.navigation(list(S.page_objects().values()), position="hidden")


def _menu() -> None:
    sb = st.sidebar
    for group in S.GROUPS:
        members = [p for p in S.PAGES if p.group == group]
        if not members:
            continue
        sb.markdown(f"**{group}**")
        for info in members:
            S.link(info.key, container=sb)


def _sidebar() -> Any:
    """Draw the sidebar; return the place at its foot kept for the tab's storage (drawn after the page)."""
    sb = st.sidebar
    ss = st.session_state
    sb.markdown(f"**{S.APP_TITLE}**")
    ss[S.AS_OF_WIDGET] = ss[S.AS_OF]  # re-seed: the widget's own key is dropped on pages where it was not drawn
    sb.date_input("Stan prawny na dzień", key=S.AS_OF_WIDGET, on_change=_on_as_of_change, format="DD.MM.YYYY",
                  min_value=date(2020, 1, 1), max_value=date(2035, 12, 31),
                  help="Dzień, na który sprawdzamy warunki i liczymy terminy. Domyślnie dzisiaj; zmień, aby "
                       "zapytać „co by było, gdyby”. Zmiana od razu przelicza wszystkie strony.")
    if ss[S.AS_OF] != S.today():
        sb.caption(f":material/info: Liczysz na inny dzień niż dzisiaj: {polish_date(ss[S.AS_OF])}.")
    _menu()
    sb.divider()
    if ss.get(S.CONFIRM_CLEAR):
        sb.warning("Usunąć wszystkie odpowiedzi z tej sesji? Tego nie da się cofnąć – chyba że zapisałaś / "
                   "zapisałeś plik na stronie „Zapisz / wczytaj”.", icon=":material/warning:")
        sb.button("Tak, wyczyść dane", key="clear_confirm", on_click=clear_data, icon=":material/delete:")
        sb.button("Nie, zostaw", key="clear_cancel", on_click=_cancel_clear)
    else:
        sb.button("Wyczyść dane", key="clear_ask", on_click=_ask_clear, icon=":material/delete:",
                  help="Usuwa wszystkie Twoje odpowiedzi z tej sesji i z tej karty przeglądarki.")
    sb.caption("Twoje odpowiedzi są tylko w tej karcie przeglądarki: nie zapisujemy ich na serwerze. Odświeżenie "
               "strony ich nie usuwa, zamknięcie karty – tak. Aby wrócić do nich później, pobierz plik na stronie "
               "„Zapisz / wczytaj”.")
    sb.html(LANG_SCRIPT, unsafe_allow_javascript=True)  # our own constant, never user text
    return sb.container()


# A focus ring people can see (WCAG 2.4.7, 1.4.11): Streamlit's own is a faint tint on links and radio options and a
# half-opacity ring on buttons; no theme key sets it.
FOCUS_CSS = """<style>
:is(a, button, summary, input, textarea, [role="button"], [role="spinbutton"], [tabindex]):focus-visible {
  outline: 2px solid #111111 !important; outline-offset: 2px;
}
[data-testid="stRadio"] label:has(input:focus-visible),
[data-testid="stCheckbox"] label:has(input:focus-visible) { outline: 2px solid #111111; outline-offset: 2px; }
</style>"""
# Streamlit's page template says <html lang="en">; no setting changes it, so the frame sets the page's language.
LANG_SCRIPT = "<script>document.documentElement.lang = 'pl';</script>"


def frame(title: str) -> Any:
    """Set the page up and draw the shared frame, before the page's own body; return the place for the tab's
    storage."""
    st.set_page_config(page_title=f"{title} – {S.APP_TITLE}", page_icon=":material/school:", layout="wide")
    S.init_state(today_in_poland())
    st.html(FOCUS_CSS)
    target = st.session_state.pop(S.GOTO, None)
    if target:
        with contextlib.suppress(StreamlitAPIException):
            st.switch_page(S.BY_KEY[target].file)
    storage_slot = _sidebar()
    for kind, text in st.session_state[S.FLASH]:
        getattr(st, kind)(text)
    st.session_state[S.FLASH] = []
    return storage_slot


@contextlib.contextmanager
def guard(where_: str) -> Iterator[None]:
    """Run a page's body; an unexpected error shows a friendly Polish message to the person and goes to the server
    log without personal data. Streamlit's own rerun/stop/switch signals (BaseException) pass through."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - the person gets a message, the log gets the place
        S.log.error("Error on page %s: %s at %s", where_, type(exc).__name__, S.where(exc))
        st.error(S.FRIENDLY_ERROR, icon=":material/error:")


def run() -> None:
    """The whole frame for one run: choose the page, draw the frame, run the page inside the guard, then keep the
    answers in the tab (after the page: what it changed is kept in the same run); the first run in a process also
    starts its warm-up, after the page is drawn."""
    pg = navigation()
    storage_slot = frame(pg.title)
    with guard(pg.url_path or "start"):
        pg.run()
    try:
        persist.keep(storage_slot)
    except Exception as exc:  # noqa: BLE001 - the page works without the tab's copy; the log gets the place
        S.log.error("Error keeping the answers in the tab: %s at %s", type(exc).__name__, S.where(exc))
    connection.watch(storage_slot)  # a Polish message while the connection is lost (ui/connection.py)
    warmup.start()  # the first run in this process starts the warm-up (ui/warmup.py); later runs: a flag's check
    download.release_served(storage_slot)  # a file offered in the last run stops being served (ui/download.py)
