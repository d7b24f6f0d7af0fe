"""For learners and self-studiers: the commands behind ``mlkata list/check/watch/hint/
progress/next/reset/report`` and what they show."""
