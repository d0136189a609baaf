"""Annex 1 and the summary as PDFs: text extracted back (pypdf), pages rendered (pypdfium2) into artifacts/forms/,
fonts, metadata, footers, extreme input, and the struck-through choices and the "X" checked on the rendered image.
"""
from __future__ import annotations

import io
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from forms import Annex1Values, RequestedCredit, annex1_values, build_annex1, build_summary, fonts
from forms.pdf import Column, FormPDF
from logic import Case, assess
from logic.periods import polish_date

from test_forms_support import (AS_OF, GENERATED_ON, POLISH, ROOT, extreme_case, pdf_text, render, squash,
                                typical_case)


def annex(case: Case, **changes) -> tuple[Annex1Values, bytes]:
    values = annex1_values(case, assess(case, AS_OF))
    for key, value in changes.items():
        setattr(values, key, value)
    return values, build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)


@pytest.fixture(scope="module")
def typical() -> tuple[Annex1Values, bytes]:
    values, data = annex(typical_case(), place="Kraków", signed_on=date(2026, 11, 24))
    render(data, "annex1-typical")
    return values, data


@pytest.fixture(scope="module")
def extreme() -> tuple[Annex1Values, bytes]:
    values, data = annex(extreme_case())
    render(data, "annex1-extreme")
    return values, data


@pytest.fixture(scope="module")
def summary() -> tuple[Case, bytes]:
    case = typical_case()
    data = build_summary(case, assess(case, AS_OF), generated_on=GENERATED_ON)
    render(data, "summary-typical")
    return case, data


def filled_strings(v: Annex1Values) -> list[str]:
    out = [v.field, v.organizer, v.full_name, v.pwz_issued_by, v.pwz_year, v.pwz_number, v.place]
    for rows in (v.employment, v.specialist_titles, v.qualification_courses, v.specialist_courses,
                 v.postgraduate_studies):
        for row in rows:
            out += list(row.model_dump().values())
    for c in v.credits:
        out += [c.area_label, c.description, c.basis_text]
    return [s for s in out if s]


# --- Annex 1: text -----------------------------------------------------------------------------------------------


def test_builders_return_bytes(typical, summary):
    assert type(typical[1]) is bytes and typical[1].startswith(b"%PDF-")
    assert type(summary[1]) is bytes and summary[1].startswith(b"%PDF-")


def test_every_filled_value_of_a_typical_annex_is_in_the_text(typical):
    values, data = typical
    text = "\n".join(pdf_text(data))
    flat = " ".join(text.split())
    for value in filled_strings(values):
        assert " ".join(value.split()) in flat, value
    assert "Żaneta Łucja Gęślak-Źdźbłowska" in text
    assert "Kraków, 24.11.2026" in text


def test_the_template_wording_is_printed(typical):
    flat = " ".join("\n".join(pdf_text(typical[1])).split())
    for words in ("WNIOSEK", "o zaliczenie modułów kształcenia, wybranych jednostek modułowych, szkolenia praktycznego",
                  "(dziedzina)", "Nazwa i adres organizatora kształcenia podyplomowego", "Część A (wypełnia wnioskodawca)",
                  "1. Imię (imiona) i nazwisko", "2. Tytuł zawodowy", "pielęgniarka/pielęgniarz", "położna/położny",
                  "3. Zaświadczenie o prawie wykonywania zawodu", "wydane przez", "(rok wydania)",
                  "4. Numer zaświadczenia o prawie wykonywania zawodu",
                  "5. Przebieg pracy zawodowej (w okresie ostatnich 5 lat)", "Miejsce pracy (oddział, poradnia, inne)",
                  "6. Posiadany tytuł specjalisty", "Numer oraz data i miejsce wydania dyplomu",
                  "7. Ukończone kursy kwalifikacyjne", "8. Ukończone kursy specjalistyczne",
                  "9. Ukończone studia podyplomowe", "Data i miejsce wydania świadectwa",
                  "10. Wnioskowany obszar do zaliczenia", "Podstawa zaliczenia (ukończone kursy / zatrudnienie)",
                  "Moduły lub jednostki modułowe", "Szkolenie praktyczne", "(miejscowość, data)", "(podpis wnioskodawcy",
                  "Część B (wypełnia organizator kształcenia)", "Merytoryczna opinia kierownika potwierdzona podpisem",
                  "Decyzja organizatora kształcenia potwierdzona podpisem", "Moduły kształcenia lub jednostki modułowe",
                  "Szkolenie praktyczne (nazwa placówki)", "Uzasadnienie rozstrzygnięcia:",
                  "numer identyfikacji podatkowej (NIP)", "Niepotrzebne skreślić.",
                  "Zaznaczyć znakiem „x” posiadany tytuł zawodowy.", "Dotyczy postaci papierowej."):
        assert words in flat, words


def test_polish_letters_render_and_extract_intact():
    values = Annex1Values(full_name=POLISH, field="pielęgniarstwo ginekologiczno-położnicze",
                          organizer="Łódź, ul. Źródłowa 5")
    text = "\n".join(pdf_text(build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)))
    assert POLISH in text
    assert "pielęgniarstwo ginekologiczno-położnicze" in text and "Łódź, ul. Źródłowa 5" in text


def test_the_user_can_change_the_credits_before_printing():
    values = annex1_values(typical_case(), assess(typical_case(), AS_OF))
    values.credits = [RequestedCredit(area="jednostki", description="Jednostka modułowa: leczenie ran przewlekłych",
                                      basis="ukończony kurs specjalistyczny „Leczenie ran”", legal_basis="§ 4 ust. 2 pkt 4")]
    flat = " ".join("\n".join(pdf_text(build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON))).split())
    assert "Jednostka modułowa: leczenie ran przewlekłych" in flat
    assert "ukończony kurs specjalistyczny „Leczenie ran” (§ 4 ust. 2 pkt 4)" in flat
    assert "§ 4 ust. 3" not in flat  # the proposed practical-training row was removed


# --- Annex 1: extreme input --------------------------------------------------------------------------------------


def test_extreme_input_gives_a_valid_pdf_with_every_value(extreme):
    values, data = extreme
    assert len(values.full_name) == 120
    assert len(values.organizer) == 300
    assert len(values.employment) == 26 and len(values.qualification_courses) == 15
    assert len(values.specialist_courses) == 15 and len(values.specialist_titles) == 15
    assert len(values.postgraduate_studies) == 15
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 6
    text = squash("\n".join(pdf_text(data)))
    for value in filled_strings(values):
        assert squash(value) in text, value
    assert "Олександра-Ґалина Їжакевич Євгенія" in "\n".join(pdf_text(data))


def test_a_table_that_continues_repeats_its_heading(extreme):
    pages = pdf_text(extreme[1])
    with_heading = [i for i, t in enumerate(pages) if "Nazwa zakładu pracy, adres" in t]
    assert len(with_heading) >= 2, "the work-history table should span pages, heading repeated"
    with_course_heading = [i for i, t in enumerate(pages) if "Nazwa kursu kwalifikacyjnego" in t]
    assert len(with_course_heading) >= 2 or len(with_heading) >= 2


def test_text_never_leaves_the_printable_area(extreme):
    """Every character of every page lies inside the margins (nothing runs out of a cell into the page edge)."""
    doc = pdfium.PdfDocument(extreme[1])
    try:
        for page in doc:
            width, height = page.get_size()
            tp = page.get_textpage()
            for i in range(tp.count_chars()):
                left, bottom, right, top = tp.get_charbox(i)
                if right - left <= 0:
                    continue
                assert 18 * 72 / 25.4 - 1 <= left and right <= width - 18 * 72 / 25.4 + 1, tp.get_text_range(i, 1)
                assert bottom >= 0 and top <= height
    finally:
        doc.close()


def test_wrap_keeps_every_line_within_its_width():
    pdf = FormPDF(title="t", subject="s", generated_on=GENERATED_ON, as_of=AS_OF, law_checked_on=None)
    pdf.add_page()
    pdf.use(7.8)
    text = "Bardzo długa nazwa zakładu " * 8 + "Bez" + "spacji" * 40 + " koniec"
    for width in (20.0, 45.0, 120.0):
        lines = pdf.wrap(text, width, width)
        assert lines and all(pdf.measure(line) <= width + 1e-6 for line in lines)
        assert squash("".join(lines)) == squash(text)
    assert pdf.wrap("", 10, 10) == []


def test_an_empty_table_keeps_blank_rows_for_handwriting():
    pdf = FormPDF(title="t", subject="s", generated_on=GENERATED_ON, as_of=AS_OF, law_checked_on=None)
    pdf.add_page()
    columns = [Column("Lp.", 0.1, "CENTER"), Column("A", 0.5), Column("B", 0.4)]
    pdf.grid(columns, [], blank_rows=3)
    stream = PdfReader(io.BytesIO(pdf.to_bytes())).pages[0].get_contents().get_data().decode("latin-1")
    rects = re.findall(r"re S", stream)
    assert len(rects) == 3 * (1 + 3)  # the heading row and three blank rows, three cells each


def test_an_empty_case_still_gives_the_whole_form():
    case = Case()
    data = build_annex1(annex1_values(case, assess(case, AS_OF)), as_of=AS_OF, generated_on=GENERATED_ON)
    render(data, "annex1-empty")
    flat = " ".join("\n".join(pdf_text(data)).split())
    assert "Część B (wypełnia organizator kształcenia)" in flat and "Dotyczy postaci papierowej." in flat


# --- both documents: fonts, metadata, footer, determinism --------------------------------------------------------


@pytest.mark.parametrize("which", ["typical", "extreme", "summary"])
def test_footer_on_every_page(which, request):
    data = request.getfixturevalue(which)[1]
    pages = pdf_text(data)
    for number, text in enumerate(pages, start=1):
        flat = " ".join(text.split())
        assert f"strona {number} z {len(pages)}" in flat
        assert f"Wygenerowano {polish_date(GENERATED_ON)}" in flat
        assert "stan prawny na dzień" in flat and f"ocena na dzień {polish_date(AS_OF)}" in flat


@pytest.mark.parametrize("which", ["typical", "summary"])
def test_only_dejavu_embedded_and_subset(which, request):
    reader = PdfReader(io.BytesIO(request.getfixturevalue(which)[1]))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/Type0"  # no Latin-1 core font anywhere
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"]  # embedded
            names.add(str(font["/BaseFont"]))
    assert names and all(re.fullmatch(r"/[A-Z]{6}\+DejaVuSans.*", n) for n in names), names
    assert any("Bold" in n for n in names)


def test_metadata(typical, summary):
    for data, title in ((typical[1], "Wniosek o zaliczenie"), (summary[1], "Podsumowanie")):
        reader = PdfReader(io.BytesIO(data))
        meta = reader.metadata
        assert meta.title.startswith(title)
        assert "Dz. U. poz. 57" in meta.subject
        assert str(reader.trailer["/Root"]["/Lang"]) == "pl-PL"
        assert meta.creation_date.date() == GENERATED_ON


def test_same_input_same_bytes():
    values = annex1_values(typical_case(), assess(typical_case(), AS_OF))
    first = build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)
    assert build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON) == first


def test_documents_built_together_share_the_font_safely():
    """The parsed font is shared; each document must still get its own, complete subset."""
    values = annex1_values(typical_case(), assess(typical_case(), AS_OF))
    expected = build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON), range(8)))
    assert all(r == expected for r in results)
    other = build_annex1(Annex1Values(full_name="Їжак Ґава"), as_of=AS_OF, generated_on=GENERATED_ON)
    assert "Їжак Ґава" in "\n".join(pdf_text(other))


def test_documents_that_differ_built_together_each_get_their_own_font_objects():
    """Each document has its own font descriptor: output() gives it the document's object numbers and font file."""
    from fpdf import FPDF

    first, second = FPDF(), FPDF()
    fonts.attach(first)
    fonts.attach(second)
    for key, font in first.fonts.items():
        assert font.desc is not second.fonts[key].desc and font.subset is not second.fonts[key].subset
    names = ["Żaneta Łucja", "Їжак Ґава", "Øystein Ærø", "Zoë Brontë", "Ελένη", "Łukasz", "Ана Ђурић", "Ōtsuka"]
    build = lambda name: build_annex1(Annex1Values(full_name=name, field=name), as_of=AS_OF,  # noqa: E731
                                      generated_on=GENERATED_ON)
    expected = [build(name) for name in names]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(build, names * 3))
    assert results == expected * 3
    for name, data in zip(names, expected):
        assert name in "\n".join(pdf_text(data))


def _spy_settle(monkeypatch) -> list[dict[str, str]]:
    """Record which variant `fonts.settle` chose for every document output from now on."""
    chosen: list[dict[str, str]] = []
    real = fonts.settle
    monkeypatch.setattr(fonts, "settle", lambda pdf: chosen.append(real(pdf)) or chosen[-1])
    return chosen


def test_typical_documents_are_subset_from_the_small_base_font(monkeypatch):
    """The templates' own words, the rules' texts and Polish input only use `BASE_CHARACTERS`."""
    chosen = _spy_settle(monkeypatch)
    case = typical_case()
    annex(case, place="Kraków", signed_on=date(2026, 11, 24), full_name=POLISH)
    build_summary(case, assess(case, AS_OF), generated_on=GENERATED_ON)
    build_annex1(Annex1Values(full_name="Zoë Müller-Sørensen"), as_of=AS_OF, generated_on=GENERATED_ON)
    assert chosen == [{"dejavusans": "base", "dejavusansB": "base"}] * 3


def test_a_character_outside_the_base_font_keeps_the_full_font(monkeypatch):
    """The choice is made from the glyphs actually drawn, so nothing drawn can go missing from the embedded font."""
    chosen = _spy_settle(monkeypatch)
    outside = ["Їжак Ґава", "Ελένη", "Ōtsuka", "ŷ ǅ ő", "₴ 100"]
    for text in outside:
        assert any(ord(c) not in {ord(b) for b in fonts.BASE_CHARACTERS} for c in text)
        pdf = FormPDF(title="Próba", subject="Dz. U. poz. 57", generated_on=GENERATED_ON, as_of=AS_OF,
                      law_checked_on=None)
        pdf.add_page()
        pdf.paragraph(f"{POLISH} § 4 – {text}", size=9)
        pdf.paragraph("Pogrubione: ąę", bold=True)
        data = pdf.to_bytes()
        assert chosen[-1] == {"dejavusans": "full", "dejavusansB": "base"}
        assert squash(text) in squash(pdf_text(data)[0])
        assert squash(text) in squash(pdfium.PdfDocument(data)[0].get_textpage().get_text_range())


def test_the_base_font_embeds_exactly_what_the_full_font_would(monkeypatch):
    """Same glyphs, same names, same outlines: the PDF does not depend on which variant fpdf2 subset."""
    case = typical_case()
    values = annex1_values(case, assess(case, AS_OF))
    build = [lambda: build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON),
             lambda: build_summary(case, assess(case, AS_OF), generated_on=GENERATED_ON)]
    from_base = [b() for b in build]
    monkeypatch.setattr(fonts, "settle", lambda pdf: {})  # fpdf2 subsets the full font
    assert [b() for b in build] == from_base


def test_the_base_glyphs_are_really_in_the_base_font():
    for face in fonts._load().values():  # pylint: disable=protected-access
        assert {face.template.cmap[ord(c)] for c in fonts.BASE_CHARACTERS} <= face.base_glyphs
        assert face.base_glyphs <= set(face.base_glyph_order)
        assert len(face.base_glyph_order) < 300 < len(face.glyph_order)


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


# --- struck choices and the "X", on the rendered page ------------------------------------------------------------

SCALE = 3.0


def _page_image(data: bytes):
    doc = pdfium.PdfDocument(data)
    page = doc[0]
    image = page.render(scale=SCALE, grayscale=True).to_pil().convert("L")
    return doc, page, image


def _box(page, word: str):
    """The PDF-space box (left, bottom, right, top) of the first whole-word match of `word` on `page`."""
    tp = page.get_textpage()
    searcher = tp.search(word, match_case=True, match_whole_word=True)
    found = searcher.get_next()
    assert found, word
    index, count = found
    boxes = [tp.get_charbox(i) for i in range(index, index + count)]
    return min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)


def _struck(page, image, word: str) -> bool:
    """True when a horizontal line crosses the word: some pixel row inside its box is dark almost end to end."""
    height = page.get_height()
    left, bottom, right, top = _box(page, word)
    x1, x2 = int(left * SCALE) + 2, int(right * SCALE) - 2
    y1, y2 = int((height - top) * SCALE), int((height - bottom) * SCALE)
    for y in range(y1, y2 + 1):
        dark = sum(1 for x in range(x1, x2) if image.getpixel((x, y)) < 128)
        if dark >= 0.95 * (x2 - x1):
            return True
    return False


def _box_checked(page, image, label: str) -> bool:
    """True when the check box left of `label` has ink inside it (the "X")."""
    height = page.get_height()
    left, bottom, right, top = _box(page, label)
    mm = 72 / 25.4
    x1, x2 = int((left - 4.6 * mm) * SCALE), int((left - 2.0 * mm) * SCALE)
    y1, y2 = int((height - top) * SCALE) + 2, int((height - bottom) * SCALE) - 2
    dark = sum(1 for x in range(x1, x2) for y in range(y1, y2) if image.getpixel((x, y)) < 128)
    return dark > 0.08 * (x2 - x1) * (y2 - y1)


@pytest.mark.parametrize(("form", "profession", "gender"), [
    ("specjalizacja", "pielegniarka", "k"),
    ("kurs_kwalifikacyjny", "polozna", "m"),
    ("kurs_kwalifikacyjny", "pielegniarka", None),
    (None, None, None),
])
def test_struck_choices_and_the_x_follow_the_case_on_the_page(form, profession, gender):
    values = Annex1Values(form=form, profession=profession, gender=gender, full_name="Test Testowa")
    data = build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)
    render(data, f"annex1-choices-{form}-{profession}-{gender}", scale=1.5)
    doc, page, image = _page_image(data)
    try:
        for word in ("specjalizacji", "kwalifikacyjnego", "pielęgniarki", "pielęgniarza", "położnej", "położnego"):
            expected = word in values.struck or (word == "kwalifikacyjnego" and "kursu kwalifikacyjnego" in values.struck)
            assert _struck(page, image, word) == expected, word
        assert _box_checked(page, image, "pielęgniarka/pielęgniarz") == (profession == "pielegniarka")
        assert _box_checked(page, image, "położna/położny") == (profession == "polozna")
    finally:
        doc.close()
    text = " ".join(pdf_text(data)[0].split())
    if profession:
        label = "pielęgniarka/pielęgniarz" if profession == "pielegniarka" else "położna/położny"
        assert f"X {label}" in text


# --- the summary -------------------------------------------------------------------------------------------------


def test_summary_shows_goal_decisions_dates_documents_and_who_decides(summary):
    case, data = summary
    a = assess(case, AS_OF)
    flat = " ".join("\n".join(pdf_text(data)).split())
    assert "Podsumowanie" in flat
    assert "specjalizacja (szkolenie specjalizacyjne) – pielęgniarstwo chirurgiczne" in flat
    assert f"Ocena na dzień: {polish_date(AS_OF)}" in flat
    assert f"Stan prawny na dzień: {polish_date(a.law_checked_on)}" in flat
    for d in a.decisions:
        assert " ".join(d.title.split()) in flat, d.title
        for r in d.reasons:
            assert " ".join(r.text.split()) in flat, r.text
        for ref in d.legal_basis:
            assert ref.citation in flat
        for doc in d.documents:
            assert doc in flat
        for s in d.steps:
            assert polish_date(s.date) in flat
    labels = {d.outcome_label for d in a.decisions}
    for label in labels:
        assert f"Wynik: {label}" in flat
    assert "SMK" in flat and "organizator kształcenia" in flat and "CMKP" in flat
    assert "Żaneta" not in flat  # the summary leaves personal data out


def test_summary_links_legal_basis_to_the_official_text(summary):
    reader = PdfReader(io.BytesIO(summary[1]))
    uris = {a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots", [])}
    assert "https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf" in uris


def test_summary_of_a_case_with_steps_lists_them_with_dates():
    from test_forms_support import example

    case = example("pielegniarka-jeszcze-nie")
    a = assess(case, AS_OF)
    steps = [s for d in a.decisions for s in d.steps]
    assert steps, "the example should have dated steps"
    data = build_summary(case, a, generated_on=GENERATED_ON)
    render(data, "summary-steps")
    flat = " ".join("\n".join(pdf_text(data)).split())
    assert "Terminy" in flat
    for s in steps:
        assert " ".join(s.label.split()) in flat


def test_a_row_taller_than_a_page_is_split_without_losing_text():
    long_text = " ".join(f"słowo{i}" for i in range(1500))
    values = Annex1Values(credits=[RequestedCredit(area="moduly", description=long_text, basis="podstawa")])
    data = build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)
    render(data, "annex1-giant-row", scale=1.0)
    pages = pdf_text(data)
    assert re.findall(r"słowo\d+", "\n".join(pages)) == long_text.split()  # every word, in order, once
    continued = [t for t in pages if "słowo" in t]
    assert len(continued) >= 2 and all("Podstawa zaliczenia" in t for t in continued)
