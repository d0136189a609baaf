"""The font of the PDFs (forms/fonts.py): both adapters – fpdf2's public `add_font` and the shared parsed font –
draw the same pages; documents built one after another and together stay correct; the base variant is used when it
holds every character drawn, the full one otherwise; our width table is fpdf2's."""
from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pypdfium2 as pdfium
import pytest
from fpdf import FPDF
from PIL import ImageChops

from forms import Annex1Values, annex1_values, build_annex1, build_summary, fonts
from forms import pdf as kit
from forms.pdf import FormPDF
from logic import assess

from test_forms_support import AS_OF, GENERATED_ON, POLISH, ROOT, pdf_text, squash, typical_case

ADAPTERS = ["public", "shared"]


@pytest.fixture(params=ADAPTERS)
def adapter(request, monkeypatch):
    """Build the documents of the test with one adapter."""
    chosen = fonts.adapter(request.param)
    if chosen.name != request.param:
        pytest.skip(f"the installed fpdf2 is not one SharedFonts was checked against ({fonts.SHARED_FONTS_TESTED})")
    monkeypatch.setattr(fonts, "adapter", lambda name=None: chosen)
    return chosen


def documents() -> list[bytes]:
    case = typical_case()
    a = assess(case, AS_OF)
    return [build_annex1(annex1_values(case, a), as_of=AS_OF, generated_on=GENERATED_ON),
            build_summary(case, a, generated_on=GENERATED_ON),
            build_annex1(Annex1Values(full_name="Їжак Ґава", field="Ελένη"), as_of=AS_OF, generated_on=GENERATED_ON)]


def images(data: bytes) -> list:
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].render(scale=1.5, grayscale=True).to_pil() for i in range(len(doc))]
    finally:
        doc.close()


def same_pages(first: bytes, second: bytes) -> bool:
    a, b = images(first), images(second)
    return len(a) == len(b) and all(ImageChops.difference(x, y).getbbox() is None for x, y in zip(a, b))


def test_both_adapters_draw_the_same_pages(monkeypatch):
    if fonts.adapter("shared").name != "shared":
        pytest.skip("SharedFonts is not supported by the installed fpdf2")
    built = {}
    for name in ADAPTERS:
        chosen = fonts.ADAPTERS[name]()
        monkeypatch.setattr(fonts, "adapter", lambda n=None, chosen=chosen: chosen)
        built[name] = documents()
    for public, shared in zip(built["public"], built["shared"]):
        assert pdf_text(public) == pdf_text(shared)
        assert same_pages(public, shared)


def test_the_shared_adapter_is_used_only_with_an_fpdf2_it_was_checked_against(monkeypatch):
    import importlib.metadata

    assert fonts.SharedFonts.supported() == (importlib.metadata.version("fpdf2") in fonts.SHARED_FONTS_TESTED)
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "99.0" if name == "fpdf2" else real(name))
    monkeypatch.setattr(fonts, "_default", None)  # choose again, as a fresh process would
    monkeypatch.setattr(fonts, "_adapters", {})
    assert not fonts.SharedFonts.supported()
    assert fonts.adapter().name == "public" and fonts.adapter("shared").name == "public"
    assert "Żaneta" in "\n".join(pdf_text(build_annex1(Annex1Values(full_name="Żaneta"), generated_on=GENERATED_ON)))


def test_forms_fonts_public_in_the_environment_forces_the_public_adapter(monkeypatch):
    monkeypatch.setenv("FORMS_FONTS", "public")
    assert fonts.adapter().name == "public"


def test_same_input_same_bytes(adapter):
    first = documents()
    assert documents() == first


def test_documents_built_together_share_the_font_safely(adapter):
    """Whatever is shared, each document gets its own, complete subset."""
    values = annex1_values(typical_case(), assess(typical_case(), AS_OF))
    build = lambda _=None: build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)  # noqa: E731
    expected = build()
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(build, range(8))) == [expected] * 8


def test_documents_that_differ_built_together_each_get_their_own_font_objects(adapter):
    first, second = FPDF(), FPDF()
    adapter.attach(first, fonts.Variant.FULL)
    adapter.attach(second, fonts.Variant.FULL)
    for key, font in first.fonts.items():
        assert font is not second.fonts[key]
        assert font.desc is not second.fonts[key].desc and font.subset is not second.fonts[key].subset
    names = ["Żaneta Łucja", "Їжак Ґава", "Øystein Ærø", "Zoë Brontë", "Ελένη", "Łukasz", "Ана Ђурић", "Ōtsuka"]
    build = lambda name: build_annex1(Annex1Values(full_name=name, field=name), as_of=AS_OF,  # noqa: E731
                                      generated_on=GENERATED_ON)
    expected = [build(name) for name in names]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(build, names * 3)) == expected * 3
    for name, data in zip(names, expected):
        assert name in "\n".join(pdf_text(data))


def _spy_variants(monkeypatch) -> list[fonts.Variant]:
    """Record the font variant of every FormPDF made from now on."""
    made: list[fonts.Variant] = []
    real = FormPDF.__init__

    def init(self, **kwargs):
        made.append(kwargs.get("variant", fonts.Variant.FULL))
        real(self, **kwargs)

    monkeypatch.setattr(FormPDF, "__init__", init)
    return made


def test_typical_documents_are_drawn_with_the_small_base_font(monkeypatch):
    """The templates' own words, the rules' texts and Polish input only use `BASE_CHARACTERS`."""
    made = _spy_variants(monkeypatch)
    case = typical_case()
    values = annex1_values(case, assess(case, AS_OF))
    values.full_name = POLISH
    build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)
    build_summary(case, assess(case, AS_OF), generated_on=GENERATED_ON)
    build_annex1(Annex1Values(full_name="Zoë Müller-Sørensen"), generated_on=GENERATED_ON)
    assert made == [fonts.Variant.BASE] * 3


@pytest.mark.parametrize("text", ["Їжак Ґава", "Ελένη", "Ōtsuka", "ŷ ǅ ő", "₴ 100"])
def test_a_character_outside_the_base_font_draws_the_document_again_with_the_full_font(text, monkeypatch):
    assert not fonts.in_base(text)
    made = _spy_variants(monkeypatch)
    data = build_annex1(Annex1Values(full_name=f"{POLISH} {text}"), generated_on=GENERATED_ON)
    assert made == [fonts.Variant.BASE, fonts.Variant.FULL]
    assert squash(text) in squash(pdf_text(data)[0])
    assert squash(text) in squash(pdfium.PdfDocument(data)[0].get_textpage().get_text_range())


def test_the_base_font_draws_exactly_what_the_full_font_would(monkeypatch):
    """Same glyphs, same names, same outlines: the pages do not depend on the variant."""
    from_base = documents()[:2]
    monkeypatch.setattr(fonts, "in_base", lambda text: False)  # every document is drawn with the full font
    for base, full in zip(from_base, documents()[:2]):
        assert pdf_text(base) == pdf_text(full) and same_pages(base, full)


def test_the_base_glyphs_are_really_in_the_base_font():
    for face in fonts.faces().values():
        base, full = face.cmap[fonts.Variant.BASE], face.cmap[fonts.Variant.FULL]
        assert {ord(c) for c in fonts.BASE_CHARACTERS} <= set(base)
        assert all(full[code] == glyph for code, glyph in base.items())  # the same glyph under the same name
        assert len(face.glyph_order[fonts.Variant.BASE]) < 300 < len(face.glyph_order[fonts.Variant.FULL])


def test_our_widths_are_fpdf2s_widths():
    pdf = FormPDF(title="t", subject="s", generated_on=GENERATED_ON, as_of=AS_OF, law_checked_on=None)
    pdf.add_page()
    for bold in (False, True):
        for size in (6.5, 7.8, 9, 13):
            pdf.use(size, bold)
            for text in (POLISH, "Załącznik nr 1 – WNIOSEK o zaliczenie (§ 4 ust. 2 pkt 3)", "Їжак Ґава Ελένη ₴",
                         "0123456789 „cytat” … ✓"):
                assert pdf.measure(text) == pytest.approx(pdf.get_string_width(text), abs=1e-9), (text, bold)


def test_the_public_adapter_writes_its_font_files_again_when_a_cleaner_removed_them():
    public = fonts.PublicFonts()
    path = public.path("", fonts.Variant.BASE)
    assert path.is_file() and oct(path.parent.stat().st_mode & 0o777) == "0o700"
    path.unlink()
    pdf = FPDF()
    public.attach(pdf, fonts.Variant.BASE)
    assert public.path("", fonts.Variant.BASE).is_file()


def test_characters_the_font_lacks_print_as_a_question_mark():
    assert fonts.printable("Zofia 😀 李 e\u0328") == "Zofia ? ? ę"
    assert fonts.printable("a\u200bb\tc") == "ab c"


def test_the_font_comes_from_matplotlib_without_importing_it():
    code = ("import sys; from datetime import date; from forms import build_annex1, Annex1Values;"
            "build_annex1(Annex1Values(full_name='Łucja'), as_of=date(2026,1,20), generated_on=date(2026,1,20));"
            "print('matplotlib' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert (fonts.font_dir() / fonts.LICENCE_FILE).is_file()


@pytest.mark.parametrize(("text", "variants"), [("Łódź", [fonts.Variant.BASE]),
                                               ("Łódź Ґ", [fonts.Variant.BASE, fonts.Variant.FULL])])
def test_render_draws_again_only_when_the_base_font_lacks_a_character(text, variants):
    drawn = []

    def draw(pdf: FormPDF) -> None:
        drawn.append(pdf.variant)
        pdf.add_page()
        pdf.paragraph(text)

    data = kit.render(draw, title="t", subject="s", generated_on=GENERATED_ON, as_of=AS_OF, law_checked_on=None)
    assert drawn == variants and text in pdf_text(data)[0]
