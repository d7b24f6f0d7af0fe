"""Adding a kata to curriculum.toml by editing its text, so that comments and layout stay.

The file is never re-dumped: the new ``[[kata]]`` table goes in as lines after the
table it follows (``--after``, else the last kata of its topic), and a new topic gets
a section comment at the end of the file and a title in ``[topics]``. The edited text
is parsed again and must hold the same katas plus the new one, in the place meant.
"""

from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

KATA_HEADER = re.compile(r"^\[\[kata\]\][ \t]*(#.*)?$")
TOPICS_HEADER = re.compile(r"^\[topics\][ \t]*(#.*)?$")
BOUNDARY = re.compile(r"^[\[#]")
"""A table header or a comment at the margin: where the table before it ends."""
SECTION_WIDTH = 79


class ManifestError(ValueError):
    """The entry cannot be placed; ``str(self)`` is one line saying what to do."""


def _table_end(lines: list[str], start: int) -> int:
    """The last line of the table whose header is line ``start`` (blank lines after it
    and the comments that introduce what follows are not part of it)."""
    end = start
    for number in range(start + 1, len(lines)):
        if BOUNDARY.match(lines[number]):
            break
        if lines[number].strip():
            end = number
    return end


def topic_title(topic: str) -> str:
    """The default title of a topic, as the curriculum shows one without a title."""
    return topic.replace("_", " ").capitalize()


def _section_comment(topic: str) -> str:
    head = f"# --- {topic} "
    return head + "-" * max(3, SECTION_WIDTH - len(head))


def _insert(lines: list[str], at: int, new: list[str]) -> list[str]:
    return lines[:at] + new + lines[at:]


def insert_kata(text: str, entry: str, topic: str, slug: str, after: str | None = None) -> str:
    """``text`` (curriculum.toml) with ``entry`` (a ``[[kata]]`` table) put in its place.

    After the kata ``after`` if given (it must be of the same topic), else after the
    last kata of ``topic``; a topic with no kata yet goes at the end of the file, with a
    section comment and a title in ``[topics]``.
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    data = tomllib.loads(text)
    entries = data.get("kata", [])
    lines = text.splitlines()
    headers = [n for n, line in enumerate(lines) if KATA_HEADER.match(line)]
    if len(headers) != len(entries):
        raise ManifestError(
            "curriculum.toml: cannot tell where each [[kata]] table is (inline or dotted "
            "tables?): add the entry by hand"
        )
    slugs = [e.get("slug") for e in entries]
    if after is not None:
        if after not in slugs:
            raise ManifestError(f"--after {after}: no such kata in curriculum.toml")
        index = slugs.index(after)
        if entries[index].get("topic") != topic:
            raise ManifestError(
                f"--after {after}: that kata is in topic `{entries[index].get('topic')}`, "
                f"not `{topic}`: name a kata of `{topic}`"
            )
    else:
        in_topic = [n for n, e in enumerate(entries) if e.get("topic") == topic]
        index = in_topic[-1] if in_topic else None
    block = entry.rstrip("\n").split("\n")
    section = next((n for n, line in enumerate(lines) if line.startswith(f"# --- {topic} ")), None)
    if index is not None:
        lines = _insert(lines, _table_end(lines, headers[index]) + 1, ["", *block])
        position = index + 1
    elif section is not None:
        # The topic's section is laid out already (its title in [topics] too): its first
        # kata goes right under the section comment.
        lines = _insert(lines, section + 1, ["", *block])
        position = sum(1 for h in headers if h < section)
    else:
        lines = _with_topic_title(lines, topic)
        while lines and not lines[-1].strip():
            lines.pop()
        lines += ["", _section_comment(topic), "", *block]
        position = len(entries)
    edited = newline.join(lines) + newline
    _verify(edited, entries, position, slug)
    return edited


def _with_topic_title(lines: list[str], topic: str) -> list[str]:
    """``lines`` with ``topic = "Title"`` at the end of the ``[topics]`` table, if any."""
    header = next((n for n, line in enumerate(lines) if TOPICS_HEADER.match(line)), None)
    if header is None:
        return lines
    title = topic_title(topic).replace("\\", "\\\\").replace('"', '\\"')
    return _insert(lines, _table_end(lines, header) + 1, [f'{topic} = "{title}"'])


def _verify(edited: str, before: list[dict], position: int, slug: str) -> None:
    """The edited text holds the katas it held, and the new one at ``position``."""
    try:
        after = tomllib.loads(edited).get("kata", [])
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(
            f"curriculum.toml would not be valid TOML after the edit ({exc}): add the entry by hand"
        ) from None
    if after[:position] + after[position + 1 :] != before or after[position].get("slug") != slug:
        raise ManifestError(
            "curriculum.toml: the entry did not land where it should: add it by hand"
        )
