r"""The Beta-Bernoulli conjugate update.

A Beta(a, b) prior on the success probability of 0/1 data gives a Beta posterior again:
each success adds 1 to a, each failure adds 1 to b. The posterior's mean and mode (the
MAP estimate) follow in closed form.
"""

from typing import NamedTuple

import numpy as np


class Beta(NamedTuple):
    a: float
    b: float
    mean: float
    mode: float


def beta_bernoulli_posterior(x, a=1.0, b=1.0):
    r"""Posterior Beta distribution of a Bernoulli probability after observing x.

    With k successes among n observations and prior :math:`\theta \sim
    \mathrm{Beta}(a, b)`, the posterior is

    .. math::

        p(\theta \mid x) \propto \theta^{a - 1} (1 - \theta)^{b - 1}
            \cdot \theta^{k} (1 - \theta)^{n - k}
        = \mathrm{Beta}(\theta;\ a' = a + k,\ b' = b + n - k)

    with

    .. math::

        \text{mean} = \frac{a'}{a' + b'}, \qquad
        \text{mode} = \frac{a' - 1}{a' + b' - 2} \quad (a' > 1 \text{ and } b' > 1;
        \text{ otherwise nan})

    (when :math:`a' \le 1` or :math:`b' \le 1` the density has no interior maximum).

    Parameters
    ----------
    x : array_like, shape (n,)
        Observations, each 0 or 1 (bools accepted); may be empty (then the posterior is
        the prior).
    a, b : float, default 1.0
        The prior's parameters, both > 0 (the default is the uniform prior).

    Returns
    -------
    Beta
        ``a``, ``b`` (the posterior parameters), ``mean`` and ``mode`` of the
        posterior, all floats.

    Raises
    ------
    ValueError
        If x is not 1-D or holds a value other than 0 and 1, or a or b is not a
        finite positive number.

    Examples
    --------
    >>> post = beta_bernoulli_posterior([1, 0, 1, 1], a=2.0, b=2.0)
    >>> float(post.a), float(post.b)
    (5.0, 3.0)
    >>> round(float(post.mean), 6), round(float(post.mode), 6)
    (0.625, 0.666667)
    >>> bool(np.isnan(beta_bernoulli_posterior([], a=1.0, b=1.0).mode))
    True
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be 1-D, got shape {x.shape}")
    if np.any((x != 0) & (x != 1)):
        raise ValueError("x must hold only 0 and 1 (failures and successes)")
    a, b = float(a), float(b)
    if not (np.isfinite(a) and np.isfinite(b) and a > 0 and b > 0):
        raise ValueError(f"the prior needs a > 0 and b > 0, got a={a}, b={b}")
    successes = float(x.sum())
    a_post = a + successes
    b_post = b + (x.size - successes)
    mean = a_post / (a_post + b_post)
    mode = (a_post - 1) / (a_post + b_post - 2) if a_post > 1 and b_post > 1 else np.nan
    return Beta(a_post, b_post, mean, float(mode))
    # END SOLUTION
