r"""Epsilon-greedy action selection, and the distribution it samples from.

With probability epsilon the agent explores (an action uniformly at random, greedy
ones included), otherwise it exploits (a maximiser of q, ties broken at random), so
every action keeps a probability of at least epsilon / A.
"""

import numpy as np


def _check(q, epsilon):
    """q as a float copy, after validating q and epsilon."""
    q = np.array(q, dtype=float)
    if q.ndim != 1 or q.size < 1:
        raise ValueError(f"q must be 1-D and non-empty, got shape {q.shape}")
    if not np.all(np.isfinite(q)):
        raise ValueError("q must be finite")
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must lie in [0, 1], got {epsilon!r}")
    return q


def epsilon_greedy(q, epsilon, rng):
    r"""Choose an action epsilon-greedily, with random tie-breaking among maximisers.

    .. math::

        a = \begin{cases}
            \text{uniform over } \{0, \dots, A - 1\} & \text{if } u < \varepsilon \\
            \text{uniform over } M = \arg\max_b q_b & \text{otherwise}
        \end{cases}
        \qquad u \sim U[0, 1)

    Protocol: ``u = rng.random()`` always (also for epsilon = 0 and 1); if
    ``u < epsilon`` return ``rng.integers(A)``; otherwise, with M the maximisers of q in
    increasing order (exact equality), return ``M[rng.integers(len(M))]``.

    Parameters
    ----------
    q : array_like, shape (A,)
        Action values, finite, A >= 1. Not modified.
    epsilon : float
        Exploration probability in [0, 1].
    rng : numpy.random.Generator
        The source of randomness, used as the protocol says.

    Returns
    -------
    int
        The chosen action, in [0, A).

    Raises
    ------
    ValueError
        If q is not 1-D, is empty or not finite, or epsilon is outside [0, 1].

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> [int(epsilon_greedy([0.0, 2.0, 2.0, 1.0], 0.5, rng)) for _ in range(6)]
    [2, 1, 0, 2, 2, 2]
    """
    # BEGIN SOLUTION
    q = _check(q, epsilon)
    u = rng.random()
    if u < epsilon:
        return int(rng.integers(q.size))
    maximisers = np.flatnonzero(q == q.max())
    return int(maximisers[rng.integers(maximisers.size)])
    # END SOLUTION


def epsilon_greedy_probs(q, epsilon):
    r"""The probability of each action under epsilon-greedy selection.

    .. math::

        \pi(a) = \frac{\varepsilon}{A} + \frac{1 - \varepsilon}{|M|}\,[a \in M],
        \qquad M = \arg\max_b q_b

    Parameters
    ----------
    q : array_like, shape (A,)
        Action values, finite, A >= 1. Not modified.
    epsilon : float
        Exploration probability in [0, 1].

    Returns
    -------
    ndarray, shape (A,)
        The action probabilities (non-negative, summing to 1).

    Raises
    ------
    ValueError
        If q is not 1-D, is empty or not finite, or epsilon is outside [0, 1].

    Examples
    --------
    >>> epsilon_greedy_probs([1.0, 3.0, 3.0, 0.0], 0.2).round(6).tolist()
    [0.05, 0.45, 0.45, 0.05]
    """
    # BEGIN SOLUTION
    q = _check(q, epsilon)
    greedy = q == q.max()
    probs = np.full(q.size, epsilon / q.size)
    probs[greedy] += (1.0 - epsilon) / np.count_nonzero(greedy)
    return probs
    # END SOLUTION
