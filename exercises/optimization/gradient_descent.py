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
    # TODO: write gradient_descent (the docstring above has the maths).
    raise NotImplementedError("gradient_descent is not implemented yet")
