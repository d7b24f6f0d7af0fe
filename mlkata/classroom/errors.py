"""The one error of class grading a teacher can fix: a bad argument or submission."""


class ClassGradingError(Exception):
    """Bad input to ``mlkata grade``; ``str(self)`` is one line (exit status 2)."""
