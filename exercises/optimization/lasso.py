r"""The lasso by cyclic coordinate descent.

The L1 penalty sets weights exactly to zero, which makes the lasso a feature selector.
One coordinate at a time, its minimiser is a soft-thresholded least-squares step; keeping
the residual up to date makes each step cost O(n).
"""

import numpy as np


def lasso_coordinate_descent(X, y, lam, n_iter=1000, tol=1e-10):
    r"""Minimise the lasso objective by cyclic coordinate descent, starting from w = 0.

    .. math::

        \min_w \ \frac{1}{2n}\lVert y - Xw \rVert_2^2 + \lambda \lVert w \rVert_1

    (scikit-learn's scaling, no intercept). A sweep updates :math:`j = 0, 1, \dots, d-1`
    in turn, each to the exact minimiser along its coordinate,

    .. math::

        \rho_j = \frac{1}{n} x_j^\top \bigl(y - Xw + x_j w_j\bigr), \qquad
        w_j \leftarrow \frac{\operatorname{sign}(\rho_j)\max(|\rho_j| - \lambda, 0)}
                            {\lVert x_j \rVert_2^2 / n},

    with the residual :math:`y - Xw` kept current after every update (a zero column keeps
    :math:`w_j = 0`). The sweeps stop after the first one in which no coordinate moved by
    more than tol, or after n_iter sweeps. The result meets the optimality (KKT)
    conditions, with :math:`g = X^\top (y - Xw) / n`,

    .. math::

        g_j = \lambda \operatorname{sign}(w_j) \ \text{ if } w_j \ne 0, \qquad
        |g_j| \le \lambda \ \text{ if } w_j = 0.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Design matrix, one sample per row.
    y : array_like, shape (n,)
        Targets.
    lam : float
        Penalty weight :math:`\lambda \ge 0`.
    n_iter : int, optional
        Maximum number of sweeps, at least 0 (0 returns w = 0).
    tol : float, optional
        Stop after a sweep in which no coordinate moved by more than tol (tol >= 0).

    Returns
    -------
    numpy.ndarray, shape (d,)
        The weights w.

    Raises
    ------
    ValueError
        If X is not 2-D, y not 1-D, their lengths differ, X is empty, lam or tol is
        negative, or n_iter is negative.

    Examples
    --------
    With orthogonal columns (:math:`X^\top X = nI`) one sweep gives the answer,
    :math:`w = S_\lambda(X^\top y / n)`:

    >>> X = [[1.0, 1.0], [1.0, -1.0]]
    >>> lasso_coordinate_descent(X, [3.0, 1.0], 0.5).tolist()
    [1.5, 0.5]
    """
    # TODO: write lasso_coordinate_descent (the docstring above has the maths).
    raise NotImplementedError("lasso_coordinate_descent is not implemented yet")
