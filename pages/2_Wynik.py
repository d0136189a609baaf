"""Wynik: the decisions for the person's case, grouped as Możesz / Jeszcze nie / Na wniosek / Wymaga wyjaśnienia."""
import streamlit as st

from logic.assess import has_person_facts
from ui import decisions as D
from ui import frame as fr

with fr.page("wynik"):
    st.title("Wynik")
    case = fr.get_case()
    if not has_person_facts(case):
        st.info("Najpierw opowiedz o sobie: odpowiedz na pytania w „Moja sytuacja” albo wczytaj zapisany plik.",
                icon=":material/info:")
        fr.link("sytuacja", "Przejdź do „Moja sytuacja”")
        fr.link("zapisz", "Wczytaj zapisany plik")
    else:
        assessment = fr.current_assessment()
        D.heading(assessment)
        D.main_answer(assessment)
        st.caption(D.DISCLAIMER)
        counts = " · ".join(f"{g.title}: {len(ds)}" for g, ds in D.grouped(assessment))
        st.markdown(f"W skrócie – {counts}")
        index = 0
        for group, decisions in D.grouped(assessment):
            st.header(f"{group.icon} {group.title}", divider="gray")
            if not decisions:
                st.markdown("_Nic w tej grupie._")
                continue
            st.caption(group.intro)
            for n, d in enumerate(decisions):
                D.show_decision(d, index, expanded=(n == 0 and group.key != "mozesz"))
                index += 1
        st.divider()
        fr.link("terminy", "Terminy i kalendarz")
        fr.link("wniosek", "Przygotuj wniosek o zaliczenie")
