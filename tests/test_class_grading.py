"""``mlkata grade``: a whole class, right, wrong, missing and hostile, each gets its row.

One generated class is graded once (module fixture) through the real command; every
student's row is checked, no hostile submission may pass, and no process of the run
may be left. Then resumption, zips (with a zip slip and a symlink), the one-line
errors, the output formats, the sandbox and a Dask cluster.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from mlkata.engine.sandbox import bwrap_launcher, bwrap_path

pytestmark = [pytest.mark.xdist_group("class_grading"), pytest.mark.timeout(900)]

ROOT = Path(__file__).resolve().parents[1]
KATA = "calculus/mse_gradient"
SOLUTION = (ROOT / "solutions" / f"{KATA}.py").read_text(encoding="utf-8")
MARKER = "    # BEGIN SOLUTION\n"
SLEEP_MARK = "987654"
FLAGS = ["--kata", "mse_gradient", "--timeout", "8", "--memory", "1024", "--jobs", "2"]


def mutants() -> dict[str, str]:
    path = ROOT / "tests" / "implementations" / f"{KATA}.py"
    spec = importlib.util.spec_from_file_location("mse_mutants", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {m.name: m.apply(SOLUTION) for m in module.MUTANTS}


WRONG = mutants()["missing_factor_2"]


def changed(body: str = "", at_import: str = "", source: str = SOLUTION) -> str:
    """The source with ``body`` at the start of the function and ``at_import`` on top."""
    if body:
        indented = "".join(f"    {line}\n" for line in body.splitlines())
        source = source.replace(MARKER, MARKER + indented, 1)
    return (at_import + "\n" + source) if at_import else source


FORGE = (
    "import os\n"
    "for fd in range(3, 64):\n"
    "    try:\n"
    '        os.write(fd, b\'{"token": "x", "event": "done"}\\n\')\n'
    "    except OSError:\n"
    "        pass\n"
)
ORPHAN = (
    "import ctypes\n"
    "libc = ctypes.CDLL(None)\n"
    "if libc.fork() == 0:\n"
    "    libc.setsid()\n"
    f"    libc.execlp(b'sleep', b'sleep', b'{SLEEP_MARK}', None)\n"
    "    libc._exit(0)\n"
)
PATCH = (
    "import numpy.testing, mlkata.grading\n"
    "numpy.testing.assert_allclose = lambda *a, **k: None\n"
    "mlkata.grading.assert_close = lambda *a, **k: None\n"
)
ALWAYS_EQUAL = (
    "class Same(float):\n"
    "    def __eq__(self, other): return True\n"
    "    def __ne__(self, other): return False\n"
    "    def __array__(self, *a, **k):\n"
    "        import numpy\n"
    "        return numpy.zeros(len(w))\n"
    "return MSE(Same(0.0), Same(0.0), Same(0.0))\n"
)

# student -> (source, expected status, expected points or None for "less than full")
CLASS = {
    "right": (SOLUTION, "passed", 10.0),
    **{f"mutant_{name}": (source, "failed", None) for name, source in mutants().items()},
    "loop_at_import": (changed(at_import="while True:\n    pass"), "timeout", 0.0),
    "loop_in_call": (changed("while True:\n    pass"), "timeout", 0.0),
    "signals_ignored": (
        changed(
            "import signal\n"
            "for s in (signal.SIGTERM, signal.SIGALRM, signal.SIGPROF):\n"
            "    signal.signal(s, signal.SIG_IGN)\n"
            "while True:\n    pass"
        ),
        "timeout",
        0.0,
    ),
    "exit_at_import": (changed(at_import="import os\nos._exit(0)"), "error", 0.0),
    "exit_in_call": (changed("import os\nos._exit(0)"), "error", 0.0),
    "sys_exit": (changed("import sys\nsys.exit(0)"), "failed", 0.0),
    "keyboard_interrupt": (changed("raise KeyboardInterrupt"), "failed", 0.0),
    "pytest_skip": (changed("import pytest\npytest.skip('later')"), "failed", 0.0),
    "pytest_xfail": (changed("import pytest\npytest.xfail('known')"), "failed", 0.0),
    "patched_helpers": (changed(at_import=PATCH, source=WRONG), "failed", None),
    "always_equal": (changed(ALWAYS_EQUAL), "failed", None),
    # Inside bubblewrap the listing fails ("No such file"); without it, the audit
    # guard refuses the read.
    "reads_solutions": (
        changed(
            f"import os\nos.listdir({str(ROOT / 'solutions' / 'calculus')!r})\n"
            f"exec(open({str(ROOT / 'solutions' / KATA)!r}).read())"
        ),
        "failed",
        0.0,
    ),
    "prints_100_mb": (
        changed("import sys\nfor _ in range(1000):\n    sys.stdout.write('y' * 100000)"),
        "error",
        0.0,
    ),
    "orphan": (changed(at_import=ORPHAN, source=WRONG), "failed", None),
    "forged_channel": (changed(at_import=FORGE), "failed", 0.0),
    "allocates_8_gb": (changed("import numpy\nnumpy.ones(10**9)"), "failed", 0.0),
    "recursion_bomb": (changed("def f(n):\n    return f(n + 1)\nf(0)"), "failed", 0.0),
    "syntax_error": (
        SOLUTION.replace("def mse_loss_and_grad", "def mse_loss_and_grad(("),
        "error",
        0.0,
    ),
}


def write_class(folder: Path, students: dict[str, tuple[str, str, float | None]]) -> Path:
    for student, (source, _, _) in students.items():
        path = folder / student / KATA.replace("/", os.sep)
        path = folder / student / "calculus" / "mse_gradient.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    (folder / "absent" / "calculus").mkdir(parents=True)
    (folder / "absent" / "calculus" / "notes.txt").write_text("nothing here")
    return folder


def run_grade(*args: str, timeout: float = 800) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "grade", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def read_grades(out: Path) -> dict[str, dict]:
    with open(out / "grades.csv", newline="", encoding="utf-8") as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


def left_running(marker: str) -> list[str]:
    """Processes whose command line holds ``marker``, other than this test's own."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if marker in cmdline:
            found.append(f"{entry}: {cmdline}")
    return found


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    base = tmp_path_factory.mktemp("class")
    submissions = write_class(base / "submissions", CLASS)
    out = base / "results"
    done = run_grade(str(submissions), "--out", str(out), *FLAGS)
    return submissions, out, done


def test_every_student_gets_exactly_the_right_row(graded_class):
    """Right passes; every mutant and every hostile submission fails with 0 or partial
    points and its own status; the student who handed nothing in is missing."""
    submissions, out, done = graded_class
    assert done.returncode == 0, done.stdout + done.stderr
    grades = read_grades(out)
    assert set(grades) == {*CLASS, "absent"}
    assert grades["absent"]["status"] == "missing"
    assert float(grades["absent"]["points"]) == 0.0
    problems = []
    for student, (_, status, points) in CLASS.items():
        row = grades[student]
        got = float(row["points"])
        right = row["status"] == status and (got == points if points is not None else got < 10)
        if not right:
            problems.append(f"{student}: {row['status']} {got} ({row['reason']})")
    assert problems == [], "\n".join(problems)
    passing = [s for s, row in grades.items() if row["status"] == "passed"]
    assert passing == ["right"]


def test_nothing_is_left_running(graded_class):
    """No sandbox, worker or process a kata started outlives the run (a killed sandbox
    may take a moment to be torn down by the kernel)."""
    markers = [SLEEP_MARK, *(f"mlkata-grade-{student}-" for student in CLASS)]
    deadline = time.monotonic() + 10
    while True:
        left = [line for marker in markers for line in left_running(marker)]
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert left == []


@pytest.mark.skipif(bwrap_path() is None, reason="bubblewrap is not installed")
def test_the_sandbox_hides_the_reference(graded_class):
    """Inside bubblewrap solutions/ does not exist at all: the open fails with "No such
    file" from the operating system, not with the audit guard's refusal."""
    _, out, _ = graded_class
    row = next(
        r
        for r in json.loads((out / "results.json").read_text())
        if r["student"] == "reads_solutions"
    )
    messages = " ".join(c["message"] for c in row["checks"])
    assert "No such file or directory" in messages, messages


def test_the_output_formats(graded_class):
    submissions, out, _ = graded_class
    rows = json.loads((out / "results.json").read_text(encoding="utf-8"))
    right = next(r for r in rows if r["student"] == "right")
    assert right["checks"] and all(c["passed"] for c in right["checks"])
    assert sum(c["max_score"] for c in right["checks"]) == pytest.approx(10.0)
    for student in ("right", "mutant_missing_factor_2", "absent"):
        scope = json.loads((out / "gradescope" / f"{student}.json").read_text(encoding="utf-8"))
        assert scope["score"] == pytest.approx(sum(t["score"] for t in scope["tests"]))
        assert {"name", "score", "max_score", "output", "visibility"} <= set(scope["tests"][0])
    feedback = (out / "feedback" / "mutant_missing_factor_2.txt").read_text(encoding="utf-8")
    assert "dw is wrong" in feedback
    assert "def reference" not in feedback and "assert_close(" not in feedback
    assert not any(p.name.startswith(".grades") for p in out.iterdir())


def test_a_second_run_keeps_what_is_graded_force_and_changes_grade_again(tmp_path):
    submissions = tmp_path / "submissions"
    students = {"right": CLASS["right"], "wrong": CLASS["mutant_missing_factor_2"]}
    write_class(submissions, students)
    out = tmp_path / "results"
    flags = ["--out", str(out), "--kata", "mse_gradient", "--jobs", "2"]
    first = run_grade(str(submissions), *flags)
    assert first.returncode == 0, first.stderr
    assert "(2 graded now, 0 kept)" in first.stdout
    again = run_grade(str(submissions), *flags)
    assert "(0 graded now, 2 kept)" in again.stdout, again.stdout
    (submissions / "wrong" / "calculus" / "mse_gradient.py").write_text(SOLUTION)
    changed_run = run_grade(str(submissions), *flags)
    assert "(1 graded now, 1 kept)" in changed_run.stdout, changed_run.stdout
    assert read_grades(out)["wrong"]["status"] == "passed"
    forced = run_grade(str(submissions), *flags, "--force")
    assert "(2 graded now, 0 kept)" in forced.stdout, forced.stdout


def zip_of(path: Path, members: dict[str, str], symlink: tuple[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
        if symlink is not None:
            info = zipfile.ZipInfo(symlink[0])
            info.external_attr = 0o120777 << 16
            archive.writestr(info, symlink[1])
    return path


def test_zips_at_the_root_or_in_one_folder(tmp_path):
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    zip_of(submissions / "flat.zip", {"calculus/mse_gradient.py": SOLUTION})
    zip_of(submissions / "nested.zip", {"nested/calculus/mse_gradient.py": WRONG})
    out = tmp_path / "results"
    done = run_grade(str(submissions), "--out", str(out), "--kata", "mse_gradient")
    assert done.returncode == 0, done.stderr
    grades = read_grades(out)
    assert grades["flat"]["status"] == "passed"
    assert grades["nested"]["status"] == "failed"


BAD_ZIPS = {
    "zip slip": {"../../evil.py": "x = 1"},
    "absolute path": {"/tmp/evil.py": "x = 1"},
}


@pytest.mark.parametrize("case", [*BAD_ZIPS, "symlink", "corrupt"])
def test_a_dangerous_or_broken_zip_is_one_line_and_writes_nothing(case, tmp_path):
    submissions = tmp_path / "deep" / "submissions"
    submissions.mkdir(parents=True)
    path = submissions / "mallory.zip"
    if case == "corrupt":
        path.write_bytes(b"PK\x03\x04 this is not a zip")
    elif case == "symlink":
        zip_of(path, {"calculus/mse_gradient.py": SOLUTION}, ("calculus/link.py", "/etc/passwd"))
        # The symlink is refused even when it is not a kata file.
    else:
        zip_of(path, BAD_ZIPS[case])
    out = tmp_path / "results"
    done = run_grade(str(submissions), "--out", str(out))
    assert done.returncode == 2
    assert done.stderr.startswith("mlkata: ") and len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert not (tmp_path / "evil.py").exists() and not Path("/tmp/evil.py").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["missing-folder"],
        ["EMPTY"],
        ["SUBS", "--kata", "no_such_kata"],
        ["SUBS", "--topic", "no_such_topic"],
        ["SUBS", "--jobs", "0"],
    ],
    ids=["missing folder", "empty folder", "unknown kata", "unknown topic", "jobs 0"],
)
def test_bad_input_is_one_line_with_status_2_and_no_results(args, tmp_path):
    (tmp_path / "EMPTY").mkdir()
    write_class(tmp_path / "SUBS", {"right": CLASS["right"]})
    args = [str(tmp_path / a) if a in ("EMPTY", "SUBS", "missing-folder") else a for a in args]
    out = tmp_path / "results"
    done = run_grade(*args, "--out", str(out))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("mlkata: ") and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_the_launcher_binds_only_what_grading_needs(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    argv = bwrap_launcher("/usr/bin/bwrap", ROOT, tree)
    binds = {argv[i + 2] for i, word in enumerate(argv) if word in ("--ro-bind", "--ro-bind-try")}
    for flag in ("--unshare-all", "--die-with-parent", "--new-session", "--clearenv"):
        assert flag in argv
    assert str(ROOT / "graders") in binds and str(tree.resolve()) in binds
    for hidden in ("solutions", "tests", ".git", "exercises"):
        assert str(ROOT / hidden) not in binds
    assert str(ROOT) not in binds
    assert "--bind" not in argv  # nothing writable but the fresh /tmp
    assert argv[argv.index("--tmpfs") + 1] == "/tmp"


def test_a_dask_cluster_gives_the_same_rows(tmp_path):
    """--scheduler sends each student to a Dask worker: the same rows as at home."""
    distributed = pytest.importorskip("distributed")
    students = {s: CLASS[s] for s in ("right", "mutant_missing_factor_2", "exit_in_call")}
    submissions = write_class(tmp_path / "submissions", students)
    here = run_grade(str(submissions), "--out", str(tmp_path / "here"), *FLAGS)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        there = run_grade(
            str(submissions),
            "--out",
            str(tmp_path / "there"),
            *FLAGS,
            "--scheduler",
            cluster.scheduler_address,
        )
    assert here.returncode == there.returncode == 0, here.stderr + there.stderr

    def rows(out):
        return {s: (r["status"], r["points"]) for s, r in read_grades(out).items()}

    assert rows(tmp_path / "there") == rows(tmp_path / "here")
    assert rows(tmp_path / "here")["right"] == ("passed", "10.0")


def test_without_distributed_the_scheduler_option_says_what_to_install(monkeypatch):
    from mlkata.classroom.errors import ClassGradingError
    from mlkata.classroom.run import _dask_client

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ClassGradingError, match=r"mlkata\[cluster\]"):
        _dask_client("tcp://127.0.0.1:1")


def test_sigterm_mid_run_leaves_whole_files_and_the_next_run_resumes(tmp_path):
    """Does SIGTERM in the middle of a class end the run (exit 130) with nothing
    half-written and nothing left running, and does the next run keep what finished
    and grade only the rest?"""
    submissions = tmp_path / "submissions"
    students = {f"s{i:02d}": CLASS["right"] for i in range(16)}
    write_class(submissions, students)
    out = tmp_path / "results"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("PYTEST_ADDOPTS", None)
    command = [sys.executable, "-m", "mlkata.cli", "grade", str(submissions), "--out", str(out)]
    command += ["--kata", "mse_gradient", "--jobs", "1"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 300
    state = out / ".state"
    while time.monotonic() < deadline and len(list(state.glob("*/*.json"))) < 2:
        assert process.poll() is None, process.communicate()
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stdout + stderr
    assert "Traceback" not in stderr
    kept = list(state.glob("*/*.json"))
    assert 2 <= len(kept) < len(students)  # the run was cut short
    for path in kept:
        assert json.loads(path.read_text(encoding="utf-8"))["status"] == "passed", path
    leftovers = [p for p in out.rglob("*") if p.is_file() and p.name.startswith(".")]
    assert not leftovers, leftovers
    assert not left_running(str(submissions)), left_running(str(submissions))
    resumed = run_grade(str(submissions), "--out", str(out), "--kata", "mse_gradient")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(kept)} kept)" in resumed.stdout, resumed.stdout
    grades = read_grades(out)
    assert set(grades) == {*students, "absent"}
    assert all(grades[s]["status"] == "passed" for s in students)


def test_the_progress_bar_counts_each_status_on_a_terminal():
    """On a terminal, does the bar show pairs done of all, the count of each status and
    the time left, and print no per-pair line?"""
    import io

    from rich.console import Console

    from mlkata.classroom.grading import Row
    from mlkata.classroom.progress import ClassProgress

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system=None)
    rows = [
        Row("ann", "calculus/mse_gradient", 10, 10, "passed"),
        Row("bob", "calculus/mse_gradient", 4, 10, "failed", "dw is wrong"),
        Row("cid", "calculus/mse_gradient", 0, 10, "timeout", "ran out of time"),
    ]
    with ClassProgress(4, terminal=True, console=console) as progress:
        for row in rows:
            progress.advance(row)
    shown = screen.getvalue()
    assert "3/4" in shown and "passed 1  failed 1  error 0  timeout 1" in shown
    assert "dw is wrong" not in shown  # no per-pair line on a terminal
