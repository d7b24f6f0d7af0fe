"""Grading fails closed: whatever a kata does, it fails with its reason, nothing else.

Each case is the reference with one change put at the start of ``sigmoid``, graded as
a learner's ``exercises/`` in a scratch working copy, beside an untouched ``softmax``:
the pytest run exits 1 and prints the summary, sigmoid's row gives the reason, softmax
still passes, the progress store records sigmoid as failing, and no process of the
kata is left.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mlkata.engine.progress import ProgressStore
from mlkata.engine.sandbox import SANDBOX_ENV, usable_bwrap

ROOT = Path(__file__).resolve().parents[1]
SIGMOID = "calculus/sigmoid.py"
MARKER = "    # BEGIN SOLUTION\n"
FAST = ["--mlkata-limit", "check_cpu_s=0.5", "--mlkata-limit", "kill_grace_s=1"]
FAST += ["--mlkata-limit", "idle_s=2", "--mlkata-limit", "import_wall_s=3"]


def scratch_copy(where: Path, body: str = "", at_import: str = "") -> Path:
    """A working copy whose exercises are the solutions, sigmoid changed."""
    root = where / "copy"
    root.mkdir()
    for name in ("curriculum.toml", "pyproject.toml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "graders" / "calculus", root / "graders" / "calculus")
    shutil.copytree(ROOT / "solutions" / "calculus", root / "exercises" / "calculus")
    shutil.copytree(ROOT / "solutions" / "calculus", root / "solutions" / "calculus")
    path = root / "exercises" / SIGMOID
    source = path.read_text(encoding="utf-8")
    if body:
        indented = "".join(f"    {line}\n" for line in body.splitlines())
        source = source.replace(MARKER, MARKER + indented, 1)
    if at_import:
        source = at_import + "\n" + source
    path.write_text(source, encoding="utf-8")
    return root


def burning(seconds: float) -> str:
    """Source that uses ``seconds`` of CPU time (a slow import, a slow function)."""
    return (
        f"import time as _t\n_end = _t.process_time() + {seconds}\n"
        "while _t.process_time() < _end:\n    pass\n"
    )


def grade(
    root: Path, home: Path, *extra: str, timeout: float = 120, mode: str = "", **more: str
) -> subprocess.CompletedProcess:
    env = dict(os.environ, MLKATA_HOME=str(home), MLKATA_PLAIN="1", **more)
    if mode:
        env["MLKATA_WORKER"] = mode
    env.pop("PYTEST_ADDOPTS", None)
    graders = ["graders/calculus/test_sigmoid.py", "graders/calculus/test_softmax.py"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", *graders, "-p", "no:randomly", *FAST, *extra],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def row(output: str, kata: str) -> str:
    return next(line for line in output.splitlines() if line.strip().startswith(f"{kata} "))


CASES = {
    "os._exit in the function": ("import os\nos._exit(0)", "", "ended the process (exit status 0)"),
    "os._exit at import": ("", "import os\nos._exit(3)", "ended the process (exit status 3)"),
    "sys.exit": ("raise SystemExit(0)", "", "called sys.exit(0)"),
    "KeyboardInterrupt": ("raise KeyboardInterrupt", "", "raised KeyboardInterrupt"),
    "pytest.skip": ("import pytest\npytest.skip('later')", "", "called pytest.skip()"),
    "pytest.xfail": ("import pytest\npytest.xfail('known')", "", "called pytest.xfail()"),
    "a segfault": (
        "import ctypes\nctypes.string_at(0)",
        "",
        "crashed the Python process (SIGSEGV)",
    ),
    "reading stdin": ("input()", "", "your code read from standard input"),
    "closing stdout": (
        "import sys\nsys.stdout.close()\nprint('done')",
        "",
        "your code used a closed file",
    ),
    "an infinite loop": ("while True:\n    pass", "", "ran out of time: more than 0.5 s of CPU"),
    "a loop that ignores the interrupt": (
        "import signal\nsignal.signal(signal.SIGPROF, signal.SIG_IGN)\nwhile True:\n    pass",
        "",
        "and the code did not stop",
    ),
    # The interrupt lands in the try (swallowed: ended from outside) or, now and then,
    # between two iterations (it escapes): either way the check ran out of time.
    "a loop that swallows the interrupt": (
        "while True:\n    try:\n        sum(range(100))\n    except BaseException:\n        pass",
        "",
        "ran out of time: more than 0.5 s of CPU time",
    ),
    "sleeping forever": ("import time\ntime.sleep(1000)", "", "did nothing for 2 s"),
    "an import that waits forever": ("", "import time\ntime.sleep(1000)", "did nothing for 2 s"),
    "an import that never ends": (
        "",
        "import time\nwhile True:\n    time.sleep(0.001)\n    sum(range(10000))",
        "did not finish within 3 s",
    ),
    "printing a flood": (
        "import sys\nfor _ in range(400):\n    sys.stdout.write('y' * 100000)",
        "",
        "printed more than 16 MB",
    ),
    "reading the reference": (
        "exec(open(__file__.replace('exercises', 'solutions')).read())",
        "",
        "tried to read solutions/calculus/sigmoid.py",
    ),
    "starting processes": (
        "import subprocess\nsubprocess.Popen(['sleep', '300'])",
        "",
        "tried to start a process",
    ),
    # libc's fork raises no audit event: the worker's sweep finds what it left behind.
    "leaving a process behind past the audit hook": (
        "import ctypes, time\nif ctypes.CDLL(None).fork() == 0:\n    time.sleep(300)",
        "",
        "your code started processes",
    ),
    "replacing the engine's reporter": (
        "import mlkata.engine.channel as c\nc.ChannelWriter.send = lambda *a, **k: None",
        "",
        "replaced mlkata.engine.channel.ChannelWriter.send",
    ),
    "allocating too much memory": ("import numpy\nnumpy.ones(10**11)", "", "MemoryError"),
    # With the code under test in the checks' process, this wrote a pass for every
    # check: the channel's writer, its token and the session were all in its memory.
    "forging passes on the result channel": (
        "import gc, os\n"
        "found = {type(o).__name__: o for o in gc.get_objects()\n"
        "         if type(o).__name__ in ('ChannelWriter', 'Session')}\n"
        "if len(found) == 2:\n"
        "    for item in found['Session'].items:\n"
        "        found['ChannelWriter'].send('start', nodeid=item.nodeid, cpu=0.0)\n"
        "        found['ChannelWriter'].send('report', nodeid=item.nodeid, when='call',\n"
        "                                    outcome='passed', duration=0.0, cpu=0.0)\n"
        "    found['ChannelWriter'].send('done', exitstatus=0)\n"
        "    os._exit(0)\n"
        "raise ValueError('nothing to forge')",
        "",
        "ValueError: nothing to forge",
    ),
    "reading the grader's frames": (
        "import sys\n"
        "frame = sys._getframe(1)\n"
        "while frame is not None and 'graders' not in frame.f_code.co_filename:\n"
        "    frame = frame.f_back\n"
        "if frame is not None:\n"
        "    return frame.f_locals.get('expected')\n"
        "raise ValueError('no grader to read')",
        "",
        "ValueError: no grader to read",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_misbehaving_kata_fails_alone_with_its_reason(case, tmp_path):
    """Does the kata fail with its reason, while the other kata passes and is recorded?"""
    body, at_import, reason = CASES[case]
    root = scratch_copy(tmp_path, body, at_import)
    home = tmp_path / "home"
    done = grade(root, home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "mlkata: 1 of 2 katas pass (exercises)" in output, output
    assert reason in row(output, "calculus/sigmoid"), output
    assert row(output, "calculus/softmax").endswith("pass"), output
    runs = {r.slug: r for r in ProgressStore(home / "progress.sqlite").runs()}
    assert not runs["sigmoid"].ok and runs["sigmoid"].failed > 0
    assert runs["softmax"].ok


SPAWNED = ["os._exit in the function", "an infinite loop", "a segfault", "reading the reference"]


@pytest.mark.parametrize("case", SPAWNED, ids=SPAWNED)
def test_spawn_mode_fails_closed_the_same_way(case, tmp_path):
    """Without fork (Windows, or MLKATA_WORKER=spawn), a fresh process per kata: does a
    misbehaving kata fail with the same reason, and the other kata still pass?"""
    body, at_import, reason = CASES[case]
    root = scratch_copy(tmp_path, body, at_import)
    done = grade(root, tmp_path / "home", mode="spawn")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert reason in row(output, "calculus/sigmoid"), output
    assert row(output, "calculus/softmax").endswith("pass"), output


def test_no_process_of_a_kata_outlives_its_grading(tmp_path):
    """Are the processes a kata starts (even in a new session, even past the audit hook
    through libc's own fork) gone after grading?"""
    pids = tmp_path / "pids"
    pids.mkdir()
    body = (
        "import ctypes, os, time\n"
        "libc = ctypes.CDLL(None)\n"  # libc's fork raises no audit event: the guard
        "if libc.fork() == 0:\n"  # cannot refuse it, so the sweep must end it
        "    libc.setsid()\n"
        "    if libc.fork() == 0:\n"
        f"        open(os.path.join({str(pids)!r}, str(os.getpid())), 'w').close()\n"
        "        time.sleep(300)\n"
        "    os._exit(0)\n"
        "time.sleep(0.2)"
    )
    root = scratch_copy(tmp_path, body)
    # Unsandboxed, so that the processes can leave their pids where this test sees them
    # (in the sandbox, its pid namespace ends with it as well).
    done = grade(root, tmp_path / "home", **{SANDBOX_ENV: "0"})
    assert "calculus/sigmoid" in done.stdout, done.stdout + done.stderr
    started = [int(p.name) for p in pids.iterdir()]
    assert started, "the kata started no process: this test checks nothing"
    time.sleep(0.5)
    alive = []
    for pid in started:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            continue
        alive.append(pid)
    assert alive == [], f"processes left behind: {alive}"


def test_ctrl_c_stops_grading_at_once(tmp_path):
    """Does a real Ctrl-C end the run (and the kata's processes) within a second or two?"""
    root = scratch_copy(tmp_path, "import time\ntime.sleep(1000)")
    env = dict(os.environ, MLKATA_HOME=str(tmp_path / "home"))
    process = subprocess.Popen(
        [sys.executable, "-m", "pytest", "graders/calculus/test_sigmoid.py", "-p", "no:randomly"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    time.sleep(3)
    start = time.monotonic()
    os.killpg(process.pid, signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert time.monotonic() - start < 10, "Ctrl-C did not stop the run promptly"
    assert process.returncode == 2, output.decode()
    assert b"KeyboardInterrupt" in output


def test_mlkata_check_reports_an_exiting_kata_as_failed(tmp_path):
    """Does `mlkata check` exit non-zero and say why when the kata calls os._exit(0)?"""
    root = scratch_copy(tmp_path, "import os\nos._exit(0)")
    env = dict(os.environ, MLKATA_HOME=str(tmp_path / "home"), MLKATA_PLAIN="1")
    done = subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "check", "sigmoid"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "ended the process (exit status 0)" in done.stdout
    runs = ProgressStore(tmp_path / "home" / "progress.sqlite").runs()
    assert [r.ok for r in runs if r.slug == "sigmoid"] == [False]


def test_a_slow_import_is_not_charged_to_the_checks(tmp_path):
    """Does a correct kata whose module takes a while to import still pass every check?"""
    root = scratch_copy(tmp_path, at_import=burning(1.5))
    # The import's own limits at their defaults: a busy machine stretches its wall time.
    done = grade(root, tmp_path / "home", "--mlkata-limit", "import_wall_s=60")
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert row(output, "calculus/sigmoid").endswith("pass"), output


def test_a_module_first_imported_inside_a_check_is_not_charged_to_it(tmp_path):
    """Does a correct kata that imports a slow module inside its function (as
    ``from sklearn.metrics import roc_auc_score`` is often written) pass, and does a
    module whose import never ends still fail, saying it was an import?"""
    at_import = "import os as _os, sys as _sys\n_sys.path.insert(0, _os.path.dirname(__file__))"
    for seconds, limits, passes in ((1.5, (), True), (1000, ("import_cpu_s=1",), False)):
        where = tmp_path / str(seconds)
        where.mkdir()
        root = scratch_copy(where, "import slow_helper", at_import)
        (root / "exercises" / "calculus" / "slow_helper.py").write_text(burning(seconds))
        extra = [arg for limit in limits for arg in ("--mlkata-limit", limit)]
        done = grade(root, where / "home", *extra)
        output = done.stdout + done.stderr
        if passes:  # 1.5 s of import against a check limit of 0.5 s
            assert done.returncode == 0, output
            assert row(output, "calculus/sigmoid").endswith("pass"), output
        else:
            assert done.returncode == 1, output
            assert "took more than 1 s of CPU time to import" in done.stdout, output


def test_each_checks_cpu_time_is_measured_in_the_process_that_spent_it(tmp_path):
    """Is the CPU time of the code under test counted for its check (it runs in the
    learner process), apart from the grader's own?"""
    from mlkata.engine.curriculum import load_curriculum
    from mlkata.engine.run import grade_katas

    root = scratch_copy(tmp_path, burning(0.2))
    katas = load_curriculum(root / "curriculum.toml").katas
    [result] = grade_katas(root, root / "exercises", [k for k in katas if k.slug == "sigmoid"])
    checks = list(result.checks.values())
    assert checks and all(c.passed for c in checks), result
    # Each call of sigmoid burns 0.2 s (the kata's other functions do not).
    spent = [(c.cpu, c.learner_cpu) for c in checks]
    calling = [(own, code) for own, code in spent if code >= 0.2]
    assert len(calling) >= len(checks) // 2, spent
    assert all(own < 0.2 for own, _ in spent), spent


def test_a_hanging_kata_costs_one_limit_not_one_per_check(tmp_path):
    """After its first check runs out of time, are the kata's other checks reported
    "not run" at once instead of each waiting out its own limit?"""
    root = scratch_copy(tmp_path, "while True:\n    pass")
    start = time.monotonic()
    done = grade(root, tmp_path / "home")
    output = done.stdout + done.stderr
    cpu_limit, checks = 0.5, 10
    # The failure messages, one line each (every check of sigmoid calls the loop).
    messages = [line.strip() for line in done.stdout.splitlines()]
    timed_out = [m for m in messages if m.startswith("ran out of time: more than 0.5 s")]
    not_run = [m for m in messages if m.startswith("not run: the kata seems to hang")]
    assert len(timed_out) == 1 and len(not_run) == checks - 1, output
    assert time.monotonic() - start < 60 + cpu_limit * checks


def test_a_kata_that_ignores_the_interrupt_is_stopped_once_and_said_to_hang(tmp_path):
    """A loop that ignores the CPU-time interrupt is ended from outside: does that cost
    one limit, with the kata's other checks "not run: the kata seems to hang"?"""
    body, _, reason = CASES["a loop that ignores the interrupt"]
    done = grade(scratch_copy(tmp_path, body), tmp_path / "home")
    messages = [line.strip() for line in done.stdout.splitlines()]
    stopped = [m for m in messages if m.startswith("ran out of time:") and reason in m]
    not_run = [m for m in messages if m.startswith("not run: the kata seems to hang")]
    assert len(stopped) == 1 and len(not_run) == 9, done.stdout + done.stderr


@pytest.mark.skipif(usable_bwrap() is None, reason="no working bubblewrap on this machine")
def test_in_the_sandbox_the_reference_is_not_there_even_past_the_audit_hook(tmp_path):
    """Where bubblewrap works, grading runs in it by default: does code under test that
    looks for the reference through libc (which the audit hook cannot see) find nothing,
    and does MLKATA_SANDBOX=0 show that the same code would have found it?"""
    reference = tmp_path / "copy" / "solutions" / SIGMOID
    body = (
        "import ctypes\n"
        f"if ctypes.CDLL(None).access({str(reference).encode()!r}, 0) == 0:\n"
        "    raise RuntimeError('the reference is visible')"
    )
    root = scratch_copy(tmp_path, body)
    assert reference.is_file()
    sandboxed = grade(root, tmp_path / "home")
    assert row(sandboxed.stdout, "calculus/sigmoid").endswith("pass"), sandboxed.stdout
    bare = grade(root, tmp_path / "home", **{SANDBOX_ENV: "0"})
    assert "the reference is visible" in row(bare.stdout, "calculus/sigmoid"), bare.stdout


@pytest.mark.skipif(usable_bwrap() is None, reason="no working bubblewrap on this machine")
def test_in_the_sandbox_the_grading_processes_cannot_be_read_or_reopened(tmp_path):
    """Can the code under test open the pipes or read the memory of the processes that
    grade it (the worker, the kata's checks) through /proc, as a process of the same
    user could if they were dumpable? It must find nothing it may open."""
    body = (
        "import os\n"
        "opened = []\n"
        "for pid in [p for p in os.listdir('/proc') if p.isdigit()]:\n"
        "    if int(pid) == os.getpid():\n"
        "        continue\n"
        "    try:\n"
        "        fds = [f'/proc/{pid}/fd/{n}' for n in os.listdir(f'/proc/{pid}/fd')]\n"
        "    except OSError:\n"
        "        fds = []\n"
        "    for path in fds + [f'/proc/{pid}/mem']:\n"
        "        mode = os.O_RDONLY if path.endswith('mem') else os.O_WRONLY\n"
        "        try:\n"
        "            os.close(os.open(path, mode))\n"
        "            opened.append(path)\n"
        "        except OSError:\n"
        "            pass\n"
        "raise ValueError(f'opened {opened}' if opened else 'nothing to open')"
    )
    done = grade(scratch_copy(tmp_path, body), tmp_path / "home")
    assert "ValueError: nothing to open" in row(done.stdout, "calculus/sigmoid"), done.stdout
