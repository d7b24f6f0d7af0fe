"""The hidden tests of nbgrader notebooks (``import mlkata.notebook``).

Its home is :mod:`mlkata.teach.notebook`; built notebooks import this public name.
"""

from mlkata.teach.notebook import ChecksFailed, check, register

__all__ = ["ChecksFailed", "check", "register"]
