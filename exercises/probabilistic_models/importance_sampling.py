r"""Self-normalised importance sampling.

Expectations under a target p known only up to its normalising constant are estimated
from draws of an easier proposal q, each weighted by p/q; in log space, so that weights
of size e^1e4 or e^-1e4 neither overflow nor all vanish.
"""

from typing import NamedTuple

import numpy as np


class IS(NamedTuple):
    """Result of :func:`importance_sampling`."""

    estimate: float | np.ndarray
    ess: float
    log_mean_weight: float


def importance_sampling(log_p, log_q, f_values):
    r"""Self-normalised importance-sampling estimate of E_p[f] from n draws of q.

    .. math::

        \ell_i = \log \tilde p(x_i) - \log q(x_i), \qquad
        \tilde w_i = \frac{e^{\ell_i}}{\sum_j e^{\ell_j}}
                   = \exp\Bigl(\ell_i - \operatorname{logsumexp}(\ell)\Bigr)

        \widehat{E_p f} = \sum_i \tilde w_i f(x_i), \qquad
        \mathrm{ESS} = \frac{1}{\sum_i \tilde w_i^2}, \qquad
        \log \frac{1}{n}\sum_i e^{\ell_i} = \operatorname{logsumexp}(\ell) - \log n
        \approx \log \frac{Z_p}{Z_q}

    The log-sum-exp is computed after shifting by :math:`\max_i \ell_i`, so that the
    largest weight is exactly 1 and nothing overflows.

    Parameters
    ----------
    log_p : array_like, shape (n,)
        Unnormalised target log density at each draw; may hold -inf (weight 0), but not
        only -inf, nor nan or +inf.
    log_q : array_like, shape (n,)
        Proposal log density at each draw, finite.
    f_values : array_like, shape (n,) or (n, k)
        f at each draw; column j of a 2-D array holds the j-th function.

    Returns
    -------
    IS
        ``estimate`` (a float for 1-D f_values, a (k,) array for 2-D), ``ess`` (the
        effective sample size, in [1, n]) and ``log_mean_weight`` (the log of the mean
        raw weight, an unbiased estimate's log of Z_p / Z_q).

    Raises
    ------
    ValueError
        If log_p or log_q is not 1-D and non-empty, their lengths differ, log_p holds
        nan or +inf or only -inf, log_q is not finite, or f_values is not (n,) or (n, k).

    Examples
    --------
    >>> r = importance_sampling([0.0, np.log(3.0)], [0.0, 0.0], [1.0, 5.0])
    >>> float(r.estimate), float(r.ess), round(float(r.log_mean_weight), 6)
    (4.0, 1.6, 0.693147)
    """
    # TODO: write importance_sampling (the docstring above has the maths).
    raise NotImplementedError("importance_sampling is not implemented yet")
