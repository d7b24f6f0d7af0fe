r"""Thompson sampling on Bernoulli bandits with Beta priors.

Each round the agent draws one plausible success probability per arm from its Beta
posterior and plays the arm whose draw is largest: arms are played as often as they are
likely to be the best, which balances exploration and exploitation by itself.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Thompson(NamedTuple):
    """The simulated plays and the final posterior parameters."""

    arms: np.ndarray
    rewards: np.ndarray
    alpha: np.ndarray
    beta: np.ndarray


def thompson_bernoulli(true_probs, n_rounds, rng, alpha0=1.0, beta0=1.0):
    r"""Simulate Thompson sampling on K Bernoulli arms.

    Each arm's success probability has the prior Beta(alpha0, beta0); after
    :math:`s_j` successes and :math:`f_j` failures its posterior is

    .. math::

        \theta_j \mid \text{data} \sim \mathrm{Beta}(\alpha_0 + s_j,\ \beta_0 + f_j)

    Protocol per round: ``theta = rng.beta(alpha, beta)`` (one call on the two current
    (K,) arrays); ``a = argmax(theta)`` (lowest index on ties);
    ``reward = int(rng.random() < true_probs[a])``; ``alpha[a] += reward``,
    ``beta[a] += 1 - reward``.

    Parameters
    ----------
    true_probs : array_like, shape (K,)
        The arms' success probabilities, in [0, 1], K >= 1. Not modified.
    n_rounds : int
        Number of rounds, >= 0 (0 draws nothing).
    rng : numpy.random.Generator
        The source of randomness, used as the protocol says.
    alpha0, beta0 : float, optional
        The Beta prior's parameters, > 0.

    Returns
    -------
    Thompson
        ``arms`` and ``rewards`` (int arrays (n_rounds,)), ``alpha`` and ``beta`` (the
        final posterior parameters, float arrays (K,)).

    Raises
    ------
    ValueError
        If true_probs is not 1-D, is empty or has an entry outside [0, 1], n_rounds is
        not an integer >= 0, or alpha0 or beta0 is not a positive number.

    Examples
    --------
    >>> result = thompson_bernoulli([0.3, 0.6], 6, np.random.default_rng(3))
    >>> result.arms.tolist(), result.rewards.tolist()
    ([0, 1, 1, 1, 1, 1], [0, 1, 1, 1, 1, 0])
    >>> result.alpha.tolist(), result.beta.tolist()
    ([1.0, 5.0], [2.0, 2.0])
    """
    # BEGIN SOLUTION
    probs = np.array(true_probs, dtype=float)
    if probs.ndim != 1 or probs.size < 1:
        raise ValueError(f"true_probs must be 1-D and non-empty, got shape {probs.shape}")
    if not np.all((probs >= 0) & (probs <= 1)):
        raise ValueError("true_probs must lie in [0, 1]")
    if isinstance(n_rounds, (bool, np.bool_)) or not isinstance(n_rounds, numbers.Integral):
        raise ValueError(f"n_rounds must be an integer, got {n_rounds!r}")
    if n_rounds < 0:
        raise ValueError(f"n_rounds must be >= 0, got {n_rounds!r}")
    for name, value in [("alpha0", alpha0), ("beta0", beta0)]:
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
            raise ValueError(f"{name} must be a number, got {value!r}")
        if not (np.isfinite(value) and value > 0):
            raise ValueError(f"{name} must be positive and finite, got {value!r}")
    K = probs.size
    alpha = np.full(K, float(alpha0))
    beta = np.full(K, float(beta0))
    arms = np.zeros(n_rounds, dtype=int)
    rewards = np.zeros(n_rounds, dtype=int)
    for t in range(n_rounds):
        theta = rng.beta(alpha, beta)
        a = int(np.argmax(theta))
        reward = int(rng.random() < probs[a])
        alpha[a] += reward
        beta[a] += 1 - reward
        arms[t], rewards[t] = a, reward
    return Thompson(arms, rewards, alpha, beta)
    # END SOLUTION
