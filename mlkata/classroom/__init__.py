"""Class-scale grading (``mlkata grade``): every student's katas, sandboxed, resumable."""
