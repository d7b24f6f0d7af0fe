r"""Polynomial regression: least squares on the powers of x.

A model non-linear in x but linear in its coefficients: build the Vandermonde matrix
of powers and solve an ordinary least-squares problem. The degree must stay below the
number of distinct x values, or the coefficients are not determined.
"""

import numpy as np


def polynomial_fit(x, y, degree):
    r"""Least-squares coefficients of a polynomial of the given degree, lowest power first.

    .. math::

        \hat c = \operatorname*{arg\,min}_{c \in \mathbb{R}^{p+1}}
            \sum_{i=1}^{n} \Bigl(\sum_{j=0}^{p} c_j x_i^{\,j} - y_i\Bigr)^2
            = \operatorname*{arg\,min}_{c} \lVert V c - y \rVert^2,
        \qquad V_{ij} = x_i^{\,j}

    with :math:`p` the degree. V has full column rank exactly when x has at least
    :math:`p + 1` distinct values; then the minimiser is unique (with exactly
    :math:`p + 1` distinct values the polynomial interpolates the points).

    Parameters
    ----------
    x : array_like, shape (n,)
        Inputs.
    y : array_like, shape (n,)
        Targets.
    degree : int
        The degree :math:`p \ge 0` of the polynomial.

    Returns
    -------
    ndarray, shape (degree + 1,)
        :math:`c_0, c_1, \dots, c_p`: the constant term first.

    Raises
    ------
    ValueError
        If x or y is not 1-D, their lengths differ, they are empty, degree is not an
        integer >= 0, or degree >= the number of distinct values of x.

    Examples
    --------
    >>> polynomial_fit([0.0, 1.0, 2.0], [1.0, 3.0, 7.0], 2).round(6).tolist()
    [1.0, 1.0, 1.0]
    >>> polynomial_fit([0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 2.0, 4.0], 1).round(6).tolist()
    [0.9, 0.9]
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 1 or y.ndim != 1:
        raise ValueError(f"x and y must be 1-D, got shapes {x.shape} and {y.shape}")
    if x.shape != y.shape:
        raise ValueError(f"x has {x.size} entries but y has {y.size}")
    if x.size == 0:
        raise ValueError("x and y are empty: nothing to fit")
    if isinstance(degree, bool) or int(degree) != degree or degree < 0:
        raise ValueError(f"degree must be an integer >= 0, got {degree!r}")
    degree = int(degree)
    distinct = np.unique(x).size
    if degree >= distinct:
        raise ValueError(
            f"degree {degree} needs at least {degree + 1} distinct x values, x has {distinct}"
        )
    V = x[:, None] ** np.arange(degree + 1)
    return np.linalg.lstsq(V, y, rcond=None)[0]
    # END SOLUTION
