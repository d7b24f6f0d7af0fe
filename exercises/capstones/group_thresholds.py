r"""Bias capstone: one threshold per group, each meeting a target rate.

The simplest post-processing mitigation of a biased score: instead of one threshold for
everyone, give each group the highest threshold at which it reaches the same rate of
selection (demographic parity) or, among those who deserve it, the same true positive
rate (equal opportunity).
"""

from typing import NamedTuple

import numpy as np


class GroupThresholds(NamedTuple):
    groups: np.ndarray
    thresholds: np.ndarray


def group_thresholds(scores, group, target_rate, y_true=None):
    r"""Per group, the highest threshold whose rate of selection reaches ``target_rate``.

    A sample is selected when its score is at least its group's threshold. For a group
    g let :math:`M_g` be its members (given ``y_true``: its members with
    :math:`y_i = 1`, so that the rate is the group's true positive rate) and
    :math:`m_g = |M_g|`. Its threshold is the largest candidate, among the scores of
    :math:`M_g` and :math:`+\infty`, that selects at least a fraction r of :math:`M_g`:

    .. math::

        t_g = \max \Bigl\{ t \in \{ s_i : i \in M_g \} \cup \{+\infty\} :
            \frac{\#\{ i \in M_g : s_i \ge t \}}{m_g} \ge r \Bigr\}.

    Equivalently :math:`t_g` is the k-th largest score of :math:`M_g`, with k the
    smallest integer such that :math:`k / m_g \ge r` (the division in floating point),
    and :math:`+\infty` when r = 0 (k = 0). Tied scores are selected together, so the
    rate may exceed r.

    Parameters
    ----------
    scores : array_like, shape (n,)
        Finite scores, higher meaning more deserving of selection.
    group : array_like, shape (n,)
        The group of each sample (any labels: integers, strings).
    target_rate : float
        The rate r to reach in every group, 0 <= r <= 1.
    y_true : array_like of int, shape (n,), optional
        Labels in {0, 1}. If given, the rate is measured among each group's positives
        (equal opportunity) and every group needs at least one positive.

    Returns
    -------
    GroupThresholds
        ``groups`` (the distinct groups, sorted as ``np.unique`` sorts them) and
        ``thresholds`` (float array, one :math:`t_g` per group, in the same order).

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a score is not
        finite, if target_rate is not in [0, 1], if a label is not 0 or 1, or if, given
        y_true, a group has no positive.

    Examples
    --------
    >>> s = [0.9, 0.4, 0.7, 0.2, 0.6, 0.3]
    >>> g = ["SV", "SV", "SV", "AK", "AK", "AK"]
    >>> groups, t = group_thresholds(s, g, 0.5)  # select 2 of 3 in each region
    >>> groups.tolist(), t.tolist()
    (['AK', 'SV'], [0.3, 0.7])
    >>> y = [1, 0, 1, 1, 1, 0]  # SV repayers score 0.9, 0.7; AK repayers 0.2, 0.6
    >>> group_thresholds(s, g, 0.5, y_true=y).thresholds.tolist()
    [0.6, 0.9]
    >>> group_thresholds(s, g, 0.0).thresholds.tolist()  # select nobody
    [inf, inf]
    """
    # TODO: write group_thresholds (the docstring above has the maths).
    raise NotImplementedError("group_thresholds is not implemented yet")
