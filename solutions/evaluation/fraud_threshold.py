r"""Choosing an alert threshold for a target precision.

A fraud team can only investigate so many false alarms: it asks for alerts that are
right at least, say, 90% of the time, and wants to catch as much fraud as it can under
that constraint, so the lowest threshold that still meets the precision target.
"""

import numpy as np


def threshold_for_precision(y_true, scores, target):
    r"""The smallest observed score whose alerts reach a target precision.

    Flagging every sample with score :math:`s_i \ge t` has precision

    .. math::

        \mathrm{prec}(t) = \frac{\#\{i : s_i \ge t,\ y_i = 1\}}{\#\{i : s_i \ge t\}},
        \qquad
        t^\ast = \min \{ t \in \{s_1, \dots, s_n\} : \mathrm{prec}(t) \ge \text{target} \}

    and :math:`t^\ast = +\infty` (flag nothing) when no observed score qualifies.
    Precision is not monotone in t, so every observed score is a candidate; tied
    scores are flagged together.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Labels in {0, 1} (1 = fraud).
    scores : array_like, shape (n,)
        Finite scores, higher meaning more suspicious.
    target : float
        The precision asked for, 0 < target <= 1.

    Returns
    -------
    float
        The threshold :math:`t^\ast` (one of the scores), or ``inf``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1, if a score is not finite, or if target is not in (0, 1].

    Examples
    --------
    >>> y, s = [1, 0, 1, 0, 0, 0], [0.9, 0.8, 0.7, 0.3, 0.2, 0.1]
    >>> threshold_for_precision(y, s, 0.5), threshold_for_precision(y, s, 0.6)
    (0.3, 0.7)
    >>> threshold_for_precision([0, 1, 1], [0.9, 0.5, 0.4], 0.6)  # 2/3 at 0.4, 1/2 at 0.5
    0.4
    >>> threshold_for_precision([1, 0], [0.2, 0.9], 1.0)
    inf
    """
    # BEGIN SOLUTION
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    if y.ndim != 1 or s.ndim != 1:
        raise ValueError(f"y_true and scores must be 1-D, got shapes {y.shape}, {s.shape}")
    if y.size == 0:
        raise ValueError("y_true is empty")
    if y.shape != s.shape:
        raise ValueError(f"y_true and scores differ in length: {y.size}, {s.size}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if not np.all(np.isfinite(s)):
        raise ValueError("scores must be finite")
    if not 0 < target <= 1:
        raise ValueError(f"target must lie in (0, 1], got {target}")
    order = np.argsort(-s, kind="stable")
    s_desc, y_desc = s[order], y[order].astype(float)
    flagged = np.arange(1, s.size + 1)
    caught = np.cumsum(y_desc)
    # a threshold at a score flags every copy of it: keep the last of each tied run
    last_of_run = np.r_[s_desc[1:] != s_desc[:-1], True]
    precision = caught[last_of_run] / flagged[last_of_run]
    thresholds = s_desc[last_of_run]
    ok = precision >= target
    return float(thresholds[ok].min()) if np.any(ok) else float("inf")
    # END SOLUTION
