"""Helpers for AppTest tests: what a person sees of a Markdown element's source."""
from __future__ import annotations

import re

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: str) -> str:
    """The text a Markdown source shows: backslash escapes (ui/text.py `plain`) resolved."""
    return _ESCAPE.sub(r"\1", markdown)
