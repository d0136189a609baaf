"""Dated parameters of the law, loaded from `parameters.yaml`.

Each parameter is a list of values keyed by the date they take effect; a value holds until the next one.
Rules ask `value(name, on)` and get the value in force on that day, or `entry(name, on)` for the value with
its legal reference and note. Nothing here reads the clock.
"""
from __future__ import annotations

import bisect
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from .references import Ref

PARAMETERS_FILE = Path(__file__).with_name("parameters.yaml")


class ParameterValue(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)

    start: date = Field(alias="from")
    value: Any
    ref: Ref
    last_checked: date
    note: str | None = None


class Parameter(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    description: str
    unit: str
    keyed_by: str | None = None
    values: tuple[ParameterValue, ...]

    def entry(self, on: date) -> ParameterValue:
        starts = [v.start for v in self.values]
        i = bisect.bisect_right(starts, on) - 1
        if i < 0:
            raise OutOfRange(self.name, on, self.values[0].start)
        return self.values[i]


class OutOfRange(ValueError):
    """Asked for a parameter on a day before its first dated value."""

    def __init__(self, name: str, on: date, first: date):
        super().__init__(f"parameter {name!r} has no value on {on.isoformat()} (first value from {first.isoformat()})")
        self.name, self.on, self.first = name, on, first


@lru_cache(maxsize=1)
def load() -> dict[str, Parameter]:
    raw = yaml.safe_load(PARAMETERS_FILE.read_text(encoding="utf-8"))
    params: dict[str, Parameter] = {}
    for name, body in raw.items():
        values = tuple(sorted((ParameterValue.model_validate(v) for v in body["values"]), key=lambda v: v.start))
        params[name] = Parameter(name=name, description=body["description"], unit=body["unit"],
                                 keyed_by=body.get("keyed_by"), values=values)
    return params


@lru_cache(maxsize=65536)
def entry(name: str, on: date) -> ParameterValue:
    """The dated value of `name` in force on `on`, with its reference (cached: rules ask the same days often)."""
    return load()[name].entry(on)


def value(name: str, on: date) -> Any:
    """The value of `name` in force on `on`."""
    return entry(name, on).value


@lru_cache(maxsize=1)
def first_supported_day() -> date:
    """The first day on which every parameter has a value (the regulation's entry into force)."""
    return max(p.values[0].start for p in load().values())
