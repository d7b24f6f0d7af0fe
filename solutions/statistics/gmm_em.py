r"""One expectation-maximisation step for a Gaussian mixture.

The E-step computes each component's responsibility for each point (in log space, so
that points far from every mean do not underflow to 0/0); the M-step re-estimates the
weights, means and covariances as responsibility-weighted maximum-likelihood estimates.
"""

from typing import NamedTuple

import numpy as np


class GMMStep(NamedTuple):
    weights: np.ndarray
    means: np.ndarray
    covs: np.ndarray
    log_likelihood: float


def gmm_em_step(X, weights, means, covs):
    r"""One EM iteration for a K-component Gaussian mixture.

    E-step, with :math:`\log r_{ik}` normalised by a log-sum-exp:

    .. math::

        \log r_{ik} = \log \pi_k + \log N(x_i \mid \mu_k, \Sigma_k)
                      - \log \sum_{j} \pi_j N(x_i \mid \mu_j, \Sigma_j),
        \qquad
        \log N(x \mid \mu, \Sigma) = -\tfrac12\left(d \log 2\pi + \log\det\Sigma
            + (x - \mu)^\top \Sigma^{-1} (x - \mu)\right)

    M-step, with :math:`N_k = \sum_i r_{ik}`:

    .. math::

        \pi_k' = \frac{N_k}{n}, \qquad
        \mu_k' = \frac{1}{N_k} \sum_i r_{ik} x_i, \qquad
        \Sigma_k' = \frac{1}{N_k} \sum_i r_{ik} (x_i - \mu_k')(x_i - \mu_k')^\top

    The log-likelihood returned is that of the *input* parameters, summed over the
    points: :math:`\sum_i \log \sum_k \pi_k N(x_i \mid \mu_k, \Sigma_k)`.

    Parameters
    ----------
    X : array_like, shape (n, d)
        The data, n >= 1.
    weights : array_like, shape (K,)
        Mixing weights, each > 0, summing to 1 (within 1e-9).
    means : array_like, shape (K, d)
        Component means.
    covs : array_like, shape (K, d, d)
        Component covariances, symmetric positive definite.

    Returns
    -------
    GMMStep
        The updated ``weights`` (K,), ``means`` (K, d), ``covs`` (K, d, d), and the
        ``log_likelihood`` (float) of the input parameters.

    Raises
    ------
    ValueError
        If the shapes do not match, X is empty, a weight is not positive, the weights
        do not sum to 1, a covariance is not symmetric, or a component gets no
        responsibility at all (N_k = 0).
    numpy.linalg.LinAlgError
        If a covariance is not positive definite.

    Examples
    --------
    >>> X = [[-1.0], [1.0], [9.0], [11.0]]
    >>> step = gmm_em_step(X, [0.5, 0.5], [[0.0], [10.0]], [[[1.0]], [[1.0]]])
    >>> step.weights.round(6).tolist(), (step.means.round(6) + 0.0).tolist()
    ([0.5, 0.5], [[0.0], [10.0]])
    >>> step.covs.round(6).tolist()
    [[[1.0]], [[1.0]]]
    >>> round(float(step.log_likelihood), 6)
    -8.448343
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    weights = np.asarray(weights, dtype=float)
    means = np.asarray(means, dtype=float)
    covs = np.asarray(covs, dtype=float)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be 2-D with at least one row, got shape {X.shape}")
    n, d = X.shape
    if weights.ndim != 1 or weights.size == 0:
        raise ValueError(f"weights must be 1-D and non-empty, got shape {weights.shape}")
    K = weights.size
    if means.shape != (K, d):
        raise ValueError(f"means must have shape {(K, d)}, got {means.shape}")
    if covs.shape != (K, d, d):
        raise ValueError(f"covs must have shape {(K, d, d)}, got {covs.shape}")
    if np.any(weights <= 0) or abs(weights.sum() - 1.0) > 1e-9:
        raise ValueError("weights must be positive and sum to 1")
    for k in range(K):
        if np.abs(covs[k] - covs[k].T).max() > 1e-10 * np.abs(covs[k]).max():
            raise ValueError(f"covs[{k}] is not symmetric")

    # E-step in log space.
    log_joint = np.empty((n, K))
    for k in range(K):
        L = np.linalg.cholesky(covs[k])  # LinAlgError if not positive definite
        z = np.linalg.solve(L, (X - means[k]).T)
        log_det = 2.0 * np.sum(np.log(np.diag(L)))
        log_density = -0.5 * (d * np.log(2 * np.pi) + log_det + np.sum(z**2, axis=0))
        log_joint[:, k] = np.log(weights[k]) + log_density
    top = log_joint.max(axis=1, keepdims=True)
    log_norm = top[:, 0] + np.log(np.sum(np.exp(log_joint - top), axis=1))
    resp = np.exp(log_joint - log_norm[:, None])

    # M-step.
    totals = resp.sum(axis=0)
    if np.any(totals <= 0):
        raise ValueError("a component has no responsibility for any point (N_k = 0)")
    new_means = (resp.T @ X) / totals[:, None]
    new_covs = np.empty((K, d, d))
    for k in range(K):
        centred = X - new_means[k]
        cov = (resp[:, k, None] * centred).T @ centred / totals[k]
        new_covs[k] = (cov + cov.T) / 2
    return GMMStep(totals / n, new_means, new_covs, float(log_norm.sum()))
    # END SOLUTION
