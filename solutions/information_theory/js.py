r"""Jensen-Shannon divergence of two discrete distributions.

The KL divergence is asymmetric and infinite as soon as q misses an outcome of p. Comparing
both distributions with their average fixes both: the result is symmetric, finite, and at
most one bit.
"""

import numpy as np
from information_theory.kl import kl_divergence


def js_divergence(p, q, base=2.0):
    r"""Jensen-Shannon divergence of ``p`` and ``q``, in units of ``log base``.

    .. math::

        m = \tfrac{1}{2}(p + q), \qquad
        \mathrm{JS}(p, q) = \tfrac{1}{2} D_{\mathrm{KL}}(p \,\|\, m)
                          + \tfrac{1}{2} D_{\mathrm{KL}}(q \,\|\, m)
                          = H(m) - \tfrac{1}{2}\bigl(H(p) + H(q)\bigr)

    It is symmetric, :math:`0 \le \mathrm{JS}(p, q) \le \log_b 2` (at most 1 bit, reached
    when p and q have disjoint supports), and 0 exactly when p = q. It is always finite:
    :math:`m_i > 0` wherever :math:`p_i > 0` or :math:`q_i > 0`. Terms with
    :math:`p_i = 0` (or :math:`q_i = 0`) contribute 0, without a floating-point warning.

    Parameters
    ----------
    p, q : array_like, shape (n,)
        Probability vectors: non-negative, each summing to 1 within 1e-9.
    base : float, default 2.0
        Base of the logarithm; must be positive and not 1.

    Returns
    -------
    float
        The divergence, in :math:`[0, \log_b 2]` up to rounding.

    Raises
    ------
    ValueError
        If p or q is not a 1-D, non-empty probability vector (non-negative, summing to
        1 within 1e-9), their lengths differ, or ``base`` is not positive or equals 1.

    Examples
    --------
    >>> float(js_divergence([1.0, 0.0], [0.0, 1.0]))
    1.0
    >>> float(js_divergence([0.25, 0.75], [0.25, 0.75]))
    0.0
    >>> round(float(js_divergence([0.5, 0.5], [1.0, 0.0])), 6)
    0.311278
    """
    # BEGIN SOLUTION
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    for name, v in (("p", p), ("q", q)):
        if v.ndim != 1 or v.size == 0:
            raise ValueError(f"{name} must be a non-empty 1-D probability vector, got {v.shape}")
        if not np.all(v >= 0):
            raise ValueError(f"{name} has a negative (or nan) entry: probabilities are >= 0")
        if not abs(float(np.sum(v)) - 1.0) <= 1e-9:
            raise ValueError(f"{name} sums to {float(np.sum(v))!r}, not to 1 (within 1e-9)")
    if p.shape != q.shape:
        raise ValueError(f"p and q have different lengths: {p.size} and {q.size}")
    m = (p + q) / 2  # a new array: p and q stay as they were
    return 0.5 * kl_divergence(p, m, base) + 0.5 * kl_divergence(q, m, base)
    # END SOLUTION
