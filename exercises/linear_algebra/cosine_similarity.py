r"""Cosine similarity between every row of one matrix and every row of another.

The cosine of the angle between two vectors ignores their lengths: normalise every row
to unit length once, and one matrix product gives all the pairwise cosines.
"""

import numpy as np


def cosine_similarity(A, B):
    r"""Cosines of the angles between the rows of A and the rows of B.

    .. math::

        S_{ij} = \frac{a_i^\top b_j}{\|a_i\|_2 \, \|b_j\|_2}
               = \hat a_i^\top \hat b_j, \qquad
        \hat a_i = \frac{a_i}{\|a_i\|_2}

    A row that is exactly zero has no direction; its cosines are defined as 0.
    Every entry lies in [-1, 1].

    Parameters
    ----------
    A : array_like, shape (m, d)
        One vector per row.
    B : array_like, shape (n, d)
        One vector per row, with the same d.

    Returns
    -------
    ndarray, shape (m, n)
        ``S[i, j]`` is the cosine between row i of A and row j of B.

    Raises
    ------
    ValueError
        If A or B is not 2-D, their numbers of columns differ, or either is empty.

    Examples
    --------
    >>> S = cosine_similarity([[1.0, 0.0], [1.0, 1.0]], [[2.0, 0.0], [0.0, 3.0], [0.0, 0.0]])
    >>> S.round(6).tolist()
    [[1.0, 0.0, 0.0], [0.707107, 0.707107, 0.0]]
    """
    # TODO: write cosine_similarity (the docstring above has the maths).
    raise NotImplementedError("cosine_similarity is not implemented yet")
