"""Legal references print in the Polish citation form and point at the official ELI texts on api.sejm.gov.pl."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from logic import Case, assess
from logic.references import ACTS, ActKey, Ref, ref, reg, ustawa

ROOT = Path(__file__).resolve().parent.parent
ELI_PDF = re.compile(r"^https://api\.sejm\.gov\.pl/eli/acts/DU/(\d{4})/(\d+)/text\.pdf$")
DZU = re.compile(r"^Dz\.U\. (\d{4}) poz\. (\d+)$")

# Dz.U. year and position of each act, from /work/shared/law/FIELDS-AND-DEADLINES.md § 1 and § 3.
EXPECTED_DZU = {
    ActKey.ROZPORZADZENIE: (2026, 57),
    ActKey.USTAWA: (2026, 15),
    ActKey.USTAWA_CMKP_2024: (2024, 1897),
    ActKey.KODEKS_CYWILNY: (2025, 1071),
    ActKey.KPA: (2025, 1691),
    ActKey.DNI_WOLNE: (2025, 296),
}


@pytest.mark.parametrize("r, label", [
    (reg(4, 2, 3), "§ 4 ust. 2 pkt 3"),
    (reg(39), "§ 39"),
    (reg(12, 1), "§ 12 ust. 1"),
    (reg(14, 1, 1, "a"), "§ 14 ust. 1 pkt 1 lit. a"),
    (ustawa(67, 4, 2), "art. 67 ust. 4 pkt 2"),
    (ustawa(67, 4), "art. 67 ust. 4"),
    (ustawa(64), "art. 64"),
    (ustawa("67a"), "art. 67a"),
    (ref(ActKey.KODEKS_CYWILNY, 111, 2), "art. 111 ust. 2"),
    (ref(ActKey.KODEKS_CYWILNY, 112), "art. 112"),
])
def test_a_unit_prints_in_the_polish_form(r, label):
    assert r.label == label


def test_a_regulation_uses_the_section_sign_and_a_statute_uses_art():
    assert reg(4).label.startswith("§ ")
    assert ustawa(4).label.startswith("art. ")
    assert ref(ActKey.KPA, 57).label.startswith("art. ")


def test_the_full_citation_adds_the_act_with_its_dz_u_position():
    assert reg(4, 2, 3).citation == "§ 4 ust. 2 pkt 3 rozporządzenia MZ z 16.01.2026 r. (Dz.U. 2026 poz. 57)"
    assert ustawa(67, 4, 2).citation == (
        "art. 67 ust. 4 pkt 2 ustawy o zawodach pielęgniarki i położnej (Dz.U. 2026 poz. 15)")


def test_a_note_follows_the_citation_after_a_comma():
    r = ustawa(67, 5, note="w brzmieniu obowiązującym od 1.01.2027 r.")
    assert r.citation.endswith("(Dz.U. 2026 poz. 15), w brzmieniu obowiązującym od 1.01.2027 r.")
    assert "brzmieniu" not in r.label


def test_numbers_and_strings_build_the_same_reference():
    assert reg(4, 2, 3) == reg("4", "2", "3")
    assert ustawa(67, 4, 2) == Ref(act=ActKey.USTAWA, unit="67", ust="4", pkt="2")


@pytest.mark.parametrize("key", list(ActKey))
def test_every_act_has_its_dz_u_citation_in_the_short_form(key):
    act = ACTS[key]
    year, pos = EXPECTED_DZU[key]
    assert act.citation == f"Dz.U. {year} poz. {pos}"
    assert f"(Dz.U. {year} poz. {pos})" in act.short
    assert act.title.strip()
    assert ref(key, 1).citation.endswith(f"(Dz.U. {year} poz. {pos})")


@pytest.mark.parametrize("key", list(ActKey))
def test_every_url_is_the_official_eli_pdf_of_the_same_act(key):
    act = ACTS[key]
    m = ELI_PDF.match(act.url)
    assert m, act.url
    assert (int(m.group(1)), int(m.group(2))) == EXPECTED_DZU[key]
    assert ref(key, 1).url == act.url


def test_every_act_is_registered_under_its_own_key():
    assert set(ACTS) == set(ActKey)
    for key, act in ACTS.items():
        assert act.key == key.value
        assert act.unit_sign == ("§" if key is ActKey.ROZPORZADZENIE else "art.")


def test_a_reference_serialises_with_its_label_citation_and_url():
    dumped = json.loads(reg(4, 2, 3).model_dump_json())
    assert dumped["label"] == "§ 4 ust. 2 pkt 3"
    assert dumped["citation"].endswith("(Dz.U. 2026 poz. 57)")
    assert dumped["url"] == "https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf"


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.json")), ids=lambda p: p.stem)
def test_every_reference_in_an_assessment_is_well_formed(path):
    case = Case.model_validate(json.loads(path.read_text(encoding="utf-8")))
    result = assess(case, date(2026, 11, 22))
    refs = [r for d in result.decisions for r in d.legal_basis]
    refs += [r for d in result.decisions for s in d.steps for r in s.legal_basis]
    assert refs
    for r in refs:
        assert re.fullmatch(r"(§|art\.) \d+[a-z]*( ust\. \d+[a-z]*)?( pkt \d+[a-z]*)?( lit\. [a-z]+)?", r.label), r.label
        assert "Dz.U." in r.citation
        assert ELI_PDF.match(r.url)
