"""Infolinia – szybkie odpowiedzi: for help-desk staff. Pick the caller's question, type the two or three facts she
gives, and read out (or copy) the answer with its legal basis – on the frame's "Stan prawny na dzień". A caller who
has her result's code reads it out under "Wpisz kod". The questions and the answers come from logic/quick.py; the
widgets are in ui/quick.py. No names are asked and nothing is stored."""
import streamlit as st

from ui import quick as QU
from ui import state as S

st.title("Infolinia – szybkie odpowiedzi", anchor=False)
st.markdown("Wybierz pytanie i wpisz fakty, które podaje osoba dzwoniąca – odpowiedź zmienia się od razu. "
            "Puste pole albo „Nie wiem” oznacza, że tego nie wiadomo: odpowiedź powie, o co zapytać. "
            "Nie pytaj o imię, nazwisko ani numer PWZ – nie są potrzebne. Osoba, która ma kod ze strony „Wynik”, "
            "może go odczytać: wpisz go w sekcji „Wpisz kod” niżej.")
QU.new_call_button()
as_of = S.as_of()
QU.question_section(as_of)
QU.code_section(as_of)
