"""Podgląd naboru (arkusz): an organizer uploads a whole intake as one spreadsheet, and sees every applicant assessed
for the edition – counts, a table with a filter, one applicant's full decision cards, the file's problems – and
downloads the results (XLSX, CSV) and the applicants' Załącznik nr 1 (ZIP). What it draws and the session-state
contract are in ui/intake.py; the decisions come from logic.intake."""
import streamlit as st

from ui import decisions as D
from ui import intake as I
from ui import state as S

st.title("Podgląd naboru (arkusz)", anchor=False)
st.markdown("Wczytaj arkusz z danymi wszystkich osób ubiegających się o kształcenie w naborze: asystent oceni każdą "
            "z nich – czy spełnia warunki, od kiedy najwcześniej, czego brakuje, co może zostać zaliczone – z "
            "podaniem przepisu.")
st.info("Plik i wyniki są tylko w pamięci tej sesji przeglądarki: niczego nie zapisujemy na dysku serwera, nie "
        "przechowujemy w pamięci podręcznej ani nie zapisujemy w logach. Przycisk „Wyczyść dane” w panelu bocznym "
        "usuwa je od razu; zamknięcie karty także.", icon=":material/lock:")

edition = I.edition_inputs()
I.upload_section()
result = I.current_result(edition, S.as_of())
if result is None:
    st.info("Gdy wczytasz arkusz, tu pojawią się wyniki.", icon=":material/info:")
else:
    view = I.view_of(result)
    st.header(":material/fact_check: Wyniki", divider="gray", anchor=False)
    I.results_heading(result, S.as_of())
    I.edition_cards(view)
    st.subheader(":material/list: Osoby", anchor=False)
    I.counts_line(view)
    I.results_table(view)
    I.problems_section(view)
    I.export_section(view)
    st.caption(D.DISCLAIMER)
S.link("nabor", "Nabór i komisja – pytania o jedną edycję")
