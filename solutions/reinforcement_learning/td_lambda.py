r"""Online tabular TD(lambda) with accumulating eligibility traces.

Every TD error is credited to all recently visited states at once, each in proportion
to its eligibility trace, a record of visits that decays by gamma * lambda per step:
lambda = 0 is TD(0), lambda = 1 approaches Monte-Carlo updates.
"""

import numbers

import numpy as np


def _state(value, size, what):
    """A state index as a Python int in [0, size), else ValueError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{what} must be an integer state index, got {value!r}")
    if not 0 <= int(value) < size:
        raise ValueError(f"{what} = {value!r} is out of range [0, {size})")
    return int(value)


def td_lambda(V, episodes, alpha, gamma, lam):
    r"""A copy of the state values after online TD(lambda) over the given episodes.

    At the start of each episode :math:`e = 0`; then for each step
    :math:`(s, r, s', d)`, with V as it stands before the step,

    .. math::

        \delta &= r + \gamma\,(1 - d)\,V(s') - V(s) \\
        e &\leftarrow \gamma\lambda\, e, \qquad e(s) \leftarrow e(s) + 1 \\
        V &\leftarrow V + \alpha\,\delta\, e

    so every traced state moves, the current one included. An episode without a done
    on its last step was cut there, and that step bootstraps from V(s').

    Parameters
    ----------
    V : array_like, shape (S,)
        State values, S >= 1. Not modified.
    episodes : list of list of tuple
        Each episode a list of steps ``(s, r, s_next, done)`` in time order: integer
        state indices (not bool) in [0, S), a finite reward r, done a bool or 0/1, true
        at most on the episode's last step.
    alpha : float
        Step size in (0, 1].
    gamma : float
        Discount factor in [0, 1].
    lam : float
        Trace decay lambda in [0, 1].

    Returns
    -------
    ndarray, shape (S,)
        The updated copy of V (an unchanged copy when there is no step).

    Raises
    ------
    ValueError
        If V is not 1-D with S >= 1, a step is not a 4-tuple, a state is not an integer
        in range, a reward is not finite, done is not a bool or 0/1 or is true before an
        episode's last step, or alpha, gamma or lam is out of range.

    Examples
    --------
    >>> episode = [(0, 1.0, 1, False), (1, 2.0, 0, True)]
    >>> td_lambda(np.zeros(2), [episode], 0.5, 0.9, 0.5).tolist()
    [0.95, 1.0]
    """
    # BEGIN SOLUTION
    V = np.array(V, dtype=float)
    if V.ndim != 1 or V.size < 1:
        raise ValueError(f"V must be 1-D with S >= 1, got shape {V.shape}")
    for name, value, low_open in [("alpha", alpha, True), ("gamma", gamma, False)]:
        if not (0.0 < value <= 1.0 if low_open else 0.0 <= value <= 1.0):
            raise ValueError(f"{name} = {value!r} is out of range")
    if not 0.0 <= lam <= 1.0:
        raise ValueError(f"lam must lie in [0, 1], got {lam!r}")
    n_states = V.size
    for k, episode in enumerate(episodes):
        e = np.zeros(n_states)
        for t, step in enumerate(episode):
            where = f"step {t} of episode {k}"
            if not isinstance(step, tuple) or len(step) != 4:
                raise ValueError(f"{where} must be a 4-tuple (s, r, s', done)")
            s, r, s_next, done = step
            s = _state(s, n_states, f"s of {where}")
            s_next = _state(s_next, n_states, f"s' of {where}")
            if isinstance(r, (bool, np.bool_)) or not isinstance(r, numbers.Real):
                raise ValueError(f"the reward of {where} must be a number, got {r!r}")
            if not np.isfinite(r):
                raise ValueError(f"the reward of {where} must be finite, got {r!r}")
            if not (isinstance(done, (bool, np.bool_)) or done in (0, 1)):
                raise ValueError(f"done of {where} must be a bool or 0/1, got {done!r}")
            done = bool(done)
            if done and t != len(episode) - 1:
                raise ValueError(f"done is true at {where}, before the episode's last step")
            delta = float(r) - V[s] + (0.0 if done else gamma * V[s_next])
            e *= gamma * lam
            e[s] += 1.0
            V += alpha * delta * e
    return V
    # END SOLUTION
