r"""Is every kata finished? The checks behind ``mlkata dev check`` and tests/test_catalogue.py.

A finished kata has: an entry in a valid, versioned curriculum.toml with two or more
hints; its reference solution (with numpydoc docstrings and examples that run); the
stub its solution generates; a grader that every check of which the stub fails and
the solution passes, and that does not re-check by hand an input ``call()`` already
compares; a mutants file with at least one mutant, every edit of which
still applies; and no ``TODO`` left in any of them. Nothing lies around for a kata
or topic that curriculum.toml does not list.

Each check returns :class:`Finding`\ s, one per problem, each one line saying where,
what and what to do. The structural checks only read files; the grading checks
(:func:`grading_findings`, :func:`example_findings`) run the code.
"""

from __future__ import annotations

import ast
import contextlib
import difflib
import doctest
import importlib.util
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from mlkata.author.committed import committed_texts
from mlkata.author.mutation import EditError, Implementation
from mlkata.author.rechecks import hand_rechecks
from mlkata.author.stubgen import StubError, StubStatus, make_stub, stub_status
from mlkata.engine.curriculum import Curriculum, CurriculumError, Kata, load_curriculum
from mlkata.engine.layout import (
    CURRICULUM,
    EXERCISES,
    GRADER_PREFIX,
    GRADERS,
    IMPLEMENTATIONS,
    SOLUTIONS,
)

NOT_IMPLEMENTED = "not implemented yet"
"""How the grading plugin's failure message for a stub begins."""
TODO = re.compile(r"\bTODO\b")
MIN_HINTS = 2


@dataclass(frozen=True)
class Finding:
    """One problem: ``where`` (a path, ``path:line`` or curriculum.toml) and what."""

    where: str
    problem: str
    slug: str | None = None
    """The kata it belongs to, if any."""

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


class UnknownKata(ValueError):
    """A slug asked for that curriculum.toml does not list; the message is one line."""


def _solution(kata: Kata) -> str:
    return f"{SOLUTIONS}/{kata.path}"


def _stub(kata: Kata) -> str:
    return f"{EXERCISES}/{kata.path}"


def _grader(kata: Kata) -> str:
    return f"{GRADERS}/{kata.grader_path}"


def _mutants(kata: Kata) -> str:
    return f"{IMPLEMENTATIONS}/{kata.path}"


# ---------------------------------------------------------------------------
# The catalogue as a whole


def curriculum_findings(root: Path) -> tuple[Curriculum | None, list[Finding]]:
    """The curriculum (None if it cannot be loaded) and the problem that stops it."""
    path = root / CURRICULUM
    try:
        return load_curriculum(path), []
    except CurriculumError as exc:
        message = str(exc).replace(str(path), CURRICULUM)
        return None, [Finding(CURRICULUM, message.removeprefix(CURRICULUM).lstrip(": "))]


def select_katas(curriculum: Curriculum, slugs: Sequence[str]) -> list[Kata]:
    """The katas called ``slugs`` in curriculum order (all of them if none is named)."""
    known = [k.slug for k in curriculum.katas]
    for slug in slugs:
        if slug not in known:
            close = difflib.get_close_matches(slug, known, n=3, cutoff=0.6)
            hint = f": did you mean {' or '.join(close)}?" if close else ""
            raise UnknownKata(f"no kata `{slug}` in {CURRICULUM}{hint}")
    wanted = set(slugs)
    return [k for k in curriculum.katas if not wanted or k.slug in wanted]


def _kata_of_file(tree: str, name: str) -> str | None:
    """The slug a file in ``<tree>/<topic>/`` is for; None for a file to ignore."""
    if not name.endswith(".py") or name.startswith("_") or name == "conftest.py":
        return None
    stem = name[: -len(".py")]
    if tree == GRADERS:
        return stem[len(GRADER_PREFIX) :] if stem.startswith(GRADER_PREFIX) else ""
    return stem


def stray_findings(root: Path, curriculum: Curriculum) -> list[Finding]:
    """Files for a kata, and topic folders, that curriculum.toml does not list."""
    listed = {(k.topic, k.slug) for k in curriculum.katas}
    topic_of = {k.slug: k.topic for k in curriculum.katas}
    findings = []
    for tree in (SOLUTIONS, EXERCISES, GRADERS, IMPLEMENTATIONS):
        base = root / tree
        folders = sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
        for folder in folders:
            if folder.name.startswith((".", "_")):
                continue
            if folder.name not in topic_of.values():
                if any(folder.glob("*.py")):
                    findings.append(
                        Finding(
                            f"{tree}/{folder.name}/",
                            f"`{folder.name}` is not a topic of {CURRICULUM}: add its katas "
                            "there (mlkata dev new) or move the files out",
                        )
                    )
                continue
            for path in sorted(folder.iterdir()):
                slug = _kata_of_file(tree, path.name)
                where = f"{tree}/{folder.name}/{path.name}"
                if slug is None or (folder.name, slug) in listed:
                    continue
                if slug == "":
                    problem = f"not a grader file ({GRADER_PREFIX}<slug>.py): rename or move it"
                elif slug in topic_of:
                    problem = (
                        f"{CURRICULUM} has `{slug}` in topic `{topic_of[slug]}`, not "
                        f"`{folder.name}`: move the file"
                    )
                else:
                    problem = (
                        f"no kata `{slug}` in {CURRICULUM}: add its entry (mlkata dev new) "
                        "or remove the file"
                    )
                findings.append(Finding(where, problem))
    return findings


# ---------------------------------------------------------------------------
# One kata, structurally


def file_findings(root: Path, kata: Kata) -> list[Finding]:
    """The kata's solution, stub, grader and mutants file exist."""
    wanted = [
        (_solution(kata), "no reference solution: write it (mlkata dev new makes a skeleton)"),
        (_stub(kata), f"no stub: run `mlkata dev sync {kata.slug}`"),
        (_grader(kata), "no grader: write it (docs/writing-katas.md says what it checks)"),
        (_mutants(kata), "no mutants file: write its MUTANTS (and VARIANTS) there"),
    ]
    return [Finding(p, problem, kata.slug) for p, problem in wanted if not (root / p).is_file()]


def committed_stubs(root: Path, katas: Iterable[Kata]) -> dict[str, str | None] | None:
    """The committed text of each kata's stub, by kata path; None without git."""
    katas = list(katas)
    texts = committed_texts(root, [_stub(k) for k in katas])
    return None if texts is None else {k.path: texts[_stub(k)] for k in katas}


def stub_findings(root: Path, kata: Kata, committed: dict[str, str | None] | None) -> list[Finding]:
    """The solution's markers pair up, and the stub is what the solution generates.

    A stub counts as up to date when the file, or its committed version, is the
    generated stub: a learner's solved exercise (on an up-to-date committed stub) is
    not a drifted stub. Without git (``committed`` None) only the file counts.
    """
    solution = root / _solution(kata)
    if not solution.is_file():
        return []
    try:
        wanted = make_stub(solution.read_text(encoding="utf-8"), _solution(kata))
    except StubError as exc:
        where, _, problem = str(exc).partition(": ")
        return [Finding(where, problem, kata.slug)]
    stub = root / _stub(kata)
    if not stub.is_file():
        return []  # reported by file_findings
    was = committed.get(kata.path) if committed is not None else None
    status = stub_status(stub.read_text(encoding="utf-8"), was, wanted, committed is not None)
    if status in (StubStatus.CURRENT, StubStatus.WORKED):
        return []
    if status is StubStatus.STALE:
        problem = "is the committed stub of an older solution"
    elif committed is not None:
        problem = "differs from what its solution generates, and from the committed stub"
    else:
        problem = "differs from what its solution generates"
    sync = f"run `mlkata dev sync {kata.slug}` (never edit exercises/ by hand)"
    return [Finding(_stub(kata), f"{problem}: {sync}", kata.slug)]


def hint_findings(kata: Kata) -> list[Finding]:
    """Two or more hints, none of them empty."""
    findings = []
    if len(kata.hints) < MIN_HINTS:
        findings.append(
            Finding(
                CURRICULUM,
                f"`{kata.slug}` has {len(kata.hints)} hint(s): give at least {MIN_HINTS}, "
                "gentlest first",
                kata.slug,
            )
        )
    if any(not isinstance(h, str) or not h.strip() for h in kata.hints):
        findings.append(Finding(CURRICULUM, f"`{kata.slug}` has an empty hint", kata.slug))
    return findings


def load_implementations(path: Path) -> dict[str, object]:
    """The names a mutants file defines (it is run, as the project's tests run it)."""
    spec = importlib.util.spec_from_file_location(f"_mlkata_impl_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


def mutant_findings(root: Path, kata: Kata) -> list[Finding]:
    """At least one mutant, and every mutant's and variant's edit applies to the solution."""
    path, solution = root / _mutants(kata), root / _solution(kata)
    if not path.is_file():
        return []
    where = _mutants(kata)
    try:
        names = load_implementations(path)
    except Exception as exc:  # noqa: BLE001 - reported as a finding
        return [Finding(where, f"cannot be loaded: {type(exc).__name__}: {exc}", kata.slug)]
    findings = []
    mutants = names.get("MUTANTS")
    if not isinstance(mutants, list):
        findings.append(Finding(where, "defines no MUTANTS list", kata.slug))
        mutants = []
    elif not mutants:
        findings.append(
            Finding(
                where,
                "has no mutant: add a Mutant for every mistake the catalogue lists",
                kata.slug,
            )
        )
    variants = names.get("VARIANTS", [])
    source = solution.read_text(encoding="utf-8") if solution.is_file() else None
    for kind, items in (("MUTANTS", mutants), ("VARIANTS", variants)):
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, Implementation):
                findings.append(
                    Finding(where, f"{kind}[{index}] is not a Mutant or Variant", kata.slug)
                )
            elif source is not None:
                try:
                    item.apply(source)
                except EditError as exc:
                    findings.append(
                        Finding(where, f"{exc}: update the edit to the solution", kata.slug)
                    )
    return findings


def _is_namedtuple(node: ast.AST) -> bool:
    return isinstance(node, ast.ClassDef) and any(
        getattr(b, "id", None) == "NamedTuple" for b in node.bases
    )


def docstring_findings(root: Path, kata: Kata) -> list[Finding]:
    """A module docstring, and every public function documented the numpydoc way."""
    path, where = root / _solution(kata), _solution(kata)
    if not path.is_file():
        return []
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except SyntaxError as exc:
        return [Finding(f"{where}:{exc.lineno}", f"does not parse: {exc.msg}", kata.slug)]
    findings = []
    if not ast.get_docstring(tree):
        findings.append(Finding(where, "has no module docstring", kata.slug))
    public = [
        n
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.ClassDef))
        and not n.name.startswith("_")
        and not _is_namedtuple(n)
    ]
    if not public:
        findings.append(Finding(where, "defines no public function", kata.slug))
    for node in public:
        doc = ast.get_docstring(node) or ""
        returns = "Returns" if isinstance(node, ast.FunctionDef) else "Examples"
        for section in dict.fromkeys((".. math::", "Parameters", returns, "Examples")):
            if section not in doc:
                findings.append(
                    Finding(where, f"the docstring of {node.name} lacks {section!r}", kata.slug)
                )
    return findings


def todo_findings(root: Path, kata: Kata) -> list[Finding]:
    """No ``TODO`` left in the kata's solution, grader, mutants file or entry."""
    findings = []
    for where, what in (
        (_solution(kata), "the solution"),
        (_grader(kata), "the grader"),
        (_mutants(kata), "the mutants file"),
    ):
        path = root / where
        if not path.is_file():
            continue
        lines = [
            number
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if TODO.search(line)
        ]
        if lines:
            count = f"{len(lines)} TODOs" if len(lines) > 1 else "a TODO"
            findings.append(
                Finding(
                    f"{where}:{lines[0]}", f"{count} left in {what} (the first here)", kata.slug
                )
            )
    if any(TODO.search(text) for text in (kata.title, *kata.hints)):
        findings.append(
            Finding(CURRICULUM, f"`{kata.slug}`: a TODO left in its title or hints", kata.slug)
        )
    return findings


def recheck_findings(root: Path, kata: Kata) -> list[Finding]:
    """No input passed to ``call()`` re-checked by hand against a ``.copy()`` of it.

    :func:`mlkata.grading.call` already fails the test, naming the argument, when the
    code under test modifies it; :func:`mlkata.author.rechecks.hand_rechecks` says how
    a re-check is recognised.
    """
    path = root / _grader(kata)
    if not path.is_file():
        return []
    findings = []
    for recheck in hand_rechecks(path.read_text(encoding="utf-8")):
        names = ", ".join(f"`{name}`" for name in recheck.names)
        findings.append(
            Finding(
                f"{_grader(kata)}:{recheck.line}",
                f"re-checks {names} against a .copy() by hand (line {recheck.recheck_line}), "
                "but call() already fails the test when the code modifies an argument it "
                "is given: remove the copy and the re-check",
                kata.slug,
            )
        )
    return findings


def kata_findings(root: Path, kata: Kata, committed: dict[str, str | None] | None) -> list[Finding]:
    """Every structural check of one kata (see the module docstring)."""
    return [
        *file_findings(root, kata),
        *stub_findings(root, kata, committed),
        *hint_findings(kata),
        *mutant_findings(root, kata),
        *docstring_findings(root, kata),
        *todo_findings(root, kata),
        *recheck_findings(root, kata),
    ]


# ---------------------------------------------------------------------------
# Running the code: graders on stubs and solutions, the solutions' examples


def write_stubs(root: Path, into: Path) -> None:
    """The stub of every solution, generated into the tree ``into`` (not exercises/)."""
    for solution in sorted((root / SOLUTIONS).glob("*/*.py")):
        relative = solution.relative_to(root / SOLUTIONS)
        try:
            stub = make_stub(solution.read_text(encoding="utf-8"), str(relative))
        except StubError:
            continue  # reported by stub_findings; graded as missing
        (into / relative).parent.mkdir(parents=True, exist_ok=True)
        (into / relative).write_text(stub, encoding="utf-8")


def _run_problems(kata: Kata, result, what: str) -> list[Finding]:
    """What went wrong around the checks of ``result``: errors, or no check at all."""
    # ``errors``: the grader could not be collected, the run ended early.
    errors = list(result.errors)
    findings = [Finding(_grader(kata), f"grading {what}: {error}", kata.slug) for error in errors]
    if result.total == 0 and not errors:
        problem = f"no check ran on {what} (run pytest on the grader to see why)"
        findings.append(Finding(_grader(kata), problem, kata.slug))
    return findings


def grading_findings(root: Path, katas: Sequence[Kata]) -> list[Finding]:
    """Every check fails on the generated stub (not implemented yet), passes on the solution.

    The stubs are generated into a temporary tree, so a learner's solved exercises/
    change nothing. Katas without a solution or grader are left to the structural
    checks.
    """
    from mlkata.engine.run import grade_katas

    gradable = [
        k for k in katas if (root / _solution(k)).is_file() and (root / _grader(k)).is_file()
    ]
    if not gradable:
        return []
    findings: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="mlkata-stubs-") as folder:
        stubs = Path(folder) / EXERCISES
        write_stubs(root, stubs)
        # Graded in child processes (the supervisor): nothing is left in this one.
        for kata, result in zip(gradable, grade_katas(root, stubs, gradable), strict=True):
            findings += _stub_verdict(kata, result)
    graded = grade_katas(root, root / SOLUTIONS, gradable)
    for kata, result in zip(gradable, graded, strict=True):
        findings += _solution_verdict(kata, result)
    return findings


@contextlib.contextmanager
def _forgetting_modules_from(*folders: Path) -> Iterator[None]:
    """Modules imported in the block from files under ``folders`` are forgotten after it
    (the doctests of one working copy's solutions must not stand in for another's)."""
    before = set(sys.modules)
    try:
        yield
    finally:
        roots = [folder.resolve() for folder in folders]
        # Decide before deleting: a namespace package's __path__ reads its parent's.
        forget = [n for n in set(sys.modules) - before if _loaded_from(sys.modules[n], roots)]
        for name in forget:
            del sys.modules[name]


def _loaded_from(module: object, roots: list[Path]) -> bool:
    places = [getattr(module, "__file__", None), *(getattr(module, "__path__", None) or [])]
    for place in places:
        if place and any(Path(place).resolve().is_relative_to(root) for root in roots):
            return True
    return False


def _stub_verdict(kata: Kata, result) -> list[Finding]:
    findings = _run_problems(kata, result, "the stub")
    for check in result.checks.values():
        if check.passed:
            problem = (
                f"`{check.name}` passes on the stub: every test must check a value the kata returns"
            )
        elif not check.message.startswith(NOT_IMPLEMENTED):
            problem = (
                f"`{check.name}` fails on the stub, not because the code is missing: "
                f"{check.message}"
            )
        else:
            continue
        findings.append(Finding(_grader(kata), problem, kata.slug))
    return findings


def _solution_verdict(kata: Kata, result) -> list[Finding]:
    findings = _run_problems(kata, result, "the solution")
    by_message: dict[str, list[str]] = {}
    for check in result.checks.values():
        if not check.passed:
            by_message.setdefault(check.message, []).append(check.name)
    for message, names in by_message.items():
        which = f"`{names[0]}`" if len(names) == 1 else f"{len(names)} checks (`{names[0]}`, ...)"
        findings.append(Finding(_solution(kata), f"fails {which}: {message}", kata.slug))
    return findings


class _ExampleRecorder(doctest.DocTestRunner):
    """A doctest runner that keeps one line per failed example instead of printing."""

    def __init__(self) -> None:
        super().__init__(optionflags=doctest.NORMALIZE_WHITESPACE, verbose=False)
        self.problems: list[str] = []

    def report_failure(self, out, test, example, got) -> None:
        self.problems.append(
            f"`>>> {example.source.strip()}` gives {got.strip()!r}, "
            f"the docstring says {example.want.strip()!r}"
        )

    def report_unexpected_exception(self, out, test, example, exc_info) -> None:
        error = exc_info[1]
        self.problems.append(
            f"`>>> {example.source.strip()}` raises {type(error).__name__}: {error}"
        )


@contextlib.contextmanager
def _importable(folder: Path) -> Iterator[None]:
    """``folder`` on sys.path, and the modules imported from it forgotten after the block.

    A kata imports earlier katas as ``topic.slug``; a later grading run in this process
    must find its own target's, not these.
    """
    sys.path.insert(0, str(folder))
    try:
        with _forgetting_modules_from(folder):
            yield
    finally:
        sys.path.remove(str(folder))


def example_findings(root: Path, kata: Kata) -> list[Finding]:
    """The solution's Examples sections run as doctests, and there is at least one."""
    path, where = root / _solution(kata), _solution(kata)
    if not path.is_file():
        return []
    runner = _ExampleRecorder()
    with _importable(root / SOLUTIONS):
        try:
            spec = importlib.util.spec_from_file_location(f"_mlkata_doctest_{kata.slug}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        except Exception as exc:  # noqa: BLE001 - reported as a finding
            return [Finding(where, f"cannot be imported: {type(exc).__name__}: {exc}", kata.slug)]
        tests = doctest.DocTestFinder().find(module)
        for test in tests:
            runner.run(test, out=lambda text: None)
    if runner.tries == 0:
        return [Finding(where, "has no runnable example in its docstrings", kata.slug)]
    return [Finding(where, f"Examples: {problem}", kata.slug) for problem in runner.problems]


# ---------------------------------------------------------------------------
# Everything, in order: fast structural checks first


def check_catalogue(root: Path, slugs: Sequence[str] = (), grade: bool = True) -> Iterator[Finding]:
    """Every finding about the catalogue (or the katas ``slugs``), as they are found.

    The curriculum first (nothing else is checked if it cannot be loaded), then stray
    files (only when no slug is named), then each kata's structure; with ``grade``,
    then the graders on generated stubs and on the solutions, and the examples.
    Raises :class:`UnknownKata` before any finding if a slug is not in the curriculum.
    """
    curriculum, findings = curriculum_findings(root)
    if curriculum is None:
        yield from findings
        return
    katas = select_katas(curriculum, slugs)
    if not slugs:
        yield from stray_findings(root, curriculum)
    committed = committed_stubs(root, katas)
    for kata in katas:
        yield from kata_findings(root, kata, committed)
    if grade:
        yield from grading_findings(root, katas)
        for kata in katas:
            yield from example_findings(root, kata)
