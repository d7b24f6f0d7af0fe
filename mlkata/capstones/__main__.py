"""``python -m mlkata.capstones NAME --out DIR [--tree TREE]``: a capstone as a script.

Runs the code cells of ``capstones/NAME.ipynb`` in order (the notebook is the one
source), writes every figure as ``DIR/<figure>.png`` and prints the numbers. An unknown
name, a missing matplotlib or an unfinished step is one line and exit status 1 (2 for
usage errors).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mlkata import capstones
from mlkata.capstones.contents import code_cells
from mlkata.engine.layout import LayoutError


def run(name: str, out: Path, tree: str | None = None) -> None:
    """Execute the capstone's cells, writing its figures into ``out``."""
    import matplotlib

    matplotlib.use("Agg")
    out.mkdir(parents=True, exist_ok=True)
    if tree:
        os.environ[capstones.TREE_VARIABLE] = tree
    path = capstones.notebook_path(name)
    namespace: dict[str, object] = {"__name__": f"capstone_{name}"}
    capstones._output["dir"] = out
    try:
        for number, source in enumerate(code_cells(path), 1):
            exec(compile(source, f"{path.name}[cell {number}]", "exec"), namespace)
    finally:
        capstones._output["dir"] = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mlkata.capstones",
        description="Run a capstone as a script: its figures as PNG files, its numbers printed.",
    )
    parser.add_argument("name", help=f"the capstone: {', '.join(capstones.CAPSTONES)}")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument(
        "--tree",
        help="exercises (default, or $MLKATA_CAPSTONE_TREE), solutions, or a folder",
    )
    args = parser.parse_args(argv)
    prog = "mlkata capstone"
    if args.name not in capstones.CAPSTONES:
        known = ", ".join(capstones.CAPSTONES)
        print(f"{prog}: no capstone named {args.name!r} (known: {known})", file=sys.stderr)
        return 1
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print(
            f"{prog}: matplotlib is not installed: pip install 'mlkata[capstones]'",
            file=sys.stderr,
        )
        return 1
    try:
        run(args.name, args.out, args.tree)
    except capstones.StepNotDone as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except (LayoutError, FileNotFoundError) as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return 1
    figures = sorted(p.name for p in args.out.glob("*.png"))
    print(f"{prog}: wrote {', '.join(figures)} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
