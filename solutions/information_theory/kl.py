r"""Cross-entropy and Kullback-Leibler divergence of two discrete distributions.

Cross-entropy is the classification loss; the KL divergence is what it adds to the
entropy of the data: the extra bits paid for coding samples of p with a code built for q.
"""

import numpy as np


def cross_entropy(p, q, base=2.0):
    r"""Cross-entropy of ``q`` relative to ``p``, in units of ``log base``.

    .. math::

        H(p, q) = -\sum_{i} p_i \log_b q_i
                = -\frac{1}{\ln b} \sum_{i:\, p_i > 0} p_i \ln q_i

    Terms with :math:`p_i = 0` contribute 0 (:math:`0 \log 0 = 0` included). If some
    :math:`q_i = 0 < p_i` the cross-entropy is :math:`+\infty`; return ``inf`` without
    computing ``log(0)`` (no floating-point warning on the way).

    Parameters
    ----------
    p : array_like, shape (n,)
        The true distribution: non-negative, summing to 1 within 1e-9.
    q : array_like, shape (n,)
        The model distribution, with the same conditions.
    base : float, default 2.0
        Base of the logarithm; must be positive and not 1.

    Returns
    -------
    float
        :math:`H(p, q) \ge H(p)`, possibly ``inf``.

    Raises
    ------
    ValueError
        If p or q is not a 1-D, non-empty probability vector (non-negative, summing to
        1 within 1e-9), their lengths differ, or ``base`` is not positive or equals 1.

    Examples
    --------
    >>> round(float(cross_entropy([0.5, 0.5], [0.25, 0.75])), 6)
    1.207519
    >>> float(cross_entropy([1.0, 0.0], [0.5, 0.5]))
    1.0
    >>> float(cross_entropy([0.5, 0.5], [1.0, 0.0]))
    inf
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
    base = float(base)
    if not (base > 0 and base != 1):
        raise ValueError(f"base must be positive and not 1, got {base!r}")
    support = p > 0  # terms with p_i = 0 contribute 0
    if np.any(q[support] == 0):
        return float("inf")  # q_i = 0 < p_i: log q_i = -inf
    return float(-np.sum(p[support] * np.log(q[support])) / np.log(base)) + 0.0
    # END SOLUTION


def kl_divergence(p, q, base=2.0):
    r"""Kullback-Leibler divergence of ``q`` from ``p``, in units of ``log base``.

    .. math::

        D_{\mathrm{KL}}(p \,\|\, q) = \sum_{i} p_i \log_b \frac{p_i}{q_i}
            = H(p, q) - H(p) \;\ge\; 0

    with equality exactly when p = q. Terms with :math:`p_i = 0` contribute 0; if some
    :math:`q_i = 0 < p_i` the divergence is :math:`+\infty`: return ``inf`` without
    dividing by zero or computing ``log(0)`` (no floating-point warning). It is not
    symmetric: :math:`D(p \| q) \ne D(q \| p)` in general.

    Parameters
    ----------
    p : array_like, shape (n,)
        The true distribution: non-negative, summing to 1 within 1e-9.
    q : array_like, shape (n,)
        The approximating distribution, with the same conditions.
    base : float, default 2.0
        Base of the logarithm; must be positive and not 1.

    Returns
    -------
    float
        The divergence, :math:`\ge 0`, possibly ``inf``.

    Raises
    ------
    ValueError
        If p or q is not a 1-D, non-empty probability vector (non-negative, summing to
        1 within 1e-9), their lengths differ, or ``base`` is not positive or equals 1.

    Examples
    --------
    >>> round(float(kl_divergence([0.5, 0.5], [0.25, 0.75])), 6)
    0.207519
    >>> float(kl_divergence([1.0, 0.0], [0.5, 0.5]))
    1.0
    >>> float(kl_divergence([0.5, 0.5], [1.0, 0.0]))
    inf
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
    base = float(base)
    if not (base > 0 and base != 1):
        raise ValueError(f"base must be positive and not 1, got {base!r}")
    support = p > 0  # terms with p_i = 0 contribute 0
    if np.any(q[support] == 0):
        return float("inf")  # q_i = 0 < p_i: log(p_i / q_i) = +inf
    ps, qs = p[support], q[support]
    return float(np.sum(ps * (np.log(ps) - np.log(qs))) / np.log(base)) + 0.0
    # END SOLUTION
