r"""Beam search: approximate the most probable output sequence of a language model.

Exhaustive search over V^L sequences is out of reach; keeping only the beam_width best
partial hypotheses at every step is the standard compromise between greedy decoding
(beam_width = 1) and exact search.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Beam(NamedTuple):
    """The result of :func:`beam_search`."""

    tokens: tuple
    log_prob: float
    score: float


def beam_search(next_log_probs, bos, eos, beam_width, max_len, length_penalty=0.0):
    r"""Beam search over a next-token model, with finished hypotheses and a length penalty.

    A hypothesis :math:`y = (y_1, \dots, y_L)` after ``bos`` has

    .. math::

        \log P(y) = \sum_{l=1}^{L} \log P(y_l \mid \text{bos}, y_1, \dots, y_{l-1}),
        \qquad \operatorname{score}(y) = \frac{\log P(y)}{L^{\alpha}}

    with :math:`\alpha` the length penalty. Each step extends every hypothesis of the beam
    (in beam order) by every token 0 ... V - 1 (in order), drops candidates at -inf and
    keeps the ``beam_width`` best (a stable sort: ties go to the earlier candidate). A
    kept candidate ending in ``eos``, or with ``max_len`` tokens, is finished and leaves
    the beam; the others form the next beam. The search stops when the beam is empty and
    returns the finished hypothesis with the highest score (ties: the first finished).

    Parameters
    ----------
    next_log_probs : callable
        ``next_log_probs(prefix)`` with ``prefix`` a tuple of Python ints (``bos`` then
        the tokens so far) returns the next-token log-probabilities, 1-D of a fixed
        length V (-inf allowed).
    bos, eos : int
        The begin- and end-of-sequence tokens.
    beam_width : int
        How many hypotheses to keep per step (>= 1).
    max_len : int
        The most tokens after ``bos`` a hypothesis may have (>= 1).
    length_penalty : float, optional
        :math:`\alpha`: 0 ranks by log-probability, 1 by log-probability per token.

    Returns
    -------
    Beam
        ``tokens`` (tuple of int, without bos, with eos when it ended there),
        ``log_prob`` (float, the plain sum) and ``score`` (float).

    Raises
    ------
    ValueError
        If beam_width or max_len is not an integer >= 1; if next_log_probs returns
        something that is not 1-D, changes length or holds nan / +inf; if nothing
        finishes (every first candidate is -inf).

    Examples
    --------
    >>> table = {(0,): [-np.inf, np.log(0.6), np.log(0.4)],  # token 1 or eos = 2
    ...          (0, 1): [-np.inf, np.log(0.5), np.log(0.5)]}
    >>> model = lambda prefix: np.array(table[prefix])
    >>> greedy = beam_search(model, bos=0, eos=2, beam_width=1, max_len=2)
    >>> greedy.tokens, round(float(np.exp(greedy.log_prob)), 6)
    ((1, 1), 0.3)
    >>> best = beam_search(model, bos=0, eos=2, beam_width=2, max_len=2)
    >>> best.tokens, round(float(np.exp(best.log_prob)), 6)
    ((2,), 0.4)
    >>> beam_search(model, bos=0, eos=2, beam_width=2, max_len=2, length_penalty=1.0).tokens
    (1, 1)
    """
    # TODO: write beam_search (the docstring above has the maths).
    raise NotImplementedError("beam_search is not implemented yet")
