"""The person's dated steps as a timeline and as an iCalendar (.ics) file.

Pure: no Streamlit. The steps come from the decisions (logic decides every date); here they are only collected,
ordered, counted in days from the "as of" day and written as all-day calendar events. The calendar holds no
personal data: the labels are the law's steps, not the person's answers.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from icalendar import Alarm, Calendar, Event

from logic.assess import Assessment
from logic.decision import Step, StepKind
from logic.present import step_when

PRODID = "-//Asystent ksztalcenia podyplomowego pielegniarek i poloznych//PL"
REMIND_DAYS_BEFORE = 3


@dataclass(frozen=True)
class DatedStep:
    step: Step
    decision_title: str


def dated_steps(assessment: Assessment) -> list[DatedStep]:
    """Every dated step of every decision, once each, in date order."""
    seen: set[tuple] = set()
    out: list[DatedStep] = []
    for d in assessment.decisions:
        for s in d.steps:
            key = (s.code, s.date, s.end, s.label)
            if key in seen:
                continue
            seen.add(key)
            out.append(DatedStep(s, d.title))
    return sorted(out, key=lambda x: (x.step.date, x.step.end or x.step.date, x.step.label))


def days_left_text(day: date, end: date | None, as_of: date, last_day: date | None = None) -> str:
    """"za 7 dni", "dziś", "trwa", "minął 3 dni temu" – counted in calendar days from the "as of" day. A term whose
    date fell on a day off and runs to `last_day` is still open until that day."""
    n = (day - as_of).days
    if n < 0 and last_day is not None and last_day >= as_of:
        left = (last_day - as_of).days
        return "termin upływa dziś" if left == 0 else ("termin upływa jutro" if left == 1 else
                                                       f"termin upływa za {left} dni")
    if n > 0:
        return "jutro" if n == 1 else f"za {n} dni"
    if n == 0:
        return "dziś"
    if end is not None and end >= as_of:
        left = (end - as_of).days
        return f"trwa (do końca {left} dni)" if left else "trwa (ostatni dzień)"
    past = -n if end is None else (as_of - end).days
    return "minął wczoraj" if past == 1 else f"minął {past} dni temu"


def _uid(s: Step) -> str:
    digest = hashlib.sha256(f"{s.code}|{s.date}|{s.end}|{s.label}".encode()).hexdigest()[:24]
    return f"{digest}@asystent-ksztalcenia"


def build_ics(steps: list[DatedStep], *, generated_on: date) -> bytes:
    """An iCalendar file with one all-day event per step; deadlines get a reminder three days before."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Kształcenie podyplomowe – terminy")
    stamp = datetime.combine(generated_on, time(0, 0), tzinfo=timezone.utc)
    for item in steps:
        s = item.step
        ev = Event()
        ev.add("uid", _uid(s))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", s.date)
        ev.add("dtend", (s.end or s.date) + timedelta(days=1))  # DTEND of an all-day event is exclusive
        ev.add("summary", s.label)
        lines = [f"Dotyczy: {item.decision_title}"]
        if s.last_day is not None:
            lines.append(f"Termin: {step_when(s)}.")
        if s.note:
            lines.append(f"Uwaga: {s.note}")
        if s.legal_basis:
            lines.append("Podstawa prawna: " + "; ".join(r.citation for r in s.legal_basis))
            ev.add("url", s.legal_basis[0].url)
        lines.append("Asystent niczego nie rozstrzyga – sprawdź komunikaty w SMK.")
        ev.add("description", "\n".join(lines))
        ev.add("transp", "TRANSPARENT")
        if s.kind is StepKind.DEADLINE:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", s.label)
            alarm.add("trigger", timedelta(days=-REMIND_DAYS_BEFORE))
            ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
