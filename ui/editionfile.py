"""Save an organizer's edition (one cohort of a specialization or course) to a JSON file and load it back. Pure: no
Streamlit.

The file format ("plik naboru"):

    {"schema_version": 3, "kind": "edition", "edition": {…the Edition model's own JSON…}}

`edition` holds exactly the fields of `logic.case.Edition` (the same as the `edition` of a case file and of
examples/organizator-*.json); `schema_version` follows the case files' version, whose Edition it carries; `kind`
tells an edition file apart from a person's case file, which has no `kind`. An older case file that carries an
`edition` (as examples/organizator-*.json do) is read too: its edition is taken, and the form of education comes
from the case's goal when the edition does not name it. Loading never changes anything unless the whole file is
valid; every refusal is a Polish message.
"""
from __future__ import annotations

import json
from typing import Any

from logic import loader as L
from logic.assess import ENTRY_FORMS, has_person_facts
from logic.case import CURRENT_SCHEMA_VERSION, Edition, version_problem
from ui.casefile import messages

KIND = "edition"
SCHEMA_VERSION = CURRENT_SCHEMA_VERSION
FILE_NAME = "nabor.json"
MAX_BYTES = L.MAX_BYTES  # an edition is a few kilobytes
MAX_MESSAGES = 8
EDITION_FORMS = ENTRY_FORMS  # the four forms of education an edition can be of; never the state exam
TOP_KEYS = {"schema_version", "kind", "edition"}

NOT_JSON = "To nie jest plik tekstowy JSON zapisany przez asystenta."
NOT_AN_OBJECT = "Plik nie zawiera opisu naboru (oczekiwano obiektu JSON z polami)."
FOREIGN = "Ten plik nie wygląda na plik naboru zapisany przez asystenta."
STATE_EXAM = ("Nabór dotyczy specjalizacji albo kursu; egzamin państwowy nie ma naboru ani komisji kwalifikacyjnej. "
              "Pytania o egzamin państwowy są w „Moja sytuacja”.")
PERSON_FILE = ("To plik z odpowiedziami pielęgniarki lub położnej, bez opisu naboru. Wczytaj go na stronie "
               "„Zapisz / wczytaj”.")


def dump_edition(edition: Edition) -> bytes:
    """The whole edition, every field included, so that it loads back to exactly the same edition."""
    data = {"schema_version": SCHEMA_VERSION, "kind": KIND, "edition": edition.model_dump(mode="json")}
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def read_json(raw: bytes) -> tuple[dict[str, Any] | None, list[str]]:
    """The file's JSON object, or (None, Polish messages) when it is too big, not text, not JSON or not an object
    (the one loader, `logic.loader`, as for a case file)."""
    try:
        return L.parse_object(raw), []
    except L.Refused as refused:
        return None, [NOT_AN_OBJECT if refused.kind == "not_object" else refused.text]


def is_edition_data(data: dict[str, Any]) -> bool:
    """Does this JSON object say it is an edition file?"""
    return data.get("kind") == KIND


def is_edition_file(raw: bytes) -> bool:
    """An edition file, or an older case file that carries an edition and nothing about a person (as
    examples/organizator-*.json): what "Zapisz / wczytaj" hands to "Nabór i komisja" instead of loading it as the
    person's answers. A broken file is not one (the caller reports it as it does any broken file)."""
    data, errors = read_json(raw)
    if errors or data is None:
        return False
    if is_edition_data(data):
        return True
    if "kind" in data or data.get("edition") is None:
        return False
    try:
        case = L.case_from_data(data)
    except (L.Refused, L.Invalid):
        return False
    return case.edition is not None and not has_person_facts(case)


def load_edition(raw: bytes) -> tuple[Edition | None, list[str]]:
    """(edition, []) for a valid edition file or a case file with an edition; (None, Polish messages) otherwise."""
    data, errors = read_json(raw)
    if errors or data is None:
        return None, errors
    if is_edition_data(data):
        return _from_edition_file(data)
    if "kind" in data:
        return None, [FOREIGN]
    return _from_case_file(data)


def _version_problem(data: dict[str, Any]) -> list[str]:
    try:
        L.check_version(data)  # the case loader's own check: a file of a newer version of the assistant
    except L.Newer as newer:
        return [newer.text]
    problem = version_problem(data.get("schema_version", 1))
    return [f"{FOREIGN} Pole schema_version: {problem}."] if problem else []


def _from_edition_file(data: dict[str, Any]) -> tuple[Edition | None, list[str]]:
    problem = _version_problem(data)
    if problem:
        return None, problem
    extra = sorted(k for k in data if k not in TOP_KEYS)
    if extra:
        return None, [FOREIGN, "nieznane pola: " + ", ".join(str(k) for k in extra[:MAX_MESSAGES])]
    body = data.get("edition")
    if not isinstance(body, dict):
        return None, [FOREIGN, "edition: oczekiwano obiektu z polami"]
    try:
        edition = L.validate(Edition, body)
    except L.Invalid as err:
        return None, messages(err, prefix="edition.", foreign=FOREIGN)
    return _checked(edition)


def _from_case_file(data: dict[str, Any]) -> tuple[Edition | None, list[str]]:
    try:
        case = L.case_from_data(data)
    except L.Refused as refused:
        return None, [refused.text]
    except L.Invalid as err:
        return None, messages(err, foreign=FOREIGN)
    if case.edition is None:
        return None, [PERSON_FILE] if has_person_facts(case) else [FOREIGN]
    edition = case.edition
    if edition.form is None and case.goal.form in EDITION_FORMS:  # an older file named the form in its goal
        edition = edition.model_copy(update={"form": case.goal.form})
    return _checked(edition)


def _checked(edition: Edition) -> tuple[Edition | None, list[str]]:
    if edition.form is not None and edition.form not in EDITION_FORMS:
        return None, [STATE_EXAM]
    return edition, []
