"""Wniosek o zaliczenie: Annex 1 pre-filled from the interview (forms.annex1_values), the proposed credits editable,
a preview of the values, and downloads of the Annex 1 PDF and the summary PDF. The PDFs are built only on click."""
from __future__ import annotations

import hashlib
from datetime import date

import pandas as pd
import streamlit as st

from logic.assess import has_person_facts
from logic.case import FORM_LABELS_PL, Form
from ui import state as S
from ui import tables
from ui.download import private_download

CASE_KEY = "annex_case_key"
CREDITS = "annex_credits"  # the credits as the person edited them: list of dicts
EXTRA = "annex_extra"  # organizer and place as the person typed them
REV = "annex_rev"
CREDIT_COLUMNS = ("area", "description", "basis", "legal_basis")
CREDIT_LABELS = {"area": "Obszar do zaliczenia", "description": "Nazwa modułu, jednostki modułowej / placówki stażowej",
                 "basis": "Podstawa zaliczenia (ukończone kursy / zatrudnienie)", "legal_basis": "Przepis"}


def _forms():
    """The forms package, or None while it is not installed (the page still shows the proposed credits)."""
    try:
        import forms
    except ImportError:
        return None
    return forms


def _annex_pdf(values, as_of: date, generated_on: date) -> bytes:
    import forms
    return forms.build_annex1(values, as_of=as_of, generated_on=generated_on)


def _summary_pdf(case, assessment, generated_on: date) -> bytes:
    import forms
    return forms.build_summary(case, assessment, generated_on=generated_on)


def _editor_key() -> str:
    return f"annex_editor.{st.session_state[REV]}"


@S.guarded
def _commit_extra() -> None:
    ss = st.session_state
    ss[EXTRA] = {"organizer": ss.get("annex_organizer_input") or None, "place": ss.get("annex_place_input") or None}


@S.guarded
def _reset_credits() -> None:
    ss = st.session_state
    ss.pop(CREDITS, None)
    ss[REV] += 1


def _clean_row(row: dict, area_default: str) -> dict:
    out = {k: ("" if v is None or (isinstance(v, float) and v != v) else v) for k, v in row.items()}
    out["area"] = out.get("area") or area_default
    return out


# The values of Annex 1 as the form names them (pkt 1–9), for the preview.
PREVIEW_FIELDS = (("form", "Rodzaj kształcenia"), ("field", "Dziedzina"),
                  ("organizer", "Organizator kształcenia (nazwa i adres)"),
                  ("full_name", "1. Imię (imiona) i nazwisko"), ("profession", "2. Tytuł zawodowy"),
                  ("pwz_issued_by", "3. Zaświadczenie o PWZ wydane przez"), ("pwz_year", "3. Rok wydania"),
                  ("pwz_number", "4. Numer zaświadczenia o PWZ"), ("place", "Miejscowość"))
SECTIONS = (
    ("employment", "5. Przebieg pracy zawodowej",
     {"employer": "Nazwa zakładu pracy, adres", "unit": "Miejsce pracy (oddział, poradnia, inne)",
      "period": "Okres zatrudnienia"}),
    ("specialist_titles", "6. Posiadane tytuły specjalisty",
     {"field": "Dziedzina specjalizacji", "diploma": "Numer oraz data i miejsce wydania dyplomu",
      "organizer": "Nazwa organizatora kształcenia", "completed_on": "Data zakończenia specjalizacji"}),
    ("qualification_courses", "7. Ukończone kursy kwalifikacyjne", None),
    ("specialist_courses", "8. Ukończone kursy specjalistyczne", None),
    ("postgraduate_studies", "9. Ukończone studia podyplomowe",
     {"name": "Nazwa studiów podyplomowych", "certificate": "Data i miejsce wydania świadectwa",
      "university": "Nazwa uczelni"}),
)
COURSE_HEADERS = {"name": "Nazwa kursu", "certificate": "Numer oraz data i miejsce wydania zaświadczenia",
                  "organizer": "Nazwa organizatora kształcenia", "completed_on": "Data zakończenia kursu"}
TITLES = {("pielegniarka", "k"): "pielęgniarka", ("pielegniarka", "m"): "pielęgniarz",
          ("polozna", "k"): "położna", ("polozna", "m"): "położny",
          ("pielegniarka", None): "pielęgniarka / pielęgniarz", ("polozna", None): "położna / położny"}
BLANK = "(do wpisania odręcznie)"


def _shown(values, name: str) -> str:
    value = getattr(values, name, None)
    if name == "form" and value:
        return FORM_LABELS_PL[Form(value)]
    if name == "profession" and value:
        return TITLES.get((value, getattr(values, "gender", None)), value)
    return BLANK if value in (None, "") else str(value)


def _preview(values) -> None:
    st.header(":material/preview: Podgląd wartości wniosku", anchor=False)
    st.dataframe([{"Pole wniosku": label, "Wartość": _shown(values, name)} for name, label in PREVIEW_FIELDS],
                 hide_index=True, width="stretch")
    for name, title, headers in SECTIONS:
        items = getattr(values, name, None) or []
        st.markdown(f"**{title}:** " + ("brak" if not items else ""))
        if items:
            rows = [i.model_dump() for i in items]
            names = headers or COURSE_HEADERS
            st.dataframe([{names.get(k, k): v for k, v in r.items()} for r in rows], hide_index=True,
                         width="stretch")


ss = st.session_state
ss.setdefault(REV, 0)
st.title("Wniosek o zaliczenie", anchor=False)
st.markdown("Wniosek o zaliczenie modułów kształcenia, jednostek modułowych i szkolenia praktycznego "
            "(załącznik nr 1 do rozporządzenia) wypełniamy z Twoich odpowiedzi. Zaproponowane pozycje możesz "
            "zmienić, dodać albo usunąć przed pobraniem.")
case = S.get_case()
if not has_person_facts(case):
    st.info("Najpierw opowiedz o sobie w „Moja sytuacja” albo wczytaj zapisany plik.", icon=":material/info:")
    S.link("sytuacja", "Przejdź do „Moja sytuacja”")
else:
    assessment = S.current_assessment()
    if case.goal.form not in (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY):
        st.info("Wniosek o zaliczenie składa się do specjalizacji albo kursu kwalifikacyjnego. Twój cel jest "
                "inny albo jeszcze go nie wybrano – zmienisz go w „Moja sytuacja”. Podsumowanie wyniku możesz "
                "pobrać poniżej.", icon=":material/info:")
    forms = _forms()
    generated_on = S.today()
    if forms is None:
        st.warning("Przygotowanie plików PDF jest jeszcze niedostępne. Zaproponowane pozycje zobaczysz na "
                   "stronie „Wynik” w grupie „Na wniosek”.", icon=":material/construction:")
        S.link("wynik", "Przejdź do wyniku")
    else:
        values = forms.annex1_values(case, assessment)
        case_key = hashlib.sha256(case.model_dump_json().encode()).hexdigest()
        if ss.get(CASE_KEY) != case_key:  # new answers: start again from the proposal
            ss[CASE_KEY] = case_key
            ss.pop(CREDITS, None)
            ss.pop(EXTRA, None)
            ss[REV] += 1
        if CREDITS not in ss:
            ss[CREDITS] = [c.model_dump() for c in values.credits]
        extra = ss.get(EXTRA) or {"organizer": values.organizer, "place": values.place}

        st.header(":material/edit_document: Wnioskowany obszar do zaliczenia (pkt 10)", anchor=False)
        if not ss[CREDITS]:
            st.info("Z Twoich odpowiedzi nie wynika żadna podstawa do zaliczenia. Jeśli uważasz inaczej, dodaj "
                    "pozycję w tabeli.", icon=":material/info:")
        key = _editor_key()
        if key not in ss or key + "#base" not in ss:
            ss[key + "#base"] = [dict(r) for r in ss[CREDITS]]
        area_labels = {"moduly": "Moduły lub jednostki modułowe", "szkolenie_praktyczne": "Szkolenie praktyczne"}
        base = pd.DataFrame(ss[key + "#base"], columns=list(CREDIT_COLUMNS) + ["rule", "source", "outcome"])
        base = base.astype("object").where(base.notna(), None)
        cc = st.column_config
        st.data_editor(
            base, key=key, num_rows="dynamic", hide_index=True, width="stretch",
            column_order=CREDIT_COLUMNS,
            column_config={
                "area": cc.SelectboxColumn(CREDIT_LABELS["area"], options=list(area_labels),
                                           format_func=lambda v: area_labels.get(v, v), default="moduly",
                                           required=True, width="medium"),
                "description": cc.TextColumn(CREDIT_LABELS["description"], max_chars=500, width="large"),
                "basis": cc.TextColumn(CREDIT_LABELS["basis"], max_chars=500),
                "legal_basis": cc.TextColumn(CREDIT_LABELS["legal_basis"], max_chars=100),
            })
        # The editor's state is a diff against the rows it was drawn with; keep the result in our own key so
        # that it survives leaving the page (the frame does not depend on it, so the page body may do this).
        ss[CREDITS] = tables.apply_edits(ss[key + "#base"], ss.get(key))
        st.button("Przywróć propozycję asystenta", key="annex_reset", on_click=_reset_credits,
                  icon=":material/undo:")
        left, right = st.columns(2)
        left.text_input("Organizator kształcenia (nazwa i adres)", value=extra.get("organizer") or "",
                        key="annex_organizer_input", on_change=_commit_extra, max_chars=300)
        right.text_input("Miejscowość (do podpisu)", value=extra.get("place") or "", key="annex_place_input",
                         on_change=_commit_extra, max_chars=100)

        credit_type = type(values).model_fields["credits"].annotation.__args__[0]
        credits = [credit_type(**{k: v for k, v in _clean_row(r, "moduly").items()
                                  if k in credit_type.model_fields})
                   for r in ss[CREDITS] if any(r.get(k) for k in ("description", "basis"))]
        final = values.model_copy(update={"credits": credits, "organizer": extra.get("organizer"),
                                          "place": extra.get("place")})
        _preview(final)
        st.markdown("**10. Wnioskowany obszar do zaliczenia:** " + ("brak" if not credits else ""))
        if credits:
            st.dataframe([{CREDIT_LABELS["area"]: c.area_label, CREDIT_LABELS["description"]: c.description,
                           CREDIT_LABELS["basis"]: c.basis_text} for c in credits], hide_index=True,
                         width="stretch")

        st.header(":material/download: Pobierz", anchor=False)
        if case.goal.form in (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY):
            private_download("Pobierz wniosek – załącznik nr 1 (PDF)",
                             lambda: _annex_pdf(final, assessment.as_of, generated_on), key="annex_pdf",
                             file_name="wniosek-o-zaliczenie-zalacznik-1.pdf", mime="application/pdf",
                             icon=":material/picture_as_pdf:")
        private_download("Pobierz podsumowanie wyniku (PDF)", lambda: _summary_pdf(case, assessment, generated_on),
                         key="summary_pdf", file_name="podsumowanie-wyniku.pdf", mime="application/pdf",
                         icon=":material/summarize:")
        st.caption("Wniosek podpisujesz i składasz do organizatora kształcenia. Pliki tworzymy dopiero po "
                   "kliknięciu i nie zapisujemy ich na serwerze.")
