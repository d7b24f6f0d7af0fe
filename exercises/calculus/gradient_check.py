r"""Gradient checking: compare an analytic gradient with central differences.

Before trusting a hand-derived backward pass, compare it entry by entry with a
numerical gradient. A relative error near 1e-8 means it is right; near 1 it is wrong.
"""

import numpy as np
from calculus.numerical_gradient import numerical_gradient


def gradient_check(f, grad, x, h=1e-5):
    r"""Largest relative error between ``grad(x)`` and the central-difference gradient.

    .. math::

        n_i = \frac{f(x + h e_i) - f(x - h e_i)}{2h}, \qquad
        \mathrm{err} = \max_i \frac{|a_i - n_i|}{\max(|a_i|, |n_i|, 10^{-12})}

    with :math:`a = \mathrm{grad}(x)` the analytic gradient. The floor
    :math:`10^{-12}` keeps an entry where both are exactly 0 from dividing 0 by 0.

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a number.
    grad : callable
        ``grad(x)`` returns the claimed gradient, an array of ``x``'s shape.
    x : array_like, any shape
        The point; it is left unchanged.
    h : float, optional
        The finite-difference step, > 0.

    Returns
    -------
    float
        The largest relative error over all entries, in [0, 1] (0 is perfect).

    Raises
    ------
    ValueError
        If x is empty, h ≤ 0, or ``grad(x)`` does not have the shape of x.

    Examples
    --------
    >>> f = lambda v: v[0] ** 2 + v[1] ** 2
    >>> gradient_check(f, lambda v: 2 * v, [1.0, 2.0]) < 1e-8
    True
    >>> round(gradient_check(f, lambda v: 2 * v + [0.0, 1.0], [1.0, 2.0]), 6)
    0.2
    """
    # TODO: write gradient_check (the docstring above has the maths).
    raise NotImplementedError("gradient_check is not implemented yet")
