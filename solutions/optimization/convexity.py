r"""Convexity of a quadratic form.

Whether :math:`\tfrac12 x^\top A x` is convex decides whether a local minimum is global and
whether Newton's method and conjugate gradients apply. Only the symmetric part of A
enters the form, so only its eigenvalues matter.
"""

import numpy as np


def is_convex_quadratic(A, tol=1e-10):
    r"""Whether :math:`f(x) = \tfrac12 x^\top A x` is convex.

    .. math::

        x^\top A x = x^\top S x, \quad S = \tfrac12 (A + A^\top), \qquad
        f \text{ convex} \iff S \succeq 0 \iff \lambda_{\min}(S) \ge -\mathrm{tol}

    The eigenvalues of a non-symmetric A itself say nothing about convexity:
    :math:`A = \begin{pmatrix} 1 & 4 \\ 0 & 1 \end{pmatrix}` has eigenvalues 1 and 1,
    but :math:`x = (1, -1)` gives :math:`x^\top A x = -2`.

    Parameters
    ----------
    A : array_like, shape (d, d)
        A square matrix, symmetric or not.
    tol : float, optional
        How far below zero the smallest eigenvalue of S may be (round-off), tol >= 0.

    Returns
    -------
    bool
        True if the smallest eigenvalue of the symmetric part is at least -tol.

    Raises
    ------
    ValueError
        If A is not a non-empty square 2-D array of finite numbers, or tol is negative.

    Examples
    --------
    >>> bool(is_convex_quadratic([[2.0, 1.0], [1.0, 2.0]]))
    True
    >>> bool(is_convex_quadratic([[1.0, 4.0], [0.0, 1.0]]))
    False
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be a square matrix, got shape {A.shape}")
    if A.size == 0:
        raise ValueError("A is empty")
    if not np.all(np.isfinite(A)):
        raise ValueError("A has a non-finite entry")
    if not tol >= 0:
        raise ValueError(f"tol must be >= 0, got {tol}")
    S = 0.5 * (A + A.T)
    return bool(np.linalg.eigvalsh(S)[0] >= -tol)
    # END SOLUTION
