"""Find graders that re-check by hand what :func:`mlkata.grading.call` already checks.

``call()`` (and ``call_strictly()``, which goes through it) snapshots every argument it
is given and fails the test, naming the argument, when the code under test modifies
it. A grader that also keeps ``before = x.copy()`` and compares ``x`` with it after
passing ``x`` to ``call()`` repeats that check with other words. :func:`hand_rechecks`
finds such re-checks by reading the grader's syntax tree, without running it:

- a *snapshot* is an assignment whose value takes ``.copy()`` of names (``before =
  x.copy()``, ``X0, y0 = X.copy(), y.copy()``, ``[a.copy() for a in (x, g)]``,
  ``{k: v.copy() for k, v in grads.items()}``);
- a *re-check* is a comparison after it (``assert_close``, ``np.array_equal``,
  ``np.testing.assert_array_equal``, ``==``/``!=``, ...) that involves both the
  snapshot and the copied name (also through loop variables, as in ``for a, b in
  zip(arrays, before)``);
- the copied name must reach ``call()`` or ``call_strictly()`` in the same function,
  directly or through the module's helpers (``check(kata, x)`` whose ``x`` goes to
  ``call(f, x)``, also by ``*args``, by a list of the arguments themselves like
  ``[np.asarray(a, dtype=float) for a in (x, y)]`` and by aliases like ``runner =
  call_strictly if strict else call``).

A copy that becomes other test data (``close = A.copy(); close[0, 0] += 1e-9``) is no
snapshot re-check, nor is a comparison of an input ``call()`` never sees.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass

CALLERS = frozenset({"call", "call_strictly"})
"""The grading helpers that compare their arguments after the call."""
COMPARERS = frozenset(
    {"assert_close", "array_equal", "array_equiv", "allclose", "assert_array_equal"}
    | {"assert_allclose", "assert_equal"}
)
"""Functions (by name or attribute) that compare two values."""
SAME_OBJECT = frozenset({"asarray", "asanyarray"})
"""Conversions that hand back their argument itself when it is already an array."""

_Function = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass(frozen=True)
class Recheck:
    """A snapshot of ``names`` at ``line`` compared by hand at ``recheck_line``."""

    line: int
    recheck_line: int
    names: tuple[str, ...]


def _name_of(func: ast.AST) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _names(node: ast.AST | None) -> set[str]:
    """The names ``node`` may hand on: not those only read inside a call (``f(x)`` is
    a new value), except through conversions that return the same array, nor those of
    a comprehension that builds new values (``[a.copy() for a in xs]``)."""
    if node is None:
        return set()
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Call):
        if _name_of(node.func) in SAME_OBJECT and node.args:
            return _names(node.args[0])
        return set()
    if isinstance(node, (ast.ListComp, ast.GeneratorExp)):
        # a new container, but [np.asarray(a) for a in (x, y)] holds x and y themselves
        loop = {name for g in node.generators for name in _targets(g.target)}
        held = _names(node.elt)
        if held and held <= loop:
            return set().union(*(_names(g.iter) for g in node.generators))
        return set()
    if isinstance(node, (ast.SetComp, ast.DictComp)):
        return set()  # a new container
    found: set[str] = set()
    for child in ast.iter_child_nodes(node):
        found |= _names(child)
    return found


def _all_names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _targets(target: ast.AST) -> set[str]:
    return {
        n.id for n in ast.walk(target) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }


class _Flow:
    """Which names each local name may hold, in one function (order ignored)."""

    def __init__(self, function: _Function) -> None:
        self.sources: dict[str, set[str]] = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._bind(target, node.value)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                self._bind(node.target, node.value)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
                for name in _targets(node.target):
                    self.sources.setdefault(name, set()).update(_all_names(node.iter))

    def _bind(self, target: ast.AST, value: ast.AST) -> None:
        if (
            isinstance(target, (ast.Tuple, ast.List))
            and isinstance(value, (ast.Tuple, ast.List))
            and len(target.elts) == len(value.elts)
        ):
            for t, v in zip(target.elts, value.elts, strict=True):
                self._bind(t, v)
            return
        for name in _targets(target):
            self.sources.setdefault(name, set()).update(_names(value))

    def closure(self, names: Iterable[str]) -> set[str]:
        """``names`` and every name they may hold, transitively."""
        seen: set[str] = set()
        todo = list(names)
        while todo:
            name = todo.pop()
            if name not in seen:
                seen.add(name)
                todo.extend(self.sources.get(name, ()))
        return seen


def _parameters(function: _Function) -> list[str]:
    args = function.args
    return [a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs]]


def _reaching(function: _Function, flow: _Flow, reach: dict[str, set[str]], params) -> set[str]:
    """The names of ``function`` that reach call()'s arguments (given the helpers' reach)."""
    reached: set[str] = set()
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        if flow.closure(_all_names(node.func)) & CALLERS:
            for arg in node.args:
                reached |= flow.closure(_names(arg))
            for keyword in node.keywords:
                reached |= flow.closure(_names(keyword.value))
            continue
        helper = node.func.id if isinstance(node.func, ast.Name) else None
        if helper not in reach or not reach[helper]:
            continue
        positional = params[helper]
        for index, arg in enumerate(node.args):
            if isinstance(arg, ast.Starred):
                hit = bool(set(positional[index:]) & reach[helper])
            else:
                hit = index < len(positional) and positional[index] in reach[helper]
            if hit:
                reached |= flow.closure(_names(arg))
        for keyword in node.keywords:
            if keyword.arg is None or keyword.arg in reach[helper]:
                reached |= flow.closure(_names(keyword.value))
    return reached


def _snapshot_origins(value: ast.AST) -> set[str]:
    """The names whose ``.copy()`` ``value`` keeps (through comprehension variables)."""
    through: dict[str, set[str]] = {}
    for node in ast.walk(value):
        if isinstance(node, ast.comprehension):
            for name in _targets(node.target):
                through.setdefault(name, set()).update(_all_names(node.iter))
    origins: set[str] = set()
    for node in ast.walk(value):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "copy"
            and not node.args
            and isinstance(node.func.value, ast.Name)
        ):
            name = node.func.value.id
            origins |= through.get(name, {name})
    return origins


def _comparisons(function: _Function) -> list[tuple[int, set[str]]]:
    """Each comparison's line and the names its operands may be (not those only read
    inside a call: ``assert_close(check(kata, x), 2 * start)`` compares a result)."""
    found = []
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and _name_of(node.func) in COMPARERS:
            operands = node.args
        elif isinstance(node, ast.Compare) and any(
            isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops
        ):
            operands = [node.left, *node.comparators]
        else:
            continue
        found.append((node.lineno, set().union(*(_names(o) for o in operands))))
    return found


def _rebound(function: _Function) -> dict[str, int]:
    """How many times each name is bound (``a = ...``, ``a += ...``) or edited (``a[i] = ...``)."""
    counts: dict[str, int] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            counts[node.id] = counts.get(node.id, 0) + 1
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
            for name in _all_names(node.value):
                counts[name] = counts.get(name, 0) + 1
    return counts


def hand_rechecks(source: str) -> list[Recheck]:
    """Every snapshot in ``source`` re-checked by hand although call() sees its names.

    Parameters
    ----------
    source : str
        The text of a grader module.

    Returns
    -------
    list of Recheck
        One per snapshot assignment, in the order of the file; empty if ``source``
        does not parse.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    functions = [
        n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    flows = {id(f): _Flow(f) for f in functions}
    top = {f.name: f for f in tree.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
    params = {name: _parameters(f) for name, f in top.items()}
    reach: dict[str, set[str]] = {name: set() for name in top}
    changed = True
    while changed:  # helpers calling helpers: grow each one's reach to a fixed point
        changed = False
        for name, function in top.items():
            now = _reaching(function, flows[id(function)], reach, params) & set(params[name])
            if now != reach[name]:
                reach[name], changed = now, True
    found: dict[int, Recheck] = {}
    for function in functions:
        flow = flows[id(function)]
        reached = _reaching(function, flow, reach, params)
        comparisons = _comparisons(function)
        changed_later = _rebound(function)
        for node in ast.walk(function):
            if not isinstance(node, ast.Assign):
                continue
            origins = {o for o in _snapshot_origins(node.value) if flow.closure([o]) & reached}
            # A copy that is bound again or edited is test data, not a snapshot.
            snapshot = {n for t in node.targets for n in _targets(t) if changed_later.get(n) == 1}
            if not origins or not snapshot:
                continue
            lines, names = [], set()
            for line, operands in comparisons:
                involved = flow.closure(operands)
                if line > node.lineno and (involved & snapshot) - origins and involved & origins:
                    lines.append(line)
                    names |= involved & origins
            if lines:  # by line: a nested function is walked with its parent too
                found[node.lineno] = Recheck(node.lineno, min(lines), tuple(sorted(names)))
    return [found[line] for line in sorted(found)]
