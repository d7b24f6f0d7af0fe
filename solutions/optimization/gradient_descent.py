r"""Gradient descent with a fixed learning rate.

The workhorse of machine learning: step against the gradient, again and again. Keeping
the whole trajectory shows how the learning rate decides between crawling, converging
and oscillating.
"""

import numbers

import numpy as np


def gradient_descent(grad, x0, lr, n_steps):
    r"""The trajectory of gradient descent with a fixed learning rate, x0 included.

    .. math::

        x_{k+1} = x_k - \eta \, \nabla f(x_k), \qquad k = 0, 1, \dots, n_{\text{steps}} - 1

    Parameters
    ----------
    grad : callable
        ``grad(x)`` returns the gradient of f at ``x`` (array_like of shape (d,)).
    x0 : array_like, shape (d,)
        The starting point.
    lr : float
        The learning rate :math:`\eta > 0`.
    n_steps : int
        How many steps to take, at least 0.

    Returns
    -------
    numpy.ndarray of shape (n_steps + 1, d)
        Row k is :math:`x_k`; row 0 is ``x0`` and the last row the final iterate.

    Raises
    ------
    ValueError
        If x0 is not 1-D or is empty, lr is not positive, n_steps is not a non-negative
        integer, or grad returns an array of another shape.

    Examples
    --------
    >>> path = gradient_descent(lambda x: 2 * x, [1.0], lr=0.25, n_steps=3)
    >>> path.ravel().tolist()
    [1.0, 0.5, 0.25, 0.125]
    """
    # BEGIN SOLUTION
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x0 must be a non-empty 1-D array, got shape {x.shape}")
    if not lr > 0:
        raise ValueError(f"the learning rate must be positive, got {lr}")
    if isinstance(n_steps, bool) or not isinstance(n_steps, numbers.Integral) or n_steps < 0:
        raise ValueError(f"n_steps must be a non-negative integer, got {n_steps!r}")
    path = np.empty((n_steps + 1, x.size))
    path[0] = x
    for k in range(n_steps):
        g = np.asarray(grad(path[k].copy()), dtype=float)
        if g.shape != x.shape:
            raise ValueError(f"grad returned shape {g.shape}, expected {x.shape}")
        path[k + 1] = path[k] - lr * g
    return path
    # END SOLUTION
