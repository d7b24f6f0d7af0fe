r"""Sequential Bayesian updating in log space.

After thousands of observations every likelihood product underflows to 0 in floating
point; adding log-likelihoods and normalising with a shifted log-sum-exp stays exact.
"""

import numpy as np


def sequential_log_posterior(log_prior, log_likelihoods):
    r"""Normalised log posterior of k hypotheses after n_obs independent observations.

    .. math::

        \log P(h_i \mid x_{1:n}) = \ell_i - \operatorname{logsumexp}_j \ell_j, \qquad
        \ell_i = \log \tilde P(h_i) + \sum_{t=1}^{n} \log P(x_t \mid h_i)

    .. math::

        \operatorname{logsumexp}_j \ell_j = m + \log \sum_j e^{\ell_j - m}, \qquad
        m = \max_j \ell_j

    Parameters
    ----------
    log_prior : array_like, shape (k,)
        Log prior weights :math:`\log \tilde P(h_i)`, normalised or not; ``-inf`` marks a
        hypothesis with prior probability 0.
    log_likelihoods : array_like, shape (n_obs, k)
        Row t holds :math:`\log P(x_t \mid h_i)` for every hypothesis; n_obs may be 0.

    Returns
    -------
    ndarray, shape (k,)
        The log posterior: ``np.exp`` of it sums to 1. Ruled-out hypotheses get ``-inf``.

    Raises
    ------
    ValueError
        If log_prior is not 1-D or is empty, log_likelihoods is not 2-D with k columns,
        an entry is nan or ``+inf``, or every hypothesis is ruled out (zero evidence).

    Examples
    --------
    >>> import numpy as np
    >>> lp = sequential_log_posterior(np.log([0.5, 0.5]), np.log([[0.8, 0.2], [0.8, 0.2]]))
    >>> np.exp(lp).round(6).tolist()
    [0.941176, 0.058824]
    """
    # TODO: write sequential_log_posterior (the docstring above has the maths).
    raise NotImplementedError("sequential_log_posterior is not implemented yet")
