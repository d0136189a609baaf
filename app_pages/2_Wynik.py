"""Wynik: the decisions for the person's case – first "Twój cel" (the decisions answering her goal), then the rest
grouped as Możesz / Jeszcze nie / Na wniosek / Wymaga wyjaśnienia; below them the case code for the help desk
(logic/casecode.py), which is shown here only: never put in the address or a log."""
import streamlit as st

from logic import casecode
from logic.assess import has_person_facts
from ui import decisions as D
from ui import state as S
from ui.text import plain

CODE_TITLE = "Kod dla infolinii"
CODE_INTRO = ("Kod nie zawiera imienia ani nazwiska, numeru PWZ ani nazwy pracodawcy; gdy podasz go konsultantowi "
              "infolinii, zobaczy on ten sam wynik, który widzisz tutaj.")

st.title("Wynik", anchor=False)
case = S.get_case()
if not has_person_facts(case):
    st.info("Najpierw opowiedz o sobie: odpowiedz na pytania w „Moja sytuacja” albo wczytaj zapisany plik.",
            icon=":material/info:")
    S.link("sytuacja", "Przejdź do „Moja sytuacja”")
    S.link("zapisz", "Wczytaj zapisany plik")
else:
    D.show_result(S.current_assessment())
    st.subheader(CODE_TITLE, anchor=False)
    st.code(casecode.encode(case), language=None)
    st.caption(CODE_INTRO)
    for text in casecode.losses(case):
        st.warning(plain(text), icon=":material/warning:")
    st.divider()
    S.link("terminy", "Terminy i kalendarz")
    S.link("wniosek", "Przygotuj wniosek o zaliczenie")
