r"""Generalised advantage estimation (GAE) over a rollout buffer.

Actor-critic methods (A2C, PPO) weight each step's log-probability by an advantage: an
exponentially weighted mix of k-step TD errors, with lambda trading bias for variance.
One backward pass over the buffer computes it, cut at every episode end.
"""

import math
from typing import NamedTuple

import numpy as np


class GAE(NamedTuple):
    """Advantages and the lambda-returns A + V, both of shape (T,)."""

    advantages: np.ndarray
    returns: np.ndarray


def _number(x, name):
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
        raise ValueError(f"{name} must be a number, got {x!r}")
    return float(x)


def gae(rewards, values, dones, last_value, gamma, lam):
    r"""Generalised advantage estimates and lambda-returns of a buffer.

    .. math::

        \delta_t = r_t + \gamma (1 - d_t) V_{t+1} - V_t, \qquad
        A_t = \delta_t + \gamma \lambda (1 - d_t) A_{t+1}, \qquad A_T = 0,

    with :math:`V_t` = ``values[t]`` and :math:`V_T` = ``last_value``. The returns are
    :math:`A_t + V_t`, the lambda-returns

    .. math::

        G^\lambda_t = r_t + \gamma (1 - d_t)
        \left[(1 - \lambda) V_{t+1} + \lambda G^\lambda_{t+1}\right],
        \qquad G^\lambda_T = V_T.

    A done at t ends the episode with that step: neither recursion looks past it.
    lambda = 0 gives the one-step TD errors; lambda = 1 the Monte-Carlo returns
    (bootstrapped from last_value when the buffer ends mid-episode) minus V.

    Parameters
    ----------
    rewards : array_like, shape (T,)
        The rewards, in time order, T >= 1.
    values : array_like, shape (T,)
        The critic's values :math:`V(s_t)` of the states the steps start from.
    dones : array_like, shape (T,)
        The done flags: bools or the numbers 0 and 1.
    last_value : float
        The value of the state after the buffer's last step (finite).
    gamma : float
        The discount factor, in [0, 1].
    lam : float
        The GAE parameter lambda, in [0, 1].

    Returns
    -------
    GAE
        ``advantages`` (T,), not normalised, and ``returns`` (T,) = advantages + values.

    Raises
    ------
    ValueError
        If an array is not 1-D, they differ in length, T = 0, a reward or value is not
        finite, a done flag is not 0 or 1, last_value is not a finite number, or gamma or
        lam is outside [0, 1].

    Examples
    --------
    >>> out = gae([1.0, 1.0], [0.5, 0.5], [0, 1], 9.0, gamma=0.5, lam=0.5)
    >>> out.advantages.tolist(), out.returns.tolist()
    ([0.875, 0.5], [1.375, 1.0])
    """
    # BEGIN SOLUTION
    r = np.array(rewards, dtype=float)
    v = np.array(values, dtype=float)
    d = np.asarray(dones)
    if r.ndim != 1 or v.ndim != 1 or d.ndim != 1:
        raise ValueError(
            f"rewards, values and dones must be 1-D, got {r.shape}, {v.shape}, {d.shape}"
        )
    if not r.shape == v.shape == d.shape:
        raise ValueError(
            f"rewards, values and dones differ in length: {r.size}, {v.size}, {d.size}"
        )
    if r.size == 0:
        raise ValueError("the buffer is empty: T must be at least 1")
    if not (np.all(np.isfinite(r)) and np.all(np.isfinite(v))):
        raise ValueError("rewards and values must be finite")
    if d.dtype.kind not in "biuf" or not np.all((d == 0) | (d == 1)):
        raise ValueError("every done flag must be a bool or the number 0 or 1")
    last_value = _number(last_value, "last_value")
    if not math.isfinite(last_value):
        raise ValueError(f"last_value must be finite, got {last_value}")
    gamma, lam = _number(gamma, "gamma"), _number(lam, "lam")
    if not 0.0 <= gamma <= 1.0:
        raise ValueError(f"gamma must be in [0, 1], got {gamma}")
    if not 0.0 <= lam <= 1.0:
        raise ValueError(f"lam must be in [0, 1], got {lam}")
    not_done = 1.0 - d.astype(float)
    next_values = np.append(v[1:], last_value)
    deltas = r + gamma * not_done * next_values - v
    advantages = np.empty_like(r)
    running = 0.0
    for t in range(r.size - 1, -1, -1):
        running = deltas[t] + gamma * lam * not_done[t] * running
        advantages[t] = running
    return GAE(advantages, advantages + v)
    # END SOLUTION
