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
    # TODO: write newton_minimize (the docstring above has the maths).
    raise NotImplementedError("newton_minimize is not implemented yet")
