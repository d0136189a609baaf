"""Dated parameters of the law, loaded from `parameters.yaml`.

Each parameter is a list of values keyed by the date they take effect; a value holds until the next one.
Rules ask `value(name, on)` and get the value in force on that day, or `entry(name, on)` for the value with
its legal reference and note. Nothing here reads the clock.

Parameters with `keyed_by: session` are keyed by state-exam session instead ("2027-wiosna", "2027-jesien"; sessions
are ordered by year, spring before autumn): `session_value(name, session)` / `session_entry(name, session)`. Their
values are typed (`value_type` in the YAML): a session calendar gives, per season, a `MonthDay` (month, day and the
year relative to the session's year) or a `MonthDayRange`; `session_date` / `session_period` turn them into days.

Which values are in force is read from the parameter set active in the current context: the set loaded from
`parameters.yaml`, or inside `with overlaid(overlay):` that set with a draft amendment merged in (a "what if").
Each set caches its own lookups; a thread or context that has not entered `overlaid` sees the file's set.
"""
from __future__ import annotations

import bisect
import calendar
import difflib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, ValidationError, model_validator

from .errors import describe
from .references import Ref

PARAMETERS_FILE = Path(__file__).with_name("parameters.yaml")
# The C loader when PyYAML was built with libyaml (parameters.yaml: ~5 ms instead of ~36 ms), else the pure-Python
# one; both build the same values (tests/test_lean.py). Every YAML file of the app is read through `read_yaml`.
YAML_LOADER: type = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


def read_yaml(path: Path, loader: type | None = None) -> Any:
    """The data of a YAML file of ours, read with `loader` (default: `YAML_LOADER`, safe: plain data only)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader or YAML_LOADER)  # noqa: S506 - a safe loader

KEYED_BY_SESSION = "session"
SEASONS = ("wiosna", "jesien")
_SESSION_CODE = re.compile(r"([0-9]{4})-(wiosna|jesien)")


# --- sessions -----------------------------------------------------------------------------------------------------

def _parse_session(code: Any) -> tuple[int, int]:
    m = _SESSION_CODE.fullmatch(code) if isinstance(code, str) else None
    if m is None:
        raise ValueError(f"„{code}” nie jest kodem sesji (RRRR-wiosna albo RRRR-jesien)")
    return int(m.group(1)), SEASONS.index(m.group(2))


_cached_session_key = lru_cache(maxsize=4096)(_parse_session)


def session_key(code: str) -> tuple[int, int]:
    """ "2027-wiosna" → (2027, 0), "2027-jesien" → (2027, 1): the order of sessions (year, spring before autumn).

    Raises ValueError for anything else."""
    return _cached_session_key(code) if isinstance(code, str) else _parse_session(code)


def _session_code(v: Any) -> str:
    _parse_session(v)
    return v


SessionCode = Annotated[str, BeforeValidator(_session_code)]
"""A state-exam session: "RRRR-wiosna" or "RRRR-jesien"."""


# --- typed values -------------------------------------------------------------------------------------------------

_MONTH_NAMES = ("", "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                "października", "listopada", "grudnia")


class MonthDay(BaseModel):
    """A day of the year (month, day) in the year `year_offset` years from a session's year (-1: the year before).

    The day must exist in every year, so 29 February is refused.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    month: StrictInt = Field(ge=1, le=12)
    day: StrictInt = Field(ge=1, le=31)
    year_offset: StrictInt = Field(0, ge=-1, le=1)

    @model_validator(mode="after")
    def _a_real_day(self) -> "MonthDay":
        last = calendar.monthrange(2001, self.month)[1]  # a common year: 29 February is not in every year
        if self.day > last:
            raise ValueError(f"nie ma dnia {self.day} {_MONTH_NAMES[self.month]} w każdym roku "
                             f"(miesiąc {self.month} ma {last} dni)")
        return self

    def on(self, session_year: int) -> date:
        """The day for the session of `session_year`: 30 November with offset -1 for 2027 → 2026-11-30."""
        return date(session_year + self.year_offset, self.month, self.day)

    def order(self) -> tuple[int, int, int]:
        return (self.year_offset, self.month, self.day)


class MonthDayRange(BaseModel):
    """The first and the last day of a period (both included), each a `MonthDay`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: MonthDay
    end: MonthDay

    @model_validator(mode="after")
    def _ordered(self) -> "MonthDayRange":
        if self.end.order() < self.start.order():
            raise ValueError("koniec okresu przypada przed jego początkiem")
        return self

    def on(self, session_year: int) -> tuple[date, date]:
        return self.start.on(session_year), self.end.on(session_year)


T = TypeVar("T")


class BySeason(BaseModel, Generic[T]):
    """One value for the spring and one for the autumn session."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    wiosna: T
    jesien: T

    def of(self, season: str) -> T:
        return self.wiosna if season == "wiosna" else self.jesien


AmountPLN = Annotated[StrictInt, Field(ge=0)]

# `value_type` in parameters.yaml → the type its values are validated as (no `value_type`: taken as written).
VALUE_TYPES: dict[str, Any] = {
    "month_day_by_season": BySeason[MonthDay],
    "month_day_range_by_season": BySeason[MonthDayRange],
    "amount_pln": AmountPLN,
}


# --- parameters ---------------------------------------------------------------------------------------------------

V = TypeVar("V")


class ParameterValue(BaseModel, Generic[V]):
    """A value in force from the day `start` (`from` in the YAML)."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid")

    start: date = Field(alias="from")
    value: V
    ref: Ref
    last_checked: date
    note: str | None = None


class SessionParameterValue(BaseModel, Generic[V]):
    """A value in force from the session `start` (`from` in the YAML: "2026-jesien")."""

    model_config = ConfigDict(frozen=True, populate_by_name=True, extra="forbid")

    start: SessionCode = Field(alias="from")
    value: V
    ref: Ref
    last_checked: date
    note: str | None = None


class Parameter(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    description: str
    unit: str
    keyed_by: str | None = None
    value_type: str | None = None
    values: tuple[Any, ...]  # ParameterValue, or SessionParameterValue when keyed by session; sorted by start

    @property
    def by_session(self) -> bool:
        return self.keyed_by == KEYED_BY_SESSION

    def entry_model(self) -> type[BaseModel]:
        return _entry_model(self.by_session, self.value_type)

    def _key(self, start: Any) -> Any:
        return session_key(start) if self.by_session else start

    def _find(self, key: Any, shown: Any) -> Any:
        i = bisect.bisect_right([self._key(v.start) for v in self.values], key) - 1
        if i < 0:
            raise OutOfRange(self.name, shown, self.values[0].start)
        return self.values[i]

    def entry(self, on: date) -> ParameterValue:
        if self.by_session:
            raise TypeError(f"parameter {self.name!r} is keyed by session: ask session_entry({self.name!r}, "
                            f"'RRRR-wiosna'|'RRRR-jesien')")
        return self._find(on, on)

    def session_entry(self, session: str) -> SessionParameterValue:
        if not self.by_session:
            raise TypeError(f"parameter {self.name!r} is keyed by day: ask entry({self.name!r}, a date)")
        return self._find(session_key(session), session)


def _entry_model(by_session: bool, value_type: str | None) -> type[BaseModel]:
    base = SessionParameterValue if by_session else ParameterValue
    return base[VALUE_TYPES[value_type]] if value_type else base  # type: ignore[index]


class OutOfRange(ValueError):
    """Asked for a parameter on a day (or for a session) before its first value."""

    def __init__(self, name: str, on: date | str, first: date | str):
        def shown(x: date | str) -> str:
            return x.isoformat() if isinstance(x, date) else str(x)

        what = f"for session {shown(on)}" if isinstance(on, str) else f"on {shown(on)}"
        super().__init__(f"parameter {name!r} has no value {what} (first value from {shown(first)})")
        self.name, self.on, self.first = name, on, first


class OverlayError(ValueError):
    """A parameter overlay that cannot be applied: `problems` lists (where, Polish message)."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("błędna nakładka parametrów: " + "; ".join(f"{where}: {msg}" for where, msg in problems))


class ParameterSet:
    """A complete set of parameters with its own lookup caches (safe to share between threads: never mutated)."""

    def __init__(self, parameters: Mapping[str, Parameter], source: str):
        self.parameters: Mapping[str, Parameter] = MappingProxyType(dict(parameters))
        self.source = source
        self.entry = lru_cache(maxsize=65536)(self._entry)
        self.session_entry = lru_cache(maxsize=8192)(self._session_entry)
        self.session_value = lru_cache(maxsize=8192)(self._session_value)
        self.session_date = lru_cache(maxsize=8192)(self._session_date)
        self.session_period = lru_cache(maxsize=8192)(self._session_period)
        dated = [p for p in self.parameters.values() if not p.by_session]
        by_session = [p for p in self.parameters.values() if p.by_session]
        self.first_supported_day: date = max(p.values[0].start for p in dated)
        self.first_supported_session: str | None = (
            max((p.values[0].start for p in by_session), key=session_key) if by_session else None)
        self.law_checked_on: date = max(v.last_checked for p in self.parameters.values() for v in p.values)

    def __repr__(self) -> str:
        return f"ParameterSet({self.source!r}, {len(self.parameters)} parameters)"

    def _entry(self, name: str, on: date) -> ParameterValue:
        return self.parameters[name].entry(on)

    def _session_entry(self, name: str, session: str) -> SessionParameterValue:
        return self.parameters[name].session_entry(session)

    def _session_value(self, name: str, session: str) -> Any:
        v = self.session_entry(name, session).value
        return v.of(SEASONS[session_key(session)[1]]) if isinstance(v, BySeason) else v

    def _session_date(self, name: str, session: str) -> date:
        md = self.session_value(name, session)
        if not isinstance(md, MonthDay):
            raise TypeError(f"parameter {name!r} is not a month-day (it is {type(md).__name__})")
        return md.on(session_key(session)[0])

    def _session_period(self, name: str, session: str) -> tuple[date, date]:
        r = self.session_value(name, session)
        if not isinstance(r, MonthDayRange):
            raise TypeError(f"parameter {name!r} is not a month-day range (it is {type(r).__name__})")
        return r.on(session_key(session)[0])

    def value(self, name: str, on: date) -> Any:
        return self.entry(name, on).value


def _parameter(name: str, body: Mapping[str, Any]) -> Parameter:
    keyed_by, value_type = body.get("keyed_by"), body.get("value_type")
    if value_type is not None and value_type not in VALUE_TYPES:
        raise ValueError(f"parameter {name!r}: unknown value_type {value_type!r} (known: {sorted(VALUE_TYPES)})")
    model = _entry_model(keyed_by == KEYED_BY_SESSION, value_type)
    entries = [model.model_validate(v) for v in body["values"]]
    key = session_key if keyed_by == KEYED_BY_SESSION else (lambda start: start)
    return Parameter(name=name, description=body["description"], unit=body["unit"], keyed_by=keyed_by,
                     value_type=value_type, values=tuple(sorted(entries, key=lambda v: key(v.start))))


def parameter_set(raw: Mapping[str, Any], source: str) -> ParameterSet:
    """A parameter set from the data of a parameters file (as `read_yaml` gives it)."""
    return ParameterSet({name: _parameter(name, body) for name, body in raw.items()}, source)


@lru_cache(maxsize=1)
def base() -> ParameterSet:
    """The parameter set of `parameters.yaml` (read once per process; ui/warmup.py reads it before a visitor)."""
    return parameter_set(read_yaml(PARAMETERS_FILE), PARAMETERS_FILE.name)


_ACTIVE: ContextVar[ParameterSet | None] = ContextVar("logic_parameters", default=None)


def active() -> ParameterSet:
    """The parameter set in force in this context: the file's, or the one `overlaid` put in place."""
    return _ACTIVE.get() or base()


def load() -> Mapping[str, Parameter]:
    """The parameters in force in this context, by name (read-only)."""
    return active().parameters


def entry(name: str, on: date) -> ParameterValue:
    """The dated value of `name` in force on `on`, with its reference (cached per parameter set)."""
    return (_ACTIVE.get() or base()).entry(name, on)


def value(name: str, on: date) -> Any:
    """The value of `name` in force on `on`."""
    return (_ACTIVE.get() or base()).entry(name, on).value


def first_supported_day() -> date:
    """The first day on which every dated parameter has a value (the regulation's entry into force)."""
    return active().first_supported_day


def first_supported_session() -> str | None:
    """The first session for which every session-keyed parameter has a value ("2026-wiosna")."""
    return active().first_supported_session


def law_checked_on() -> date:
    """The latest `last_checked` of the parameters in force in this context."""
    return active().law_checked_on


def _code(session: Any) -> str:
    return session if isinstance(session, str) else session.code  # a code, or anything with `.code`


def session_entry(name: str, session: Any) -> SessionParameterValue:
    """The value of the session-keyed parameter `name` for `session` ("2027-jesien"), with its reference."""
    return (_ACTIVE.get() or base()).session_entry(name, _code(session))


def session_value(name: str, session: Any) -> Any:
    """The typed value of `name` for `session`; for a value given per season, the part of the session's season."""
    return (_ACTIVE.get() or base()).session_value(name, _code(session))


def session_date(name: str, session: Any) -> date:
    """The day a `MonthDay` parameter gives for `session`: the spring 2027 application deadline → 2026-11-30."""
    return (_ACTIVE.get() or base()).session_date(name, _code(session))


def session_period(name: str, session: Any) -> tuple[date, date]:
    """The first and last day a `MonthDayRange` parameter gives for `session`.

    The autumn 2027 session window → (2027-09-01, 2027-11-30)."""
    return (_ACTIVE.get() or base()).session_period(name, _code(session))


# --- overlays: a draft amendment ("what if the fee were 400 zł from the autumn 2027 session") -----------------------

_KINDS: tuple[tuple[type, str], ...] = ((bool, "tak/nie"), (int, "liczba całkowita"), (float, "liczba"),
                                        (str, "tekst"), (date, "data RRRR-MM-DD"), (list, "lista"),
                                        (tuple, "lista"), (dict, "obiekt z polami"))


def _kind(v: Any) -> str:
    for t, name in _KINDS:
        if isinstance(v, t):
            return name
    return type(v).__name__


def _untyped_value(param: Parameter, v: Any) -> tuple[Any, str | None]:
    """An overlay's value for a parameter without `value_type`: it must be of the kind its values are now."""
    model = param.values[0].value
    want = _kind(model)
    if want == "data RRRR-MM-DD" and isinstance(v, str):
        try:
            return date.fromisoformat(v), None
        except ValueError:
            return v, "niepoprawna data – użyj formatu RRRR-MM-DD"
    if want == "liczba" and _kind(v) == "liczba całkowita":
        return float(v), None
    if _kind(v) != want:
        return v, f"oczekiwano wartości tego rodzaju co dotychczasowe: {want}"
    if isinstance(model, dict) and set(v) != set(model):
        return v, f"oczekiwano obiektu z polami: {', '.join(model)}"
    return v, None


def _overlay_entries(param: Parameter, raw_entries: Any, problems: list[tuple[str, str]]) -> list[Any]:
    where = param.name
    if not isinstance(raw_entries, (list, tuple)):
        problems.append((where, "oczekiwano listy wartości {from, value, ref, last_checked, note}"))
        return []
    model = param.entry_model()
    out, starts = [], set()
    for i, raw in enumerate(raw_entries):
        at = f"{where}[{i}]"
        if not isinstance(raw, Mapping):
            problems.append((at, "oczekiwano obiektu z polami from, value, ref, last_checked (i ew. note)"))
            continue
        try:
            e = model.model_validate(dict(raw))
        except ValidationError as exc:
            problems += [(f"{at}.{path}", msg) for path, msg in describe(exc)]
            continue
        if param.value_type is None:
            typed, problem = _untyped_value(param, e.value)
            if problem:
                problems.append((f"{at}.value", problem))
                continue
            e = e.model_copy(update={"value": typed})
        if e.start in starts:
            problems.append((f"{at}.from", f"dwie wartości od tego samego dnia lub sesji ({e.start})"))
            continue
        starts.add(e.start)
        out.append(e)
    return out


def apply_overlay(params: ParameterSet, overlay: Mapping[str, Any]) -> ParameterSet:
    """`params` with the overlay's values merged in: {name: [entries as in parameters.yaml]}; an entry whose `from`
    equals an existing value's replaces it. Raises `OverlayError` (a ValueError) naming every problem."""
    if not isinstance(overlay, Mapping):
        raise OverlayError([("(cała nakładka)", "oczekiwano obiektu {nazwa parametru: [wartości]}")])
    problems: list[tuple[str, str]] = []
    merged = dict(params.parameters)
    for name, raw_entries in overlay.items():
        param = params.parameters.get(name) if isinstance(name, str) else None
        if param is None:
            close = difflib.get_close_matches(str(name), list(params.parameters), n=1)
            problems.append((str(name), "nieznany parametr" + (f" – czy chodzi o {close[0]}?" if close else "")))
            continue
        new = _overlay_entries(param, raw_entries, problems)
        if not new:
            continue
        replaced = {e.start for e in new}
        values = [v for v in param.values if v.start not in replaced] + new
        values.sort(key=lambda v: param._key(v.start))
        merged[name] = param.model_copy(update={"values": tuple(values)})
    if problems:
        raise OverlayError(problems)
    return ParameterSet(merged, f"{params.source} + nakładka")


def validate_overlay(overlay: Mapping[str, Any]) -> None:
    """Raise `OverlayError` if `overlay` cannot be applied to the file's parameters."""
    apply_overlay(base(), overlay)


_OVERLAID: OrderedDict[tuple[ParameterSet, str], ParameterSet] = OrderedDict()
_OVERLAID_MAX = 16
_OVERLAID_LOCK = threading.Lock()


def _overlaid_set(params: ParameterSet, overlay: Mapping[str, Any]) -> ParameterSet:
    """`apply_overlay`, remembering the last few results so a repeated "what if" keeps its warm caches."""
    try:
        key = (params, json.dumps(overlay, sort_keys=True, default=str))
    except (TypeError, ValueError):  # not JSON-like: build it every time (apply_overlay says what is wrong)
        return apply_overlay(params, overlay)
    with _OVERLAID_LOCK:
        found = _OVERLAID.get(key)
        if found is not None:
            _OVERLAID.move_to_end(key)
            return found
    made = apply_overlay(params, overlay)
    with _OVERLAID_LOCK:
        _OVERLAID[key] = made
        while len(_OVERLAID) > _OVERLAID_MAX:
            _OVERLAID.popitem(last=False)
    return made


@contextmanager
def overlaid(overlay: Mapping[str, Any] | None) -> Iterator[ParameterSet]:
    """Inside the block, the parameters in force (in this context only) are the active ones with `overlay` merged
    in; on leaving it, even by an exception, the previous set is back. An empty or None overlay changes nothing.

    The set lives in a ContextVar: other threads (Streamlit's sessions) keep seeing theirs, and a thread started
    inside the block does not inherit it unless it is run in a copy of this context (contextvars.copy_context)."""
    if overlay is None or (isinstance(overlay, Mapping) and not overlay):
        yield active()
        return
    params = _overlaid_set(active(), overlay)
    token = _ACTIVE.set(params)
    try:
        yield params
    finally:
        _ACTIVE.reset(token)
