r"""Tabular Q-learning: off-policy temporal-difference control.

Each transition nudges one entry of the action-value table towards the one-step target
r + gamma max_a' Q(s', a'), which bootstraps from the greedy action whatever the agent
did next. Updates are applied one at a time, in the order the experience happened.
"""

import math
import numbers

import numpy as np


def _index(x, size, what, k):
    if isinstance(x, (bool, np.bool_)) or not isinstance(x, (numbers.Integral, np.integer)):
        raise ValueError(f"transition {k}: {what} must be an integer, got {x!r}")
    if not 0 <= x < size:
        raise ValueError(f"transition {k}: {what} = {x} is outside [0, {size})")
    return int(x)


def q_learning(Q, transitions, alpha, gamma):
    r"""Apply one Q-learning update per transition, in order, to a copy of Q.

    .. math::

        Q(s, a) \leftarrow Q(s, a) + \alpha \Big[ r + \gamma (1 - d)
        \max_{a'} Q(s', a') - Q(s, a) \Big]

    for each transition :math:`(s, a, r, s', d)` in list order, each update seeing the
    table as every earlier one left it. A done transition (:math:`d = 1`) ended the
    episode: its target is r alone.

    Parameters
    ----------
    Q : array_like, shape (S, A)
        The action-value table, S, A >= 1; it is not modified.
    transitions : list of tuple
        Each ``(s, a, r, s_next, done)``: integer states in [0, S) (s_next too, even when
        done), an integer action in [0, A), a finite reward, and done a bool or 0 or 1.
    alpha : float
        The step size, in (0, 1].
    gamma : float
        The discount factor, in [0, 1].

    Returns
    -------
    ndarray, shape (S, A)
        The updated copy of Q (an unchanged copy for an empty list).

    Raises
    ------
    ValueError
        If Q is not 2-D with S, A >= 1 or not finite, a transition is not a 5-tuple, an
        index is not an integer in range, a reward is not finite, a done flag is not 0
        or 1, alpha is not in (0, 1] or gamma is not in [0, 1].

    Examples
    --------
    >>> Q = [[0.0, 0.0], [1.0, 3.0]]
    >>> q_learning(Q, [(0, 1, 1.0, 1, False), (1, 0, 0.0, 0, True)], 0.5, 0.9).tolist()
    [[0.0, 1.85], [0.5, 3.0]]
    """
    # BEGIN SOLUTION
    Q = np.array(Q, dtype=float)
    if Q.ndim != 2 or Q.shape[0] < 1 or Q.shape[1] < 1:
        raise ValueError(f"Q must be 2-D with S, A >= 1, got shape {Q.shape}")
    if not np.all(np.isfinite(Q)):
        raise ValueError("Q must be finite")
    for name, value, low_open in (("alpha", alpha, True), ("gamma", gamma, False)):
        if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.floating)):
            raise ValueError(f"{name} must be a number, got {value!r}")
        if not ((0 < value <= 1) if low_open else (0 <= value <= 1)):
            raise ValueError(f"{name} = {value} is out of range")
    S, A = Q.shape
    steps = []
    for k, transition in enumerate(transitions):
        if not isinstance(transition, (tuple, list)) or len(transition) != 5:
            raise ValueError(f"transition {k} must be a tuple (s, a, r, s_next, done)")
        s, a, r, s_next, done = transition
        s, a = _index(s, S, "s", k), _index(a, A, "a", k)
        s_next = _index(s_next, S, "s_next", k)
        if isinstance(r, (bool, np.bool_)) or not isinstance(r, (numbers.Real, np.floating)):
            raise ValueError(f"transition {k}: the reward must be a number, got {r!r}")
        if not math.isfinite(r):
            raise ValueError(f"transition {k}: the reward must be finite, got {r}")
        if not (isinstance(done, (bool, np.bool_, numbers.Real)) and done in (0, 1)):
            raise ValueError(f"transition {k}: done must be a bool or 0 or 1, got {done!r}")
        steps.append((s, a, float(r), s_next, bool(done)))
    for s, a, r, s_next, done in steps:
        target = r if done else r + gamma * np.max(Q[s_next])
        Q[s, a] += alpha * (target - Q[s, a])
    return Q
    # END SOLUTION
