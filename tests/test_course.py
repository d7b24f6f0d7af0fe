"""The nbgrader course builder, without running nbgrader (tests/test_nbgrader.py does)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mlkata.engine.curriculum import load_curriculum, split_points
from mlkata.teach.collect import collect_grader_tests
from mlkata.teach.course import CourseError, build_course
from mlkata.teach.docmarkdown import docstring_markdown, examples_of
from mlkata.teach.selection import select_katas
from mlkata.teach.source import read_kata, split_source

ROOT = Path(__file__).resolve().parents[1]
CURRICULUM = load_curriculum(ROOT / "curriculum.toml")

pytestmark = pytest.mark.timeout(600)


def test_split_points_adds_up_exactly_in_hundredths():
    """Do shares of a kata's points follow the weights and add up to the total?"""
    shares = split_points(10, [2, 2, 9, 3, 1, 1, 1, 1, 10])
    assert sum(shares) == pytest.approx(10, abs=1e-9)
    assert all(round(s * 100) == pytest.approx(s * 100) for s in shares)
    assert shares[2] == pytest.approx(3.0) and shares[0] == pytest.approx(0.67, abs=0.01)
    assert split_points(5, [1]) == [5.0]


def test_select_katas_suggests_close_names_for_unknown_topic_and_kata():
    """Does a misspelt topic or kata give one line with the close name?"""
    with pytest.raises(CourseError, match="did you mean 'calculus'"):
        select_katas(ROOT, CURRICULUM, topics=["calculas"])
    with pytest.raises(CourseError, match="did you mean 'mse_gradient'"):
        select_katas(ROOT, CURRICULUM, katas=["mse_gradiant"])


def test_select_katas_takes_topics_and_katas_together_in_curriculum_order():
    """Are --topic and --kata a union, kept in the learning path's order?"""
    chosen = select_katas(ROOT, CURRICULUM, topics=["statistics"], katas=["pca"])
    slugs = [k.slug for k in chosen]
    assert "pca" in slugs and "gaussian_mle" in slugs
    assert {k.topic for k in chosen} == {"statistics", "linear_algebra"}
    order = [k.slug for k in CURRICULUM.katas]
    assert slugs == sorted(slugs, key=order.index)


def test_split_source_keeps_given_code_apart_from_the_solution():
    """Do imports and types go to the given cell and the function to the solution?"""
    kata = CURRICULUM.get("mse_gradient")
    source = read_kata(ROOT, kata)
    assert "class MSE(NamedTuple)" in source.given and "def " not in source.given
    assert source.solution.startswith("def mse_loss_and_grad(X, y, w, b):")
    assert "    ### BEGIN SOLUTION" in source.solution and "### END SOLUTION" in source.solution
    assert [name for name, _, _ in source.functions] == ["mse_loss_and_grad"]


def test_split_source_rejects_a_file_without_solution_region():
    """Is a kata file with nothing to write a clear error?"""
    with pytest.raises(CourseError, match="no function or class with a # BEGIN SOLUTION"):
        split_source('"""Doc."""\n\ndef f():\n    return 1\n', "k.py")


def test_collect_counts_cases_and_weights_as_pytest_parametrises_them():
    """Is each grader test function one entry, in file order, with its cases and the
    sum of their points weights?"""
    kata = CURRICULUM.get("mse_gradient")
    tests = collect_grader_tests(ROOT, [kata])["mse_gradient"]
    grader = (ROOT / "graders" / kata.grader_path).read_text(encoding="utf-8")
    assert [t.name for t in tests] == re.findall(r"^def (test_\w+)\(", grader, flags=re.M)
    by_name = {t.name: t for t in tests}
    random_cases = by_name["test_mse_loss_and_grad_random_cases"]
    assert (random_cases.cases, random_cases.weight) == (3, 9.0)
    assert random_cases.question.endswith("?")
    unmarked = by_name["test_mse_loss_and_grad_accepts_lists_of_ints"]
    assert (unmarked.cases, unmarked.weight) == (1, 1.0)


def _lone_grader(root, kata, source):
    path = root / "graders" / kata.grader_path
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")


def test_collect_reports_a_grader_that_cannot_be_collected_in_one_line(tmp_path):
    """Does a grader with a syntax error give one line naming it and the error?"""
    kata = CURRICULUM.get("mse_gradient")
    _lone_grader(tmp_path, kata, "def test_f(kata):\n    return (\n")
    with pytest.raises(CourseError) as error:
        collect_grader_tests(tmp_path, [kata])
    message = str(error.value)
    assert message.startswith(f"the grader graders/{kata.grader_path} cannot be collected: ")
    assert "\n" not in message and message.endswith("SyntaxError: '(' was never closed")


def test_collect_reports_a_grader_without_tests(tmp_path):
    """Is a grader with no test function a clear error, not an empty notebook?"""
    kata = CURRICULUM.get("mse_gradient")
    _lone_grader(tmp_path, kata, '"""Nothing yet."""\n')
    with pytest.raises(CourseError, match=f"^graders/{kata.grader_path} has no tests$"):
        collect_grader_tests(tmp_path, [kata])


def test_collect_reports_pytest_refusing_to_run_in_one_line(tmp_path):
    """Does a grader pytest cannot find say so in one line (pytest's own reason)?"""
    with pytest.raises(CourseError, match="^could not collect the graders: .*not found"):
        collect_grader_tests(tmp_path, [CURRICULUM.get("mse_gradient")])


def test_docstring_markdown_turns_math_and_sections_into_markdown():
    """Does a numpydoc docstring become Markdown with MathJax-ready LaTeX?"""
    doc = read_kata(ROOT, CURRICULUM.get("mse_gradient")).functions[0][2]
    markdown = docstring_markdown(doc)
    assert "$Xw + b$" in markdown
    assert "$$\nr = Xw + b - y, \\qquad" in markdown
    assert ".. math::" not in markdown and ":math:" not in markdown
    assert "``loss``" not in markdown and "`loss` (float)" in markdown
    assert "### Parameters" in markdown and "- `X` (array_like, shape (n, d)):" in markdown
    assert "```python\n>>> loss, dw, db" in markdown
    assert examples_of(doc).startswith(">>> loss, dw, db = mse_loss_and_grad(")


def test_docstring_markdown_splits_equations_at_blank_lines():
    """Is each blank-line-separated equation of a math block its own display?"""
    markdown = docstring_markdown("Sum.\n\n.. math::\n\n    a = 1\n\n    b = 2\n")
    assert markdown.count("$$") == 4
    assert "$$\na = 1\n$$" in markdown and "$$\nb = 2\n$$" in markdown


def test_cli_build_refuses_a_folder_that_is_not_a_course(tmp_path):
    """Does building into a non-empty non-course folder fail with one line?"""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "nbgrader", "build", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "is not an nbgrader course" in done.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_cli_build_unknown_topic_is_one_line(tmp_path):
    """Does a typo in --topic give a one-line error and write nothing?"""
    done = subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "nbgrader", "build", str(tmp_path / "c")]
        + ["--topic", "linear_algebr"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "mlkata: unknown topic 'linear_algebr': did you mean 'linear_algebra'? "
        f"(topics: {', '.join(CURRICULUM.topics)})\n"
    )
    assert not (tmp_path / "c").exists()


def test_build_course_without_nbformat_says_to_install_the_teacher_extra(tmp_path, monkeypatch):
    """Does a learner's install (no teacher extra) get one line saying what to install?"""
    monkeypatch.setitem(sys.modules, "nbformat", None)  # import nbformat raises ImportError
    with pytest.raises(CourseError, match=r"pip install 'mlkata\[teacher\]'"):
        build_course(ROOT, tmp_path / "course", katas=["mse_gradient"])
    assert not (tmp_path / "course").exists()


def test_plugin_import_leaves_nbformat_and_nbgrader_alone():
    """Is the pytest plugin, loaded on every run, free of the teacher's heavy imports?"""
    code = (
        "import sys, mlkata.plugin; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('nbformat', 'nbgrader', 'nbconvert', 'IPython') or m in ('mlkata.teach.course', "
        "'mlkata.notebook')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_build_course_writes_valid_nbgrader_notebooks(tmp_path):
    """Are the notebooks valid nbformat with nbgrader v3 metadata, points as curriculum?"""
    nbformat = pytest.importorskip(
        "nbformat", reason="nbformat is not installed: pip install -e '.[teacher]'"
    )
    course = tmp_path / "course"
    written = build_course(ROOT, course, katas=["mse_gradient", "gaussian_mle"])
    assert course / "nbgrader_config.py" in written
    config = (course / "nbgrader_config.py").read_text(encoding="utf-8")
    assert "c.ExecutePreprocessor.timeout = " in config and "ClearHiddenTests" in config
    for slug, topic in [("mse_gradient", "calculus"), ("gaussian_mle", "statistics")]:
        path = course / "source" / topic / f"{slug}.ipynb"
        assert path in written
        notebook = nbformat.read(path, 4)
        nbformat.validate(notebook)
        graded = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]
        solution = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]
        assert len(solution) == 1 and "### BEGIN SOLUTION" in solution[0].source
        points = sum(c.metadata["nbgrader"]["points"] for c in graded)
        assert points == pytest.approx(CURRICULUM.get(slug).points)
        for cell in notebook.cells:
            meta = cell.metadata.get("nbgrader")
            if meta is not None:
                assert meta["schema_version"] == 3 and meta["grade_id"]
        hidden = [c for c in graded if c.metadata["nbgrader"]["points"] > 0]
        visible = [c for c in graded if c.metadata["nbgrader"]["points"] == 0]
        assert hidden and all("### BEGIN HIDDEN TESTS" in c.source for c in hidden)
        assert sum("_mlkata.register(" in c.source for c in hidden) == 1
        # The visible check runs the docstring's example and hides nothing.
        assert len(visible) == 1 and "HIDDEN" not in visible[0].source
        function = read_kata(ROOT, CURRICULUM.get(slug)).functions[0][0]
        assert f"get_doctest({function}.__doc__" in visible[0].source
        assert notebook.cells[0].cell_type == "markdown" and "$$" in notebook.cells[0].source
    try:
        from nbgrader.nbgraderformat import MetadataValidator
    except ImportError:
        return
    for path in (course / "source").glob("*/*.ipynb"):
        MetadataValidator().validate_nb(nbformat.read(path, 4))


def _dependent_kata():
    """The first kata that imports an earlier one."""
    return next(
        k
        for k in CURRICULUM.katas
        if (ROOT / "solutions" / k.path).is_file() and read_kata(ROOT, k).imports
    )


def _cell(notebook, suffix: str):
    (cell,) = [
        c
        for c in notebook.cells
        if c.metadata.get("nbgrader", {}).get("grade_id", "").endswith(suffix)
    ]
    return cell


def test_build_course_runs_the_students_own_earlier_katas(tmp_path):
    """Does a kata that imports an earlier one run the student's own solution of it, read
    from its notebook beside (and none when it is missing, saying so), never a
    reference, while the hidden tests grade it with the reference?"""
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed")
    kata = _dependent_kata()
    topic, slug = read_kata(ROOT, kata).imports[0]
    earlier = CURRICULUM.get(slug)
    course = tmp_path / "course"
    build_course(ROOT, course, katas=[kata.slug, slug])
    notebook = nbformat.read(course / "source" / kata.topic / f"{kata.slug}.ipynb", 4)
    given = _cell(notebook, "_given").source
    assert f'_your_kata("{topic}", "{slug}"' in given
    reference = (ROOT / "solutions" / earlier.path).read_text(encoding="utf-8")
    for region in _solution_regions(reference):
        assert region not in given
    assert f'"{topic}/{slug}": ' in _hidden_registration(notebook)
    # The given cell, then the solution cell, run as the kernel runs them, in the
    # kata's folder: the earlier notebook (here the teacher's source) is found in
    # ../<topic>/ and its solution cell runs.
    name = read_kata(ROOT, kata).functions[0][0]
    earlier_name = read_kata(ROOT, earlier).functions[0][0]
    solution = _cell(notebook, "_solution").source
    script = tmp_path / "run_cells.py"
    script.write_text(
        f"{given}\n\n{solution}\n\nassert callable({name})\n"
        f"import {topic}.{slug} as m\nprint(m.{earlier_name}.__code__.co_filename)\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k != "NBGRADER_EXECUTION"}
    folder = course / "source" / kata.topic

    def run(**extra):
        return subprocess.run(
            [sys.executable, str(script)],
            cwd=folder,
            env={**env, **extra},
            capture_output=True,
            text=True,
            check=False,
        )

    done = run()
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"{slug}.ipynb"), done.stdout
    # Autograding never runs the student's other notebooks in the kernel.
    graded = run(NBGRADER_EXECUTION="autograde")
    assert graded.returncode == 0, graded.stderr
    assert graded.stdout.strip().endswith("run_cells.py"), graded.stdout
    (course / "source" / topic / f"{slug}.ipynb").unlink()
    missing = subprocess.run(
        [sys.executable, "-c", f"{given}\nimport {topic}.{slug} as m\nm.{earlier_name}()"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert f"{topic}/{slug}.ipynb is not next to this notebook" in missing.stdout
    assert f"`{earlier_name}` is your solution of {topic}/{slug}: solve {slug}.ipynb" in (
        missing.stderr
    )


def _hidden_registration(notebook) -> str:
    (cell,) = [c for c in notebook.cells if "_mlkata.register(" in c.source]
    return cell.source


_REGION = re.compile(r"^[ \t]*# BEGIN SOLUTION\n(.*?)^[ \t]*# END SOLUTION", re.M | re.S)


def _solution_regions(source: str) -> list[str]:
    """The code between a solution file's markers, each region with more than a line."""
    return [r.strip("\n") for r in _REGION.findall(source) if r.strip().count("\n") >= 1]


def _released(source: str) -> str:
    """A cell's source as `nbgrader generate_assignment` releases it."""
    for begin, end in [
        ("### BEGIN SOLUTION", "### END SOLUTION"),
        ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"),
    ]:
        source = re.sub(rf"^[ \t]*{begin}\n.*?^[ \t]*{end}$", "", source, flags=re.M | re.S)
    return source


_RUN_NOTEBOOKS = r"""
import contextlib, io, json, numbers, os, sys
import nbformat
from IPython.core.interactiveshell import InteractiveShell

shell = InteractiveShell.instance()
scores = {}
for path in sys.argv[2:]:
    shell.reset(new_session=False)
    os.chdir(os.path.dirname(path))  # as Jupyter runs a notebook: in its folder
    cells = scores[path] = {}
    for cell in nbformat.read(path, 4).cells:
        if cell.cell_type != "code":
            continue
        meta = cell.metadata.get("nbgrader", {})
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result = shell.run_cell(cell.source, store_history=False)
        if not meta.get("grade"):
            continue
        # nbgrader's rule: an error or any stderr scores 0, a number is partial credit.
        points = meta["points"]
        ok = result.success and not err.getvalue()
        if not ok:
            score = 0.0
        elif isinstance(result.result, numbers.Number):
            score = float(result.result)
        else:
            score = points
        cells[meta["grade_id"]] = [score, points, ok, out.getvalue()[-300:]]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(scores, f)
"""


@pytest.fixture(scope="module")
def full_course(tmp_path_factory) -> Path:
    """Every kata's notebook, built with the CLI."""
    pytest.importorskip("nbformat", reason="nbformat is not installed: pip install -e '.[teacher]'")
    course = tmp_path_factory.mktemp("full") / "course"
    built = subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "nbgrader", "build", str(course)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    return course


def test_no_released_notebook_holds_working_code_of_any_kata(full_course):
    """Does every notebook, as nbgrader releases it, leave out the reference code of
    every kata of the course (its own and those it builds on)?"""
    import nbformat

    regions = {}
    for kata in CURRICULUM.katas:
        path = ROOT / "solutions" / kata.path
        if path.is_file():
            regions[kata.slug] = _solution_regions(path.read_text(encoding="utf-8"))
    assert sum(map(len, regions.values())) >= len(regions)
    notebooks = sorted((full_course / "source").glob("*/*.ipynb"))
    capstones = [p for p in notebooks if "capstone" in nbformat.read(p, 4).metadata["mlkata"]]
    assert len(notebooks) == len(regions) + len(capstones) and capstones
    for path in notebooks:
        released = "\n".join(
            _released(c.source) for c in nbformat.read(path, 4).cells if c.cell_type == "code"
        )
        for slug, bodies in regions.items():
            for body in bodies:
                assert body not in released, f"{path.name} releases the code of {slug}"


def test_every_kata_notebook_gives_the_reference_full_marks(full_course, tmp_path):
    """Does every kata's notebook, run top to bottom as the teacher's source, score full,
    with every visible check (the docstring's example) passing?

    tests/test_nbgrader.py runs the real nbgrader commands on some katas; this runs
    every kata present, its cells in one IPython shell (the kernel's interpreter, with
    its input transformations) and scored by nbgrader's rule, to stay fast.
    """
    pytest.importorskip("IPython", reason="IPython is not installed: pip install -e '.[teacher]'")
    import nbformat

    notebooks = sorted(
        str(p)
        for p in (full_course / "source").glob("*/*.ipynb")
        if "kata" in nbformat.read(p, 4).metadata["mlkata"]  # capstones: no points
    )
    assert len(notebooks) >= 4
    for path in notebooks:
        statement = nbformat.read(path, 4).cells[0].source
        prose = re.sub(r"```.*?```", "", statement, flags=re.DOTALL)
        assert prose.count("$") % 2 == 0, f"{path}: unbalanced $ in the statement"
        for rst in (":math:", ".. math::", "``"):
            assert rst not in prose, f"{path}: {rst!r} left in the statement"
    out = tmp_path / "scores.json"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST_", "MLKATA_TARGET", "NBGRADER_"))
    }
    done = subprocess.run(
        [sys.executable, "-c", _RUN_NOTEBOOKS, str(out), *notebooks],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    scores = json.loads(out.read_text(encoding="utf-8"))
    visible_checks = 0
    for path, cells in scores.items():
        assert cells, f"{path}: no autograded cell ran"
        lost = {cell: s for cell, s in cells.items() if s[0] != pytest.approx(s[1])}
        assert not lost, f"{Path(path).name}: the reference lost points: {lost}"
        for cell, (_, points, ok, output) in cells.items():
            if points == 0:
                visible_checks += 1
                assert ok and "the example works" in output, f"{Path(path).name} {cell}: {output}"
    assert visible_checks >= len(notebooks)
