"""The Unicode font of every PDF: DejaVu Sans (regular and bold), prepared once per process.

fpdf2's core fonts are Latin-1 only and cannot print "ł", so the forms embed a TrueType font with full Polish (and
Cyrillic, for Ukrainian names) coverage. We take DejaVu Sans from the matplotlib wheel (mpl-data/fonts/ttf/), a
maintained dependency pinned in requirements.txt, and locate it with `importlib.util.find_spec` so that matplotlib
itself is never imported. DejaVu fonts are free software under the Bitstream Vera / Arev licence (the file
LICENSE_DEJAVU beside the fonts): embedding them in documents is allowed; the subset we embed keeps the font's
name table, so its copyright notice travels with every PDF.

Why a cache: `FPDF.add_font` parses the whole font (about 6,000 glyphs) for every document and `output()` then
subsets it, which took ~100 ms per one-page form. Here the font is parsed once per process and cut down to the
scripts a Polish form can need (`REPERTOIRE`): the template `TTFFont` (metrics, cmap, widths) is shared read-only by
every document, and each document gets its own `TTFFont` shell: its own glyph subset map, font descriptor (to which
`output()` gives the document's object numbers and font file) and fontTools object, because fpdf2's `output()`
subsets that object in place and closes it. This relies on fpdf2's `TTFFont` internals, so fpdf2 is pinned exactly
and `tests/test_forms_pdf.py` builds documents one after another and together to check the sharing stays correct.

Why two variants: fpdf2's `output()` subsets each face with fontTools for every document, and that takes longer
the more glyphs the font it is given holds (about 1,600 in `REPERTOIRE`). So each face is also prepared as a small
"base" font (`BASE_CHARACTERS`: ASCII, Latin-1, the Polish letters and the punctuation the templates and rule texts
print, about 260 glyphs), which cut the time of a typical Annex 1 by about a fifth.
Documents are always drawn with the full face (same metrics and cmap); just before `output()`, `settle(pdf)` gives
fpdf2 the base font to subset instead when every glyph the document actually drew is in it, with the same glyph
name and so the same outline. The choice is made from what was drawn, not predicted from the input, so a character
outside the base set can never print with the base font: such a document simply keeps the full font. fpdf2 embeds
the same glyphs either way, so the pages look the same.
"""
from __future__ import annotations

import copy
import importlib.util
import threading
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from fontTools import subset as ft_subset
from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap, TTFFont

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


class FontNotFound(RuntimeError):
    pass


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
class _Face:
    style: str
    data: bytes  # the prepared TrueType font (`REPERTOIRE`)
    template: TTFFont  # parsed once; its cmap, widths and descriptor are shared by every document
    glyph_order: tuple[str, ...]  # given to each document's copy, so fontTools need not rebuild glyph names
    base_data: bytes  # the base variant (`BASE_CHARACTERS`)
    base_glyph_order: tuple[str, ...]
    base_glyphs: frozenset[str]  # glyph names of the template that the base variant holds under the same name


_faces: dict[str, _Face] | None = None
_lock = threading.Lock()


def _fonttools(data: bytes, glyph_order: tuple[str, ...]) -> ttLib.TTFont:
    # recalcBBoxes=False: the subset keeps the glyph outlines as they are, so nothing needs re-measuring.
    font = ttLib.TTFont(BytesIO(data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    font.setGlyphOrder(list(glyph_order))
    return font


def _load() -> dict[str, _Face]:
    global _faces
    if _faces is None:
        with _lock:
            if _faces is None:
                folder = font_dir()
                host = FPDF()
                faces = {}
                for style, name in FILES.items():
                    data = _prepare(folder / name, [u for first, last in REPERTOIRE for u in range(first, last + 1)])
                    template = TTFFont(host, BytesIO(data), f"{FAMILY.lower()}{style}", style)  # type: ignore[arg-type]
                    # Cut from the prepared font (fewer glyphs to go through than the original).
                    base_data = _prepare(BytesIO(data), sorted({ord(c) for c in BASE_CHARACTERS}))
                    base = ttLib.TTFont(BytesIO(base_data), lazy=True)
                    base_cmap = base.getBestCmap()
                    # A glyph counts as in the base variant only under the very name fpdf2 asks for it by (the
                    # template's), for the same character: the names come from the cmap, so same name, same outline.
                    base_glyphs = frozenset(glyph for code, glyph in template.cmap.items()
                                            if base_cmap.get(code) == glyph) | {".notdef"}
                    faces[style] = _Face(style, data, template, tuple(template.ttfont.getGlyphOrder()), base_data,
                                         tuple(base.getGlyphOrder()), base_glyphs)
                    base.close()
                _faces = faces
    return _faces


def warm_up() -> None:
    """Prepare both variants of both faces now (e.g. when the app starts) rather than on the first PDF."""
    _load()


def attach(pdf: FPDF) -> None:
    """Make DejaVu Sans (regular and bold) available to `pdf` as family `FAMILY`, from the per-process cache."""
    for style, face in _load().items():
        fontkey = f"{FAMILY.lower()}{style}"
        font = TTFFont.__new__(TTFFont)
        for name in TTFFont.__slots__:
            if hasattr(face.template, name):
                setattr(font, name, getattr(face.template, name))
        # Per document: its index, descriptor, fontTools object (subset in place by output()) and glyph subset.
        font.i = len(pdf.fonts) + 1
        # output() writes the document's object numbers and font file into the descriptor: never share it.
        font.desc = copy.copy(face.template.desc)
        font.ttfont = _fonttools(face.data, face.glyph_order)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        font._hbfont = None
        font.subset = SubsetMap(font)
        pdf.fonts[fontkey] = font


def settle(pdf: FPDF) -> dict[str, str]:
    """Just before `pdf.output()`: for each of our faces, give fpdf2 the base variant to subset when every glyph the
    document drew in that face is in it; otherwise the full font stays. Returns {fontkey: "base" or "full"}."""
    chosen = {}
    for style, face in _load().items():
        fontkey = f"{FAMILY.lower()}{style}"
        font = pdf.fonts.get(fontkey)
        if not isinstance(font, TTFFont) or font.cmap is not face.template.cmap:
            continue  # not attached by us
        drawn = {glyph.glyph_name for glyph, _ in font.subset.items() if glyph is not None}
        if drawn <= face.base_glyphs:
            font.ttfont.close()
            font.ttfont = _fonttools(face.base_data, face.base_glyph_order)
            chosen[fontkey] = "base"
        else:
            chosen[fontkey] = "full"
    return chosen


def covered(char: str) -> bool:
    return ord(char) in _load()[""].template.cmap


def printable(text: str) -> str:
    """`text` in NFC (so "e" + combining ogonek becomes "ę"), with characters the font lacks replaced by "?"."""
    text = unicodedata.normalize("NFC", text)
    cmap = _load()[""].template.cmap
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
