r"""Returns-to-go over a rollout buffer that may hold several episodes.

Policy-gradient and actor-critic methods collect a buffer of steps, then need, for each
step, the discounted sum of the rewards that follow it in the same episode: one backward
pass of the recursion G_t = r_t + gamma (1 - d_t) G_{t+1}.
"""

import math

import numpy as np


def discounted_returns(rewards, dones, gamma, last_value=0.0):
    r"""Discounted returns-to-go of a buffer, cut at every episode end.

    .. math::

        G_T = v_{\mathrm{last}}, \qquad
        G_t = r_t + \gamma\,(1 - d_t)\,G_{t+1} \quad (t = T - 1, \dots, 0)

    A done at step t means the episode terminated with that transition, after its reward:
    :math:`G_t = r_t` and nothing of the next episode leaks back. ``last_value`` is the
    value of the state after the buffer's last step; it reaches only the unfinished
    episode at the end of the buffer (none when :math:`d_{T-1} = 1`).

    Parameters
    ----------
    rewards : array_like, shape (T,)
        The rewards :math:`r_t`, in time order, T >= 1.
    dones : array_like, shape (T,)
        The done flags :math:`d_t`: bools or the numbers 0 and 1.
    gamma : float
        The discount factor, in [0, 1] (1 allowed).
    last_value : float, optional
        The value of the state after the buffer's last step (finite); 0 by default.

    Returns
    -------
    ndarray, shape (T,)
        The returns-to-go :math:`G_t`.

    Raises
    ------
    ValueError
        If rewards or dones is not 1-D, they differ in length, T = 0, a reward is not
        finite, a done flag is not 0 or 1, gamma is not in [0, 1] or last_value is not
        a finite number.

    Examples
    --------
    >>> discounted_returns([1.0, 2.0, 3.0, 4.0], [0, 1, 0, 0], 0.5, last_value=8.0).tolist()
    [2.0, 2.0, 7.0, 8.0]
    """
    # BEGIN SOLUTION
    r = np.array(rewards, dtype=float)
    d = np.asarray(dones)
    if r.ndim != 1 or d.ndim != 1:
        raise ValueError(f"rewards and dones must be 1-D, got shapes {r.shape} and {d.shape}")
    if r.shape != d.shape:
        raise ValueError(f"rewards and dones differ in length: {r.size} and {d.size}")
    if r.size == 0:
        raise ValueError("the buffer is empty: T must be at least 1")
    if not np.all(np.isfinite(r)):
        raise ValueError("rewards must be finite")
    if d.dtype.kind not in "biuf" or not np.all((d == 0) | (d == 1)):
        raise ValueError("every done flag must be a bool or the number 0 or 1")
    if isinstance(gamma, bool) or not isinstance(gamma, (int, float, np.integer, np.floating)):
        raise ValueError(f"gamma must be a number, got {gamma!r}")
    if not 0.0 <= gamma <= 1.0:
        raise ValueError(f"gamma must be in [0, 1], got {gamma}")
    if isinstance(last_value, bool) or not isinstance(
        last_value, (int, float, np.integer, np.floating)
    ):
        raise ValueError(f"last_value must be a number, got {last_value!r}")
    if not math.isfinite(last_value):
        raise ValueError(f"last_value must be finite, got {last_value}")
    not_done = 1.0 - d.astype(float)
    G = np.empty_like(r)
    following = float(last_value)
    for t in range(r.size - 1, -1, -1):
        following = r[t] + gamma * not_done[t] * following
        G[t] = following
    return G
    # END SOLUTION
