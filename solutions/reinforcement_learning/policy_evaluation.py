r"""Exact policy evaluation in a finite MDP.

The value of a fixed policy satisfies the Bellman expectation equation, which for a
finite MDP is a linear system: one solve gives V^pi exactly, where iterating the
backup only approaches it at rate gamma per sweep.
"""

import numpy as np


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


def policy_evaluation(P, R, policy, gamma):
    r"""The value function of a stochastic policy, from one linear solve.

    .. math::

        (I - \gamma P_\pi)\, V = r_\pi, \qquad
        P_\pi[s, s'] = \sum_a \pi(a \mid s)\, P[s, a, s'], \qquad
        r_\pi[s] = \sum_a \pi(a \mid s)\, R[s, a]

    This is the Bellman expectation equation
    :math:`V(s) = \sum_a \pi(a|s)\,[R(s, a) + \gamma \sum_{s'} P(s, a, s') V(s')]`
    for every state at once; for gamma < 1 the matrix is non-singular.

    Parameters
    ----------
    P : array_like, shape (S, A, S)
        Transition probabilities, P[s, a, s'] = Pr(s' | s, a); every P[s, a, :] a
        distribution (summing to 1 within 1e-9).
    R : array_like, shape (S, A)
        Expected immediate rewards, finite.
    policy : array_like, shape (S, A)
        pi(a | s): every row a probability distribution.
    gamma : float
        The discount factor, in [0, 1).

    Returns
    -------
    ndarray, shape (S,)
        V^pi.

    Raises
    ------
    ValueError
        If a shape is wrong, S or A is 0, a row of P or of the policy is not a
        distribution, R is not finite, or gamma is not in [0, 1).

    Examples
    --------
    Two states; action 0 stays, action 1 switches; the policy is uniform in state 0
    and always stays in state 1:

    >>> P = [[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [1.0, 0.0]]]
    >>> R = [[1.0, 0.0], [2.0, 0.0]]
    >>> policy_evaluation(P, R, [[0.5, 0.5], [1.0, 0.0]], gamma=0.5).tolist()
    [2.0, 4.0]
    """
    # BEGIN SOLUTION
    P, R = _check_mdp(P, R)
    S, A = R.shape
    pi = np.array(policy, dtype=float)
    if pi.shape != (S, A):
        raise ValueError(f"policy must have shape (S, A) = {(S, A)}, got {pi.shape}")
    if not np.all(np.isfinite(pi)) or np.any(pi < 0) or np.any(np.abs(pi.sum(axis=1) - 1) > 1e-9):
        raise ValueError("every row of policy must be a probability distribution")
    gamma = _check_gamma(gamma)
    P_pi = np.einsum("sa,sat->st", pi, P)
    r_pi = np.sum(pi * R, axis=1)
    return np.linalg.solve(np.eye(S) - gamma * P_pi, r_pi)
    # END SOLUTION
