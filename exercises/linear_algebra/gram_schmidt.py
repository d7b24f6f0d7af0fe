r"""Gram–Schmidt orthonormalisation, in a form that stays orthogonal in floating point.

Classical Gram–Schmidt is the textbook algorithm, and on ill-conditioned columns its
output is far from orthogonal. Subtracting each projection from the *updated* vector
(modified Gram–Schmidt), and doing the pass twice, keeps Q orthonormal to round-off.
"""

import numpy as np


def gram_schmidt(A, tol=1e-10):
    r"""An orthonormal basis of the column space of A, built column by column.

    For :math:`j = 1, \dots, n`, remove from :math:`a_j` its components along the
    basis vectors kept so far, then normalise what remains:

    .. math::

        v_j = a_j - \sum_{i < j} (q_i^\top a_j)\, q_i, \qquad
        q_j = \frac{v_j}{\|v_j\|_2}
        \quad \text{unless } \|v_j\|_2 \le \mathrm{tol}\cdot\|a_j\|_2,

    in which case :math:`a_j` depends on the earlier columns (or is zero) and is
    dropped. So the first j columns of Q span the first j kept columns of A, and
    :math:`Q^\top Q = I`. In floating point, the projections are subtracted one at a
    time from the updated vector (modified Gram–Schmidt) and the pass is repeated
    once, which keeps :math:`\max|Q^\top Q - I|` near machine precision even for
    ill-conditioned A. The sign of each column is free.

    Parameters
    ----------
    A : array_like, shape (m, n)
        The columns to orthonormalise.
    tol : float, default 1e-10
        Relative tolerance for dropping a column, >= 0.

    Returns
    -------
    ndarray, shape (m, r)
        Q with orthonormal columns, r the number of kept columns (r = 0 when A is zero).

    Raises
    ------
    ValueError
        If A is not 2-D or is empty, or tol is negative or nan.

    Examples
    --------
    >>> Q = gram_schmidt([[3.0, 1.0], [4.0, 1.0]])
    >>> (Q * 5).round(6).tolist()
    [[3.0, 4.0], [4.0, -3.0]]
    >>> gram_schmidt([[1.0, 2.0], [1.0, 2.0]]).shape
    (2, 1)
    """
    # TODO: write gram_schmidt (the docstring above has the maths).
    raise NotImplementedError("gram_schmidt is not implemented yet")
