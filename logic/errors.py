"""Polish messages for invalid case data, naming the field (used by the command line and the app).

Every error type pydantic can give for the case and edition models – from a file through `logic.loader`, or from a
value built in Python – has a Polish message here; an error type not listed gets a general Polish message, never
pydantic's English text (tests/test_loader.py lists the types the models can give and checks each).
"""
from __future__ import annotations

from typing import Any

DATE = "oczekiwano daty w formacie RRRR-MM-DD (np. 2024-09-30)"
YES_NO = "oczekiwano wartości tak/nie (true albo false)"
INTEGER = "oczekiwano liczby całkowitej"
NUMBER = "oczekiwano liczby"

MESSAGES = {
    "missing": "to pole jest wymagane",
    "extra_forbidden": "nieznane pole – sprawdź pisownię nazwy",
    "date_parsing": "niepoprawna data – użyj formatu RRRR-MM-DD",
    "date_from_datetime_parsing": "niepoprawna data – użyj formatu RRRR-MM-DD",
    "date_from_datetime_inexact": "podaj samą datę RRRR-MM-DD, bez godziny",
    "date_type": DATE,
    "datetime_type": DATE,
    "bool_parsing": YES_NO,
    "bool_type": YES_NO,
    "int_parsing": INTEGER,
    "int_parsing_size": "liczba ma za dużo cyfr",
    "int_type": INTEGER,
    "int_from_float": INTEGER,
    "float_parsing": NUMBER,
    "float_type": NUMBER,
    "finite_number": "oczekiwano zwykłej liczby (NaN i nieskończoność nie są dozwolone)",
    "string_type": "oczekiwano tekstu",
    "string_unicode": "oczekiwano tekstu (w kodowaniu UTF-8)",
    "string_pattern_mismatch": "tekst ma niedozwoloną postać",
    "list_type": "oczekiwano listy",
    "iterable_type": "oczekiwano listy",
    "model_type": "oczekiwano obiektu z polami",
    "model_attributes_type": "oczekiwano obiektu z polami",
    "dict_type": "oczekiwano obiektu z polami",
    "none_required": "to pole musi być puste (null)",
    "json_invalid": "niepoprawny JSON",
    "json_type": "niepoprawny JSON",
    "recursion_loop": "dane są zagnieżdżone zbyt głęboko",
    "recursion_depth_exceeded": "dane są zagnieżdżone zbyt głęboko",
    "is_instance_of": "niedozwolona wartość",
}
GENERAL = "niepoprawna wartość"


def field_path(loc: tuple) -> str:
    """("employment", 0, "start") → "employment[0].start"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(cały plik)"


def _items(n: Any) -> str:
    try:
        n = int(n)
    except (TypeError, ValueError):
        return f"{n} pozycji"
    if n == 1:
        return "1 pozycja"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} pozycje"
    return f"{n} pozycji"


def polish_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", GENERAL))
    if kind in ("enum", "literal_error"):
        allowed = str(ctx.get("expected", "")).replace(" or ", " lub ")
        return f"niedozwolona wartość; dozwolone: {allowed}"
    if kind == "greater_than_equal":
        return f"wartość musi być nie mniejsza niż {ctx.get('ge')}"
    if kind == "greater_than":
        return f"wartość musi być większa niż {ctx.get('gt')}"
    if kind == "less_than_equal":
        return f"wartość musi być nie większa niż {ctx.get('le')}"
    if kind == "less_than":
        return f"wartość musi być mniejsza niż {ctx.get('lt')}"
    if kind == "string_too_long":
        return f"tekst jest za długi (najwyżej {ctx.get('max_length')} znaków)"
    if kind == "string_too_short":
        return f"tekst jest za krótki (co najmniej {ctx.get('min_length')} znaków)"
    if kind == "too_long":
        actual = f"; w pliku: {ctx['actual_length']}" if ctx.get("actual_length") is not None else ""
        return f"lista jest za długa (najwyżej {_items(ctx.get('max_length'))}{actual})"
    if kind == "too_short":
        return f"lista jest za krótka (co najmniej {_items(ctx.get('min_length'))})"
    return MESSAGES.get(kind, GENERAL)


def describe(err: Any) -> list[tuple[str, str]]:
    """(field path, Polish message) for every problem in `err`: a pydantic ValidationError or a
    `logic.loader.Invalid`, anything with pydantic's `errors()`."""
    return [(field_path(tuple(e["loc"])), polish_message(e)) for e in err.errors()]
