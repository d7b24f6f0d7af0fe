"""The learner's ``mlkata`` commands, run through the installed entry point."""

from __future__ import annotations

import json
import queue
import re
import signal
import sys
import threading
import time

import pytest

from mlkata.author.stubgen import make_stub

# These tests run the real commands in subprocesses: more than the graders' 3 s
# per-test limit on a loaded machine.
pytestmark = pytest.mark.timeout(60)

ANSI = "\x1b["


def test_list_shows_the_path_by_topic_with_status_difficulty_and_points(working_copy):
    """Does `mlkata list` show each topic's katas in order, with status, difficulty
    (n/5 in plain text) and points?"""
    working_copy.record("gaussian_mle", passed=11)
    working_copy.record("mse_gradient", passed=0, failed=15)

    listed = working_copy.mlkata("list")

    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == "Calculus and automatic differentiation"
    assert re.match(
        r"\s+1\. mse_gradient\s+failing\s+1/5\s+0/10 pts\s+Mean squared error", lines[1]
    )
    assert re.match(r"\s+2\. backprop_step\s+not started\s+4/5\s+0/15 pts", lines[2])
    assert lines[3] == "Statistics"
    assert re.match(r"\s+3\. gaussian_mle\s+passing\s+1/5\s+5/5 pts", lines[4])
    assert ANSI not in listed.stdout  # not a terminal: plain text


def test_check_a_solved_kata_passes_with_full_points_and_is_recorded(working_copy):
    """Does `mlkata check` of a correct kata list its checks, give full points and exit 0?"""
    working_copy.solve("gaussian_mle")

    checked = working_copy.mlkata("check", "gaussian_mle")

    assert checked.returncode == 0, checked.stdout + checked.stderr
    lines = checked.stdout.splitlines()
    assert lines[0] == "statistics/gaussian_mle: Maximum-likelihood Gaussian"
    checks = [line for line in lines if line.startswith("  pass  ")]
    assert len(checks) > 5 and not any(line.startswith("  FAIL") for line in lines)
    assert f"PASS  {len(checks)} of {len(checks)} checks pass, 5 of 5 points" in lines
    assert working_copy.rows() == [("gaussian_mle", len(checks), 0, 1)]


def test_check_a_stub_shows_the_first_failure_and_exits_one(working_copy):
    """Does a failing kata say which checks fail and the first failure's message?"""
    checked = working_copy.mlkata("check", "gaussian_mle")

    assert checked.returncode == 1
    assert "  FAIL  gaussian mle documented example" in checked.stdout
    assert re.search(r"^FAIL  0 of (\d+) checks pass, 0 of 5 points$", checked.stdout, re.M)
    assert re.search(
        r"^first failure \(gaussian mle documented example\): not implemented yet: "
        r"`gaussian_mle` still raises NotImplementedError",
        checked.stdout,
        re.M,
    )


def test_check_partly_right_kata_gets_partial_points(working_copy):
    """Does a kata with some checks passing get a share of its points, and exit 1?"""
    working_copy.solve("gaussian_mle")
    path = working_copy.exercise("gaussian_mle")
    path.write_text(path.read_text().replace("np.mean(deviations**2)", "np.var(x, ddof=1)"))

    checked = working_copy.mlkata("check", "gaussian_mle")

    assert checked.returncode == 1
    match = re.search(
        r"^FAIL  (\d+) of (\d+) checks pass, ([\d.]+) of 5 points$", checked.stdout, re.M
    )
    assert match, checked.stdout
    assert 0 < int(match[1]) < int(match[2]) and 0 < float(match[3]) < 5
    assert "variance is wrong" in checked.stdout


def test_check_without_slug_grades_the_next_unfinished_kata(working_copy):
    """With nothing failing yet, does `mlkata check` alone pick the first kata of the
    path that does not pass, and say so in its first line?"""
    working_copy.record("mse_gradient", passed=15)

    checked = working_copy.mlkata("check")

    first, second = checked.stdout.splitlines()[:2]
    assert first.startswith("checking backprop_step, the next unfinished kata on your path")
    assert second.startswith("calculus/backprop_step: ")
    assert checked.returncode == 1
    nxt = working_copy.mlkata("next")
    assert nxt.returncode == 0
    assert nxt.stdout.startswith("Next: One backpropagation step")
    assert "exercises/calculus/backprop_step.py" in nxt.stdout
    assert "builds on:   mse_gradient" in nxt.stdout


def test_a_grader_that_cannot_load_fails_the_check_in_one_line(working_copy):
    """Does a broken grader file give its error as the failure, and exit 1?"""
    grader = working_copy.root / "graders" / "statistics" / "test_gaussian_mle.py"
    grader.write_text(grader.read_text() + "\ndef broken(:\n")

    checked = working_copy.mlkata("check", "gaussian_mle")

    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert "first failure: the grader could not be collected: SyntaxError" in checked.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("check", "gausian_mle"),
        ("watch", "gaussian_ml"),
        ("hint", "gaussian_mle_"),
        ("reset", "statistics/gausian_mle"),
    ],
)
def test_unknown_slug_is_one_line_naming_the_closest(working_copy, args):
    """Does a misspelt kata give one line with the closest names and exit 2?"""
    result = working_copy.mlkata(*args)

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"mlkata: no kata called '{args[1]}'")
    assert "did you mean gaussian_mle?" in result.stderr


def test_a_bad_command_line_is_one_line(working_copy):
    """Do an extra argument and an unknown option each give one line and exit 2?"""
    for args in (("check", "gaussian_mle", "pca"), ("list", "--colour")):
        result = working_copy.mlkata(*args)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        assert result.stderr.startswith("mlkata")


def test_a_corrupt_database_is_set_aside_by_the_commands_too(working_copy):
    """Does `mlkata progress` on a garbage database say so in one line and carry on?"""
    working_copy.home.mkdir()
    working_copy.database.write_text("garbage")

    result = working_copy.mlkata("progress")

    assert result.returncode == 0 and "points: 0 of 30" in result.stdout
    assert result.stderr.count("\n") == 1 and "moved it to" in result.stderr
    (aside,) = working_copy.home.glob("progress.sqlite.corrupt-*")
    assert aside.read_text() == "garbage"


def test_outside_a_working_copy_is_one_line_error(working_copy, tmp_path):
    """Run outside any mlkata copy: one line, exit 2, no traceback?"""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for command in ("list", "progress", "check"):
        result = working_copy.mlkata(command, cwd=elsewhere)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "no curriculum.toml" in result.stderr


def test_missing_folder_is_one_line_error(working_copy):
    """A working copy without graders/: one line naming the folder, exit 2?"""
    import shutil

    shutil.rmtree(working_copy.root / "graders")

    result = working_copy.mlkata("check", "gaussian_mle")

    assert result.returncode == 2
    assert result.stderr == f"mlkata: no graders/ folder in {working_copy.root}\n"


def test_hint_gives_the_next_hint_each_time_remembered_per_kata(working_copy):
    """Does `mlkata hint` show hint 1, then 2, ..., then keep the last, per kata?"""
    hints = working_copy.kata("mse_gradient").hints
    shown = []
    for _ in range(len(hints) + 1):
        result = working_copy.mlkata("hint", "mse_gradient")
        assert result.returncode == 0
        shown.append(result.stdout.splitlines())
    for number, lines in enumerate(shown[: len(hints)], start=1):
        assert lines[0] == f"Hint {number} of {len(hints)} for mse_gradient:"
        assert lines[1] == f"  {hints[number - 1]}"
    assert shown[-1] == shown[-2] and shown[-1][-1] == "That was the last hint."
    other = working_copy.mlkata("hint", "gaussian_mle")
    assert other.stdout.startswith("Hint 1 of ")


def test_progress_shows_topic_bars_points_week_and_streak(working_copy):
    """Does `mlkata progress` show per-topic bars, total points, this week and the streak?"""
    fresh = working_copy.mlkata("progress")
    assert "points: 0 of 30   katas passing: 0 of 3" in fresh.stdout
    assert "passed this week: 0   streak: 0 days" in fresh.stdout

    working_copy.record("gaussian_mle", passed=11)
    result = working_copy.mlkata("progress")

    assert result.returncode == 0
    lines = result.stdout.splitlines()
    calculus = next(line for line in lines if line.startswith("Calculus"))
    statistics = next(line for line in lines if line.startswith("Statistics"))
    assert "[--------------------]  0/2 katas  0/25 pts" in calculus
    assert "[####################]  1/1 katas  5/5 pts" in statistics
    assert "points: 5 of 30   katas passing: 1 of 3" in lines
    assert "passed this week: 1   streak: 1 day" in lines


def test_rich_output_on_a_terminal(working_copy):
    """With colour forced (as on a terminal), do the commands render with rich?"""
    listed = working_copy.mlkata("list", FORCE_COLOR="1")
    progress = working_copy.mlkata("progress", FORCE_COLOR="1")

    assert listed.returncode == 0 and progress.returncode == 0
    assert ANSI in listed.stdout and "gaussian_mle" in listed.stdout
    assert "★☆☆☆☆" in listed.stdout and "★★★★☆" in listed.stdout  # difficulties 1 and 4
    assert ANSI in progress.stdout and "━" in progress.stdout  # a rich progress bar


def test_reset_restores_the_stub_and_keeps_the_learners_file(working_copy):
    """Does `mlkata reset` write the stub back and keep the learner's file beside it?"""
    path = working_copy.exercise("gaussian_mle")
    stub = make_stub(
        (working_copy.root / "solutions" / "statistics" / "gaussian_mle.py").read_text()
    )
    assert path.read_text() == stub

    unchanged = working_copy.mlkata("reset", "gaussian_mle")
    assert unchanged.returncode == 0 and "nothing to do" in unchanged.stdout
    assert not list(path.parent.glob("*.bak"))

    path.write_text("my first attempt\n")
    first = working_copy.mlkata("reset", "gaussian_mle")
    path.write_text("my second attempt\n")
    second = working_copy.mlkata("reset", "gaussian_mle")

    assert first.returncode == second.returncode == 0
    assert path.read_text() == stub
    assert path.with_name("gaussian_mle.py.bak").read_text() == "my first attempt\n"
    (timestamped,) = set(path.parent.glob("gaussian_mle.py.*.bak"))
    assert timestamped.read_text() == "my second attempt\n"
    assert "kept your file as exercises/statistics/gaussian_mle.py.bak" in first.stdout


def _reader(stream) -> queue.Queue:
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in stream], daemon=True).start()
    return lines


def _until(lines: queue.Queue, prefix: str, timeout: float = 20) -> list[str]:
    seen = []
    deadline = time.monotonic() + timeout
    while True:
        line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        seen.append(line)
        if line.startswith(prefix):
            return seen


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_watch_regrades_on_save_and_stops_cleanly_on_ctrl_c(working_copy):
    """Does `mlkata watch` re-grade when the file is saved, and exit 0 on Ctrl-C?"""
    process = working_copy.popen("watch", "gaussian_mle")
    try:
        lines = _reader(process.stdout)
        first = _until(lines, "graded at")
        assert any(line.startswith("FAIL  0 of") for line in first)

        working_copy.solve("gaussian_mle")  # the learner saves a correct version
        second = _until(lines, "graded at")
        # Told at once that the save was noticed, before the (maybe slow) grade.
        assert second[0] == "grading… (statistics/gaussian_mle.py saved)\n"
        assert second[1].startswith("watching exercises/statistics/gaussian_mle.py")
        assert any(re.match(r"PASS  (\d+) of \1 checks pass, 5 of 5 points", s) for s in second)

        # The result is shown before the run is recorded: wait for the record first.
        deadline = time.monotonic() + 10
        while len(working_copy.rows()) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert "stopped watching" in process.stdout.read() + "".join(_drain(lines))
        stderr = process.stderr.read()
        assert "Traceback" not in stderr, stderr
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    # Both gradings were recorded: the stub's, then the saved solution's.
    (first_run, second_run) = working_copy.rows("passed, failed")
    assert first_run[0] == 0 and second_run[1] == 0


def _drain(lines: queue.Queue) -> list[str]:
    time.sleep(0.1)
    drained = []
    while not lines.empty():
        drained.append(lines.get_nowait())
    return drained


def test_report_open_calls_the_browser(working_copy, tmp_path):
    """Does `mlkata report --open` hand the page's file:// address to the browser?"""
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(
        f"import sys, pathlib\npathlib.Path({str(opened)!r}).write_text(sys.argv[1])\n"
    )
    working_copy.record("mse_gradient", passed=3, failed=12)

    result = working_copy.mlkata("report", "--open", BROWSER=f"{sys.executable} {browser} %s")

    assert result.returncode == 0, result.stderr
    report = working_copy.home / "report.html"
    assert result.stdout.splitlines()[0] == f"wrote {report}"
    assert opened.read_text() == report.as_uri()
    html = report.read_text()
    assert '<tr class="failing-kata" data-slug="mse_gradient">' in html
    assert "something is wrong" in html and '<svg id="points-chart"' in html


def test_report_into_a_missing_folder_is_one_line_error(working_copy, tmp_path):
    """Does `mlkata report -o` into a folder that does not exist fail in one line?"""
    result = working_copy.mlkata("report", "-o", str(tmp_path / "nowhere" / "r.html"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "no folder" in result.stderr


def test_plain_output_env_is_respected(working_copy):
    """Is MLKATA_PLAIN=1 plain even with colour forced?"""
    result = working_copy.mlkata("list", FORCE_COLOR="1", MLKATA_PLAIN="1")
    assert ANSI not in result.stdout and "gaussian_mle" in result.stdout


# -- the first minutes: help, choosing the kata, hints, failure messages -------------


def test_mlkata_alone_shows_the_learners_help(working_copy):
    """Does `mlkata` with no command print help for learners (exit 0), the same as
    `mlkata --help`, with the learner's commands first and the others last?"""
    alone = working_copy.mlkata()
    helped = working_copy.mlkata("--help")

    assert alone.returncode == helped.returncode == 0 and alone.stderr == ""
    assert alone.stdout == helped.stdout
    text = alone.stdout
    assert "learn the mathematics behind machine learning" in text
    rows = [
        re.search(rf"^  {name}\b[^\n]*  [a-z]", text, re.M)
        for name in ("list", "next", "check", "watch", "hint", "progress", "reset", "report")
    ]
    assert all(rows), text  # each with its purpose, in this order
    assert [r.start() for r in rows] == sorted(r.start() for r in rows)
    teachers = text.index("for teachers:     mlkata nbgrader")
    maintainers = text.index("for maintainers:  mlkata dev")
    assert rows[-1].end() < teachers < maintainers
    assert "check [SLUG] [-v]" in text and "hint [SLUG] [--all]" in text


@pytest.mark.parametrize(
    "args", [("check", ""), ("check", "  "), ("watch", ""), ("hint", ""), ("reset", "")]
)
def test_an_empty_kata_name_is_one_line_error(working_copy, args):
    """Is an empty or blank kata name refused in one line (not taken as 'no name')?"""
    result = working_copy.mlkata(*args)

    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "mlkata: the kata name is empty: give a slug such as mse_gradient "
        "(`mlkata list` shows them all)\n"
    )


def test_check_without_slug_takes_up_the_last_failing_kata(working_copy):
    """With a kata left failing, do `check` and `hint` alone come back to it (not the
    first unfinished one of the path), saying so in their first line?"""
    working_copy.record("gaussian_mle", passed=3, failed=8, when=time.time() - 60)
    working_copy.record("backprop_step", passed=20)  # graded since, and it passes

    checked = working_copy.mlkata("check")
    hint = working_copy.mlkata("hint")

    because = "gaussian_mle, the last kata you graded that does not pass yet"
    assert checked.stdout.splitlines()[0].startswith(f"checking {because}")
    assert checked.stdout.splitlines()[1].startswith("statistics/gaussian_mle: ")
    assert hint.stdout.splitlines()[0].startswith(f"hints for {because}")
    assert hint.stdout.splitlines()[1].startswith("Hint 1 of ")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process")
def test_watch_without_slug_says_which_kata_it_watches(working_copy):
    """Does `mlkata watch` alone name the kata it chose in its first line?"""
    process = working_copy.popen("watch")
    try:
        lines = _reader(process.stdout)
        seen = _until(lines, "graded at")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
    assert seen[0].startswith("watching mse_gradient, the next unfinished kata on your path")
    assert seen[1].startswith("watching exercises/calculus/mse_gradient.py")


def test_hint_all_repeats_the_hints_given_without_a_new_one(working_copy):
    """Does `mlkata hint SLUG --all` show hints 1..n already given, and never reveal or
    count a new one?"""
    hints = working_copy.kata("mse_gradient").hints
    assert len(hints) >= 3

    none = working_copy.mlkata("hint", "mse_gradient", "--all")
    working_copy.mlkata("hint", "mse_gradient")
    working_copy.mlkata("hint", "mse_gradient")
    both = working_copy.mlkata("hint", "mse_gradient", "--all")
    again = working_copy.mlkata("hint", "mse_gradient", "--all")
    third = working_copy.mlkata("hint", "mse_gradient")

    assert none.returncode == 0
    assert none.stdout.startswith("No hints given yet for mse_gradient")
    assert hints[0] not in none.stdout
    assert both.returncode == 0 and both.stdout == again.stdout
    lines = both.stdout.splitlines()
    assert lines[:3] == [
        f"Hints 1-2 of {len(hints)} for mse_gradient:",
        f"  1. {hints[0]}",
        f"  2. {hints[1]}",
    ]
    assert hints[2] not in both.stdout
    assert third.stdout.startswith(f"Hint 3 of {len(hints)} for mse_gradient:")


def test_check_verbose_shows_every_failing_checks_message(working_copy):
    """Does `check -v` put each failing check's message under it, where plain `check`
    shows only the first failure's and says how to see the rest?"""
    working_copy.solve("gaussian_mle")
    path = working_copy.exercise("gaussian_mle")
    path.write_text(path.read_text().replace("np.mean(deviations**2)", "np.var(x, ddof=1)"))

    plain = working_copy.mlkata("check", "gaussian_mle")
    verbose = working_copy.mlkata("check", "gaussian_mle", "-v")

    assert plain.returncode == verbose.returncode == 1
    failing = [i for i, line in enumerate(verbose.stdout.splitlines()) if line.startswith("  FAIL")]
    lines = verbose.stdout.splitlines()
    assert len(failing) > 2
    for i in failing:
        assert lines[i + 1].startswith("        ") and lines[i + 1].strip()
    assert "first failure" not in verbose.stdout
    assert plain.stdout.count("variance is wrong") == 1
    assert "(`mlkata check gaussian_mle -v` shows every failing check in full)" in plain.stdout


# Multi-line learner messages, as the graders write them (the grading engine passes
# them whole): fabricated results shown through the real command.

HEADLINE = "gaussian_mle(x=float64 array of shape (100,)): variance is wrong: got 0.8966"
DETAIL = [
    "  largest error 0.00897 (allowed 8.89e-07); 1 of 1 entries are off",
    "  got      0.8966401228176489",
    "  expected 0.8876737215894724",
    "  this is what you get from a known mistake: the unbiased divisor n - 1",
]


@pytest.fixture
def graded_as(monkeypatch):
    """``graded_as({check: message or ''})``: grading gives these results (''=pass)."""
    import mlkata.engine.run as run
    from mlkata.engine.results import CheckResult, KataResult

    def fabricate(messages: dict[str, str]) -> None:
        def grade(root, kata, on_result=None, **options):
            checks = {
                name: CheckResult(name, not message, 1.0, message)
                for name, message in messages.items()
            }
            graded = run.Graded(kata, KataResult(kata.topic, kata.slug, checks))
            if on_result is not None:
                on_result(graded)
            return graded

        monkeypatch.setattr(run, "grade", grade)

    return fabricate


def test_check_shows_the_first_failures_whole_message(in_process, graded_as):
    """Is the first failing check's whole message shown, indented under it, and only
    its message (with the way to see the others)?"""
    graded_as(
        {
            "test_gaussian_mle_documented_example": "",
            "test_gaussian_mle_random_samples[10]": "\n".join([HEADLINE, *DETAIL]),
            "test_gaussian_mle_single_sample": "gaussian_mle(x=[4.2]): variance contains NaN",
        }
    )

    result = in_process("check", "gaussian_mle")

    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("first failure (gaussian mle random samples [10]):")
    assert lines[start + 1 :] == [
        f"    {HEADLINE}",
        *(f"    {line}" for line in DETAIL),
        "(`mlkata check gaussian_mle -v` shows every failing check in full)",
    ]
    assert "variance contains NaN" not in result.stdout


def test_a_long_failure_message_is_cut_and_verbose_shows_it_all(in_process, graded_as):
    """Is a long message cut to 15 lines (long lines shortened, cuts marked), and does
    -v show every failing message in full, under its check?"""
    long_line = "  got      [" + ", ".join(["0.123456"] * 100) + "]"
    message = "\n".join([HEADLINE, long_line, *(f"  case {i}" for i in range(30))])
    graded_as({"test_gaussian_mle_random_samples[10]": message, "test_other": "second\nline"})

    cut = in_process("check", "gaussian_mle")
    full = in_process("check", "gaussian_mle", "-v")

    lines = cut.stdout.splitlines()
    start = lines.index("first failure (gaussian mle random samples [10]):")
    shown = lines[start + 1 : lines.index(next(x for x in lines if x.startswith("(`mlkata")))]
    assert len(shown) == 15
    assert shown[0] == f"    {HEADLINE}"
    assert shown[1].endswith("…") and len(shown[1]) <= 2 * 120
    assert shown[-1] == "    … 18 more lines"
    assert all(len(line) <= 2 * 120 for line in lines)

    verbose = full.stdout.splitlines()
    first = verbose.index("  FAIL  gaussian mle random samples [10]")
    assert verbose[first + 1 : first + 3] == [f"        {HEADLINE}", f"        {long_line}"]
    assert verbose[first + 32] == "          case 29"
    other = verbose.index("  FAIL  other")
    assert verbose[other + 1 : other + 3] == ["        second", "        line"]
    assert "first failure" not in full.stdout and "(`mlkata" not in full.stdout


# -- capstones beside the topics ----------------------------------------------------


def _capstone(root, name: str, uses: list[tuple[str, str]]) -> None:
    """A capstone notebook in the working copy that uses the katas ``uses``."""
    import nbformat

    cells = [nbformat.v4.new_markdown_cell("# Capstone: does the loss go down?")]
    cells.append(
        nbformat.v4.new_code_cell("from mlkata.capstones import use_tree\ntree = use_tree()")
    )
    cells += [
        nbformat.v4.new_code_cell(f'f{i} = tree.kata("{topic}", "{slug}")')
        for i, (topic, slug) in enumerate(uses)
    ]
    (root / "capstones").mkdir(exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=cells), str(root / "capstones" / f"{name}.ipynb"))


def test_report_and_progress_show_each_capstone_complete_or_its_next_kata(working_copy):
    """Is a capstone complete exactly when every kata its notebook uses passes, and does
    the report (and ``progress --json``) name the first one still to do, on the path?"""
    from mlkata.capstones import CAPSTONES

    name = CAPSTONES[0]
    _capstone(
        working_copy.root,
        name,
        [
            ("calculus", "backprop_step"),
            ("statistics", "gaussian_mle"),
            ("calculus", "mse_gradient"),
        ],
    )
    working_copy.record("backprop_step", passed=15)
    working_copy.record("gaussian_mle", passed=3, failed=8)

    view = json.loads(working_copy.mlkata("progress", "--json").stdout)["capstones"]
    assert view == [
        {
            "name": name,
            "title": "Does the loss go down?",
            "passing": 1,
            "katas": 3,
            "next_slug": "mse_gradient",  # before gaussian_mle on the learning path
            "complete": False,
        }
    ]
    report = working_copy.home / "report.html"
    assert working_copy.mlkata("report").returncode == 0
    html = report.read_text()
    assert f'data-name="{name}" data-complete="false"' in html
    assert "1 / 3 katas passing" in html and "mlkata check mse_gradient" in html
    assert "0 of 1 capstones complete" in html

    working_copy.record("mse_gradient", passed=15)
    working_copy.record("gaussian_mle", passed=11)
    assert working_copy.mlkata("report").returncode == 0
    html = report.read_text()
    assert f'data-name="{name}" data-complete="true"' in html
    assert "1 of 1 capstones complete" in html
    assert json.loads(working_copy.mlkata("progress", "--json").stdout)["capstones"][0]["complete"]


def test_a_copy_without_capstone_notebooks_says_so_in_the_report(working_copy):
    """Does the report of a copy whose capstones/ folder is gone say there is none?"""
    assert working_copy.mlkata("report").returncode == 0
    html = (working_copy.home / "report.html").read_text()
    assert "No capstone notebook in this copy." in html
