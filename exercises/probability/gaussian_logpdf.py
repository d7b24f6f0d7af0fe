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
    # TODO: write gaussian_logpdf (the docstring above has the maths).
    raise NotImplementedError("gaussian_logpdf is not implemented yet")
