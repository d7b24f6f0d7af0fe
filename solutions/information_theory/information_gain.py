r"""Information gain of a binary split of labelled samples.

How much a yes/no question about the samples (a decision-tree split) reduces the
entropy of their labels: the criterion ID3 and C4.5 maximise when they grow a tree.
"""

import numpy as np
from information_theory.entropy import entropy


def information_gain(y, mask):
    r"""Entropy of the labels ``y`` minus the size-weighted entropies of the two sides.

    With :math:`L` the samples where ``mask`` is True, :math:`R` the others and
    :math:`n = |L| + |R|`,

    .. math::

        \mathrm{IG}(y, \mathrm{mask}) = H(y) - \frac{|L|}{n} H(y_L) - \frac{|R|}{n} H(y_R),
        \qquad H(y) = -\sum_k p_k \log_2 p_k,\quad p_k = \frac{\#\{i : y_i = k\}}{|y|}

    in bits: each entropy uses the class proportions *within* its own group. An empty
    side has weight 0 and contributes 0 (no 0/0 on the way), so a split that sends
    every sample to one side gains nothing. :math:`0 \le \mathrm{IG} \le H(y)`, with
    ``IG = H(y)`` when each side is pure.

    Parameters
    ----------
    y : array_like, shape (n,)
        Class labels: any values that can be compared and sorted (ints, strings).
    mask : array_like of bool, shape (n,)
        True for the samples that go to one side of the split, False for the others.

    Returns
    -------
    float
        The information gain in bits, :math:`\ge 0`.

    Raises
    ------
    ValueError
        If y is not 1-D or is empty, or if ``mask`` is not a boolean array of the same
        shape (a 0/1 integer array is rejected: ``y[mask]`` would then pick samples by
        position).

    Examples
    --------
    >>> float(information_gain([0, 0, 1, 1], [True, True, False, False]))
    1.0
    >>> float(information_gain([0, 0, 1, 1], [True, False, True, False]))
    0.0
    >>> y = ["a", "a", "b", "b", "c", "c"]
    >>> round(float(information_gain(y, [True, True, True, True, False, False])), 6)
    0.918296
    """
    # BEGIN SOLUTION
    y = np.asarray(y)
    mask = np.asarray(mask)
    if y.ndim != 1:
        raise ValueError(f"y must be a 1-D array of labels, got shape {y.shape}")
    if y.size == 0:
        raise ValueError("y is empty: there is nothing to split")
    if mask.shape != y.shape:
        raise ValueError(f"mask has shape {mask.shape}, but y has shape {y.shape}")
    if mask.dtype != bool:
        raise ValueError(f"mask must be boolean, got dtype {mask.dtype} (y[mask] would index)")

    def label_entropy(labels):
        _, counts = np.unique(labels, return_counts=True)
        return entropy(counts / labels.size)  # proportions within this group, in bits

    n = y.size
    gain = label_entropy(y)
    for side in (y[mask], y[~mask]):
        if side.size > 0:  # an empty side has weight 0 and contributes 0
            gain -= side.size / n * label_entropy(side)
    return max(float(gain), 0.0)  # >= 0: clip rounding below 0
    # END SOLUTION
