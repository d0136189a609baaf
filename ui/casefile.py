"""Save the case to a JSON file and load it back. Pure: no Streamlit.

The file is the case model's own JSON (the same format as examples/*.json and the command line), so a file saved
here can be checked with `python -m logic assess`. Loading never changes anything unless the whole file is valid.
"""
from __future__ import annotations

import json

from pydantic import ValidationError

from logic import Case
from logic.case import CURRENT_SCHEMA_VERSION
from logic.errors import describe

FILE_NAME = "moja-sytuacja.json"
MAX_BYTES = 512 * 1024  # a case is a few kilobytes
MAX_MESSAGES = 8


def dump_case(case: Case) -> bytes:
    """The whole case, every field included, so that it loads back to exactly the same case."""
    return case.model_dump_json(indent=2).encode("utf-8")


def load_case(raw: bytes) -> tuple[Case | None, list[str]]:
    """(case, []) for a valid file; (None, Polish messages) for a broken or foreign one."""
    if len(raw) > MAX_BYTES:
        return None, [f"Plik jest za duży ({len(raw) // 1024} KB). Zapisany plik asystenta ma kilka KB."]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, ["To nie jest plik tekstowy JSON zapisany przez asystenta."]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return None, [f"Plik jest uszkodzony: niepoprawny JSON (wiersz {err.lineno}, znak {err.colno})."]
    if not isinstance(data, dict):
        return None, ["Plik nie zawiera zapisanych odpowiedzi (oczekiwano obiektu JSON z polami)."]
    version = data.get("schema_version", 1)
    if isinstance(version, int) and not isinstance(version, bool) and version > CURRENT_SCHEMA_VERSION:
        return None, ["Plik pochodzi z nowszej wersji asystenta; ta wersja nie umie go odczytać."]
    try:
        return Case.model_validate(data), []
    except ValidationError as err:
        problems = describe(err)
        foreign = sum(1 for _, m in problems if m.startswith("nieznane pole"))
        head = ("Ten plik nie wygląda na plik zapisany przez asystenta." if foreign * 2 >= len(problems)
                else "W pliku są błędy:")
        lines = [f"{path}: {message}" for path, message in problems[:MAX_MESSAGES]]
        if len(problems) > MAX_MESSAGES:
            lines.append(f"… i {len(problems) - MAX_MESSAGES} innych")
        return None, [head, *lines]
