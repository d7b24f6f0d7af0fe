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
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    lams = np.asarray(lams, dtype=float)
    if X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"X must be 2-D and y 1-D, got shapes {X.shape}, {y.shape}")
    n, d = X.shape
    if n == 0 or d == 0 or y.shape[0] != n:
        raise ValueError(f"X of shape {X.shape} and y of length {y.shape[0]} do not fit")
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
        raise ValueError("X and y must be finite")
    if lams.ndim != 1 or lams.size == 0 or not np.all(np.isfinite(lams) & (lams > 0)):
        raise ValueError(f"lams must be a non-empty 1-D array of finite values > 0: {lams}")
    checked = []
    for fold in folds:
        if len(fold) != 2:
            raise ValueError("each fold must be a pair (train, test)")
        pair = []
        for part in fold:
            idx = np.asarray(part)
            if idx.ndim != 1 or idx.size == 0 or not np.issubdtype(idx.dtype, np.integer):
                raise ValueError("each fold's train and test must be non-empty integer arrays")
            if idx.min() < 0 or idx.max() >= n:
                raise ValueError(f"fold indices must lie in 0 .. {n - 1}")
            pair.append(idx)
        checked.append(pair)
    if not checked:
        raise ValueError("folds is empty")
    train_mse = np.zeros(lams.size)
    cv_mse = np.zeros(lams.size)
    for a, lam in enumerate(lams):
        for train, test in checked:
            x_mean, y_mean = X[train].mean(axis=0), y[train].mean()
            Xc, yc = X[train] - x_mean, y[train] - y_mean
            w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(d), Xc.T @ yc)
            b = y_mean - x_mean @ w
            train_mse[a] += np.mean((y[train] - X[train] @ w - b) ** 2)
            cv_mse[a] += np.mean((y[test] - X[test] @ w - b) ** 2)
    train_mse /= len(checked)
    cv_mse /= len(checked)
    best = max(range(lams.size), key=lambda a: (-cv_mse[a], lams[a]))
    return RidgeCV(train_mse, cv_mse, float(lams[best]))
    # END SOLUTION
