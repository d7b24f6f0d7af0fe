r"""TF-IDF document vectors.

Term frequency times inverse document frequency turns tokenised documents into vectors
in which a word weighs more the more often it occurs in a document and the fewer
documents it occurs in: the classic features of search engines and text classifiers.
"""

import math
from typing import NamedTuple

import numpy as np


class TfIdf(NamedTuple):
    """The TF-IDF matrix, its vocabulary (the column labels) and the idf of each term."""

    matrix: np.ndarray
    vocabulary: list
    idf: np.ndarray


def tfidf(docs, smooth_idf=True, sublinear_tf=False, norm="l2"):
    r"""TF-IDF vectors of tokenised documents, as scikit-learn's TfidfVectorizer.

    .. math::

        \mathrm{idf}(t) = \ln\frac{1 + n}{1 + \mathrm{df}(t)} + 1
        \quad\text{(smooth\_idf)}, \qquad
        \mathrm{idf}(t) = \ln\frac{n}{\mathrm{df}(t)} + 1 \quad\text{(otherwise)},

        X_{dt} = \mathrm{tf}(t, d)\,\mathrm{idf}(t), \qquad
        \mathrm{tf}(t, d) = c_{dt} \ \text{or}\ 1 + \ln c_{dt}\ (c_{dt} > 0,
        \text{sublinear\_tf}),

    with :math:`c_{dt}` the count of term t in document d, df(t) the number of
    documents that contain t and n the number of documents; each row of X is then
    divided by its l2 or l1 norm (a row of zeros stays zeros).

    Parameters
    ----------
    docs : sequence of sequences of str, length n
        The documents, each a list (or tuple) of tokens.
    smooth_idf : bool, optional
        Add one to n and to every df, as if one extra document held every term.
    sublinear_tf : bool, optional
        Replace a count c > 0 by 1 + ln c.
    norm : {"l2", "l1", None}, optional
        How each row is normalised (None: not at all).

    Returns
    -------
    TfIdf
        ``matrix`` (n, n_terms) float array, ``vocabulary`` the sorted list of the
        n_terms distinct tokens (the column labels), ``idf`` (n_terms,) float array.

    Raises
    ------
    ValueError
        If there are no documents, no token in any document, a document that is a bare
        str or not a sequence, a token that is not a str, or an unknown norm.

    Examples
    --------
    >>> result = tfidf([["a", "b", "a"], ["b", "c"]], norm=None)
    >>> result.vocabulary
    ['a', 'b', 'c']
    >>> result.idf.round(6).tolist()
    [1.405465, 1.0, 1.405465]
    >>> result.matrix.round(6).tolist()
    [[2.81093, 1.0, 0.0], [0.0, 1.0, 1.405465]]
    """
    # BEGIN SOLUTION
    if norm not in ("l1", "l2", None):
        raise ValueError(f'norm must be "l1", "l2" or None, got {norm!r}')
    if isinstance(docs, str) or not isinstance(docs, (list, tuple)):
        raise ValueError("docs must be a list of token lists")
    if len(docs) == 0:
        raise ValueError("docs is empty: there are no documents")
    counts = []
    for d, doc in enumerate(docs):
        if isinstance(doc, str) or not isinstance(doc, (list, tuple)):
            raise ValueError(f"document {d} must be a list of str tokens, got {type(doc)}")
        table = {}
        for token in doc:
            if not isinstance(token, str):
                raise ValueError(f"document {d} holds a token that is not a str: {token!r}")
            table[token] = table.get(token, 0) + 1
        counts.append(table)
    vocabulary = sorted(set().union(*counts))
    if not vocabulary:
        raise ValueError("no document holds a token: the vocabulary is empty")
    column = {token: j for j, token in enumerate(vocabulary)}
    n = len(docs)
    tf = np.zeros((n, len(vocabulary)))
    for d, table in enumerate(counts):
        for token, c in table.items():
            tf[d, column[token]] = 1.0 + math.log(c) if sublinear_tf else c
    df = np.count_nonzero(tf, axis=0)
    if smooth_idf:
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    else:
        idf = np.log(n / df) + 1.0
    matrix = tf * idf
    if norm is not None:
        order = 2 if norm == "l2" else 1
        lengths = np.linalg.norm(matrix, ord=order, axis=1, keepdims=True)
        matrix = matrix / np.where(lengths == 0.0, 1.0, lengths)
    return TfIdf(matrix, vocabulary, idf)
    # END SOLUTION
