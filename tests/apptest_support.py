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


def prepare_download(at, label: str, prepare: str | None = None):
    """Click the "Przygotuj …" button (`prepare`, by default derived from `label` as ui/download.py does) of the
    private download `label` and return the download button it offers in that run; fails when there is none."""
    from ui.download import prepare_label

    wanted = prepare or prepare_label(label)
    buttons = [b for b in at.button if b.label == wanted]
    assert buttons, (wanted, [b.label for b in at.button])
    buttons[0].click().run()
    assert_ok(at)
    offered = [d for d in at.download_button if d.label == label]
    assert offered, (label, [d.label for d in at.download_button])
    return offered[0]


def prepare_labels(at) -> list[str]:
    """The labels of the page's "Przygotuj …" buttons, in order."""
    return [b.label for b in at.button if b.label.startswith("Przygotuj ")]
