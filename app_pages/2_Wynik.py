"""Wynik: the decisions for the person's case – first "Twój cel" (the decisions answering her goal), then the rest
grouped as Możesz / Jeszcze nie / Na wniosek / Wymaga wyjaśnienia; below them the case code for the help desk
(logic/casecode.py), which is shown here only: never put in the address or a log.

The decision cards draw their content only while open (ui/decisions.py); the assessment and the case code are kept in
this session's state while the answers stay the same (never in a cache shared between sessions)."""
import hashlib

import streamlit as st

from logic import casecode
from logic.assess import has_person_facts
from ui import decisions as D
from ui import state as S
from ui.text import plain

CODE_TITLE = "Kod dla infolinii"
CODE_INTRO = ("Kod nie zawiera imienia ani nazwiska, numeru PWZ ani nazwy pracodawcy; gdy podasz go konsultantowi "
              "infolinii, zobaczy on ten sam wynik, który widzisz tutaj.")

CODE_MEMO = "_wynik_code"  # (digest of the case, its code, what the code leaves out): this session only


def case_code(case) -> tuple[str, list[str]]:
    """The case's code for the help desk and what it leaves out, made again only when the answers changed."""
    digest = hashlib.sha256(case.model_dump_json().encode()).hexdigest()
    memo = st.session_state.get(CODE_MEMO)
    if memo is None or memo[0] != digest:
        memo = (digest, casecode.encode(case), list(casecode.losses(case)))
        st.session_state[CODE_MEMO] = memo
    return memo[1], memo[2]


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
    code, losses = case_code(case)
    st.code(code, language=None)
    st.caption(CODE_INTRO)
    for text in losses:
        st.warning(plain(text), icon=":material/warning:")
    st.divider()
    S.link("terminy", "Terminy i kalendarz")
    S.link("wniosek", "Przygotuj wniosek o zaliczenie")
