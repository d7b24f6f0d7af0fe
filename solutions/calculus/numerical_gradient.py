r"""Gradient of a scalar function by central differences.

The independent check behind every hand-derived gradient: nudge one coordinate at a
time up and down by h and take the slope. Its error shrinks like h², a forward
difference's only like h.
"""

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    r"""Central-difference gradient of a scalar function at ``x``, for ``x`` of any shape.

    .. math::

        \frac{\partial f}{\partial x_i}(x) \approx
        \frac{f(x + h e_i) - f(x - h e_i)}{2h}
        = \frac{\partial f}{\partial x_i}(x) + O(h^2)

    where :math:`e_i` is the array of ``x``'s shape with a 1 at index :math:`i` and 0
    elsewhere (a forward difference :math:`(f(x + h e_i) - f(x)) / h` is only
    :math:`O(h)` accurate).

    Parameters
    ----------
    f : callable
        ``f(x)`` returns a number; it is called with float arrays of ``x``'s shape.
    x : array_like, any shape
        The point; it is left unchanged.
    h : float, optional
        The step, > 0.

    Returns
    -------
    numpy.ndarray
        The gradient, a float array of the same shape as ``x``.

    Raises
    ------
    ValueError
        If x is empty or h ≤ 0.

    Examples
    --------
    >>> g = numerical_gradient(lambda v: v[0] ** 2 + 3 * v[1], [1.0, 2.0])
    >>> g.round(6).tolist()
    [2.0, 3.0]
    >>> numerical_gradient(lambda m: (m**2).sum(), [[1.0, -2.0]]).round(6).tolist()
    [[2.0, -4.0]]
    """
    # BEGIN SOLUTION
    x = np.array(x, dtype=float)  # a copy: the caller's x is never touched
    if x.size == 0:
        raise ValueError("x is empty: there is no gradient to estimate")
    if not h > 0:
        raise ValueError(f"the step h must be > 0, got {h}")
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + h
        up = float(f(x))
        x[index] = original - h
        down = float(f(x))
        x[index] = original
        grad[index] = (up - down) / (2 * h)
    return grad
    # END SOLUTION
