r"""Okapi BM25, the ranking function of search engines.

BM25 scores a document against a query by the query's words it contains, each weighted
by its rarity (idf), with a count that saturates (k1) and a correction for long
documents (b): the baseline every learned retriever is still compared with.
"""

import math

import numpy as np


def _tokens(value, what):
    """A list or tuple of str tokens, else ValueError."""
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError(f"{what} must be a list of str tokens, got {type(value).__name__}")
    for token in value:
        if not isinstance(token, str):
            raise ValueError(f"{what} holds a token that is not a str: {token!r}")
    return value


def bm25_scores(docs, query, k1=1.5, b=0.75):
    r"""The Okapi BM25 score of every document for a query.

    .. math::

        \mathrm{score}(D) = \sum_{q \in \text{query}} \mathrm{idf}(q)\,
        \frac{f(q, D)\,(k_1 + 1)}
             {f(q, D) + k_1 \left(1 - b + b\,\frac{|D|}{\mathrm{avgdl}}\right)},
        \qquad
        \mathrm{idf}(q) = \ln\left(1 + \frac{N - n(q) + 0.5}{n(q) + 0.5}\right)

    The sum runs over the query's tokens with repetition; f(q, D) is the count of q in
    D, |D| the number of tokens of D, avgdl the mean |D| over the N documents and n(q)
    the number of documents that contain q. A token absent from D adds 0.

    Parameters
    ----------
    docs : sequence of sequences of str, length N
        The documents, each a list (or tuple) of tokens.
    query : sequence of str
        The query's tokens (a token twice counts twice).
    k1 : float, optional
        Term-frequency saturation, k1 >= 0 (0: a present token adds its idf).
    b : float, optional
        Length normalisation in [0, 1] (0: none).

    Returns
    -------
    numpy.ndarray, shape (N,)
        The score of each document.

    Raises
    ------
    ValueError
        If there are no documents, no token in any document, a document or the query
        is a bare str or holds a token that is not a str, k1 < 0 or b outside [0, 1].

    Examples
    --------
    >>> docs = [["a", "b"], ["b", "b", "c", "d"]]
    >>> bm25_scores(docs, ["a"], k1=1.0, b=0.0).round(6).tolist()
    [0.693147, 0.0]
    >>> bm25_scores(docs, ["b", "b"], k1=1.0, b=0.0).round(6).tolist()
    [0.364643, 0.486191]
    """
    # TODO: write bm25_scores (the docstring above has the maths).
    raise NotImplementedError("bm25_scores is not implemented yet")
