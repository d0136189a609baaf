"""The index of the law: every unit of the 2026 regulation (Dz.U. 2026 poz. 57, § 1–39) and of chapter 6 of the
ustawa o zawodach pielęgniarki i położnej (Dz.U. 2026 poz. 15, art. 61–83), and what the assistant does with it.

The index is generated from the code, so that it cannot drift from what the rules do:

- the units cited: a static scan (the `ast` module, no imports of the rules) of every `reg(...)`, `ustawa(...)` and
  `ref(ActKey…, ...)` call in logic/**/*.py, with the arguments read as the code writes them (a literal, a local
  name set to literals, a module constant); a call the scan cannot read is listed in DYNAMIC_CITATIONS, and
  tests/test_lawindex.py fails on one that is not;
- the rules that cite a unit: the rule codes of the function that builds (or uses) the reference. A function's rule
  codes are the codes it writes (`rule=…`, `rule = …`, `needs_review(rule, …)`), its default `rule` argument and
  the codes its callers pass to it; a helper without codes of its own lends its references to every function that
  calls it. This is an over-approximation at function level (a rule that may cite a unit on one of its paths is
  listed), checked in the tests against the decisions the scenario files produce: every unit a decision cites
  names that decision's rule here;
- the numbers: every parameter value of logic/parameters.yaml, under the unit of its `ref`, and the rules that read
  that parameter;
- the readings (logic/readings.py): each reading's `where` names units in words ("§ 4 ust. 4, § 22 ust. 2");
  `units_in` reads them;
- the explanations: TEXTS, our own plain-Polish words for each unit (the law is cited and linked, never pasted),
  with the law's numbers as placeholders (`explain`, built on `present.fill`), and for the units the assistant does
  not model, why not; READINGS_PL says each reading in Polish.

`build(on)` puts it together for one day (the numbers in force, the texts filled in); `LawIndex.search` finds units
by number ("§ 4", "art. 67 ust. 4") and by words. The page "Przepisy i słowniczek" shows it.

An entry of the index is a unit at the level of "ustęp": § 4 ust. 2 (its points are shown on the rules' decisions);
a paragraph or article cited only as a whole, or with a single unit, is one entry (§ 10, art. 64).
"""
from __future__ import annotations

import ast
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from . import parameters as P
from .experience import days_word, months_word, plural, requirement_text, years_word
from .periods import polish_date
from .present import fill
from .readings import INFORMATIONAL, READINGS
from .references import ACTS, ActKey, Ref

PACKAGE = Path(__file__).resolve().parent
# The modules that build references without citing a unit themselves (the builders), and this index.
NOT_SCANNED = {"logic/references.py", "logic/lawindex.py"}
REFERENCES = "logic.references"
REF_BUILDERS = {"reg": ActKey.ROZPORZADZENIE, "ustawa": ActKey.USTAWA}
BUILDERS = (*REF_BUILDERS, "ref")

# --- the structure of the two acts ----------------------------------------------------------------------------------
#
# For each paragraph (§) of the regulation and each article of chapter 6 of the statute: its units (ustępy), or ()
# for a paragraph or article of one unit. The regulation's structure is checked against the text in
# shared/law/rozporzadzenie-2026-poz-57.md by tests/test_lawindex.py. The statute's comes from shared/law/NOTES.md,
# section 5 (QUOTED from the consolidated text), where the notes give an article's units; an article given as () is
# one entry as a whole (the notes summarise it, or the assistant cites it only as a whole: art. 63, 64, 68).

REGULATION: dict[str, tuple[str, ...]] = {
    "1": (), "2": (), "3": tuple("12345678"), "4": tuple("1234567"), "5": tuple("1234"), "6": tuple("123"),
    "7": tuple("12"), "8": (), "9": tuple("12"), "10": (), "11": tuple("1234"), "12": tuple("123"),
    "13": tuple("12345"), "14": tuple("1234567"), "15": tuple("12"), "16": (), "17": (), "18": (), "19": (), "20": (),
    "21": tuple("123"), "22": tuple("123"), "23": tuple("12"), "24": tuple("12"), "25": tuple("12"),
    "26": tuple("12345"), "27": tuple("12"), "28": tuple("12"), "29": tuple("12"), "30": (), "31": (),
    "32": tuple("12"), "33": tuple("12"), "34": tuple("12"), "35": tuple("12"), "36": (), "37": tuple("123"),
    "38": (), "39": (),
}

CHAPTER_6: dict[str, tuple[str, ...]] = {
    "61": tuple("12345"), "61a": (), "62": tuple("123"), "63": (), "64": (), "65": tuple("12"), "66": tuple("12"),
    "67": ("1", "2", "3", "4", "4a", "4b", "4c", "4d", "4e", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"),
    "67a": tuple("123"), "68": (), "69": tuple("12345"),
    "70": ("1", "2", "3", "3a", "3b", "3c", "4", "5", "6", "7", "8", "9", "10"),
    "71": tuple("12345"), "72": tuple("123"), "73": tuple("123"), "74": tuple("12"), "75": tuple("1234"),
    "75a": (), "75b": (), "76": (), "77": (), "78": (), "79": (), "80": (), "81": (), "82": (), "83": (),
}

STRUCTURE: dict[ActKey, dict[str, tuple[str, ...]]] = {ActKey.ROZPORZADZENIE: REGULATION, ActKey.USTAWA: CHAPTER_6}
# The acts whose every unit the index walks; other acts appear only with the units the code cites.
WALKED: tuple[ActKey, ...] = (ActKey.ROZPORZADZENIE, ActKey.USTAWA)

Key = tuple[ActKey, str, str | None]  # (act, paragraph or article, ustęp or None for the whole)


def key_of(ref: Ref) -> Key:
    """The index entry a reference belongs to, before the structure is known: (act, unit, ust)."""
    return (ref.act, ref.unit, ref.ust)


def label_of(key: Key) -> str:
    """ "§ 4 ust. 2", "art. 64"."""
    act, unit, ust = key
    return Ref(act=act, unit=unit, ust=ust).label


def _unit_order(unit: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", unit)
    return (int(m.group(1)), m.group(2)) if m else (10 ** 6, unit)


def sort_key(key: Key) -> tuple:
    act, unit, ust = key
    acts = list(ActKey)
    return (acts.index(act), _unit_order(unit), _unit_order(ust) if ust else (-1, ""))


# --- the static scan ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cited:
    """One reference built in the code: the unit, and where (module, line, the function or module-level name)."""

    act: ActKey
    unit: str
    ust: str | None
    pkt: str | None
    module: str
    line: int
    scope: str  # "function", "Class.method", "=NAME" for a module-level name, "" for other module-level code

    @property
    def key(self) -> Key:
        return (self.act, self.unit, self.ust)


@dataclass(frozen=True)
class Unreadable:
    """A call the scan cannot read: a reference whose arguments, or a rule code, come from elsewhere."""

    what: str  # "ref" or "rule"
    text: str  # the call or expression as written
    module: str
    line: int

    def __str__(self) -> str:
        return f"{self.text} ({self.module}:{self.line})"


@dataclass(frozen=True)
class DynamicCitation:
    """A reference call whose arguments the scan cannot read, and the units it can cite."""

    module: str
    call: str  # the call as `ast.unparse` prints it
    refs: tuple[Ref, ...]
    why: str


@dataclass(frozen=True)
class DynamicRuleCode:
    """A rule code built with an f-string: the pattern as written, how the index shows it, and the codes it makes."""

    module: str
    pattern: str  # "a.{form.value}.entry"
    shown: str  # "a.<forma>.entry"
    codes: tuple[str, ...]

    def regex(self) -> re.Pattern:
        parts = re.split(r"\{[^{}]*\}", self.pattern)
        return re.compile(".+".join(re.escape(p) for p in parts))


# No reference call in logic/ needs this today; a call like `reg(par, 2)` whose `par` is a parameter of the function
# would be listed here with the units it can cite.
DYNAMIC_CITATIONS: tuple[DynamicCitation, ...] = ()

DYNAMIC_RULE_CODES: tuple[DynamicRuleCode, ...] = (
    DynamicRuleCode("logic/rules/entry.py", "a.{form.value}.entry", "a.<forma kształcenia>.entry",
                    ("a.specjalizacja.entry", "a.kurs_kwalifikacyjny.entry", "a.kurs_specjalistyczny.entry",
                     "a.kurs_doksztalcajacy.entry")),
)

_PARAMETER_CALLS = {"value", "entry", "session_value", "session_entry", "session_date", "session_period"}
_PLACEHOLDER_NAME = re.compile(r"\{(?:years|months|n|date|since|until):([a-z_]+)")


class _Module:
    """One source file: its imports, module-level names and functions."""

    def __init__(self, path: Path, base: Path):
        self.path = path.relative_to(base).as_posix()
        self.dotted = self.path.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
        self.package = self.dotted if path.name == "__init__.py" else self.dotted.rsplit(".", 1)[0]
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=self.path)
        self.imports: dict[str, tuple[str, str | None]] = {}  # local name → (module, attribute or None)
        self.top: dict[str, ast.expr] = {}  # module-level name → its value
        self.functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
        self.classes: set[str] = set()
        for node in self.tree.body:
            if isinstance(node, ast.ImportFrom):
                base = self._absolute(node)
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (base, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    self.imports[alias.asname or alias.name.split(".")[0]] = (alias.name, None)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Name):
                        self.top[t.id] = node.value
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[node.name] = node
            elif isinstance(node, ast.ClassDef):
                self.classes.add(node.name)
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        self.functions[f"{node.name}.{item.name}"] = item

    def _absolute(self, node: ast.ImportFrom) -> str:
        if not node.level:
            return node.module or ""
        parts = self.package.split(".")
        base = ".".join(parts[: len(parts) - node.level + 1])
        return f"{base}.{node.module}" if node.module else base


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    a = fn.args
    return [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs]


def _assigned(fn: ast.AST, name: str) -> list[ast.expr]:
    """The values assigned to `name` anywhere in `fn` (plain and tuple assignments)."""
    out: list[ast.expr] = []
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name) and t.id == name:
                    out.append(node.value)
                elif isinstance(t, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    out += [v for e, v in zip(t.elts, node.value.elts) if isinstance(e, ast.Name) and e.id == name]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name \
                and node.value is not None:
            out.append(node.value)
    return out


class _Scan:
    """The whole package, read once: citations, rule codes, parameter names and calls per function."""

    def __init__(self, root: Path = PACKAGE):
        """Read every Python file under `root` (a package named `logic`, whose `references` module builds refs)."""
        self.modules: dict[str, _Module] = {}
        for path in sorted(root.rglob("*.py")):
            m = _Module(path, root.parent)
            if m.path not in NOT_SCANNED:
                self.modules[m.dotted] = m
        self.parameter_names = set(P.base().parameters)
        self.unreadable: list[Unreadable] = []
        self.patterns: list[tuple[str, str, int]] = []  # (pattern, module, line) of f-string rule codes
        # per node: a node is (module dotted, qualname) for a function, or (module dotted, "=NAME") for a name
        self.cites: dict[tuple[str, str], list[Cited]] = defaultdict(list)
        self.uses: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)  # node → nodes it uses
        self.own_codes: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.passed_codes: dict[tuple[str, str], set[str]] = defaultdict(set)  # function → codes callers pass in
        self.params_used: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.module_level: list[Cited] = []
        for m in self.modules.values():
            self._read_module(m)

    # -- resolving names -------------------------------------------------------------------------------------------

    def _values(self, node: ast.expr, m: _Module, fn: ast.AST | None, depth: int = 0) -> list[tuple[str, str]]:
        """What an expression can be: ("lit", text), ("pat", f-string pattern), ("param", name) for a parameter of
        the function, or ("?", the expression)."""
        if depth > 8:
            return [("?", ast.unparse(node))]
        if isinstance(node, ast.Constant) and isinstance(node.value, (str, int)) and not isinstance(node.value, bool):
            return [("lit", str(node.value))]
        if isinstance(node, ast.Constant) and node.value is None:
            return [("none", "")]
        if isinstance(node, ast.JoinedStr):
            out = []
            for part in node.values:
                if isinstance(part, ast.Constant):
                    out.append(str(part.value))
                else:
                    out.append("{" + ast.unparse(part.value) + "}")
            return [("pat", "".join(out))]
        if isinstance(node, ast.IfExp):
            return self._values(node.body, m, fn, depth + 1) + self._values(node.orelse, m, fn, depth + 1)
        if isinstance(node, ast.BoolOp):
            return [v for x in node.values for v in self._values(x, m, fn, depth + 1)]
        if isinstance(node, ast.Name):
            if fn is not None and isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.id in _params(fn):
                return [("param", node.id)]
            local = _assigned(fn, node.id) if fn is not None else []
            if local:
                return [v for x in local for v in self._values(x, m, fn, depth + 1)]
            if node.id in m.top:
                return self._values(m.top[node.id], m, None, depth + 1)
            if node.id in m.imports:
                mod, attr = m.imports[node.id]
                other = self.modules.get(mod)
                if other is not None and attr in other.top:
                    return self._values(other.top[attr], other, None, depth + 1)
        return [("?", ast.unparse(node))]

    def _node_of_name(self, m: _Module, name: str) -> tuple[str, str] | None:
        """The function or module-level name `name` refers to in module `m` (own or imported)."""
        if name in m.functions:
            return (m.dotted, name)
        if name in m.top:
            return (m.dotted, "=" + name)
        if name in m.imports:
            mod, attr = m.imports[name]
            other = self.modules.get(mod)
            if other is not None and attr is not None:
                if attr in other.functions:
                    return (other.dotted, attr)
                if attr in other.top:
                    return (other.dotted, "=" + attr)
        return None

    def _module_alias(self, m: _Module, name: str) -> _Module | None:
        if name not in m.imports:
            return None
        mod, attr = m.imports[name]
        return self.modules.get(f"{mod}.{attr}" if attr else mod) or (self.modules.get(mod) if attr is None else None)

    # -- reading a module ------------------------------------------------------------------------------------------

    def _read_module(self, m: _Module) -> None:
        in_functions: set[int] = set()
        for qual, fn in m.functions.items():
            node = (m.dotted, qual)
            self._read_body(m, fn, fn, node)
            in_functions.update(id(n) for n in ast.walk(fn))
        for name, value in m.top.items():
            self._read_body(m, value, None, (m.dotted, "=" + name))
            in_functions.update(id(n) for n in ast.walk(value))
        for n in ast.walk(m.tree):  # module-level code outside functions and names (e.g. a call at import time)
            if isinstance(n, ast.Call) and id(n) not in in_functions and self._is_builder(n, m):
                for c in self._citations(n, m, None, ""):
                    self.module_level.append(c)

    def _read_body(self, m: _Module, body: ast.AST, fn: ast.AST | None, node: tuple[str, str]) -> None:
        scope = node[1]
        for n in ast.walk(body):
            if isinstance(n, ast.Call):
                name = _call_name(n)
                if self._is_builder(n, m):
                    self.cites[node] += self._citations(n, m, fn, scope)
                if name in _PARAMETER_CALLS and n.args:
                    for kind, v in self._values(n.args[0], m, fn):
                        if kind == "lit" and v in self.parameter_names:
                            self.params_used[node].add(v)
                self._rule_codes_of_call(n, m, fn, node)
            elif isinstance(n, ast.Constant) and isinstance(n.value, str):
                if n.value in self.parameter_names:
                    self.params_used[node].add(n.value)
                self.params_used[node].update(p for p in _PLACEHOLDER_NAME.findall(n.value)
                                              if p in self.parameter_names)
            elif isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load):
                target = self._node_of_name(m, n.id)
                if target is not None and target != node:
                    self.uses[node].add(target)
            elif isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load):
                alias = self._module_alias(m, n.value.id) if isinstance(n.value, ast.Name) else None
                if alias is not None:
                    target = self._node_of_name(alias, n.attr)
                    if target is not None:
                        self.uses[node].add(target)
                else:  # a method or property of a class of this module, by name
                    for qual in m.functions:
                        if "." in qual and qual.split(".", 1)[1] == n.attr and (m.dotted, qual) != node:
                            self.uses[node].add((m.dotted, qual))
        if fn is not None:
            self._rule_codes_of_function(m, fn, node)

    def _is_builder(self, call: ast.Call, m: _Module) -> bool:
        """Is this a call of `reg`, `ustawa` or `ref` from logic/references.py (by name or through the module)?"""
        f = call.func
        if isinstance(f, ast.Name):
            return m.imports.get(f.id) in {(REFERENCES, name) for name in BUILDERS}
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.attr in BUILDERS:
            mod, attr = m.imports.get(f.value.id, ("", None))
            return (f"{mod}.{attr}" if attr else mod) == REFERENCES
        return False

    def _citations(self, call: ast.Call, m: _Module, fn: ast.AST | None, scope: str) -> list[Cited]:
        name = _call_name(call)
        args = list(call.args)
        if name == "ref":
            if not args or not (isinstance(args[0], ast.Attribute) and isinstance(args[0].value, ast.Name)
                                and args[0].value.id == "ActKey" and args[0].attr in ActKey.__members__):
                self.unreadable.append(Unreadable("ref", ast.unparse(call), m.path, call.lineno))
                return []
            act = ActKey[args[0].attr]
            args = args[1:]
        else:
            act = REF_BUILDERS[name]  # type: ignore[index]
        slots = dict(zip(("unit", "ust", "pkt", "lit"), args))
        slots.update({k.arg: k.value for k in call.keywords if k.arg in ("unit", "ust", "pkt", "lit")})
        options: dict[str, list[str | None]] = {}
        for slot in ("unit", "ust", "pkt"):
            if slot not in slots:
                options[slot] = [None]
                continue
            values = self._values(slots[slot], m, fn)
            if any(kind not in ("lit", "none") for kind, _ in values):
                dynamic = [d for d in DYNAMIC_CITATIONS if d.module == m.path and d.call == ast.unparse(call)]
                if dynamic:
                    return [Cited(r.act, r.unit, r.ust, r.pkt, m.path, call.lineno, scope)
                            for d in dynamic for r in d.refs]
                self.unreadable.append(Unreadable("ref", ast.unparse(call), m.path, call.lineno))
                return []
            options[slot] = [v if kind == "lit" else None for kind, v in values]
        return [Cited(act, unit, ust, pkt, m.path, call.lineno, scope)
                for unit in options["unit"] if unit is not None for ust in options["ust"] for pkt in options["pkt"]]

    def _codes(self, node: ast.expr, m: _Module, fn: ast.AST | None, report: bool = True) -> tuple[set[str], bool]:
        """The rule codes an expression can be, and whether it is (also) the function's own `rule` parameter."""
        codes: set[str] = set()
        from_param = False
        for kind, v in self._values(node, m, fn):
            if kind == "lit":
                codes.add(v)
            elif kind == "pat":
                codes.add(v)
                self.patterns.append((v, m.path, node.lineno))
            elif kind == "param":
                from_param = True
            elif report:
                self.unreadable.append(Unreadable("rule", v, m.path, node.lineno))
        return codes, from_param

    def _rule_codes_of_call(self, call: ast.Call, m: _Module, fn: ast.AST | None, node: tuple[str, str]) -> None:
        """`Decision(rule=…)`, `needs_review(rule, …)` and any call passing `rule=…` (or `rule` by position) on."""
        name = _call_name(call)
        arg = next((k.value for k in call.keywords if k.arg == "rule"), None)
        callee = self._callee(call, m)
        if arg is None and name == "needs_review" and call.args:
            arg = call.args[0]
        if arg is None and callee is not None:
            target = self.modules[callee[0]].functions.get(callee[1])
            if target is not None and "rule" in _params(target):
                i = _params(target).index("rule")
                if i < len(call.args):
                    arg = call.args[i]
        if arg is None:
            return
        # Only a decision's own code must be readable; a code passed to a function that does not build a decision
        # (`answers_goal(d.rule, …)`) is not a rule code the index needs.
        codes, _ = self._codes(arg, m, fn, report=name in ("Decision", "needs_review"))
        if codes:
            self.own_codes[node] |= codes
            if callee is not None:
                self.passed_codes[callee] |= codes

    def _callee(self, call: ast.Call, m: _Module) -> tuple[str, str] | None:
        f = call.func
        if isinstance(f, ast.Name):
            target = self._node_of_name(m, f.id)
            return target if target is not None and not target[1].startswith("=") else None
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            alias = self._module_alias(m, f.value.id)
            if alias is not None and f.attr in alias.functions:
                return (alias.dotted, f.attr)
        return None

    def _rule_codes_of_function(self, m: _Module, fn: ast.FunctionDef | ast.AsyncFunctionDef,
                                node: tuple[str, str]) -> None:
        """Assignments to `rule` and the default of a `rule` parameter."""
        for value in _assigned(fn, "rule"):
            codes, _ = self._codes(value, m, fn)
            self.own_codes[node] |= codes
        a = fn.args
        positional = a.posonlyargs + a.args
        pairs = list(zip(positional[len(positional) - len(a.defaults):], a.defaults))
        pairs += [(k, d) for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is not None]
        for arg, default in pairs:
            if arg.arg == "rule":
                codes, _ = self._codes(default, m, None)
                self.own_codes[node] |= codes

    # -- what each function stands for -------------------------------------------------------------------------------

    @property
    def functions(self) -> list[tuple[str, str]]:
        return [(m.dotted, q) for m in self.modules.values() for q in m.functions]

    def effective_codes(self) -> dict[tuple[str, str], set[str]]:
        """Every function's rule codes: its own, those passed in, or (for a helper with none) its callers'."""
        callers: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for node, targets in self.uses.items():
            for t in targets:
                callers[t].add(node)
        codes: dict[tuple[str, str], set[str]] = {}
        for fnode in self.functions:
            codes[fnode] = set(self.own_codes.get(fnode, ())) | set(self.passed_codes.get(fnode, ()))
        changed = True
        while changed:  # a helper without codes takes its callers' (a fixpoint, so cycles are fine)
            changed = False
            for fnode in self.functions:
                if self.own_codes.get(fnode) or self.passed_codes.get(fnode):
                    continue
                new = set().union(*(codes.get(c, set()) for c in callers.get(fnode, ()) if not c[1].startswith("=")))
                if not new <= codes[fnode]:
                    codes[fnode] |= new
                    changed = True
        return codes

    def reachable(self, node: tuple[str, str]) -> set[tuple[str, str]]:
        """The module-level names a node uses, directly or through other names (constants built from constants)."""
        seen: set[tuple[str, str]] = set()
        todo = [t for t in self.uses.get(node, ()) if t[1].startswith("=")]
        while todo:
            t = todo.pop()
            if t in seen:
                continue
            seen.add(t)
            todo += [u for u in self.uses.get(t, ()) if u[1].startswith("=")]
        return seen


@dataclass
class CodeFacts:
    """What the scan found, in the terms the index needs."""

    citations: list[Cited]
    rules_by_key: dict[Key, set[str]]
    sources_by_key: dict[Key, set[str]]  # modules that cite the unit
    parameters_by_rule: dict[str, set[str]]
    rules_by_parameter: dict[str, set[str]]
    unreadable: list[Unreadable]
    patterns: list[tuple[str, str, int]]


@lru_cache(maxsize=1)
def scan() -> CodeFacts:
    """Read logic/**/*.py once (cached: the source does not change while the app runs)."""
    return facts_of(_Scan())


def facts_of(s: _Scan) -> CodeFacts:
    codes = s.effective_codes()
    rules_by_key: dict[Key, set[str]] = defaultdict(set)
    sources_by_key: dict[Key, set[str]] = defaultdict(set)
    citations: list[Cited] = list(s.module_level)
    rules_by_parameter: dict[str, set[str]] = defaultdict(set)
    parameters_by_rule: dict[str, set[str]] = defaultdict(set)
    for c in s.module_level:
        sources_by_key[c.key].add(c.module)
    for node in [*s.functions, *((m.dotted, "=" + n) for m in s.modules.values() for n in m.top)]:
        cited = list(s.cites.get(node, ()))
        params = set(s.params_used.get(node, ()))
        names = s.reachable(node)
        for name in names:
            params |= s.params_used.get(name, set())
        if not node[1].startswith("="):
            used = cited + [c for name in names for c in s.cites.get(name, ())]
            rule_codes = codes.get(node, set())
        else:
            used = cited
            rule_codes = set()
        citations += cited
        for c in used:
            rules_by_key[c.key] |= rule_codes
            sources_by_key[c.key].add(c.module)
        for p in params:
            rules_by_parameter[p] |= rule_codes
            for code in rule_codes:
                parameters_by_rule[code].add(p)
    return CodeFacts(citations=citations, rules_by_key=dict(rules_by_key), sources_by_key=dict(sources_by_key),
                     parameters_by_rule=dict(parameters_by_rule), rules_by_parameter=dict(rules_by_parameter),
                     unreadable=list(s.unreadable), patterns=list(s.patterns))


# --- units named in words ("§ 4 ust. 4, § 22 ust. 2", "art. 67 ust. 8–10 ustawy") ---------------------------------


@dataclass(frozen=True)
class Mention:
    """A unit named in a text: the act (None when the text does not say and the number does not tell), the paragraph
    or article, and the ustęp (None for the whole)."""

    act: ActKey | None
    unit: str
    ust: str | None = None


_NUM = r"\d+[a-z]?"
_LIST = rf"{_NUM}(?:\s*[–-]\s*{_NUM})?(?:\s*(?:,|\bi\b|\boraz\b)\s*{_NUM}(?:\s*[–-]\s*{_NUM})?)*"
_TOKEN = re.compile(
    rf"(?P<unit>(?P<sign>§|\bart\b\.?)\s*(?P<num>{_NUM})(?:\s*[–-]\s*(?P<to>{_NUM}))?)"
    rf"|(?P<ust>\bust\b\.?\s*(?P<ustlist>{_LIST}))"
    rf"|(?P<pkt>\b(?:pkt|lit\.)\s*{_LIST})"
    r"|(?P<act2024>ustawy\s+z\s+(?:dnia\s+)?27(?:\.11\.|\s+listopada\s+)2024)"
    r"|(?P<kc>Kodeksu\s+cywilnego|\bKC\b)"
    r"|(?P<kpa>Kodeksu\s+postępowania\s+administracyjnego|\bKPA\b)"
    r"|(?P<wolne>ustawy\s+o\s+dniach\s+wolnych)"
    r"|(?P<zpip>\bustaw[ay]\b)"
    r"|(?P<regulation>rozporządzeni[ae]\b|\breg\.)",
    re.IGNORECASE)
_ACT_GROUPS = {"act2024": ActKey.USTAWA_CMKP_2024, "kc": ActKey.KODEKS_CYWILNY, "kpa": ActKey.KPA,
               "wolne": ActKey.DNI_WOLNE, "zpip": ActKey.USTAWA, "regulation": ActKey.ROZPORZADZENIE}
CHAPTER_6_RANGE = (61, 83)


def _without_parentheses(text: str) -> str:
    while True:
        stripped = re.sub(r"\([^()]*\)", " ", text)
        if stripped == text:
            return text
        text = stripped


def _expand(first: str, last: str | None, order: Iterable[str]) -> list[str]:
    """ "8", "10" → ["8", "9", "10"] in the order of the act's structure (with "4a"… between), or by number."""
    if last is None:
        return [first]
    order = list(order)
    if first in order and last in order and order.index(first) <= order.index(last):
        return order[order.index(first): order.index(last) + 1]
    a, b = re.match(r"\d+", first), re.match(r"\d+", last)
    if a and b and int(a.group()) <= int(b.group()):
        return [str(n) for n in range(int(a.group()), int(b.group()) + 1)]
    return [first, last]


def _list_items(text: str, order: Iterable[str]) -> list[str]:
    out: list[str] = []
    for part in re.split(r"\s*(?:,|\bi\b|\boraz\b)\s*", text.strip()):
        m = re.fullmatch(rf"({_NUM})(?:\s*[–-]\s*({_NUM}))?", part.strip())
        if m:
            out += _expand(m.group(1), m.group(2), order)
    return out


def _default_act(sign: str, unit: str) -> ActKey | None:
    if sign == "§":
        return ActKey.ROZPORZADZENIE
    n = int(re.match(r"\d+", unit).group())  # type: ignore[union-attr]
    return ActKey.USTAWA if CHAPTER_6_RANGE[0] <= n <= CHAPTER_6_RANGE[1] else None


def units_in(text: str) -> list[Mention]:
    """The units a text names, in order: "§ 4 ust. 2 pkt 2–5, art. 70 ust. 6–7 ustawy, KC art. 112" →
    § 4 ust. 2 (regulation), art. 70 ust. 6 and 7 (statute), art. 112 (Kodeks cywilny).

    The act is the one named after the units ("… ustawy", "… Kodeksu cywilnego") or just before one ("KC art. 112",
    "reg. § 9"); otherwise "§" is the regulation and art. 61–83 the statute (other articles are left without act).
    "art. 57 § 4 KPA" is paragraph 4 of article 57, as the codes number them. Text in parentheses is skipped.
    """
    text = unicodedata.normalize("NFC", _without_parentheses(text))
    groups: list[dict] = []  # {sign, units, usts, act, open}
    pending: list[dict] = []  # groups still waiting for an act named after them
    prefix: ActKey | None = None
    last_end, last_kind = 0, ""
    for m in _TOKEN.finditer(text):
        between = text[last_end:m.start()]
        kind = next(k for k, v in m.groupdict().items() if v is not None and k in (
            "unit", "ust", "pkt", *_ACT_GROUPS))
        if kind == "unit":
            sign = "§" if m.group("sign") == "§" else "art."
            if sign == "§" and last_kind == "unit" and groups and groups[-1]["sign"] == "art." \
                    and not groups[-1]["usts"] and not between.strip():
                groups[-1]["usts"] += [m.group("num")]  # "art. 57 § 4": a paragraph of an article of a code
            else:
                g = {"sign": sign, "first": m.group("num"), "to": m.group("to"), "usts": [], "act": prefix}
                groups.append(g)
                if prefix is None:
                    pending.append(g)
            prefix = None
        elif kind == "ust":
            if groups:
                groups[-1]["usts"].append(m.group("ustlist"))
        elif kind == "pkt":
            pass
        else:
            act = _ACT_GROUPS[kind]
            rest = text[m.end():]
            if re.match(r"\s*(§|\bart\b)", rest, re.IGNORECASE) and not rest.startswith(","):
                prefix = act  # "KC art. 112", "reg. § 9"
            else:  # "… ustawy" names the act of the articles before it, "… rozporządzenia" of the paragraphs
                sign = ACTS[act].unit_sign
                for g in pending:
                    if g["sign"] == sign:
                        g["act"] = act
                pending = [g for g in pending if g["act"] is None]
        last_end, last_kind = m.end(), kind
    out: list[Mention] = []
    for g in groups:
        first_act = g["act"] or _default_act(g["sign"], g["first"])
        structure = STRUCTURE.get(first_act, {}) if first_act else {}
        for unit in _expand(g["first"], g["to"], structure):
            act = g["act"] or _default_act(g["sign"], unit)
            usts = [u for text_ in g["usts"] for u in _list_items(text_, STRUCTURE.get(act, {}).get(unit, ()))]
            if usts:
                out += [Mention(act, unit, u) for u in usts]
            else:
                out.append(Mention(act, unit))
    return out


# --- what each unit is used for -------------------------------------------------------------------------------------

# A reading whose `where` says only "same" takes the units of the reading before it; where that is not the unit it
# is about, the units are given here (reading 9 is about courses listed as grounds for a credit, not about § 4 ust. 6).
READING_UNITS_OVERRIDE: dict[int, str] = {9: "§ 4 ust. 2 pkt 3–4, § 22 ust. 2"}


def reading_mentions() -> dict[int, list[Mention]]:
    """The units each reading of logic/readings.py is taken on."""
    out: dict[int, list[Mention]] = {}
    previous: list[Mention] = []
    for r in READINGS:
        where = READING_UNITS_OVERRIDE.get(r.number, r.where)
        found = units_in(where)
        if not found and where.strip().startswith("same"):
            found = previous
        out[r.number] = found
        previous = found
    return out


def info_mentions() -> dict[str, list[Mention]]:
    """The units each informational note (readings.INFORMATIONAL) restates."""
    return {i.code: units_in(i.where) for i in INFORMATIONAL}


@dataclass(frozen=True)
class ParameterUse:
    """One dated value of a parameter whose `ref` is a unit."""

    name: str
    index: int  # which of the parameter's values
    ref: Ref


def parameter_uses() -> list[ParameterUse]:
    return [ParameterUse(name, i, v.ref) for name, p in P.base().parameters.items() for i, v in enumerate(p.values)]


def _cited_keys() -> dict[Key, set[str]]:
    """Every (act, unit, ust) the code, the parameters or the readings name → where ("code", "parameter",
    "reading")."""
    out: dict[Key, set[str]] = defaultdict(set)
    for c in scan().citations:
        out[c.key].add("code")
    for u in parameter_uses():
        out[key_of(u.ref)].add("parameter")
    for mentions in [*reading_mentions().values(), *info_mentions().values()]:
        for m in mentions:
            if m.act in WALKED:
                out[(m.act, m.unit, m.ust)].add("reading")
    return out


@lru_cache(maxsize=1)
def elements() -> tuple[Key, ...]:
    """The units the index has an entry for: every unit of § 1–39 and of art. 61–83 (by ustęp where the assistant
    cites the paragraph or article by ustęp, else as a whole), and the units of other acts the code cites."""
    cited = _cited_keys()
    by_ust = {(act, unit) for act, unit, ust in cited if ust is not None}
    out: list[Key] = []
    for act in WALKED:
        for unit, usts in STRUCTURE[act].items():
            if usts and (act, unit) in by_ust:
                out += [(act, unit, u) for u in usts]
            else:
                out.append((act, unit, None))
    out += [k for k, where in cited.items() if k[0] not in WALKED and where & {"code", "parameter"}]
    return tuple(sorted(set(out), key=sort_key))


def elements_of(act: ActKey | None, unit: str, ust: str | None) -> list[Key]:
    """The entries a unit belongs to: itself; the whole paragraph when the index does not split it by ustęp; every
    ustęp of a paragraph the index splits, when the unit is the whole paragraph (a search for "§ 4"); none when the
    index has no such unit."""
    known = elements()
    if (act, unit, ust) in known:
        return [(act, unit, ust)]
    if (act, unit, None) in known:
        return [(act, unit, None)]
    if ust is None:
        return [k for k in known if k[0] == act and k[1] == unit]
    return []


def exact_element(act: ActKey | None, unit: str, ust: str | None) -> Key | None:
    """The one entry a unit is: itself, or its whole paragraph when the index does not split it; None for a whole
    paragraph the index splits (it names no single ustęp) and for a unit the index does not have."""
    found = elements_of(act, unit, ust)
    return found[0] if len(found) == 1 and (ust is not None or found[0][2] is None) else None


# --- the law's numbers in our texts ---------------------------------------------------------------------------------
#
# Besides present.fill's placeholders ({years:…}, {months:…}, {n:…}, {date:…}, {since:…=…}, {until:…=…}) the texts
# below use these, for the kinds of value fill does not print:
#   {day:NAME:SEASON}       a day of the year of a session parameter: "31 maja", "30 listopada roku poprzedniego"
#   {window:NAME:SEASON}    a session's window: "od 1 marca do 31 maja"
#   {pln_at:NAME:SESSION}   an amount for a session: "170 zł"
#   {zl:NAME}               an amount in force: "1500 zł"
#   {days:NAME} "30 dni" · {mies:NAME} "15 miesięcy" (fill's {months:…} says "1 rok i 3 miesiące") · {pct:NAME} "10 %"
#   {commission:last|gap|top}  the state commission's brackets: the last limit, the size it leaves out, the top size

MONTHS_GENITIVE = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                   "października", "listopada", "grudnia")
SEASON_NOMINATIVE = {"wiosna": "wiosenna", "jesien": "jesienna"}
_LOCAL = re.compile(r"\{(day|window|pln_at|zl|days|mies|pct|commission):([a-z_]+)(?::([a-z0-9-]+))?\}")


def _session_on(on: date) -> str:
    """The session in progress on `on`, or the next one ("2026-jesien"); never before the first one covered."""
    first = P.first_supported_session() or "2026-wiosna"
    year = on.year
    for _ in range(4):
        for season in P.SEASONS:
            code = f"{year}-{season}"
            if P.session_key(code) < P.session_key(first):
                continue
            if P.session_period("exam_session_window", code)[1] >= on:
                return code
        year += 1
    return first


def session_label(code: str) -> str:
    """ "2026-jesien" → "sesja jesienna 2026 r."."""
    year, season = code.split("-")
    return f"sesja {SEASON_NOMINATIVE[season]} {year} r."


def session_genitive(code: str) -> str:
    """ "2026-jesien" → "sesji jesiennej 2026 r."."""
    year, season = code.split("-")
    return f"sesji {SEASON_NOMINATIVE[season][:-1]}ej {year} r."


def previous_session(code: str) -> str:
    year, season = code.split("-")
    return f"{year}-wiosna" if season == "jesien" else f"{int(year) - 1}-jesien"


def _month_day(md: P.MonthDay) -> str:
    text = f"{md.day} {MONTHS_GENITIVE[md.month - 1]}"
    return text + (" roku poprzedniego" if md.year_offset == -1 else "")


def _commission(what: str, on: date) -> str:
    brackets = P.value("state_commission_brackets", on)
    last = max(limit for limit, _ in brackets if limit is not None)
    top = next(members for limit, members in brackets if limit is None)
    return str({"last": last, "gap": last + 1, "top": top}[what])


def explain(text: str, on: date) -> str:
    """A text of this module with the law's numbers in force on `on` filled in."""
    session = _session_on(on)

    def one(m: re.Match) -> str:
        kind, name, arg = m.groups()
        if kind == "commission":
            return _commission(name, on)
        if kind in ("day", "window"):
            code = f"{session.split('-')[0]}-{arg}"
            if P.session_key(code) < P.session_key(session):
                code = f"{int(session.split('-')[0]) + 1}-{arg}"
            value = P.session_value(name, code)
            if kind == "day":
                return _month_day(value)
            return f"od {_month_day(value.start)} do {_month_day(value.end)}"
        if kind == "pln_at":
            return f"{P.session_value(name, arg)} zł"
        value = P.value(name, on)
        if kind == "zl":
            return f"{value} zł"
        if kind == "days":
            return days_word(value)
        if kind == "mies":
            return months_word(value)
        return f"{value * 100:g} %"  # pct

    return fill(_LOCAL.sub(one, text), on)


def _plural(n: int, one: str, few: str, many: str) -> str:
    return f"{n} {plural(n, one, few, many)}"


PAY_ROLES = {"przewodniczacy": "przewodniczący", "sekretarz": "sekretarz", "czlonek": "pozostali członkowie"}


def value_text(param: P.Parameter, value: object) -> str:
    """A parameter's value as a person reads it: "5 lat", "170 zł", "od 1 marca do 31 maja" …"""
    unit = param.unit
    if isinstance(value, P.BySeason):
        parts = []
        for season in P.SEASONS:
            v = value.of(season)
            shown = (f"od {_month_day(v.start)} do {_month_day(v.end)}" if isinstance(v, P.MonthDayRange)
                     else _month_day(v))
            parts.append(f"sesja {SEASON_NOMINATIVE[season]}: {shown}")
        return "; ".join(parts)
    if isinstance(value, dict) and unit == "zł":
        return ", ".join(f"{PAY_ROLES.get(k, k)}: {v} zł" for k, v in value.items())
    if isinstance(value, dict):
        return "; ".join(f"lit. {k}: {value_text(param, v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):  # [[max candidates, members], …, [None, members]]
        parts, previous = [], None
        for limit, members in value:
            who = f"do {limit} zdających" if limit is not None else f"więcej niż {previous} zdających"
            parts.append(f"{who}: {_plural(members, 'członek', 'członków', 'członków')}")
            previous = limit
        return "; ".join(parts)
    if isinstance(value, date):
        return polish_date(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if unit == "zł":
        return f"{value} zł"
    if unit == "days":
        return days_word(int(value))
    if unit == "working days":
        return _plural(int(value), "dzień roboczy", "dni robocze", "dni roboczych")
    if unit == "months":
        whole_years = int(value) >= 12 and int(value) % 12 == 0
        return months_word(int(value)) + (f" ({requirement_text(int(value))})" if whole_years else "")
    if unit == "years":
        return years_word(int(value))
    if unit == "persons":
        return _plural(int(value), "osoba", "osoby", "osób")
    if unit == "attempts":
        return _plural(int(value), "raz", "razy", "razy")
    if unit == "fraction":
        return f"{value * 100:g} %"
    return str(value)


# --- our explanations -----------------------------------------------------------------------------------------------
#
# One entry per unit of the index, keyed by its label ("§ 4 ust. 2", "art. 67 ust. 4"; a unit of another act with
# its prefix: "KC art. 112"). `title` is a few words, `about` says in plain Polish what the unit provides (our
# words, not the law's), and for a unit the assistant does not model `why_not` says why. Numbers come from the
# parameters through placeholders (see `explain`); tests/test_lawindex.py checks that no text writes one out.


@dataclass(frozen=True)
class Text:
    title: str
    about: str
    why_not: str = ""


OTHER_ACT_PREFIX: dict[ActKey, str] = {ActKey.USTAWA_CMKP_2024: "ustawa z 2024 r. ", ActKey.KODEKS_CYWILNY: "KC ",
                                       ActKey.KPA: "KPA ", ActKey.DNI_WOLNE: "dni wolne "}


def text_key(key: Key) -> str:
    return OTHER_ACT_PREFIX.get(key[0], "") + label_of(key)


_ORGANIZER_ACT = "To czynność organizatora kształcenia, której asystent nie ocenia."
_CMKP_INTERNAL = "Wewnętrzna organizacja pracy CMKP albo komisji – nie zmienia warunków ani terminów zdającego."
_SMK_ACCOUNT = ("Obsługa konta w SMK: asystent przypomina tylko, że konto z potwierdzoną tożsamością jest potrzebne "
                "(art. 67 ust. 4b).")
_ORGANIZERS = ("Wymagania i nadzór wobec organizatorów kształcenia: asystent odpowiada pielęgniarkom i położnym oraz "
               "organizatorom na pytania o nabór i egzaminy, ale nie ocenia samych organizatorów.")
_FUNDING = ("Mechanizm finansowania specjalizacji: asystent pyta tylko, czy dana specjalizacja jest dofinansowana, i "
            "stosuje skutki z art. 70 ust. 5–7.")
_COURSE_EXAM_BOARD = ("Skład i praca komisji egzaminu po kursie należą do organizatora; asystent sprawdza dopuszczenie "
                      "do tego egzaminu i termin poprawki (§ 26 ust. 1, § 27 ust. 2, § 32 ust. 1, § 33 ust. 2).")

TEXTS: dict[str, Text] = {
    # --- the regulation ---------------------------------------------------------------------------------------
    "§ 1": Text("Zakres rozporządzenia",
                "Wylicza, co reguluje rozporządzenie: kwalifikację i czas trwania kształcenia, wzory dokumentów, "
                "zwolnienie ze specjalizacji, egzamin państwowy (terminy, komisja, wynagrodzenie, opłata), egzaminy po "
                "kursach oraz wzory dyplomu i zaświadczeń.",
                "To spis treści aktu – nie ma w nim warunku ani terminu do sprawdzenia."),
    "§ 2": Text("Wniosek o specjalizację",
                "Kto chce rozpocząć specjalizację, składa przez SMK wniosek o zakwalifikowanie do organizatora "
                "kształcenia, w terminie, który organizator wyznaczy, razem z dokumentami potwierdzającymi wymagany "
                "staż pracy w zawodzie."),
    "§ 3 ust. 1": Text("Powołanie komisji kwalifikacyjnej",
                       "Organizator powołuje komisję kwalifikacyjną, która prowadzi postępowanie kwalifikacyjne do "
                       "specjalizacji.",
                       _ORGANIZER_ACT + " Skład komisji sprawdzamy według ust. 2 i 6."),
    "§ 3 ust. 2": Text("Skład komisji kwalifikacyjnej do specjalizacji",
                       "W komisji zasiadają: dwaj przedstawiciele organizatora (przewodniczy kierownik specjalizacji), "
                       "przedstawiciel stowarzyszenia zawodowego albo towarzystwa naukowego właściwego dla dziedziny "
                       "oraz przedstawiciel Naczelnej Rady Pielęgniarek i Położnych."),
    "§ 3 ust. 3": Text("Na czym polega postępowanie kwalifikacyjne",
                       "Komisja sprawdza na podstawie dokumentów wymogi formalne, przeprowadza egzamin wstępny, gdy "
                       "jest obowiązkowy (ust. 4 i 5), i sporządza protokół."),
    "§ 3 ust. 4": Text("Egzamin wstępny, gdy chętnych jest więcej niż miejsc",
                       "Gdy o specjalizację ubiega się więcej osób, niż organizator ma miejsc, komisja przeprowadza "
                       "pisemny egzamin wstępny."),
    "§ 3 ust. 5": Text("Egzamin wstępny na specjalizację dofinansowaną",
                       "Gdy specjalizację dofinansowuje ze środków publicznych minister zdrowia, pisemny egzamin "
                       "wstępny odbywa się zawsze, bez względu na liczbę chętnych."),
    "§ 3 ust. 6": Text("Konsultant wojewódzki w komisji",
                       "Przy specjalizacji dofinansowanej w komisji zasiada także konsultant wojewódzki w dziedzinie "
                       "pielęgniarstwa zgodnej ze specjalizacją, a gdy takiego nie ma – konsultant w dziedzinie "
                       "pokrewnej."),
    "§ 3 ust. 7": Text("Uzupełniające postępowanie kwalifikacyjne",
                       "Gdy zakwalifikowano mniej osób, niż przewiduje regulamin organizacyjny specjalizacji, "
                       "organizator może przeprowadzić postępowanie uzupełniające – ale tylko wtedy, gdy program "
                       "jeszcze się nie zaczął albo zrealizowano najwyżej {pct:supplementary_round_max_share} godzin "
                       "programu, a od planowanej daty rozpoczęcia nie minęło więcej niż "
                       "{mies:supplementary_round_max_months}."),
    "§ 3 ust. 8": Text("Zasady postępowania uzupełniającego",
                       "Postępowanie uzupełniające prowadzi się na tych samych zasadach co zwykłe: z komisją w tym "
                       "samym składzie i z egzaminem wstępnym, gdy wymagają go ust. 4 lub 5."),
    "§ 4 ust. 1": Text("Czas trwania specjalizacji",
                       "Specjalizacja trwa tyle, ile wymaga jej program, ale nie krócej niż "
                       "{mies:specjalizacja_min_months}. Górnej granicy nie ma. Zasadę stosuje się także do "
                       "specjalizacji rozpoczętych przed {date:regulation_in_force} (§ 37 ust. 2)."),
    "§ 4 ust. 2": Text("Zaliczenie na podstawie wcześniejszego kształcenia",
                       "Na wniosek organizator może zaliczyć moduły, jednostki modułowe i szkolenie praktyczne i "
                       "zwolnić z ich odbywania osobę, która: ukończyła szkolenie za granicą zgodne z dziedziną, "
                       "trwające co najmniej {months:foreign_training_min_months} (z certyfikatem w przekładzie "
                       "tłumacza przysięgłego); ma tytuł specjalisty w innej dziedzinie objętej programem; ukończyła "
                       "kurs kwalifikacyjny albo specjalistyczny w zakresie programu (najwyżej w wymiarze programu "
                       "takiego kursu) albo ukończyła studia podyplomowe zgodne z dziedziną."),
    "§ 4 ust. 3": Text("Zaliczenie części szkolenia praktycznego za doświadczenie",
                       "Na wniosek organizator może zaliczyć część szkolenia praktycznego osobie, która ma co najmniej "
                       "{years:practical_credit_experience_years} doświadczenia zawodowego w dziedzinie objętej "
                       "programem i obecnie pracuje w komórce o profilu zgodnym ze stażem z programu."),
    "§ 4 ust. 4": Text("Tylko kształcenie po {date:credit_cutoff_date}",
                       "Zaliczenie na podstawie tytułu specjalisty albo kursu (ust. 2 pkt 2–4) obejmuje tylko moduły i "
                       "szkolenie zrealizowane po {date:credit_cutoff_date}; sam ten dzień się nie liczy."),
    "§ 4 ust. 5": Text("Wniosek o zaliczenie – załącznik nr 1",
                       "O zaliczenia z ust. 2 i 3 prosi się organizatora wnioskiem według wzoru z załącznika nr 1 do "
                       "rozporządzenia. Asystent pomaga go przygotować."),
    "§ 4 ust. 6": Text("Powrót do przerwanej specjalizacji",
                       "Kto przerwał specjalizację i przystąpił do niej ponownie, może mieć zaliczone wcześniej "
                       "zrealizowane moduły i szkolenie praktyczne na podstawie karty specjalizacji – jeśli przerwa "
                       "nie trwała dłużej niż {years:interruption_max_years}."),
    "§ 4 ust. 7": Text("Opinia kierownika specjalizacji",
                       "Zanim organizator rozstrzygnie o zaliczeniu z ust. 2, zasięga merytorycznej opinii kierownika "
                       "specjalizacji."),
    "§ 5 ust. 1": Text("Wniosek o zwolnienie ze specjalizacji",
                       "Osoba ze stopniem co najmniej doktora i odpowiednim dorobkiem (art. 67 ust. 3 ustawy) składa "
                       "wniosek o zwolnienie ze specjalizacji w części albo w całości do dyrektora CMKP."),
    "§ 5 ust. 2": Text("Zespół opiniujący zwolnienie",
                       "Dyrektor CMKP powołuje zespół, na którego opinii opiera decyzję o zwolnieniu. W zespole są: "
                       "konsultant krajowy w dziedzinie (albo w dziedzinie pokrewnej), przedstawiciel Naczelnej Rady "
                       "Pielęgniarek i Położnych i najwyżej {n:exemption_team_max_academics} pracowników naukowych "
                       "uczelni kształcącej pielęgniarki lub położne, ze stopniem co najmniej doktora."),
    "§ 5 ust. 3": Text("Najmniejszy skład zespołu",
                       "Zespół opiniujący zwolnienie liczy co najmniej {n:exemption_team_min_members} członków."),
    "§ 5 ust. 4": Text("Zwolnienie z egzaminu wstępnego",
                       "Osoba z doktoratem i dorobkiem, o której mowa w art. 67 ust. 3 ustawy, może na swój wniosek "
                       "zostać zwolniona przez komisję kwalifikacyjną z egzaminu wstępnego."),
    "§ 6 ust. 1": Text("Wyznaczenie kierownika specjalizacji",
                       "Organizator wyznacza kierownika specjalizacji.",
                       _ORGANIZER_ACT + " Kto może być kierownikiem, sprawdzamy według ust. 2 i 3."),
    "§ 6 ust. 2": Text("Kto może być kierownikiem specjalizacji",
                       "Kierownik musi mieć tytuł specjalisty w dziedzinie specjalizacji i spełniać jeden z warunków: "
                       "doktorat, praca nauczyciela akademickiego na kierunku pielęgniarstwo lub położnictwo i co "
                       "najmniej {years:kierownik_experience_years} doświadczenia w dziedzinie; doktorat, takie "
                       "doświadczenie i praca w komórce o profilu dziedziny; albo magisterium z pielęgniarstwa lub "
                       "położnictwa, co najmniej {years:kierownik_experience_years} stażu pracy w zawodzie i praca w "
                       "takiej komórce."),
    "§ 6 ust. 3": Text("Kierownik z dziedziny pokrewnej",
                       "W uzasadnionych przypadkach kierownikiem może być specjalista w dziedzinie pokrewnej, jeśli "
                       "spełnia jeden z warunków ust. 2; ocenia to organizator."),
    "§ 7 ust. 1": Text("Wydanie EKK",
                       "Osobie zakwalifikowanej do specjalizacji organizator wydaje przez SMK elektroniczną kartę "
                       "kształcenia (EKK). Termin liczy się od dnia zakwalifikowania i wynosi "
                       "{mies:ekk_issue_months}."),
    "§ 7 ust. 2": Text("EKK jako dowód ukończenia",
                       "EKK z wymaganymi wpisami, potwierdzeniami i zaliczeniami jest dowodem ukończenia "
                       "specjalizacji; dołącza się ją do wniosku o egzamin państwowy."),
    "§ 8": Text("Kwalifikacje w zakresie badania fizykalnego",
                "Zanim organizator zaliczy specjalizację, potwierdza w EKK, że uczestnik ma kwalifikacje w zakresie "
                "badania fizykalnego. To nowy wymóg w porównaniu z przepisami z 2016 r."),
    "§ 9 ust. 1": Text("Kto może przystąpić do egzaminu państwowego",
                       "Do egzaminu przystępuje osoba, która ukończyła specjalizację albo została z niej zwolniona w "
                       "całości (art. 67 ust. 3 ustawy), złożyła przez SMK wniosek o dopuszczenie z EKK albo "
                       "dokumentem zwolnienia i złożyła dowód wniesienia opłaty."),
    "§ 9 ust. 2": Text("Termin zgłoszenia na egzamin państwowy",
                       "Wniosek i dowód opłaty składa się do CMKP: na sesję jesienną do "
                       "{day:exam_application_deadline:jesien}, na sesję wiosenną do "
                       "{day:exam_application_deadline:wiosna}."),
    "§ 10": Text("Opłata za egzamin państwowy",
                 "Opłata za egzamin państwowy wynosi {pln_at:exam_fee_pln:2026-jesien} (od sesji jesiennej 2026 r.). "
                 "Wpłaca się ją na rachunek wskazany przez dyrektora CMKP, od 2027 r. – wskazany w SMK."),
    "§ 11": Text("Forma i regulamin egzaminu państwowego",
                 "Egzamin jest pisemny, zadania chroni się przed ujawnieniem, a jego przebieg określa regulamin, który "
                 "ustala i ogłasza dyrektor CMKP.",
                 _CMKP_INTERNAL + " Obecnego regulaminu (np. progu zaliczenia) nie znamy z wiarygodnego źródła."),
    "§ 12 ust. 1": Text("Sesje egzaminu państwowego",
                        "Egzamin odbywa się w dwóch sesjach: wiosennej {window:exam_session_window:wiosna} i jesiennej "
                        "{window:exam_session_window:jesien}."),
    "§ 12 ust. 2": Text("Data i miejsce egzaminu",
                        "Dokładną datę i miejsce egzaminu ustala za każdym razem dyrektor CMKP. Dopóki ich nie znamy, "
                        "asystent pokazuje całą sesję."),
    "§ 12 ust. 3": Text("Zawiadomienie o egzaminie",
                        "CMKP zawiadamia zdającego o dacie i miejscu egzaminu najpóźniej {days:exam_notice_days} przed "
                        "egzaminem."),
    "§ 13 ust. 1": Text("Roczny plan egzaminów",
                        "Dyrektor CMKP ustala plan egzaminów państwowych na dany rok dla poszczególnych dziedzin.",
                        _CMKP_INTERNAL + " Termin ogłoszenia planu podajemy według ust. 3."),
    "§ 13 ust. 2": Text("Powiadomienie CMKP przez organizatora",
                        "Organizator powiadamia CMKP o terminie zakończenia specjalizacji przypadającym w następnym "
                        "roku i o liczbie jej uczestników – najpóźniej na {mies:organizer_notice_months} przed jej "
                        "zakończeniem."),
    "§ 13 ust. 3": Text("Ogłoszenie planu egzaminów",
                        "CMKP ogłasza plan egzaminów w BIP i na swojej stronie: na sesję wiosenną do "
                        "{day:exam_plan_publication:wiosna}, na jesienną do {day:exam_plan_publication:jesien}."),
    "§ 13 ust. 4": Text("Najmniejsza liczba zdających",
                        "Egzamin w danej dziedzinie odbywa się, gdy przystępuje do niego co najmniej "
                        "{n:min_candidates_per_field} osób."),
    "§ 13 ust. 5": Text("Egzamin dla mniejszej grupy",
                        "Na wniosek dyrektora CMKP i za zgodą ministra zdrowia egzamin może się odbyć dla mniejszej "
                        "grupy."),
    "§ 14 ust. 1": Text("Kto może być członkiem państwowej komisji egzaminacyjnej",
                        "Członkami komisji są pielęgniarki i położne z kwalifikacjami z lit. a–d (magisterium, tytuł "
                        "specjalisty albo stopień naukowy oraz lata doświadczenia w dziedzinie – podajemy je niżej) "
                        "oraz konsultant krajowy albo wskazany przez niego konsultant wojewódzki."),
    "§ 14 ust. 2": Text("Liczba członków komisji",
                        "Liczba członków komisji rośnie z liczbą zdających według progów z przepisu – od "
                        "najmniejszych grup do grup większych niż {commission:last} osób (progi podajemy niżej)."),
    "§ 14 ust. 3": Text("Zwiększenie składu komisji",
                        "W uzasadnionych przypadkach (wiele osób, warunki lokalowe) dyrektor CMKP zwiększa skład "
                        "komisji, najwyżej o {n:state_commission_max_increase} osób."),
    "§ 14 ust. 4": Text("Zmniejszenie składu komisji",
                        "Gdy okoliczności uniemożliwiają pracę w pełnym składzie, dyrektor CMKP może zdecydować o "
                        "mniejszym składzie, nie mniejszym jednak niż minimum zależne od liczby zdających (podajemy je "
                        "niżej)."),
    "§ 14 ust. 5": Text("Zastępca i sekretarz komisji",
                        "Na pierwszym posiedzeniu przewodniczący wyznacza swojego zastępcę i sekretarza.",
                        _CMKP_INTERNAL),
    "§ 14 ust. 6": Text("Kto nie może być w komisji",
                        "W komisji nie zasiadają: osoby uczące w specjalizacjach, których dotyczy egzamin; pracownicy "
                        "ministerstwa zdrowia i CMKP; małżonek, krewni i powinowaci zdającego do drugiego stopnia; "
                        "osoby, których bezstronność budzi uzasadnione wątpliwości."),
    "§ 14 ust. 7": Text("Oświadczenie członków komisji",
                        "Przewodniczący i członkowie komisji składają oświadczenie o okolicznościach wyłączających z "
                        "ust. 6.",
                        "Asystent wymienia to oświadczenie wśród dokumentów kandydata na członka komisji, ale niczego "
                        "z niego nie wywodzi."),
    "§ 15": Text("Zadania państwowej komisji egzaminacyjnej",
                 "Komisja dopuszcza do egzaminu, wybiera i zatwierdza zadania, przeprowadza i ocenia egzamin, "
                 "sporządza protokół i odpowiada na uwagi zdających; szczegóły określa regulamin egzaminu.",
                 "To zadania samej komisji – asystent nie rozstrzyga za nią; pokazuje warunki dopuszczenia z § 9."),
    "§ 16": Text("Nieobecność na egzaminie",
                 "Kto nie przystąpił do egzaminu, może przystąpić w innym terminie, w którym egzamin w tej dziedzinie "
                 "się odbywa – po złożeniu nowego wniosku i ponownym wniesieniu opłaty, w terminach z § 9 ust. 2."),
    "§ 17": Text("Niezdany egzamin",
                 "Po niezdanym egzaminie można przystąpić do niego ponownie w innym terminie, na tych samych zasadach: "
                 "nowy wniosek, ponowna opłata, terminy z § 9 ust. 2. Rozporządzenie nie ogranicza liczby podejść; "
                 "skutek {n:funded_specjalizacja_failed_exams} niezdanych egzaminów dla kolejnej specjalizacji "
                 "dofinansowanej określa art. 70 ust. 7 ustawy."),
    "§ 18": Text("Dyplom specjalisty",
                 "Po zdanym egzaminie dyrektor CMKP wydaje dyplom uzyskania tytułu specjalisty (wzór: załącznik nr 2 "
                 "do rozporządzenia)."),
    "§ 19": Text("Wynagrodzenie członków komisji",
                 "Członkowie komisji otrzymują za przeprowadzenie egzaminu stałe kwoty, osobno przewodniczący, "
                 "sekretarz i pozostali członkowie (kwoty podajemy niżej)."),
    "§ 20": Text("Wniosek o kurs kwalifikacyjny",
                 "Na kurs kwalifikacyjny składa się przez SMK wniosek o zakwalifikowanie do organizatora, w terminie "
                 "przez niego wyznaczonym."),
    "§ 21 ust. 1": Text("Powołanie komisji do kursu kwalifikacyjnego",
                        "Organizator powołuje komisję kwalifikacyjną, która prowadzi postępowanie do kursu "
                        "kwalifikacyjnego.",
                        _ORGANIZER_ACT + " Skład komisji sprawdzamy według ust. 2."),
    "§ 21 ust. 2": Text("Skład komisji kwalifikacyjnej do kursu kwalifikacyjnego",
                        "Komisję tworzą dwaj przedstawiciele organizatora (przewodniczy kierownik kursu) i "
                        "przedstawiciel Naczelnej Rady Pielęgniarek i Położnych."),
    "§ 21 ust. 3": Text("Postępowanie i egzamin wstępny na kurs kwalifikacyjny",
                        "Komisja sprawdza wymogi formalne, przeprowadza pisemny egzamin wstępny, gdy chętnych jest "
                        "więcej niż miejsc, i sporządza protokół."),
    "§ 22 ust. 1": Text("Czas trwania kursu kwalifikacyjnego",
                        "Kurs kwalifikacyjny trwa tyle, ile wymaga program, nie dłużej niż "
                        "{mies:kurs_kwalifikacyjny_max_months}."),
    "§ 22 ust. 2": Text("Zaliczenie w kursie kwalifikacyjnym",
                        "Na wniosek i po opinii kierownika kursu organizator może zaliczyć moduły, jednostki modułowe "
                        "i szkolenie praktyczne zrealizowane wcześniej w specjalizacjach albo kursach kwalifikacyjnych "
                        "lub specjalistycznych – tylko po {date:credit_cutoff_date} i najwyżej w wymiarze programu "
                        "kursu."),
    "§ 22 ust. 3": Text("Wniosek o zaliczenie w kursie kwalifikacyjnym",
                        "O zaliczenie z ust. 2 prosi się wnioskiem według wzoru z załącznika nr 1 do rozporządzenia."),
    "§ 23 ust. 1": Text("Wyznaczenie kierownika kursu",
                        "Organizator wyznacza kierownika kursu kwalifikacyjnego w danej dziedzinie.",
                        _ORGANIZER_ACT + " Kto może być kierownikiem, sprawdzamy według ust. 2."),
    "§ 23 ust. 2": Text("Kto może być kierownikiem kursu",
                        "Kierownik kursu musi mieć tytuł specjalisty w dziedzinie kursu i spełniać jeden z trzech "
                        "warunków takich jak kierownik specjalizacji (doktorat albo magisterium, co najmniej "
                        "{years:kierownik_experience_years} doświadczenia lub stażu, praca na uczelni albo w komórce o "
                        "zgodnym profilu). Wyjątku dla dziedziny pokrewnej nie ma. Przepis stosuje się też do kursów "
                        "specjalistycznych (§ 31) i dokształcających (§ 35 ust. 1)."),
    "§ 24": Text("Obowiązki kierownika kursu",
                 "Kierownik kursu układa harmonogram, nadzoruje szkolenie praktyczne, ocenia opracowania, organizuje "
                 "zaliczenia i wpisuje je do EKK oraz nadzoruje przebieg kursu; część zadań może powierzyć innej "
                 "osobie z kwalifikacjami z § 23 ust. 2.",
                 "Obowiązki w trakcie kursu – asystent nie ocenia przebiegu kształcenia."),
    "§ 25": Text("EKK na kursie kwalifikacyjnym",
                 "Na czas kursu kwalifikacyjnego organizator wydaje przez SMK EKK; karta z wpisami i zaliczeniami jest "
                 "dowodem ukończenia kursu.",
                 "Przepis nie zawiera terminu ani warunku, który można by policzyć (w odróżnieniu od EKK przy "
                 "specjalizacji, § 7 ust. 1)."),
    "§ 26 ust. 1": Text("Dopuszczenie do egzaminu po kursie kwalifikacyjnym",
                        "Do egzaminu kończącego kurs kwalifikacyjny przystępuje się po zaliczeniu zajęć teoretycznych "
                        "i szkolenia praktycznego z programu kursu."),
    "§ 26 ust. 2": Text("Komisja egzaminu po kursie",
                        "Egzamin po kursie przeprowadza komisja egzaminacyjna powołana przez organizatora.",
                        _COURSE_EXAM_BOARD),
    "§ 26 ust. 3": Text("Skład komisji egzaminu po kursie",
                        "Komisję tworzą dwaj przedstawiciele organizatora (przewodniczy kierownik kursu), "
                        "przedstawiciel kadry dydaktycznej kursu i przedstawiciel Naczelnej Rady Pielęgniarek i "
                        "Położnych.",
                        _COURSE_EXAM_BOARD),
    "§ 26 ust. 4": Text("Kwalifikacje przedstawiciela samorządu w komisji",
                        "Przedstawiciel Naczelnej Rady Pielęgniarek i Położnych w komisji spełnia jeden z warunków z "
                        "§ 23 ust. 2.",
                        _COURSE_EXAM_BOARD),
    "§ 26 ust. 5": Text("Ochrona pytań egzaminacyjnych",
                        "Organizator przygotowuje, przechowuje i przekazuje pytania tak, żeby nie mogły zostać "
                        "ujawnione.",
                        _COURSE_EXAM_BOARD),
    "§ 27 ust. 1": Text("Zaświadczenie o ukończeniu kursu kwalifikacyjnego",
                        "Po zdanym egzaminie otrzymuje się zaświadczenie o ukończeniu kursu kwalifikacyjnego (wzór: "
                        "załącznik nr 3 do rozporządzenia)."),
    "§ 27 ust. 2": Text("Poprawka po kursie kwalifikacyjnym",
                        "Po niezdanym egzaminie można przystąpić do niego ponownie w terminie wyznaczonym przez "
                        "organizatora, najpóźniej w ciągu {mies:course_exam_retake_months} od dnia zaliczenia kursu."),
    "§ 28 ust. 1": Text("Wniosek o kurs specjalistyczny",
                        "Na kurs specjalistyczny składa się przez SMK wniosek o zakwalifikowanie do organizatora, w "
                        "terminie przez niego wyznaczonym."),
    "§ 28 ust. 2": Text("Postępowanie i egzamin wstępny na kurs specjalistyczny",
                        "Organizator sprawdza wymogi formalne, przeprowadza pisemny egzamin wstępny, gdy chętnych jest "
                        "więcej niż miejsc, i sporządza protokół."),
    "§ 29": Text("EKK na kursie specjalistycznym",
                 "Na czas kursu specjalistycznego organizator wydaje przez SMK EKK; karta z wpisami i zaliczeniami "
                 "jest dowodem ukończenia kursu.",
                 "Przepis nie zawiera terminu ani warunku, który można by policzyć."),
    "§ 30": Text("Czas trwania kursu specjalistycznego",
                 "Kurs specjalistyczny trwa tyle, ile wymaga program, nie dłużej niż "
                 "{mies:kurs_specjalistyczny_max_months}."),
    "§ 31": Text("Kierownik kursu specjalistycznego",
                 "Do kursu specjalistycznego stosuje się odpowiednio przepisy o kierowniku kursu kwalifikacyjnego "
                 "(§ 23 i § 24)."),
    "§ 32 ust. 1": Text("Dopuszczenie do egzaminu po kursie specjalistycznym",
                        "Do egzaminu kończącego kurs specjalistyczny przystępuje się po zaliczeniu zajęć teoretycznych "
                        "i szkolenia praktycznego z programu kursu."),
    "§ 32 ust. 2": Text("Komisja egzaminu po kursie specjalistycznym",
                        "Do egzaminu po kursie specjalistycznym stosuje się odpowiednio zasady o komisji z § 26 "
                        "ust. 2–5.",
                        _COURSE_EXAM_BOARD),
    "§ 33 ust. 1": Text("Zaświadczenie o ukończeniu kursu specjalistycznego",
                        "Po zdanym egzaminie otrzymuje się zaświadczenie o ukończeniu kursu specjalistycznego (wzór: "
                        "załącznik nr 4 do rozporządzenia)."),
    "§ 33 ust. 2": Text("Poprawka po kursie specjalistycznym",
                        "Po niezdanym egzaminie można przystąpić do niego ponownie w terminie wyznaczonym przez "
                        "organizatora, najpóźniej w ciągu {mies:course_exam_retake_months} od dnia zaliczenia kursu."),
    "§ 34 ust. 1": Text("Wniosek o kurs dokształcający",
                        "Na kurs dokształcający składa się przez SMK wniosek o zakwalifikowanie do organizatora, w "
                        "terminie przez niego wyznaczonym."),
    "§ 34 ust. 2": Text("Postępowanie kwalifikacyjne na kurs dokształcający",
                        "Organizator przeprowadza postępowanie kwalifikacyjne i sporządza z niego protokół; egzaminu "
                        "wstępnego przepisy tu nie przewidują."),
    "§ 35 ust. 1": Text("Kierownik kursu dokształcającego",
                        "Do kursu dokształcającego stosuje się odpowiednio § 23 oraz część obowiązków kierownika z "
                        "§ 24 ust. 1 (pkt 2–4 i 6)."),
    "§ 35 ust. 2": Text("Zaświadczenie o ukończeniu kursu dokształcającego",
                        "Po kursie dokształcającym otrzymuje się zaświadczenie (wzór: załącznik nr 5 do "
                        "rozporządzenia).",
                        "Kurs dokształcający nie kończy się egzaminem, o którym asystent mógłby coś policzyć; "
                        "zaświadczenie wydaje organizator."),
    "§ 36": Text("Czas trwania kursu dokształcającego",
                 "Kurs dokształcający trwa tyle, ile wymaga program, nie dłużej niż "
                 "{mies:kurs_doksztalcajacy_max_months}."),
    "§ 37 ust. 1": Text("Dawne dyplomy i zaświadczenia",
                        "Dyplomy i zaświadczenia wydane według dawnych przepisów zachowują ważność – nie trzeba ich "
                        "wymieniać."),
    "§ 37 ust. 2": Text("Kształcenie rozpoczęte przed {date:regulation_in_force}",
                        "Do kształcenia rozpoczętego i niezakończonego przed wejściem rozporządzenia w życie stosuje "
                        "się dawne przepisy, z wyjątkiem § 3 ust. 7 pkt 2 i § 4 ust. 1, które stosuje się w nowym "
                        "brzmieniu. Dawnych przepisów asystent nie odwzorowuje: takie sprawy oznacza jako „Wymaga "
                        "wyjaśnienia”."),
    "§ 37 ust. 3": Text("Opłata w sesji wiosennej 2026 r.",
                        "Do opłat za egzamin w sesji wiosennej 2026 r. stosuje się dawne przepisy: opłata wynosiła "
                        "wtedy {pln_at:exam_fee_pln:2026-wiosna}."),
    "§ 38": Text("Uchylenie rozporządzenia z 2016 r.",
                 "Rozporządzenie z 2016 r. w sprawie kształcenia podyplomowego pielęgniarek i położnych (Dz.U. 2024 "
                 "poz. 115) traci moc.",
                 "Dawnych przepisów asystent nie odwzorowuje; kształcenie, do którego nadal się je stosuje (§ 37 ust. "
                 "2), oznacza jako „Wymaga wyjaśnienia”."),
    "§ 39": Text("Wejście w życie",
                 "Rozporządzenie obowiązuje od {date:regulation_in_force}. Dla wcześniejszej daty asystent nie "
                 "odpowiada – obowiązywały wtedy inne przepisy."),
    # --- the statute, chapter 6 -------------------------------------------------------------------------------
    "art. 61 ust. 1": Text("Obowiązek i prawo doskonalenia zawodowego",
                           "Pielęgniarka i położna mają obowiązek stale aktualizować wiedzę i umiejętności i prawo do "
                           "kształcenia podyplomowego w różnych jego rodzajach.",
                           "Zasada ogólna, bez warunku do sprawdzenia."),
    "art. 61 ust. 2": Text("Studia podyplomowe a obowiązek kształcenia",
                           "Studia podyplomowe w dziedzinie związanej z ochroną zdrowia także wypełniają obowiązek "
                           "doskonalenia zawodowego.",
                           "Nie wpływa na warunki rozpoczęcia ani zaliczenia; studia podyplomowe jako podstawę "
                           "zaliczenia ujmuje § 4 ust. 2 pkt 5 rozporządzenia."),
    "art. 61 ust. 3": Text("Skierowanie przez pracodawcę",
                           "Pielęgniarka lub położna zatrudniona na umowę o pracę odbywa kształcenie na swój wniosek, "
                           "na podstawie skierowania od pracodawcy do organizatora kształcenia."),
    "art. 61 ust. 4": Text("Kształcenie bez skierowania",
                           "Można też kształcić się bez skierowania – na podstawie umowy z organizatorem kształcenia."),
    "art. 61 ust. 5": Text("Żołnierze zawodowi",
                           "Żołnierze zawodowi kształcą się na podstawie skierowania Ministra Obrony Narodowej albo "
                           "umowy.",
                           "Szczególna grupa, której asystent nie obsługuje – w takiej sprawie pomoże organizator."),
    "art. 61a": Text("Urlop szkoleniowy na inne formy doskonalenia",
                     "Na inne formy doskonalenia zawodowego pracodawca może, na wniosek i za swoją zgodą, udzielić "
                     "krótkiego urlopu szkoleniowego w roku.",
                     "Dotyczy doskonalenia poza czterema rodzajami kształcenia podyplomowego, którymi zajmuje się "
                     "asystent."),
    "art. 62 ust. 1": Text("Płatne zwolnienie i urlop szkoleniowy",
                           "Osobie skierowanej przez pracodawcę przysługuje płatne zwolnienie z części dnia pracy na "
                           "zajęcia i urlop szkoleniowy."),
    "art. 62 ust. 2": Text("Dodatkowe świadczenia pracodawcy",
                           "Pracodawca może ponadto pokryć koszty kształcenia (np. opłaty, przejazdy, zakwaterowanie) "
                           "i udzielić dodatkowego urlopu."),
    "art. 62 ust. 3": Text("Powtarzanie kształcenia",
                           "Pracodawca może nie udzielać świadczeń na czas powtarzania kształcenia z powodu "
                           "niezadowalających wyników w nauce.",
                           "Sprawa między pracownikiem a pracodawcą, zależna od umowy – asystent jej nie rozstrzyga."),
    "art. 63": Text("Kształcenie bez skierowania a praca",
                    "Osoba kształcąca się bez skierowania może uzgodnić z pracodawcą urlop bezpłatny albo zwolnienie z "
                    "pracy bez prawa do wynagrodzenia."),
    "art. 64": Text("Umowa z pracodawcą i zwrot kosztów",
                    "Pracodawca może zawrzeć umowę, w której osoba zobowiązuje się pozostać w pracy po ukończeniu "
                    "kształcenia, najwyżej przez {years:referral_contract_max_years}. Kto odejdzie wcześniej za "
                    "wypowiedzeniem, zostanie zwolniony bez wypowiedzenia z własnej winy albo bez uzasadnionej "
                    "przyczyny porzuci lub nie podejmie kształcenia, zwraca koszty, co do zasady proporcjonalnie."),
    "art. 65 ust. 1": Text("Urlop szkoleniowy na całe kształcenie",
                           "Osobie skierowanej przysługuje urlop szkoleniowy do {n:training_leave_working_days} dni "
                           "roboczych na całe kształcenie."),
    "art. 65 ust. 2": Text("Urlop przed egzaminem państwowym",
                           "Osobie skierowanej na specjalizację przysługuje urlop szkoleniowy na egzamin państwowy, do "
                           "{n:exam_leave_working_days} dni roboczych."),
    "art. 66": Text("Rodzaje kształcenia podyplomowego",
                    "Ustawa wylicza cztery rodzaje kształcenia podyplomowego – specjalizację, kurs kwalifikacyjny, "
                    "kurs specjalistyczny i kurs dokształcający – prowadzone stacjonarnie albo niestacjonarnie.",
                    "Wyliczenie pojęć: asystent się nimi posługuje (zob. słowniczek), ale nie ma tu warunku do "
                    "sprawdzenia."),
    "art. 67 ust. 1": Text("Cel specjalizacji",
                           "Specjalizacja daje specjalistyczną wiedzę i umiejętności w dziedzinie pielęgniarstwa albo "
                           "dziedzinie mającej zastosowanie w ochronie zdrowia oraz tytuł specjalisty."),
    "art. 67 ust. 2": Text("Tytuł specjalisty",
                           "Tytuł specjalisty uzyskuje się po odbyciu specjalizacji i zdaniu egzaminu państwowego."),
    "art. 67 ust. 3": Text("Zwolnienie ze specjalizacji",
                           "Osoba ze stopniem co najmniej doktora i odpowiednim dorobkiem naukowym i zawodowym w "
                           "dziedzinie może zostać zwolniona przez dyrektora CMKP z odbywania specjalizacji w części "
                           "albo w całości."),
    "art. 67 ust. 4": Text("Kto może rozpocząć specjalizację",
                           "Specjalizację może rozpocząć osoba, która ma prawo wykonywania zawodu, pracowała w "
                           "zawodzie co najmniej {months:specjalizacja_experience_months} w ciągu ostatnich "
                           "{years:specjalizacja_experience_window_years} i została dopuszczona po postępowaniu "
                           "kwalifikacyjnym w SMK."),
    "art. 67 ust. 4a": Text("Postępowanie kwalifikacyjne w SMK",
                            "Postępowanie kwalifikacyjne do specjalizacji prowadzi się przez SMK.",
                            "Powtarza warunek z ust. 4 pkt 3, który asystent pokazuje przy warunkach rozpoczęcia "
                            "specjalizacji."),
    "art. 67 ust. 4b": Text("Konto w SMK",
                            "Konto w SMK zakłada pielęgniarka albo położna (a także kierownik specjalizacji), żeby "
                            "składać wnioski w systemie; tożsamość i uprawnienia potwierdza się według ust. 4c–4e."),
    "art. 67 ust. 4c": Text("Potwierdzenie tożsamości w SMK",
                            "Żeby działać w SMK, trzeba potwierdzić tożsamość osoby, która założyła konto, i jej "
                            "uprawnienia.",
                            _SMK_ACCOUNT),
    "art. 67 ust. 4d": Text("Jak potwierdza się tożsamość",
                            "Wniosek o nadanie uprawnień podpisuje się podpisem kwalifikowanym, zaufanym albo "
                            "osobistym, albo tożsamość potwierdza organizator kształcenia lub izba pielęgniarek i "
                            "położnych.",
                            _SMK_ACCOUNT),
    "art. 67 ust. 4e": Text("Kto weryfikuje uprawnienia w SMK",
                            "Uprawnienia pielęgniarki albo położnej weryfikuje okręgowa (albo Naczelna) izba "
                            "pielęgniarek i położnych, a kierownika specjalizacji – organizator.",
                            _SMK_ACCOUNT),
    "art. 67 ust. 5": Text("Kto przeprowadza egzamin państwowy",
                           "Egzamin państwowy przeprowadza, osobno dla każdej dziedziny, państwowa komisja "
                           "egzaminacyjna. Od {since:exam_authority=CEM} powołuje ją dyrektor Centrum Egzaminów "
                           "Medycznych (CEM); do tego czasu zadania egzaminacyjne wykonuje CMKP."),
    "art. 67 ust. 6": Text("Wynagrodzenie komisji z budżetu państwa",
                           "Członkom państwowej komisji egzaminacyjnej przysługuje wynagrodzenie finansowane z budżetu "
                           "państwa.",
                           "Kwoty wynagrodzenia odwzorowujemy z § 19 rozporządzenia i limitu z art. 74 ust. 1; źródło "
                           "finansowania nie zmienia żadnej odpowiedzi."),
    "art. 67 ust. 7": Text("Obowiązek opłaty za egzamin",
                           "Przystępujący do egzaminu państwowego wnoszą opłatę, która jest dochodem budżetu państwa.",
                           "Obowiązek opłaty pokazujemy przez jej wysokość (§ 10 rozporządzenia) i terminy (ust. "
                           "8–10); ten ustęp nie dodaje nic, co można by policzyć."),
    "art. 67 ust. 8": Text("Termin wniesienia opłaty",
                           "Opłatę wnosi się na rachunek podany w SMK niezwłocznie po złożeniu wniosku, najpóźniej "
                           "{days:fee_payment_days_after_deadline} po upływie terminu składania wniosków."),
    "art. 67 ust. 9": Text("Wezwanie do uzupełnienia opłaty",
                           "Gdy opłaty brakuje albo jest za niska, dyrektor instytucji prowadzącej egzamin wzywa przez "
                           "SMK albo e-mailem do uzupełnienia braku."),
    "art. 67 ust. 10": Text("Skutek nieuzupełnienia opłaty",
                            "Kto nie uzupełni braku w ciągu {days:fee_defect_fix_days} od wezwania, tego wniosek "
                            "traktuje się jako niezłożony."),
    "art. 67 ust. 11": Text("Wniosek o egzamin przez SMK",
                            "Wniosek o dopuszczenie do egzaminu państwowego składa się przez SMK."),
    "art. 67 ust. 12": Text("Wyniki egzaminu w SMK",
                            "Wyniki egzaminu państwowego trafiają do SMK.",
                            "Czynność instytucji po egzaminie – asystent nie zna wyników."),
    "art. 67 ust. 13": Text("Wyniki dla samorządu zawodowego",
                            "Wyniki udostępnia się przez SMK Naczelnej Izbie Pielęgniarek i Położnych, która "
                            "aktualizuje Centralny Rejestr Pielęgniarek i Położnych.",
                            "Czynność instytucji po egzaminie – asystent nie zna wyników."),
    "art. 67 ust. 14": Text("Dyplomy jako dokumenty publiczne",
                            "Minister może upoważnić dyrektora CMKP do wykonywania w jego imieniu zadań z ustawy o "
                            "dokumentach publicznych.",
                            "Kompetencja administracji, bez znaczenia dla warunków i terminów."),
    "art. 67a": Text("Kierownik specjalizacji i opiekun stażu",
                     "Określa rolę i obowiązki kierownika specjalizacji (plan, harmonogram, zaliczenia, nadzór nad "
                     "przebiegiem) oraz opiekuna stażu.",
                     "Przebieg specjalizacji – asystent nie ocenia wykonywania obowiązków; kto może być kierownikiem, "
                     "sprawdzamy według § 6 rozporządzenia."),
    "art. 68": Text("Obsługa komisji egzaminacyjnej",
                    "Obsługę organizacyjną państwowej komisji egzaminacyjnej zapewnia instytucja prowadząca egzamin; "
                    "od {since:exam_authority=CEM} jest nią CEM."),
    "art. 69": Text("Uznanie tytułu specjalisty uzyskanego za granicą",
                    "Minister zdrowia może uznać tytuł specjalisty uzyskany w innym państwie, na warunkach określonych "
                    "w ustawie (inne dla państw Unii, dla Wielkiej Brytanii i dla pozostałych państw).",
                    "Odrębna procedura ministra; szkolenie za granicą asystent uwzględnia tylko jako podstawę "
                    "zaliczenia (§ 4 ust. 2 pkt 1 rozporządzenia)."),
    "art. 70 ust. 1": Text("Dofinansowanie z dotacji CMKP",
                           "Specjalizacje dofinansowuje się z dotacji, którą CMKP otrzymuje z budżetu państwa, z "
                           "uwzględnieniem minimalnej liczby miejsc szkoleniowych.",
                           _FUNDING),
    "art. 70 ust. 2": Text("Obwieszczenie o miejscach i kwotach",
                           "Minister zdrowia ogłasza co roku, na rok następny, minimalną liczbę miejsc szkoleniowych i "
                           "kwoty dofinansowania.",
                           _FUNDING),
    "art. 70 ust. 3": Text("Wybór organizatorów specjalizacji dofinansowanych",
                           "Organizatorów specjalizacji dofinansowanych wybiera dyrektor CMKP według przepisów o "
                           "zamówieniach publicznych.",
                           _FUNDING),
    "art. 70 ust. 3a": Text("Zadania CMKP przy dofinansowaniu",
                            "Jeden z ust. 3a–3c: zadania dyrektora CMKP przy dofinansowaniu – roczne zapotrzebowanie "
                            "na miejsca, umowy z organizatorami, sprawozdanie. Który ustęp mówi o którym zadaniu, "
                            "podajemy za notatkami, bez sprawdzenia w tekście.",
                            _FUNDING),
    "art. 70 ust. 3b": Text("Zadania CMKP przy dofinansowaniu",
                            "Jeden z ust. 3a–3c: zadania dyrektora CMKP przy dofinansowaniu (zapotrzebowanie, umowy, "
                            "sprawozdanie).",
                            _FUNDING),
    "art. 70 ust. 3c": Text("Zadania CMKP przy dofinansowaniu",
                            "Jeden z ust. 3a–3c: zadania dyrektora CMKP przy dofinansowaniu (zapotrzebowanie, umowy, "
                            "sprawozdanie).",
                            _FUNDING),
    "art. 70 ust. 4": Text("Specjalizacja poza limitem miejsc",
                           "Zasady dofinansowania nie ograniczają odbywania specjalizacji poza limitem miejsc "
                           "dofinansowanych."),
    "art. 70 ust. 5": Text("Jedna specjalizacja dofinansowana naraz",
                           "W tym samym czasie można odbywać tylko jedną specjalizację dofinansowaną ze środków "
                           "publicznych."),
    "art. 70 ust. 6": Text("Kolejna specjalizacja dofinansowana",
                           "Po specjalizacji dofinansowanej o kolejną dofinansowaną można się ubiegać dopiero po "
                           "{years:funded_specjalizacja_wait_years} od dnia zakończenia poprzedniej; składa się "
                           "oświadczenie o odbytych specjalizacjach dofinansowanych."),
    "art. 70 ust. 7": Text("Przerwana specjalizacja albo niezdane egzaminy",
                           "Ten sam okres oczekiwania dotyczy osoby, która przerwała i nie ukończyła specjalizacji "
                           "dofinansowanej albo nie zdała egzaminu państwowego "
                           "{n:funded_specjalizacja_failed_exams} razy."),
    "art. 70 ust. 8": Text("Pomoc de minimis dla pracodawców",
                           "Jeden z ust. 8–10: dofinansowanie, które trafia do pracodawcy prowadzącego działalność "
                           "gospodarczą, jest pomocą de minimis, z limitem kwoty w okresie trzech lat.",
                           "Dotyczy pracodawców, nie warunków, jakie spełnia osoba kształcąca się."),
    "art. 70 ust. 9": Text("Pomoc de minimis dla pracodawców",
                           "Jeden z ust. 8–10: zasady pomocy de minimis dla pracodawców przy dofinansowaniu.",
                           "Dotyczy pracodawców, nie warunków, jakie spełnia osoba kształcąca się."),
    "art. 70 ust. 10": Text("Pomoc de minimis dla pracodawców",
                            "Jeden z ust. 8–10: zasady pomocy de minimis dla pracodawców przy dofinansowaniu.",
                            "Dotyczy pracodawców, nie warunków, jakie spełnia osoba kształcąca się."),
    "art. 71 ust. 1": Text("Cel kursu kwalifikacyjnego",
                           "Kurs kwalifikacyjny daje wiedzę i umiejętności do udzielania określonych świadczeń "
                           "zdrowotnych w danej dziedzinie."),
    "art. 71 ust. 2": Text("Kto może rozpocząć kurs kwalifikacyjny",
                           "Kurs kwalifikacyjny może rozpocząć osoba, która ma prawo wykonywania zawodu, co najmniej "
                           "{months:kurs_kwalifikacyjny_experience_months} stażu pracy w zawodzie i została "
                           "dopuszczona po postępowaniu kwalifikacyjnym w SMK."),
    "art. 71 ust. 3": Text("Egzamin kończący kurs kwalifikacyjny",
                           "Kurs kwalifikacyjny kończy się egzaminem teoretycznym (pisemnym albo ustnym) albo "
                           "praktycznym."),
    "art. 71 ust. 4": Text("Rodzaj egzaminu po kursie",
                           "Rodzaj egzaminu i formę egzaminu teoretycznego ustala organizator, zależnie od dziedziny.",
                           "Decyzja organizatora – asystent nie zna formy egzaminu."),
    "art. 71 ust. 5": Text("Konto w SMK przy kursie kwalifikacyjnym",
                           "Do kursu kwalifikacyjnego stosuje się odpowiednio zasady konta w SMK (art. 67 ust. 4b–4e).",
                           _SMK_ACCOUNT),
    "art. 72 ust. 1": Text("Cel kursu specjalistycznego",
                           "Kurs specjalistyczny daje wiedzę i umiejętności do wykonywania określonych czynności "
                           "zawodowych przy świadczeniach pielęgnacyjnych, zapobiegawczych, diagnostycznych, "
                           "leczniczych albo rehabilitacyjnych."),
    "art. 72 ust. 2": Text("Kto może rozpocząć kurs specjalistyczny",
                           "Kurs specjalistyczny może rozpocząć osoba z prawem wykonywania zawodu, dopuszczona po "
                           "postępowaniu kwalifikacyjnym w SMK; ustawa nie wymaga stażu pracy."),
    "art. 72 ust. 3": Text("Egzamin kończący kurs specjalistyczny",
                           "Kurs specjalistyczny kończy się egzaminem; stosuje się odpowiednio zasady konta w SMK i "
                           "egzaminu po kursie kwalifikacyjnym (art. 71 ust. 3 i 4)."),
    "art. 73 ust. 1": Text("Cel kursu dokształcającego",
                           "Kurs dokształcający pogłębia i aktualizuje wiedzę i umiejętności zawodowe."),
    "art. 73 ust. 2": Text("Kto może rozpocząć kurs dokształcający",
                           "Kurs dokształcający może rozpocząć osoba z prawem wykonywania zawodu, zakwalifikowana "
                           "przez organizatora przez SMK; ustawa nie wymaga stażu pracy."),
    "art. 73 ust. 3": Text("Konto w SMK przy kursie dokształcającym",
                           "Do kursu dokształcającego stosuje się odpowiednio zasady konta w SMK (art. 67 ust. 4b–4e).",
                           _SMK_ACCOUNT),
    "art. 74 ust. 1": Text("Upoważnienie do wydania rozporządzenia",
                           "Upoważnia ministra zdrowia do wydania rozporządzenia o kształceniu podyplomowym (tego, na "
                           "którym opiera się asystent) i ogranicza wynagrodzenie członka państwowej komisji "
                           "egzaminacyjnej do {zl:state_commission_pay_cap_pln}."),
    "art. 74 ust. 2": Text("Wykaz dziedzin",
                           "Minister zdrowia określa w rozporządzeniu dziedziny pielęgniarstwa i dziedziny mające "
                           "zastosowanie w ochronie zdrowia; z tego wykazu asystent podpowiada dziedziny (lista do "
                           "sprawdzenia, bo pochodzi ze źródeł wtórnych)."),
    "art. 75 ust. 1": Text("Kto może być organizatorem kształcenia",
                           "Organizatorem kształcenia mogą być m.in. uczelnie, instytuty badawcze, okręgowe izby "
                           "pielęgniarek i położnych, podmioty lecznicze, inne podmioty oraz CMKP."),
    "art. 75 ust. 2": Text("Treść do sprawdzenia",
                           "Treści tego ustępu nie ma w naszych notatkach o ustawie – sprawdź ją w tekście urzędowym.",
                           "Nie znamy jego treści z wiarygodnego źródła, więc go nie odwzorowujemy."),
    "art. 75 ust. 3": Text("Warunki prowadzenia kształcenia",
                           "Organizator musi mieć m.in. program, kadrę, bazę dydaktyczną i wewnętrzny system jakości, "
                           "wpis do rejestru (kursy) albo akredytację (specjalizacje) oraz możliwość udzielania "
                           "świadczeń i odpowiednie pomieszczenia.",
                           _ORGANIZERS),
    "art. 75 ust. 4": Text("Wyjątek dla CMKP",
                           "Wymóg wpisu do rejestru nie dotyczy CMKP.",
                           _ORGANIZERS),
    "art. 75a": Text("Akredytacja do prowadzenia specjalizacji",
                     "Organizator (poza CMKP) może prowadzić specjalizację w danej dziedzinie dopiero po akredytacji "
                     "dyrektora CMKP, potwierdzonej wpisem na listę jednostek szkolących; ustawa określa warunki "
                     "akredytacji i wniosek.",
                     _ORGANIZERS),
    "art. 75b": Text("Lista jednostek szkolących",
                     "Dyrektor CMKP rozpatruje wniosek o akredytację, wpisuje organizatora na listę na określony czas, "
                     "skreśla z niej i wskazuje, gdzie dokończyć specjalizację, gdy organizator akredytację traci.",
                     _ORGANIZERS),
    "art. 76": Text("Rejestr podmiotów prowadzących kursy",
                    "Podmiot prowadzący kursy wpisuje się na wniosek złożony przez SMK do rejestru prowadzonego przez "
                    "samorząd pielęgniarek i położnych; za wpis pobiera się opłatę.",
                    _ORGANIZERS),
    "art. 77": Text("Wpis, odmowa i wykreślenie z rejestru",
                    "Ustawa określa terminy wpisu do rejestru oraz przyczyny odmowy wpisu i wykreślenia.",
                    _ORGANIZERS),
    "art. 78": Text("Programy kształcenia",
                    "Programy specjalizacji i kursów opracowują zespoły powoływane przez CMKP, a zatwierdza minister; "
                    "program kursu dokształcającego opracowuje organizator. W stanie epidemii część kształcenia może "
                    "odbywać się zdalnie, z wyjątkiem egzaminu państwowego.",
                    "Treść programów jest poza asystentem: nie ocenia, czy kurs albo studia są „objęte programem”, "
                    "tylko porównuje dziedziny (zob. „Jak rozumiemy” przy § 4 ust. 2)."),
    "art. 79": Text("Programy kształcenia (ciąg dalszy)",
                    "Dalsze przepisy o programach kształcenia; nasze notatki omawiają je łącznie z art. 78.",
                    "Treść programów jest poza asystentem."),
    "art. 80": Text("Plany i sprawozdania organizatora",
                    "Organizator publikuje w SMK plany kształcenia, przed rozpoczęciem przesyła harmonogram do CMKP i "
                    "co roku składa sprawozdanie.",
                    _ORGANIZERS),
    "art. 81": Text("Przechowywanie dokumentacji",
                    "Organizator przechowuje dokumentację kształcenia przez okres określony w ustawie.",
                    _ORGANIZERS),
    "art. 82": Text("Kontrola przez samorząd",
                    "Naczelna Rada Pielęgniarek i Położnych kontroluje podmioty wpisane do rejestru.",
                    _ORGANIZERS),
    "art. 83": Text("Nadzór ministra",
                    "Minister zdrowia nadzoruje kształcenie podyplomowe, m.in. przez dyrektora CMKP.",
                    _ORGANIZERS),
    # --- other acts the rules cite ---------------------------------------------------------------------------
    "ustawa z 2024 r. art. 26 ust. 2": Text(
        "CMKP prowadzi egzamin do końca 2026 r.",
        "Do {until:exam_authority=CEM} zadania dotyczące przeprowadzenia egzaminu państwowego wykonuje CMKP; od "
        "{since:exam_authority=CEM} przejmuje je CEM (art. 67 ust. 5 ustawy o zawodach)."),
    "KC art. 111 ust. 2": Text(
        "Termin liczony w dniach",
        "Gdy początkiem terminu w dniach jest jakieś zdarzenie, dnia tego zdarzenia nie wlicza się do terminu "
        "(Kodeks cywilny numeruje tę jednostkę jako § 2)."),
    "KC art. 112": Text(
        "Termin w miesiącach i latach",
        "Termin w miesiącach albo latach kończy się w dniu, który datą odpowiada jego początkowi, a gdy takiego dnia "
        "w ostatnim miesiącu nie ma – w ostatnim dniu tego miesiąca."),
    "KC art. 115": Text(
        "Koniec terminu w dzień wolny",
        "Gdy koniec terminu do wykonania czynności przypada na dzień ustawowo wolny od pracy albo sobotę, termin "
        "upływa następnego dnia roboczego."),
    "KPA art. 57 ust. 4": Text(
        "Termin w sprawach administracyjnych a dzień wolny",
        "W postępowaniu administracyjnym termin, którego koniec przypada na dzień wolny od pracy albo sobotę, upływa "
        "następnego dnia roboczego (Kodeks numeruje tę jednostkę jako § 4)."),
    "dni wolne art. 1": Text(
        "Dni ustawowo wolne od pracy",
        "Wylicza dni ustawowo wolne od pracy (niedziele i święta); z tej listy asystent wie, kiedy termin przesuwa "
        "się na następny dzień roboczy."),
}

# The readings of logic/readings.py in plain Polish (they are written in English there, for developers).
READINGS_PL: dict[int, str] = {
    1: "Staż pracy liczymy tak jak pracodawcy: nakładające się okresy raz, każdy nieprzerwany okres w pełnych "
       "miesiącach kalendarzowych i pozostałych dniach, a dni z kilku okresów sumujemy (art. 114 Kodeksu cywilnego). "
       "Liczą się dni przed datą stanu prawnego.",
    2: "„W okresie ostatnich {years:specjalizacja_experience_window_years}” liczymy od tego samego dnia przed laty do "
       "dnia poprzedzającego datę stanu prawnego.",
    3: "Najwcześniejszą datę spełnienia warunku liczymy tak, jakby trwająca praca trwała dalej; bez prawa wykonywania "
       "zawodu takiej daty nie podajemy.",
    4: "Termin do dokonania czynności (wniosek, opłata, uzupełnienie braku, wydanie EKK), który kończy się w sobotę, "
       "niedzielę albo święto, upływa następnego dnia roboczego; podajemy datę z przepisu i obok ostatni dzień. Okresy "
       "trwania (czas specjalizacji, przerwa, termin poprawki) się nie przesuwają.",
    5: "„Po dniu {date:credit_cutoff_date}”: sam ten dzień się nie liczy; porównujemy datę ukończenia kursu albo "
       "specjalizacji.",
    6: "Programu specjalizacji nie znamy: kurs, tytuł albo studia w tej samej dziedzinie (po nazwie) oznaczamy jako "
       "możliwe na wniosek, a w innej dziedzinie – do decyzji organizatora.",
    7: "Doświadczenie w dziedzinie to praca w komórkach o profilu dziedziny specjalizacji, liczona jak staż pracy, ale "
       "bez okna lat; zgodność profilu ocenia organizator.",
    8: "Przerwa nie dłuższa niż {years:interruption_max_years}: ponowne przystąpienie jest możliwe do dnia, w którym "
       "ten okres mija od przerwania (art. 112 Kodeksu cywilnego).",
    9: "Kurs z listy bez wyniku egzaminu traktujemy jako ukończony, chyba że zaznaczono egzamin niezdany, opuszczony "
       "albo brak przystąpienia.",
    10: "Okres {years:funded_specjalizacja_wait_years} liczymy od dnia zakończenia albo przerwania specjalizacji (art. "
        "112 Kodeksu cywilnego); ubiegać się można od następnego dnia.",
    11: "Niezdane egzaminy liczymy w jednej dziedzinie (egzamin jest osobny dla każdej dziedziny), a okres oczekiwania "
        "– od zakończenia dofinansowanej specjalizacji w tej dziedzinie. Potwierdź to u organizatora.",
    12: "Listy członków komisji kwalifikacyjnej traktujemy jako zamknięte: inne osoby oznaczamy jako nieprzewidziane "
        "w przepisach.",
    13: "„Nie upłynęło więcej niż {mies:supplementary_round_max_months}”: postępowanie uzupełniające można "
        "przeprowadzić do dnia, w którym ten okres mija od planowanej daty rozpoczęcia (art. 112 Kodeksu cywilnego).",
    14: "Grupa dokładnie {commission:gap} osób nie ma w przepisie przedziału (pkt 6 kończy się na {commission:last}, "
        "pkt 7 mówi „więcej niż {commission:gap}”): przyjmujemy tylu członków, ilu dla grupy największej "
        "({commission:top}).",
    15: "Opłata należy do sesji, w której odbywa się egzamin: {pln_at:exam_fee_pln:2026-wiosna} w sesji wiosennej "
        "2026 r., {pln_at:exam_fee_pln:2026-jesien} od sesji jesiennej 2026 r.",
    16: "Od {since:exam_authority=CEM} ustawa przenosi egzamin do CEM, a rozporządzenie nadal wymienia CMKP: terminy i "
        "opłatę podajemy według rozporządzenia, instytucję – według pierwszego dnia sesji, z uwagą, że przepisy mogą "
        "się zmienić.",
    17: "Pierwsza sesja, na którą można się zgłosić, to ta, której termin zgłoszeń przypada nie wcześniej niż data "
        "stanu prawnego i dzień ukończenia specjalizacji; trwająca specjalizacja kończy się najwcześniej ostatniego "
        "dnia swoich {mies:specjalizacja_min_months}.",
    18: "Egzamin państwowy po specjalizacji rozpoczętej przed {date:regulation_in_force} odbywa się według nowych "
        "przepisów: nie jest częścią samego kształcenia, a § 37 ust. 3 zachowuje dawne zasady tylko dla opłat.",
    19: "Gdy dnia egzaminu jeszcze nie ustalono, zawiadomienie pokazujemy {days:exam_notice_days} przed pierwszym "
        "dniem sesji – to najpóźniejszy termin dla egzaminu w tym dniu.",
    20: "„Dzień zaliczenia kursu” to dzień zaliczenia zajęć teoretycznych i szkolenia praktycznego; "
        "{mies:course_exam_retake_months} liczymy według art. 112 Kodeksu cywilnego.",
    21: "Nieobecności na egzaminie po kursie przepis nie wymienia: przyjmujemy ten sam horyzont "
        "{mies:course_exam_retake_months} i termin wyznaczany przez organizatora.",
    22: "Czas trwania liczymy od pierwszego dnia zajęć włącznie; gdy w ostatnim miesiącu nie ma dnia o tym numerze, "
        "okres kończy się ostatniego dnia tego miesiąca (art. 112 Kodeksu cywilnego).",
    23: "Rozporządzenia z 2016 r. nie odwzorowujemy: kształcenie rozpoczęte przed {date:regulation_in_force} i nadal "
        "trwające oznaczamy jako wymagające wyjaśnienia, podając dwa przepisy nowe, które się do niego stosuje.",
    25: "Zaliczenie po przerwanej specjalizacji (§ 4 ust. 6) nie wymaga załącznika nr 1 ani opinii kierownika: ust. 5 "
        "i 7 dotyczą zaliczeń z ust. 2 i 3.",
    26: "W kursie kwalifikacyjnym wystarczy, że moduły zrealizowano po {date:credit_cutoff_date}; kurs z egzaminem "
        "niezdanym albo opuszczonym ocenia organizator.",
    27: "Kurs kończy się dopiero egzaminem, więc kurs, którego zajęcia skończyły się przed "
        "{date:regulation_in_force}, a egzamin jest jeszcze przed nami, to kształcenie rozpoczęte przed "
        "rozporządzeniem: pokazujemy termin z § 27 ust. 2 z uwagą, że mogą obowiązywać dawne przepisy.",
    28: "Ważność zachowują tylko dokumenty naprawdę wydane: kurs z niezdanym albo opuszczonym egzaminem nie ma "
        "zaświadczenia.",
    29: "Specjalizację podaną jako ukończoną, bez daty, traktujemy jako ukończoną przed datą stanu prawnego i "
        "proponujemy pierwszą sesję, na którą można się jeszcze zgłosić.",
    30: "Kurs rozpoczęty przed {date:regulation_in_force}, którego zajęcia skończyły się tego dnia albo później (albo "
        "trwają), to kształcenie rozpoczęte i niezakończone: stosuje się dawne przepisy, a nowe pokazujemy z uwagą do "
        "potwierdzenia u organizatora.",
    31: "Podaną datę egzaminu spoza sesji pomijamy (z uwagą) i zawiadomienie liczymy od pierwszego dnia sesji.",
    33: "Litera w numerze PWZ: P dla pielęgniarki, A dla położnej (według źródeł wtórnych); niezgodność to "
        "ostrzeżenie, nigdy odmowa.",
    35: "Osoba bez wierszy w arkuszu „Praca” ma nieznany przebieg pracy (a nie „brak pracy”): warunek stażu wymaga "
        "wyjaśnienia.",
    36: "„Odbył(a) specjalizację dofinansowaną: tak” z datą, ale bez wiersza w arkuszu „Specjalizacje”: przyjmujemy "
        "jedną ukończoną specjalizację dofinansowaną, zakończoną tego dnia, w nieznanej dziedzinie.",
}

GROUP_LABELS: dict[str, str] = {
    "a": "Warunki rozpoczęcia kształcenia", "b": "Specjalizacja dofinansowana", "c": "Postępowanie kwalifikacyjne",
    "d": "Zaliczenia", "e": "Zwolnienie ze specjalizacji", "f": "Egzamin państwowy", "g": "Egzamin po kursie",
    "h": "Czas trwania, EKK, powiadomienie CMKP", "i": "Kierownik specjalizacji lub kursu", "j": "Przepisy przejściowe",
}

RULE_LABELS: dict[str, str] = {
    "a.{form.value}.entry": "Czy możesz ubiegać się o daną formę kształcenia",
    "a.employer_referral": "Skierowanie przez pracodawcę, urlop szkoleniowy",
    "b.funded.eligibility": "Czy możesz ubiegać się o specjalizację dofinansowaną",
    "c.commission": "Skład komisji kwalifikacyjnej",
    "c.commission.consultant": "Konsultant wojewódzki w komisji kwalifikacyjnej",
    "c.entrance_exam": "Czy obowiązuje egzamin wstępny",
    "c.entrance_exam_exemption": "Zwolnienie z egzaminu wstępnego",
    "c.supplementary_round": "Uzupełniające postępowanie kwalifikacyjne",
    "d.kurs_kwalifikacyjny.credit": "Zaliczenie w kursie kwalifikacyjnym",
    "d.kurs_kwalifikacyjny.procedure": "Wniosek o zaliczenie w kursie kwalifikacyjnym",
    "d.specjalizacja.credit.course": "Zaliczenie w specjalizacji na podstawie kursu",
    "d.specjalizacja.credit.foreign": "Zaliczenie na podstawie szkolenia za granicą",
    "d.specjalizacja.credit.practice": "Zaliczenie części szkolenia praktycznego na podstawie pracy",
    "d.specjalizacja.credit.reentry": "Zaliczenie modułów z przerwanej specjalizacji",
    "d.specjalizacja.credit.studies": "Zaliczenie na podstawie studiów podyplomowych",
    "d.specjalizacja.credit.title": "Zaliczenie na podstawie tytułu specjalisty",
    "d.specjalizacja.procedure": "Wniosek o zaliczenie w specjalizacji",
    "e.exemption": "Zwolnienie ze specjalizacji",
    "e.exemption_team": "Skład zespołu opiniującego zwolnienie",
    "f.admission": "Dopuszczenie do egzaminu państwowego",
    "f.commission_member": "Członek państwowej komisji egzaminacyjnej",
    "f.commission_pay": "Wynagrodzenie członków komisji",
    "f.commission_size": "Liczba członków państwowej komisji egzaminacyjnej",
    "f.exam_held": "Czy egzamin w dziedzinie się odbędzie",
    "f.retake": "Ponowne przystąpienie do egzaminu państwowego",
    "f.session": "Terminy sesji egzaminu państwowego",
    "f.session.following": "Terminy kolejnej sesji",
    "g.course_exam.admission": "Egzamin po kursie: dopuszczenie",
    "g.course_exam.retake": "Egzamin po kursie: poprawka",
    "h.duration": "Planowany czas trwania kształcenia",
    "h.ekk": "Termin wydania EKK",
    "h.notice_to_cmkp": "Powiadomienie CMKP o zakończeniu specjalizacji",
    "i.leader": "Kto może być kierownikiem",
    "j.before_regulation": "Data przed wejściem w życie rozporządzenia",
    "j.documents_valid": "Ważność dawnych dyplomów i zaświadczeń",
    "j.old_rules": "Kształcenie rozpoczęte przed nowymi przepisami",
}


# --- the index ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleShown:
    code: str  # as the index shows it ("a.<forma kształcenia>.entry" for a family of codes)
    label: str
    group: str


@dataclass(frozen=True)
class NumberShown:
    """One dated value of a parameter that holds a number of this unit."""

    name: str
    description: str
    value: str
    since: str  # "od 20 stycznia 2026 r." / "od sesji jesiennej 2026 r."
    state: str  # "obowiązuje" / "obowiązywała do …" / "będzie obowiązywać"
    in_force: bool
    unit: str  # the point or letter of the unit, where the parameter names one ("art. 67 ust. 4 pkt 2")
    note: str = ""


@dataclass(frozen=True)
class ReadingShown:
    number: int
    text: str


@dataclass(frozen=True)
class Entry:
    key: Key
    label: str
    title: str
    about: str
    why_not: str
    citation: str
    url: str
    modelled: bool
    rules: tuple[RuleShown, ...] = ()
    numbers: tuple[NumberShown, ...] = ()
    readings: tuple[ReadingShown, ...] = ()
    glossary: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()

    @property
    def act(self) -> ActKey:
        return self.key[0]

    @property
    def heading(self) -> str:
        return f"{self.label} – {self.title}"

    @property
    def searchable(self) -> str:
        parts = [self.label, self.title, self.about, self.why_not, *self.glossary,
                 *(f"{r.code} {r.label} {r.group}" for r in self.rules),
                 *(f"{n.description} {n.value}" for n in self.numbers), *(r.text for r in self.readings)]
        return fold(" ".join(parts))


@dataclass(frozen=True)
class LawIndex:
    on: date
    entries: tuple[Entry, ...]

    def modelled(self, act: ActKey | None = None) -> list[Entry]:
        return [e for e in self.entries if e.modelled and (act is None or e.act is act)]

    def not_modelled(self, act: ActKey | None = None) -> list[Entry]:
        return [e for e in self.entries if not e.modelled and (act is None or e.act is act)]

    def acts(self) -> list[ActKey]:
        """The acts in the order the page shows them: the regulation, the statute, then the others."""
        return [a for a in ActKey if any(e.act is a for e in self.entries)]

    def entry(self, label: str) -> Entry:
        """The entry with this text key ("§ 4 ust. 2", "KC art. 112")."""
        return next(e for e in self.entries if text_key(e.key) == label)

    def search(self, query: str) -> list[Entry]:
        """The entries a search text asks for: the units it names ("§ 4", "art. 67 ust. 4", "par. 9") and, of those
        (or of all, when it names none), the ones whose texts hold every other word ("egzamin wstępny")."""
        query = normalize_query(query)
        mentions = units_in(query)
        found = list(self.entries)
        if mentions:
            wanted: set[Key] = set()
            for m in mentions:
                if m.act is None:  # an article of another act, by number
                    wanted |= {e.key for e in self.entries if e.act not in WALKED and e.key[1] == m.unit
                               and (m.ust is None or e.key[2] == m.ust)}
                else:
                    wanted |= set(elements_of(m.act, m.unit, m.ust))
            found = [e for e in found if e.key in wanted]
        words = [_stem(fold(w)) for w in re.findall(r"\w+", _TOKEN.sub(" ", query))]
        return [e for e in found if all(w in e.searchable for w in words)]


def fold(text: str) -> str:
    """Lower case without Polish diacritics, for matching a search: "Zaliczenie" and "zaliczenie" alike."""
    text = text.lower().replace("ł", "l")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _stem(word: str) -> str:
    """A word without its last letters, so that Polish endings do not matter: "wstępny" finds "wstępnego"."""
    return word[:max(4, len(word) - 2)] if len(word) > 4 else word


def normalize_query(query: str) -> str:
    """ "par. 4", "paragraf 4", "§4" → "§ 4"; "art 67" stays a unit (units_in allows it)."""
    query = unicodedata.normalize("NFC", query or "")
    return re.sub(r"\b(?:par\.|paragrafu?|paragraf)\s*(?=\d)", "§ ", query, flags=re.IGNORECASE)


def _rule_shown(code: str) -> RuleShown:
    dynamic = next((d for d in DYNAMIC_RULE_CODES if d.pattern == code), None)
    shown = dynamic.shown if dynamic else code
    return RuleShown(shown, RULE_LABELS.get(code, GROUP_LABELS.get(code[:1], "")), GROUP_LABELS.get(code[:1], ""))


def rules_of() -> dict[Key, set[str]]:
    """The rule codes (patterns for a family) that cite each entry: through its references, and through the
    parameters that hold its numbers."""
    facts = scan()
    out: dict[Key, set[str]] = defaultdict(set)
    for key, codes in facts.rules_by_key.items():
        element = exact_element(*key)
        if element is not None:
            out[element] |= codes
    for use in parameter_uses():
        element = exact_element(*key_of(use.ref))
        if element is not None:
            out[element] |= facts.rules_by_parameter.get(use.name, set())
    return out


def modelled_keys() -> set[Key]:
    """The entries the assistant uses: cited by the code (a rule, the glossary, a date helper), holding a
    parameter's number, or read in a reading."""
    return {e for k in _cited_keys() for e in [exact_element(*k)] if e is not None}


def _numbers(key: Key, on: date) -> list[NumberShown]:
    """The dated values (of the parameters in force in this context) whose reference is this entry."""
    out = []
    current = _session_on(on)
    for name, param in P.load().items():
        for i, v in enumerate(param.values):
            if exact_element(*key_of(v.ref)) == key:
                out.append(_number(name, param, i, on, current, key))
    return out


def _number(name: str, param: P.Parameter, index: int, on: date, current: str, key: Key) -> NumberShown:
    values = param.values
    v = values[index]
    following = values[index + 1] if index + 1 < len(values) else None
    if param.by_session:
        since = f"od {session_genitive(v.start)}"
        started = P.session_key(v.start) <= P.session_key(current)
        ended = following is not None and P.session_key(following.start) <= P.session_key(current)
    else:
        since = f"od {polish_date(v.start)}"
        started = v.start <= on
        ended = following is not None and following.start <= on
    if not started:
        state = "jeszcze nie obowiązuje"
    elif ended:
        until = (f"do {session_genitive(previous_session(following.start))} włącznie" if param.by_session
                 else f"do {polish_date(following.start - timedelta(days=1))}")
        state = f"obowiązywała {until}"
    else:
        state = f"obowiązuje na {polish_date(on)}"
    detail = v.ref.label if v.ref.label != label_of(key) else ""
    return NumberShown(name, param.description, value_text(param, v.value), since, state, started and not ended,
                       detail, v.note or "")


def _glossary_terms() -> dict[Key, list[str]]:
    from .glossary import TERMS  # the glossary cites units; the index shows where a term explains one
    out: dict[Key, list[str]] = defaultdict(list)
    for t in TERMS:
        for r in t.basis:
            for element in elements_of(r.act, r.unit, r.ust):
                if t.term not in out[element]:
                    out[element].append(t.term)
    return out


def build(on: date) -> LawIndex:
    """The index with the texts and numbers in force on `on`."""
    return _build(on, P.active())


@lru_cache(maxsize=16)
def _build(on: date, params: object) -> LawIndex:
    facts = scan()
    rules = rules_of()
    modelled = modelled_keys()
    readings: dict[Key, list[int]] = defaultdict(list)
    for number, mentions in reading_mentions().items():
        for m in mentions:
            element = exact_element(m.act, m.unit, m.ust) if m.act else None
            if element is not None and number not in readings[element]:
                readings[element].append(number)
    glossary = _glossary_terms()
    modules: dict[Key, set[str]] = defaultdict(set)
    for key, where in facts.sources_by_key.items():
        for element in elements_of(*key):
            modules[element] |= where
    entries = []
    for key in elements():
        text = TEXTS.get(text_key(key), Text("", ""))
        ref = Ref(act=key[0], unit=key[1], ust=key[2])
        entries.append(Entry(
            key=key, label=label_of(key), title=explain(text.title, on), about=explain(text.about, on),
            why_not=explain(text.why_not, on), citation=ref.citation, url=ref.url, modelled=key in modelled,
            rules=tuple(sorted((_rule_shown(c) for c in rules.get(key, ())), key=lambda r: r.code)),
            numbers=tuple(_numbers(key, on)),
            readings=tuple(ReadingShown(n, explain(READINGS_PL.get(n, ""), on)) for n in sorted(readings[key])),
            glossary=tuple(glossary.get(key, ())), modules=tuple(sorted(modules.get(key, ())))))
    return LawIndex(on, tuple(entries))
