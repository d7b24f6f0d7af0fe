r"""Principal component analysis.

The directions along which centred data varies most are the right singular vectors of
the centred data matrix (the eigenvectors of its covariance); the variance along each
is its squared singular value over n - 1.
"""

from typing import NamedTuple

import numpy as np


class PCA(NamedTuple):
    components: np.ndarray
    explained_variance: np.ndarray
    explained_variance_ratio: np.ndarray
    mean: np.ndarray


def pca(X, n_components):
    r"""The top ``n_components`` principal components of X.

    With :math:`\bar x` the column means and :math:`X_c = X - \mathbf{1}\bar x^\top`,
    write :math:`X_c = U \Sigma V^\top` (singular values in decreasing order). Then

    .. math::

        \text{components} = V_{:, :k}^\top, \qquad
        \lambda_j = \frac{\sigma_j^2}{n - 1}, \qquad
        \text{ratio}_j = \frac{\lambda_j}{\operatorname{tr} \operatorname{cov}(X)}
                       = \frac{\sigma_j^2}{\sum_i \sigma_i^2}

    so that :math:`\operatorname{cov}(X)\, v_j = \lambda_j v_j` for each component.
    The sign of each component is free.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Data, one sample per row.
    n_components : int
        k, the number of components, 1 <= k <= min(n, d).

    Returns
    -------
    PCA
        ``components`` (k, d) orthonormal rows in decreasing order of variance;
        ``explained_variance`` (k,) with the n - 1 divisor (as scikit-learn);
        ``explained_variance_ratio`` (k,) over the total variance of X;
        ``mean`` (d,).

    Raises
    ------
    ValueError
        If X is not 2-D, n < 2, k is out of range, or X is constant (no variance).

    Examples
    --------
    >>> X = [[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]]
    >>> result = pca(X, 1)
    >>> np.abs(result.components).round(6).tolist()
    [[1.0, 0.0]]
    >>> result.explained_variance.round(6).tolist()
    [1.333333]
    >>> result.explained_variance_ratio.round(6).tolist()
    [0.8]
    >>> result.mean.tolist()
    [1.0, 0.5]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    n, d = X.shape
    if n < 2:
        raise ValueError(f"PCA needs at least 2 samples, got {n}")
    k = int(n_components)
    if k != n_components or not 1 <= k <= min(n, d):
        raise ValueError(
            f"n_components must be an integer from 1 to {min(n, d)}, got {n_components}"
        )
    if np.all(X == X[0]):  # the values themselves: a computed mean may be off by round-off
        raise ValueError("X is constant: it has no variance to explain")
    mean = X.mean(axis=0)
    centred = X - mean
    _, singular_values, Vt = np.linalg.svd(centred, full_matrices=False)
    variances = singular_values**2 / (n - 1)
    total = variances.sum()
    return PCA(Vt[:k].copy(), variances[:k], variances[:k] / total, mean)
    # END SOLUTION
