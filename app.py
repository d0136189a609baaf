"""Entry page and shared frame of the assistant.

The frame is the only place that will read the clock and route between pages; the rules live in
`logic/` and are not imported here yet.
"""
import streamlit as st

TITLE = "Asystent kształcenia podyplomowego pielęgniarek i położnych"

st.set_page_config(page_title=TITLE, layout="wide")

st.title(TITLE)
st.write(
    "Asystent pomaga pielęgniarce i położnej przygotować się do złożenia wniosku w SMK "
    "i do kontaktu z organizatorem kształcenia: podpowiada, jakie kształcenie może rozpocząć, "
    "co może zostać zaliczone lub z czego może być zwolniona, jakie są terminy i opłaty "
    "egzaminu państwowego, oraz pomaga przygotować wniosek według wzoru z załącznika nr 1 "
    "do rozporządzenia. Asystent niczego nie rozstrzyga: decyzje podejmują organizator "
    "kształcenia i dyrektor CMKP."
)
st.caption(
    "Podstawa prawna: rozporządzenie Ministra Zdrowia z 16 stycznia 2026 r. (Dz.U. 2026 poz. 57) "
    "i ustawa o zawodach pielęgniarki i położnej (Dz.U. 2026 poz. 15)."
)
