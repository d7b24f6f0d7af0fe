"""The pytest plugin: targets, per-kata isolation, timeouts, seeds and the summary."""

from __future__ import annotations

import statistics as stdlib_statistics
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GRADERS = ROOT / "graders"
MSE = "calculus/mse_gradient.py"
# Specific graders, so these tests do not change as katas are added.
MSE_GRADER = GRADERS / "calculus" / "test_mse_gradient.py"
BACKPROP_GRADER = GRADERS / "calculus" / "test_backprop_step.py"
GAUSSIAN_GRADER = GRADERS / "statistics" / "test_gaussian_mle.py"
FOUNDATION = [
    MSE_GRADER,
    BACKPROP_GRADER,
    GAUSSIAN_GRADER,
    GRADERS / "linear_algebra" / "test_pca.py",
]


def outcomes_by_kata(graded) -> dict[str, set[str]]:
    kata_outcomes: dict[str, set[str]] = {}
    for report in graded.reports:
        if report.when == "call" or report.failed:
            kata = Path(report.nodeid.split("::")[0]).stem.removeprefix("test_")
            kata_outcomes.setdefault(kata, set()).add(report.outcome)
    return kata_outcomes


def test_syntax_error_fails_only_its_kata(grade, make_target):
    """Does a syntax error in one kata fail that kata alone, with a one-line reason?"""
    target = make_target({MSE: "def mse_loss_and_grad(X, y, w, b)\n    return 1\n"})
    graded = grade(target, *FOUNDATION)
    by_kata = outcomes_by_kata(graded)
    assert by_kata.pop("mse_gradient") == {"failed"}
    assert len(by_kata) == 3
    assert all(outcomes == {"passed"} for outcomes in by_kata.values()), by_kata
    assert graded.errors == 0
    messages = {m for m in graded.failure_messages()}
    assert len(messages) == 1, messages
    (message,) = messages
    assert message.startswith("SyntaxError in ") and "mse_gradient.py, line 1" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "source, expected",
    [
        ("import torch_not_installed_here\n", "ModuleNotFoundError: No module named"),
        ("import sys\nsys.exit(3)\n", "sys.exit(3)"),
        ("raise RuntimeError('boom at import')\n", "RuntimeError: boom at import"),
    ],
    ids=["import-error", "sys-exit", "exception"],
)
def test_import_failures_become_one_line_reasons(grade, make_target, source, expected):
    """Do import errors, sys.exit and exceptions at import fail only that kata, in one line?"""
    graded = grade(make_target({MSE: source}), MSE_GRADER, BACKPROP_GRADER)
    by_kata = outcomes_by_kata(graded)
    assert by_kata["mse_gradient"] == {"failed"}
    assert by_kata["backprop_step"] == {"passed"}
    for message in graded.failure_messages():
        assert expected in message and "\n" not in message, message


def test_exception_in_student_code_names_file_and_line(grade, make_target):
    """Does an exception inside the learner's function say what and where, in one line?"""
    source = (
        (ROOT / "solutions" / MSE)
        .read_text()
        .replace("    r = X @ w + b - y\n", "    r = X @ w + b - y\n    r = r[n + 5]\n")
    )
    graded = grade(
        make_target({MSE: source}),
        GRADERS / MSE.replace("mse", "test_mse"),
        extra=["-k", "random_cases"],
    )
    assert graded.failed == 3
    for message in graded.failure_messages():
        assert message.startswith("IndexError: index")
        assert "mse_gradient.py, line" in message and "r = r[n + 5]" in message


def test_infinite_loop_times_out_and_the_run_goes_on(grade, make_target):
    """Does a hanging kata fail its tests at the timeout while other katas still pass?"""
    source = (
        (ROOT / "solutions" / MSE)
        .read_text()
        .replace("    r = X @ w + b - y\n", "    while True:\n        pass\n")
    )
    target = make_target({MSE: source})
    graded = grade(
        target,
        MSE_GRADER,
        GAUSSIAN_GRADER,
        extra=["--mlkata-limit", "check_cpu_s=0.3", "-k", "documented"],
    )
    by_kata = outcomes_by_kata(graded)
    assert by_kata == {"mse_gradient": {"failed"}, "gaussian_mle": {"passed"}}
    (message,) = graded.failure_messages()
    assert message.startswith("ran out of time: more than 0.3 s of CPU time")


def test_stub_reason_is_not_implemented(grade, make_target):
    """Does a stub fail with 'not implemented yet' naming the function?"""
    from mlkata.author.stubgen import make_stub

    # The stub as generated, not exercises/ (which may hold a learner's work).
    path = "statistics/gaussian_mle.py"
    stub = make_stub((ROOT / "solutions" / path).read_text(encoding="utf-8"))
    graded = grade(make_target({path: stub}), GAUSSIAN_GRADER)
    assert graded.passed == 0 and graded.failed > 0
    for message in graded.failure_messages():
        assert message.startswith("not implemented yet: `gaussian_mle`")


def test_target_resolution():
    """Do the names exercises/solutions mean the repository's trees, and paths the cwd's?"""
    from mlkata.plugin import resolve_target

    assert resolve_target("solutions", ROOT, Path("/")) == ROOT / "solutions"
    assert resolve_target("exercises", ROOT, Path("/")) == ROOT / "exercises"
    assert resolve_target("sub/dir", ROOT, Path("/tmp")) == Path("/tmp/sub/dir")
    assert resolve_target("/abs/path", ROOT, Path("/tmp")) == Path("/abs/path")


def test_target_from_environment(pytester, monkeypatch):
    """Does MLKATA_TARGET choose the tree when --target is absent?"""
    monkeypatch.setenv("MLKATA_TARGET", str(ROOT / "solutions"))
    result = pytester.runpytest_subprocess(
        str(GAUSSIAN_GRADER), "--rootdir", str(ROOT), "-c", str(ROOT / "pyproject.toml")
    )
    result.assert_outcomes(passed=11)
    result.stdout.fnmatch_lines(["mlkata: 1 of 1 katas pass (solutions)"])


def test_failure_names_the_seed(grade, make_target):
    """Does a failing randomised test say which seed drew its inputs?"""
    source = (ROOT / "solutions" / MSE).read_text().replace("dw = 2.0 / n", "dw = 2.1 / n")
    graded = grade(
        make_target({MSE: source}),
        MSE_GRADER,
        extra=["-k", "random_cases", "--seed", "1234"],
    )
    assert graded.failed == 3
    for report in graded.reports:
        if report.failed:
            assert (
                "random cases",
                "drawn with seed 1234: rerun with --seed 1234",
            ) in report.sections


def test_statistics_topic_keeps_the_standard_library_module(grade):
    """Is stdlib `statistics` still usable while the statistics topic is graded?"""
    graded = grade(ROOT / "solutions", GAUSSIAN_GRADER)
    assert graded.failed == 0 and graded.passed > 0
    assert stdlib_statistics.mean([1, 2, 3]) == 2
    assert not hasattr(stdlib_statistics, "__path__")


def test_a_kata_imports_an_earlier_kata_from_the_same_target(pytester):
    """Does `from topic.slug import f` inside a kata use the target's own copy?"""
    pytester.makepyfile(
        **{
            "mine/statistics/base.py": "def value():\n    return 'mine'\n",
            "mine/statistics/user.py": "from statistics.base import value\n",
            "graders/statistics/test_user.py": (
                "def test_user(kata):\n    assert kata.value() == 'mine'\n"
            ),
        }
    )
    result = pytester.runpytest_subprocess("graders", "--target", "mine")
    result.assert_outcomes(passed=1)


def test_summary_lists_each_kata_with_points(grade, pytester):
    """Does the terminal summary give one line per kata with checks and points?"""
    result = pytester.runpytest_subprocess(
        str(GAUSSIAN_GRADER),
        str(MSE_GRADER),
        "--target",
        str(ROOT / "solutions"),
        "--rootdir",
        str(ROOT),
        "-c",
        str(ROOT / "pyproject.toml"),
    )
    # In curriculum order (calculus before statistics), whatever order they ran in.
    result.stdout.fnmatch_lines(
        [
            "mlkata: 2 of 2 katas pass (solutions)",
            "*calculus/mse_gradient*15/15 checks*10/10 pts*pass",
            "*statistics/gaussian_mle*11/11 checks*5/5 pts*pass",
            "*points: 15 of 15",
        ]
    )


@pytest.mark.parametrize(
    "patch",
    [
        "np.allclose = lambda *args, **kwargs: True\n",
        "import mlkata.grading\nmlkata.grading.assert_close = lambda *a, **k: None\n",
    ],
    ids=["numpy-at-import", "grader-helper-at-import"],
)
def test_monkeypatching_the_grader_fails_and_is_undone(grade, make_target, patch):
    """Does a kata that patches NumPy or a grading helper fail, and is the patch undone?"""
    import numpy as np

    import mlkata.grading

    original = (np.allclose, mlkata.grading.assert_close)
    wrong = (ROOT / "solutions" / MSE).read_text().replace("dw = 2.0 / n", "dw = 3.0 / n")
    target = make_target({MSE: wrong + "\n" + patch})
    graded = grade(target, MSE_GRADER, extra=["-k", "random_cases"])
    # The first check names the patch; once undone, the wrong dw fails the others.
    assert graded.passed == 0 and graded.failed == 3
    assert "must not monkeypatch" in graded.failure_messages()[0]
    assert (np.allclose, mlkata.grading.assert_close) == original


def test_patching_inside_the_function_is_caught_on_each_call(grade, make_target):
    """Is a patch made while the function runs caught in the test that ran it?"""
    source = (
        (ROOT / "solutions" / MSE)
        .read_text()
        .replace("    r = X @ w + b - y\n", "    r = X @ w + b - y\n    np.mean = np.sum\n")
    )
    graded = grade(make_target({MSE: source}), MSE_GRADER, extra=["-k", "not bad_input"])
    assert graded.passed == 0
    assert all("numpy.mean" in m for m in graded.failure_messages())


def test_stale_modules_of_a_topic_do_not_stand_in_for_the_target(grade, make_target, monkeypatch):
    """If `information_theory.kl` was imported from another tree, is the target's used?"""
    import importlib
    import sys

    monkeypatch.syspath_prepend(str(ROOT / "solutions"))
    for name in [n for n in sys.modules if n.startswith("information_theory")]:
        monkeypatch.delitem(sys.modules, name)
    stale = importlib.import_module("information_theory.kl")
    broken = "def kl_divergence(p, q, base=2.0):\n    return 0.0\n"
    broken += "def cross_entropy(p, q, base=2.0):\n    return 0.0\n"
    graded = grade(
        make_target({"information_theory/kl.py": broken}),
        GRADERS / "information_theory" / "test_kl.py",
        extra=["-k", "documented"],
    )
    assert graded.failed > 0 and graded.passed == 0
    assert sys.modules["information_theory.kl"] is stale  # put back afterwards
