"""The entry page and the rules every page follows: the frame (app.py, once around every page), Streamlit's own page
list hidden, no personal data in caches, URLs or logs, friendly errors, and the configuration users get."""
import ast
import logging
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.state import FRIENDLY_ERROR, PAGES

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
UI_FILES = sorted([APP, *(ROOT / "app_pages").glob("*.py"), *(ROOT / "ui").glob("*.py")])


def test_entry_page_runs_and_shows_the_title_and_the_frame():
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    assert not at.exception
    assert at.title, "the page shows no title"
    assert "Asystent" in at.title[0].value
    assert [d.label for d in at.sidebar.date_input] == ["Stan prawny na dzień"]
    assert "Zacznij: Moja sytuacja" in [p.value for p in at.main.get("page_link")]


def test_the_start_page_says_what_it_does_not_do_what_to_have_and_how_long_it_takes():
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    subheaders = [s.value for s in at.header]  # the sections under the title are h2
    assert any("Czego nie robi" in s for s in subheaders)
    assert any("pod ręką" in s for s in subheaders)
    assert any("Ile to trwa" in s for s in subheaders)


def test_every_page_file_is_in_the_menu_and_every_menu_entry_is_a_file():
    files = {f"app_pages/{p.name}" for p in (ROOT / "app_pages").glob("*.py")}
    assert {p.file for p in PAGES} == files
    assert [p.url_path for p in PAGES].count("") == 1, "exactly one start page at /"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.key)
def test_no_page_draws_the_frame_itself(page):
    """The frame runs once, in app.py, around the page: a page that imported it could draw it twice."""
    imports = _imports(ROOT / page.file)
    assert "ui.frame" not in imports and "ui.frame" not in {i.rsplit(".", 1)[0] for i in imports}, page.file


def test_app_py_is_only_the_frame():
    tree = ast.parse(APP.read_text(encoding="utf-8"))
    calls = [ast.unparse(n) for n in tree.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
    assert calls == ["frame.run()"]


def test_config_hides_the_page_list_stats_error_details_and_developer_tools():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showSidebarNavigation"] is False
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "viewer"
    assert 0 < config["server"]["maxUploadSize"] <= 20  # tests/test_download_privacy.py says why 20
    assert config["runner"]["postScriptGC"] is False


def _calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, (ast.Attribute, ast.Name))]


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_cache_across_sessions_and_no_data_in_the_url(path):
    names = " ".join(_calls(path))
    for forbidden in ("cache_data", "cache_resource", "query_params", "experimental_set_query_params"):
        assert forbidden not in names, f"{forbidden} in {path.name}"


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_nothing_is_written_to_disk(path):
    text = path.read_text(encoding="utf-8")
    for forbidden in ("open(", ".write_text(", ".write_bytes(", "tempfile"):
        assert forbidden not in text, f"{forbidden} in {path.name}"


def test_an_unexpected_error_shows_a_friendly_message_and_logs_no_personal_data(caplog):
    def script():
        from ui import frame as fr
        fr.frame("Start")
        with fr.guard("start"):
            raise ValueError("PESEL 85010112345 Anna Kowalska")

    at = AppTest.from_function(script, default_timeout=30)
    with caplog.at_level(logging.ERROR, logger="asystent"):
        at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [FRIENDLY_ERROR]
    assert [d.label for d in at.sidebar.date_input] == ["Stan prawny na dzień"]  # the frame is still there
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "ValueError" in logged
    assert "Kowalska" not in logged and "85010112345" not in logged


def test_an_error_in_a_callback_becomes_the_friendly_message_on_the_next_page(caplog):
    def script():
        import streamlit as st

        from ui import frame as fr
        from ui import state as S

        @S.guarded
        def boom():
            raise RuntimeError("Anna Kowalska 0312345P")

        fr.frame("Start")
        with fr.guard("start"):
            st.button("Przycisk", key="boom", on_click=boom)

    at = AppTest.from_function(script, default_timeout=30)
    at.run()
    with caplog.at_level(logging.ERROR, logger="asystent"):
        at.button(key="boom").click().run()
    assert not at.exception
    assert FRIENDLY_ERROR in [e.value for e in at.error]
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "RuntimeError" in logged and "Kowalska" not in logged


def test_the_pages_are_built_once_per_session_not_on_every_run():
    """st.Page resolves its file on the disk: built on every run with the menu's links it took half of a run's
    time under load (bench/bench_load.py). Once per session, and never shared between sessions."""
    from streamlit.testing.v1 import AppTest

    from ui.state import PAGE_OBJECTS, PAGES

    first, second = (AppTest.from_file(str(ROOT / "app.py"), default_timeout=60) for _ in range(2))
    first.run()
    pages = first.session_state[PAGE_OBJECTS]
    assert list(pages) == [p.key for p in PAGES]
    first.run()
    assert all(first.session_state[PAGE_OBJECTS][k] is page for k, page in pages.items())
    second.run()
    assert not any(second.session_state[PAGE_OBJECTS][k] is page for k, page in pages.items())
