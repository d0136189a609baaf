"""Terminy: the person's dated steps as a timeline with days left, and a calendar file."""
import streamlit as st

from logic.assess import has_person_facts
from logic.periods import polish_date
from logic.present import last_moment
from ui import decisions as D
from ui import state as S
from ui import timeline as T
from ui.download import private_download
from ui.text import plain

KIND_ICONS = {"deadline": ":material/alarm:", "event": ":material/event:", "earliest": ":material/event_available:"}

st.title("Terminy", anchor=False)
case = S.get_case()
if not has_person_facts(case):
    st.info("Najpierw opowiedz o sobie w „Moja sytuacja” – terminy zależą od Twojego celu.",
            icon=":material/info:")
    S.link("sytuacja", "Przejdź do „Moja sytuacja”")
else:
    assessment = S.current_assessment()
    as_of = assessment.as_of
    steps = T.dated_steps(assessment)
    st.markdown(f"Dni liczymy od **{polish_date(as_of)}** (stan prawny na dzień – zmienisz go w menu z lewej).")
    if not steps:
        st.info("Z Twoich odpowiedzi nie wynikają żadne daty. Terminy pojawią się np. przy egzaminie "
                "państwowym albo gdy warunek stażu pracy będzie spełniony dopiero w przyszłości.",
                icon=":material/info:")
    else:
        generated_on = S.today()
        private_download("Dodaj do kalendarza (plik .ics)", lambda: T.build_ics(steps, generated_on=generated_on),
                         key="ics", prepare="Przygotuj plik do kalendarza (.ics)",
                         file_name="terminy-ksztalcenie.ics", mime="text/calendar", icon=":material/calendar_add_on:",
                         help="Plik otworzysz w Kalendarzu Google, Outlooku lub w telefonie. Przy terminach "
                              f"przypomnienie {T.REMIND_DAYS_BEFORE} dni wcześniej.")
        for item in steps:
            s = item.step
            left = T.days_left_text(s.date, s.end, as_of, s.last_day)
            past = last_moment(s) < as_of
            with st.container(border=True):
                cols = st.columns([2, 5])
                cols[0].markdown(f"{KIND_ICONS[s.kind.value]} **{D.step_when(s)}**  \n"
                                 f"{D.STEP_KIND_LABELS[s.kind]} · **{left}**")
                # the label, the decision's title and the note may carry a course's name or a field as the person
                # gave it: shown literally (ui/text.py), never read as Markdown
                text = (f"{'~~' if past else ''}{plain(s.label)}{'~~ (minął)' if past else ''}  \n"
                        f"_{plain(item.decision_title)}_")
                if s.note:
                    text += f"  \n:material/info: {plain(s.note)}"
                if s.legal_basis:
                    text += "  \nPodstawa prawna: " + "; ".join(f"[{r.citation}]({r.url})" for r in s.legal_basis)
                cols[1].markdown(text)
    st.caption(D.DISCLAIMER)
