"""What a learner keeps getting wrong: recorded per run, grouped, shown."""

from __future__ import annotations

import contextlib
import json
import sqlite3

from mlkata.engine.progress import ProgressStore, Run
from mlkata.engine.results import CheckResult, KataResult
from mlkata.engine.session import CHANGED_INPUT, NO_VALIDATION, named_mistakes
from mlkata.learn.mistakes import family_of, frequent_mistakes, summary_line

MEAN_A = "the gradient is summed over the samples instead of averaged (no 1/n)"
MEAN_B = "no division by n: the loss is a mean over the batch"
TRANSPOSED = "X @ r instead of X.T @ r"
OWN = "vote ties by the smallest label"


def mistaken(slug: str, when: float, *mistakes: str, passed: int = 3, failed: int = 1) -> Run:
    return Run(when, "t", slug, passed, failed, True, 1.0, 2.0, "wrong", tuple(mistakes))


def passing(slug: str, when: float) -> Run:
    return Run(when, "t", slug, 4, 0, True, 2.0, 2.0, "")


def test_differently_worded_mistakes_fall_in_one_family():
    """Do graders' different words for one misconception group together, and does a
    mistake of no family stand on its own words?"""
    assert family_of(MEAN_A)[0] == family_of(MEAN_B)[0] == "mean"
    assert family_of(TRANSPOSED)[0] == "transpose"
    assert family_of(CHANGED_INPUT)[0] == "input" and family_of(NO_VALIDATION)[0] == "validation"
    assert family_of(OWN) == (f"own:{OWN}", OWN)


def test_frequent_mistakes_counts_katas_and_runs_and_knows_what_is_fixed():
    """Are groups ordered by how many katas they touched, with their runs, and is a
    kata's mistake fixed exactly when its latest run no longer names it?"""
    runs = [
        mistaken("mse", 1, MEAN_A),
        mistaken("mse", 2, MEAN_A, TRANSPOSED),
        passing("mse", 3),  # fixed by passing
        mistaken("softmax", 4, MEAN_B),
        mistaken("softmax", 5, MEAN_B),  # still there
        mistaken("logistic", 6, MEAN_A),
        mistaken("logistic", 7, OWN),  # the 1/n is gone, another mistake is not
        mistaken("knn", 8, OWN),
    ]
    groups = frequent_mistakes(runs)
    assert [g.key for g in groups] == ["mean", f"own:{OWN}", "transpose"]
    mean = groups[0]
    assert [(k.slug, k.runs, k.fixed) for k in mean.katas] == [  # most runs, then latest
        ("softmax", 2, False),
        ("mse", 2, True),
        ("logistic", 1, True),
    ]
    assert mean.runs == 5 and not mean.fixed and mean.last == 6
    assert groups[1].katas[0].words == [OWN] and not groups[1].fixed
    assert groups[2].fixed  # mse passes now
    line = summary_line(groups, limit=2)
    assert line == (
        "your most frequent mistakes: the 1/n of a mean (a sum where a mean belongs, or the "
        f"reverse) (3 katas, not fixed yet), {OWN} (2 katas, not fixed yet), and 1 more"
    )
    assert summary_line([]) == ""


def test_named_mistakes_are_read_from_the_failing_checks():
    """Does a graded kata record each named mistake of its failing checks once (the
    grader's known mistakes, a modified input, bad input let through), and nothing
    from its passing checks?"""
    known = f"dw is wrong\n  this is what you get from a known mistake: {MEAN_A}"
    result = KataResult("calculus", "mse")
    result.checks = {
        "a": CheckResult("a", passed=False, message=known),
        "b": CheckResult("b", passed=False, message=known),
        "c": CheckResult("c", passed=False, message="f(x=[1]) modified its input `x` in place"),
        "d": CheckResult("d", passed=False, message="f(x=[]) should raise ValueError, but ..."),
        "e": CheckResult("e", passed=True, message=""),
    }
    assert named_mistakes(result) == (MEAN_A, CHANGED_INPUT, NO_VALIDATION)


def test_the_store_keeps_each_runs_mistakes_and_upgrades_an_old_database(tmp_path):
    """Are a run's mistakes stored and read back with it, and does a database of the
    previous version keep its runs and take mistakes from then on?"""
    path = tmp_path / "progress.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as conn:  # a version-1 database
        conn.executescript(
            "CREATE TABLE runs (id INTEGER PRIMARY KEY, time REAL NOT NULL, topic TEXT NOT "
            "NULL, slug TEXT NOT NULL, passed INTEGER NOT NULL, failed INTEGER NOT NULL, "
            "complete INTEGER NOT NULL, points REAL NOT NULL, possible REAL, message TEXT NOT "
            "NULL DEFAULT ''); CREATE TABLE hints (slug TEXT PRIMARY KEY, shown INTEGER NOT "
            "NULL); INSERT INTO runs VALUES (1, 1.0, 't', 'old', 1, 1, 1, 1.0, 2.0, 'x');"
            "PRAGMA user_version = 1;"
        )
        conn.commit()
    with ProgressStore(path) as store:
        assert [r.slug for r in store.runs()] == ["old"]
        store.record([mistaken("mse", 2.0, MEAN_A, TRANSPOSED), passing("mse", 3.0)])
    with ProgressStore(path) as store:
        runs = store.runs()
    assert [(r.slug, r.mistakes) for r in runs] == [
        ("old", ()),
        ("mse", (MEAN_A, TRANSPOSED)),
        ("mse", ()),
    ]


def test_progress_names_the_mistakes_of_a_real_grading(working_copy):
    """Does grading a wrong answer record the grader's named mistake, so that `mlkata
    progress` and `--json` show it, and show it fixed once the kata passes?"""
    kata = working_copy.kata("mse_gradient")
    reference = (working_copy.root / "solutions" / kata.path).read_text(encoding="utf-8")
    wrong = reference.replace("dw = 2.0 / n *", "dw = 1.0 / n *")
    assert wrong != reference
    working_copy.exercise("mse_gradient").write_text(wrong, encoding="utf-8")
    assert working_copy.mlkata("check", "mse_gradient").returncode == 1
    shown = working_copy.mlkata("progress")
    assert shown.returncode == 0, shown.stderr
    assert "Your most frequent mistakes: a lost constant factor" in shown.stdout
    data = json.loads(working_copy.mlkata("progress", "--json").stdout)
    (mistake,) = data["mistakes"]
    assert mistake["key"] == "factor" and not mistake["fixed"]
    assert mistake["katas"][0]["slug"] == "mse_gradient"
    assert (
        "the factor 2 from differentiating the square is missing"
        in (mistake["katas"][0]["mistakes"])
    )
    working_copy.solve("mse_gradient")
    assert working_copy.mlkata("check", "mse_gradient").returncode == 0
    data = json.loads(working_copy.mlkata("progress", "--json").stdout)
    assert data["mistakes"][0]["fixed"] and data["katas"]["passing"] == 1
    assert data["next"]["slug"] != "mse_gradient"


def test_report_out_writes_where_asked(working_copy, tmp_path):
    """Does `mlkata report --out FILE` write the page there?"""
    target = tmp_path / "mine.html"
    done = working_copy.mlkata("report", "--out", str(target))
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_report_says_when_each_mistake_was_made_and_where_it_stands():
    """Does a mistake's row give its misconception, the grader's words, how often,
    from when to when, and which katas still show it?"""
    import datetime as dt

    from mlkata.engine.curriculum import Curriculum, Kata
    from mlkata.learn.report import render

    curriculum = Curriculum(
        (
            Kata("calculus", "mse", "MSE", 1, 10.0, (), ()),
            Kata("calculus", "sm", "SM", 1, 5.0, (), ()),
        ),
        {"calculus": "Calculus"},
    )
    day = dt.datetime(2026, 11, 2, 12).timestamp()
    runs = [
        Run(day, "calculus", "mse", 1, 1, True, 5.0, 10.0, "x", (MEAN_B,)),
        Run(day + 3 * 86400, "calculus", "sm", 1, 1, True, 2.5, 5.0, "x", (MEAN_A,)),
        Run(day + 4 * 86400, "calculus", "mse", 2, 0, True, 10.0, 10.0, ""),
    ]
    html = render(curriculum, runs, dt.datetime(2026, 11, 19, 18))
    row = html.split('<tr class="mistake" data-key="mean">', 1)[1].split("</tr>", 1)[0]
    assert "the 1/n of a mean" in row and MEAN_A in row and MEAN_B in row
    assert "2 katas, 2 runs" in row and "from 2 Nov 2026 to 5 Nov 2026" in row
    assert row.index("<code>sm</code>") < row.index("<code>mse</code>")  # not fixed first
    assert (
        '<span class="open">not fixed</span>' in row and '<span class="fixed">fixed</span>' in row
    )
