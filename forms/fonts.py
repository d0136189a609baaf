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
every document, and each document gets its own small fontTools object to subset, because fpdf2's `output()`
subsets that object in place and closes it. This relies on fpdf2's `TTFFont` internals, so fpdf2 is pinned exactly
and `tests/test_forms_pdf.py` builds documents one after another to check the sharing stays correct.
"""
from __future__ import annotations

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


def _prepare(path: Path) -> bytes:
    """The font cut down to `REPERTOIRE`, without layout tables and hinting, as TrueType bytes."""
    font = ttLib.TTFont(path, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    for tag in DROPPED_TABLES:
        if tag in font:
            del font[tag]
    options = ft_subset.Options(notdef_outline=True, recommended_glyphs=True, glyph_names=False, hinting=True,
                                layout_features=[], name_IDs=["*"], name_languages=["*"])
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=[u for first, last in REPERTOIRE for u in range(first, last + 1)])
    subsetter.subset(font)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class _Face:
    style: str
    data: bytes  # the prepared TrueType font
    template: TTFFont  # parsed once; its cmap, widths and descriptor are shared by every document
    glyph_order: tuple[str, ...]  # given to each document's copy, so fontTools need not rebuild glyph names


_faces: dict[str, _Face] | None = None
_lock = threading.Lock()


def _load() -> dict[str, _Face]:
    global _faces
    if _faces is None:
        with _lock:
            if _faces is None:
                folder = font_dir()
                host = FPDF()
                faces = {}
                for style, name in FILES.items():
                    data = _prepare(folder / name)
                    template = TTFFont(host, BytesIO(data), f"{FAMILY.lower()}{style}", style)  # type: ignore[arg-type]
                    faces[style] = _Face(style, data, template, tuple(template.ttfont.getGlyphOrder()))
                _faces = faces
    return _faces


def warm_up() -> None:
    """Parse the fonts now (e.g. when the app starts) rather than on the first PDF."""
    _load()


def attach(pdf: FPDF) -> None:
    """Make DejaVu Sans (regular and bold) available to `pdf` as family `FAMILY`, from the per-process cache."""
    for style, face in _load().items():
        fontkey = f"{FAMILY.lower()}{style}"
        font = TTFFont.__new__(TTFFont)
        for name in TTFFont.__slots__:
            if hasattr(face.template, name):
                setattr(font, name, getattr(face.template, name))
        # Per document: its index, its own fontTools object (subset in place by output()), its glyph subset.
        font.i = len(pdf.fonts) + 1
        # recalcBBoxes=False: the subset keeps the glyph outlines as they are, so nothing needs re-measuring.
        font.ttfont = ttLib.TTFont(BytesIO(face.data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
        font.ttfont.setGlyphOrder(list(face.glyph_order))
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        font._hbfont = None
        font.subset = SubsetMap(font)
        pdf.fonts[fontkey] = font


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
