r"""Bayes' rule on a finite set of hypotheses.

The posterior is the prior times the likelihood, renormalised by the evidence (the
total probability of the data): the same data shifts a skewed prior less than a flat one.
"""

import numpy as np


def bayes_posterior(prior, likelihood):
    r"""Posterior probabilities of k hypotheses after one observation.

    .. math::

        P(h_i \mid D) = \frac{P(h_i)\, P(D \mid h_i)}{P(D)}, \qquad
        P(D) = \sum_{j=1}^{k} P(h_j)\, P(D \mid h_j)

    Parameters
    ----------
    prior : array_like, shape (k,)
        Prior probabilities :math:`P(h_i)`: non-negative, summing to 1 (within 1e-9).
    likelihood : array_like, shape (k,)
        Likelihoods :math:`P(D \mid h_i)` of the observed data under each hypothesis:
        non-negative and finite (densities may exceed 1).

    Returns
    -------
    ndarray, shape (k,)
        The posterior, which sums to 1.

    Raises
    ------
    ValueError
        If an input is not 1-D, is empty, the shapes differ, the prior is negative
        somewhere or does not sum to 1, a likelihood is negative or not finite, or the
        evidence :math:`P(D)` is zero.

    Examples
    --------
    >>> bayes_posterior([0.5, 0.5], [0.8, 0.2]).round(6).tolist()
    [0.8, 0.2]
    >>> bayes_posterior([0.9, 0.1], [0.1, 0.9]).round(6).tolist()
    [0.5, 0.5]
    """
    # BEGIN SOLUTION
    prior = np.asarray(prior, dtype=float)
    likelihood = np.asarray(likelihood, dtype=float)
    if prior.ndim != 1 or likelihood.ndim != 1:
        raise ValueError(
            f"prior and likelihood must be 1-D, got shapes {prior.shape} and {likelihood.shape}"
        )
    if prior.size == 0:
        raise ValueError("prior is empty: there must be at least one hypothesis")
    if prior.shape != likelihood.shape:
        raise ValueError(
            f"prior has shape {prior.shape} but likelihood has shape {likelihood.shape}"
        )
    if not np.all(np.isfinite(prior)) or np.any(prior < 0):
        raise ValueError("prior must be non-negative and finite")
    if abs(prior.sum() - 1.0) > 1e-9:
        raise ValueError(f"prior must sum to 1, it sums to {prior.sum()!r}")
    if not np.all(np.isfinite(likelihood)) or np.any(likelihood < 0):
        raise ValueError("likelihood must be non-negative and finite")
    joint = prior * likelihood
    evidence = joint.sum()
    if evidence == 0:
        raise ValueError("the evidence P(D) is zero: the data is impossible under the prior")
    return joint / evidence
    # END SOLUTION
