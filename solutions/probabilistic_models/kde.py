r"""Gaussian kernel density estimation in log space.

A kernel density estimate puts a Gaussian bump, shaped like the data's covariance and
shrunk by a bandwidth factor, on every data point; computed as a log-sum-exp so that a
query far from all the data still gets its (tiny but finite) log density.
"""

import math

import numpy as np


def kde_logpdf(data, query, bandwidth="scott"):
    r"""Log of the Gaussian kernel density estimate at the rows of ``query``.

    .. math::

        \hat p(x) = \frac{1}{n} \sum_{i=1}^{n} \mathcal N\bigl(x;\ \mathrm{data}_i,\
        h^2 \hat\Sigma\bigr), \qquad
        \hat\Sigma = \frac{1}{n - 1} \sum_{i=1}^{n} (\mathrm{data}_i - \bar x)
        (\mathrm{data}_i - \bar x)^\top

        h_{\mathrm{scott}} = n^{-1/(d+4)}, \qquad
        h_{\mathrm{silverman}} = \Bigl(\frac{n (d + 2)}{4}\Bigr)^{-1/(d+4)}

        \log \hat p(x) = \operatorname{logsumexp}_i\Bigl(-\tfrac12 \lVert z_i \rVert^2\Bigr)
        - \log n - \tfrac d2 \log 2\pi - d \log h - \sum_j \log L_{jj},
        \qquad z_i = L^{-1} (x - \mathrm{data}_i) / h

    with :math:`\hat\Sigma = L L^\top` (Cholesky). This is the convention of
    ``scipy.stats.gaussian_kde``: a numeric ``bandwidth`` is the factor h itself.

    Parameters
    ----------
    data : array_like, shape (n, d)
        The sample, n >= 2 rows of d >= 1 features.
    query : array_like, shape (m, d)
        The points at which to evaluate the log density, m >= 1.
    bandwidth : {"scott", "silverman"} or float, optional
        The rule for the factor h, or h itself (a number > 0).

    Returns
    -------
    ndarray, shape (m,)
        :math:`\log \hat p` at each row of query.

    Raises
    ------
    ValueError
        If data or query is not 2-D, has non-finite entries, data has fewer than 2 rows,
        query has no rows or not d columns, or bandwidth is neither "scott",
        "silverman" nor a finite number > 0.
    numpy.linalg.LinAlgError
        If the sample covariance is not positive definite (a constant feature).

    Examples
    --------
    >>> kde_logpdf([[0.0], [2.0]], [[1.0]], bandwidth=1.0).round(6).tolist()
    [-1.515512]
    """
    # BEGIN SOLUTION
    data = np.array(data, dtype=float)
    query = np.array(query, dtype=float)
    if data.ndim != 2 or data.shape[0] < 2 or data.shape[1] < 1:
        raise ValueError(f"data must be 2-D with n >= 2 rows and d >= 1 columns, got {data.shape}")
    n, d = data.shape
    if query.ndim != 2 or query.shape[0] < 1 or query.shape[1] != d:
        raise ValueError(f"query must be 2-D with m >= 1 rows and {d} columns, got {query.shape}")
    if not (np.all(np.isfinite(data)) and np.all(np.isfinite(query))):
        raise ValueError("data and query must be finite")
    if isinstance(bandwidth, str):
        if bandwidth == "scott":
            h = n ** (-1.0 / (d + 4))
        elif bandwidth == "silverman":
            h = (n * (d + 2) / 4.0) ** (-1.0 / (d + 4))
        else:
            raise ValueError(
                f'bandwidth must be "scott", "silverman" or a number, got {bandwidth!r}'
            )
    elif isinstance(bandwidth, (bool, np.bool_)) or not np.isscalar(bandwidth):
        raise ValueError(f"bandwidth must be a positive number, got {bandwidth!r}")
    else:
        h = float(bandwidth)
        if not (math.isfinite(h) and h > 0):
            raise ValueError(f"bandwidth must be a finite number > 0, got {bandwidth!r}")
    centred = data - data.mean(axis=0)
    cov = centred.T @ centred / (n - 1)
    L = np.linalg.cholesky(cov)  # LinAlgError if not positive definite
    # whitened differences z[q, i] = L^-1 (query_q - data_i) / h
    diffs = (query[:, None, :] - data[None, :, :]).reshape(-1, d)
    z = np.linalg.solve(L, diffs.T).T.reshape(query.shape[0], n, d) / h
    log_kernel = -0.5 * np.sum(z**2, axis=2)  # (m, n)
    top = log_kernel.max(axis=1)
    log_sum = top + np.log(np.sum(np.exp(log_kernel - top[:, None]), axis=1))
    log_norm = 0.5 * d * math.log(2 * math.pi) + d * math.log(h) + np.sum(np.log(np.diag(L)))
    return log_sum - math.log(n) - log_norm
    # END SOLUTION
