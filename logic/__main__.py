"""Command line: `python -m logic assess|schema|explain|batch`.

    python -m logic assess CASE.json [--as-of YYYY-MM-DD] [--parameters FILE.yaml]    the assessment as JSON
    python -m logic explain CASE.json [--as-of YYYY-MM-DD] [--parameters FILE.yaml]   a readable Polish summary
    python -m logic schema                                                          the case file's JSON Schema
    python -m logic batch INTAKE.xlsx --form FORM [--field …] [--funded tak|nie] [--places N] [--start RRRR-MM-DD]
                          [--as-of RRRR-MM-DD] -o results.xlsx|results.csv [--workers N]
        a whole intake (the template of "Podgląd naboru (arkusz)", or one CSV file per sheet) assessed for the
        edition, through the same code as the page; exit status 2, with the problems listed, when no applicant
        could be assessed

--parameters reads a parameter overlay (a draft amendment, YAML or JSON): {parameter name: [values as in
logic/parameters.yaml]}, merged into the parameters for this assessment only.

This is a frame, like app.py: it is the only place here that reads the clock (today in Warsaw) when --as-of is not
given. The case file is read by the app's own loader (logic/loader.py: at most 2 MB, read no further; UTF-8; strict
JSON types), as is `python -m forms`. Bad input gets a Polish message naming the field and exit status 2, never a
traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import yaml
from pydantic import ValidationError

from . import loader
from . import parameters as P
from .assess import assess
from .case import EARLIEST_DAY, LATEST_DAY, Case
from .clock import today_in_poland
from .errors import describe
from .explain import explain

EXIT_BAD_INPUT = 2


MAX_LINES = 20  # problems listed for one file; a broken file can have thousands


def format_validation_error(err) -> str:
    """One line per problem (at most MAX_LINES): the field's path and a Polish message. `err`: a pydantic
    ValidationError or a `logic.loader.Invalid`."""
    problems = describe(err)
    lines = [f"  pole {path}: {message}" for path, message in problems[:MAX_LINES]]
    if len(problems) > MAX_LINES:
        lines.append(f"  … i {len(problems) - MAX_LINES} innych")
    return "Błędne dane w pliku przypadku:\n" + "\n".join(lines)


def _read_text(path: str, prefix: str = "") -> str:
    """The text of `path` ("-": standard input), at most `loader.MAX_BYTES`; a missing, unreadable, too large or
    non-UTF-8 file is a BadInput."""
    try:
        return loader.decode(loader.read_limited(path), f"Plik {path}")
    except loader.Refused as exc:
        raise BadInput(prefix + exc.text) from exc


def load_case(path: str) -> Case:
    """The case in `path` ("-": standard input), read by the one loader the app uses too (logic/loader.py)."""
    try:
        return loader.load_case_file(path)
    except loader.Refused as exc:
        raise BadInput(exc.text) from exc
    except loader.Invalid as exc:
        raise BadInput(format_validation_error(exc)) from exc


class BadInput(Exception):
    pass


def load_overlay(path: str | None) -> dict | None:
    """The parameter overlay in the YAML or JSON file `path`, checked against the parameters (None: no file)."""
    if path is None:
        return None
    text = _read_text(path, "--parameters: ")
    try:
        raw = yaml.load(text, Loader=P.YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (wiersz {mark.line + 1}, kolumna {mark.column + 1})" if mark is not None else ""
        raise BadInput(f"--parameters: plik {path} nie jest poprawnym plikiem YAML ani JSON{where}.") from exc
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise BadInput(f"--parameters: plik {path} musi zawierać obiekt {{nazwa parametru: [wartości]}}.")
    try:
        P.validate_overlay(raw)
    except P.OverlayError as exc:
        lines = [f"  {where}: {message}" for where, message in exc.problems]
        raise BadInput(f"Błędny plik parametrów {path}:\n" + "\n".join(lines)) from exc
    return raw


def parse_as_of(text: str | None) -> date:
    if text is None:
        return today_in_poland()
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise BadInput(f"--as-of: „{text}” nie jest datą w formacie RRRR-MM-DD.") from exc
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise BadInput(f"--as-of: data musi leżeć między {EARLIEST_DAY.year} a {LATEST_DAY.year} rokiem.")
    return day


FORM_CHOICES = ("specjalizacja", "kurs_kwalifikacyjny", "kurs_specjalistyczny", "kurs_doksztalcajacy")
YES_NO = {"tak": True, "nie": False, "nie_wiem": None}


def run_batch(args: argparse.Namespace) -> int:
    """The intake from files to a results file; problems go to stderr with their sheet, row and column."""
    from .case import Form
    from .intake.batch import assess_intake
    from .intake.export import results_csv, results_xlsx
    from .intake.model import EditionFacts, Status
    from .intake.reader import IntakeFileError, read_intake, read_intake_file

    files = []
    for path in args.intake:
        try:  # never more than the reader's limit + 1 byte in memory, as in the app
            files.append(read_intake_file(path))
        except IntakeFileError as exc:
            raise BadInput(str(exc)) from exc
    out = Path(args.output)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise BadInput("-o: plik wyników musi mieć rozszerzenie .xlsx albo .csv.")
    start = None
    if args.start is not None:
        try:
            start = date.fromisoformat(args.start)
        except ValueError as exc:
            raise BadInput(f"--start: „{args.start}” nie jest datą w formacie RRRR-MM-DD.") from exc
    try:
        edition = EditionFacts(form=Form(args.form), field=args.field, publicly_funded=YES_NO[args.funded],
                               places=args.places, planned_start=start)
    except ValidationError as exc:
        raise BadInput(format_validation_error(exc)) from exc
    as_of = parse_as_of(args.as_of)
    intake = read_intake(files)
    for problem in intake.problems:
        print(problem.text(), file=sys.stderr)
    result = assess_intake(intake, edition, as_of, workers=max(1, args.workers))
    assessed = sum(1 for r in result.results if r.status is Status.ASSESSED)
    if assessed == 0:
        print("Nie oceniono nikogo: w pliku nie ma ani jednej osoby z poprawnymi danymi.", file=sys.stderr)
        return EXIT_BAD_INPUT
    data = results_xlsx(result) if out.suffix.lower() == ".xlsx" else results_csv(result)
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise BadInput(f"Nie można zapisać pliku {out}.") from exc
    print(f"Oceniono {assessed} z {len(result.results)} osób; wyniki: {out}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m logic", description="Reguły kształcenia podyplomowego "
                                     "pielęgniarek i położnych (Dz.U. 2026 poz. 57).")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("assess", "ocena przypadku jako JSON"), ("explain", "czytelne podsumowanie po polsku")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("case", help="plik JSON z danymi przypadku (- = standardowe wejście)")
        p.add_argument("--as-of", dest="as_of", help="data oceny RRRR-MM-DD (domyślnie dziś)")
        p.add_argument("--parameters", dest="parameters", metavar="FILE.yaml",
                       help="nakładka parametrów (projekt zmiany przepisów) w YAML lub JSON: "
                            "{nazwa parametru: [wartości jak w logic/parameters.yaml]}")
    sub.add_parser("schema", help="JSON Schema pliku przypadku")
    b = sub.add_parser("batch", help="ocena całego naboru z arkusza (XLSX albo pliki CSV, po jednym na arkusz)")
    b.add_argument("intake", nargs="+", help="plik XLSX z szablonu albo pliki CSV (np. Osoby.csv Praca.csv …)")
    b.add_argument("--form", required=True, choices=FORM_CHOICES, help="rodzaj kształcenia w naborze")
    b.add_argument("--field", help="dziedzina (np. „pielęgniarstwo chirurgiczne”)")
    b.add_argument("--funded", choices=tuple(YES_NO), default="nie_wiem",
                   help="czy specjalizacja jest dofinansowana ze środków publicznych")
    b.add_argument("--places", type=int, help="liczba miejsc")
    b.add_argument("--start", help="planowana data rozpoczęcia RRRR-MM-DD")
    b.add_argument("--as-of", dest="as_of", help="data oceny RRRR-MM-DD (domyślnie dziś)")
    b.add_argument("-o", "--output", required=True, help="plik wyników: .xlsx albo .csv")
    b.add_argument("--workers", type=int, default=1, help="liczba procesów oceniających (duże pliki)")
    args = parser.parse_args(argv)
    try:
        if args.command == "batch":
            return run_batch(args)
        if args.command == "schema":
            print(json.dumps(Case.model_json_schema(), ensure_ascii=False, indent=2))
            return 0
        case = load_case(args.case)
        overlay = load_overlay(args.parameters)
        result = assess(case, parse_as_of(args.as_of), overlay=overlay)
    except BadInput as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.command == "assess":
        print(result.model_dump_json(indent=2))
    else:
        print(explain(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
