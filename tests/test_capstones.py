"""The capstones: each notebook runs top to bottom against solutions/ in a real kernel
and draws its figures, the script form writes them as PNG files, and an unfinished step
is one line saying which kata to finish, not a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("matplotlib", reason="pip install -e '.[capstones]' to run this test")
nbformat = pytest.importorskip("nbformat", reason="pip install -e '.[teacher]'")
nbclient = pytest.importorskip("nbclient", reason="pip install -e '.[teacher]'")

from mlkata.capstones import CAPSTONES, TREE_VARIABLE  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIGURES = {
    "fraud_threshold": {"reliability", "precision_recall", "expected_cost"},
    "cell_design": {
        "scree",
        "loadings",
        "cross_validation",
        "bias_variance",
        "learning_curve",
        "shapley",
    },
    "customer_embeddings": {"customers_maps", "digits_maps", "cluster_distances"},
    "regional_bias": {"scores_by_region", "group_rates", "calibration_by_region", "mitigation"},
}
# per capstone: the step kata whose stub stops it, and the figure drawn before that step
STEP = {
    "fraud_threshold": ("expected_cost", "reliability"),
    "cell_design": ("ridge_cv", "loadings"),
    "customer_embeddings": ("adjusted_rand", "customers_maps"),
    "regional_bias": ("group_thresholds", "calibration_by_region"),
}
# per capstone: words its script must print
PRINTED = {
    "fraud_threshold": ("ECE", "precision >= 90%", "Platt at 0.8: cost", "Platt at 0.9: cost"),
    "cell_design": ("explained variance ratio", "by 5-fold CV", "mean |phi|", "R² on new cells"),
    "customer_embeddings": ("trustworthiness", "ARI", "silhouette"),
    "regional_bias": (
        "demographic parity difference",
        "ECE",
        "equal opportunity: thresholds",
        "Equal-opportunity thresholds: TPR gap",
    ),
}


def _unfinished(name: str) -> str:
    slug = STEP[name][0]
    return f"finish capstones/{slug} first: mlkata check {slug}"


pytestmark = pytest.mark.timeout(600)


def _kernel_env(tmp: Path, tree: str) -> dict:
    """A ``python3`` kernel of this interpreter in an isolated JUPYTER_PATH."""
    kernels = tmp / "jupyter" / "kernels" / "python3"
    kernels.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (mlkata)",
        "language": "python",
    }
    (kernels / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "MLKATA_"))}
    env.update(
        JUPYTER_PATH=str(tmp / "jupyter"),
        JUPYTER_CONFIG_DIR=str(tmp / "jupyter-config"),
        JUPYTER_DATA_DIR=str(tmp / "jupyter-data"),
        JUPYTER_RUNTIME_DIR=str(tmp / "jupyter-runtime"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
        MPLBACKEND="module://matplotlib_inline.backend_inline",
        MPLCONFIGDIR=str(tmp / "mpl"),
    )
    env[TREE_VARIABLE] = tree
    return env


def _execute(name: str, tmp: Path, tree: str):
    """Run the notebook in a fresh kernel; (notebook, seconds, error or None)."""
    notebook = nbformat.read(ROOT / "capstones" / f"{name}.ipynb", as_version=4)
    env = _kernel_env(tmp, tree)
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)  # the kernel manager starts the kernel with os.environ
    try:
        client = nbclient.NotebookClient(
            notebook,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(ROOT / "capstones")}},
        )
        start = time.perf_counter()
        try:
            client.execute()
            error = None
        except nbclient.exceptions.CellExecutionError as exc:
            error = exc
        return notebook, time.perf_counter() - start, error
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _outputs(notebook):
    for cell in notebook.cells:
        if cell.cell_type == "code":
            yield cell, cell.get("outputs", [])


def test_every_capstone_has_a_notebook_and_figures():
    """Is every capstone the script knows a notebook, with its figures listed here?"""
    for name in CAPSTONES:
        assert (ROOT / "capstones" / f"{name}.ipynb").is_file()
        assert name in FIGURES and name in STEP and name in PRINTED


@pytest.mark.parametrize("name", CAPSTONES)
def test_the_notebook_runs_against_solutions_and_draws_its_figures(name, tmp_path):
    """Does every cell run against solutions/, every show() cell hold a PNG, well under 60 s?"""
    notebook, seconds, error = _execute(name, tmp_path, "solutions")
    assert error is None, str(error)[:3000]
    drawn = set()
    for cell, outputs in _outputs(notebook):
        assert not [o for o in outputs if o.output_type == "error"]
        if "show(fig, " in cell.source:
            images = [o for o in outputs if "image/png" in o.get("data", {})]
            assert images, f"no image/png output in the cell:\n{cell.source[:300]}"
            figure = cell.source.split("show(fig, ")[1].split(")")[0].strip("\"'")
            drawn.add(figure)
    assert drawn == FIGURES[name]
    text = "".join(o.get("text", "") for _, outs in _outputs(notebook) for o in outs)
    assert "katas from" in text and str(ROOT / "solutions") in text
    assert seconds < 45, f"the notebook took {seconds:.1f} s"


@pytest.mark.parametrize("name", CAPSTONES)
def test_an_unfinished_step_names_the_kata_to_finish_not_a_traceback(name, tmp_path):
    """With the stub of one of its step katas in the tree, does the notebook stop at the
    cell that needs it with one line, and the script too?"""
    slug, earlier_figure = STEP[name]
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "solutions", tree)
    shutil.copy(ROOT / "exercises" / "capstones" / f"{slug}.py", tree / "capstones")
    notebook, _, error = _execute(name, tmp_path / "nb", str(tree))
    assert error is not None, "the notebook ran to the end with a stub in the tree"
    errors = [o for _, outs in _outputs(notebook) for o in outs if o.output_type == "error"]
    assert len(errors) == 1
    assert errors[0].traceback == [_unfinished(name)]
    shown = json.dumps([outs for _, outs in _outputs(notebook)])
    assert "Traceback" not in shown and "NotImplementedError" not in shown
    # the earlier steps ran: the figure drawn before the unfinished step is there
    drawn = [
        cell
        for cell, outputs in _outputs(notebook)
        if f'show(fig, "{earlier_figure}")' in cell.source
        and any("image/png" in o.get("data", {}) for o in outputs)
    ]
    assert drawn, f"the figure {earlier_figure!r} before the unfinished step is missing"

    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "mlkata.capstones", name, "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**_kernel_env(tmp_path / "script", str(tree)), "MPLBACKEND": "Agg"},
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.strip() == _unfinished(name)
    assert "Traceback" not in done.stdout + done.stderr


def _script(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mlkata.capstones", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("name", CAPSTONES)
def test_the_script_writes_the_figures_and_prints_the_numbers(name, tmp_path):
    """Does `python -m mlkata.capstones NAME --out DIR --tree solutions` write exactly its
    PNG files and print its decisive numbers?"""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLKATA_")}
    env.update(MPLBACKEND="Agg", MPLCONFIGDIR=str(tmp_path / "mpl"))
    start = time.perf_counter()
    done = _script(name, "--out", str(tmp_path / "figs"), "--tree", "solutions", env=env)
    seconds = time.perf_counter() - start
    assert done.returncode == 0, done.stderr
    written = {p.stem for p in (tmp_path / "figs").glob("*.png")}
    assert written == FIGURES[name]
    for path in (tmp_path / "figs").glob("*.png"):
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for words in PRINTED[name]:
        assert words in done.stdout
    assert seconds < 45


def test_an_unknown_capstone_is_one_line(tmp_path):
    """Is an unknown name one line on stderr, naming the known capstones?"""
    done = _script("nope", "--out", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"mlkata capstone: no capstone named 'nope' (known: {', '.join(CAPSTONES)})"
    ]


def test_a_missing_matplotlib_is_one_line(tmp_path):
    """Without matplotlib, is the error one line naming the extra to install?"""
    code = (
        "import sys; sys.modules['matplotlib'] = None\n"
        "from mlkata.capstones.__main__ import main\n"
        f"sys.exit(main(['fraud_threshold', '--out', {str(tmp_path)!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "mlkata capstone: matplotlib is not installed: pip install 'mlkata[capstones]'"
    )


@pytest.mark.parametrize("name", CAPSTONES)
def test_the_course_copy_speaks_of_the_students_notebooks_not_the_repository(name):
    """Does the copy `mlkata nbgrader build` puts in the course import nothing of mlkata
    and say nothing of exercises/ or `mlkata check` (a student of the course has
    neither), while keeping every other cell?"""
    from mlkata.capstones.contents import read_capstone
    from mlkata.teach.capstone import IN_THE_COURSE, course_notebook

    path = ROOT / "capstones" / f"{name}.ipynb"
    notebook = course_notebook(ROOT, read_capstone(path), path)
    original = nbformat.read(path, as_version=4)
    assert len(notebook.cells) == len(original.cells) + 1  # the locked given cell
    for cell in notebook.cells:
        assert "mlkata" not in cell.source and "exercises/" not in cell.source, cell.source
    assert sum(cell.source == IN_THE_COURSE for cell in notebook.cells) == 1
