"""Nabór i komisja: the organizer describes one edition (cohort) and sees, beside each part of the form, the answers
for it – entrance exam, commission, supplementary round, duration, EKK, notice to CMKP, kierownik – each a decision
card with its legal basis. The widgets and the edition's state are in ui/edition.py; the decisions come from
logic.assess.assess_edition. Nothing is stored on the server; the edition can be saved to a file and loaded back."""
import streamlit as st

from logic.assess import assess_edition
from ui import decisions as D
from ui import edition as E
from ui import editionfile as EF
from ui import state as S
from ui.download import private_download
from ui.text import plain

E.init()
E.seed()
edition = E.update()
assessment = assess_edition(edition, S.as_of())
cards = E.cards_by_section(assessment)

st.title("Nabór i komisja", anchor=False)
st.markdown("Dla organizatora kształcenia: opisz jedną edycję specjalizacji albo kursu. Odpowiedzi przy każdej "
            "części formularza zmieniają się od razu, gdy zmieniasz pola. Pole puste albo „Nie wiem” oznacza, że "
            "tego nie wiesz – odpowiedź powie wtedy, czego brakuje.")
st.info("Nic nie zapisujemy na serwerze: opis naboru jest tylko w pamięci tej sesji i znika po odświeżeniu "
        "albo zamknięciu karty przeglądarki. Aby wrócić do niego później, pobierz plik na dole strony.",
        icon=":material/lock:")
E.heading(assessment)
st.caption(D.DISCLAIMER)
E.show_load_errors()
for problem in st.session_state.get(E.INVALID, []):
    st.error(f"{plain(problem)} Odpowiedzi poniżej są policzone bez tej zmiany.", icon=":material/error:")
if cards[""]:
    E.show_cards(cards[""], "top")

for section in E.SECTIONS:
    st.header(f"{section.icon} {section.title}", divider="gray", anchor=False)
    left, right = st.columns([3, 2], gap="large")
    with left:
        E.draw_section(section)
    with right:
        st.subheader("Odpowiedź", anchor=False)
        if cards[section.key]:
            E.show_cards(cards[section.key], section.key)
        else:
            st.caption("Odpowiedź pojawi się tutaj, gdy podasz dane obok.")

st.header(":material/save: Zapisz / wczytaj opis naboru", divider="gray", anchor=False)
private_download("Pobierz opis naboru (JSON)", lambda: EF.dump_edition(edition), key="ed.save",
                 file_name=EF.FILE_NAME, mime="application/json", icon=":material/download:")
st.caption("Plik zawiera wszystko, co wpisano na tej stronie, także imiona i nazwiska członków komisji, jeśli je "
           "podano.")
st.file_uploader("Wczytaj opis naboru zapisany wcześniej (.json)",  # any type: our own Polish message
                 key=f"ed.upload.{st.session_state[E.UPLOAD_REV]}", on_change=E.on_upload,
                 help="Wczytanie zastępuje opis naboru, który jest teraz na tej stronie. Można też wczytać "
                      "starszy plik asystenta z opisem naboru.")
st.caption("Plik jest czytany tylko w pamięci tej sesji.")
