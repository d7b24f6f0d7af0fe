r"""Sampling the next token of a language model: temperature, top-k and nucleus (top-p).

A decoder turns the model's logits into a distribution, sharpens or flattens it with a
temperature, keeps only the most likely tokens, and draws one by inverse transform.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Sample(NamedTuple):
    """The result of :func:`sample_next_token`."""

    token: int
    probs: np.ndarray


def sample_next_token(logits, rng, temperature=1.0, top_k=None, top_p=None):
    r"""Draw the next token from logits with temperature, top-k and top-p filtering.

    .. math::

        p = \operatorname{softmax}(z / \tau), \qquad
        p_j = \frac{e^{(z_j - \max z)/\tau}}{\sum_i e^{(z_i - \max z)/\tau}}

    Rank the tokens by decreasing :math:`p` (ties by increasing index); top-k keeps the
    first :math:`\min(k, V)`; top-p keeps the shortest prefix of what is left whose
    renormalised cumulative probability reaches :math:`p_{\text{top}}`:

    .. math::

        n = \min\Big\{m : \sum_{r < m} q_{(r)} \ge p_{\text{top}}\Big\},
        \qquad q = p_{\text{kept}} / \textstyle\sum p_{\text{kept}}

    and the kept probabilities, renormalised, are ``probs``. One uniform
    :math:`u` = ``rng.random()`` gives the token :math:`\min\{j : u < F_j\}` with
    :math:`F` = ``np.cumsum(probs)`` in vocabulary order (its value at the last kept
    token set to 1).

    Parameters
    ----------
    logits : array_like, shape (V,)
        Unnormalised log-probabilities; -inf masks a token (at least one finite).
    rng : numpy.random.Generator
        Source of the single uniform draw.
    temperature : float, optional
        :math:`\tau > 0`; below 1 sharpens, above 1 flattens.
    top_k : int or None, optional
        Keep the k most likely tokens (k >= 1); None disables the filter.
    top_p : float or None, optional
        Nucleus threshold in (0, 1]; None disables the filter.

    Returns
    -------
    Sample
        ``token`` (int): the drawn vocabulary index; ``probs`` (V,): the distribution it
        was drawn from, exactly 0 outside the kept tokens.

    Raises
    ------
    ValueError
        If logits is not a non-empty 1-D array, holds nan or +inf, or is all -inf; if
        temperature <= 0, top_k < 1 (or not an integer), or top_p is outside (0, 1].

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> token, probs = sample_next_token(np.log([0.1, 0.2, 0.3, 0.4]), rng, top_k=2)
    >>> probs.round(6).tolist()
    [0.0, 0.0, 0.428571, 0.571429]
    >>> token  # u = 0.636962 is not below 3/7, but below 3/7 + 4/7 = 1
    3
    """
    # BEGIN SOLUTION
    z = np.array(logits, dtype=float)
    if z.ndim != 1 or z.size == 0:
        raise ValueError(f"logits must be a non-empty 1-D array, got shape {z.shape}")
    if np.any(np.isnan(z)) or np.any(z == np.inf):
        raise ValueError("logits must not hold nan or +inf")
    if not np.any(np.isfinite(z)):
        raise ValueError("every logit is -inf: no token can be drawn")
    if not isinstance(temperature, numbers.Real) or not temperature > 0:
        raise ValueError(f"temperature must be a number > 0, got {temperature!r}")
    if top_k is not None and (
        isinstance(top_k, bool) or not isinstance(top_k, numbers.Integral) or top_k < 1
    ):
        raise ValueError(f"top_k must be an integer >= 1 or None, got {top_k!r}")
    if top_p is not None and (not isinstance(top_p, numbers.Real) or not 0 < top_p <= 1):
        raise ValueError(f"top_p must be in (0, 1] or None, got {top_p!r}")

    V = z.size
    scaled = (z - z.max()) / temperature  # <= 0: exp cannot overflow; -inf stays -inf
    e = np.exp(scaled)
    p = e / e.sum()
    ranked = np.argsort(-p, kind="stable")  # decreasing p, ties by increasing index
    if top_k is not None:
        ranked = ranked[: min(int(top_k), V)]
    if top_p is not None and top_p < 1:
        cumulative = np.cumsum(p[ranked] / p[ranked].sum())
        n = int(np.searchsorted(cumulative, top_p, side="left")) + 1  # first cum >= top_p
        ranked = ranked[: min(n, ranked.size)]
    probs = np.zeros(V)
    probs[ranked] = p[ranked]
    probs /= probs.sum()

    u = rng.random()
    cdf = np.cumsum(probs)
    cdf[np.flatnonzero(probs)[-1] :] = 1.0
    token = int(np.searchsorted(cdf, u, side="right"))  # the smallest j with u < cdf[j]
    return Sample(token, probs)
    # END SOLUTION
