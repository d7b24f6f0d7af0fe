r"""Reconstruction from the top principal components.

Projecting centred data onto its top k principal directions and mapping back gives the
closest data set of rank k around the mean: what PCA compression keeps. The squared
error is exactly the variance in the dropped directions, times n - 1.
"""

import numpy as np
from linear_algebra.pca import pca


def pca_reconstruct(X, n_components):
    r"""Project X onto its top ``n_components`` principal components and back.

    With the mean :math:`\bar x`, the components :math:`W \in \mathbb{R}^{k \times d}`
    (orthonormal rows) and the explained variances :math:`\lambda_1 \ge \dots \ge
    \lambda_d` of X,

    .. math::

        \hat X = \mathbf{1}\bar x^\top + (X - \mathbf{1}\bar x^\top)\, W^\top W,
        \qquad
        \lVert X - \hat X \rVert_F^2 = (n - 1) \sum_{j > k} \lambda_j .

    Parameters
    ----------
    X : array_like, shape (n, d)
        Data, one sample per row.
    n_components : int
        k, the number of components kept, 1 <= k <= min(n, d).

    Returns
    -------
    X_hat : ndarray, shape (n, d)
        The reconstruction, mean included.

    Raises
    ------
    ValueError
        As ``pca``: X not 2-D, n < 2, k out of range, or X constant.

    Examples
    --------
    >>> X = [[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]]
    >>> pca_reconstruct(X, 1).round(6).tolist()
    [[0.0, 0.5], [2.0, 0.5], [0.0, 0.5], [2.0, 0.5]]
    >>> np.allclose(pca_reconstruct(X, 2), X)
    True
    """
    # TODO: write pca_reconstruct (the docstring above has the maths).
    raise NotImplementedError("pca_reconstruct is not implemented yet")
