"""Mutants and variants of a kata (``from mlkata.mutation import Mutant, Variant``).

Its home is :mod:`mlkata.author.mutation`; files in tests/implementations/ import
this public name.
"""

from mlkata.author.mutation import EditError, Implementation, Mutant, Variant

__all__ = ["EditError", "Implementation", "Mutant", "Variant"]
