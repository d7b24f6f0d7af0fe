r"""Mutual information of two discrete random variables, from their joint table.

How many bits knowing one variable saves on the other: the KL divergence between the
joint distribution and the product of its marginals. Zero exactly for independent
variables; feature selection and the InfoMax principle maximise it.
"""

import numpy as np


def mutual_information(joint, base=2.0):
    r"""Mutual information :math:`I(X; Y)` of the joint probability table ``joint``.

    Row i is the outcome :math:`X = x_i`, column j the outcome :math:`Y = y_j`:
    ``joint[i, j]`` :math:`= P_{ij} = P(X = x_i, Y = y_j)`, with marginals
    :math:`p_i = \sum_j P_{ij}` (row sums) and :math:`q_j = \sum_i P_{ij}` (column sums).

    .. math::

        I(X; Y) = \sum_{i, j:\, P_{ij} > 0} P_{ij} \log_b \frac{P_{ij}}{p_i\, q_j}
                = D_{\mathrm{KL}}(P \,\|\, p\, q^\top)
                = H(X) + H(Y) - H(X, Y)

    Cells with :math:`P_{ij} = 0` contribute 0 (0 log 0 = 0), also in a row or column
    that is all zeros (:math:`p_i = 0`): leave them out rather than compute
    ``0 / 0`` or ``log(0)``. :math:`0 \le I(X; Y) \le \min(H(X), H(Y))`; it is 0 exactly
    when :math:`P = p\, q^\top` (independence), and :math:`H(X)` for a diagonal table
    (Y determines X and back).

    Parameters
    ----------
    joint : array_like, shape (n_x, n_y)
        The joint distribution: non-negative entries summing to 1 within 1e-9.
    base : float, default 2.0
        Base of the logarithm; must be positive and not 1.

    Returns
    -------
    float
        :math:`I(X; Y) \ge 0`.

    Raises
    ------
    ValueError
        If ``joint`` is not 2-D, is empty, has a negative (or nan) entry or does not sum
        to 1 within 1e-9, or if ``base`` is not positive or equals 1.

    Examples
    --------
    >>> float(mutual_information([[0.5, 0.0], [0.0, 0.5]]))
    1.0
    >>> float(mutual_information([[0.25, 0.25], [0.25, 0.25]]))
    0.0
    >>> round(float(mutual_information([[0.5, 0.25], [0.0, 0.25]])), 6)
    0.311278
    """
    # BEGIN SOLUTION
    P = np.asarray(joint, dtype=float)
    if P.ndim != 2:
        raise ValueError(f"joint must be a 2-D table (n_x, n_y), got shape {P.shape}")
    if P.size == 0:
        raise ValueError(f"joint is empty (shape {P.shape}): it needs at least one cell")
    if not np.all(P >= 0):
        raise ValueError("joint has a negative (or nan) entry: probabilities are >= 0")
    total = float(np.sum(P))
    if not abs(total - 1.0) <= 1e-9:
        raise ValueError(f"joint sums to {total!r}, not to 1 (within 1e-9)")
    base = float(base)
    if not (base > 0 and base != 1):
        raise ValueError(f"base must be positive and not 1, got {base!r}")
    p = P.sum(axis=1)  # marginal of X (rows)
    q = P.sum(axis=0)  # marginal of Y (columns)
    rows, cols = np.nonzero(P)  # only cells with P_ij > 0; then p_i, q_j > 0 too
    cells = P[rows, cols]
    terms = cells * (np.log(cells) - np.log(p[rows]) - np.log(q[cols]))
    return max(float(np.sum(terms) / np.log(base)), 0.0)  # >= 0: clip rounding below 0
    # END SOLUTION
