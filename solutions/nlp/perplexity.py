r"""Perplexity and bits per token.

How surprised a language model is by a text: the exponential of the mean negative
log-probability of its tokens, the effective number of choices per token. Computed from
the logarithms, because the product of thousands of probabilities underflows to 0.
"""

import math
from typing import NamedTuple

import numpy as np

MARKERS = ("<s>", "</s>")


class Perplexity(NamedTuple):
    """Pooled perplexity, the same in bits per token, and the number of predictions N."""

    perplexity: float
    bits_per_token: float
    n_predictions: int


def _nats_per_token(p):
    """The mean of -ln p over a 1-D array of probabilities, inf if one of them is 0."""
    if np.any(p == 0.0):
        return math.inf
    return -math.fsum(np.log(p)) / p.size


def _exp(x):
    """e**x, inf instead of an overflow."""
    return math.inf if x > 709.0 else math.exp(x)


def perplexity(token_probs):
    r"""The perplexity of a model on a text, from the probabilities it gave the tokens.

    .. math::

        \mathrm{PP} = \exp\Bigl(-\frac{1}{N}\sum_{i=1}^{N} \ln p_i\Bigr)
                    = \Bigl(\prod_{i=1}^{N} p_i\Bigr)^{-1/N}

    computed from the logarithms (the product underflows); a zero probability gives inf.

    Parameters
    ----------
    token_probs : array_like, shape (N,)
        The probabilities p_i in [0, 1] the model gave the N tokens, N >= 1.

    Returns
    -------
    float
        The perplexity, >= 1 (inf if some p_i = 0).

    Raises
    ------
    ValueError
        If token_probs is not 1-D, is empty, or holds a value outside [0, 1] (nan
        included).

    Examples
    --------
    >>> perplexity([0.5, 0.125])
    4.0
    >>> round(perplexity(np.full(10_000, 1e-3)), 6)
    1000.0
    """
    # BEGIN SOLUTION
    p = np.asarray(token_probs, dtype=float)
    if p.ndim != 1 or p.size == 0:
        raise ValueError(f"token_probs must be 1-D and non-empty, got shape {p.shape}")
    if not np.all((p >= 0.0) & (p <= 1.0)):
        raise ValueError("token_probs must hold probabilities in [0, 1]")
    return _exp(_nats_per_token(p))
    # END SOLUTION


def bigram_perplexity(vocabulary, probs, sentences):
    r"""The pooled perplexity of a bigram model (bigram_lm's layout) on a corpus.

    Each sentence is read as ``<s> w1 ... wn </s>`` and makes n + 1 predictions
    (``</s>`` is predicted, ``<s>`` is not); over the corpus,

    .. math::

        N = \sum_s (n_s + 1), \qquad
        \text{bits} = -\frac{1}{N} \sum_{\text{predictions}} \log_2 P(w \mid w_{\text{prev}}),
        \qquad \mathrm{PP} = 2^{\text{bits}} = e^{\text{nats per token}}.

    A zero probability gives inf (perplexity and bits), without a floating-point error.

    Parameters
    ----------
    vocabulary : list of str, length W
        The model's words, the labels of rows and columns 0 .. W - 1.
    probs : array_like, shape (W + 1, W + 1)
        probs[i, j] = P(next j | context i); row W is ``<s>``, column W is ``</s>``;
        every row a distribution.
    sentences : sequence of sequences of str
        The corpus to score, each sentence a list of words of the vocabulary.

    Returns
    -------
    Perplexity
        ``perplexity`` (float), ``bits_per_token`` (float) and ``n_predictions`` N
        (int).

    Raises
    ------
    ValueError
        If probs does not have shape (W + 1, W + 1) or a row is not a distribution,
        there are no sentences, a sentence is not a list of str, or a word is not in
        the vocabulary (the markers included).

    Examples
    --------
    >>> probs = [[0.25, 0.75], [0.5, 0.5]]
    >>> result = bigram_perplexity(["a"], probs, [["a"], []])
    >>> result.n_predictions
    3
    >>> round(result.bits_per_token, 6), round(result.perplexity, 6)
    (0.805012, 1.747161)
    """
    # BEGIN SOLUTION
    if isinstance(vocabulary, str) or not all(isinstance(w, str) for w in vocabulary):
        raise ValueError("vocabulary must be a list of str words")
    W = len(vocabulary)
    P = np.asarray(probs, dtype=float)
    if P.shape != (W + 1, W + 1):
        raise ValueError(f"probs must have shape ({W + 1}, {W + 1}), got {P.shape}")
    if not np.all(P >= 0.0) or not np.allclose(P.sum(axis=1), 1.0, rtol=0.0, atol=1e-9):
        raise ValueError("every row of probs must be a distribution (>= 0, summing to 1)")
    if isinstance(sentences, str) or not isinstance(sentences, (list, tuple)):
        raise ValueError("sentences must be a list of token lists")
    if len(sentences) == 0:
        raise ValueError("there are no sentences")
    index = {w: i for i, w in enumerate(vocabulary)}
    rows, cols = [], []
    for s, sentence in enumerate(sentences):
        if isinstance(sentence, str) or not isinstance(sentence, (list, tuple)):
            raise ValueError(f"sentence {s} must be a list of str tokens")
        ids = []
        for token in sentence:
            if not isinstance(token, str) or token in MARKERS or token not in index:
                raise ValueError(f"sentence {s}: {token!r} is not a word of the vocabulary")
            ids.append(index[token])
        rows += [W, *ids]
        cols += [*ids, W]
    nats = _nats_per_token(P[rows, cols])
    return Perplexity(_exp(nats), nats / math.log(2.0), len(rows))
    # END SOLUTION
