r"""The condition number of a matrix.

The ratio of the largest to the smallest singular value bounds how much a relative
error in the data can grow in the solution of a linear system or least-squares problem:
with a condition number of 1e10, about ten digits of float64's sixteen are lost.
"""

import numpy as np


def condition_number(A):
    r"""The 2-norm condition number of A: its largest over its smallest singular value.

    With the singular values :math:`\sigma_1 \ge \dots \ge \sigma_r \ge 0` of the
    (m, n) matrix A, :math:`r = \min(m, n)`,

    .. math::

        \kappa_2(A) = \frac{\sigma_1}{\sigma_r} = \lVert A \rVert_2 \, \lVert A^+ \rVert_2,
        \qquad
        \kappa_2(A) = \infty \ \text{ if } \ \sigma_r \le \max(m, n)\, \varepsilon\, \sigma_1

    (singular to working precision, the zero matrix included), where
    :math:`\varepsilon` is the float64 machine epsilon.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any non-empty matrix, square or rectangular.

    Returns
    -------
    float
        :math:`\kappa_2(A) \ge 1`, or ``inf`` when A is singular.

    Raises
    ------
    ValueError
        If A is not a non-empty 2-D array.

    Examples
    --------
    >>> condition_number([[2.0, 0.0], [0.0, 0.5]])
    4.0
    >>> condition_number([[1.0, 2.0], [2.0, 4.0]])
    inf
    >>> round(condition_number([[1.0, 0.0, 0.0], [0.0, 3.0, 0.0]]), 6)
    3.0
    """
    # TODO: write condition_number (the docstring above has the maths).
    raise NotImplementedError("condition_number is not implemented yet")
