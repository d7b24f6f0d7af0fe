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
    # TODO: write logistic_regression_newton (the docstring above has the maths).
    raise NotImplementedError("logistic_regression_newton is not implemented yet")
