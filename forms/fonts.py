"""The Unicode font of every PDF: DejaVu Sans (regular and bold), prepared once per process.

fpdf2's core fonts are Latin-1 only and cannot print "ł", so the forms embed a TrueType font with full Polish (and
Cyrillic, for Ukrainian names) coverage. We take DejaVu Sans from the matplotlib wheel (mpl-data/fonts/ttf/), a
maintained dependency pinned in requirements.txt, and locate it with `importlib.util.find_spec` so that matplotlib
itself is never imported. DejaVu fonts are free software under the Bitstream Vera / Arev licence (the file
LICENSE_DEJAVU beside the fonts): embedding them in documents is allowed; the subset we embed keeps the font's
name table, so its copyright notice travels with every PDF.

Prepared once per process (with fontTools' public API): each face is cut down to the scripts a Polish form can
need (`REPERTOIRE`, about 1,600 glyphs: the "full" variant) and to what nearly every document prints
(`BASE_CHARACTERS`, about 260 glyphs: the "base" variant), and its advance widths are read into our own table, from
which `FormPDF.measure` sums string widths. fpdf2's `output()` subsets the font of every document with fontTools,
and that takes longer the more glyphs the font holds, so documents are drawn with the base variant; a document that
draws a character outside it is drawn again with the full variant (`FormPDF` notices it in `normalize_text`, which
fpdf2 calls for every text it draws). The choice is made from what was drawn, so a character can never print with
a font that lacks it; both variants hold the same glyphs under the same names, so pages look the same either way.

How a document gets the font – two adapters behind `attach(pdf, variant)`:
- `PublicFonts`, fpdf2's public API only: the prepared variants are written once per process to a private
  temporary folder (mode 0700, removed at exit) and each document calls `FPDF.add_font` on them. fpdf2 then parses
  the small file for every document (about 4 ms for both faces) and opens it with its own fontTools settings (glyph
  bounding boxes recomputed, glyph names rebuilt), which makes `output()` slower too: a typical Annex 1 takes about
  a third longer than the shared way, some 12 ms of CPU (bench/bench_forms.py prints both).
  Works with any fpdf2 version that has `add_font(family, style, fname)`.
- `SharedFonts`, faster: each variant is parsed into one fpdf2 `TTFFont` per process, and each document gets a
  shell sharing its read-only metrics and cmap, with its own glyph subset map, font descriptor and fontTools object
  (fpdf2's `output()` writes the document's object numbers into the descriptor and subsets the fontTools object in
  place). That uses fpdf2's `TTFFont` internals, so it is used only with the fpdf2 versions in `SHARED_FONTS_TESTED`
  and when `TTFFont` still has the attributes it relies on; anything else falls back to `PublicFonts`, so a new
  fpdf2 makes the forms slower, never wrong. tests/test_forms_fonts.py checks that both adapters draw the same
  pages and that documents built one after another and together stay correct.
"""
from __future__ import annotations

import atexit
import copy
import importlib.metadata
import importlib.util
import os
import shutil
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from enum import Enum
from io import BytesIO
from pathlib import Path
from typing import Protocol

from fontTools import subset as ft_subset
from fontTools import ttLib
from fpdf import FPDF

FAMILY = "DejaVuSans"
FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
LICENCE_FILE = "LICENSE_DEJAVU"

# Code-point ranges kept in the embedded font: Latin (Polish and every European Latin letter, Vietnamese),
# spacing and combining accents, Greek, Cyrillic (Ukrainian, Belarusian, Russian …), punctuation, superscripts (the
# footnote marks) and the few symbols the documents draw. Fewer glyphs make every document faster to subset.
# A character outside these prints as "?" (see `printable`), never as an empty box.
REPERTOIRE: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x02B0, 0x02FF), (0x0300, 0x036F), (0x0370, 0x03FF), (0x0400, 0x052F),
    (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2116, 0x2116), (0x2122, 0x2122),
    (0x2190, 0x2199), (0x2212, 0x2212), (0x2264, 0x2265), (0x25A0, 0x25A1), (0x25CF, 0x25CF), (0x2713, 0x2718),
)
# Tables fpdf2 drops anyway when it embeds a font. Hinting is kept: stripping it rewrites every glyph, which
# tripled the time to prepare the font, for a few kilobytes per PDF.
DROPPED_TABLES = ("GSUB", "GPOS", "GDEF", "kern", "hdmx", "FFTM", "MATH", "meta")
# The base variant: what nearly every document prints. ASCII and Latin-1 (names such as "Zoë", "Müller"), the
# Polish letters, and the punctuation and symbols of the templates and the rules' texts.
BASE_CHARACTERS = ("".join(chr(c) for c in range(0x20, 0x7F)) + "".join(chr(c) for c in range(0xA0, 0x100))
                   + "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ" + "§·–—‑−„”“‘’‚‹›…•→←↑↓⁾⁽¹²³⁴⁵⁶⁷⁸⁹⁰°×«»≤≥€№™✓✗")
# fpdf2 versions whose TTFFont internals SharedFonts was checked against (tests/test_forms_fonts.py).
SHARED_FONTS_TESTED = ("2.8.9",)


class FontNotFound(RuntimeError):
    pass


class Variant(str, Enum):
    BASE = "base"
    FULL = "full"


class OutsideBase(Exception):
    """Raised while drawing with the base variant when the document draws a character it lacks: draw again with
    the full variant."""


def font_dir() -> Path:
    """mpl-data/fonts/ttf inside the installed matplotlib package, found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.origin:
        raise FontNotFound("Brak pakietu matplotlib (źródło czcionki DejaVu Sans): uruchom `make run` lub "
                           "`.venv/bin/pip install -r requirements.txt`.")
    path = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"
    missing = [name for name in FILES.values() if not (path / name).is_file()]
    if missing:
        raise FontNotFound(f"Brak plików czcionki {', '.join(missing)} w {path}.")
    return path


def _prepare(source: Path | BytesIO, unicodes) -> bytes:
    """The font cut down to the characters `unicodes`, without layout tables, as TrueType bytes."""
    font = ttLib.TTFont(source, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    for tag in DROPPED_TABLES:
        if tag in font:
            del font[tag]
    options = ft_subset.Options(notdef_outline=True, recommended_glyphs=True, glyph_names=False, hinting=True,
                                layout_features=[], name_IDs=["*"], name_languages=["*"])
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class Face:
    """One style of the font, prepared: both variants as TrueType bytes, and what the layout needs to know."""

    style: str
    data: dict[Variant, bytes]
    glyph_order: dict[Variant, tuple[str, ...]]
    cmap: dict[Variant, dict[int, str]]  # code point → glyph name, per variant
    widths: dict[int, int]  # code point → advance width in 1/1000 em, rounded as fpdf2 rounds it
    missing_width: int  # the width of .notdef


_faces: dict[str, Face] | None = None
_lock = threading.Lock()


def _face(style: str, source: Path) -> Face:
    full = _prepare(source, [u for first, last in REPERTOIRE for u in range(first, last + 1)])
    # Cut from the prepared font (fewer glyphs to go through than the original).
    base = _prepare(BytesIO(full), sorted({ord(c) for c in BASE_CHARACTERS}))
    data = {Variant.FULL: full, Variant.BASE: base}
    glyph_order, cmaps = {}, {}
    for variant, blob in data.items():
        font = ttLib.TTFont(BytesIO(blob), lazy=True)
        glyph_order[variant] = tuple(font.getGlyphOrder())
        cmaps[variant] = font.getBestCmap()
        if variant is Variant.FULL:
            scale = 1000 / font["head"].unitsPerEm
            metrics = font["hmtx"].metrics
            # fpdf2's own rounding of a width (ROUND_HALF_UP), so our sums are the widths it prints with.
            widths = {code: round(scale * metrics[glyph][0] + 0.001) for code, glyph in cmaps[variant].items()}
            missing_width = round(scale * metrics[".notdef"][0])
        font.close()
    return Face(style, data, glyph_order, cmaps, widths, missing_width)


def _load() -> dict[str, Face]:
    global _faces
    if _faces is None:
        with _lock:
            if _faces is None:
                folder = font_dir()
                _faces = {style: _face(style, folder / name) for style, name in FILES.items()}
    return _faces


def faces() -> dict[str, Face]:
    return _load()


def widths(style: str) -> dict[int, int]:
    """Advance widths of face `style` ("" or "B"), code point → 1/1000 em."""
    return _load()[style].widths


def covered(char: str) -> bool:
    return ord(char) in _load()[""].cmap[Variant.FULL]


_BASE_SET = frozenset(BASE_CHARACTERS + "\n\r")  # line breaks are never drawn as glyphs


def in_base(text: str) -> bool:
    """Does the base variant hold every character of `text`?"""
    return _BASE_SET.issuperset(text)


# Characters `printable` keeps as they are: the base set less control and format characters (the soft hyphen).
_KEPT = frozenset(c for c in BASE_CHARACTERS + "\n" if c == "\n" or unicodedata.category(c) not in ("Cc", "Cf"))


def printable(text: str) -> str:
    """`text` in NFC (so "e" + combining ogonek becomes "ę"), with characters the font lacks replaced by "?"."""
    if _KEPT.issuperset(text) and unicodedata.is_normalized("NFC", text):
        return text  # nearly every text: nothing to change
    text = unicodedata.normalize("NFC", text)
    cmap = _load()[""].cmap[Variant.FULL]
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in "\n\t":
            out.append(" " if ch == "\t" else ch)
        elif category in ("Cc", "Cf", "Zl", "Zp"):
            continue  # control and format characters (zero-width spaces, joiners, BOM …) print as nothing
        elif ord(ch) in cmap:
            out.append(ch)
        elif category.startswith("Z"):
            out.append(" ")
        else:
            out.append("?")
    return "".join(out)


# --- the adapters ------------------------------------------------------------------------------------------------


class FontAdapter(Protocol):
    name: str

    def attach(self, pdf: FPDF, variant: Variant) -> None:
        """Make DejaVu Sans (regular and bold) available to `pdf` as family `FAMILY`, in `variant`."""


class PublicFonts:
    """fpdf2's public API: `add_font` on the prepared variants, written once per process to a private folder."""

    name = "public"

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._lock = threading.Lock()

    def path(self, style: str, variant: Variant) -> Path:
        folder = self._folder
        target = folder / f"{FAMILY}{style}-{variant.value}.ttf" if folder else None
        if target is None or not target.is_file():  # first use, or a temp-folder cleaner removed it
            with self._lock:
                if self._folder is None or not self._folder.is_dir():
                    self._folder = Path(tempfile.mkdtemp(prefix="forms-fonts-"))  # mode 0700
                    atexit.register(shutil.rmtree, self._folder, True)
                target = self._folder / f"{FAMILY}{style}-{variant.value}.ttf"
                if not target.is_file():
                    partial = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
                    partial.write_bytes(_load()[style].data[variant])
                    os.replace(partial, target)
        return target

    def attach(self, pdf: FPDF, variant: Variant) -> None:
        for style in FILES:
            pdf.add_font(FAMILY, style, self.path(style, variant))


class SharedFonts:
    """One fpdf2 `TTFFont` per face and variant per process, shared read-only; fpdf2 internals (see the module
    docstring). `supported()` says whether the installed fpdf2 is one this was checked against."""

    name = "shared"
    # What each document gets of its own: output() writes the descriptor, subsets the fontTools object in place,
    # and fills the subset map and the missing-glyph list while the document is drawn.
    PER_DOCUMENT = ("i", "desc", "ttfont", "subset", "missing_glyphs", "biggest_size_pt", "_hbfont")

    def __init__(self) -> None:
        self._templates: dict[tuple[str, Variant], object] = {}
        self._lock = threading.Lock()

    @staticmethod
    def supported() -> bool:
        try:
            from fpdf.fonts import SubsetMap, TTFFont  # noqa: F401  (internals: present in the tested versions)
        except ImportError:
            return False
        version = importlib.metadata.version("fpdf2")
        slots = set(getattr(TTFFont, "__slots__", ()))
        return version in SHARED_FONTS_TESTED and set(SharedFonts.PER_DOCUMENT) | {"cmap", "cw"} <= slots

    def _template(self, style: str, variant: Variant):
        key = (style, variant)
        template = self._templates.get(key)
        if template is None:
            from fpdf.fonts import TTFFont

            with self._lock:
                template = self._templates.get(key)
                if template is None:
                    host = FPDF()
                    template = TTFFont(host, BytesIO(_load()[style].data[variant]),  # type: ignore[arg-type]
                                       f"{FAMILY.lower()}{style}", style)
                    self._templates[key] = template
        return template

    def attach(self, pdf: FPDF, variant: Variant) -> None:
        from fpdf.fonts import SubsetMap, TTFFont

        for style in FILES:
            face = _load()[style]
            template = self._template(style, variant)
            font = TTFFont.__new__(TTFFont)
            for name in TTFFont.__slots__:
                if hasattr(template, name):
                    setattr(font, name, getattr(template, name))
            font.i = len(pdf.fonts) + 1
            font.desc = copy.copy(template.desc)
            # recalcBBoxes=False: the subset keeps the glyph outlines as they are, so nothing needs re-measuring;
            # the glyph order is given, so fontTools need not rebuild glyph names from the cmap.
            ttfont = ttLib.TTFont(BytesIO(face.data[variant]), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
            ttfont.setGlyphOrder(list(face.glyph_order[variant]))
            font.ttfont = ttfont
            font.missing_glyphs = []
            font.biggest_size_pt = 0
            font._hbfont = None
            font.subset = SubsetMap(font)
            pdf.fonts[f"{FAMILY.lower()}{style}"] = font


ADAPTERS: dict[str, type] = {"public": PublicFonts, "shared": SharedFonts}
_adapters: dict[str, FontAdapter] = {}
_default: str | None = None  # the adapter chosen for this process, once


def adapter(name: str | None = None) -> FontAdapter:
    """The adapter called `name`, or the one to use: "shared" when the installed fpdf2 supports it, else "public".
    FORMS_FONTS=public in the environment forces the public one."""
    global _default
    if name is None:
        forced = os.environ.get("FORMS_FONTS")
        if forced in ADAPTERS:
            name = forced
        else:
            if _default is None:
                _default = "shared" if SharedFonts.supported() else "public"
            name = _default
    if name == "shared" and name not in _adapters and not SharedFonts.supported():
        name = "public"
    if name not in _adapters:
        with _lock:
            _adapters.setdefault(name, ADAPTERS[name]())
    return _adapters[name]


def warm_up() -> None:
    """Prepare the font now (e.g. when the app starts) rather than on the first PDF."""
    _load()
    chosen = adapter()
    if isinstance(chosen, SharedFonts):
        for style in FILES:
            chosen._template(style, Variant.BASE)  # pylint: disable=protected-access
