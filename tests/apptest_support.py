"""Helpers for AppTest tests: what a person sees of a Markdown element's source."""
from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: str) -> str:
    """The text a Markdown source shows: backslash escapes (ui/text.py `plain`) resolved."""
    return _ESCAPE.sub(r"\1", markdown)


def assert_ok(at) -> None:
    """The page ran without an exception and without the frame's friendly error message."""
    from ui.state import FRIENDLY_ERROR

    assert not at.exception, [e.value for e in at.exception]
    assert not [e for e in at.error if FRIENDLY_ERROR in e.value], "the page hit an unexpected error"


def open_app_page(file: str, as_of, **state):
    """AppTest of the whole app (the frame included) on `file`, with `as_of` and `state` in the session."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=60)
    at.session_state["as_of"] = as_of
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(file)
    at.run()
    assert_ok(at)
    return at
