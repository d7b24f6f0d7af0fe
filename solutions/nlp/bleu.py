r"""BLEU: the standard automatic score of machine translation.

Clipped n-gram precisions, pooled over a corpus and combined by a geometric mean, times a
brevity penalty that stops short hypotheses from scoring high precision cheaply.
"""

import math
from collections import Counter
from typing import NamedTuple

import numpy as np


class BLEU(NamedTuple):
    """The result of :func:`corpus_bleu` and :func:`sentence_bleu`."""

    bleu: float
    precisions: np.ndarray
    brevity_penalty: float
    hyp_length: int
    ref_length: int


def _tokens(sentence, what):
    """A sentence as a tuple of str tokens, or ValueError."""
    if isinstance(sentence, str) or not isinstance(sentence, (list, tuple)):
        raise ValueError(f"{what} must be a list of str tokens, got {type(sentence).__name__}")
    if not all(isinstance(token, str) for token in sentence):
        raise ValueError(f"{what} holds a token that is not a str")
    return tuple(sentence)


def corpus_bleu(references, hypotheses, max_n=4, smoothing=None):
    r"""Corpus-level BLEU with clipped n-gram counts pooled over all sentences.

    .. math::

        p_n = \frac{\sum_s \sum_{g \in \text{n-grams}(h_s)}
              \min\big(c_{h_s}(g),\ \max_{r \in R_s} c_r(g)\big)}
              {\sum_s \max(|h_s| - n + 1, 0)}

    .. math::

        \mathrm{BP} = \begin{cases} 1 & c > r \\ e^{1 - r/c} & 0 < c \le r \\
        0 & c = 0 \end{cases}, \qquad
        \mathrm{BLEU} = \mathrm{BP} \cdot \exp\Big(\frac{1}{N}\sum_{n=1}^{N} \ln p_n\Big)

    with :math:`c = \sum_s |h_s|`, :math:`r = \sum_s` the length of the reference closest
    to :math:`|h_s|` (ties: the shorter), and BLEU exactly 0 when some :math:`p_n = 0`.
    ``smoothing="add1"`` uses :math:`(m_n + 1)/(l_n + 1)` for :math:`n \ge 2`.

    Parameters
    ----------
    references : list of list of list of str
        ``references[s]``: the non-empty list of reference token lists for sentence s.
    hypotheses : list of list of str
        ``hypotheses[s]``: the hypothesis tokens of sentence s.
    max_n : int, optional
        The longest n-gram, N >= 1.
    smoothing : {None, "add1"}, optional
        None uses the precisions as they are; "add1" adds 1 to the matches and totals of
        every :math:`n \ge 2`.

    Returns
    -------
    BLEU
        ``bleu`` (float), ``precisions`` (max_n,) the :math:`p_n` used,
        ``brevity_penalty`` (float), ``hyp_length`` c and ``ref_length`` r (ints).

    Raises
    ------
    ValueError
        If the corpus is empty or its two lists differ in length, a sentence has no
        references, a sentence is not a list of str tokens, max_n < 1 or smoothing is
        unknown.

    Examples
    --------
    >>> refs = [[["the", "cat", "is", "on", "the", "mat"]]]
    >>> hyps = [["the", "cat", "sat", "on", "the", "mat"]]
    >>> result = corpus_bleu(refs, hyps, max_n=2)
    >>> result.precisions.round(6).tolist()  # 5/6 unigrams, 3/5 bigrams
    [0.833333, 0.6]
    >>> round(result.bleu, 6)  # sqrt(5/6 * 3/5), brevity penalty 1
    0.707107
    """
    # BEGIN SOLUTION
    if isinstance(max_n, bool) or not isinstance(max_n, (int, np.integer)) or max_n < 1:
        raise ValueError(f"max_n must be an integer >= 1, got {max_n!r}")
    if smoothing not in (None, "add1"):
        raise ValueError(f'smoothing must be None or "add1", got {smoothing!r}')
    if isinstance(hypotheses, str) or isinstance(references, str):
        raise ValueError("references and hypotheses must be lists of sentences")
    if len(references) != len(hypotheses):
        raise ValueError(
            f"{len(references)} reference sets for {len(hypotheses)} hypotheses: they must match"
        )
    if len(hypotheses) == 0:
        raise ValueError("the corpus is empty")

    matches = np.zeros(max_n)
    totals = np.zeros(max_n)
    hyp_length = ref_length = 0
    for s, (refs, hyp) in enumerate(zip(references, hypotheses, strict=True)):
        hyp = _tokens(hyp, f"hypothesis {s}")
        if isinstance(refs, str) or not isinstance(refs, (list, tuple)) or len(refs) == 0:
            raise ValueError(f"sentence {s} needs a non-empty list of references")
        refs = [_tokens(r, f"a reference of sentence {s}") for r in refs]
        hyp_length += len(hyp)
        ref_length += min((abs(len(r) - len(hyp)), len(r)) for r in refs)[1]
        for n in range(1, max_n + 1):
            counts = Counter(hyp[i : i + n] for i in range(len(hyp) - n + 1))
            most = Counter()
            for r in refs:
                for gram, k in Counter(r[i : i + n] for i in range(len(r) - n + 1)).items():
                    most[gram] = max(most[gram], k)
            matches[n - 1] += sum(min(k, most[gram]) for gram, k in counts.items())
            totals[n - 1] += max(len(hyp) - n + 1, 0)

    precisions = np.zeros(max_n)
    for n in range(max_n):
        if smoothing == "add1" and n >= 1:
            precisions[n] = (matches[n] + 1) / (totals[n] + 1)
        elif totals[n] > 0:
            precisions[n] = matches[n] / totals[n]
    if hyp_length > ref_length:
        brevity_penalty = 1.0
    elif hyp_length > 0:
        brevity_penalty = math.exp(1 - ref_length / hyp_length)
    else:
        brevity_penalty = 0.0
    if np.any(precisions == 0):
        bleu = 0.0
    else:
        bleu = brevity_penalty * math.exp(float(np.mean(np.log(precisions))))
    return BLEU(bleu, precisions, brevity_penalty, hyp_length, ref_length)
    # END SOLUTION


def sentence_bleu(references, hypothesis, max_n=4, smoothing=None):
    r"""BLEU of one hypothesis against its references: ``corpus_bleu([references], [hypothesis])``.

    .. math::

        \mathrm{BLEU} = \mathrm{BP} \cdot \exp\Big(\frac{1}{N}\sum_{n=1}^{N} \ln p_n\Big)

    Parameters
    ----------
    references : list of list of str
        The non-empty list of reference token lists.
    hypothesis : list of str
        The hypothesis tokens.
    max_n : int, optional
        The longest n-gram, N >= 1.
    smoothing : {None, "add1"}, optional
        As in :func:`corpus_bleu`.

    Returns
    -------
    BLEU
        As :func:`corpus_bleu` returns for a corpus of one sentence.

    Raises
    ------
    ValueError
        As :func:`corpus_bleu`.

    Examples
    --------
    >>> refs = [["a", "b", "c", "d"], ["a", "b", "x"]]
    >>> result = sentence_bleu(refs, ["a", "b", "c"], max_n=2, smoothing="add1")
    >>> result.ref_length, result.precisions.round(6).tolist()  # closest: 3 tokens
    (3, [1.0, 1.0])
    """
    # BEGIN SOLUTION
    if isinstance(hypothesis, str):
        raise ValueError("hypothesis must be a list of str tokens, not a str")
    return corpus_bleu([references], [hypothesis], max_n=max_n, smoothing=smoothing)
    # END SOLUTION
