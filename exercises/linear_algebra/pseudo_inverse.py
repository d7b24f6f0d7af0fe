r"""The Moore-Penrose pseudo-inverse.

Every matrix, square or not, singular or not, has one pseudo-inverse: it inverts A on
its row space and sends the rest to zero, so A^+ b is the minimum-norm least-squares
solution of A x = b. Computed from the SVD by inverting the non-negligible singular
values only.
"""

import numpy as np


def pseudo_inverse(A, rcond=1e-15):
    r"""The Moore-Penrose pseudo-inverse of A, through its SVD.

    With :math:`A = U \operatorname{diag}(\sigma) V^\top` (thin SVD),

    .. math::

        A^+ = V \operatorname{diag}(\sigma^+) U^\top, \qquad
        \sigma_i^+ = \begin{cases} 1 / \sigma_i & \sigma_i > \text{rcond} \cdot \sigma_{\max} \\
                                   0 & \text{otherwise.} \end{cases}

    It is the unique matrix X meeting the four Penrose conditions

    .. math::

        A X A = A, \quad X A X = X, \quad (A X)^\top = A X, \quad (X A)^\top = X A.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any non-empty matrix (rank-deficient allowed).
    rcond : float, optional
        Singular values at most ``rcond * max(sigma)`` count as zero; rcond >= 0.

    Returns
    -------
    A_pinv : ndarray, shape (n, m)

    Raises
    ------
    ValueError
        If A is not a non-empty 2-D array, or rcond < 0.

    Examples
    --------
    >>> pseudo_inverse([[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]]).tolist()
    [[1.0, 0.0, 0.0], [0.0, 0.5, 0.0]]
    >>> (pseudo_inverse([[1.0, 2.0], [2.0, 4.0]]) * 25).round(6).tolist()
    [[1.0, 2.0], [2.0, 4.0]]
    """
    # TODO: write pseudo_inverse (the docstring above has the maths).
    raise NotImplementedError("pseudo_inverse is not implemented yet")
