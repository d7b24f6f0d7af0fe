r"""Euclidean projection onto the probability simplex.

The nearest probability vector to any vector: the step of projected gradient descent
over mixtures, attention-like weights and sparse alternatives to softmax (sparsemax).
"""

import numpy as np


def project_to_simplex(v):
    r"""The point of the probability simplex closest to v in the Euclidean norm.

    .. math::

        w = \operatorname*{arg\,min}_{w \ge 0,\ \sum_i w_i = 1} \lVert w - v \rVert_2^2
          = \max(v - \tau, 0)

    where the threshold :math:`\tau` makes :math:`\sum_i \max(v_i - \tau, 0) = 1` (the
    KKT conditions: :math:`v_i - w_i = \tau` where :math:`w_i > 0`, and
    :math:`v_i \le \tau` where :math:`w_i = 0`). With :math:`u` the entries of v sorted
    in decreasing order,

    .. math::

        \rho = \max\Bigl\{ j : u_j - \tfrac{1}{j}\bigl(\textstyle\sum_{i \le j} u_i - 1\bigr)
               > 0 \Bigr\}, \qquad
        \tau = \tfrac{1}{\rho}\bigl(\textstyle\sum_{i \le \rho} u_i - 1\bigr).

    Parameters
    ----------
    v : array_like, shape (n,)
        Any finite vector, n >= 1.

    Returns
    -------
    numpy.ndarray, shape (n,)
        w with :math:`w \ge 0` and :math:`\sum_i w_i = 1`.

    Raises
    ------
    ValueError
        If v is not 1-D, is empty, or has a non-finite entry.

    Examples
    --------
    >>> project_to_simplex([0.5, 1.5, -1.0]).tolist()
    [0.0, 1.0, 0.0]
    >>> project_to_simplex([0.4, 0.8, 0.0]).round(6).tolist()
    [0.3, 0.7, 0.0]
    """
    # TODO: write project_to_simplex (the docstring above has the maths).
    raise NotImplementedError("project_to_simplex is not implemented yet")
