r"""Bias capstone: selection rate, true and false positive rates and accuracy per group.

Fairness metrics compress a model's behaviour into one gap; the table behind the gap
says which group is selected less, which one's deserving members are missed, and what
each group's accuracy is.
"""

from typing import NamedTuple

import numpy as np


class GroupRates(NamedTuple):
    groups: np.ndarray
    selection_rate: np.ndarray
    tpr: np.ndarray
    fpr: np.ndarray
    accuracy: np.ndarray


def group_rates(y_true, y_pred, group):
    r"""The selection rate, TPR, FPR and accuracy of each group.

    For each group g with members :math:`S_g = \{i : g_i = g\}`, positives
    :math:`P_g = \{i \in S_g : y_i = 1\}` and negatives
    :math:`N_g = \{i \in S_g : y_i = 0\}`:

    .. math::

        \text{selection}_g = \frac{\#\{i \in S_g : \hat y_i = 1\}}{|S_g|}, \qquad
        \mathrm{TPR}_g = \frac{\#\{i \in P_g : \hat y_i = 1\}}{|P_g|}, \qquad
        \mathrm{FPR}_g = \frac{\#\{i \in N_g : \hat y_i = 1\}}{|N_g|},

        \text{accuracy}_g = \frac{\#\{i \in S_g : \hat y_i = y_i\}}{|S_g|}.

    A group without positives has TPR ``nan``, one without negatives FPR ``nan`` (the
    rate is undefined, not 0). The gaps of ``evaluation/fairness`` are the ranges of
    these columns.

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
    GroupRates
        ``groups`` (the distinct groups, sorted as ``np.unique`` sorts them), then
        ``selection_rate``, ``tpr``, ``fpr`` and ``accuracy``: float arrays, one entry
        per group in the same order.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, or if a label or a
        prediction is not 0 or 1.

    Examples
    --------
    >>> y_true = [1, 1, 0, 0, 1, 0, 0, 0]
    >>> y_pred = [1, 0, 1, 0, 0, 0, 0, 1]
    >>> rates = group_rates(y_true, y_pred, ["SV"] * 4 + ["AK"] * 4)
    >>> rates.groups.tolist(), rates.selection_rate.tolist()
    (['AK', 'SV'], [0.25, 0.5])
    >>> rates.tpr.tolist(), rates.fpr.round(6).tolist(), rates.accuracy.tolist()
    ([0.0, 0.5], [0.333333, 0.5], [0.5, 0.5])
    """
    # TODO: write group_rates (the docstring above has the maths).
    raise NotImplementedError("group_rates is not implemented yet")
