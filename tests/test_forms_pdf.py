"""Annex 1 (and what both documents share) as PDFs: text extracted back (pypdf), positions and pages rendered
(pypdfium2) into artifacts/forms/, metadata, footers, extreme input, the struck-through choices and the "X" checked
on the rendered image, and the layout rules of issue 11: continuation pages, the signature kept with pkt 10, values
that wrap, blank rows, "– wzór" and "ocena na dzień". The summary is tested in test_forms_summary.py, the font in
test_forms_fonts.py.
"""
from __future__ import annotations

import io
import re
from datetime import date

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from forms import Annex1Values, RequestedCredit, annex1_values, build_annex1, build_summary
from forms.annex1 import APPLICANT_SIGNATURE, BLANK_MARK, PLACE_AND_DATE
from forms.pdf import CONTINUED, Column, FormPDF
from logic import Case, assess
from logic.periods import polish_date

from test_forms_support import (AS_OF, GENERATED_ON, LONG_PLACE, MM, POLISH, ROOT, extreme_case, long_history_case,
                                pdf_text, render, squash, text_boxes, typical_case)


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


def test_a_row_taller_than_a_page_is_split_without_losing_text():
    long_text = " ".join(f"słowo{i}" for i in range(1500))
    values = Annex1Values(credits=[RequestedCredit(area="moduly", description=long_text, basis="podstawa")])
    data = build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)
    render(data, "annex1-giant-row", scale=1.0)
    pages = pdf_text(data)
    assert re.findall(r"słowo\d+", "\n".join(pages)) == long_text.split()  # every word, in order, once
    continued = [t for t in pages if "słowo" in t]
    assert len(continued) >= 2 and all("Podstawa zaliczenia" in t for t in continued)
    # the signature line follows the last part of the giant row, on the same page
    assert text_boxes(data, PLACE_AND_DATE)[0][0] == max(i for i, t in enumerate(pages) if "słowo" in t)


# --- Annex 1: the layout rules of issue 11 -----------------------------------------------------------------------


def _credits(n: int) -> list[RequestedCredit]:
    return [RequestedCredit(area="moduly", description=f"Moduł {i + 1}: opieka nad pacjentem w stanie zagrożenia "
                                                       f"życia, z elementami leczenia bólu i żywienia",
                            basis=f"ukończony kurs specjalistyczny nr {i + 1}", legal_basis="§ 4 ust. 2 pkt 4")
            for i in range(n)]


@pytest.mark.parametrize("count", range(0, 31))
def test_the_place_date_and_signature_stay_on_the_page_of_pkt_10s_last_row(count):
    """Whatever number of credits pushes pkt 10 towards the foot of a page, the signature line never starts a page
    of its own: the page it is on also shows pkt 10's title and its last row."""
    values = Annex1Values(full_name="Anna Kowalska", place="Kraków", signed_on=date(2026, 11, 24),
                          credits=_credits(count))
    data = build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)
    page, top, _ = text_boxes(data, PLACE_AND_DATE)[0]  # the applicant's, before Część B
    # pkt 10's last row: the template's "Szkolenie praktyczne", left blank (no practical training is proposed)
    before = [p for p, t, _ in text_boxes(data, "Szkolenie praktyczne") if (p, -t) < (page, -top)]
    assert before and before[-1] == page, "the last row of pkt 10 is on the signature's page"
    assert any(p == page for p, _, _ in text_boxes(data, "10. Wnioskowany obszar do zaliczenia"))
    assert any(p == page for p, _, _ in text_boxes(data, APPLICANT_SIGNATURE.removesuffix("³⁾)")))


def test_each_continuation_page_repeats_the_points_number_and_title_above_its_column_headings(extreme):
    data = extreme[1]
    tables = {"Nazwa zakładu pracy, adres": "5. Przebieg pracy zawodowej (w okresie ostatnich 5 lat)",
              "Numer oraz data i miejsce wydania dyplomu": "6. Posiadany tytuł specjalisty",
              "Nazwa kursu kwalifikacyjnego": "7. Ukończone kursy kwalifikacyjne",
              "Nazwa kursu specjalistycznego": "8. Ukończone kursy specjalistyczne",
              "Nazwa studiów podyplomowych": "9. Ukończone studia podyplomowe",
              "Podstawa zaliczenia (ukończone": "10. Wnioskowany obszar do zaliczenia"}
    continued = 0
    for heading, title in tables.items():
        pages = [(p, top) for p, top, _ in text_boxes(data, heading)]
        assert pages, heading
        for n, (page, heading_top) in enumerate(pages):
            titles = [(top, bottom) for p, top, bottom in text_boxes(data, title) if p == page]
            assert titles, f"{title} is not on page {page + 1} above its column headings"
            title_bottom = min(b for t, b in titles if b > heading_top)
            assert 0 < title_bottom - heading_top < 12 * MM  # right above the heading row
            marked = [t for p, t, _ in text_boxes(data, f"{title} {CONTINUED}") if p == page]
            assert bool(marked) == (n > 0), f"„{CONTINUED}” only where {title} continues"
            continued += n > 0
    assert continued >= 4  # the extreme case's tables continue on several pages


def test_a_long_place_name_wraps_and_the_date_stays_whole():
    values, data = annex(long_history_case(), place=LONG_PLACE, signed_on=date(2026, 11, 24))
    text = "\n".join(pdf_text(data))
    assert "…" not in text
    assert squash(f"{LONG_PLACE}, 24.11.2026") in squash(text)
    assert "24.11.2026" in text  # never cut inside the date
    # the value stands above its dotted line, within the slot, over "(miejscowość, data)"
    page, caption_top, _ = text_boxes(data, PLACE_AND_DATE)[0]
    (date_page, date_top, date_bottom), = [b for b in text_boxes(data, "24.11.2026")]
    assert date_page == page and 0 < date_bottom - caption_top < 4 * MM


def test_every_value_of_a_long_history_is_printed_whole():
    values, data = annex(long_history_case(), place=LONG_PLACE, signed_on=date(2026, 11, 24), pwz_year="2001 r.")
    text = squash("\n".join(pdf_text(data)))
    assert "…" not in text
    for value in filled_strings(values):
        assert squash(value) in text, value


def _row_heights(data: bytes, x: float, width: float) -> list[float]:
    """Heights (mm) of the body cells drawn at `x` with `width` (mm), in drawing order: bordered rectangles, less
    the heading rows (those drawn over a grey fill of the same place and height)."""
    heights = []
    number = r"(-?[\d.]+)"
    for page in PdfReader(io.BytesIO(data)).pages:
        stream = page.get_contents().get_data().decode("latin-1")
        rects = re.findall(rf"{number} {number} {number} {number} re ([SfB])", stream)
        filled = {(y, h) for _, y, _, h, op in rects if op == "f"}
        for left, y, w, h, op in rects:
            if op == "S" and (y, h) not in filled and abs(float(left) - x * MM) < 0.05 \
                    and abs(float(w) - width * MM) < 0.05:
                heights.append(round(abs(float(h)) / MM, 2))
    return heights


def test_blank_rows_of_pkt_10_are_as_tall_as_the_other_blank_rows():
    pdf = FormPDF(title="t", subject="s", generated_on=GENERATED_ON, as_of=None, law_checked_on=None)
    data = build_annex1(Annex1Values(), generated_on=GENERATED_ON)
    rows = _row_heights(data, pdf.l_margin, 0.06 * pdf.content_width)  # the "Lp." column of pkt 5–10
    # pkt 5–9 keep three blank rows each, pkt 10 one per area of the template: none lower than the others (a row
    # whose area label takes two lines is taller)
    assert len(rows) == 5 * 3 + 2 and min(rows) == rows[0] and min(rows[-2:]) >= rows[0], rows


def test_a_filled_form_does_not_say_wzor_and_a_blank_one_does(typical):
    assert BLANK_MARK.strip() not in pdf_text(typical[1])[0]
    blank = build_annex1(Annex1Values(), generated_on=GENERATED_ON)
    assert f"(Dz. U. poz. 57){BLANK_MARK}" in pdf_text(blank)[0]
    assert Annex1Values().is_blank and not typical[0].is_blank
    assert not Annex1Values(place="Kraków").is_blank


def test_the_footer_says_ocena_na_dzien_only_where_an_assessment_was_made(typical):
    assert all(f"ocena na dzień {polish_date(AS_OF)}" in " ".join(t.split()) for t in pdf_text(typical[1]))
    for text in pdf_text(build_annex1(Annex1Values(), generated_on=GENERATED_ON)):
        flat = " ".join(text.split())
        assert "ocena na dzień" not in flat
        assert f"Wygenerowano {polish_date(GENERATED_ON)}" in flat and "stan prawny na dzień" in flat


def test_the_grid_keeps_what_follows_with_its_last_row():
    """`keep_after` on the hand-written table: the last row moves to a new page (with the title and the heading
    row repeated) rather than leave what follows alone at the top of a page."""
    columns = [Column("Lp.", 0.1, "CENTER"), Column("A", 0.9)]
    pdf = FormPDF(title="t", subject="s", generated_on=GENERATED_ON, as_of=AS_OF, law_checked_on=None)
    pdf.add_page()
    room = pdf.page_break_trigger - pdf.get_y()
    rows = [(f"{i}.", f"wiersz {i}") for i in range(1, 40)]
    pdf.grid(columns, rows, title="1. Tabela", keep_after=room)  # asks for a whole page under the last row
    pages = pdf_text(pdf.to_bytes())
    last = max(i for i, t in enumerate(pages) if "wiersz 39" in t)
    assert f"1. Tabela {CONTINUED}" in pages[last] and "wiersz 38" not in pages[last]


def test_screenshots_of_a_long_history():
    """The first page of the summary and the last page of Annex 1 for a long history, for the issue's closing note
    (artifacts/screenshots/); Annex 1's last page holds Część B and the footnotes, and the page of the applicant's
    signature (saved too) holds pkt 10."""
    case = long_history_case()
    a = assess(case, AS_OF)
    values = annex1_values(case, a)
    values.place, values.signed_on = LONG_PLACE, date(2026, 11, 24)
    annex_pdf = build_annex1(values, as_of=AS_OF, generated_on=GENERATED_ON)
    summary_pdf = build_summary(case, a, generated_on=GENERATED_ON)
    folder = ROOT / "artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    signature_page = text_boxes(annex_pdf, PLACE_AND_DATE)[0][0]
    for data, page, name in ((summary_pdf, 0, "podsumowanie-strona-1.png"),
                             (annex_pdf, -1, "zalacznik-1-ostatnia-strona.png"),
                             (annex_pdf, signature_page, "zalacznik-1-strona-z-podpisem.png")):
        doc = pdfium.PdfDocument(data)
        try:
            doc[len(doc) - 1 if page < 0 else page].render(scale=2).to_pil().save(folder / name)
        finally:
            doc.close()
        assert (folder / name).stat().st_size > 10_000
    pages = pdf_text(annex_pdf)
    assert "Część B (wypełnia organizator kształcenia)" in pages[-1] and "Dotyczy postaci papierowej." in pages[-1]
    assert "10. Wnioskowany obszar do zaliczenia" in pages[signature_page]
    assert pdf_text(summary_pdf)[0].find("Twój cel") < pdf_text(summary_pdf)[0].find("Możesz")


@pytest.mark.parametrize("align", ["L", "C", "R"])
def test_put_places_a_line_exactly_where_cell_would(align):
    """`FormPDF.put` (fpdf2's text(), cheaper) draws the same pixels as fpdf2's cell() for a line that fits."""
    from PIL import ImageChops

    def page(draw) -> object:
        pdf = FormPDF(title="t", subject="s", generated_on=GENERATED_ON, as_of=None, law_checked_on=None)
        pdf.add_page()
        for size, y in ((6.5, 30.0), (7.8, 40.0), (9, 50.0), (13, 60.0)):
            pdf.use(size, bold=size > 10)
            draw(pdf, 25.0, y, 120.0, size * 0.42 + 1, f"{POLISH} – Łódź, 24.11.2026 r.")
        doc = pdfium.PdfDocument(pdf.to_bytes())
        try:
            return doc[0].render(scale=3, grayscale=True).to_pil()
        finally:
            doc.close()

    def with_cell(pdf, x, y, w, h, text):
        pdf.set_xy(x, y)
        pdf.cell(w, h, text, align=align)

    assert ImageChops.difference(page(lambda pdf, *box: pdf.put(*box, align)), page(with_cell)).getbbox() is None
