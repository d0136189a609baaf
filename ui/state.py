"""What every page shares: the session's state (the person's case, the "as of" day, messages for the next page),
the registry of pages and links between them. The frame (ui/frame.py, drawn by app.py around every page) and the
pages import this; pages never draw the frame themselves.

Session state holds the person's answers only in memory, for this browser session: nothing is written to disk,
cached across sessions or put in the URL. The only other copy of the nurse's case and step is in her own browser
tab (sessionStorage, ui/persist.py), so that a reload or a server restart gives them back.
"""
from __future__ import annotations

import functools
import logging
import traceback
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from logic import Case, assess
from logic.assess import Assessment
from logic.case import new_case
from logic.interview import FIRST_STEP

APP_TITLE = "Asystent kształcenia podyplomowego pielęgniarek i położnych"
log = logging.getLogger("asystent")
if not log.handlers:  # Streamlit configures only its own loggers; ours goes to the server's stderr
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)

# --- the pages ------------------------------------------------------------------------------------------------------

PERSON = "Pielęgniarka / położna"
ORGANIZER = "Organizator kształcenia"
INFOLINE = "Infolinia"
LAW = "Przepisy i słowniczek"
GROUPS: tuple[str, ...] = (PERSON, ORGANIZER, INFOLINE, LAW)


@dataclass(frozen=True)
class PageInfo:
    key: str
    file: str  # relative to the folder of app.py
    title: str
    icon: str  # a :material/…: icon (emoji render as empty boxes in some browsers)
    group: str
    url_path: str  # the page's address; "" for the start page. The addresses are those Streamlit gave the pages
    #                when it scanned a pages/ folder, so that links people saved keep working.


# Adding a page is one line here (and its file in app_pages/).
PAGES: tuple[PageInfo, ...] = (
    PageInfo("start", "app_pages/0_Start.py", "Start", ":material/home:", PERSON, ""),
    PageInfo("sytuacja", "app_pages/1_Moja_sytuacja.py", "Moja sytuacja", ":material/edit_note:", PERSON, "Moja_sytuacja"),
    PageInfo("wynik", "app_pages/2_Wynik.py", "Wynik", ":material/fact_check:", PERSON, "Wynik"),
    PageInfo("terminy", "app_pages/3_Terminy.py", "Terminy", ":material/event:", PERSON, "Terminy"),
    PageInfo("wniosek", "app_pages/4_Wniosek_o_zaliczenie.py", "Wniosek o zaliczenie", ":material/description:", PERSON,
             "Wniosek_o_zaliczenie"),
    PageInfo("zapisz", "app_pages/5_Zapisz_i_wczytaj.py", "Zapisz / wczytaj", ":material/save:", PERSON,
             "Zapisz_i_wczytaj"),
    PageInfo("nabor", "app_pages/6_Nabor_i_komisja.py", "Nabór i komisja", ":material/groups:", ORGANIZER,
             "Nabor_i_komisja"),
    PageInfo("arkusz", "app_pages/7_Podglad_naboru.py", "Podgląd naboru (arkusz)", ":material/table_view:",
             ORGANIZER, "Podglad_naboru"),
    PageInfo("infolinia", "app_pages/8_Infolinia.py", "Infolinia – szybkie odpowiedzi", ":material/support_agent:",
             INFOLINE, "Infolinia"),
    PageInfo("przepisy", "app_pages/9_Przepisy_i_slowniczek.py", "Przepisy i słowniczek", ":material/menu_book:", LAW,
             "Przepisy_i_slowniczek"),
)
BY_KEY = {p.key: p for p in PAGES}

FRIENDLY_ERROR = ("Coś poszło nie tak po naszej stronie. Twoje odpowiedzi są zachowane. Spróbuj jeszcze raz albo "
                  "przejdź na inną stronę z menu. Jeśli błąd się powtarza, zapisz swoje dane na stronie "
                  "„Zapisz / wczytaj” i wróć później.")

# --- session state -----------------------------------------------------------------------------------------------

CASE = "case"
AS_OF = "as_of"
TODAY = "today"
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


def init_state(today_: date) -> None:
    """Seed this session's state; `today_` is today in Poland, read by the frame (the one place that reads the
    clock) on every run."""
    ss = st.session_state
    ss[TODAY] = today_
    ss.setdefault(CASE, new_case())
    ss.setdefault(AS_OF, today_)
    ss.setdefault(STEP, FIRST_STEP)
    ss.setdefault(ANSWERED, set())
    ss.setdefault(REV, 0)
    ss.setdefault(RETURN_TO_REVIEW, False)
    ss.setdefault(ERRORS, None)
    ss.setdefault(FLASH, [])


def get_case() -> Case:
    return st.session_state[CASE]


def today() -> date:
    """Today in Poland, as the frame read it for this run (a document's generation date, "today" hints)."""
    return st.session_state[TODAY]


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
    ss.pop("_assessment", None)
    ss.pop("_wynik_code", None)  # app_pages/2_Wynik.py keeps the case code of the last case drawn


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


# --- errors ------------------------------------------------------------------------------------------------------


def where(exc: BaseException) -> str:
    """Where an error happened – files, lines and functions only: never the message or values, which could hold
    the person's answers."""
    frames = traceback.extract_tb(exc.__traceback__)
    return " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames[-6:]))


def guarded(callback):
    """Run a widget callback so that an unexpected error becomes the friendly message on the next page drawn, and
    a log line without personal data (callbacks run before the page, outside the frame's guard)."""

    @functools.wraps(callback)
    def run(*args, **kwargs):
        try:
            return callback(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - see ui.frame.guard
            log.error("Error in callback %s: %s at %s", callback.__name__, type(exc).__name__, where(exc))
            flash("error", FRIENDLY_ERROR)
            return None

    return run


# --- links -------------------------------------------------------------------------------------------------------


PAGE_OBJECTS = "_pages"  # session state: {page key: st.Page}, built once per session (see `page_objects`)


def page_objects() -> dict[str, Any]:
    """Every page as Streamlit's page object, built once per session: st.Page resolves its file's path on the disk
    (os.path.realpath) and st.page_link given a file name does the same on every call, which with the frame's menu
    took about half of an ordinary run's time under load. Kept per session, not per process: Streamlit marks the
    page it is about to run on the object itself."""
    ss = st.session_state
    pages = ss.get(PAGE_OBJECTS)
    if pages is None:
        pages = ss[PAGE_OBJECTS] = {
            p.key: st.Page(p.file, title=p.title, icon=p.icon, url_path=p.url_path or None, default=not p.url_path)
            for p in PAGES}
    return pages


def link(page_key: str, label: str | None = None, *, icon: str | None = None, container: Any = None) -> None:
    """A link to one of our pages. Outside the app's navigation (a page run alone by a test) it falls back to a
    plain link to the page's address."""
    info = BY_KEY[page_key]
    target = container or st
    text = label or info.title
    try:
        page = st.session_state.get(PAGE_OBJECTS, {}).get(page_key) or info.file
        target.page_link(page, label=text, icon=icon or info.icon)
    except StreamlitAPIException:
        target.markdown(f"[{text}](/{info.url_path})")
