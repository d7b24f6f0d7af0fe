r"""Group fairness metrics: demographic parity and equalized odds.

Two common ways to ask whether a classifier treats groups alike: does it flag each
group at the same rate (demographic parity), and does it make the same kinds of errors
in each group, equal true and false positive rates (equalized odds)?
"""

import numpy as np


def demographic_parity_difference(y_pred, group):
    r"""Largest gap across groups in the rate of positive predictions.

    .. math::

        \mathrm{DPD} = \max_g P(\hat y = 1 \mid G = g) - \min_g P(\hat y = 1 \mid G = g),
        \qquad P(\hat y = 1 \mid G = g) = \frac{\#\{i : g_i = g,\ \hat y_i = 1\}}
                                              {\#\{i : g_i = g\}}

    over the groups that occur; one group gives 0.

    Parameters
    ----------
    y_pred : array_like of int, shape (n,)
        Predicted labels in {0, 1}.
    group : array_like, shape (n,)
        The group of each sample (any labels: integers, strings).

    Returns
    -------
    float
        The difference, in [0, 1].

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, or if a prediction is
        not 0 or 1.

    Examples
    --------
    >>> round(demographic_parity_difference([1, 1, 0, 1, 0, 0], ["a", "a", "a", "b", "b", "b"]), 6)
    0.333333
    """
    # TODO: write demographic_parity_difference (the docstring above has the maths).
    raise NotImplementedError("demographic_parity_difference is not implemented yet")


def equalized_odds_difference(y_true, y_pred, group):
    r"""The larger of the across-group gaps in true and false positive rates.

    For each group g, :math:`\mathrm{TPR}_g = P(\hat y = 1 \mid y = 1, G = g)` and
    :math:`\mathrm{FPR}_g = P(\hat y = 1 \mid y = 0, G = g)`;

    .. math::

        \mathrm{EOD} = \max\left( \max_g \mathrm{TPR}_g - \min_g \mathrm{TPR}_g,\;
                                  \max_g \mathrm{FPR}_g - \min_g \mathrm{FPR}_g \right)

    One group gives 0; every group needs both positives and negatives.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        True labels in {0, 1}.
    y_pred : array_like of int, shape (n,)
        Predicted labels in {0, 1}.
    group : array_like, shape (n,)
        The group of each sample (any labels: integers, strings).

    Returns
    -------
    float
        The difference, in [0, 1].

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1, or if a group has no positives or no negatives (its TPR or FPR is
        undefined).

    Examples
    --------
    >>> y_true = [1, 1, 0, 0, 1, 1, 0, 0]
    >>> y_pred = [1, 1, 1, 0, 1, 0, 0, 0]  # TPR 1 and 1/2, FPR 1/2 and 0
    >>> equalized_odds_difference(y_true, y_pred, [0, 0, 0, 0, 1, 1, 1, 1])
    0.5
    >>> y_pred = [1, 1, 0, 0, 1, 0, 0, 0]  # TPR 1 and 1/2, FPR 0 and 0
    >>> equalized_odds_difference(y_true, y_pred, [0, 0, 0, 0, 1, 1, 1, 1])
    0.5
    """
    # TODO: write equalized_odds_difference (the docstring above has the maths).
    raise NotImplementedError("equalized_odds_difference is not implemented yet")
