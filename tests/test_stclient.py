"""The protocol-level Streamlit client of the load bench (bench/_stclient.py), against live servers.

The client speaks the installed Streamlit's websocket protocol; these tests are what tells us it still does after a
Streamlit upgrade: the nurse's whole visit (interview, Wynik, Annex 1) in two sessions at once with no error, both
kinds of download (a plain /media/ URL and a deferred one), and every kind of failure it must report – the frame's
Polish error message, an exception on the page, a closed socket.
"""
from __future__ import annotations

import io
import sys
import textwrap
from pathlib import Path

import pytest

from tests.browser_support import StreamlitServer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import _stclient as C  # noqa: E402

from ui.persist import RESTORED  # noqa: E402
from ui.state import FRIENDLY_ERROR  # noqa: E402


@pytest.fixture(scope="module")
def app_server():
    with StreamlitServer() as server:
        yield server


@pytest.fixture
def app_url(app_server):
    return app_server.url


# A tiny app for the failures: the frame's own guard around a page that fails on a click, a page whose exception
# reaches Streamlit, and both kinds of download.
FAILING_APP = textwrap.dedent(f"""
    import sys
    sys.path.insert(0, {str(ROOT)!r})
    import streamlit as st
    from ui.frame import guard

    with guard("test"):
        if st.button("Zepsuj stronę"):
            raise RuntimeError("a failure inside the frame's guard")
    if st.button("Wyjątek"):
        raise ValueError("a failure outside any guard")
    st.download_button("Plik zwykły", data=b"plain bytes", file_name="a.txt", on_click="ignore")
    st.download_button("Plik odroczony", data=lambda: b"deferred bytes", file_name="b.txt", on_click="ignore")
    st.download_button("Plik z przebiegiem", data=b"rerun bytes", file_name="c.txt")
""")


@pytest.fixture(scope="module")
def failing_server(tmp_path_factory):
    script = tmp_path_factory.mktemp("stclient") / "failing_app.py"
    script.write_text(FAILING_APP, encoding="utf-8")
    with StreamlitServer(script) as server:
        yield server


def test_two_nurses_at_once_complete_the_interview_and_download_annex_1_without_errors(app_url):
    from pypdf import PdfReader

    reports = C.run_sessions(app_url, 2)
    for report in reports:
        assert report.errors == [], report.errors
        names = [a.name for a in report.actions]
        assert names[0] == "open start"
        # the tab's storage answered once, as the component's JavaScript does in a new tab
        assert names[1] == "component asystent.tab_storage: stored"
        assert "Dalej (Podejścia do egzaminu państwowego)" in names
        assert names[-4:] == ["go to Wynik", "go to Wniosek_o_zaliczenie", "prepare Annex 1", "download Annex 1"]
        pdf = report.downloads[C.ANNEX_BUTTON]
        text = " ".join("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split())
        # what the nurse typed is on Annex 1: her name, her PWZ, the current employer (pkt 5), the kurs
        # kwalifikacyjny (pkt 7)
        for expected in ("Zofia Wiśniewska", "1234567P", "Szpital Uniwersytecki w Krakowie",
                         "Pielęgniarstwo operacyjne"):
            assert expected.casefold() in text.casefold(), expected
        assert all(a.ok and a.seconds > 0 for a in report.actions)


def test_the_sessions_are_separate_and_each_tab_keeps_its_own_answers(app_url):
    with C.Session(app_url) as first, C.Session(app_url) as second:
        first.open("Moja_sytuacja")
        second.open("Moja_sytuacja")
        C.nurse_interview(first)
        assert first.has_text("Wiśniewska")
        second.go_to("Wynik")
        assert second.has_text("Najpierw opowiedz o sobie")  # the second nurse has answered nothing
        assert first.session_id != second.session_id
        stored = next(iter(first.tab_storage.values()))
        assert '"surname":"Wiśniewska"' in stored
        assert second.tab_storage == {}  # nothing answered: no copy in the tab
        assert first.report.errors == [] and second.report.errors == []


def test_the_frames_polish_error_message_is_reported_as_an_error(failing_server):
    assert FRIENDLY_ERROR.startswith(C.FRIENDLY_ERROR_START)
    with C.Session(failing_server.url) as s:
        s.open("")
        assert s.report.errors == []
        s.click("Zepsuj stronę")
        assert s.has_text(C.FRIENDLY_ERROR_START)
        assert len(s.report.errors) == 1
        assert "the frame's error message" in s.report.errors[0]
        assert s.report.actions[-1].ok is False


def test_an_exception_on_the_page_is_reported_as_an_error(failing_server):
    with C.Session(failing_server.url) as s:
        s.open("")
        s.click("Wyjątek")
        assert s.report.errors == ["click Wyjątek: exception on the page: ValueError"]


def test_plain_deferred_and_rerunning_downloads_are_fetched(failing_server):
    with C.Session(failing_server.url) as s:
        s.open("")
        plain = s.find("Plik zwykły", kind="download_button").widget
        deferred = s.find("Plik odroczony", kind="download_button").widget
        assert plain.url.startswith("/media/") and not plain.deferred_file_id
        assert deferred.deferred_file_id and not deferred.url
        assert s.download("Plik zwykły") == b"plain bytes"
        assert s.download("Plik odroczony") == b"deferred bytes"
        runs = s.runs
        assert s.download("Plik z przebiegiem") == b"rerun bytes"
        assert s.runs == runs + 1  # a download button without on_click="ignore" reruns the script
        assert s.report.errors == []


def test_a_widget_that_is_not_on_the_page_is_a_client_error_naming_the_labels(failing_server):
    with C.Session(failing_server.url) as s:
        s.open("")
        with pytest.raises(C.ClientError, match="Wyjątek"):
            s.click("Nie ma takiego przycisku")


def test_a_socket_closed_by_the_server_is_an_error_and_after_a_restart_the_tab_gets_its_answers_back(app_server):
    s = C.Session(app_server.url, timeout=10)
    s.open("Moja_sytuacja")
    s.set("Co chcesz zrobić?", "Rozpocząć specjalizację (szkolenie specjalizacyjne)")
    s.set("W jakiej dziedzinie? (dziedzina)", C.NURSE_FIELD)
    s.click("Dalej")
    assert s.report.errors == []
    assert "Więcej o Twoim celu" in s.headings()
    app_server.stop()
    with pytest.raises(C.ClientError):
        s.click("Dalej")
    assert len(s.report.errors) == 1
    assert "closed" in s.report.errors[0] or "no answer" in s.report.errors[0]
    app_server.start()  # the same port: as a process restarted, or the proxy's other process
    app_server.wait_until_healthy()
    s.reconnect()
    # a new server session: the tab's storage gave the answers back, and the interview is where it was
    assert s.has_text(RESTORED)
    assert "Więcej o Twoim celu" in s.headings()
    assert len(s.report.errors) == 1
    s.close()
