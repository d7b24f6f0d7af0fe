r"""Policy iteration: evaluate the policy exactly, improve it greedily, repeat.

Each improvement step gives a policy at least as good in every state, and a finite MDP
has finitely many deterministic policies, so the loop ends, at an optimal policy, after
a handful of improvements.
"""

from typing import NamedTuple

import numpy as np


class PI(NamedTuple):
    """The final (optimal) policy's values V (S,), the policy (S,) of ints, and the count."""

    V: np.ndarray
    policy: np.ndarray
    n_improvements: int


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


def policy_iteration(P, R, gamma, policy0=None):
    r"""An optimal deterministic policy and its values by policy iteration.

    From :math:`\pi_0` (``policy0``, or action 0 everywhere), repeat:

    .. math::

        V = (I - \gamma P_\pi)^{-1} r_\pi, \qquad
        P_\pi[s, s'] = P[s, \pi(s), s'], \quad r_\pi[s] = R[s, \pi(s)]

    .. math::

        Q = R + \gamma P V, \qquad
        \pi'(s) = \begin{cases}
        \pi(s) & \text{if } \pi(s) \text{ is a maximiser of } Q(s, \cdot) \\
        \min \{a : a \text{ is a maximiser}\} & \text{otherwise}
        \end{cases}

    where a is a maximiser when :math:`Q(s, a) \ge \max_b Q(s, b) - 10^{-9}
    \max(1, \max_b |Q(s, b)|)`, and stop when :math:`\pi' = \pi`. Keeping the current
    action among tied maximisers is what makes the loop stop.

    Parameters
    ----------
    P : array_like, shape (S, A, S)
        Transition probabilities; every P[s, a, :] a distribution (within 1e-9).
    R : array_like, shape (S, A)
        Expected immediate rewards, finite.
    gamma : float
        The discount factor, in [0, 1).
    policy0 : array_like of int, shape (S,), optional
        The initial deterministic policy, actions in [0, A); None: action 0 everywhere.

    Returns
    -------
    PI
        ``V`` (S,), the values of the returned policy (= V*); ``policy`` (S,) int, the
        final policy; ``n_improvements``, how many times the policy changed (0 when
        policy0 is already greedy for its own values).

    Raises
    ------
    ValueError
        If P or R has a wrong shape or is not a valid MDP, gamma is not in [0, 1), or
        policy0 has the wrong length or an entry that is not an integer in [0, A).

    Examples
    --------
    State 0 can stay (reward 1) or move to state 1, which pays 3 forever:

    >>> P = [[[1.0, 0.0], [0.0, 1.0]], [[0.0, 1.0], [0.0, 1.0]]]
    >>> R = [[1.0, 0.0], [3.0, 3.0]]
    >>> result = policy_iteration(P, R, 0.5)
    >>> result.V.tolist(), result.policy.tolist(), result.n_improvements
    ([3.0, 6.0], [1, 0], 1)
    """
    # BEGIN SOLUTION
    P, R = _check_mdp(P, R)
    gamma = _check_gamma(gamma)
    S, A = R.shape
    if policy0 is None:
        policy = np.zeros(S, dtype=np.int64)
    else:
        policy = np.array(policy0)
        if policy.shape != (S,):
            raise ValueError(f"policy0 must have shape (S,) = ({S},), got {policy.shape}")
        if policy.dtype.kind not in "iu":
            raise ValueError(f"policy0 must hold integer actions, got dtype {policy.dtype}")
        if np.any(policy < 0) or np.any(policy >= A):
            raise ValueError(f"every action in policy0 must be in [0, {A}), got {policy.tolist()}")
        policy = policy.astype(np.int64)
    states = np.arange(S)
    n_improvements = 0
    while True:
        V = np.linalg.solve(np.eye(S) - gamma * P[states, policy], R[states, policy])
        Q = R + gamma * (P @ V)
        slack = 1e-9 * np.maximum(1.0, np.abs(Q).max(axis=1, keepdims=True))
        maximisers = Q >= Q.max(axis=1, keepdims=True) - slack
        new = np.where(maximisers[states, policy], policy, np.argmax(maximisers, axis=1))
        if np.array_equal(new, policy):
            return PI(V, policy, n_improvements)
        policy = new
        n_improvements += 1
    # END SOLUTION
