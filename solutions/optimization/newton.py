r"""Newton's method for minimisation.

Model f near x by its second-order Taylor expansion and jump to the model's minimum.
Near a minimum with a positive definite Hessian it converges quadratically (the number
of correct digits doubles every step), and on a quadratic it lands in one step.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Newton(NamedTuple):
    x: np.ndarray
    n_iter: int


def newton_minimize(grad, hess, x0, tol=1e-10, max_iter=50):
    r"""Minimise f by Newton steps until its gradient is small.

    Before each step, stop if :math:`\lVert \nabla f(x) \rVert_2 \le` ``tol``; otherwise
    solve for the step and take it:

    .. math::

        \nabla^2 f(x_k)\, s_k = -\nabla f(x_k), \qquad x_{k+1} = x_k + s_k

    Parameters
    ----------
    grad : callable
        ``grad(x)`` returns the gradient at ``x``, array_like of shape (d,).
    hess : callable
        ``hess(x)`` returns the Hessian at ``x``, array_like of shape (d, d).
    x0 : array_like, shape (d,)
        The starting point.
    tol : float, optional
        Stop when the gradient's Euclidean norm is at most this (>= 0).
    max_iter : int, optional
        The most Newton steps to take (>= 0).

    Returns
    -------
    Newton
        ``x`` (array of shape (d,)): the first iterate whose gradient norm is at most
        ``tol``, or the iterate after ``max_iter`` steps; ``n_iter`` (int): the number
        of steps taken (0 when x0 is already optimal).

    Raises
    ------
    ValueError
        If x0 is not a non-empty 1-D array, tol < 0, max_iter is not a non-negative
        integer, or grad or hess returns the wrong shape.
    numpy.linalg.LinAlgError
        If a step is needed where the Hessian is singular (to working precision).

    Examples
    --------
    On a quadratic the first step lands on the minimum: f = (x - 3)²

    >>> x, n_iter = newton_minimize(lambda x: 2 * (x - 3), lambda x: [[2.0]], [0.0])
    >>> x.tolist(), n_iter
    ([3.0], 1)
    """
    # BEGIN SOLUTION
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x0 must be a non-empty 1-D array, got shape {x.shape}")
    if not tol >= 0:
        raise ValueError(f"tol must be non-negative, got {tol}")
    if isinstance(max_iter, bool) or not isinstance(max_iter, numbers.Integral) or max_iter < 0:
        raise ValueError(f"max_iter must be a non-negative integer, got {max_iter!r}")
    d = x.size
    for k in range(max_iter):
        g = np.asarray(grad(x.copy()), dtype=float)
        if g.shape != (d,):
            raise ValueError(f"grad returned shape {g.shape}, expected {(d,)}")
        if np.linalg.norm(g) <= tol:
            return Newton(x, k)
        H = np.asarray(hess(x.copy()), dtype=float)
        if H.shape != (d, d):
            raise ValueError(f"hess returned shape {H.shape}, expected {(d, d)}")
        s = np.linalg.svd(H, compute_uv=False)
        if not s[-1] > d * np.finfo(float).eps * s[0]:
            raise np.linalg.LinAlgError(f"the Hessian is singular at step {k}: no Newton step")
        x = x - np.linalg.solve(H, g)
    return Newton(x, max_iter)
    # END SOLUTION
