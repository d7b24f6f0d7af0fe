r"""Reliability diagrams and the expected calibration error.

A classifier is calibrated when, among the samples it gives probability about 0.7,
about 70% are positive. Binning the predicted probabilities and comparing each bin's
mean prediction with its rate of positives shows (and measures) how far off it is.
"""

from typing import NamedTuple

import numpy as np


class Curve(NamedTuple):
    prob_true: np.ndarray
    prob_pred: np.ndarray
    counts: np.ndarray


def calibration_curve(y_true, p, n_bins=10):
    r"""Rate of positives and mean prediction in each bin of predicted probability.

    Bin b, for b = 0 .. B - 1 with edges :math:`e_b = b / B` (``np.linspace(0, 1, B + 1)``),
    is :math:`[e_b, e_{b+1})`, except the last one, :math:`[e_{B-1}, 1]`. For each
    non-empty bin :math:`S_b`:

    .. math::

        \text{prob\_true}_b = \frac{1}{|S_b|} \sum_{i \in S_b} y_i, \qquad
        \text{prob\_pred}_b = \frac{1}{|S_b|} \sum_{i \in S_b} p_i, \qquad
        \text{counts}_b = |S_b|

    Empty bins are left out, so the arrays may be shorter than B.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Labels in {0, 1}.
    p : array_like, shape (n,)
        Predicted probabilities of label 1, in [0, 1].
    n_bins : int, optional
        The number of equal-width bins B >= 1.

    Returns
    -------
    Curve
        ``prob_true``, ``prob_pred`` (float arrays) and ``counts`` (int array), one
        entry per non-empty bin, in increasing order of the bins.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1, if a probability is outside [0, 1], or if n_bins is not a positive integer.

    Examples
    --------
    >>> curve = calibration_curve([0, 0, 1, 1, 1], [0.1, 0.3, 0.5, 0.6, 1.0], n_bins=2)
    >>> curve.prob_true.round(6).tolist(), curve.prob_pred.round(6).tolist()
    ([0.0, 1.0], [0.2, 0.7])
    >>> curve.counts.tolist()
    [2, 3]
    """
    # BEGIN SOLUTION
    if isinstance(n_bins, bool) or int(n_bins) != n_bins or n_bins < 1:
        raise ValueError(f"n_bins must be a positive integer, got {n_bins!r}")
    n_bins = int(n_bins)
    y = np.asarray(y_true)
    p = np.asarray(p, dtype=float)
    if y.ndim != 1 or p.ndim != 1:
        raise ValueError(f"y_true and p must be 1-D, got shapes {y.shape}, {p.shape}")
    if y.size == 0:
        raise ValueError("y_true is empty")
    if y.shape != p.shape:
        raise ValueError(f"y_true and p differ in length: {y.size}, {p.size}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if not np.all((p >= 0) & (p <= 1)):
        raise ValueError("probabilities must lie in [0, 1]")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    # side="right": p equal to an inner edge goes to the bin that starts there;
    # p = 1 would land in bin B, and belongs to the last one, B - 1
    index = np.minimum(np.searchsorted(edges, p, side="right") - 1, n_bins - 1)
    counts = np.bincount(index, minlength=n_bins)
    sum_true = np.bincount(index, weights=y.astype(float), minlength=n_bins)
    sum_pred = np.bincount(index, weights=p, minlength=n_bins)
    used = counts > 0
    return Curve(sum_true[used] / counts[used], sum_pred[used] / counts[used], counts[used])
    # END SOLUTION


def expected_calibration_error(y_true, p, n_bins=10):
    r"""Expected calibration error: the mean gap between confidence and accuracy.

    With the bins of :func:`calibration_curve` and n samples,

    .. math::

        \mathrm{ECE} = \sum_{b : |S_b| > 0} \frac{|S_b|}{n}
            \left| \text{prob\_true}_b - \text{prob\_pred}_b \right|

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Labels in {0, 1}.
    p : array_like, shape (n,)
        Predicted probabilities of label 1, in [0, 1].
    n_bins : int, optional
        The number of equal-width bins B >= 1.

    Returns
    -------
    float
        The ECE, in [0, 1].

    Raises
    ------
    ValueError
        As :func:`calibration_curve`.

    Examples
    --------
    >>> round(expected_calibration_error([0, 0, 1, 1, 1], [0.1, 0.3, 0.5, 0.6, 1.0], 2), 6)
    0.26
    """
    # BEGIN SOLUTION
    prob_true, prob_pred, counts = calibration_curve(y_true, p, n_bins)
    return float(np.sum(counts * np.abs(prob_true - prob_pred)) / np.sum(counts))
    # END SOLUTION
