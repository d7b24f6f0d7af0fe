r"""UCB1: the upper-confidence-bound rule for multi-armed bandits.

Each arm is scored by its mean reward plus an exploration bonus that shrinks as the arm
is played and grows (slowly) with the total number of plays; the arm with the highest
score is played next, and untried arms come first.
"""

from typing import NamedTuple

import numpy as np


class UCB(NamedTuple):
    """The chosen arm and every arm's index."""

    arm: int
    index: np.ndarray


def ucb1(counts, means, c=2.0):
    r"""The arm UCB1 plays next, and the upper-confidence index of every arm.

    .. math::

        \mathrm{index}_j = \bar x_j + \sqrt{\frac{c \ln N}{n_j}}, \qquad
        N = \sum_j n_j, \qquad \mathrm{index}_j = +\infty \text{ if } n_j = 0

    N counts the plays made so far (not the one being chosen); c = 2 is Auer et al.'s
    UCB1. The arm is the lowest index among the largest indices, so untried arms come
    first, in index order.

    Parameters
    ----------
    counts : array_like, shape (K,)
        Number of plays of each arm: non-negative integers (integral floats accepted),
        K >= 1. Not modified.
    means : array_like, shape (K,)
        Mean reward of each arm (finite; ignored for untried arms). Not modified.
    c : float, optional
        Exploration constant, c >= 0.

    Returns
    -------
    UCB
        ``arm`` (int) and ``index`` (float array (K,), +inf for untried arms).

    Raises
    ------
    ValueError
        If counts is not 1-D and non-empty, has a negative or non-integral entry, means
        has another shape or a non-finite entry, or c < 0.

    Examples
    --------
    >>> result = ucb1([1, 2, 1], [0.5, 0.6, 0.2])
    >>> result.arm, result.index.round(4).tolist()
    (0, [2.1651, 1.7774, 1.8651])
    >>> ucb1([3, 0, 2, 0], [1.0, 0.0, 0.5, 0.0]).arm
    1
    """
    # BEGIN SOLUTION
    counts = np.array(counts)
    means = np.array(means, dtype=float)
    if counts.ndim != 1 or counts.size < 1:
        raise ValueError(f"counts must be 1-D and non-empty, got shape {counts.shape}")
    if counts.dtype.kind not in "iuf":
        raise ValueError(f"counts must be numbers, got dtype {counts.dtype}")
    n = counts.astype(float)
    if not np.all(np.isfinite(n)) or np.any(n < 0) or np.any(n != np.round(n)):
        raise ValueError("counts must be non-negative integers")
    if means.shape != counts.shape:
        raise ValueError(f"means has shape {means.shape}, counts {counts.shape}")
    if not np.all(np.isfinite(means)):
        raise ValueError("means must be finite")
    if not c >= 0:
        raise ValueError(f"c must be >= 0, got {c!r}")
    index = np.full(n.size, np.inf)
    tried = n > 0
    if np.any(tried):
        total = n.sum()  # >= 1 here, so its log is finite
        index[tried] = means[tried] + np.sqrt(c * np.log(total) / n[tried])
    arm = int(np.flatnonzero(index == index.max())[0])
    return UCB(arm, index)
    # END SOLUTION
