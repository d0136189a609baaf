"""Text for Markdown elements that must show literally: decision texts carry values the person or a spreadsheet
gave (a course's name, a field), and such text is never rendered as Markdown or HTML."""
from __future__ import annotations

# Every ASCII punctuation character may be escaped in CommonMark; these are the ones Markdown, Streamlit's
# directives (":material/…:", ":red[…]") or HTML could act on.
_MD_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~$:&=\"'^")


def plain(text: str) -> str:
    """`text` escaped so that st.markdown (and st.error, st.expander labels …) shows it as it is."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text).replace("\n", "  \n")
