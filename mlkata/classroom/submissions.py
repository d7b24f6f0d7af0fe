"""The students' submissions: one folder or ``.zip`` per student, read safely.

A submission is laid out like ``exercises/`` (``<topic>/<slug>.py``, any subset of the
katas); a zip may hold it at its root or inside one top folder. Only kata files are
read, as bytes: nothing of a zip is ever extracted by name, so a ``../`` path, an
absolute path or a symlink in it cannot write anywhere (such a zip is refused), and a
symlink in a folder is never followed.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mlkata.classroom.errors import ClassGradingError
from mlkata.engine.layout import kata_path

MAX_FILE_BYTES = 1024 * 1024
"""A kata file larger than this is not a solution (read no further)."""


@dataclass(frozen=True)
class Submission:
    """One student's kata files: ``topic/slug.py`` -> source bytes."""

    student: str
    files: dict[str, bytes]

    def digest(self, topic: str, slug: str) -> str | None:
        """The content hash of one kata's file, None when it was not handed in."""
        data = self.files.get(kata_path(topic, slug))
        return None if data is None else hashlib.sha256(data).hexdigest()


def find_submissions(folder: Path, wanted: set[str]) -> list[Submission]:
    """Every student's submission in ``folder``, by student id, keeping only ``wanted``
    kata paths. Raises :class:`ClassGradingError` for any bad entry."""
    if not folder.is_dir():
        raise ClassGradingError(f"{folder}: no such folder of submissions")
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    submissions = []
    for entry in entries:
        if entry.is_symlink():
            raise ClassGradingError(f"{entry}: a symlink, not a submission")
        if entry.is_dir():
            submissions.append(Submission(entry.name, _folder_files(entry, wanted)))
        elif entry.suffix == ".zip":
            submissions.append(Submission(entry.stem, _zip_files(entry, wanted)))
    if not submissions:
        raise ClassGradingError(f"{folder}: no submission in it (a folder or .zip per student)")
    return submissions


def _folder_files(folder: Path, wanted: set[str]) -> dict[str, bytes]:
    files = {}
    for name in sorted(wanted):
        path = folder / name
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            raise ClassGradingError(f"{path}: not a regular file (a symlink?)")
        if info.st_size > MAX_FILE_BYTES:
            raise ClassGradingError(f"{path}: larger than {MAX_FILE_BYTES // 1024} KB")
        files[name] = path.read_bytes()
    return files


def _zip_files(path: Path, wanted: set[str]) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = [_safe_name(path, m) for m in members]
            prefix = _top_folder(names)
            files = {}
            for member, name in zip(members, names, strict=True):
                relative = name[len(prefix) :]
                if member.is_dir() or relative not in wanted:
                    continue
                if member.file_size > MAX_FILE_BYTES:
                    raise ClassGradingError(f"{path}: {name} is larger than 1 MB")
                files[relative] = archive.read(member)
            return files
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise ClassGradingError(f"{path}: not a readable zip ({exc})") from None


def _safe_name(path: Path, member: zipfile.ZipInfo) -> str:
    """The member's name, refused if it could point outside the submission."""
    name = member.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or (parts and ":" in parts[0]) or ".." in parts:
        raise ClassGradingError(f"{path}: {member.filename!r} points outside the submission")
    if stat.S_ISLNK(member.external_attr >> 16):
        raise ClassGradingError(f"{path}: {member.filename!r} is a symlink")
    return name


def _top_folder(names: list[str]) -> str:
    """``top/`` when every file is inside one top folder, else ''."""
    files = [n for n in names if not n.endswith("/")]
    tops = {n.split("/", 1)[0] for n in files}
    if len(tops) == 1 and all("/" in n for n in files):
        top = tops.pop()
        inner = [n.split("/", 1)[1] for n in files]
        if all("/" in n for n in inner):  # top/<topic>/<slug>.py, not <topic>/<slug>.py
            return top + "/"
    return ""


def write_tree(files: dict[str, bytes], tree: Path) -> Path:
    """Write a submission's kata files under ``tree`` (a fresh folder); ``tree``."""
    for name, data in files.items():
        target = tree / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return tree
