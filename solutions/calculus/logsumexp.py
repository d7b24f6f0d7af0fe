r"""log Σ exp, computed without overflow.

The normaliser of softmax, log-likelihoods of mixtures, the soft maximum: all need
log Σ exp(zᵢ), and exp overflows at 710. Shifting by the maximum fixes it exactly.
"""

import numpy as np


def logsumexp(z, axis=None):
    r"""The log of the sum of exponentials, stable for any finite input.

    .. math::

        \operatorname{lse}(z) = \log \sum_i e^{z_i}
                              = m + \log \sum_i e^{z_i - m},
        \qquad m = \max_i z_i

    After the shift every exponent is ≤ 0 and one term is :math:`e^0 = 1`, so the sum
    lies in [1, n]: no overflow, and no log of 0. If every :math:`z_i = -\infty` the
    result is :math:`-\infty` (the log of an empty sum), not nan.

    Parameters
    ----------
    z : array_like, any shape, not empty
        The values.
    axis : None or int or tuple of int, optional
        The axis (axes) to reduce over; None reduces over all entries.

    Returns
    -------
    float or numpy.ndarray
        A float for ``axis=None``, else an array of z's shape without ``axis``.

    Raises
    ------
    ValueError
        If z is empty (numpy.exceptions.AxisError, a ValueError, for a bad axis).

    Examples
    --------
    >>> round(logsumexp([1000.0, 1000.0]), 6)
    1000.693147
    >>> logsumexp([[0.0, 0.0], [1.0, -np.inf]], axis=1).round(6).tolist()
    [0.693147, 1.0]
    >>> logsumexp([-np.inf, -np.inf])
    -inf
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    if z.size == 0:
        raise ValueError("z is empty: log-sum-exp needs at least one value")
    m = np.max(z, axis=axis, keepdims=True)
    shift = np.where(np.isfinite(m), m, 0.0)  # all -inf: shift by 0, not by -inf
    total = np.sum(np.exp(z - shift), axis=axis, keepdims=True)
    positive = total > 0
    out = np.where(positive, np.log(np.where(positive, total, 1.0)) + shift, -np.inf)
    if axis is None:
        return float(out.reshape(()))
    return np.squeeze(out, axis=axis)
    # END SOLUTION
