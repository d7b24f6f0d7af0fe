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
    # TODO: write td_lambda (the docstring above has the maths).
    raise NotImplementedError("td_lambda is not implemented yet")
