"""The repository's promises to a newcomer: the README's commands and the layout."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    quick_start = (ROOT / "README.md").read_text(encoding="utf-8").split("## Quick start")[1]
    quick_start = quick_start.split("\n## ")[0]
    return re.findall(r"```bash\n(.*?)\n```", quick_start, flags=re.S)


def test_quick_start_has_exactly_two_commands():
    """Does the quick start give one learner command and one test command?"""
    commands = readme_commands()
    assert len(commands) == 2 and all("\n" not in c for c in commands), commands
    assert commands[0].endswith("nox -s student")


def test_ci_runs_the_readme_test_command_verbatim():
    """Is the README's test command the very line .ci/run executes, after nothing but
    installing the packages some tests need (headless browser, bubblewrap)?"""
    ci_lines = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line and not line.strip().startswith(("#", "set ", "cd "))
    ]
    assert ci_lines[-1] == readme_commands()[1]
    setup = ci_lines[:-1]
    blocks: list[list[str]] = []
    for line in setup:
        if line.startswith("if ! command -v ") and (not blocks or blocks[-1][-1] == "fi"):
            blocks.append([line])
        else:
            assert blocks, setup
            blocks[-1].append(line)
    allowed = ("if ! command -v chromium-headless-shell", "if ! command -v bwrap")
    for block in blocks:
        assert block[0].startswith(allowed) and block[-1] == "fi", block
        assert all("apt-get" in line or line == "fi" or line.startswith("if ") for line in block)


def test_top_level_layout():
    """Are the folders and files the design promises all there?"""
    for name in (
        "exercises",
        "solutions",
        "graders",
        "tests",
        "noxfile.py",
        "README.md",
        "pyproject.toml",
        "curriculum.toml",
    ):
        assert (ROOT / name).exists(), name
