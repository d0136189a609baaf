"""The list of fields (dziedziny) to offer as choices, by form of education and profession.

The list is a reconstruction (see fields.yaml): it is never used to refuse a field, only to suggest one and to add
a note when a chosen field is not on the list for the person's profession.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .case import Form, Profession
from .common import normalize_field
from .parameters import read_yaml

FIELDS_FILE = Path(__file__).with_name("fields.yaml")


@lru_cache(maxsize=1)
def _data() -> dict:
    return read_yaml(FIELDS_FILE)


def source() -> str:
    return _data()["source"]


def fields_for(form: Form, profession: Profession | None = None) -> list[str]:
    """Fields listed for a specjalizacja or kurs kwalifikacyjny; all professions' fields when profession is None."""
    block = _data().get(form.value)
    if not block:
        return []
    if profession is not None:
        return list(block[profession.value])
    seen: dict[str, None] = {}
    for names in block.values():
        for name in names:
            seen.setdefault(name, None)
    return list(seen)


def is_listed(form: Form, profession: Profession | None, field: str) -> bool | None:
    """Whether `field` is on the (reconstructed) list; None when the form has no list (courses other than KK)."""
    names = fields_for(form, profession)
    if not names:
        return None
    wanted = normalize_field(field)
    return any(normalize_field(n) == wanted for n in names)
