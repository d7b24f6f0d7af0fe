r"""Best low-rank approximation.

Truncating the singular value decomposition to its k largest singular values gives the
closest rank-k matrix in the Frobenius norm (Eckart-Young). It is the maths of image
compression, latent semantic analysis and low-rank adaptation of large models.
"""

import numpy as np


def low_rank_approx(A, k):
    r"""The best rank-k approximation of A in the Frobenius norm.

    With the SVD :math:`A = \sum_i \sigma_i u_i v_i^\top`
    (:math:`\sigma_1 \ge \sigma_2 \ge \dots \ge 0`),

    .. math::

        A_k = \sum_{i=1}^{k} \sigma_i u_i v_i^\top = U_{:, :k}
              \operatorname{diag}(\sigma_{:k}) V^\top_{:k, :},
        \qquad
        \lVert A - A_k \rVert_F = \min_{\operatorname{rank} B \le k} \lVert A - B \rVert_F
                                = \sqrt{\sum_{i > k} \sigma_i^2}.

    Parameters
    ----------
    A : array_like, shape (m, n)
        Any non-empty matrix.
    k : int
        The rank, 0 <= k <= min(m, n); k = 0 gives the zero matrix, k = min(m, n)
        gives A itself.

    Returns
    -------
    A_k : ndarray, shape (m, n)
        The truncated SVD of A.

    Raises
    ------
    ValueError
        If A is not a non-empty 2-D array, or k is not an integer in [0, min(m, n)].

    Examples
    --------
    >>> low_rank_approx([[3.0, 1.0], [1.0, 3.0]], 1).round(6).tolist()
    [[2.0, 2.0], [2.0, 2.0]]
    >>> low_rank_approx([[3.0, 1.0], [1.0, 3.0]], 0).tolist()
    [[0.0, 0.0], [0.0, 0.0]]
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    if A.ndim != 2:
        raise ValueError(f"A must be 2-D, got shape {A.shape}")
    if A.size == 0:
        raise ValueError(f"A is empty (shape {A.shape})")
    m, n = A.shape
    if int(k) != k or not 0 <= k <= min(m, n):
        raise ValueError(f"k must be an integer from 0 to {min(m, n)}, got {k}")
    k = int(k)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return (U[:, :k] * s[:k]) @ Vt[:k, :]
    # END SOLUTION
