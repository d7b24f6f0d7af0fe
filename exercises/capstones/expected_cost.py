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
    # TODO: write expected_cost (the docstring above has the maths).
    raise NotImplementedError("expected_cost is not implemented yet")
