r"""Value iteration: the Bellman optimality backup, repeated to a fixed point.

Each synchronous backup V <- max_a [R + gamma P V] is a gamma-contraction in the max
norm, so the iterates converge to V*, and the greedy policy of the last iterate is
optimal once they are close enough.
"""

from typing import NamedTuple

import numpy as np


class VI(NamedTuple):
    """The last iterate V (S,), its greedy policy (S,) of ints, and the number of backups."""

    V: np.ndarray
    policy: np.ndarray
    n_iter: int


def _check_mdp(P, R):
    """P (S, A, S) with probability rows, R (S, A) finite, as float arrays."""
    P = np.array(P, dtype=float)
    R = np.array(R, dtype=float)
    if P.ndim != 3 or P.shape[0] != P.shape[2]:
        raise ValueError(f"P must have shape (S, A, S), got {P.shape}")
    S, A = P.shape[:2]
    if S < 1 or A < 1:
        raise ValueError(f"an MDP needs S >= 1 and A >= 1, got P of shape {P.shape}")
    if R.shape != (S, A):
        raise ValueError(f"R must have shape (S, A) = {(S, A)}, got {R.shape}")
    if not np.all(np.isfinite(P)) or np.any(P < 0):
        raise ValueError("P must be finite and non-negative")
    if np.any(np.abs(P.sum(axis=2) - 1.0) > 1e-9):
        s, a = np.argwhere(np.abs(P.sum(axis=2) - 1.0) > 1e-9)[0]
        raise ValueError(f"P[{s}, {a}, :] is not a distribution: it sums to {P[s, a].sum()!r}")
    if not np.all(np.isfinite(R)):
        raise ValueError("R must be finite")
    return P, R


def _check_gamma(gamma):
    if isinstance(gamma, bool) or not isinstance(gamma, (int, float, np.integer, np.floating)):
        raise ValueError(f"gamma must be a number, got {gamma!r}")
    if not 0.0 <= gamma < 1.0:
        raise ValueError(
            f"gamma must be in [0, 1) (gamma = 1 can make I - gamma P singular), got {gamma}"
        )
    return float(gamma)


def _greedy(Q):
    """The lowest-index maximiser of each row, with ties within 1e-9 max(1, max|Q|)."""
    best = Q.max(axis=1, keepdims=True)
    slack = 1e-9 * np.maximum(1.0, np.abs(Q).max(axis=1, keepdims=True))
    return np.argmax(Q >= best - slack, axis=1).astype(np.int64)


def value_iteration(P, R, gamma, tol=1e-10, max_iter=10000):
    r"""Optimal values and a greedy policy by synchronous value iteration.

    .. math::

        V_0 = 0, \qquad
        V_{k+1}(s) = \max_a \Big[ R(s, a) + \gamma \sum_{s'} P(s, a, s')\, V_k(s') \Big]

    Every state's backup uses the same :math:`V_k`. The loop stops after the first
    backup with :math:`\lVert V_{k+1} - V_k \rVert_\infty < \mathrm{tol}`, or after
    ``max_iter`` backups. The policy is greedy for the returned V:

    .. math::

        Q = R + \gamma P V, \qquad
        \pi(s) = \min \{ a : Q(s, a) \ge \max_b Q(s, b) - 10^{-9} \max(1, \max_b |Q(s, b)|) \}

    Parameters
    ----------
    P : array_like, shape (S, A, S)
        Transition probabilities; every P[s, a, :] a distribution (within 1e-9).
    R : array_like, shape (S, A)
        Expected immediate rewards, finite.
    gamma : float
        The discount factor, in [0, 1).
    tol : float, optional
        Stop after the first backup that changes V by less than tol in the max norm
        (tol > 0).
    max_iter : int, optional
        The largest number of backups (>= 1); reaching it is not an error.

    Returns
    -------
    VI
        ``V`` (S,), the last backup; ``policy`` (S,) int, greedy for that V (lowest
        index among near-ties); ``n_iter``, the number of backups made (>= 1).

    Raises
    ------
    ValueError
        If P or R has a wrong shape or is not a valid MDP, gamma is not in [0, 1), tol
        is not > 0 or max_iter is not an integer >= 1.

    Examples
    --------
    One state, one action with reward 1, gamma 1/2: V_k = 1, 1.5, 1.75, 1.875, ...
    with changes 1, 1/2, 1/4, 1/8; the first change below 1/4 comes with backup 4.

    >>> value_iteration([[[1.0]]], [[1.0]], 0.5, tol=0.25)
    VI(V=array([1.875]), policy=array([0]), n_iter=4)
    """
    # BEGIN SOLUTION
    P, R = _check_mdp(P, R)
    gamma = _check_gamma(gamma)
    if isinstance(tol, bool) or not isinstance(tol, (int, float, np.integer, np.floating)):
        raise ValueError(f"tol must be a number, got {tol!r}")
    if not tol > 0:
        raise ValueError(f"tol must be > 0, got {tol}")
    if isinstance(max_iter, bool) or not isinstance(max_iter, (int, np.integer)):
        raise ValueError(f"max_iter must be an integer, got {max_iter!r}")
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1, got {max_iter}")
    V = np.zeros(R.shape[0])
    n_iter = 0
    while n_iter < max_iter:
        new = np.max(R + gamma * (P @ V), axis=1)
        n_iter += 1
        change = np.max(np.abs(new - V))
        V = new
        if change < tol:
            break
    return VI(V, _greedy(R + gamma * (P @ V)), n_iter)
    # END SOLUTION
