r"""Embedding capstone: the adjusted Rand index between two clusterings.

The Rand index counts the pairs of points on which two partitions agree (together in
both, or apart in both); the adjusted index subtracts what random labellings with the
same cluster sizes would score, so that 1 means the same partition and about 0 means
no better than chance, whatever the labels are called.
"""

import numpy as np


def adjusted_rand(labels_true, labels_pred):
    r"""The adjusted Rand index (Hubert and Arabie) of two labellings of n points.

    With :math:`n_{ij}` the number of points in cluster i of the first labelling and
    cluster j of the second, :math:`a_i = \sum_j n_{ij}`, :math:`b_j = \sum_i n_{ij}`
    and :math:`\binom{m}{2} = m(m-1)/2` the number of pairs among m points,

    .. math::

        \text{index} = \sum_{ij} \binom{n_{ij}}{2}, \quad
        A = \sum_i \binom{a_i}{2}, \quad B = \sum_j \binom{b_j}{2}, \quad
        E = \frac{A\, B}{\binom{n}{2}},

    .. math::

        \mathrm{ARI} = \frac{\text{index} - E}{\tfrac12 (A + B) - E}.

    The denominator is 0 only when both labellings put every point alone, or both put
    all points together (n = 1 included): the partitions are then identical and
    ARI = 1. Only the partitions matter: any labels (integers, negative or not,
    strings) may name the clusters, and renaming them changes nothing.

    Parameters
    ----------
    labels_true : array_like, shape (n,)
        The cluster of each point in the first labelling, n >= 1.
    labels_pred : array_like, shape (n,)
        The cluster of each point in the second labelling.

    Returns
    -------
    float
        ARI, at most 1; symmetric in its two arguments; 0 in expectation for random
        labellings.

    Raises
    ------
    ValueError
        If either labelling is not 1-D or is empty, or their lengths differ.

    Examples
    --------
    The first labelling splits {0, 1, 2 | 3, 4, 5}; the second moves point 2 to the
    other cluster: n_ij = 2, 1, 3, so index = 1 + 0 + 3 = 4, A = 3 + 3 = 6,
    B = 1 + 6 = 7, E = 42 / 15 = 2.8 and ARI = (4 - 2.8) / (6.5 - 2.8) = 1.2 / 3.7.

    >>> round(adjusted_rand([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1]), 6)
    0.324324
    >>> adjusted_rand(["a", "a", "b"], [7, 7, -1])
    1.0
    """
    # TODO: write adjusted_rand (the docstring above has the maths).
    raise NotImplementedError("adjusted_rand is not implemented yet")
