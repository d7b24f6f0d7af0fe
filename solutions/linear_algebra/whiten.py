r"""PCA whitening.

Rotating centred data onto its principal axes and dividing each axis by its standard
deviation gives features that are uncorrelated with unit variance: a common
pre-processing step (for ICA, for image patches) and the idea behind batch whitening.
"""

import numpy as np


def whiten(X, eps=1e-8):
    r"""PCA-whiten the data X: decorrelate it and scale every direction to unit variance.

    With the mean :math:`\bar x` and the eigen-decomposition of the covariance
    (divisor n - 1)

    .. math::

        C = \frac{1}{n - 1} (X - \mathbf{1}\bar x^\top)^\top (X - \mathbf{1}\bar x^\top)
          = V \Lambda V^\top,

    .. math::

        Z = (X - \mathbf{1}\bar x^\top)\, V\, (\Lambda + \varepsilon I)^{-1/2},
        \qquad
        \operatorname{cov}(Z) = \Lambda (\Lambda + \varepsilon I)^{-1} \approx I .

    ``eps`` keeps directions of (almost) zero variance finite. The order of the columns
    of Z and their signs are free (here: decreasing variance).

    Parameters
    ----------
    X : array_like, shape (n, d)
        Data, one sample per row, with n > d.
    eps : float, optional
        Added to every eigenvalue before the inverse square root, >= 0.

    Returns
    -------
    Z : ndarray, shape (n, d)
        The whitened data: column means 0, sample covariance (n - 1 divisor) close to I.

    Raises
    ------
    ValueError
        If X is not 2-D, n <= d (too few samples for a full-rank covariance), or
        eps < 0.
    numpy.linalg.LinAlgError
        If eps = 0 and the covariance is singular.

    Examples
    --------
    >>> X = [[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]]
    >>> Z = whiten(X)
    >>> np.abs(Z).round(6).tolist()
    [[0.866025, 0.866025], [0.866025, 0.866025], [0.866025, 0.866025], [0.866025, 0.866025]]
    >>> (np.cov(Z, rowvar=False).round(6) + 0.0).tolist()
    [[1.0, 0.0], [0.0, 1.0]]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    n, d = X.shape
    if n <= d:
        raise ValueError(f"whitening needs more samples than features, got n={n}, d={d}")
    if not eps >= 0:
        raise ValueError(f"eps must be non-negative, got {eps}")
    centred = X - X.mean(axis=0)
    covariance = centred.T @ centred / (n - 1)
    values, vectors = np.linalg.eigh(covariance)
    values, vectors = np.clip(values[::-1], 0.0, None), vectors[:, ::-1]
    if np.any(values + eps <= 0.0):
        raise np.linalg.LinAlgError("the covariance is singular: pass eps > 0")
    return centred @ vectors / np.sqrt(values + eps)
    # END SOLUTION
