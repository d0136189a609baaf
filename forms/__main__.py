"""Command line: `python -m forms annex1|summary CASE.json -o OUT.pdf [--as-of YYYY-MM-DD]`.

    python -m forms annex1 CASE.json -o wniosek.pdf          Annex 1 (wniosek o zaliczenie), filled from the case
    python -m forms summary CASE.json -o podsumowanie.pdf    the summary of the assessment

A frame like logic/__main__.py: the only place here that reads the clock (today in Warsaw) for --as-of and for the
generation date. Bad input gets a Polish message and exit status 2. The PDF is written only where -o says
("-" = standard output); nothing else is written to disk.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from logic.__main__ import EXIT_BAD_INPUT, BadInput, load_case, parse_as_of
from logic.assess import assess
from logic.case import FORM_LABELS_PL, Form
from logic.clock import today_in_poland

from .annex1 import annex1_values, build_annex1
from .summary import build_summary

ANNEX_FORMS = (Form.SPECJALIZACJA, Form.KURS_KWALIFIKACYJNY)


def write_output(target: str, data: bytes) -> None:
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise BadInput(f"-o: {target} jest katalogiem; podaj nazwę pliku PDF, np. {path / 'wniosek.pdf'}.")
    try:
        path.write_bytes(data)
    except FileNotFoundError as exc:
        raise BadInput(f"-o: nie ma katalogu {path.parent}.") from exc
    except OSError as exc:
        raise BadInput(f"-o: nie można zapisać pliku {target} ({exc.strerror or exc}).") from exc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m forms", description="Dokumenty PDF: wniosek o zaliczenie "
                                     "(załącznik nr 1 do rozporządzenia, Dz.U. 2026 poz. 57) i podsumowanie oceny.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("annex1", "wniosek o zaliczenie – załącznik nr 1"),
                            ("summary", "podsumowanie oceny przypadku")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("case", help="plik JSON z danymi przypadku (- = standardowe wejście)")
        p.add_argument("-o", "--output", required=True, help="plik PDF do zapisania (- = standardowe wyjście)")
        p.add_argument("--as-of", dest="as_of", help="data oceny RRRR-MM-DD (domyślnie dziś)")
    args = parser.parse_args(argv)
    try:
        case = load_case(args.case)
        as_of = parse_as_of(args.as_of)
        generated_on = today_in_poland()
        assessment = assess(case, as_of)
        if args.command == "annex1":
            if case.goal.form not in ANNEX_FORMS:
                goal = FORM_LABELS_PL[case.goal.form] if case.goal.form else "nie podano celu"
                print(f"Uwaga: załącznik nr 1 dotyczy specjalizacji lub kursu kwalifikacyjnego (cel w pliku: {goal}); "
                      f"wniosek ma puste pola do uzupełnienia.", file=sys.stderr)
            data = build_annex1(annex1_values(case, assessment), as_of=as_of, generated_on=generated_on)
        else:
            data = build_summary(case, assessment, generated_on=generated_on)
        write_output(args.output, data)
    except BadInput as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.output != "-":
        print(f"Zapisano {args.output} ({len(data) // 1024 + 1} KB).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
