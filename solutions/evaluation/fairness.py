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
    # BEGIN SOLUTION
    y_pred, group = np.asarray(y_pred), np.asarray(group)
    if y_pred.ndim != 1 or group.ndim != 1:
        raise ValueError(f"inputs must be 1-D, got shapes {y_pred.shape}, {group.shape}")
    if y_pred.size == 0:
        raise ValueError("y_pred is empty")
    if y_pred.shape != group.shape:
        raise ValueError(f"y_pred and group differ in length: {y_pred.size}, {group.size}")
    if not np.all((y_pred == 0) | (y_pred == 1)):
        raise ValueError("predictions must be 0 or 1")
    rates = [float(np.mean(y_pred[group == g])) for g in np.unique(group)]
    return max(rates) - min(rates)
    # END SOLUTION


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
    # BEGIN SOLUTION
    y_true, y_pred, group = np.asarray(y_true), np.asarray(y_pred), np.asarray(group)
    if y_true.ndim != 1 or y_pred.ndim != 1 or group.ndim != 1:
        raise ValueError("y_true, y_pred and group must be 1-D")
    if y_true.size == 0:
        raise ValueError("y_true is empty")
    if not y_true.shape == y_pred.shape == group.shape:
        raise ValueError("y_true, y_pred and group differ in length")
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if not np.all((y == 0) | (y == 1)):
            raise ValueError(f"{name} must hold 0 or 1")
    tpr, fpr = [], []
    for g in np.unique(group):
        in_g = group == g
        positives, negatives = in_g & (y_true == 1), in_g & (y_true == 0)
        if not positives.any() or not negatives.any():
            raise ValueError(f"group {g!r} has no positives or no negatives: TPR/FPR undefined")
        tpr.append(float(np.mean(y_pred[positives])))
        fpr.append(float(np.mean(y_pred[negatives])))
    return max(max(tpr) - min(tpr), max(fpr) - min(fpr))
    # END SOLUTION
