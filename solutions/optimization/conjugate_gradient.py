r"""The conjugate gradient method for symmetric positive definite systems.

CG solves Ax = b using only products with A: each step searches a direction
A-conjugate to all earlier ones, so the k-th iterate minimises ½xᵀAx − bᵀx over the
Krylov space span{b, Ab, ..., A^{k-1}b}. It is how large sparse systems (and the
inner loops of Hessian-free optimisers) are solved.
"""

import numbers

import numpy as np


def conjugate_gradient(A, b, tol=1e-10, max_iter=None):
    r"""Solve Ax = b for symmetric positive definite A by conjugate gradients from x = 0.

    With :math:`x_0 = 0`, :math:`r_0 = p_0 = b`, each iteration is

    .. math::

        \alpha_k = \frac{r_k^\top r_k}{p_k^\top A p_k}, \quad
        x_{k+1} = x_k + \alpha_k p_k, \quad
        r_{k+1} = r_k - \alpha_k A p_k, \quad
        p_{k+1} = r_{k+1} + \frac{r_{k+1}^\top r_{k+1}}{r_k^\top r_k}\, p_k

    and the iterations stop as soon as :math:`\lVert r_k \rVert_2 \le` ``tol`` ·
    :math:`\lVert b \rVert_2`, or after ``max_iter`` of them.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Symmetric positive definite (not checked).
    b : array_like, shape (n,)
        The right-hand side.
    tol : float, optional
        The relative residual at which to stop (>= 0).
    max_iter : int, optional
        The most iterations (>= 0); None means n.

    Returns
    -------
    numpy.ndarray of shape (n,)
        The last iterate.

    Raises
    ------
    ValueError
        If A is not square, b does not match it, the input is empty, tol < 0, or
        max_iter is not a non-negative integer.

    Examples
    --------
    >>> conjugate_gradient([[4.0, 1.0], [1.0, 3.0]], [1.0, 2.0]).round(10).tolist()
    [0.0909090909, 0.6363636364]
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be a square 2-D array, got shape {A.shape}")
    n = A.shape[0]
    if n == 0:
        raise ValueError("A is empty")
    if b.shape != (n,):
        raise ValueError(f"b must have shape {(n,)}, got {b.shape}")
    if not tol >= 0:
        raise ValueError(f"tol must be non-negative, got {tol}")
    if max_iter is None:
        max_iter = n
    if isinstance(max_iter, bool) or not isinstance(max_iter, numbers.Integral) or max_iter < 0:
        raise ValueError(f"max_iter must be a non-negative integer or None, got {max_iter!r}")
    x = np.zeros(n)
    r = b.copy()
    p = r.copy()
    rr = float(r @ r)
    threshold = tol * np.sqrt(float(b @ b))
    for _ in range(max_iter):
        if np.sqrt(rr) <= threshold:
            break
        Ap = A @ p
        alpha = rr / float(p @ Ap)
        x = x + alpha * p
        r = r - alpha * Ap
        rr_new = float(r @ r)
        p = r + (rr_new / rr) * p
        rr = rr_new
    return x
    # END SOLUTION
