r"""Rejection sampling.

To sample a density f using a proposal g that is easy to sample and an envelope
M g(x) >= f(x): propose x ~ g, and keep it with probability f(x) / (M g(x)). The kept
points have density f, and on average one proposal in M is kept.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Rejection(NamedTuple):
    samples: np.ndarray
    acceptance_rate: float


def rejection_sample(target_pdf, proposal_sample, proposal_pdf, M, n, rng):
    r"""Draw n samples of the density f by rejection from the proposal g.

    .. math::

        x \sim g, \quad u \sim U[0, 1): \quad \text{accept } x \iff u\, M\, g(x) < f(x),
        \qquad P(\text{accept}) = \frac{1}{M}

    valid when :math:`f(x) \le M g(x)` everywhere (f and g normalised).

    Protocol (so results are reproducible): in rounds, with ``m`` samples still needed,
    draw ``x = proposal_sample(rng, m)`` and then ``u = rng.random(m)``; keep the accepted
    x in their order; repeat until n are kept.

    Parameters
    ----------
    target_pdf : callable
        f, vectorised: maps an array of points to their densities.
    proposal_sample : callable
        ``proposal_sample(rng, m)`` returns m points drawn from g.
    proposal_pdf : callable
        g, vectorised.
    M : float
        The envelope constant, M > 0, with :math:`f \le M g`.
    n : int
        Number of samples wanted, n >= 1.
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    Rejection
        ``samples`` (array of shape (n,), in the order accepted) and
        ``acceptance_rate``, n divided by the number of proposals drawn.

    Raises
    ------
    ValueError
        If M is not a positive finite number or n is not an integer >= 1.

    Examples
    --------
    >>> import numpy as np
    >>> beta22 = lambda x: 6 * x * (1 - x)
    >>> uniform = lambda rng, m: rng.random(m)
    >>> result = rejection_sample(beta22, uniform, np.ones_like, 1.5, 4, np.random.default_rng(1))
    >>> result.samples.round(6).tolist(), round(result.acceptance_rate, 6)
    ([0.511822, 0.549594, 0.303195, 0.453498], 0.444444)
    """
    # BEGIN SOLUTION
    M = float(M)
    if not 0.0 < M < np.inf:  # also rejects nan
        raise ValueError(f"M must be a positive finite number, got {M!r}")
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"n must be an integer >= 1, got {n!r}")
    accepted, proposals, kept = [], 0, 0
    while kept < n:
        m = n - kept
        x = np.asarray(proposal_sample(rng, m), dtype=float)
        u = rng.random(m)
        keep = u * M * np.asarray(proposal_pdf(x), dtype=float) < np.asarray(target_pdf(x))
        accepted.append(x[keep])
        kept += int(keep.sum())
        proposals += m
    return Rejection(np.concatenate(accepted), n / proposals)
    # END SOLUTION
