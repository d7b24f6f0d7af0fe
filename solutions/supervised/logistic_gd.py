r"""Logistic regression fitted by full-batch gradient descent.

The linear classifier behind every neural network's last layer: a sigmoid of a linear
score, trained by descending the mean log-loss. Its gradient has the same form as least
squares, X^T (p - y) / n, and the sigmoid must be computed without overflow.
"""

from typing import NamedTuple

import numpy as np


class Linear1(NamedTuple):
    w: np.ndarray
    b: float


def logistic_regression_gd(X, y, lr, n_iter, l2=0.0):
    r"""Weights and intercept of logistic regression after ``n_iter`` gradient-descent steps.

    The objective is the mean log-loss plus an L2 penalty on w (the intercept is not
    penalised), with :math:`p_i = \sigma(x_i^\top w + b)` and
    :math:`\sigma(z) = 1 / (1 + e^{-z})`:

    .. math::

        J(w, b) = -\frac{1}{n} \sum_{i=1}^{n}
            \bigl[y_i \log p_i + (1 - y_i) \log(1 - p_i)\bigr]
            + \frac{\lambda}{2} \lVert w \rVert^2

    Starting from :math:`w = 0, b = 0`, each step moves both against the gradient at the
    current point:

    .. math::

        w \leftarrow w - \eta \Bigl(\tfrac{1}{n} X^\top (p - y) + \lambda w\Bigr), \qquad
        b \leftarrow b - \eta\, \tfrac{1}{n} \textstyle\sum_i (p_i - y_i)

    The sigmoid is evaluated without overflow for any score (through
    :math:`e^{-|z|}`), so separable data with huge scores stays finite.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Inputs, one sample per row.
    y : array_like, shape (n,)
        Labels in {0, 1}.
    lr : float
        The step size :math:`\eta > 0`.
    n_iter : int
        The number of gradient steps, >= 0 (0 returns the zeros start).
    l2 : float, optional
        The penalty strength :math:`\lambda \ge 0` (default 0).

    Returns
    -------
    Linear1
        ``w`` (array of shape (d,)) and ``b`` (float) after ``n_iter`` steps.

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, their lengths differ, X is empty, a label is not
        0 or 1, lr is not a finite number > 0, n_iter is not an integer >= 0, or l2 is
        not a finite number >= 0.

    Examples
    --------
    One step from zeros: every :math:`p_i = 1/2`, so
    :math:`w = -\eta X^\top(1/2 - y)/n` and :math:`b = -\eta \,\overline{(1/2 - y)}`.

    >>> w, b = logistic_regression_gd([[1.0], [-1.0]], [1, 0], lr=1.0, n_iter=1)
    >>> w.tolist(), float(b)
    ([0.5], 0.0)
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X has {X.shape[0]} rows but y has {y.shape[0]} labels")
    if X.size == 0:
        raise ValueError(f"X is empty (shape {X.shape}): nothing to fit")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError(f"labels must be 0 or 1, got the values {np.unique(y).tolist()}")
    if not (np.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a finite number > 0, got {lr!r}")
    if isinstance(n_iter, bool) or int(n_iter) != n_iter or n_iter < 0:
        raise ValueError(f"n_iter must be an integer >= 0, got {n_iter!r}")
    if not (np.isfinite(l2) and l2 >= 0):
        raise ValueError(f"l2 must be a finite number >= 0, got {l2!r}")
    y = y.astype(float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(int(n_iter)):
        z = X @ w + b
        e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
        p = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        r = p - y
        grad_w = X.T @ r / n + l2 * w
        grad_b = r.mean()
        w = w - lr * grad_w
        b = b - lr * grad_b
    return Linear1(w, float(b))
    # END SOLUTION
