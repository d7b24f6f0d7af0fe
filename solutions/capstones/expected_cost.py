r"""Fraud capstone: the expected cost of a blocking threshold.

A threshold is a business decision: each missed fraud and each blocked customer costs
money, and the two costs are rarely equal. Averaging them over the transactions turns
"0.8 or 0.9?" into a comparison of two numbers.
"""

import math

import numpy as np


def expected_cost(y_true, scores, t, cost_fn, cost_fp):
    r"""Mean cost per transaction of blocking every transaction scored at or above t.

    A fraud with :math:`s_i < t` goes through (a false negative, cost :math:`c_{FN}`);
    a legitimate transaction with :math:`s_i \ge t` is blocked (a false positive, cost
    :math:`c_{FP}`); the other decisions cost nothing. Over the n transactions,

    .. math::

        C(t) = \frac{1}{n} \Bigl( c_{FN}\, \#\{i : y_i = 1,\ s_i < t\}
            + c_{FP}\, \#\{i : y_i = 0,\ s_i \ge t\} \Bigr).

    :math:`t = +\infty` blocks nothing (:math:`C = c_{FN} \times` the fraud rate),
    :math:`t = -\infty` blocks everything.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Labels in {0, 1} (1 = fraud).
    scores : array_like, shape (n,)
        Finite scores, higher meaning more suspicious.
    t : float
        The threshold (any number, or ±inf; not nan).
    cost_fn : float
        The cost :math:`c_{FN} \ge 0` of a missed fraud.
    cost_fp : float
        The cost :math:`c_{FP} \ge 0` of a blocked legitimate transaction.

    Returns
    -------
    float
        :math:`C(t)`, in the costs' unit per transaction.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1, if a score is not finite, if t is nan, or if a cost is negative or not
        finite.

    Examples
    --------
    Frauds at 0.9 and 0.5, customers at 0.8, 0.3, 0.1; blocking at 0.8 blocks the
    customer at 0.8 (cost 5) and misses the fraud at 0.5 (cost 100):

    >>> expected_cost([1, 0, 1, 0, 0], [0.9, 0.8, 0.5, 0.3, 0.1], 0.8, 100.0, 5.0)
    21.0
    >>> expected_cost([1, 0, 1, 0, 0], [0.9, 0.8, 0.5, 0.3, 0.1], 0.5, 100.0, 5.0)
    1.0
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
    if math.isnan(t):
        raise ValueError("t is nan")
    for name, cost in (("cost_fn", cost_fn), ("cost_fp", cost_fp)):
        if not (math.isfinite(cost) and cost >= 0):
            raise ValueError(f"{name} must be a finite number >= 0, got {cost!r}")
    blocked = s >= t
    missed = np.count_nonzero((y == 1) & ~blocked)
    false_alarms = np.count_nonzero((y == 0) & blocked)
    return float((cost_fn * missed + cost_fp * false_alarms) / y.size)
    # END SOLUTION
