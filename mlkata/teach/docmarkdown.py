r"""Numpydoc docstrings as Jupyter Markdown, with their maths as LaTeX for MathJax.

Handles what kata docstrings use: prose with ``literal`` text and :math:`inline`
maths, ``.. math::`` blocks (each equation, separated by a blank line, becomes its own
``$$`` display), and the numpydoc sections (Parameters, Returns, Raises, Examples, and
any other as prose).
"""

from __future__ import annotations

import inspect
import re

_ROLE = re.compile(r":math:`([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")
_UNDERLINE = re.compile(r"^\s*-{3,}\s*$")
_MATH = re.compile(r"^(?P<indent>\s*)\.\. math::\s*(?P<inline>.*)$")
_LIST_SECTIONS = {"Parameters", "Returns", "Yields", "Raises", "Warns", "Attributes"}


def inline(text: str) -> str:
    """Inline markup: ``:math:`x``` becomes ``$x$`` and double backquotes single ones."""
    text = _ROLE.sub(lambda m: f"${' '.join(m.group(1).split())}$", text)
    return _LITERAL.sub(lambda m: f"`{m.group(1)}`", text)


def _display(lines: list[str]) -> list[str]:
    """A ``.. math::`` body: one ``$$`` display per blank-line-separated equation."""
    out: list[str] = []
    equation: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            equation.append(line.strip())
        elif equation:
            if any("&" in e or "\\\\" in e for e in equation):
                # As Sphinx does: alignment and line breaks need an environment.
                equation = ["\\begin{aligned}", *equation, "\\end{aligned}"]
            out += ["", "$$", *equation, "$$", ""]
            equation = []
    return out


def _prose(lines: list[str]) -> list[str]:
    """Paragraphs with inline markup and ``.. math::`` blocks."""
    out: list[str] = []
    text: list[str] = []  # prose lines, marked up together (a role may span lines)

    def flush() -> None:
        if text:
            out.extend(inline("\n".join(text)).split("\n"))
            text.clear()

    i = 0
    while i < len(lines):
        match = _MATH.match(lines[i])
        if not match:
            text.append(lines[i].strip())
            i += 1
            continue
        flush()
        indent = len(match["indent"])
        body = [match["inline"]] if match["inline"].strip() else []
        i += 1
        while i < len(lines) and (
            not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent
        ):
            body.append(lines[i])
            i += 1
        out += _display(body)
    flush()
    return out


def _sections(doc: str) -> list[tuple[str, list[str]]]:
    """``[(title, lines), ...]``; the text before the first section has title ''."""
    lines = inspect.cleandoc(doc).splitlines()
    sections: list[tuple[str, list[str]]] = [("", [])]
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i].strip() and _UNDERLINE.match(lines[i + 1]):
            sections.append((lines[i].strip(), []))
            i += 2
            continue
        sections[-1][1].append(lines[i])
        i += 1
    return sections


def _entries(lines: list[str]) -> list[str]:
    """A Parameters-like section as a bullet list: ``name : type`` then a description."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        if not line.startswith((" ", "\t")):
            name, colon, kind = line.partition(" : ")
            if colon:
                out.append(f"- `{name.strip()}` ({kind.strip()}):")
            else:
                out.append(f"- {line.strip()}:")
        elif out:
            out[-1] += " " + line.strip()
    return [inline(entry) for entry in out]


def _examples(lines: list[str]) -> list[str]:
    body = [line.rstrip() for line in lines]
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    return ["```python", *body, "```"] if body else []


def _tidy(lines: list[str]) -> str:
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def docstring_markdown(doc: str, heading_level: int = 3) -> str:
    """A numpydoc docstring as Markdown (section titles at ``heading_level``)."""
    out: list[str] = []
    hashes = "#" * heading_level
    for title, lines in _sections(doc):
        if not title:
            out += _prose(lines)
            continue
        out += ["", f"{hashes} {title}", ""]
        if title in _LIST_SECTIONS:
            out += _entries(lines)
        elif title == "Examples":
            out += _examples(lines)
        else:
            out += _prose(lines)
        out.append("")
    return _tidy(out)


def prose_markdown(doc: str) -> str:
    """A module docstring (prose and maths, no sections) as Markdown."""
    return _tidy(_prose(inspect.cleandoc(doc).splitlines()))


def examples_of(doc: str) -> str:
    """The doctest text of a docstring's Examples section ('' if it has none)."""
    for title, lines in _sections(doc):
        if title == "Examples":
            return "\n".join(_examples(lines)[1:-1])
    return ""
