"""Polish messages for invalid case data, naming the field (used by the command line and the app)."""
from __future__ import annotations

from pydantic import ValidationError

MESSAGES = {
    "missing": "to pole jest wymagane",
    "extra_forbidden": "nieznane pole – sprawdź pisownię nazwy",
    "date_parsing": "niepoprawna data – użyj formatu RRRR-MM-DD",
    "date_from_datetime_parsing": "niepoprawna data – użyj formatu RRRR-MM-DD",
    "date_from_datetime_inexact": "podaj samą datę RRRR-MM-DD, bez godziny",
    "date_type": "oczekiwano daty w formacie RRRR-MM-DD",
    "bool_parsing": "oczekiwano wartości tak/nie (true/false)",
    "bool_type": "oczekiwano wartości tak/nie (true/false)",
    "int_parsing": "oczekiwano liczby całkowitej",
    "int_type": "oczekiwano liczby całkowitej",
    "int_from_float": "oczekiwano liczby całkowitej",
    "float_parsing": "oczekiwano liczby",
    "float_type": "oczekiwano liczby",
    "string_type": "oczekiwano tekstu",
    "list_type": "oczekiwano listy",
    "model_type": "oczekiwano obiektu z polami",
    "dict_type": "oczekiwano obiektu z polami",
    "json_invalid": "niepoprawny JSON",
}


def field_path(loc: tuple) -> str:
    """("employment", 0, "start") → "employment[0].start"."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(cały plik)"


def polish_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "value_error":
        msg = str(ctx.get("error", error.get("msg", "")))
        return msg
    if kind in ("enum", "literal_error"):
        allowed = str(ctx.get("expected", "")).replace(" or ", " lub ")
        return f"niedozwolona wartość; dozwolone: {allowed}"
    if kind == "greater_than_equal":
        return f"wartość musi być nie mniejsza niż {ctx.get('ge')}"
    if kind == "less_than_equal":
        return f"wartość musi być nie większa niż {ctx.get('le')}"
    if kind == "string_too_long":
        return f"tekst jest za długi (najwyżej {ctx.get('max_length')} znaków)"
    return MESSAGES.get(kind, error.get("msg", "niepoprawna wartość"))


def describe(err: ValidationError) -> list[tuple[str, str]]:
    """(field path, Polish message) for every problem in `err`."""
    return [(field_path(tuple(e["loc"])), polish_message(e)) for e in err.errors()]
