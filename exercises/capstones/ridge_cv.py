r"""Cell capstone: ridge regression across lambda, chosen by k-fold cross-validation.

A small penalty fits the noise of a few dozen cells, a large one flattens every effect:
the held-out error across a grid of penalties shows the trade-off, and its minimum
chooses the penalty without touching the test set.
"""

from typing import NamedTuple

import numpy as np


class RidgeCV(NamedTuple):
    train_mse: np.ndarray
    cv_mse: np.ndarray
    best_lam: float


def ridge_cv(X, y, lams, folds):
    r"""Training and cross-validated mean squared error of ridge regression per lambda.

    For each penalty :math:`\lambda` and each fold f with training rows :math:`T_f` and
    held-out rows :math:`H_f`, fit ridge with an unpenalised intercept on :math:`T_f`,

    .. math::

        (w_f, b_f) = \arg\min_{w, b} \sum_{i \in T_f} (y_i - x_i^\top w - b)^2
            + \lambda \lVert w \rVert_2^2

    (centre X and y with the means of :math:`T_f`), and average the fold errors:

    .. math::

        \text{cv}(\lambda) = \frac1k \sum_{f=1}^{k} \frac{1}{|H_f|}
            \sum_{i \in H_f} (y_i - x_i^\top w_f - b_f)^2, \qquad
        \text{train}(\lambda) = \frac1k \sum_{f=1}^{k} \frac{1}{|T_f|}
            \sum_{i \in T_f} (y_i - x_i^\top w_f - b_f)^2 .

    The chosen penalty minimises :math:`\text{cv}(\lambda)`; among equal errors the
    largest :math:`\lambda` (the simplest model) is chosen.

    Parameters
    ----------
    X : array_like, shape (n, d)
        The design matrix (standardised, in the capstone).
    y : array_like, shape (n,)
        The targets.
    lams : array_like, shape (L,)
        The penalties, each finite and > 0, in any order.
    folds : sequence of (train, test) pairs
        k >= 1 pairs of integer index arrays into the n rows (as
        ``evaluation/kfold`` returns), each non-empty.

    Returns
    -------
    RidgeCV
        ``train_mse`` and ``cv_mse`` (arrays of shape (L,), in the order of ``lams``)
        and ``best_lam`` (float).

    Raises
    ------
    ValueError
        If X is not 2-D or y not 1-D, their lengths differ, X or y is empty or not
        finite, lams is not a non-empty 1-D array of finite values > 0, folds is empty,
        or a fold is not a pair of non-empty integer index arrays within 0 .. n - 1.

    Examples
    --------
    >>> X = [[0.0], [1.0], [2.0], [3.0]]
    >>> y = [0.0, 1.0, 2.0, 4.0]
    >>> folds = [([0, 1], [2, 3]), ([2, 3], [0, 1])]
    >>> result = ridge_cv(X, y, [0.5, 2.0], folds)
    >>> result.cv_mse.round(4).tolist(), result.train_mse.round(4).tolist()
    ([1.5312, 4.1], [0.1562, 0.4])
    >>> result.best_lam
    0.5
    """
    # TODO: write ridge_cv (the docstring above has the maths).
    raise NotImplementedError("ridge_cv is not implemented yet")
