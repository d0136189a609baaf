"""The frame around every page, drawn once per run by app.py: the navigation (st.navigation, with its own list
hidden and our menu grouped by who is asking), the sidebar with "Stan prawny na dzień" and "Wyczyść dane", the
messages left for this page, and the guard that turns an unexpected error into a friendly Polish message.

Pages are plain scripts run by `pg.run()` inside the guard; they import ui.state, never this module.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date

import streamlit as st
from streamlit.errors import StreamlitAPIException

from logic.case import new_case
from logic.clock import today_in_poland
from logic.periods import polish_date
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
    pages = [st.Page(p.file, title=p.title, icon=p.icon, url_path=p.url_path or None, default=not p.url_path)
             for p in S.PAGES]
    return st.navigation(pages, position="hidden")


def _menu() -> None:
    sb = st.sidebar
    for group in S.GROUPS:
        members = [p for p in S.PAGES if p.group == group]
        if not members:
            continue
        sb.markdown(f"**{group}**")
        for info in members:
            S.link(info.key, container=sb)


def _sidebar() -> None:
    sb = st.sidebar
    ss = st.session_state
    sb.markdown(f"### {S.APP_TITLE}")
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
                  help="Usuwa wszystkie Twoje odpowiedzi z tej sesji.")
    sb.caption("Twoje odpowiedzi są tylko w tej karcie przeglądarki: nie zapisujemy ich na serwerze. "
               "Zamknięcie karty je usuwa – aby wrócić do nich później, pobierz plik na stronie "
               "„Zapisz / wczytaj”.")


def frame(title: str) -> None:
    """Set the page up and draw the shared frame, before the page's own body."""
    st.set_page_config(page_title=f"{title} – {S.APP_TITLE}", page_icon=":material/school:", layout="wide")
    S.init_state(today_in_poland())
    target = st.session_state.pop(S.GOTO, None)
    if target:
        with contextlib.suppress(StreamlitAPIException):
            st.switch_page(S.BY_KEY[target].file)
    _sidebar()
    for kind, text in st.session_state[S.FLASH]:
        getattr(st, kind)(text)
    st.session_state[S.FLASH] = []


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
    """The whole frame for one run: choose the page, draw the frame, run the page inside the guard."""
    pg = navigation()
    frame(pg.title)
    with guard(pg.url_path or "start"):
        pg.run()
