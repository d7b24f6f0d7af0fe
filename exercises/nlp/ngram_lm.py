r"""A bigram language model with add-k smoothing.

The probability of the next word given the previous one, estimated by counting pairs in
a corpus: the simplest language model, and the one whose failures (unseen pairs get
probability 0) motivate smoothing and, later, neural models.
"""

import math
from typing import NamedTuple

import numpy as np

MARKERS = ("<s>", "</s>")


class BigramLM(NamedTuple):
    """The word vocabulary, the bigram counts and the smoothed next-token probabilities."""

    vocabulary: list
    counts: np.ndarray
    probs: np.ndarray


def bigram_lm(sentences, k=1.0):
    r"""Count the bigrams of a corpus and estimate add-k smoothed bigram probabilities.

    Every sentence is read as ``<s> w1 ... wn </s>``. Rows are contexts (the W words in
    sorted order, then ``<s>``), columns next tokens (the W words, then ``</s>``):

    .. math::

        P(j \mid i) = \frac{c_{ij} + k}{\sum_{j'} c_{ij'} + k\,(W + 1)},

    with :math:`c_{ij}` the number of times token j directly follows token i inside a
    sentence; ``<s>`` is never predicted, so there are W + 1 outcomes and each row sums
    to 1.

    Parameters
    ----------
    sentences : sequence of sequences of str
        The corpus, each sentence a list (or tuple) of word tokens.
    k : float, optional
        The pseudo-count added to every bigram, k >= 0 (0: maximum likelihood).

    Returns
    -------
    BigramLM
        ``vocabulary`` the sorted list of the W distinct words, ``counts`` (W + 1, W + 1)
        integer counts and ``probs`` (W + 1, W + 1) the probabilities, rows and columns
        laid out as above.

    Raises
    ------
    ValueError
        If there are no sentences, k < 0, a sentence is a bare str or holds a token
        that is not a str, or a token is ``<s>`` or ``</s>``.

    Examples
    --------
    >>> lm = bigram_lm([["a", "b"], ["b"]], k=0.0)
    >>> lm.vocabulary
    ['a', 'b']
    >>> lm.counts.tolist()
    [[0, 1, 0], [0, 0, 2], [1, 1, 0]]
    >>> lm.probs.round(3).tolist()
    [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.5, 0.5, 0.0]]
    """
    # TODO: write bigram_lm (the docstring above has the maths).
    raise NotImplementedError("bigram_lm is not implemented yet")
