r"""Nadaraya-Watson kernel regression.

The prediction at x is a weighted mean of the training targets, each weighted by a
Gaussian kernel of its distance to x: a softmax over the training points, computed with
each query's own shift so that a query far from everything still gets a number.
"""

import math

import numpy as np


def nadaraya_watson(X_train, y_train, X_query, bandwidth):
    r"""Gaussian-kernel Nadaraya-Watson regression at the rows of ``X_query``.

    .. math::

        \hat y(x) = \frac{\sum_i k_i y_i}{\sum_i k_i}, \qquad
        k_i = \exp\Bigl(-\frac{\lVert x - x_i \rVert^2}{2h^2}\Bigr)

        \hat y(x) = \sum_i \operatorname{softmax}(a)_i\, y_i, \qquad
        a_i = -\frac{\lVert x - x_i \rVert^2}{2h^2},\quad
        \operatorname{softmax}(a)_i = \frac{e^{a_i - \max_j a_j}}{\sum_l e^{a_l - \max_j a_j}}

    Shifting by each query's own maximum makes its largest weight exactly 1, so the ratio
    is exact even where every :math:`k_i` underflows.

    Parameters
    ----------
    X_train : array_like, shape (n, d)
        Training inputs, n, d >= 1.
    y_train : array_like, shape (n,)
        Training targets.
    X_query : array_like, shape (m, d)
        Query inputs, m >= 1.
    bandwidth : float
        The kernel width h > 0.

    Returns
    -------
    ndarray, shape (m,)
        The prediction at each query.

    Raises
    ------
    ValueError
        If the shapes do not agree, an array is empty or not finite, or bandwidth is not
        a finite number > 0.

    Examples
    --------
    >>> nadaraya_watson([[0.0], [1.0]], [0.0, 2.0], [[0.0], [0.5]], 1.0).round(6).tolist()
    [0.755081, 1.0]
    """
    # BEGIN SOLUTION
    X_train = np.array(X_train, dtype=float)
    y_train = np.array(y_train, dtype=float)
    X_query = np.array(X_query, dtype=float)
    if X_train.ndim != 2 or X_train.shape[0] < 1 or X_train.shape[1] < 1:
        raise ValueError(f"X_train must be 2-D with n, d >= 1, got shape {X_train.shape}")
    n, d = X_train.shape
    if y_train.shape != (n,):
        raise ValueError(f"y_train must have shape ({n},), got {y_train.shape}")
    if X_query.ndim != 2 or X_query.shape[0] < 1 or X_query.shape[1] != d:
        raise ValueError(
            f"X_query must be 2-D with m >= 1 rows and {d} columns, got {X_query.shape}"
        )
    if not all(np.all(np.isfinite(a)) for a in (X_train, y_train, X_query)):
        raise ValueError("X_train, y_train and X_query must be finite")
    if isinstance(bandwidth, (bool, np.bool_)) or not np.isscalar(bandwidth):
        raise ValueError(f"bandwidth must be a number, got {bandwidth!r}")
    h = float(bandwidth)
    if not (math.isfinite(h) and h > 0):
        raise ValueError(f"bandwidth must be a finite number > 0, got {bandwidth!r}")
    sq_dist = np.sum((X_query[:, None, :] - X_train[None, :, :]) ** 2, axis=2)  # (m, n)
    log_k = -sq_dist / (2.0 * h * h)
    log_k = log_k - log_k.max(axis=1, keepdims=True)  # each query's own shift
    weights = np.exp(log_k)
    weights /= weights.sum(axis=1, keepdims=True)  # a softmax over the training points
    return weights @ y_train
    # END SOLUTION
