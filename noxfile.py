"""Sessions for learners, teachers and maintainers.

    nox -s student     grade your exercises/: one line per kata, then what to do next
    nox -s solution    grade the reference solutions/
    nox -s tests       the project's own test suite
    nox -s lint        ruff

Arguments after ``--`` go to pytest, e.g. ``nox -s student -- -k pca``.

Student mode succeeds whenever grading ran: katas that do not pass yet are the
learner's to-do list, shown in the summary, not an error of the session (``pytest
graders`` and ``mlkata check`` still exit 1 when a check fails). It fails when grading
itself could not run (a grader that cannot be collected, a usage error).
"""

import os

import nox

nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["student"]


@nox.session
def student(session: nox.Session) -> None:
    """Grade the katas in exercises/: a summary line per kata and the next step."""
    session.install("-e", ".")
    # No pytest progress output: the per-kata summary is what a learner reads.
    session.run(
        "pytest",
        "graders",
        "--target",
        "exercises",
        "-p",
        "no:terminal",
        *session.posargs,
        success_codes=[0, 1],
    )


@nox.session
def solution(session: nox.Session) -> None:
    """Grade the reference solutions/: every grader must pass."""
    session.install("-e", ".")
    session.run("pytest", "graders", "--target", "solutions", "-q", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the project's own tests: solutions pass, stubs and mutants fail, tools work."""
    # The teacher extra brings nbgrader, so that the nbgrader round trip runs too (and
    # cluster, Dask, for mlkata grade --scheduler); its
    # tests share one module fixture, kept on one worker by --dist loadgroup.
    session.install("-e", ".[test,teacher,cluster,capstones]")
    workers = ["-n", "auto", "--dist", "loadgroup"] if "-n" not in session.posargs else []
    # CI takes every kata through nbgrader's real commands; a local run, the foundation
    # katas (tests/test_nbgrader.py), which keeps it quick.
    env = {"MLKATA_NBGRADER_KATAS": "all"} if os.environ.get("CI") else {}
    session.run("pytest", "tests", *workers, *session.posargs, env=env)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and common bugs with ruff."""
    session.install("ruff>=0.5")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
