r"""The Jacobian matrix of a vector function by central differences.

Row i is the gradient of the i-th output, column j the change of every output as
x_j moves: the matrix that backpropagation multiplies by without ever forming.
"""

import numpy as np


def jacobian(f, x, h=1e-5):
    r"""Central-difference Jacobian of :math:`f: \mathbb{R}^n \to \mathbb{R}^m` at ``x``.

    .. math::

        J_{ij} = \frac{\partial f_i}{\partial x_j}(x) \approx
        \frac{f_i(x + h e_j) - f_i(x - h e_j)}{2h},
        \qquad J \in \mathbb{R}^{m \times n}

    Column :math:`j` is the central difference of the whole output along :math:`e_j`.

    Parameters
    ----------
    f : callable
        ``f(x)`` takes a float array of shape (n,) and returns an array of shape (m,).
    x : array_like, shape (n,)
        The point; it is left unchanged.
    h : float, optional
        The step, > 0.

    Returns
    -------
    numpy.ndarray, shape (m, n)
        Rows are outputs, columns are inputs.

    Raises
    ------
    ValueError
        If x is not 1-D or is empty, h ≤ 0, or f's output is not 1-D.

    Examples
    --------
    >>> J = jacobian(lambda v: np.array([v[0] * v[1], v[1] ** 2, 3 * v[0]]), [1.0, 2.0])
    >>> J.round(6).tolist()
    [[2.0, 1.0], [0.0, 4.0], [3.0, 0.0]]
    """
    # TODO: write jacobian (the docstring above has the maths).
    raise NotImplementedError("jacobian is not implemented yet")
