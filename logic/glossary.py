"""The words a nurse or midwife meets in postgraduate education, explained in plain Polish.

One place for these texts: the "Przepisy i słowniczek" page lists them and the interview shows the same text as
the tooltip (help) of a question that uses the term. Explanations are our own words; the law is cited and linked
through `Ref`s, never pasted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .present import fill
from .references import ACTS, ActKey, Ref, reg, ustawa


@dataclass(frozen=True)
class Term:
    key: str
    term: str  # the word as the person meets it
    plain: str  # what it means, in plain words
    basis: tuple[Ref, ...] = field(default_factory=tuple)

    def plain_on(self, on: date) -> str:
        """The explanation with the law's numbers in force on `on` (see present.fill)."""
        return fill(self.plain, on)

    def help(self, on: date) -> str:
        """The tooltip text: the explanation and where the law says it."""
        where = "; ".join(r.label + (" rozporządzenia" if r.act is ActKey.ROZPORZADZENIE else " ustawy")
                          for r in self.basis)
        return f"**{self.term}** – {self.plain_on(on)}" + (f" (podstawa: {where})" if where else "")


TERMS: tuple[Term, ...] = (
    Term("pwz", "PWZ (prawo wykonywania zawodu)",
         "uprawnienie do pracy jako pielęgniarka lub położna, przyznawane przez okręgową radę pielęgniarek "
         "i położnych. Numer zaświadczenia ma 7 cyfr i literę: P (pielęgniarka) albo A (położna). Bez PWZ nie "
         "można rozpocząć żadnej formy kształcenia podyplomowego.",
         (ustawa(67, 4, 1), ustawa(71, 2, 1))),
    Term("smk", "SMK (System Monitorowania Kształcenia Pracowników Medycznych)",
         "system internetowy, przez który składa się wnioski o kształcenie, o zaliczenie i o dopuszczenie do "
         "egzaminu państwowego. Konto trzeba założyć i potwierdzić tożsamość, zanim złoży się pierwszy wniosek.",
         (ustawa(67, 4, 3), ustawa(67, "4b"))),
    Term("ekk", "EKK (elektroniczna karta kształcenia)",
         "karta w SMK, w której organizator i kierownik wpisują zaliczenia. EKK z wymaganymi wpisami jest "
         "dowodem ukończenia specjalizacji i dołącza się ją do wniosku o egzamin państwowy.",
         (reg(7, 1), reg(7, 2))),
    Term("cmkp", "CMKP (Centrum Medyczne Kształcenia Podyplomowego)",
         "instytucja, której dyrektor decyduje o zwolnieniu ze specjalizacji i – do {until:exam_authority=CEM} – "
         "organizuje egzamin państwowy.",
         (ustawa(67, 3),)),
    Term("cem", "CEM (Centrum Egzaminów Medycznych)",
         "instytucja, która od 1 stycznia 2027 r. przeprowadza egzamin państwowy po specjalizacji.",
         (ustawa(67, 5, note="w brzmieniu od 1.01.2027 r."),)),
    Term("organizator", "organizator kształcenia",
         "uczelnia, szkoła lub inna placówka, która prowadzi specjalizację albo kurs. To organizator kwalifikuje "
         "uczestników i rozstrzyga wnioski o zaliczenie.",
         (ustawa(61, 3), ustawa(75, 1))),
    Term("staz_pracy", "staż pracy (w zawodzie)",
         "czas, przez który pracujesz jako pielęgniarka lub położna. Do specjalizacji potrzeba co najmniej "
         "{months:specjalizacja_experience_months} pracy w ciągu ostatnich {years:specjalizacja_experience_window_years}, "
         "do kursu kwalifikacyjnego – co najmniej {months:kurs_kwalifikacyjny_experience_months}. Nie myl ze stażem "
         "w programie specjalizacji, czyli zajęciami praktycznymi w placówce.",
         (ustawa(67, 4, 2), ustawa(71, 2, 2))),
    Term("modul", "moduł (moduł kształcenia)",
         "część programu specjalizacji albo kursu kwalifikacyjnego poświęcona jednemu obszarowi, z zajęciami "
         "teoretycznymi i szkoleniem praktycznym. Moduły ukończone wcześniej mogą zostać zaliczone.",
         (reg(4, 2), reg(22, 2))),
    Term("jednostka_modulowa", "jednostka modułowa",
         "mniejsza część modułu – jeden temat w programie. Zaliczenie może objąć cały moduł albo tylko wybrane "
         "jednostki modułowe.",
         (reg(4, 2), reg(22, 2))),
    Term("specjalizacja", "specjalizacja (szkolenie specjalizacyjne)",
         "najdłuższa forma kształcenia podyplomowego w jednej dziedzinie. Kończy się egzaminem państwowym, "
         "a po jego zdaniu – tytułem specjalisty.",
         (ustawa(67, 1), ustawa(67, 2))),
    Term("kurs_kwalifikacyjny", "kurs kwalifikacyjny",
         "kurs, który daje kwalifikacje do udzielania określonych świadczeń w danej dziedzinie (np. "
         "pielęgniarstwo operacyjne). Wymaga stażu pracy co najmniej {months:kurs_kwalifikacyjny_experience_months} i "
         "kończy się egzaminem.",
         (ustawa(71, 1), ustawa(71, 2))),
    Term("kurs_specjalistyczny", "kurs specjalistyczny",
         "krótszy kurs, który uczy konkretnych czynności zawodowych (np. szczepienia, leczenie ran). Nie wymaga "
         "stażu pracy; kończy się egzaminem.",
         (ustawa(72, 1), ustawa(72, 2))),
    Term("kurs_doksztalcajacy", "kurs dokształcający",
         "krótki kurs, który pogłębia i uaktualnia wiedzę. Nie wymaga stażu pracy ani egzaminu państwowego.",
         (ustawa(73, 1), ustawa(73, 2))),
    Term("egzamin_panstwowy", "egzamin państwowy",
         "egzamin po ukończeniu specjalizacji, w sesji wiosennej albo jesiennej. Wniosek składa się przez SMK "
         "w terminie i wnosi opłatę.",
         (ustawa(67, 2), reg(9, 1), reg(9, 2))),
    Term("zaliczenie", "zaliczenie",
         "uznanie przez organizatora tego, co już zrobiłaś lub zrobiłeś (ukończony kurs, studia, praca w "
         "dziedzinie), tak że nie trzeba powtarzać części programu. Wniosek składa się według załącznika nr 1.",
         (reg(4, 2), reg(4, 3), reg(4, 5), reg(22, 2))),
    Term("zwolnienie", "zwolnienie (ze specjalizacji)",
         "decyzja dyrektora CMKP, że osoba z co najmniej stopniem doktora i dorobkiem w danej dziedzinie nie musi "
         "odbywać specjalizacji w całości albo w części. Zaliczenie dotyczy części programu i decyduje o nim "
         "organizator; zwolnienie – całej specjalizacji lub jej części i decyduje dyrektor CMKP.",
         (ustawa(67, 3), reg(5))),
    Term("dziedzina", "dziedzina",
         "obszar pielęgniarstwa lub ochrony zdrowia, w którym prowadzi się specjalizację albo kurs (np. "
         "pielęgniarstwo chirurgiczne).",
         (ustawa(74, 2),)),
    Term("dofinansowanie", "specjalizacja dofinansowana (ze środków publicznych)",
         "miejsce w specjalizacji opłacane z budżetu państwa. W tym samym czasie można odbywać tylko jedną taką "
         "specjalizację, a kolejną – dopiero po upływie {years:funded_specjalizacja_wait_years} od zakończenia (lub "
         "przerwania) poprzedniej.",
         (ustawa(70, 5), ustawa(70, 6), ustawa(70, 7))),
    Term("skierowanie", "skierowanie przez pracodawcę",
         "pielęgniarka lub położna zatrudniona na umowę o pracę może odbywać kształcenie na podstawie "
         "skierowania wydanego przez pracodawcę; wtedy przysługują jej m.in. płatne zwolnienie z części dnia "
         "pracy i urlop szkoleniowy.",
         (ustawa(61, 3), ustawa(62, 1), ustawa(65, 1))),
)
BY_KEY: dict[str, Term] = {t.key: t for t in TERMS}

# The official texts the glossary page links to, in the order shown.
OFFICIAL_TEXTS: tuple[ActKey, ...] = (ActKey.ROZPORZADZENIE, ActKey.USTAWA)


def term_help(key: str, on: date) -> str:
    """The tooltip for a question that uses the term `key`, with the law in force on `on`."""
    return BY_KEY[key].help(on)


def official_texts() -> list[tuple[str, str, str]]:
    """(title, Dz.U. citation, official address) of the acts the page links to."""
    return [(ACTS[k].title, ACTS[k].citation, ACTS[k].url) for k in OFFICIAL_TEXTS]
