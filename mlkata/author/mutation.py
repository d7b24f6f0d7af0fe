"""Other implementations of a kata, for testing its grader from both sides.

A *mutant* is the reference solution with one known mistake put in: its grader must
fail it, and where ``message`` is given, name the mistake. A *variant* is another
correct implementation (another algorithm, another sign convention): its grader must
pass it. Both are written as edits of the solution file, so they follow it when it
changes, and an edit that no longer applies fails loudly instead of testing nothing.

They live in ``tests/implementations/<topic>/<slug>.py`` as ``MUTANTS`` and
``VARIANTS`` lists.
"""

from __future__ import annotations

from dataclasses import dataclass


class EditError(ValueError):
    """An edit whose text is not found exactly once in the solution."""


@dataclass(frozen=True)
class Implementation:
    """An edit of a solution: text replacements, then code appended at the end.

    ``replace`` pairs ``(old, new)`` must each match exactly once. ``append`` usually
    redefines a function wholesale, which then shadows the reference's.
    """

    name: str
    description: str
    replace: tuple[tuple[str, str], ...] = ()
    append: str = ""
    message: str = ""

    def apply(self, source: str) -> str:
        for old, new in self.replace:
            count = source.count(old)
            if count != 1:
                raise EditError(f"{self.name}: {old!r} occurs {count} times in the solution")
            source = source.replace(old, new)
        if self.append:
            source = source.rstrip("\n") + "\n\n\n" + self.append.strip("\n") + "\n"
        if source.count("\n") and not self.replace and not self.append:
            raise EditError(f"{self.name}: changes nothing")
        return source


def Mutant(name: str, mistake: str, *, replace=(), append: str = "", message: str = ""):
    """A wrong implementation the grader must reject (see :class:`Implementation`)."""
    return Implementation(name, mistake, tuple(replace), append, message)


def Variant(name: str, description: str, *, replace=(), append: str = ""):
    """A correct implementation the grader must accept (see :class:`Implementation`)."""
    return Implementation(name, description, tuple(replace), append)
