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
    # TODO: write sample_next_token (the docstring above has the maths).
    raise NotImplementedError("sample_next_token is not implemented yet")
