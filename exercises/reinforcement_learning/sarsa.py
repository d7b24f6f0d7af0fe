r"""SARSA: on-policy temporal-difference control.

Each transition (s, a, r, s', a', done) moves Q(s, a) towards the reward plus the
discounted value of the action the agent actually took next, Q(s', a'): the target
follows the behaviour policy, exploration included.
"""

import numbers

import numpy as np


def _index(value, size, what):
    """A state or action index as a Python int in [0, size), else ValueError."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{what} must be an integer index, got {value!r}")
    if not 0 <= int(value) < size:
        raise ValueError(f"{what} = {value!r} is out of range [0, {size})")
    return int(value)


def sarsa(Q, transitions, alpha, gamma):
    r"""A copy of the action-value table after one SARSA update per transition.

    .. math::

        Q(s, a) \leftarrow Q(s, a) + \alpha\bigl[r + \gamma\,(1 - d)\,Q(s', a')
        - Q(s, a)\bigr]

    applied to the transitions in list order, each update seeing all earlier ones. When
    the transition terminated the episode (:math:`d = 1`) nothing is bootstrapped and
    :math:`a'` is not used.

    Parameters
    ----------
    Q : array_like, shape (S, A)
        Action values, S, A >= 1. Not modified.
    transitions : list of tuple
        ``(s, a, r, s_next, a_next, done)`` in time order: integer indices (not bool)
        ``0 <= s, s_next < S`` and ``0 <= a, a_next < A``, a finite reward r, and done a
        bool or 0/1. When done, ``a_next`` may be None (``s_next`` must still be a valid
        state).
    alpha : float
        Step size in (0, 1].
    gamma : float
        Discount factor in [0, 1].

    Returns
    -------
    ndarray, shape (S, A)
        The updated copy of Q (an unchanged copy for an empty list).

    Raises
    ------
    ValueError
        If Q is not a finite 2-D array with S, A >= 1, a transition is not a 6-tuple, an
        index is not an integer in range, a reward is not finite, done is not a bool or
        0/1, or alpha or gamma is out of range.

    Examples
    --------
    >>> Q = np.zeros((2, 2))
    >>> sarsa(Q, [(0, 1, 1.0, 1, 0, False), (1, 0, 2.0, 0, 1, False)], 0.5, 0.9).tolist()
    [[0.0, 0.5], [1.225, 0.0]]
    """
    # TODO: write sarsa (the docstring above has the maths).
    raise NotImplementedError("sarsa is not implemented yet")
