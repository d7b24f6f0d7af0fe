r"""The p-norm of a vector, computed without overflow or underflow.

Raising 1e200 to the power 2 overflows although the norm of [1e200, 1e200] is an
ordinary number: dividing by the largest magnitude first keeps every power in [0, 1].
"""

import math

import numpy as np


def p_norm(x, p=2.0):
    r"""The p-norm of a vector x, for :math:`1 \le p \le \infty`.

    .. math::

        \|x\|_p = \Big(\sum_{i=1}^{n} |x_i|^p\Big)^{1/p}
                = s \Big(\sum_{i=1}^{n} \big(|x_i| / s\big)^p\Big)^{1/p},
        \qquad s = \max_i |x_i|,

        \|x\|_\infty = \max_i |x_i|

    The second form (rescaling by :math:`s`) is mathematically the same but keeps every
    power in [0, 1], so nothing overflows or underflows to 0 when the norm itself is a
    representable number. The empty vector and the zero vector have norm 0.

    Parameters
    ----------
    x : array_like, shape (n,)
        The vector; n = 0 is allowed.
    p : float, default 2.0
        The order, p >= 1 or ``np.inf``.

    Returns
    -------
    float
        :math:`\|x\|_p`.

    Raises
    ------
    ValueError
        If x is not 1-D, or p < 1 (or nan): for p < 1 this is not a norm.

    Examples
    --------
    >>> p_norm([3.0, -4.0])
    5.0
    >>> p_norm([3.0, -4.0], p=1), p_norm([3.0, -4.0], p=np.inf)
    (7.0, 4.0)
    >>> p_norm([1e200, 1e200]) / 1e200
    1.4142135623730951
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D vector, got shape {x.shape}")
    p = float(p)
    if not p >= 1.0:  # also rejects nan
        raise ValueError(f"p must be at least 1 (or np.inf) for a norm, got {p}")
    if x.size == 0:
        return 0.0
    magnitudes = np.abs(x)
    scale = float(magnitudes.max())
    if p == math.inf or scale == 0.0 or not math.isfinite(scale):
        return scale
    scaled = magnitudes / scale
    return scale * float(np.sum(scaled**p)) ** (1.0 / p)
    # END SOLUTION
