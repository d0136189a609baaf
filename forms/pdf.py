"""The drawing kit shared by the forms: an A4 page with DejaVu Sans, Polish metadata, a footer on every page,
fields written over dotted lines, check boxes, struck-through choices and tables that continue on the next page.

Nothing here knows about a case or a decision: `annex1.py` and `summary.py` map those to plain strings first.

Why the tables and the line breaking of Annex 1 are our own and not fpdf2's `table()` / `multi_cell()`: fpdf2's line
breaker measures a line again after every character it adds, which made a typical Annex 1 built with `table()` take
76 ms instead of 29 ms (and the 26-job extreme case 434 ms instead of 77 ms) – past the 50 ms budget of a form the
organizer's ZIP builds 1,000 times – and `table()` refuses a row taller than a page (ValueError), where a
request for credit may carry a very long description. So `wrap` breaks lines word by word with widths summed from
the font's own width table, `grid` draws the rows, and each line is placed with fpdf2's `text()` (`put`), a quarter
of the cost of `cell()`; all tested in tests/test_forms_pdf.py (bench/bench_forms.py prints the `table()` figure
beside ours). Page breaks are decided with fpdf2's `will_page_break()`. The summary, which has no such budget, uses
fpdf2's `multi_cell` and `write`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Sequence

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from logic.clock import WARSAW
from logic.periods import polish_date

from . import fonts

FAMILY = fonts.FAMILY
INK = (0, 0, 0)
GREY = (90, 90, 90)
HEAD_FILL = (232, 232, 232)
LEFT, TOP, RIGHT, BOTTOM = 18.0, 15.0, 18.0, 18.0
PRODUCER = "Asystent kształcenia podyplomowego pielęgniarek i położnych"
CONTINUED = "(cd.)"  # after a point's title on the pages its table continues on


def short_date(day: date | None) -> str:
    """dd.mm.rrrr, the way dates are written by hand on Polish forms; "" when unknown."""
    return day.strftime("%d.%m.%Y") if day else ""


CELL_PAD_X, CELL_PAD_Y = 1.2, 1.0
TITLE_SIZE, TITLE_LINE = 9.0, 5.0  # a point's title above its table
TITLE_BEFORE, TITLE_AFTER = 1.5, 0.8


@dataclass
class _Row:
    cells: list[str]
    size: float
    bold: bool
    min_height: float
    align: str | None
    lines: list[list[str]] | None = None
    line_height: float = 0.0
    height: float = 0.0


@dataclass(frozen=True)
class Column:
    heading: str
    width: float  # a fraction; the columns of a table add up to 1
    align: str = "LEFT"


class FormPDF(FPDF):
    """An A4 portrait document in DejaVu Sans with metadata and the footer the issue asks for.

    `as_of` is the day of the assessment the document shows; None (a blank form) leaves "ocena na dzień" out of
    the footer. `variant` is the font variant drawn with: build documents with `render`, which starts with the
    small base variant and draws again with the full one when the document needs it.
    """

    def __init__(self, *, title: str, subject: str, generated_on: date, as_of: date | None,
                 law_checked_on: date | None, variant: fonts.Variant = fonts.Variant.FULL,
                 font_adapter: fonts.FontAdapter | None = None):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.variant = variant
        (font_adapter or fonts.adapter()).attach(self, variant)
        self.set_margins(LEFT, TOP, RIGHT)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.set_title(title)
        self.set_subject(subject)
        self.set_lang("pl-PL")
        self.set_creator(PRODUCER)
        self.set_producer(PRODUCER)
        # The creation date is the generation day, so a document is a pure function of its inputs (tests pin it).
        self.set_creation_date(datetime.combine(generated_on, time(0, 0), tzinfo=WARSAW))
        self.alias_nb_pages()
        self.generated_on = generated_on
        self.as_of = as_of
        self.law_checked_on = law_checked_on or as_of
        self.set_text_color(*INK)
        self.set_draw_color(*INK)
        self.set_line_width(0.2)
        self.c_margin = 0  # cells are padded explicitly, so a wrapped line uses exactly the width it was wrapped to
        self.use(9)

    def normalize_text(self, text: str) -> str:
        """fpdf2 calls this for every text it draws: drawing with the base variant, a character it lacks means the
        document must be drawn again with the full font (see `render`)."""
        if self.variant is fonts.Variant.BASE and not fonts.in_base(text):
            raise fonts.OutsideBase(text)
        return super().normalize_text(text)

    # --- text --------------------------------------------------------------------------------------------------

    def use(self, size: float, bold: bool = False) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)

    @property
    def content_width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one (fpdf2's `will_page_break`)."""
        if self.will_page_break(height):
            self.add_page()

    def paragraph(self, text: str, *, size: float = 9, bold: bool = False, align: str = "LEFT",
                  line_height: float | None = None, markdown: bool = False, indent: float = 0.0,
                  colour: tuple[int, int, int] = INK, link: str | None = None) -> None:
        """Wrapped text across the page width (minus `indent`); `markdown` only for the template's own words."""
        self.use(size, bold)
        self.set_text_color(*colour)
        height = line_height or size * 0.5
        width = self.content_width - indent
        if markdown:
            self.set_x(self.l_margin + indent)
            self.multi_cell(width, height, fonts.printable(text), align=Align.coerce(align), markdown=True,
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            for line in self.wrap(fonts.printable(text), width, width):
                self.keep(height)
                if link:
                    self.set_xy(self.l_margin + indent, self.get_y())
                    self.cell(width, height, line, align=Align.coerce(align), link=link)
                else:
                    self.put(self.l_margin + indent, self.get_y(), width, height, line, align)
                self.set_xy(self.l_margin, self.get_y() + height)
        self.set_text_color(*INK)

    def put(self, x: float, y: float, width: float, height: float, text: str, align: str = "L") -> None:
        """One line of text in the box (x, y, width, height), vertically centred as fpdf2's `cell` centres it, with
        fpdf2's `text()`: a quarter of the cost of `cell()`, which a form calls some 150 times. The line must fit
        (it comes from `wrap`)."""
        if align in ("C", "R", "CENTER", "RIGHT"):
            free = width - self.measure(text)
            x += free / 2 if align in ("C", "CENTER") else free
        self.text(x, y + 0.5 * height + 0.3 * self.font_size, text)

    def measure(self, text: str) -> float:
        """Width of `text` in the current font (mm), summed from the font's advance widths (`fonts.widths`).

        fpdf2's get_string_width runs the text through its bidi and style preprocessing first, which made measuring
        the slowest part of laying out a form; our text is printable() left-to-right plain text in a TrueType font
        without kerning, so the plain sum is what fpdf2 itself prints (a test compares the two).
        """
        table = fonts.widths("B" if "B" in self.font_style else "")
        try:
            units = sum(map(table.__getitem__, map(ord, text)))
        except KeyError:
            return self.get_string_width(text)
        return units * self.font_size_pt * 0.001 / self.k

    def wrap(self, text: str, first_width: float, width: float) -> list[str]:
        """Greedy word wrap in the current font: the first line may be shorter; a word too long for a line is cut.

        Widths are summed word by word (fpdf2's own line breaker measures character by character, which made
        tables the slowest part of a form). A newline in `text` starts a new line.
        """
        space = self.measure(" ")
        lines: list[str] = []
        limit = first_width
        for paragraph in text.split("\n"):
            words: list[str] = []
            used = 0.0
            for word in paragraph.split():
                w = self.measure(word)
                wanted = w if not words else used + space + w
                if wanted <= limit:
                    words.append(word)
                    used = wanted
                    continue
                if words:
                    lines.append(" ".join(words))
                    limit = width
                    words, used = [], 0.0
                while w > limit and len(word) > 1:
                    cut = self._fit(word, limit)
                    lines.append(word[:cut])
                    limit = width
                    word = word[cut:]
                    w = self.measure(word)
                words, used = [word], w
            lines.append(" ".join(words))
            limit = width
        while len(lines) > 1 and not lines[-1]:
            lines.pop()
        return [] if lines == [""] else lines

    def _fit(self, word: str, limit: float) -> int:
        """How many leading characters of `word` fit in `limit` (at least one)."""
        low, high = 1, len(word)
        while low < high:
            mid = (low + high + 1) // 2
            if self.measure(word[:mid]) <= limit:
                low = mid
            else:
                high = mid - 1
        return low

    def dotted(self, x1: float, x2: float, y: float) -> None:
        with self.local_context():
            self.set_draw_color(*GREY)
            self.set_line_width(0.15)
            self.set_dash_pattern(dash=0.4, gap=0.7)
            self.line(x1, y, x2, y)

    def field(self, label: str, value: str | None, *, lines: int = 1, size: float = 9, line_height: float = 6.0,
              min_first: float = 35.0, caption: str | None = None, reserve: float = 0.0) -> None:
        """`label` then `value` written over dotted lines; at least `lines` lines, more when the value is long.

        The value starts on the label's line when at least `min_first` mm remain, otherwise on the next line.
        An empty value leaves the dotted lines for handwriting. `caption` prints small, under the last line.
        `reserve` keeps that many mm free at the right of every line (for a slot drawn beside the field).
        """
        self.use(size)
        right = self.w - self.r_margin - reserve
        self.keep(line_height * max(lines, 1) + (3 if caption else 0))
        self.set_x(self.l_margin)
        x = self.l_margin
        if label:
            label = fonts.printable(label)
            label_width = self.measure(label)
            if label_width <= self.content_width:
                self.cell(label_width, line_height, label)
                x = self.l_margin + label_width + 1.5
            else:
                self.multi_cell(self.content_width, line_height, label, new_x=XPos.END, new_y=YPos.LAST)
                x = self.get_x() + 1.5
        first = right - x
        if first < min_first:
            self.ln(line_height)
            x, first = self.l_margin, right - self.l_margin
        text = fonts.printable(value or "")
        parts = self.wrap(text, first - 1, right - self.l_margin - 1) if text.strip() else []
        count = max(lines, len(parts), 1)
        for i in range(count):
            if i > 0:
                self.ln(line_height)
                x = self.l_margin
                self.keep(line_height)
            y = self.get_y()
            self.dotted(x, right, y + line_height - 1.0)
            if i < len(parts):
                self.put(x + 0.5, y, right - x - 0.5, line_height - 0.6, parts[i])
            self.set_xy(self.l_margin, y)
        self.ln(line_height)
        if caption:
            self.caption_below(caption, self.l_margin, right)

    def caption_below(self, caption: str, x1: float, x2: float, size: float = 6.5) -> None:
        self.use(size)
        self.set_text_color(*GREY)
        self.set_xy(x1, self.get_y() - 0.6)
        self.cell(x2 - x1, 3, fonts.printable(caption), align=Align.C)
        self.set_text_color(*INK)
        self.ln(3.2)
        self.use(9)

    # --- slots (a year, a place and date, a signature) ----------------------------------------------------------

    SLOT_CAPTION_SIZE, SLOT_CAPTION_LINE = 6.5, 2.8

    def slot_lines(self, x1: float, x2: float, value: str | None, size: float = 9) -> list[str]:
        """`value` wrapped to the slot's width: a long value takes more lines, it is never cut."""
        self.use(size)
        text = fonts.printable(value or "")
        return self.wrap(text, x2 - x1 - 1, x2 - x1 - 1) if text.strip() else []

    def slot_height(self, x1: float, x2: float, value: str | None, caption: str | None, *, size: float = 9,
                    line_height: float = 6.0, lines: int = 1) -> float:
        """The height `slot` takes: its lines, and its caption under them."""
        count = max(lines, len(self.slot_lines(x1, x2, value, size)), 1)
        self.use(self.SLOT_CAPTION_SIZE)
        caption_lines = len(self.wrap(fonts.printable(caption), x2 - x1, x2 - x1)) if caption else 0
        self.use(size)
        return line_height + (count - 1) * size * 0.5 + caption_lines * self.SLOT_CAPTION_LINE

    def slot(self, x1: float, x2: float, y: float, value: str | None, caption: str | None, *,
             size: float = 9, line_height: float = 6.0, lines: int = 1) -> float:
        """A dotted slot at (x1..x2, y) with the value written above its dotted line and a caption below
        (signatures, a year, the place and date). A value too long for one line wraps onto more lines, the last
        one on the dotted line; `lines` is the least number of lines (to align slots side by side).
        Returns the y under the caption."""
        parts = self.slot_lines(x1, x2, value, size)
        count = max(lines, len(parts), 1)
        inner = size * 0.5  # the lines of a wrapped value, above the last one
        bottom = y + line_height + (count - 1) * inner
        self.dotted(x1, x2, bottom - 1.0)
        self.use(size)
        for i, line in enumerate(parts):  # the value's last line sits right above the dotted line
            self.put(x1, bottom - line_height - (len(parts) - 1 - i) * inner, x2 - x1, line_height - 0.6, line, "C")
        end = bottom
        if caption:
            self.use(self.SLOT_CAPTION_SIZE)
            self.set_text_color(*GREY)
            top = bottom - 0.4
            for i, line in enumerate(self.wrap(fonts.printable(caption), x2 - x1, x2 - x1)):
                self.put(x1, top + i * self.SLOT_CAPTION_LINE, x2 - x1, self.SLOT_CAPTION_LINE, line, "C")
                end = top + (i + 1) * self.SLOT_CAPTION_LINE
            self.set_text_color(*INK)
        self.use(size)
        return end

    def checkbox(self, x: float, y: float, checked: bool, size: float = 3.6) -> None:
        """A square box with a bold "X" inside when checked (the template: mark the title held with "x")."""
        self.rect(x, y, size, size)
        if checked:
            self.use(size * 2.3, True)
            self.set_xy(x, y + 0.1)
            self.cell(size, size, "X", align=Align.C)
            self.use(9)

    # --- tables ------------------------------------------------------------------------------------------------

    def grid(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, blank_rows: int = 3,
             blank_height: float = 7.5, size: float = 7.8, heading_size: float = 7.0,
             row_height: float = 6.0, title: str | None = None, handwriting_from: int = 1,
             keep_after: float = 0.0) -> None:
        """A bordered table: text wraps inside its cell, rows grow with it, and every page the table continues on
        repeats the point's `title` (with "(cd.)") and the heading row. An empty table keeps `blank_rows` blank
        rows for handwriting; a row whose cells from `handwriting_from` on are empty is at least as tall as
        those (`blank_height`). The title, the heading row and the first row stay together; `keep_after` mm
        (what follows the table, e.g. the signatures) stay on the page of the last row.
        """
        widths = [c.width * self.content_width for c in columns]
        heading = _Row([fonts.printable(c.heading) for c in columns], heading_size, True, 0.0, "CENTER")
        body = []
        for r in rows:
            cells = [fonts.printable(t or "") for t in r]
            blank = not any(t.strip() for t in cells[handwriting_from:])
            body.append(_Row(cells, size, False, max(row_height, blank_height) if blank else row_height, None))
        if not body:
            body = [_Row([""] * len(columns), size, False, blank_height, None) for _ in range(blank_rows)]
        for row in (heading, *body):
            self._layout(row, widths)
        first_title = self._title_height(title)
        again_title = self._title_height(f"{title} {CONTINUED}" if title else None)

        def top(continued: bool) -> None:
            if title:
                self.ln(TITLE_BEFORE)
                self.paragraph(f"{title} {CONTINUED}" if continued else title, size=TITLE_SIZE,
                               line_height=TITLE_LINE)
                self.ln(TITLE_AFTER)
            self._draw_cells(heading, widths, columns, 0, len(heading.lines or []), heading.height, True)

        # Keep the title, the heading row and the first row together (all the rows of a blank table).
        first = min(sum(r.height for r in body) if not rows else body[0].height, 60.0)  # a giant row splits anyway
        if len(body) == 1:
            first += keep_after
        self.keep(first_title + heading.height + first)
        top(False)
        repeat = _Repeat(lambda: top(True), again_title + heading.height)
        for n, row in enumerate(body):
            self._draw_row(row, widths, columns, repeat, keep_after if n == len(body) - 1 else 0.0)
        self.use(9)

    def _title_height(self, title: str | None) -> float:
        if not title:
            return 0.0
        self.use(TITLE_SIZE)
        return TITLE_BEFORE + len(self.wrap(fonts.printable(title), self.content_width, self.content_width)) \
            * TITLE_LINE + TITLE_AFTER

    def _layout(self, row: "_Row", widths: list[float]) -> None:
        self.use(row.size, row.bold)
        row.lines = [self.wrap(text, w - 2 * CELL_PAD_X, w - 2 * CELL_PAD_X) if text.strip() else []
                     for text, w in zip(row.cells, widths)]
        row.line_height = row.size * 0.42
        content = max((len(lines) for lines in row.lines), default=0) * row.line_height
        row.height = max(row.min_height, content + 2 * CELL_PAD_Y)

    def _draw_row(self, row: "_Row", widths: list[float], columns: Sequence[Column], repeat: "_Repeat",
                  extra: float) -> None:
        """Draw one row with `extra` mm free under it. A row that does not fit moves to a new page, after the
        title and heading row repeated there; a row taller than a page is split across pages line by line, so no
        text is ever lost or overflows (its last part keeps `extra` mm under it)."""
        start = 0
        remaining = max((len(lines) for lines in row.lines or []), default=0)
        while True:
            height = row.height if start == 0 else remaining * row.line_height + 2 * CELL_PAD_Y
            room = self.page_break_trigger - self.get_y()
            if height + extra <= room:
                self._draw_cells(row, widths, columns, start, remaining, height, False)
                return
            fresh_page = self.page_break_trigger - self.t_margin - repeat.height
            at_top = self.get_y() <= self.t_margin + repeat.height + 0.5
            if at_top or height + extra > fresh_page:
                fits = int((room - 2 * CELL_PAD_Y) // row.line_height) if row.line_height else 0
                take = min(fits, remaining - 1)  # at least one line goes on with what follows the table
                if take >= 1:
                    self._draw_cells(row, widths, columns, start, take, room, False)
                    start += take
                    remaining -= take
                elif at_top:  # nothing to split: draw it here rather than loop
                    self._draw_cells(row, widths, columns, start, remaining, height, False)
                    return
            self.add_page()
            repeat.draw()

    def _draw_cells(self, row: "_Row", widths: list[float], columns: Sequence[Column], start: int, take: int,
                    height: float, fill: bool) -> None:
        y = self.get_y()
        x = self.l_margin
        self.use(row.size, row.bold)
        if fill:
            with self.local_context():
                self.set_fill_color(*HEAD_FILL)
                self.rect(self.l_margin, y, sum(widths), height, style="F")
        for lines, w, column in zip(row.lines or [], widths, columns):
            self.rect(x, y, w, height)
            chunk = lines[start:start + take]
            top = y + (height - len(chunk) * row.line_height) / 2  # vertically centred, like the template
            align = row.align or column.align
            for i, line in enumerate(chunk):
                self.put(x + CELL_PAD_X, top + i * row.line_height, w - 2 * CELL_PAD_X, row.line_height, line,
                         align)
            x += w
        self.set_xy(self.l_margin, y + height)

    # --- page furniture ----------------------------------------------------------------------------------------

    def footer(self) -> None:
        self.set_y(-12)
        with self.local_context():
            self.set_draw_color(*GREY)
            self.set_line_width(0.1)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.use(6.8)
        self.set_text_color(*GREY)
        parts = [f"Wygenerowano {polish_date(self.generated_on)}"]
        if self.as_of:
            parts.append(f"ocena na dzień {polish_date(self.as_of)}")
        if self.law_checked_on:
            parts.append(f"stan prawny na dzień {polish_date(self.law_checked_on)}")
        self.set_xy(self.l_margin, self.get_y() + 1)
        self.cell(self.content_width - 25, 4, " · ".join(parts))
        self.cell(25, 4, f"strona {self.page_no()} z {{nb}}", align=Align.R)
        self.set_text_color(*INK)

    def to_bytes(self) -> bytes:
        """The finished PDF as bytes (st.download_button refuses a bytearray)."""
        return bytes(self.output())


@dataclass(frozen=True)
class _Repeat:
    """What a table draws at the top of each page it continues on, and how tall that is."""

    draw: Callable[[], None]
    height: float


def render(draw: Callable[[FormPDF], None], **document) -> bytes:
    """A document drawn by `draw` on a `FormPDF(**document)`, as PDF bytes: with the font's small base variant, or,
    when the document draws a character the base variant lacks, drawn again with the full one."""
    try:
        pdf = FormPDF(variant=fonts.Variant.BASE, **document)
        draw(pdf)
    except fonts.OutsideBase:
        pdf = FormPDF(variant=fonts.Variant.FULL, **document)
        draw(pdf)
    return pdf.to_bytes()
