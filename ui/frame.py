"""The frame every page draws first: sidebar with "Stan prawny na dzień", the role-grouped menu and "Wyczyść dane".

Navigation uses Streamlit's pages/ folder with its automatic page list hidden (client.showSidebarNavigation = false
in .streamlit/config.toml) and this module's own menu of st.page_link s. With a pages/ folder Streamlit runs the
requested page file directly – a deep link such as /Wynik, a click in the menu, AppTest.switch_page – and never
app.py, so every page (app.py included) starts with `with page("key"):`, which sets the page up, draws the frame and
guards the page's body. Nothing here depends on app.py having run first.

Session state holds the person's answers only in memory, for this browser session: nothing is written to disk,
cached across sessions or put in the URL.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from logic import Case, assess
from logic.case import new_case
from logic.assess import Assessment
from logic.clock import today_in_poland
from logic.interview import FIRST_STEP
from logic.periods import polish_date

APP_TITLE = "Asystent kształcenia podyplomowego pielęgniarek i położnych"
log = logging.getLogger("asystent")
if not log.handlers:  # Streamlit configures only its own loggers; ours goes to the server's stderr
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)


@dataclass(frozen=True)
class PageInfo:
    key: str
    file: str  # relative to the folder of app.py
    title: str
    icon: str  # a :material/…: icon (emoji render as empty boxes in some browsers)
    group: str

    @property
    def url_path(self) -> str:
        """The address Streamlit gives the page ("" for app.py): "pages/2_Wynik.py" → "Wynik"."""
        if self.file == "app.py":
            return ""
        stem = self.file.rsplit("/", 1)[-1].removesuffix(".py")
        return stem.split("_", 1)[1] if stem[0].isdigit() else stem


PERSON = "Pielęgniarka / położna"
LAW = "Przepisy i słowniczek"
# "Organizator kształcenia" and "Infolinia" join this list when their pages exist.
GROUPS: tuple[str, ...] = (PERSON, LAW)

PAGES: tuple[PageInfo, ...] = (
    PageInfo("start", "app.py", "Start", ":material/home:", PERSON),
    PageInfo("sytuacja", "pages/1_Moja_sytuacja.py", "Moja sytuacja", ":material/edit_note:", PERSON),
    PageInfo("wynik", "pages/2_Wynik.py", "Wynik", ":material/fact_check:", PERSON),
    PageInfo("terminy", "pages/3_Terminy.py", "Terminy", ":material/event:", PERSON),
    PageInfo("wniosek", "pages/4_Wniosek_o_zaliczenie.py", "Wniosek o zaliczenie", ":material/description:", PERSON),
    PageInfo("zapisz", "pages/5_Zapisz_i_wczytaj.py", "Zapisz / wczytaj", ":material/save:", PERSON),
    PageInfo("przepisy", "pages/9_Przepisy_i_slowniczek.py", "Przepisy i słowniczek", ":material/menu_book:", LAW),
)
BY_KEY = {p.key: p for p in PAGES}

FRIENDLY_ERROR = ("Coś poszło nie tak po naszej stronie. Twoje odpowiedzi są zachowane. Spróbuj jeszcze raz albo "
                  "przejdź na inną stronę z menu. Jeśli błąd się powtarza, zapisz swoje dane na stronie "
                  "„Zapisz / wczytaj” i wróć później.")

# --- session state -----------------------------------------------------------------------------------------------

CASE = "case"
AS_OF = "as_of"
STEP = "iv_step"
ANSWERED = "iv_answered"
REV = "iv_rev"  # bumped whenever the interview's widgets must start again from the case
RETURN_TO_REVIEW = "iv_return_to_review"
ERRORS = "iv_errors"
FLASH = "flash"
GOTO = "goto"
CONFIRM_CLEAR = "confirm_clear"
AS_OF_WIDGET = "as_of_widget"
# Keys of page-owned state that "Wyczyść dane" and loading a file drop.
PAGE_STATE_PREFIXES = ("annex_", "load_", "iv.")


def init_state() -> None:
    ss = st.session_state
    ss.setdefault(CASE, new_case())
    ss.setdefault(AS_OF, today_in_poland())
    ss.setdefault(STEP, FIRST_STEP)
    ss.setdefault(ANSWERED, set())
    ss.setdefault(REV, 0)
    ss.setdefault(RETURN_TO_REVIEW, False)
    ss.setdefault(ERRORS, None)
    ss.setdefault(FLASH, [])


def get_case() -> Case:
    return st.session_state[CASE]


def today() -> date:
    """Today in Poland: the one place the pages read the clock (for a document's generation date)."""
    return today_in_poland()


def as_of() -> date:
    return st.session_state[AS_OF]


def replace_case(case: Case, *, answered: set[str] | None = None, step: str | None = None) -> None:
    """Replace the whole case (after loading a file or clearing): the interview starts again from it."""
    ss = st.session_state
    for key in [k for k in ss if isinstance(k, str) and k.startswith(PAGE_STATE_PREFIXES)]:
        del ss[key]
    ss[CASE] = case
    ss[ANSWERED] = set(answered or ())
    ss[STEP] = step or FIRST_STEP
    ss[REV] = ss.get(REV, 0) + 1
    ss[RETURN_TO_REVIEW] = False
    ss[ERRORS] = None


def flash(kind: str, text: str) -> None:
    """A message shown once at the top of the next page drawn ("success", "info", "warning", "error")."""
    st.session_state.setdefault(FLASH, []).append((kind, text))


def go_to(page_key: str) -> None:
    """Ask the frame to open another page on the next run (callbacks may not switch pages themselves)."""
    st.session_state[GOTO] = page_key


def current_assessment() -> Assessment:
    """The decisions for the case on the "as of" day, kept for this session only while neither changes."""
    ss = st.session_state
    key = (get_case().model_dump_json(), as_of())
    memo = ss.get("_assessment")
    if memo is None or memo[0] != key:
        memo = (key, assess(get_case(), as_of()))
        ss["_assessment"] = memo
    return memo[1]


# --- callbacks -----------------------------------------------------------------------------------------------------


def guarded(callback):
    """Run a widget callback so that an unexpected error becomes the friendly message on the next page drawn, and
    a log line without personal data (callbacks run before the page, outside `page`'s guard)."""

    @functools.wraps(callback)
    def run(*args, **kwargs):
        try:
            return callback(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - see `page`
            log.error("Error in callback %s: %s at %s", callback.__name__, type(exc).__name__, _where(exc))
            flash("error", FRIENDLY_ERROR)
            return None

    return run



@guarded
def _on_as_of_change() -> None:
    value = st.session_state.get(AS_OF_WIDGET)
    if isinstance(value, date):
        st.session_state[AS_OF] = value


@guarded
def _ask_clear() -> None:
    st.session_state[CONFIRM_CLEAR] = True


@guarded
def _cancel_clear() -> None:
    st.session_state[CONFIRM_CLEAR] = False


@guarded
def clear_data() -> None:
    """"Wyczyść dane": forget every answer of this session (the "as of" date is a setting and stays)."""
    replace_case(new_case())
    st.session_state[CONFIRM_CLEAR] = False
    st.session_state.pop("_assessment", None)
    flash("success", "Dane wyczyszczone. Możesz zacząć od nowa.")


# --- drawing -------------------------------------------------------------------------------------------------------


def link(page_key: str, label: str | None = None, *, icon: str | None = None, container: Any = None) -> None:
    """A link to one of our pages. When a page file runs as the main script on its own (AppTest.from_file on the
    page), the other pages are not registered, so the link falls back to a plain link to the page's address."""
    info = BY_KEY[page_key]
    target = container or st
    text = label or info.title
    try:
        target.page_link(info.file, label=text, icon=icon or info.icon)
    except StreamlitAPIException:
        target.markdown(f"[{text}](/{info.url_path})")


def _menu() -> None:
    sb = st.sidebar
    for group in GROUPS:
        sb.markdown(f"**{group}**")
        for info in PAGES:
            if info.group == group:
                link(info.key, container=sb)


def _sidebar(current: str) -> None:
    sb = st.sidebar
    ss = st.session_state
    sb.markdown(f"### {APP_TITLE}")
    ss[AS_OF_WIDGET] = ss[AS_OF]  # re-seed: the widget's own key is dropped on pages where it was not drawn
    sb.date_input("Stan prawny na dzień", key=AS_OF_WIDGET, on_change=_on_as_of_change, format="DD.MM.YYYY",
                  min_value=date(2020, 1, 1), max_value=date(2035, 12, 31),
                  help="Dzień, na który sprawdzamy warunki i liczymy terminy. Domyślnie dzisiaj; zmień, aby "
                       "zapytać „co by było, gdyby”. Zmiana od razu przelicza wszystkie strony.")
    if ss[AS_OF] != today_in_poland():
        sb.caption(f":material/info: Liczysz na inny dzień niż dzisiaj: {polish_date(ss[AS_OF])}.")
    _menu()
    sb.divider()
    if ss.get(CONFIRM_CLEAR):
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


def frame(current: str) -> None:
    """Set the page up and draw the shared frame; every page calls this (through `page`) before anything else."""
    info = BY_KEY[current]
    st.set_page_config(page_title=f"{info.title} – {APP_TITLE}", page_icon=":material/school:", layout="wide")
    init_state()
    target = st.session_state.pop(GOTO, None)
    if target and target != current:
        with contextlib.suppress(StreamlitAPIException):
            st.switch_page(BY_KEY[target].file)
    _sidebar(current)
    for kind, text in st.session_state[FLASH]:
        getattr(st, kind)(text)
    st.session_state[FLASH] = []


def _where(exc: BaseException) -> str:
    """Where an error happened – files, lines and functions only: never the message or values, which could hold
    the person's answers."""
    frames = traceback.extract_tb(exc.__traceback__)
    return " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames[-6:]))


@contextlib.contextmanager
def page(current: str) -> Iterator[None]:
    """Draw the frame, then run the page's body; an unexpected error shows a friendly Polish message to the person
    and goes to the server log without personal data. Streamlit's own rerun/stop signals pass through."""
    frame(current)
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - the person gets a message, the log gets the place
        log.error("Error on page %s: %s at %s", current, type(exc).__name__, _where(exc))
        st.error(FRIENDLY_ERROR, icon=":material/error:")
