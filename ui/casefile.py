"""Save the case to a JSON file and load it back. Pure: no Streamlit.

The file is the case model's own JSON (the same format as examples/*.json and the command line), so a file saved
here can be checked with `python -m logic assess`. It is read by the one loader the command lines use too
(`logic.loader`: size, encoding, JSON, strict types, the model). Loading never changes anything unless the whole
file is valid.
"""
from __future__ import annotations

from typing import Any

from logic import Case
from logic import loader as L
from logic.errors import describe

FILE_NAME = "moja-sytuacja.json"
MAX_BYTES = L.MAX_BYTES  # a case is a few kilobytes
MAX_MESSAGES = 8

NOT_AN_OBJECT = "Plik nie zawiera zapisanych odpowiedzi (oczekiwano obiektu JSON z polami)."
FOREIGN = "Ten plik nie wygląda na plik zapisany przez asystenta."


def dump_case(case: Case) -> bytes:
    """The whole case, every field included, so that it loads back to exactly the same case."""
    return case.model_dump_json(indent=2).encode("utf-8")


def load_case(raw: bytes) -> tuple[Case | None, list[str]]:
    """(case, []) for a valid file; (None, Polish messages) for a broken or foreign one."""
    try:
        data = L.parse_object(raw)
    except L.Refused as refused:
        return None, [NOT_AN_OBJECT if refused.kind == "not_object" else refused.text]
    return case_from_data(data)


def case_from_data(data: dict[str, Any]) -> tuple[Case | None, list[str]]:
    """(case, []) for a parsed JSON object holding a valid case; (None, Polish messages) otherwise."""
    try:
        return L.case_from_data(data), []
    except L.Refused as refused:
        return None, [refused.text]
    except L.Invalid as err:
        return None, messages(err)


def messages(err: Any, prefix: str = "", foreign: str = FOREIGN) -> list[str]:
    """A heading and one line per problem (at most MAX_MESSAGES): the file looks foreign when at least half of its
    problems are unknown fields."""
    problems = describe(err)
    unknown = sum(1 for _, m in problems if m.startswith("nieznane pole"))
    head = foreign if unknown * 2 >= len(problems) else "W pliku są błędy:"
    lines = [f"{prefix}{path}: {message}" for path, message in problems[:MAX_MESSAGES]]
    if len(problems) > MAX_MESSAGES:
        lines.append(f"… i {len(problems) - MAX_MESSAGES} innych")
    return [head, *lines]
