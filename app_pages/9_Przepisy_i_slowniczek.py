"""Przepisy i słowniczek: an index of the law one can search by unit ("§ 4", "art. 67") – every unit of the regulation
and of chapter 6 of the statute the assistant uses, with our explanation, the link to the official text, the rules
that cite it, the numbers it holds and the readings taken on it (logic/lawindex.py, generated from the code), the
units the assistant does not model, and the glossary (logic/glossary.py, the same texts as the interview's
tooltips).

Only our own texts are rendered as Markdown; the search text is the person's and is shown escaped (ui/text.py).

Every expander draws its content only while it is open, as Wynik's cards do (ui/decisions.py
`show_decision(lazy=True)`): it tells the server when it is opened or closed (`on_change="rerun"`) and its open
state lives in the session under `entry_key` / `group_key`, so the ~110 closed entries cost one element each instead
of the ~500 Markdown elements their bodies hold. An entry the search narrows the list to (three or fewer) opens
expanded, with its content. An open entry's body is one Markdown element.
"""
import streamlit as st

from logic import lawindex as L
from logic.glossary import TERMS, official_texts
from logic.periods import polish_date
from logic.present import fill
from logic.references import ACTS, ActKey
from ui import state as S
from ui.text import plain

ACT_HEADINGS = {ActKey.ROZPORZADZENIE: "Rozporządzenie w sprawie kształcenia podyplomowego (Dz.U. 2026 poz. 57)",
                ActKey.USTAWA: "Ustawa o zawodach pielęgniarki i położnej, rozdział 6 (Dz.U. 2026 poz. 15)"}
OTHER_ACTS = "Inne akty, na które powołują się reguły"


def act_heading(act: ActKey) -> str:
    return ACT_HEADINGS.get(act) or f"{ACTS[act].title} ({ACTS[act].citation})"


def how_many(n: int) -> str:
    if n == 1:
        return "1 przepis"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} przepisy"
    return f"{n} przepisów"


def used_by(e: L.Entry) -> str:
    """What uses a unit that no rule cites."""
    parts = [what for what, present in (("słowniczek", e.glossary), ("odczytania poniżej", e.readings),
                                        ("liczby poniżej", e.numbers)) if present]
    if parts:
        return "korzysta z niego " + " i ".join(parts)
    if "logic/periods.py" in e.modules:
        return "asystent stosuje go, licząc terminy (koniec terminu, dni wolne od pracy)"
    return "jest przywołany w kodzie reguł, ale żadna decyzja się na niego nie powołuje"


def entry_key(e: L.Entry) -> str:
    """The session-state key of an entry's open state ("law.rozporzadzenie_2026.4.2" for § 4 ust. 2)."""
    act, unit, ust = e.key
    return f"law.{act.value}.{unit}" + (f".{ust}" if ust else "")


def group_key(act: ActKey) -> str:
    """The session-state key of the open state of an act's units not modelled."""
    return f"law.not_modelled.{act.value}"


def lazy_expander(label: str, key: str, expanded: bool):
    """An expander that reruns the page when opened or closed; None while it is closed (draw nothing in it)."""
    box = st.expander(label, expanded=expanded, key=key, on_change="rerun")
    return box if box.open else None


def entry_body(e: L.Entry) -> str:
    """Everything an entry says, as one Markdown text (our own texts only)."""
    parts = [e.about, f"Tekst urzędowy: [{e.citation}]({e.url}) (PDF w Dzienniku Ustaw)"]
    if e.rules:
        parts.append("**Reguły asystenta**\n\n" + "\n".join(f"- {r.label} (`{r.code}`)" for r in e.rules))
    else:
        parts.append(f"**Reguły asystenta:** żadna reguła nie rozstrzyga na jego podstawie; {used_by(e)}.")
    if e.numbers:
        lines = []
        for n in e.numbers:
            unit = f" ({n.unit})" if n.unit else ""
            note = f" {n.note}" if n.note else ""
            lines.append(f"- {n.description}{unit}: **{n.value}** ({n.since}; {n.state}).{note}")
        parts.append("**Liczby z tego przepisu**\n\n" + "\n".join(lines))
    if e.readings:
        parts.append("**Jak rozumiemy**\n\n" + "\n".join(f"- Odczytanie nr {r.number}: {r.text}"
                                                          for r in e.readings))
    if e.glossary:
        parts.append("**W słowniczku:** " + "; ".join(e.glossary))
    return "\n\n".join(parts)


def show_entry(e: L.Entry, expanded: bool) -> None:
    box = lazy_expander(e.heading, entry_key(e), expanded)
    if box is not None:
        box.markdown(entry_body(e))


def show_not_modelled(entries: list[L.Entry], expanded: bool) -> None:
    by_act: dict[ActKey, list[L.Entry]] = {}
    for e in entries:
        by_act.setdefault(e.act, []).append(e)
    for act, group in by_act.items():
        box = lazy_expander(f"{act_heading(act)}: {how_many(len(group))}", group_key(act), expanded)
        if box is not None:
            box.markdown("\n".join(f"- **{e.label} – {e.title}.** {e.about} *Dlaczego nie:* {e.why_not}"
                                    for e in group)
                         + f"\n\nTekst urzędowy: [{ACTS[act].citation}]({ACTS[act].url}) (PDF w Dzienniku Ustaw)")


st.title("Przepisy i słowniczek")
st.header(":material/gavel: Przepisy", anchor=False)
st.markdown("Asystent opiera się na dwóch aktach. Wiążący jest tekst ogłoszony w Dzienniku Ustaw:\n\n"
            + "\n".join(f"- [{title}]({url}) ({citation})" for title, citation, url in official_texts()))
law_day = S.current_assessment().law_checked_on
st.caption(f"Przepisy sprawdziliśmy na dzień {polish_date(law_day)} "
           + fill("Od {since:exam_authority=CEM} egzamin państwowy przeprowadza Centrum Egzaminów Medycznych "
                  "(CEM).", S.as_of()))

index = L.build(S.as_of())
st.markdown("Poniżej każdy przepis, z którego korzysta asystent: co mówi (naszymi słowami), które reguły asystenta "
            "się na nim opierają, jakie liczby z niego bierzemy (na dzień stanu prawnego) i jak go rozumiemy tam, "
            "gdzie tekst nie jest jednoznaczny. Na końcu – przepisy, których asystent nie odwzorowuje.")
query = st.text_input("Szukaj przepisu (np. § 4, art. 67)", key="law_search",
                      help="Wpisz jednostkę (§ 9 ust. 2, art. 70 ust. 6) albo słowo (opłata, egzamin wstępny).")
found = index.search(query) if query.strip() else list(index.entries)
searching = bool(query.strip())
modelled = [e for e in found if e.modelled]
not_modelled = [e for e in found if not e.modelled]
if searching:
    if found:
        st.caption(f"Wyniki dla „{plain(query.strip())}”: odwzorowane – {len(modelled)}, nieodwzorowane – "
                   f"{len(not_modelled)}.")
    else:
        st.info(f"Nie znaleźliśmy przepisu pasującego do „{plain(query.strip())}”. Spróbuj np. „§ 4”, "
                f"„art. 67 ust. 4” albo słowa „opłata”.", icon=":material/search_off:")

others_shown = False
for act in index.acts():
    group = [e for e in modelled if e.act is act]
    if not group:
        continue
    if act in L.WALKED:
        st.markdown(f"### {act_heading(act)}")
    elif not others_shown:
        st.markdown(f"### {OTHER_ACTS}")
        others_shown = True
    for e in group:
        show_entry(e, expanded=searching and len(modelled) <= 3)

if not_modelled or not searching:
    st.header(":material/block: Przepisy, których asystent nie odwzorowuje", anchor=False)
    st.caption("Te jednostki istnieją w akcie, ale asystent niczego na ich podstawie nie liczy ani nie rozstrzyga. "
               "Przy każdej piszemy krótko, czego dotyczy i dlaczego jej nie odwzorowujemy.")
    show_not_modelled(not_modelled, expanded=searching)

st.header(":material/menu_book: Słowniczek", anchor=False)
st.caption("Te same wyjaśnienia widzisz w pytaniach wywiadu pod ikoną znaku zapytania.")
for t in TERMS:
    basis = ("\n\nPodstawa prawna: " + "; ".join(f"[{r.citation}]({r.url})" for r in t.basis)) if t.basis else ""
    st.container(border=True).markdown(f"**{t.term}**\n\n{t.plain_on(S.as_of())}{basis}")
