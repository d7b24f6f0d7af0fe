r"""Linear regression by least squares, with an intercept.

The model every supervised-learning course starts from: fit :math:`y \approx Xw + b`
by minimising the squared error, solving a least-squares problem on centred data
instead of inverting :math:`X^\top X`, which also settles rank-deficient X.
"""

from typing import NamedTuple

import numpy as np


class Linear1(NamedTuple):
    w: np.ndarray
    b: float


def linear_regression(X, y):
    r"""Least-squares weights and intercept of the linear model :math:`Xw + b`.

    .. math::

        (\hat w, \hat b) \in \operatorname*{arg\,min}_{w,\, b}\;
            \sum_{i=1}^{n} \left(x_i^\top w + b - y_i\right)^2

    The intercept is unpenalised and can be eliminated: with the means
    :math:`\bar x = \frac{1}{n}\sum_i x_i`, :math:`\bar y = \frac{1}{n}\sum_i y_i` and the
    centred data :math:`X_c = X - \mathbf{1}\bar x^\top`, :math:`y_c = y - \bar y`,

    .. math::

        \hat w = X_c^{+}\, y_c, \qquad \hat b = \bar y - \bar x^\top \hat w

    where :math:`X_c^{+}` is the pseudo-inverse. When X is rank-deficient (dependent
    columns, a constant column, d > n - 1) the minimisers form a family and this picks
    the one with the smallest :math:`\lVert w \rVert` (b free), as scikit-learn does.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Inputs, one sample per row.
    y : array_like, shape (n,)
        Targets.

    Returns
    -------
    Linear1
        ``w`` (array of shape (d,)) and ``b`` (float).

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, their lengths differ, or X has no rows or no
        columns.

    Examples
    --------
    >>> w, b = linear_regression([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0])
    >>> w.round(6).tolist(), round(float(b), 6)
    ([2.0], 1.0)
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X has {X.shape[0]} rows but y has {y.shape[0]} entries")
    if X.size == 0:
        raise ValueError(f"X is empty (shape {X.shape}): nothing to fit")
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    # lstsq returns the minimum-norm solution when X - x_mean is rank-deficient.
    w = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
    b = float(y_mean - x_mean @ w)
    return Linear1(w, b)
    # END SOLUTION
