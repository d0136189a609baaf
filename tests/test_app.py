"""The entry page runs headlessly with AppTest and shows its title."""
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"


def test_entry_page_runs_and_shows_the_title():
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    assert not at.exception
    assert at.title, "the page shows no title"
    assert "Asystent" in at.title[0].value
