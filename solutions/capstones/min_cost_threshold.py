r"""Fraud capstone: the threshold of least expected cost.

Instead of asking whether 0.8 beats 0.9, try every threshold that changes a decision and
keep the cheapest. For calibrated probabilities decision theory predicts the answer,
c_FP / (c_FP + c_FN); on real scores it is found by a sweep in O(n log n).
"""

from typing import NamedTuple

import numpy as np


class MinCost(NamedTuple):
    threshold: float
    cost: float


def min_cost_threshold(y_true, scores, cost_fn, cost_fp):
    r"""The blocking threshold, among the observed scores and :math:`+\infty`, of least
    expected cost.

    Blocking the transactions with :math:`s_i \ge t` costs, per transaction (as in
    ``expected_cost``),

    .. math::

        C(t) = \frac{1}{n} \Bigl( c_{FN}\, \#\{i : y_i = 1,\ s_i < t\}
            + c_{FP}\, \#\{i : y_i = 0,\ s_i \ge t\} \Bigr),

    a step function that only changes where t crosses a score. So the candidates are
    the distinct scores and :math:`+\infty` (block nothing), and

    .. math::

        t^\ast = \max \operatorname*{arg\,min}_{t \in \{s_1, \dots, s_n, +\infty\}} C(t):

    among thresholds of equal cost, the largest (the one that blocks fewest customers).
    Tied scores are blocked together. When the scores are calibrated probabilities,
    :math:`t^\ast` approaches the Bayes threshold :math:`c_{FP} / (c_{FP} + c_{FN})`
    as n grows.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Labels in {0, 1} (1 = fraud).
    scores : array_like, shape (n,)
        Finite scores, higher meaning more suspicious.
    cost_fn : float
        The cost :math:`c_{FN} \ge 0` of a missed fraud.
    cost_fp : float
        The cost :math:`c_{FP} \ge 0` of a blocked legitimate transaction.

    Returns
    -------
    MinCost
        ``threshold`` :math:`t^\ast` (one of the scores, or ``inf``) and ``cost``
        :math:`C(t^\ast)` (floats).

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1, if a score is not finite, or if a cost is negative or not finite.

    Examples
    --------
    >>> y, s = [1, 0, 1, 0, 0], [0.9, 0.8, 0.5, 0.3, 0.1]
    >>> min_cost_threshold(y, s, 100.0, 5.0)  # block 0.5 and up: one customer, 5 / 5
    MinCost(threshold=0.5, cost=1.0)
    >>> min_cost_threshold(y, s, 1.0, 5.0)  # a customer costs more: block only the top
    MinCost(threshold=0.9, cost=0.2)
    >>> min_cost_threshold([0, 1], [0.9, 0.1], 1.0, 1.0)  # inf costs 1/2, as 0.1 does
    MinCost(threshold=inf, cost=0.5)
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
    for name, cost in (("cost_fn", cost_fn), ("cost_fp", cost_fp)):
        if not (np.isfinite(cost) and cost >= 0):
            raise ValueError(f"{name} must be a finite number >= 0, got {cost!r}")
    distinct, run = np.unique(s, return_inverse=True)  # ascending
    frauds_at = np.bincount(run, weights=(y == 1), minlength=distinct.size)
    customers_at = np.bincount(run, weights=(y == 0), minlength=distinct.size)
    # blocking at distinct[k] blocks every run from k up: suffix sums
    frauds_blocked = np.cumsum(frauds_at[::-1])[::-1]
    customers_blocked = np.cumsum(customers_at[::-1])[::-1]
    frauds = frauds_at.sum()
    total = cost_fn * (frauds - frauds_blocked) + cost_fp * customers_blocked
    thresholds = np.append(distinct, np.inf)
    total = np.append(total, cost_fn * frauds)  # t = inf blocks nothing
    best = np.flatnonzero(total == total.min())[-1]  # the largest of equal cost
    return MinCost(float(thresholds[best]), float(total[best] / y.size))
    # END SOLUTION
