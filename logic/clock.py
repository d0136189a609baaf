"""The clock, read only by the frames (app.py and the command line), never by a rule.

Deadlines are Polish calendar days, so "today" is today in Warsaw, whatever the server's time zone.
"""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

WARSAW = ZoneInfo("Europe/Warsaw")


def today_in_poland() -> date:
    return datetime.now(WARSAW).date()
