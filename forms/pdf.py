"""The drawing kit shared by the forms: an A4 page with DejaVu Sans, Polish metadata, a footer on every page,
fields written over dotted lines, check boxes, struck-through choices and tables that continue on the next page.

Nothing here knows about a case or a decision: `annex1.py` and `summary.py` map those to plain strings first.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Sequence

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from fpdf.fonts import TTFFont

from logic.clock import WARSAW
from logic.periods import polish_date

from . import fonts

FAMILY = fonts.FAMILY
INK = (0, 0, 0)
GREY = (90, 90, 90)
HEAD_FILL = (232, 232, 232)
LEFT, TOP, RIGHT, BOTTOM = 18.0, 15.0, 18.0, 18.0
PRODUCER = "Asystent kształcenia podyplomowego pielęgniarek i położnych"


def short_date(day: date | None) -> str:
    """dd.mm.rrrr, the way dates are written by hand on Polish forms; "" when unknown."""
    return day.strftime("%d.%m.%Y") if day else ""


CELL_PAD_X, CELL_PAD_Y = 1.2, 1.0


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
    """An A4 portrait document in DejaVu Sans with metadata and the footer the issue asks for."""

    def __init__(self, *, title: str, subject: str, generated_on: date, as_of: date, law_checked_on: date | None):
        super().__init__(orientation="P", unit="mm", format="A4")
        fonts.attach(self)
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

    # --- text --------------------------------------------------------------------------------------------------

    def use(self, size: float, bold: bool = False) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)

    @property
    def content_width(self) -> float:
        return self.w - self.l_margin - self.r_margin

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
                self._ensure_space(height)
                self.set_xy(self.l_margin + indent, self.get_y())
                self.cell(width, height, line, align=Align.coerce(align), link=link or "")
                self.set_xy(self.l_margin, self.get_y() + height)
        self.set_text_color(*INK)

    def measure(self, text: str) -> float:
        """Width of `text` in the current font (mm), summed from the font's advance widths.

        fpdf2's get_string_width runs the text through its bidi and style preprocessing first, which made measuring
        the slowest part of laying out a form; our text is printable() left-to-right plain text in a TrueType font
        without kerning, so the plain sum is what fpdf2 itself would print.
        """
        font = self.current_font
        if not isinstance(font, TTFFont):
            return self.get_string_width(text)
        widths = font.cw
        return sum(widths[ord(c)] for c in text) * self.font_size_pt * 0.001 / self.k

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
        self._ensure_space(line_height * max(lines, 1) + (3 if caption else 0))
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
                self._ensure_space(line_height)
            y = self.get_y()
            self.dotted(x, right, y + line_height - 1.0)
            if i < len(parts):
                self.set_xy(x + 0.5, y)
                self.cell(right - x - 0.5, line_height - 0.6, parts[i])
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

    def slot(self, x1: float, x2: float, y: float, value: str | None, caption: str | None, *,
             size: float = 9, line_height: float = 6.0) -> None:
        """A short dotted slot at (x1..x2, y) with an optional value above and a caption below (signatures, year)."""
        self.dotted(x1, x2, y + line_height - 1.0)
        if value:
            self.use(size)
            text = fonts.printable(value)
            while len(text) > 1 and self.measure(text) > x2 - x1 - 1:
                text = text[:-2] + "…"
            self.set_xy(x1, y)
            self.cell(x2 - x1, line_height - 0.6, text, align=Align.C)
        if caption:
            self.use(6.5)
            self.set_text_color(*GREY)
            top = y + line_height - 0.4
            for i, line in enumerate(self.wrap(fonts.printable(caption), x2 - x1, x2 - x1)):
                self.set_xy(x1, top + i * 2.8)
                self.cell(x2 - x1, 2.8, line, align=Align.C)
            self.set_xy(x1, self.get_y() + 2.8)
            self.set_text_color(*INK)
        self.use(size)

    def checkbox(self, x: float, y: float, checked: bool, size: float = 3.6) -> None:
        """A square box with a bold "X" inside when checked (the template: mark the title held with "x")."""
        self.rect(x, y, size, size)
        if checked:
            self.use(size * 2.3, True)
            self.set_xy(x, y + 0.1)
            self.cell(size, size, "X", align=Align.C)
            self.use(9)

    def _ensure_space(self, height: float) -> None:
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    # --- tables ------------------------------------------------------------------------------------------------

    def grid(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, blank_rows: int = 3,
             blank_height: float = 7.5, size: float = 7.8, heading_size: float = 7.0,
             row_height: float = 6.0, title: str | None = None) -> None:
        """A bordered table: text wraps inside its cell, rows grow with it, and the heading row repeats on every page
        the table continues on. An empty table keeps `blank_rows` blank rows for handwriting. `title` (the point's
        heading) stays on the same page as the heading row and the first row.
        """
        widths = [c.width * self.content_width for c in columns]
        heading = _Row([fonts.printable(c.heading) for c in columns], heading_size, True, 0.0, "CENTER")
        body = [_Row([fonts.printable(t or "") for t in r], size, False, row_height, None) for r in rows]
        if not body:
            body = [_Row([""] * len(columns), size, False, blank_height, None) for _ in range(blank_rows)]
        for row in (heading, *body):
            self._layout(row, widths, columns)
        title_height = 7.3 if title else 0.0
        # Keep the title, the heading row and the first row together (all the rows of a blank table).
        first = min(sum(r.height for r in body) if not rows else body[0].height, 60.0)  # a giant row splits anyway
        self._ensure_space(title_height + heading.height + first)
        if title:
            self.ln(1.5)
            self.paragraph(title, size=9, line_height=5.0)
            self.ln(0.8)
        self._draw_row(heading, widths, columns, fill=True)
        for row in body:
            self._draw_row(row, widths, columns, heading=heading)
        self.use(9)

    def _layout(self, row: "_Row", widths: list[float], columns: Sequence[Column]) -> None:
        self.use(row.size, row.bold)
        row.lines = [self.wrap(text, w - 2 * CELL_PAD_X, w - 2 * CELL_PAD_X) if text.strip() else []
                     for text, w in zip(row.cells, widths)]
        row.line_height = row.size * 0.42
        content = max((len(lines) for lines in row.lines), default=0) * row.line_height
        row.height = max(row.min_height, content + 2 * CELL_PAD_Y)

    def _draw_row(self, row: "_Row", widths: list[float], columns: Sequence[Column], *, fill: bool = False,
                  heading: "_Row | None" = None) -> None:
        """Draw one row. A row that does not fit moves to a new page, after the heading row repeated there; a row
        taller than a whole page is split across pages line by line, so no text is ever lost or overflows."""
        start = 0
        remaining = max((len(lines) for lines in row.lines or []), default=0)
        heading_height = heading.height if heading else 0.0
        while True:
            height = row.height if start == 0 else remaining * row.line_height + 2 * CELL_PAD_Y
            room = self.page_break_trigger - self.get_y()
            if height <= room:
                self._draw_cells(row, widths, columns, start, remaining, height, fill)
                return
            at_top = self.get_y() <= self.t_margin + heading_height + 0.5
            fits = int((room - 2 * CELL_PAD_Y) // row.line_height) if row.line_height else 0
            if at_top or height > self.page_break_trigger - self.t_margin - heading_height:
                if fits >= 1 and remaining > fits:
                    self._draw_cells(row, widths, columns, start, fits, room, fill)
                    start += fits
                    remaining -= fits
            self.add_page()
            if heading is not None:
                self._draw_row(heading, widths, columns, fill=True)

    def _draw_cells(self, row: "_Row", widths: list[float], columns: Sequence[Column], start: int, take: int,
                    height: float, fill: bool) -> None:
        y = self.get_y()
        x = self.l_margin
        self.use(row.size, row.bold)
        if fill:
            with self.local_context():
                self.set_fill_color(*HEAD_FILL)
                self.rect(self.l_margin, y, sum(widths), height, style="F")
        for lines, w, column in zip(row.lines, widths, columns):
            self.rect(x, y, w, height)
            chunk = lines[start:start + take]
            top = y + (height - len(chunk) * row.line_height) / 2  # vertically centred, like the template
            align = Align.coerce(row.align or column.align)
            for i, line in enumerate(chunk):
                self.set_xy(x + CELL_PAD_X, top + i * row.line_height)
                self.cell(w - 2 * CELL_PAD_X, row.line_height, line, align=align)
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
        left = (f"Wygenerowano {polish_date(self.generated_on)} · ocena na dzień {polish_date(self.as_of)} · "
                f"stan prawny na dzień {polish_date(self.law_checked_on)}")
        self.set_xy(self.l_margin, self.get_y() + 1)
        self.cell(self.content_width - 25, 4, left)
        self.cell(25, 4, f"strona {self.page_no()} z {{nb}}", align=Align.R)
        self.set_text_color(*INK)

    def output(self, *args, **kwargs):  # type: ignore[override]
        """fpdf2's output(), after `fonts.settle` has chosen for each face the smaller font to subset when the
        document's glyphs allow it."""
        fonts.settle(self)
        return super().output(*args, **kwargs)

    def to_bytes(self) -> bytes:
        """The finished PDF as bytes (st.download_button refuses a bytearray)."""
        return bytes(self.output())
