"""Legal references as data.

A registry of the acts the assistant relies on (title, Dz.U. citation, official ELI address) and a
unit path (art./§, ust., pkt, lit.) that prints in the Polish citation form, e.g.
"§ 4 ust. 2 pkt 3 rozporządzenia MZ z 16.01.2026 r. (Dz.U. 2026 poz. 57)".

Rules never write a citation as free text: they build a `Ref` from an act key and a unit path.
"""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, computed_field


class Act(BaseModel):
    """One legal act as the assistant cites it."""

    model_config = ConfigDict(frozen=True)

    key: str
    title: str
    short: str  # genitive form used after a unit: "§ 4 ust. 2 rozporządzenia …"
    citation: str
    url: str
    unit_sign: str  # "§" for a regulation, "art." for a statute


class ActKey(str, Enum):
    ROZPORZADZENIE = "rozporzadzenie_2026"
    USTAWA = "ustawa_zpip"
    USTAWA_CMKP_2024 = "ustawa_2024_1897"
    KODEKS_CYWILNY = "kc"
    KPA = "kpa"
    DNI_WOLNE = "dni_wolne"


ACTS: dict[ActKey, Act] = {
    ActKey.ROZPORZADZENIE: Act(
        key=ActKey.ROZPORZADZENIE.value,
        title=(
            "Rozporządzenie Ministra Zdrowia z dnia 16 stycznia 2026 r. w sprawie kształcenia "
            "podyplomowego pielęgniarek i położnych"
        ),
        short="rozporządzenia MZ z 16.01.2026 r. (Dz.U. 2026 poz. 57)",
        citation="Dz.U. 2026 poz. 57",
        url="https://api.sejm.gov.pl/eli/acts/DU/2026/57/text.pdf",
        unit_sign="§",
    ),
    ActKey.USTAWA: Act(
        key=ActKey.USTAWA.value,
        title="Ustawa z dnia 15 lipca 2011 r. o zawodach pielęgniarki i położnej (tekst jednolity)",
        short="ustawy o zawodach pielęgniarki i położnej (Dz.U. 2026 poz. 15)",
        citation="Dz.U. 2026 poz. 15",
        url="https://api.sejm.gov.pl/eli/acts/DU/2026/15/text.pdf",
        unit_sign="art.",
    ),
    ActKey.USTAWA_CMKP_2024: Act(
        key=ActKey.USTAWA_CMKP_2024.value,
        title=(
            "Ustawa z dnia 27 listopada 2024 r. o zmianie ustawy o Centrum Medycznym Kształcenia "
            "Podyplomowego oraz niektórych innych ustaw"
        ),
        short="ustawy z 27.11.2024 r. (Dz.U. 2024 poz. 1897)",
        citation="Dz.U. 2024 poz. 1897",
        url="https://api.sejm.gov.pl/eli/acts/DU/2024/1897/text.pdf",
        unit_sign="art.",
    ),
    ActKey.KODEKS_CYWILNY: Act(
        key=ActKey.KODEKS_CYWILNY.value,
        title="Ustawa z dnia 23 kwietnia 1964 r. – Kodeks cywilny (tekst jednolity)",
        short="Kodeksu cywilnego (Dz.U. 2025 poz. 1071)",
        citation="Dz.U. 2025 poz. 1071",
        url="https://api.sejm.gov.pl/eli/acts/DU/2025/1071/text.pdf",
        unit_sign="art.",
    ),
    ActKey.KPA: Act(
        key=ActKey.KPA.value,
        title="Ustawa z dnia 14 czerwca 1960 r. – Kodeks postępowania administracyjnego (tekst jednolity)",
        short="Kodeksu postępowania administracyjnego (Dz.U. 2025 poz. 1691)",
        citation="Dz.U. 2025 poz. 1691",
        url="https://api.sejm.gov.pl/eli/acts/DU/2025/1691/text.pdf",
        unit_sign="art.",
    ),
    ActKey.DNI_WOLNE: Act(
        key=ActKey.DNI_WOLNE.value,
        title="Ustawa z dnia 18 stycznia 1951 r. o dniach wolnych od pracy (tekst jednolity)",
        short="ustawy o dniach wolnych od pracy (Dz.U. 2025 poz. 296)",
        citation="Dz.U. 2025 poz. 296",
        url="https://api.sejm.gov.pl/eli/acts/DU/2025/296/text.pdf",
        unit_sign="art.",
    ),
}


class Ref(BaseModel):
    """A unit of law: act + path. `unit` is the article or paragraph number ("4", "67", "9a")."""

    model_config = ConfigDict(frozen=True)

    act: ActKey
    unit: str
    ust: str | None = None
    pkt: str | None = None
    lit: str | None = None
    note: str | None = None  # e.g. "w brzmieniu od 1.01.2027 r."

    @computed_field  # type: ignore[prop-decorator]
    @property
    def label(self) -> str:
        """The unit alone: "§ 4 ust. 2 pkt 3"."""
        parts = [f"{ACTS[self.act].unit_sign} {self.unit}"]
        if self.ust:
            parts.append(f"ust. {self.ust}")
        if self.pkt:
            parts.append(f"pkt {self.pkt}")
        if self.lit:
            parts.append(f"lit. {self.lit}")
        return " ".join(parts)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def citation(self) -> str:
        """The full Polish citation: "§ 4 ust. 2 pkt 3 rozporządzenia MZ z 16.01.2026 r. (Dz.U. 2026 poz. 57)"."""
        text = f"{self.label} {ACTS[self.act].short}"
        return f"{text}, {self.note}" if self.note else text

    @computed_field  # type: ignore[prop-decorator]
    @property
    def url(self) -> str:
        return ACTS[self.act].url

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.citation


def reg(unit: str | int, ust: str | int | None = None, pkt: str | int | None = None, lit: str | None = None,
        note: str | None = None) -> Ref:
    """A unit of the 2026 regulation (Dz.U. 2026 poz. 57)."""
    return Ref(act=ActKey.ROZPORZADZENIE, unit=str(unit), ust=_s(ust), pkt=_s(pkt), lit=lit, note=note)


def ustawa(unit: str | int, ust: str | int | None = None, pkt: str | int | None = None, lit: str | None = None,
           note: str | None = None) -> Ref:
    """A unit of the ustawa o zawodach pielęgniarki i położnej (Dz.U. 2026 poz. 15)."""
    return Ref(act=ActKey.USTAWA, unit=str(unit), ust=_s(ust), pkt=_s(pkt), lit=lit, note=note)


def ref(act: ActKey, unit: str | int, ust: str | int | None = None, pkt: str | int | None = None,
        lit: str | None = None, note: str | None = None) -> Ref:
    return Ref(act=act, unit=str(unit), ust=_s(ust), pkt=_s(pkt), lit=lit, note=note)


def _s(value: str | int | None) -> str | None:
    return None if value is None else str(value)
