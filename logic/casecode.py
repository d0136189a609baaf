"""A short code for a nurse's or a midwife's case that carries no personal data ("Kod dla infolinii").

A person reads the code from "Wynik" to a help-desk consultant (or pastes it); the consultant types it in and sees
the same result. The code holds the facts the rules read from a person's case – dates, kinds, yes / no / "nie wiem"
answers, numbers, and fields (dziedziny) as a position on the list of fields – and nothing that names anyone:

- left out as personal data: names and the grammatical form (person), the PWZ number and the chamber that issued
  it, employers and units, organizers, certificate and diploma numbers, universities, course and studies names, the
  country of a training abroad, the case's `label`;
- left out as not a nurse's case: the organizer's facts (edition, exam_session, exemption_team);
- left out because no rule reads them (tests/test_casecode.py fails when one starts to): the year the PWZ was
  issued, the degrees other than the doctorate, a course's hours, the share of a specialization's hours done, the
  dates of postgraduate studies and of a training abroad;
- a field on the list (logic/fields.yaml, every form and profession) travels as its index in `FIELD_TABLE`;
- a field not on the list loses its name: it travels as "the k-th different field not on the list" and comes back
  as „dziedzina spoza listy nr k”. Equal fields stay equal, and the rules compare fields only by name and by
  whether they are on the list, so the decisions stay the same (outcomes, reasons, dates, steps), but their texts
  no longer name that field: `losses` says so, and "Wynik" shows it as a warning beside the code;
- a course's or studies' name is carried only where the rules read it in place of a missing field (`c.field or
  c.name`, the scope of a credit), and then only as such a field reference, never as text;
- the PWZ number is gone, so the warning about its last letter (`pwz_warnings`) is too: `losses` says so.

`personal_data_free(case)` is exactly what `decode(encode(case))` gives back.

Format, version 1: a positional bit string, no names or tags,

    version (5 bits) | the case (below) | 0–4 zero bits | CRC-16 (16 bits)

written in Crockford's base32 (the digits and the letters without I, L, O, U; read in any letter case, O as 0, I and
L as 1) in groups of four joined by hyphens. The version is the first character ("1…"), so that a code from a newer
release is recognised and refused as such. The check is CRC-16-CCITT (`binascii.crc_hqx`, start 0xFFFF) over the
number of characters and the version-and-case bits: it catches every changed character and every swap of two
neighbouring characters (both change fewer than 16 neighbouring bits) and all but 1 in 65,536 other corruptions;
what passes it must still parse to the last bit and validate as a case.

The case, in this order: profession; PWZ held; employment (None or a list: start, end or "trwa", in the profession,
the unit's field); doctorate and its field; specialist titles; courses; postgraduate studies; training abroad;
specializations (None or a list); state-exam attempts; exemption; goal. A yes/no/unknown answer takes 2 bits, an
enum 2–3 bits with 0 for "nie wiem", a list's length an Exp-Golomb number (0 takes 1 bit, 1–2 take 3); a date its
distance in days from the date before it in the code (the first from 2020-01-01), zigzag, as an Exp-Golomb number
over 9 low bits (10 bits within 8 months, 14 within 4 years, 16 within 10 years: the dates of one case lie close
together, and days since 1900 would take 17 bits each); a field 1 bit when it is the same as the field before it,
2 bits when there is none, else 2 + 5 bits; a number of months exactly (a decimal with up to three places, else its
64-bit float).

Why: the example pielegniarka-specjalizacja.json is 1,727 bytes of JSON, 709 compressed (1,136 characters in
base32); its code is 40 characters (49 with the hyphens: 1DFB-F9NM-B3R1-66J5-0JH3-018Q-5009-1GR8-0FH8-0J0R). A
typical case from the interview (profession, PWZ, one or two periods of work in one field, a goal in that field)
takes 15–24 characters; the other examples 12–24; only a case with many courses, jobs and exam attempts goes
beyond 50. That is short enough to read out in groups of four over the phone and to paste, and base32 without
I/L/O/U spares the letters people mishear or mistype. The bits are packed here because `base64.b32encode` works on
whole bytes and pads to blocks of 8 characters; the check and the alphabet are the standard library's and
Crockford's published table.
"""
from __future__ import annotations

import binascii
import re
import struct
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from pydantic import ValidationError

from .case import (CURRENT_SCHEMA_VERSION, EARLIEST_DAY, LATEST_DAY, Case, Course, CourseKind, Degrees, Employment,
                   ExamResult, Exemption, ExemptionScope, ForeignTraining, Form, Goal, PostgraduateStudies, Profession,
                   RightToPractise, SpecialistTitle, Specialization, SpecializationStatus, StateExamAttempt)
from .common import normalize_field
from .rules.entry import pwz_warnings

VERSION = 1

# Every field (dziedzina) on the list in logic/fields.yaml, in the order of version 1. The codes already given out
# depend on these positions: only ever append (tests/test_casecode.py checks that fields.yaml is covered). A code
# whose field lies beyond the end of this table comes from a newer release.
FIELD_TABLE: tuple[str, ...] = (
    "pielęgniarstwo anestezjologiczne i intensywnej opieki",
    "pielęgniarstwo chirurgiczne",
    "pielęgniarstwo geriatryczne",
    "pielęgniarstwo internistyczne",
    "pielęgniarstwo onkologiczne",
    "pielęgniarstwo operacyjne",
    "pielęgniarstwo opieki długoterminowej",
    "pielęgniarstwo opieki paliatywnej",
    "pielęgniarstwo pediatryczne",
    "pielęgniarstwo psychiatryczne",
    "pielęgniarstwo ratunkowe",
    "pielęgniarstwo rodzinne",
    "ochrona zdrowia pracujących",
    "pielęgniarstwo epidemiologiczne",
    "pielęgniarstwo neonatologiczne",
    "pielęgniarstwo ginekologiczno-położnicze",
    "pielęgniarstwo diabetologiczne",
    "pielęgniarstwo kardiologiczne",
    "pielęgniarstwo nefrologiczne z dializoterapią",
    "pielęgniarstwo neurologiczne",
    "pielęgniarstwo środowiska nauczania i wychowania",
    "pielęgniarstwo transplantacyjne",
    "pielęgniarstwo anestezjologiczne i intensywnej opieki w położnictwie i ginekologii",
)
_FIELD_INDEX = {normalize_field(name): i for i, name in enumerate(FIELD_TABLE)}

# The values of each enum in the order of version 1 (position + 1 in the code; 0 is "nie wiem"). Only append.
PROFESSIONS = (Profession.PIELEGNIARKA, Profession.POLOZNA)
FORMS = (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY, Form.KURS_SPECJALISTYCZNY, Form.KURS_DOKSZTALCAJACY,
         Form.EGZAMIN_PANSTWOWY)
COURSE_KINDS = (CourseKind.KWALIFIKACYJNY, CourseKind.SPECJALISTYCZNY, CourseKind.DOKSZTALCAJACY)
EXAM_RESULTS = (ExamResult.PASSED, ExamResult.FAILED, ExamResult.ABSENT, ExamResult.NOT_TAKEN)
SPECIALIZATION_STATUSES = (SpecializationStatus.IN_PROGRESS, SpecializationStatus.COMPLETED,
                           SpecializationStatus.INTERRUPTED)
SEASONS = ("wiosna", "jesien")
EXEMPTION_SCOPES = (ExemptionScope.CALOSC, ExemptionScope.CZESC)  # before case v3: „całość”, „część”

UNLISTED_FIELD = "dziedzina spoza listy nr {}"
_UNLISTED = re.compile(r"^dziedzina spoza listy nr [1-9][0-9]*$")

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32
_SYMBOL = {ch: i for i, ch in enumerate(ALPHABET)}
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")  # spaces, hyphens and dashes people type between the groups
GROUP = 4
CHECK_BITS = 16
MIN_CHARS = 5  # the version, the check and at least the bits that pad them to whole characters

# --- errors -----------------------------------------------------------------------------------------------------

MESSAGES = {
    "empty": "Wpisz kod sprawy ze strony „Wynik” – pole jest puste.",
    "characters": ("W kodzie jest znak, którego kody sprawy nie używają (są w nich tylko cyfry i litery bez U, bez "
                   "polskich znaków) – sprawdź, czy kod został dobrze przepisany."),
    "short": "Kod jest za krótki – sprawdź, czy został przepisany w całości.",
    "checksum": ("Kod się nie zgadza – sprawdź, czy każdy znak został dobrze przepisany i czy żadnego nie brakuje "
                 "ani nie ma za dużo."),
    "newer": ("Ten kod pochodzi z nowszej wersji asystenta niż ta strona – otwórz go w aktualnej wersji asystenta "
              "albo poproś o kod ze strony „Wynik” w tej wersji."),
    "version": "To nie jest kod sprawy z tego asystenta (nieznana wersja kodu) – poproś o nowy kod ze strony „Wynik”.",
    "damaged": "Kod jest uszkodzony i nie da się go odczytać – poproś o nowy kod ze strony „Wynik”.",
}


class CaseCodeError(ValueError):
    """A code that cannot be read. `str()` is one Polish sentence for the person; `reason` is a stable key of
    MESSAGES (empty, characters, short, checksum, newer, version, damaged)."""

    def __init__(self, reason: str):
        super().__init__(MESSAGES[reason])
        self.reason = reason


class _Damaged(Exception):
    """The bits do not parse as a case of this version (raised inside the reader, turned into CaseCodeError)."""


# --- the case reduced to what the code carries -----------------------------------------------------------------


class _Fields:
    """Field names as the code carries them: None and "" as they are, a listed field by its spelling in
    FIELD_TABLE, any other by its number among the different unlisted fields, in order of first appearance."""

    def __init__(self) -> None:
        self.unlisted: dict[str, int] = {}

    def ref(self, name: str | None) -> tuple[str, int] | None:
        """None for no field, else ("blank" | "listed" | "unlisted", index in FIELD_TABLE or number)."""
        if name is None:
            return None
        if not name.strip():
            return ("blank", 0)
        key = normalize_field(name)
        if key in _FIELD_INDEX:
            return ("listed", _FIELD_INDEX[key])
        return ("unlisted", self.unlisted.setdefault(key, len(self.unlisted) + 1))

    def reduce(self, name: str | None) -> str | None:
        return _name_of(self.ref(name))


def _name_of(ref: tuple[str, int] | None) -> str | None:
    if ref is None:
        return None
    kind, n = ref
    if kind == "blank":
        return ""
    if kind == "listed":
        return FIELD_TABLE[n]
    return UNLISTED_FIELD.format(n)


def personal_data_free(case: Case) -> Case:
    """`case` reduced to what its code carries (see the module docstring): what `decode(encode(case))` returns.

    The keyword arguments below are evaluated in the code's order, so that unlisted fields are numbered in the
    order the code meets them."""
    f = _Fields()
    return Case(
        schema_version=CURRENT_SCHEMA_VERSION,
        profession=case.profession,
        right_to_practise=RightToPractise(held=case.right_to_practise.held),
        employment=None if case.employment is None else [
            Employment(start=e.start, end=e.end, ongoing=e.ongoing, in_profession=e.in_profession,
                       unit_field=f.reduce(e.unit_field)) for e in case.employment],
        degrees=Degrees(doctorate=case.degrees.doctorate, doctorate_field=f.reduce(case.degrees.doctorate_field)),
        specialist_titles=[SpecialistTitle(field=f.reduce(t.field), completed_on=t.completed_on)
                           for t in case.specialist_titles],
        courses=[Course(kind=c.kind, field=(field := f.reduce(c.field)), name=_name_as_scope(f, field, c.name),
                        completed_on=c.completed_on, exam=c.exam, started_on=c.started_on,
                        theory_passed=c.theory_passed, practice_passed=c.practice_passed) for c in case.courses],
        postgraduate_studies=[PostgraduateStudies(field=(field := f.reduce(s.field)),
                                                  name=_name_as_scope(f, field, s.name))
                              for s in case.postgraduate_studies],
        foreign_training=[ForeignTraining(field=f.reduce(t.field), months=t.months,
                                          sworn_translation=t.sworn_translation) for t in case.foreign_training],
        specializations=None if case.specializations is None else [
            Specialization(field=f.reduce(s.field), publicly_funded=s.publicly_funded, status=s.status,
                           started_on=s.started_on, ended_on=s.ended_on, ekk_complete=s.ekk_complete)
            for s in case.specializations],
        state_exam_attempts=[StateExamAttempt(session=a.session, field=f.reduce(a.field), result=a.result)
                             for a in case.state_exam_attempts],
        exemption=None if case.exemption is None else Exemption(
            field=f.reduce(case.exemption.field), scope=case.exemption.scope,
            granted_on=case.exemption.granted_on),
        goal=Goal(form=case.goal.form, field=f.reduce(case.goal.field), publicly_funded=case.goal.publicly_funded,
                  wants_exemption=case.goal.wants_exemption, session=case.goal.session,
                  employer_referral=case.goal.employer_referral, exam_date=case.goal.exam_date),
    )


def _name_as_scope(f: _Fields, field: str | None, name: str | None) -> str | None:
    """A course's or studies' name, kept only where the rules read it in place of a missing field
    (`c.field or c.name` in logic/rules/credits.py), and then only as a field reference."""
    return f.reduce(name) if not field and name and name.strip() else None


def is_placeholder(field: str | None) -> bool:
    """Is `field` the stand-in a decoded case has for a field not on the list („dziedzina spoza listy nr k”)?"""
    return field is not None and bool(_UNLISTED.match(field))


def unlisted_fields(case: Case) -> list[str]:
    """The different fields (and names read as fields) of `case` that are not on the list, as the person wrote
    them, in the code's order: each reaches the consultant only as „dziedzina spoza listy nr k”."""
    f = _Fields()
    seen: dict[int, str] = {}
    for name in _field_texts(case):
        ref = f.ref(name)
        if ref is not None and ref[0] == "unlisted":
            seen.setdefault(ref[1], name)
    return list(seen.values())


def _field_texts(case: Case) -> Iterator[str | None]:
    """Every field the code carries, in the code's order (a course's name only where it stands for its field)."""
    for e in case.employment or []:
        yield e.unit_field
    yield case.degrees.doctorate_field
    for t in case.specialist_titles:
        yield t.field
    for c in case.courses:
        yield c.field
        if not c.field and c.name and c.name.strip():
            yield c.name
    for s in case.postgraduate_studies:
        yield s.field
        if not s.field and s.name and s.name.strip():
            yield s.name
    for t in case.foreign_training:
        yield t.field
    for s in case.specializations or []:
        yield s.field
    for a in case.state_exam_attempts:
        yield a.field
    if case.exemption is not None:
        yield case.exemption.field
    yield case.goal.field


def losses(case: Case) -> list[str]:
    """What a consultant who types this case's code will not see, in Polish sentences (empty when the code carries
    everything the result shows apart from personal data). Each may quote the person's own field names: show them
    with ui.text.plain, to her only."""
    out = []
    unlisted = unlisted_fields(case)
    shown = ", ".join(f"„{name}” jako „{UNLISTED_FIELD.format(k)}”" for k, name in enumerate(unlisted, 1))
    if len(unlisted) == 1:
        out.append(f"Kod nie przenosi nazwy dziedziny spoza naszej listy: konsultant zobaczy {shown}, więc tę nazwę "
                   f"trzeba mu podać.")
    elif unlisted:
        out.append(f"Kod nie przenosi nazw dziedzin spoza naszej listy: konsultant zobaczy {shown}, więc te nazwy "
                   f"trzeba mu podać.")
    if pwz_warnings(case):
        out.append("Kod nie zawiera numeru PWZ, więc konsultant nie zobaczy ostrzeżenia o literze na końcu numeru.")
    if case.edition is not None or case.exam_session is not None or case.exemption_team is not None:
        out.append("Kod nie zawiera danych organizatora (edycja, sesja egzaminu, zespół opiniujący): tej części "
                   "wyniku konsultant nie zobaczy.")
    return out


# --- bits --------------------------------------------------------------------------------------------------------

PIVOT = date(2020, 1, 1)  # the first date of a case is written as its distance from this day, each next one from
#                           the date before it (dates of one case lie close together: work, courses, the goal)
DATE_K = 9  # the low bits of a distance written as they are: 512 days; the rest as an Exp-Golomb number
SESSION_BASE, SESSION_BITS = 2000, 7  # sessions 2000–2099
REF_BITS = 5
_SAME, _NONE, _EXPLICIT = "0", "10", "11"  # a field: as the one before it, none, or a 5-bit reference
_REF_BLANK, _REF_UNLISTED, _REF_FIRST = 0, 1, 2
_REF_EXTENDED = (1 << REF_BITS) - 1  # 31: the table index goes on as an Exp-Golomb number
_MAX_GAMMA_ZEROS = 40
_FIRST_ORDINAL, _LAST_ORDINAL = EARLIEST_DAY.toordinal(), LATEST_DAY.toordinal()


class _Writer:
    def __init__(self) -> None:
        self.value = 0
        self.bits = 0
        self.fields = _Fields()
        self.last_day = PIVOT
        self.last_field: tuple[str, int] | None = None

    def uint(self, n: int, width: int) -> None:
        assert 0 <= n < (1 << width), (n, width)
        self.value = (self.value << width) | n
        self.bits += width

    def prefix(self, bits: str) -> None:
        self.uint(int(bits, 2), len(bits))

    def flag(self, b: bool) -> None:
        self.uint(1 if b else 0, 1)

    def tri(self, v: bool | None) -> None:
        self.uint(0 if v is None else 2 if v else 1, 2)

    def gamma(self, n: int) -> None:
        """Exp-Golomb (order 0) of n ≥ 0: 0 → 1, 1 → 010, 2 → 011, 3 → 00100 …"""
        m = n + 1
        self.uint(0, m.bit_length() - 1)
        self.uint(m, m.bit_length())

    def choice(self, v: Any, options: tuple, width: int) -> None:
        self.uint(0 if v is None else options.index(v) + 1, width)

    def day(self, d: date | None) -> None:
        self.flag(d is not None)
        if d is None:
            return
        delta = (d - self.last_day).days
        z = 2 * delta if delta >= 0 else -2 * delta - 1
        self.gamma(z >> DATE_K)
        self.uint(z & ((1 << DATE_K) - 1), DATE_K)
        self.last_day = d

    def real(self, v: float | None) -> None:
        """Exactly: a decimal n / 10**s (s ≤ 3) when that is the same float, else its 64 bits."""
        self.flag(v is not None)
        if v is None:
            return
        exact = struct.pack(">d", v)
        for s in range(4):
            n = round(v * 10 ** s)
            if n >= 0 and struct.pack(">d", n / 10 ** s) == exact:
                self.flag(False)
                self.uint(s, 2)
                self.gamma(n)
                return
        self.flag(True)
        self.uint(struct.unpack(">Q", exact)[0], 64)

    def field(self, name: str | None) -> None:
        ref = self.fields.ref(name)
        if ref is None:
            self.prefix(_NONE)
            return
        if ref == self.last_field:
            self.prefix(_SAME)
            return
        self.last_field = ref
        self.prefix(_EXPLICIT)
        kind, n = ref
        if kind == "blank":
            self.uint(_REF_BLANK, REF_BITS)
        elif kind == "unlisted":
            self.uint(_REF_UNLISTED, REF_BITS)
            self.gamma(n - 1)
        elif n + _REF_FIRST < _REF_EXTENDED:
            self.uint(n + _REF_FIRST, REF_BITS)
        else:
            self.uint(_REF_EXTENDED, REF_BITS)
            self.gamma(n + _REF_FIRST - _REF_EXTENDED)

    def items(self, items: list | None, write: Callable[[Any], Any], *, optional: bool = False) -> None:
        if optional:
            self.flag(items is not None)
            if items is None:
                return
        assert items is not None
        self.gamma(len(items))
        for item in items:
            write(item)


class _Reader:
    def __init__(self, value: int, bits: int) -> None:
        self.value, self.left = value, bits
        self.last_day = PIVOT
        self.last_field: str | None = None

    def uint(self, width: int) -> int:
        if width > self.left:
            raise _Damaged("out of bits")
        self.left -= width
        return (self.value >> self.left) & ((1 << width) - 1)

    def flag(self) -> bool:
        return self.uint(1) == 1

    def tri(self) -> bool | None:
        v = self.uint(2)
        if v == 3:
            raise _Damaged("tri")
        return None if v == 0 else v == 2

    def gamma(self) -> int:
        zeros = 0
        while self.uint(1) == 0:
            zeros += 1
            if zeros > _MAX_GAMMA_ZEROS:
                raise _Damaged("gamma")
        return ((1 << zeros) | self.uint(zeros)) - 1

    def choice(self, options: tuple, width: int) -> Any:
        v = self.uint(width)
        if v > len(options):
            raise _Damaged("choice")
        return None if v == 0 else options[v - 1]

    def day(self) -> date | None:
        if not self.flag():
            return None
        z = (self.gamma() << DATE_K) | self.uint(DATE_K)
        delta = z // 2 if z % 2 == 0 else -(z + 1) // 2
        ordinal = self.last_day.toordinal() + delta
        if not _FIRST_ORDINAL <= ordinal <= _LAST_ORDINAL:
            raise _Damaged("day")
        self.last_day = date.fromordinal(ordinal)
        return self.last_day

    def real(self) -> float | None:
        if not self.flag():
            return None
        if self.flag():
            return struct.unpack(">d", struct.pack(">Q", self.uint(64)))[0]
        s = self.uint(2)
        return self.gamma() / 10 ** s

    def field(self) -> str | None:
        if self.uint(1) == 0:
            if self.last_field is None:
                raise _Damaged("no field to repeat")
            return self.last_field
        if self.uint(1) == 0:
            return None
        ref = self.uint(REF_BITS)
        if ref == _REF_BLANK:
            name = ""
        elif ref == _REF_UNLISTED:
            name = UNLISTED_FIELD.format(self.gamma() + 1)
        else:
            index = ref - _REF_FIRST if ref < _REF_EXTENDED else _REF_EXTENDED - _REF_FIRST + self.gamma()
            if index >= len(FIELD_TABLE):
                raise CaseCodeError("newer")  # a field appended to the list after this release
            name = FIELD_TABLE[index]
        self.last_field = name
        return name

    def items(self, read: Callable[[], Any], *, optional: bool = False) -> list | None:
        if optional and not self.flag():
            return None
        n = self.gamma()
        if n > self.left:  # every item takes at least one bit
            raise _Damaged("count")
        return [read() for _ in range(n)]


# --- the case, fact by fact (version 1) --------------------------------------------------------------------------


def _write_session(w: _Writer, session: str) -> None:
    year, season = session.split("-")
    w.uint(int(year) - SESSION_BASE, SESSION_BITS)
    w.uint(SEASONS.index(season), 1)


def _read_session(r: _Reader) -> str:
    year = r.uint(SESSION_BITS) + SESSION_BASE
    if year > 2099:
        raise _Damaged("session")
    return f"{year}-{SEASONS[r.uint(1)]}"


def _write_name_for_missing_field(w: _Writer, field: str | None, name: str | None) -> None:
    if not field:
        w.flag(name is not None)
        if name is not None:
            w.field(name)


def _write_case(w: _Writer, c: Case) -> None:
    """The reduced case `c` (from personal_data_free), in the order of version 1; _read_case mirrors it."""
    w.choice(c.profession, PROFESSIONS, 2)
    w.tri(c.right_to_practise.held)

    def employment(e: Employment) -> None:
        w.day(e.start)
        w.uint(2 if e.end is not None else 1 if e.ongoing else 0, 2)
        if e.end is not None:
            w.day(e.end)
        w.tri(e.in_profession)
        w.field(e.unit_field)

    w.items(c.employment, employment, optional=True)
    w.tri(c.degrees.doctorate)
    w.field(c.degrees.doctorate_field)
    w.items(c.specialist_titles, lambda t: (w.field(t.field), w.day(t.completed_on)))

    def course(k: Course) -> None:
        w.choice(k.kind, COURSE_KINDS, 2)
        w.field(k.field)
        _write_name_for_missing_field(w, k.field, k.name)
        w.day(k.completed_on)
        w.choice(k.exam, EXAM_RESULTS, 3)
        w.day(k.started_on)
        w.tri(k.theory_passed)
        w.tri(k.practice_passed)

    w.items(c.courses, course)
    w.items(c.postgraduate_studies, lambda s: (w.field(s.field), _write_name_for_missing_field(w, s.field, s.name)))
    w.items(c.foreign_training, lambda t: (w.field(t.field), w.real(t.months), w.tri(t.sworn_translation)))

    def specialization(s: Specialization) -> None:
        w.field(s.field)
        w.tri(s.publicly_funded)
        w.choice(s.status, SPECIALIZATION_STATUSES, 2)
        w.day(s.started_on)
        w.day(s.ended_on)
        w.tri(s.ekk_complete)

    w.items(c.specializations, specialization, optional=True)
    w.items(c.state_exam_attempts, lambda a: (_write_session(w, a.session), w.field(a.field),
                                              w.choice(a.result, EXAM_RESULTS, 3)))
    w.flag(c.exemption is not None)
    if c.exemption is not None:
        w.field(c.exemption.field)
        w.choice(c.exemption.scope, EXEMPTION_SCOPES, 2)
        w.day(c.exemption.granted_on)
    g = c.goal
    w.choice(g.form, FORMS, 3)
    w.field(g.field)
    w.tri(g.publicly_funded)
    w.tri(g.wants_exemption)
    w.flag(g.session is not None)
    if g.session is not None:
        _write_session(w, g.session)
    w.tri(g.employer_referral)
    w.day(g.exam_date)


def _read_case(r: _Reader) -> dict[str, Any]:
    """The case's data as `Case.model_validate` takes it (only what the code carries)."""
    data: dict[str, Any] = {"schema_version": CURRENT_SCHEMA_VERSION}
    data["profession"] = r.choice(PROFESSIONS, 2)
    data["right_to_practise"] = {"held": r.tri()}

    def employment() -> dict:
        start = r.day()
        end_kind = r.uint(2)
        if end_kind == 3:
            raise _Damaged("end")
        end = r.day() if end_kind == 2 else None
        if end_kind == 2 and end is None:
            raise _Damaged("end")
        return {"start": start, "end": end, "ongoing": end_kind == 1, "in_profession": r.tri(),
                "unit_field": r.field()}

    data["employment"] = r.items(employment, optional=True)
    data["degrees"] = {"doctorate": r.tri(), "doctorate_field": r.field()}
    data["specialist_titles"] = r.items(lambda: {"field": r.field(), "completed_on": r.day()})

    def name_for_missing_field(field: str | None) -> str | None:
        if field:
            return None
        return r.field() if r.flag() else None

    def course() -> dict:
        kind = r.choice(COURSE_KINDS, 2)
        if kind is None:
            raise _Damaged("kind")
        field = r.field()
        return {"kind": kind, "field": field, "name": name_for_missing_field(field), "completed_on": r.day(),
                "exam": r.choice(EXAM_RESULTS, 3), "started_on": r.day(), "theory_passed": r.tri(),
                "practice_passed": r.tri()}

    def studies() -> dict:
        field = r.field()
        return {"field": field, "name": name_for_missing_field(field)}

    data["courses"] = r.items(course)
    data["postgraduate_studies"] = r.items(studies)
    data["foreign_training"] = r.items(lambda: {"field": r.field(), "months": r.real(),
                                                "sworn_translation": r.tri()})
    data["specializations"] = r.items(lambda: {
        "field": r.field(), "publicly_funded": r.tri(), "status": r.choice(SPECIALIZATION_STATUSES, 2),
        "started_on": r.day(), "ended_on": r.day(), "ekk_complete": r.tri()}, optional=True)
    data["state_exam_attempts"] = r.items(lambda: {"session": _read_session(r), "field": r.field(),
                                                   "result": r.choice(EXAM_RESULTS, 3)})
    if r.flag():
        data["exemption"] = {"field": r.field(), "scope": r.choice(EXEMPTION_SCOPES, 2), "granted_on": r.day()}
    data["goal"] = {"form": r.choice(FORMS, 3), "field": r.field(), "publicly_funded": r.tri(),
                    "wants_exemption": r.tri(), "session": _read_session(r) if r.flag() else None,
                    "employer_referral": r.tri(), "exam_date": r.day()}
    return data


# --- the code ----------------------------------------------------------------------------------------------------


def _check(chars: int, message: int, bits: int) -> int:
    """CRC-16-CCITT of the number of characters and the message bits (left-aligned in whole bytes)."""
    pad = -bits % 8
    body = (message << pad).to_bytes((bits + pad) // 8, "big")
    return binascii.crc_hqx(bytes([chars & 0xFF]) + body, 0xFFFF)


def encode(case: Case) -> str:
    """The code of `case` without its personal data, e.g. "1DFB-F9NM-…", in groups of four joined by hyphens."""
    w = _Writer()
    w.uint(VERSION, 5)
    _write_case(w, personal_data_free(case))
    w.uint(0, -(w.bits + CHECK_BITS) % 5)
    chars = (w.bits + CHECK_BITS) // 5
    total = (w.value << CHECK_BITS) | _check(chars, w.value, w.bits)
    symbols = "".join(ALPHABET[(total >> (5 * (chars - 1 - i))) & 31] for i in range(chars))
    return "-".join(symbols[i:i + GROUP] for i in range(0, len(symbols), GROUP))


def normalize(code: str) -> str:
    """The code's characters as `encode` wrote them: without spaces and hyphens, in capitals, O read as 0 and
    I, L as 1. Refuses an empty code and a character no code has."""
    text = _SEPARATORS.sub("", code or "").upper().translate(_READ_AS)
    if not text:
        raise CaseCodeError("empty")
    if any(ch not in _SYMBOL for ch in text):
        raise CaseCodeError("characters")
    return text


def _number(text: str) -> int:
    total = 0
    for ch in text:
        total = (total << 5) | _SYMBOL[ch]
    return total


def code_bytes(code: str) -> bytes:
    """Every bit a code carries (version, case, check) as bytes: all that anyone who reads the code learns."""
    text = normalize(code)
    bits = 5 * len(text)
    return (_number(text) << (-bits % 8)).to_bytes((bits + 7) // 8, "big")


def decode(code: str) -> Case:
    """The case a code carries (equal to `personal_data_free` of the case it was made from). Spaces, hyphens and
    letter case do not matter, nor O for 0 or I, L for 1. Raises CaseCodeError, whose text is one Polish sentence."""
    text = normalize(code)
    if len(text) < MIN_CHARS:
        raise CaseCodeError("short")
    total, bits = _number(text), 5 * len(text) - CHECK_BITS
    message = total >> CHECK_BITS
    if _check(len(text), message, bits) != total & ((1 << CHECK_BITS) - 1):
        raise CaseCodeError("checksum")
    r = _Reader(message, bits)
    version = r.uint(5)
    if version > VERSION:
        raise CaseCodeError("newer")
    if version != VERSION:
        raise CaseCodeError("version")
    try:
        data = _read_case(r)
        if r.left >= 5 or r.uint(r.left) != 0:
            raise _Damaged("trailing bits")
        return Case.model_validate(data)
    except (_Damaged, ValidationError):
        raise CaseCodeError("damaged") from None
