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
    # BEGIN SOLUTION
    x = np.array(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D (n,), got shape {x.shape}")
    if x.size == 0:
        raise ValueError("x is empty")
    if not h > 0:
        raise ValueError(f"the step h must be > 0, got {h}")
    columns = []
    for j in range(x.size):
        original = x[j]
        x[j] = original + h
        up = np.asarray(f(x), dtype=float)
        x[j] = original - h
        down = np.asarray(f(x), dtype=float)
        x[j] = original
        if up.ndim != 1:
            raise ValueError(f"f must return a 1-D array (m,), got shape {up.shape}")
        columns.append((up - down) / (2 * h))
    return np.stack(columns, axis=1)
    # END SOLUTION
