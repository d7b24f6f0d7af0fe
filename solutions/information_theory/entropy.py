r"""Shannon entropy of a discrete distribution.

The average surprise :math:`-\log p_i` of an outcome: the number of bits (base 2) an
optimal code needs per symbol. Every loss and split criterion in this topic builds on it.
"""

import numpy as np


def entropy(p, base=2.0):
    r"""Shannon entropy of the probability vector ``p``, in units of ``log base``.

    .. math::

        H(p) = -\sum_{i} p_i \log_b p_i
             = -\frac{1}{\ln b} \sum_{i:\, p_i > 0} p_i \ln p_i,
        \qquad 0 \log 0 = 0

    Outcomes of probability 0 contribute nothing (the limit of :math:`x \log x` as
    :math:`x \to 0^+`). Computing ``p * log(p)`` for them gives ``0 * -inf = nan`` and
    a floating-point warning: leave those terms out instead.

    Parameters
    ----------
    p : array_like, shape (n,)
        Probabilities: non-negative, summing to 1 within 1e-9.
    base : float, default 2.0
        Base of the logarithm (2 gives bits, ``e`` nats); must be positive and not 1.

    Returns
    -------
    float
        The entropy, between 0 and :math:`\log_b n`.

    Raises
    ------
    ValueError
        If ``p`` is not 1-D, is empty, has a negative (or nan) entry, does not sum to 1
        within 1e-9, or if ``base`` is not positive or equals 1.

    Examples
    --------
    >>> float(entropy([0.5, 0.25, 0.25]))
    1.5
    >>> float(entropy([0.5, 0.0, 0.5]))
    1.0
    >>> round(float(entropy([0.5, 0.5], base=np.e)), 6)
    0.693147
    """
    # BEGIN SOLUTION
    p = np.asarray(p, dtype=float)
    if p.ndim != 1:
        raise ValueError(f"p must be a 1-D probability vector, got shape {p.shape}")
    if p.size == 0:
        raise ValueError("p is empty: a distribution needs at least one outcome")
    if not np.all(p >= 0):
        raise ValueError("p has a negative (or nan) entry: probabilities are >= 0")
    total = float(np.sum(p))
    if not abs(total - 1.0) <= 1e-9:
        raise ValueError(f"p sums to {total!r}, not to 1 (within 1e-9)")
    base = float(base)
    if not (base > 0 and base != 1):
        raise ValueError(f"base must be positive and not 1, got {base!r}")
    positive = p[p > 0]  # 0 log 0 = 0: zero-probability outcomes are left out
    return float(-np.sum(positive * np.log(positive)) / np.log(base)) + 0.0  # no -0.0
    # END SOLUTION
