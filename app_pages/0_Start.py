"""Start: the entry page at "/" – what the assistant does and does not do, and where to begin."""
import streamlit as st

from ui import state as S

st.title(S.APP_TITLE, anchor=False)
st.markdown(
    "Asystent pomaga pielęgniarce i położnej przygotować się do kształcenia podyplomowego i do złożenia "
    "wniosku w SMK.")
left, right = st.columns(2)
with left:
    st.header(":material/check: Co asystent robi", anchor=False)
    st.markdown(
        "- podpowiada, jakie kształcenie możesz rozpocząć: specjalizację, kurs kwalifikacyjny, "
        "specjalistyczny albo dokształcający;\n"
        "- mówi, co może zostać zaliczone (zaliczenie) i kiedy możesz się ubiegać o zwolnienie ze "
        "specjalizacji (zwolnienie);\n"
        "- liczy terminy i opłatę egzaminu państwowego i pozwala dodać je do kalendarza;\n"
        "- wypełnia wniosek o zaliczenie według wzoru z załącznika nr 1 do rozporządzenia;\n"
        "- przy każdej odpowiedzi podaje przepis z linkiem do oficjalnego tekstu.")
with right:
    st.header(":material/block: Czego nie robi", anchor=False)
    st.markdown(
        "- **niczego nie rozstrzyga** – decyzje podejmują organizator kształcenia i dyrektor CMKP "
        "(od 2027 r. w sprawach egzaminu – dyrektor CEM);\n"
        "- nie składa wniosków – składasz je sama / sam w SMK;\n"
        "- nie zapisuje Twoich danych na serwerze: są tylko w tej karcie przeglądarki.")
st.header(":material/inventory_2: Co warto mieć pod ręką", anchor=False)
st.markdown(
    "- numer zaświadczenia o prawie wykonywania zawodu (PWZ);\n"
    "- daty zatrudnienia i nazwy oddziałów lub poradni, w których pracowałaś / pracowałeś;\n"
    "- zaświadczenia o ukończonych kursach, świadectwa studiów podyplomowych, dyplomy;\n"
    "- jeśli zdajesz egzamin państwowy – daty i wyniki wcześniejszych podejść.")
st.header(":material/timer: Ile to trwa", anchor=False)
st.markdown(
    "Około 10–15 minut. Pytania są podzielone na krótkie kroki; pomijamy te, które nie mają znaczenia dla "
    "Twojego celu. Jeśli czegoś nie wiesz, wybierz „Nie wiem” – wynik powie, czego brakuje. Możesz w każdej "
    "chwili zapisać odpowiedzi w pliku i wrócić do nich później.")
S.link("sytuacja", "Zacznij: Moja sytuacja", icon=":material/arrow_forward:")
S.link("przepisy", "Najpierw zobacz słowniczek pojęć")
st.caption(
    "Podstawa prawna: rozporządzenie Ministra Zdrowia z 16 stycznia 2026 r. (Dz.U. 2026 poz. 57) "
    "i ustawa o zawodach pielęgniarki i położnej (Dz.U. 2026 poz. 15).")
