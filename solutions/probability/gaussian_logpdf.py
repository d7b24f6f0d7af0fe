r"""The log density of a multivariate normal distribution, via Cholesky.

The Cholesky factor gives both the quadratic form (one triangular solve) and the log
determinant (twice the sum of the logs of its diagonal) without ever forming the
determinant, which underflows in high dimensions, or the inverse, which loses accuracy.
"""

import numpy as np


def gaussian_logpdf(X, mean, cov):
    r"""Log density of :math:`N(\mu, \Sigma)` at each row of X.

    .. math::

        \log p(x) = -\frac{1}{2}\left[ d \log 2\pi + \log\det\Sigma
                    + (x - \mu)^\top \Sigma^{-1} (x - \mu) \right]

    With the Cholesky factor :math:`\Sigma = L L^\top` (L lower triangular) and
    :math:`z = L^{-1}(x - \mu)`:

    .. math::

        \log\det\Sigma = 2 \sum_{i=1}^{d} \log L_{ii}, \qquad
        (x - \mu)^\top \Sigma^{-1} (x - \mu) = \lVert z \rVert^2

    Parameters
    ----------
    X : array_like, shape (n, d)
        Points, one per row.
    mean : array_like, shape (d,)
        The mean :math:`\mu`.
    cov : array_like, shape (d, d)
        The covariance :math:`\Sigma`: symmetric positive definite.

    Returns
    -------
    ndarray, shape (n,)
        :math:`\log p(x_i)` for every row.

    Raises
    ------
    ValueError
        If the shapes are wrong or do not match, an input is empty or not finite, or cov
        is not symmetric.
    numpy.linalg.LinAlgError
        If cov is not positive definite.

    Examples
    --------
    >>> import numpy as np
    >>> X = [[0.0, 0.0], [1.0, 2.0]]
    >>> gaussian_logpdf(X, [0.0, 0.0], np.eye(2)).round(6).tolist()
    [-1.837877, -4.337877]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    mean = np.asarray(mean, dtype=float)
    cov = np.asarray(cov, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}")
    if X.size == 0:
        raise ValueError(f"X is empty (shape {X.shape})")
    d = X.shape[1]
    if mean.shape != (d,):
        raise ValueError(f"mean must have shape ({d},), got {mean.shape}")
    if cov.shape != (d, d):
        raise ValueError(f"cov must have shape ({d}, {d}), got {cov.shape}")
    for name, a in [("X", X), ("mean", mean), ("cov", cov)]:
        if not np.all(np.isfinite(a)):
            raise ValueError(f"{name} contains nan or inf")
    if np.max(np.abs(cov - cov.T)) > 1e-10 * np.max(np.abs(cov)):
        raise ValueError("cov is not symmetric")
    L = np.linalg.cholesky(cov)  # raises LinAlgError if cov is not positive definite
    z = np.linalg.solve(L, (X - mean).T)  # (d, n); a triangular solve would do
    log_det = 2.0 * np.sum(np.log(np.diag(L)))
    quad = np.sum(z**2, axis=0)
    return -0.5 * (d * np.log(2.0 * np.pi) + log_det + quad)
    # END SOLUTION
