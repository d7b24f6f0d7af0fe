r"""L2-regularised logistic regression by Newton's method (IRLS).

Each Newton step solves a weighted least-squares problem, which is why the method is
also called iteratively reweighted least squares; it reaches machine precision in a
handful of steps, and it must stay finite when the logits are large.
"""

import numpy as np


def logistic_regression_newton(X, y, l2=1e-4, tol=1e-10, max_iter=100):
    r"""Fit L2-regularised logistic regression by Newton's method, starting from w = 0.

    .. math::

        J(w) = \frac{1}{n}\sum_{i=1}^n \Bigl[\log\bigl(1 + e^{z_i}\bigr) - y_i z_i\Bigr]
               + \frac{l_2}{2}\lVert w \rVert_2^2, \qquad z = Xw,

    .. math::

        \nabla J = \frac{1}{n} X^\top (p - y) + l_2 w, \qquad
        \nabla^2 J = \frac{1}{n} X^\top \operatorname{diag}\bigl(p(1-p)\bigr) X + l_2 I,
        \qquad p = \sigma(z),

    and each step solves :math:`\nabla^2 J\,\Delta = -\nabla J`. The step is halved
    while it would increase J by more than round-off (a safeguard far from the optimum;
    near it the full step is taken),
    and the iteration stops once :math:`\lVert \nabla J \rVert_\infty \le` tol, once the
    step is negligible, or after max_iter steps. :math:`\sigma` and the log-loss are
    evaluated without overflow (``logaddexp``), so separable data with large logits
    stay finite.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Design matrix; it already holds any intercept column (penalised like the rest).
    y : array_like, shape (n,)
        Labels in {0, 1}.
    l2 : float, optional
        Penalty weight, :math:`l_2 \ge 0`.
    tol : float, optional
        Stop when the largest entry of the gradient is at most tol (tol >= 0).
    max_iter : int, optional
        Maximum number of Newton steps (>= 0).

    Returns
    -------
    numpy.ndarray, shape (d,)
        The minimiser w of J.

    Raises
    ------
    ValueError
        If X is not 2-D, y not 1-D, their lengths differ, X is empty, a label is not 0
        or 1, l2 or tol is negative, or max_iter is not an integer >= 0.
    numpy.linalg.LinAlgError
        If the Hessian is singular (possible only with l2 = 0).

    Examples
    --------
    With a constant feature and l2 = 0, the fit reproduces the base rate:
    :math:`\sigma(w) = 3/4`, so :math:`w = \log 3`.

    >>> w = logistic_regression_newton([[1.0], [1.0], [1.0], [1.0]], [1, 1, 1, 0], l2=0.0)
    >>> round(float(w[0]), 9), round(float(np.log(3)), 9)
    (1.098612289, 1.098612289)
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    n, d = X.shape
    if n == 0 or d == 0:
        raise ValueError(f"X is empty (shape {X.shape})")
    if y.shape[0] != n:
        raise ValueError(f"y has {y.shape[0]} entries for {n} samples")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    y = y.astype(float)
    l2 = float(l2)
    if not l2 >= 0:
        raise ValueError(f"l2 must be >= 0, got {l2}")
    if not tol >= 0:
        raise ValueError(f"tol must be >= 0, got {tol}")
    if int(max_iter) != max_iter or max_iter < 0:
        raise ValueError(f"max_iter must be an integer >= 0, got {max_iter}")
    w = np.zeros(d)

    def objective(w):
        z = X @ w  # the log-loss as logaddexp(0, z) - y z: no overflow, no log(0)
        return float(np.mean(np.logaddexp(0.0, z) - y * z)) + 0.5 * l2 * float(w @ w)

    value = objective(w)
    for _ in range(int(max_iter)):
        z = X @ w
        p = np.exp(-np.logaddexp(0.0, -z))  # sigmoid(z) without overflow
        grad = X.T @ (p - y) / n + l2 * w
        if np.max(np.abs(grad)) <= tol:
            break
        hess = (X.T * (p * (1.0 - p))) @ X / n + l2 * np.eye(d)
        step = np.linalg.solve(hess, -grad)
        alpha = 1.0
        slack = 1e-13 * (1.0 + abs(value))  # J's round-off: do not halve on noise
        while alpha > 1e-10:
            candidate = w + alpha * step
            new_value = objective(candidate)
            if new_value <= value + slack:
                break
            alpha /= 2
        else:
            break  # no decrease along the Newton direction: w is optimal to rounding
        w, value = candidate, new_value
        if np.max(np.abs(alpha * step)) <= 1e-15 * (1.0 + np.max(np.abs(w))):
            break
    return w
    # END SOLUTION
