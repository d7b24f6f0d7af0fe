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
    # TODO: write bayes_posterior (the docstring above has the maths).
    raise NotImplementedError("bayes_posterior is not implemented yet")
