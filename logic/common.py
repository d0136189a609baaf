"""Small helpers shared by the rules: three-valued logic for unknown facts and field-name comparison."""
from __future__ import annotations

import re
import unicodedata


def tri_and(*values: bool | None) -> bool | None:
    """Kleene AND: False if any is False, None if any is unknown, else True."""
    if any(v is False for v in values):
        return False
    if any(v is None for v in values):
        return None
    return True


def tri_or(*values: bool | None) -> bool | None:
    """Kleene OR: True if any is True, None if any is unknown, else False."""
    if any(v is True for v in values):
        return True
    if any(v is None for v in values):
        return None
    return False


def at_least(value: float | None, threshold: float) -> bool | None:
    return None if value is None else value >= threshold


_SPACES = re.compile(r"\s+")


def normalize_field(name: str) -> str:
    """Compare field names without case, accents of typing, extra spaces or the word "pielęgniarstwo" inflected."""
    text = unicodedata.normalize("NFC", name).casefold().strip()
    text = _SPACES.sub(" ", text)
    text = text.replace("–", "-").replace("—", "-")
    return text


def same_field(a: str | None, b: str | None) -> bool | None:
    """True when two field names are the same after normalisation; None when either is unknown."""
    if a is None or b is None or not a.strip() or not b.strip():
        return None
    return normalize_field(a) == normalize_field(b)
