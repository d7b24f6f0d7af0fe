r"""Backtracking line search with the Armijo condition.

How far to go along a descent direction: start with a full step and shrink it until
the function drops by at least a fixed fraction of what its slope promises. It is the
step-size rule inside most gradient and quasi-Newton methods.
"""

import numpy as np


def backtracking_line_search(f, g, x, d, alpha0=1.0, rho=0.5, c=1e-4):
    r"""The first step :math:`\alpha = \alpha_0 \rho^k` (k = 0, 1, ...) meeting Armijo's condition.

    .. math::

        f(x + \alpha d) \le f(x) + c\, \alpha\, g^\top d,
        \qquad g = \nabla f(x), \quad g^\top d < 0

    Parameters
    ----------
    f : callable
        ``f(x)`` returns the objective (a float) at a point of shape (n,).
    g : array_like, shape (n,)
        The gradient of f at ``x``.
    x : array_like, shape (n,)
        The current point.
    d : array_like, shape (n,)
        A descent direction: :math:`g^\top d < 0`.
    alpha0 : float, optional
        The first step tried, > 0.
    rho : float, optional
        The shrink factor, 0 < rho < 1.
    c : float, optional
        The fraction of the predicted decrease demanded, 0 < c < 1.

    Returns
    -------
    float
        :math:`\alpha_0 \rho^k` for the smallest k that meets the condition.

    Raises
    ------
    ValueError
        If x, g and d are not 1-D arrays of one non-zero length, d is not a descent
        direction (:math:`g^\top d \ge 0`), or alpha0, rho or c is out of range.

    Examples
    --------
    On f = x², the full step from 1 along -f'(1) = -2 overshoots to -1 (no decrease);
    the half step lands on 0:

    >>> backtracking_line_search(lambda z: float(z @ z), [2.0], [1.0], [-2.0])
    0.5
    """
    # TODO: write backtracking_line_search (the docstring above has the maths).
    raise NotImplementedError("backtracking_line_search is not implemented yet")
