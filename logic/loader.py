"""The one loader for case and edition files: the app's ("Zapisz / wczytaj", "Nabór i komisja", the tab's copy)
and both command lines' (`python -m logic assess|explain`, `python -m forms …`). Pure: no Streamlit.

Every way a file can be wrong ends in a refusal with a Polish message, never in an exception of Python's own:

1. size – at most `MAX_BYTES`; a command line reads at most one byte more (`read_limited`), so that /dev/zero or a
   huge file stops at once;
2. encoding – UTF-8, with or without a byte-order mark; UTF-16/32, another encoding (such as Windows-1250) and
   binary data are each named;
3. JSON – an empty file, a syntax error (with its line and column), nesting deeper than `MAX_DEPTH`, a number with
   more than `MAX_DIGITS` digits (Python's int() refuses 4,300), NaN and Infinity (not JSON, though Python's
   parser takes them), a number too large for a float, a key given twice in one object, text that is no Unicode
   (a lone surrogate such as "\\ud800"), a top level that is not an object;
4. types, strictly (`strict_errors`): a date only as an ISO date string "RRRR-MM-DD", a yes/no only as true or
   false, an integer only as an integer, a number only as a number, a text only as a string. Pydantic's lax mode
   would read 1600000000 as a date (a Unix timestamp), "yes" and 1 as true and true as 1 hour. Its strict mode
   does not fit here: for Python input it refuses ISO date strings and enum values, and for JSON input it falls
   back to Python input after the case's version upgrade (a "before" validator), so the JSON types are checked
   here, against the model's own fields, and the model then validates the values in its usual (lax) mode;
5. the model itself (`validate`): values, limits, the schema version (`logic.case.SCHEMA_VERSIONS`; a newer one is
   refused as such, `Newer`).

Code that builds a case in Python (the interview, the tests) uses the model directly and stays lax.
"""
from __future__ import annotations

import json
import math
import re
import sys
import types
import typing
from datetime import date
from typing import Any, Union

from annotated_types import MaxLen
from pydantic import BaseModel, ValidationError

from .case import CURRENT_SCHEMA_VERSION, Case, version_problem

MAX_BYTES = 2 * 1024 * 1024  # a case file is a few KB; one at every length limit, in 4-byte characters, ~1.5 MB
MAX_DEPTH = 12  # objects and lists inside one another; a case file has 4 (case → edition → commission → member)
MAX_DIGITS = 30  # digits of one number; the largest number a case holds has 6


class Refused(Exception):
    """A file that is not a case or edition file we can read: `text` says why, in Polish, for a person."""

    def __init__(self, text: str, kind: str):
        super().__init__(text)
        self.text = text
        self.kind = kind


class Newer(Refused):
    """A file from a newer version of the assistant (its schema_version is above ours)."""


class Invalid(Exception):
    """A JSON object that breaks the model: `errors()` lists the problems as pydantic's `ValidationError.errors()`
    does (type, loc, msg, input, ctx), so that `logic.errors.describe` reads both."""

    def __init__(self, errors: list[dict[str, Any]]):
        super().__init__(f"{len(errors)} problem(s)")
        self._errors = errors

    def errors(self) -> list[dict[str, Any]]:
        return list(self._errors)


# --- 1. reading at most MAX_BYTES + 1 ------------------------------------------------------------------------------

TOO_BIG = "{plik} jest za duży (ponad {kb} KB). Plik zapisany przez asystenta ma kilka KB."


def read_limited(path: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of `path` ("-": standard input), reading no more than `limit` + 1 of them. A missing, unreadable or
    too large file is Refused."""
    plik = f"Plik {path}"
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as f:
                raw = f.read(limit + 1)
    except FileNotFoundError as exc:
        raise Refused(f"Nie ma pliku {path}.", "missing") from exc
    except IsADirectoryError as exc:
        raise Refused(f"{path} jest katalogiem, a nie plikiem.", "unreadable") from exc
    except OSError as exc:
        raise Refused(f"Nie można odczytać pliku {path}.", "unreadable") from exc
    if len(raw) > limit:
        raise Refused(TOO_BIG.format(plik=plik, kb=limit // 1024), "too_big")
    return raw


# --- 2. and 3. bytes to a JSON object --------------------------------------------------------------------------

EMPTY = "{plik} jest pusty: nie ma w nim żadnych danych."
BINARY = ("{plik} nie jest plikiem tekstowym (zawiera dane binarne). To nie jest plik tekstowy JSON zapisany przez "
          "asystenta.")
UTF16 = ("{plik} jest zapisany w kodowaniu {enc}, a nie w UTF-8. To nie jest plik tekstowy JSON, jaki zapisuje "
         "asystent; zapisz go ponownie w kodowaniu UTF-8.")
NOT_UTF8 = ("{plik} nie jest zapisany w kodowaniu UTF-8 (może w Windows-1250 albo ISO-8859-2). Zapisz go ponownie w "
            "kodowaniu UTF-8, np. w Notatniku: „Zapisz jako” → „Kodowanie: UTF-8”.")
BAD_JSON = "{plik} jest uszkodzony: niepoprawny JSON (wiersz {line}, kolumna {col})."
TOO_DEEP = ("{plik} jest uszkodzony: dane są zagnieżdżone zbyt głęboko (ponad {depth} poziomów; plik asystenta "
            "ma najwyżej 4).")
LONG_NUMBER = "{plik} jest uszkodzony: liczba {start}… ma za dużo cyfr (najwyżej {digits})."
NOT_FINITE = ("{plik} jest uszkodzony: {what} nie jest liczbą dozwoloną w JSON-ie; podaj liczbę albo null "
              "(„nie wiem”).")
HUGE_NUMBER = "{plik} jest uszkodzony: liczba {start}… jest za duża."
DUPLICATE = "{plik} jest uszkodzony: pole „{key}” występuje w jednym obiekcie dwa razy."
NOT_UNICODE = "{plik} jest uszkodzony: tekst zawiera niepoprawny znak (pojedynczy surogat {escape})."
NOT_OBJECT = "{plik} musi zawierać obiekt JSON z polami (na najwyższym poziomie jest {what})."

_BOMS = ((b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe\x00\x00", "UTF-32"), (b"\xfe\xff", "UTF-16"),
         (b"\xff\xfe", "UTF-16"))
_SURROGATE = re.compile("[\ud800-\udfff]")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")
_JSON_KIND = {list: "lista", str: "tekst", int: "liczba", float: "liczba", bool: "wartość true/false",
              type(None): "null"}


class _Stop(Exception):
    """Raised inside json.loads's hooks; carries the Refused to raise."""

    def __init__(self, refused: Refused):
        self.refused = refused


def decode(raw: bytes, plik: str = "Plik") -> str:
    """The file's text: UTF-8, a byte-order mark dropped. Anything else is Refused, saying what it is."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    for bom, name in _BOMS:
        if raw.startswith(bom):
            raise Refused(UTF16.format(plik=plik, enc=name), "encoding")
    if b"\x00" in raw:
        # UTF-16 without a mark puts a zero byte beside every ASCII character
        zeros_even, zeros_odd = raw[0::2].count(0), raw[1::2].count(0)
        if len(raw) >= 4 and max(zeros_even, zeros_odd) * 2 >= len(raw) // 2 * 0.9:
            raise Refused(UTF16.format(plik=plik, enc="UTF-16"), "encoding")
        raise Refused(BINARY.format(plik=plik), "binary")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        controls = sum(1 for b in raw[:4096] if b < 32 and b not in (9, 10, 13))
        if controls > 8:
            raise Refused(BINARY.format(plik=plik), "binary") from exc
        raise Refused(NOT_UTF8.format(plik=plik), "encoding") from exc


def _depth(text: str) -> int:
    """How deep objects and lists nest in `text` (strings skipped); stops counting past MAX_DEPTH."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return 0
    brackets = left = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(MAX_DEPTH):  # each pass removes the innermost level (C speed, however long the file)
        left = _INNERMOST.sub("", left)
        if not left:
            return 0
    depth = 0  # still some left: deeper than MAX_DEPTH, or brackets that do not match (for the parser to report)
    for ch in brackets:
        depth += 1 if ch in "[{" else -1
        if depth > MAX_DEPTH:
            return depth
    return 0


def parse_text(text: str, plik: str = "Plik") -> Any:
    """Any JSON value in `text`, or Refused."""
    if not text.strip():
        raise Refused(EMPTY.format(plik=plik), "empty")
    if _depth(text) > MAX_DEPTH:
        raise Refused(TOO_DEEP.format(plik=plik, depth=MAX_DEPTH), "too_deep")

    def parse_int(s: str) -> int:
        if len(s.lstrip("-")) > MAX_DIGITS:
            raise _Stop(Refused(LONG_NUMBER.format(plik=plik, start=s[:8], digits=MAX_DIGITS), "long_number"))
        return int(s)

    def parse_float(s: str) -> float:
        if len(s) > MAX_DIGITS + 10:
            raise _Stop(Refused(LONG_NUMBER.format(plik=plik, start=s[:8], digits=MAX_DIGITS), "long_number"))
        value = float(s)
        if not math.isfinite(value):
            raise _Stop(Refused(HUGE_NUMBER.format(plik=plik, start=s[:8]), "not_finite"))
        return value

    def parse_constant(s: str) -> Any:
        raise _Stop(Refused(NOT_FINITE.format(plik=plik, what=s), "not_finite"))

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(items)
        if len(out) != len(items):
            seen: set[str] = set()
            key = next(k for k, _ in items if k in seen or seen.add(k))
            raise _Stop(Refused(DUPLICATE.format(plik=plik, key=_short(key)), "duplicate"))
        return out

    try:
        value = json.loads(text, parse_int=parse_int, parse_float=parse_float, parse_constant=parse_constant,
                           object_pairs_hook=pairs)
    except _Stop as stop:
        raise stop.refused from None
    except json.JSONDecodeError as exc:
        raise Refused(BAD_JSON.format(plik=plik, line=exc.lineno, col=exc.colno), "json") from None
    except RecursionError:  # belt and braces: the depth check above comes first
        raise Refused(TOO_DEEP.format(plik=plik, depth=MAX_DEPTH), "too_deep") from None
    if _SURROGATE.search(text) or "\\u" in text:
        bad = _lone_surrogate(value)
        if bad is not None:
            raise Refused(NOT_UNICODE.format(plik=plik, escape=f"\\u{ord(bad):04x}"), "not_unicode")
    return value


def parse_object(raw: bytes, plik: str = "Plik", limit: int = MAX_BYTES) -> dict[str, Any]:
    """The JSON object in the file's bytes, or Refused (too big, not UTF-8 text, not JSON, not an object)."""
    if len(raw) > limit:
        raise Refused(TOO_BIG.format(plik=plik, kb=limit // 1024), "too_big")
    value = parse_text(decode(raw, plik), plik)
    if not isinstance(value, dict):
        raise Refused(NOT_OBJECT.format(plik=plik, what=_JSON_KIND.get(type(value), "inna wartość")), "not_object")
    return value


def _lone_surrogate(value: Any) -> str | None:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            m = _SURROGATE.search(v)
            if m:
                return m.group()
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return None


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


# --- 4. strict JSON types against a model's fields -------------------------------------------------------------

_ISO_DAY = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")


def strict_errors(model: type[BaseModel], data: Any, loc: tuple = ()) -> list[dict[str, Any]]:
    """Where `data` (parsed JSON) holds a value of another JSON type than the field takes, as pydantic's error
    dicts (bool_type, int_type, float_type, date_type, string_type, list_type, model_type). Unknown keys and values
    are left to the model."""
    out: list[dict[str, Any]] = []
    _check(model, data, loc, out)
    return out


def _list_limit(field: Any) -> int | None:
    return next((m.max_length for m in field.metadata if isinstance(m, MaxLen)), None)


def _error(kind: str, loc: tuple, value: Any) -> dict[str, Any]:
    return {"type": kind, "loc": loc, "msg": kind, "input": value}


def _check(tp: Any, value: Any, loc: tuple, out: list) -> None:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        _check(typing.get_args(tp)[0], value, loc, out)
        return
    if origin in (Union, types.UnionType):
        if value is None:
            return
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) == 1:
            _check(options[0], value, loc, out)
        return
    if value is None:
        return  # the model says whether None is allowed
    if origin is list:
        if not isinstance(value, list):
            out.append(_error("list_type", loc, value))
            return
        (item,) = typing.get_args(tp)
        for i, v in enumerate(value):
            _check(item, v, (*loc, i), out)
        return
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if not isinstance(value, dict):
            out.append(_error("model_type", loc, value))
            return
        for key, v in value.items():
            field = tp.model_fields.get(key)
            if field is None or key == "schema_version":  # unknown: the model's; the version has its own message
                continue
            limit = _list_limit(field)
            if isinstance(v, list) and limit is not None and len(v) > limit:
                # refused before any item is looked at, so that a long list costs nothing
                out.append({"type": "too_long", "loc": (*loc, key), "msg": "too_long", "input": None,
                            "ctx": {"field_type": "List", "max_length": limit, "actual_length": len(v)}})
                continue
            _check(field.annotation, v, (*loc, key), out)
        return
    if tp is bool:
        if type(value) is not bool:
            out.append(_error("bool_type", loc, value))
    elif tp is int:
        if type(value) is not int:
            out.append(_error("int_from_float" if type(value) is float and value.is_integer() else "int_type",
                              loc, value))
    elif tp is float:
        if type(value) not in (int, float):
            out.append(_error("float_type", loc, value))
    elif tp is str:
        if not isinstance(value, str):
            out.append(_error("string_type", loc, value))
    elif tp is date:
        if not isinstance(value, str) or not _ISO_DAY.match(value):
            out.append(_error("date_type", loc, value))


# --- 5. the model ------------------------------------------------------------------------------------------------

NEWER = "Plik pochodzi z nowszej wersji asystenta; ta wersja nie umie go odczytać."


def validate(model: type[BaseModel], data: dict[str, Any]) -> Any:
    """`model` from a JSON object, strictly typed (see the module's docstring); raises Invalid."""
    strict = strict_errors(model, data)
    if any(e["type"] == "too_long" for e in strict):
        raise Invalid(strict)  # a list over its limit: not worth validating its thousands of items
    try:
        result = model.model_validate(data)
        lax: list[dict[str, Any]] = []
    except ValidationError as err:
        lax = err.errors()
        result = None
    if not strict and not lax:
        return result
    reported = [tuple(e["loc"]) for e in strict]

    def shadowed(loc: tuple, kind: str) -> bool:
        # the same place or inside it; or a whole object's check (value_error) that read a value refused above
        return any(loc[:len(r)] == r or (kind == "value_error" and r[:len(loc)] == loc and loc)
                   for r in reported)

    raise Invalid(strict + [e for e in lax if not shadowed(tuple(e["loc"]), e["type"])])


def check_version(data: dict[str, Any]) -> None:
    """Refuses, as Newer, a file whose integer schema_version is above ours (any other wrong version is left to the
    model, which names it)."""
    version = data.get("schema_version", 1)
    if type(version) is int and version > CURRENT_SCHEMA_VERSION:
        raise Newer(NEWER, "newer")


def case_from_data(data: dict[str, Any]) -> Case:
    """A case from a parsed JSON object; raises Newer or Invalid."""
    check_version(data)
    problem = version_problem(data.get("schema_version", 1))
    if problem:
        raise Invalid([{"type": "value_error", "loc": ("schema_version",), "msg": problem, "input": None,
                        "ctx": {"error": problem}}])
    return validate(Case, data)


def load_case(raw: bytes, plik: str = "Plik") -> Case:
    """A case from a file's bytes; raises Refused (incl. Newer) or Invalid."""
    return case_from_data(parse_object(raw, plik))


def load_case_file(path: str) -> Case:
    """A case from the file `path` ("-": standard input), as the command lines read it; raises Refused or
    Invalid."""
    return load_case(read_limited(path), plik="Plik -" if path == "-" else f"Plik {path}")
