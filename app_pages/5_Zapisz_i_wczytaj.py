"""Zapisz / wczytaj: download the case as a JSON file, upload it later to continue. Nothing is stored on the
server; a broken or foreign file gets a message and changes nothing. An organizer's edition file (or an older case
file with only an edition) is not a person's answers: it is loaded as the edition of "Nabór i komisja"."""
import streamlit as st

from logic.interview import REVIEW_STEP, steps_for
from ui import casefile as CF
from ui import edition as E
from ui import editionfile as EF
from ui import state as S
from ui.download import private_download
from ui.text import plain

LOAD_ERRORS = "load_errors"
UPLOAD_REV = "upload_rev"
EDITION_LOADED = "load_edition_loaded"


@S.guarded
def _on_upload() -> None:
    ss = st.session_state
    uploaded = ss.get(f"upload.{ss[UPLOAD_REV]}")
    if uploaded is None:
        return
    raw = uploaded.getvalue()
    ss[UPLOAD_REV] += 1  # a fresh uploader, so that the same file can be chosen again
    if EF.is_edition_file(raw):
        edition, errors = EF.load_edition(raw)
        if edition is None:
            ss[LOAD_ERRORS] = errors
            return
        E.replace(edition)
        ss[EDITION_LOADED] = True
        S.flash("success", "To plik z opisem naboru (edycji kształcenia), a nie z odpowiedziami pielęgniarki lub "
                           "położnej: wczytaliśmy go na stronę organizatora „Nabór i komisja”. Twoje odpowiedzi "
                           "się nie zmieniły.")
        return
    case, errors = CF.load_case(raw)
    if errors:
        ss[LOAD_ERRORS] = errors
        return
    S.replace_case(case, answered={s.key for s in steps_for(case.goal.form)}, step=REVIEW_STEP)
    st.session_state.pop("_assessment", None)
    S.flash("success", "Wczytaliśmy Twoje odpowiedzi. Sprawdź je w „Moja sytuacja” albo przejdź do wyniku.")


ss = st.session_state
ss.setdefault(UPLOAD_REV, 0)
st.title("Zapisz / wczytaj", anchor=False)
if ss.pop(EDITION_LOADED, False):
    S.link("nabor", "Przejdź do „Nabór i komisja”, aby zobaczyć odpowiedzi dla tego naboru")
st.markdown(
    "Nie przechowujemy Twoich odpowiedzi na serwerze – znikają po zamknięciu karty przeglądarki. Aby wrócić "
    "do nich później, **pobierz plik** i zachowaj go u siebie; następnym razem **wczytaj** go tutaj.")

st.header(":material/download: Zapisz odpowiedzi w pliku", anchor=False)
case = S.get_case()
private_download("Pobierz plik z odpowiedziami (JSON)", lambda: CF.dump_case(case), key="save_case",
                 file_name=CF.FILE_NAME, mime="application/json", icon=":material/download:")
st.caption("Plik zawiera wszystko, co podałaś / podałeś, także imię i nazwisko, jeśli je wpisano. Przechowuj go "
           "jak inne dokumenty osobiste.")

st.header(":material/upload: Wczytaj zapisany plik", anchor=False)
errors = ss.pop(LOAD_ERRORS, None)
if errors:
    st.error("Nie wczytaliśmy pliku – Twoje obecne odpowiedzi się nie zmieniły.\n\n"
             + "\n".join(f"- {plain(e)}" for e in errors), icon=":material/error:")
st.file_uploader("Wybierz plik zapisany wcześniej przez asystenta (.json)",  # any type: our own Polish message
                 key=f"upload.{ss[UPLOAD_REV]}", on_change=_on_upload,
                 help="Wczytanie zastępuje obecne odpowiedzi odpowiedziami z pliku.")
st.caption("Wczytanie zastępuje odpowiedzi, które masz teraz. Plik jest czytany tylko w pamięci tej sesji.")
S.link("sytuacja", "Przejdź do „Moja sytuacja”")
S.link("wynik", "Przejdź do wyniku")
