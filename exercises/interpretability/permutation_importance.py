r"""Permutation feature importance: how much worse a model gets when a feature is shuffled.

Shuffling one column breaks its link with the target while keeping its distribution;
the drop in the model's score measures how much the model relies on that feature. It
works for any model and any metric, on held-out data.
"""

from typing import NamedTuple

import numpy as np


class Importance(NamedTuple):
    mean: np.ndarray
    std: np.ndarray


def permutation_importance(predict, X, y, metric, n_repeats, rng):
    r"""The mean and spread of the score drop when each feature's column is permuted.

    With the baseline :math:`s_0 = \mathrm{metric}(y, \mathrm{predict}(X))` (higher is
    better) and :math:`X^{(j, r)}` the data with column :math:`j` replaced by
    :math:`X_{\pi_{jr}(\cdot), j}` for a random permutation :math:`\pi_{jr}`:

    .. math::

        \Delta_{jr} = s_0 - \mathrm{metric}\bigl(y, \mathrm{predict}(X^{(j, r)})\bigr),
        \qquad
        \mu_j = \frac{1}{R} \sum_{r=1}^{R} \Delta_{jr}, \qquad
        \sigma_j = \sqrt{\frac{1}{R} \sum_{r=1}^{R} (\Delta_{jr} - \mu_j)^2}

    Protocol (so that results are reproducible): ``for j in range(d): for r in
    range(n_repeats): perm = rng.permutation(n)``, and nothing else is drawn.

    Parameters
    ----------
    predict : callable
        The model: maps an array of shape (m, d) to m predictions (any m).
    X : array_like, shape (n, d)
        The data, n ≥ 1 and d ≥ 1.
    y : array_like, shape (n,)
        The targets (labels stay as they are).
    metric : callable
        ``metric(y_true, y_pred) -> float``, higher is better.
    n_repeats : int
        Permutations per feature, R ≥ 1.
    rng : numpy.random.Generator
        The source of the permutations.

    Returns
    -------
    Importance
        ``mean`` (d,) and ``std`` (d,) of the drops (divisor R).

    Raises
    ------
    ValueError
        If X is not 2-D or is empty, y does not have one entry per row, or n_repeats is
        not an integer ≥ 1.

    Examples
    --------
    >>> X = [[0.0, 5.0], [1.0, 5.0], [2.0, 5.0], [3.0, 5.0]]
    >>> def neg_mse(y, p):
    ...     return -float(np.mean((np.asarray(y) - p) ** 2))
    >>> result = permutation_importance(
    ...     lambda Z: Z[:, 1] - 5.0, X, [0.0, 0.0, 0.0, 0.0], neg_mse, 3,
    ...     np.random.default_rng(0))
    >>> result.mean.tolist(), result.std.tolist()  # feature 0 unused, feature 1 constant
    ([0.0, 0.0], [0.0, 0.0])
    """
    # TODO: write permutation_importance (the docstring above has the maths).
    raise NotImplementedError("permutation_importance is not implemented yet")
