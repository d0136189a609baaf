"""Przepisy i słowniczek: the terms a person meets, in plain words (the same texts as the interview's tooltips,
from logic/glossary.py), and links to the official texts."""
import streamlit as st

from logic.glossary import TERMS, official_texts
from logic.periods import polish_date
from logic.present import fill
from ui import state as S

st.title("Przepisy i słowniczek")
st.subheader(":material/gavel: Przepisy")
st.markdown("Asystent opiera się na dwóch aktach. Wiążący jest tekst ogłoszony w Dzienniku Ustaw:")
st.markdown("\n".join(f"- [{title}]({url}) ({citation})" for title, citation, url in official_texts()))
law_day = S.current_assessment().law_checked_on
st.caption(f"Przepisy sprawdziliśmy na dzień {polish_date(law_day)}. "
           + fill("Od {since:exam_authority=CEM} egzamin państwowy przeprowadza Centrum Egzaminów Medycznych "
                  "(CEM).", S.as_of()))
st.subheader(":material/menu_book: Słowniczek")
st.caption("Te same wyjaśnienia widzisz w pytaniach wywiadu pod ikoną znaku zapytania.")
for t in TERMS:
    with st.container(border=True):
        st.markdown(f"**{t.term}**")
        st.markdown(t.plain_on(S.as_of()))
        if t.basis:
            st.markdown("Podstawa prawna: " + "; ".join(f"[{r.citation}]({r.url})" for r in t.basis))
