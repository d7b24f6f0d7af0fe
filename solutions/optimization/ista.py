r"""ISTA: proximal gradient descent for the lasso.

A gradient step on the smooth least-squares part, then the proximal step of the L1
penalty (a soft threshold): the template of every proximal method, from FISTA to
compressed sensing.
"""

import numpy as np


def ista_lasso(X, y, lam, n_iter):
    r"""Run n_iter steps of ISTA on the lasso objective, starting from w = 0.

    .. math::

        F(w) = \underbrace{\frac{1}{2n}\lVert y - Xw \rVert_2^2}_{f(w)}
               + \lambda \lVert w \rVert_1, \qquad
        \nabla f(w) = -\frac{1}{n} X^\top (y - Xw), \qquad
        L = \frac{\sigma_{\max}(X)^2}{n},

    .. math::

        w_{k+1} = S_{\lambda/L}\!\left(w_k - \tfrac{1}{L}\nabla f(w_k)\right), \qquad
        S_t(z) = \operatorname{sign}(z)\max(|z| - t, 0),

    where L is the Lipschitz constant of :math:`\nabla f` (the largest eigenvalue of
    :math:`X^\top X / n`). If X is all zeros, L = 0 and w stays 0.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Design matrix, one sample per row.
    y : array_like, shape (n,)
        Targets.
    lam : float
        Penalty weight :math:`\lambda \ge 0`.
    n_iter : int
        Number of steps, at least 0 (0 returns w = 0).

    Returns
    -------
    numpy.ndarray, shape (d,)
        :math:`w_{n\_iter}`.

    Raises
    ------
    ValueError
        If X is not 2-D, y not 1-D, their lengths differ, X is empty, lam is negative,
        or n_iter is not an integer >= 0.

    Examples
    --------
    Here :math:`X^\top X = 2I`, so L = 1 and one step lands on the minimiser:

    >>> X = [[1.0, 1.0], [1.0, -1.0]]
    >>> ista_lasso(X, [3.0, 1.0], 0.5, 1).round(6).tolist()
    [1.5, 0.5]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    n, d = X.shape
    if n == 0 or d == 0:
        raise ValueError(f"X is empty (shape {X.shape})")
    if y.shape[0] != n:
        raise ValueError(f"y has {y.shape[0]} entries for {n} samples")
    lam = float(lam)
    if not lam >= 0:
        raise ValueError(f"lam must be >= 0, got {lam}")
    if int(n_iter) != n_iter or n_iter < 0:
        raise ValueError(f"n_iter must be an integer >= 0, got {n_iter}")
    w = np.zeros(d)
    L = np.linalg.norm(X, 2) ** 2 / n
    if L == 0.0:
        return w
    for _ in range(int(n_iter)):
        grad = -(X.T @ (y - X @ w)) / n
        z = w - grad / L
        w = np.sign(z) * np.maximum(np.abs(z) - lam / L, 0.0)
    return w
    # END SOLUTION
