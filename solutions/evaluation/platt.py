r"""Platt scaling: turning classifier scores into probabilities.

A margin or a raw score is not a probability. Platt scaling fits a one-dimensional
logistic regression, p = sigma(a s + b), to held-out scores and labels by maximum
likelihood; Newton's method converges in a handful of steps on this concave problem.
"""

from typing import NamedTuple

import numpy as np


class Platt(NamedTuple):
    a: float
    b: float


def platt_scaling(scores, y, max_iter=100):
    r"""Maximum-likelihood fit of :math:`P(y = 1 \mid s) = \sigma(a s + b)`.

    Minimise the negative log-likelihood (no target smoothing: the targets are the
    labels themselves)

    .. math::

        L(a, b) = \sum_{i=1}^n \left[ \ln\left(1 + e^{z_i}\right) - y_i z_i \right],
        \qquad z_i = a s_i + b,

    by Newton's method from :math:`(a, b) = (0, 0)`, with
    :math:`x_i = (s_i, 1)`, :math:`p_i = \sigma(z_i)`,

    .. math::

        \nabla L = \sum_i (p_i - y_i)\, x_i, \qquad
        \nabla^2 L = \sum_i p_i (1 - p_i)\, x_i x_i^\top, \qquad
        \theta \leftarrow \theta - (\nabla^2 L)^{-1} \nabla L,

    halving a step while it does not decrease L, until the step is negligible or
    ``max_iter`` steps were taken. The data must not be separable (else the optimum
    is at infinity).

    Parameters
    ----------
    scores : array_like, shape (n,)
        The classifier's scores s, finite.
    y : array_like of int, shape (n,)
        Labels in {0, 1}, both present.
    max_iter : int, optional
        The largest number of Newton steps, >= 1.

    Returns
    -------
    Platt
        ``a`` and ``b`` (floats).

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1 or only one class is present, if a score is not finite, or if max_iter is
        not a positive integer.

    Examples
    --------
    >>> a, b = platt_scaling([-1, -1, -1, -1, 1, 1, 1, 1], [0, 0, 0, 1, 0, 1, 1, 1])
    >>> round(a, 6), round(b, 6) + 0.0  # sigma(a + b) = 3/4, sigma(b - a) = 1/4: a = ln 3
    (1.098612, 0.0)
    """
    # BEGIN SOLUTION
    s = np.asarray(scores, dtype=float)
    t = np.asarray(y)
    if s.ndim != 1 or t.ndim != 1:
        raise ValueError(f"scores and y must be 1-D, got shapes {s.shape}, {t.shape}")
    if s.size == 0:
        raise ValueError("scores is empty")
    if s.shape != t.shape:
        raise ValueError(f"scores and y differ in length: {s.size}, {t.size}")
    if not np.all(np.isfinite(s)):
        raise ValueError("scores must be finite")
    if not np.all((t == 0) | (t == 1)):
        raise ValueError("labels must be 0 or 1")
    if t.min() == t.max():
        raise ValueError("y has one class only: the likelihood has no maximum")
    if isinstance(max_iter, bool) or int(max_iter) != max_iter or max_iter < 1:
        raise ValueError(f"max_iter must be a positive integer, got {max_iter!r}")
    t = t.astype(float)
    X = np.column_stack([s, np.ones_like(s)])

    def loss(theta):
        z = X @ theta
        return float(np.sum(np.logaddexp(0.0, z) - t * z))

    theta = np.zeros(2)
    current = loss(theta)
    for _ in range(int(max_iter)):
        p = 0.5 * (1.0 + np.tanh(0.5 * (X @ theta)))  # sigma(z) without overflow
        grad = X.T @ (p - t)
        hess = (X * (p * (1 - p))[:, None]).T @ X
        step = np.linalg.solve(hess, grad)
        size = 1.0
        while size > 1e-10:
            candidate = theta - size * step
            value = loss(candidate)
            if value <= current:
                break
            size /= 2
        else:
            break  # no decrease along the Newton direction: at the optimum to precision
        theta, current = candidate, value
        if np.max(np.abs(size * step)) <= 1e-12 * (1.0 + np.max(np.abs(theta))):
            break
    return Platt(float(theta[0]), float(theta[1]))
    # END SOLUTION
