"""mlkata: auto-graded katas for the mathematics behind machine learning."""

__version__ = "0.1.0"
