r"""Byte-pair encoding: learning and applying merges.

BPE builds a subword vocabulary by repeatedly merging the most frequent pair of adjacent
symbols, starting from characters: frequent words end up as one symbol, rare ones as a
few pieces, and no word is ever out of vocabulary. GPT-style tokenisers are built on it.
"""

import numbers


def _merge(symbols, left, right):
    """Replace every occurrence of (left, right), left to right without overlap."""
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


def learn_bpe(word_counts, num_merges):
    r"""Learn byte-pair-encoding merges from word counts.

    Every word starts as the sequence of its characters. Each round counts every
    adjacent pair of symbols, weighted by the word's count (overlapping positions
    included), and merges the most frequent one:

    .. math::

        (l, r)^\star = \operatorname*{arg\,max}_{(l, r)}
        \sum_{w} c_w \, \#\{i : s^w_i = l,\ s^w_{i+1} = r\},

    ties going to the smallest (l, r) in Python string order. Every occurrence in every
    word is then replaced, left to right without overlap, by the symbol l + r.

    Parameters
    ----------
    word_counts : mapping of str to int
        {word: count}, words non-empty, counts positive integers.
    num_merges : int
        The number of rounds, >= 0; fewer merges come back when every word is a single
        symbol before that.

    Returns
    -------
    list of tuple of (str, str)
        The merges, in the order they were learned.

    Raises
    ------
    ValueError
        If num_merges is not an integer >= 0, word_counts is empty or not a mapping, a
        word is not a non-empty str, or a count is not a positive integer.

    Examples
    --------
    >>> learn_bpe({"low": 5, "lower": 2, "newest": 6, "widest": 3}, 4)
    [('e', 's'), ('es', 't'), ('l', 'o'), ('lo', 'w')]
    """
    # BEGIN SOLUTION
    if isinstance(num_merges, bool) or not isinstance(num_merges, numbers.Integral):
        raise ValueError(f"num_merges must be an integer, got {num_merges!r}")
    if num_merges < 0:
        raise ValueError(f"num_merges must be >= 0, got {num_merges}")
    if not hasattr(word_counts, "items"):
        raise ValueError("word_counts must be a mapping {word: count}")
    if len(word_counts) == 0:
        raise ValueError("word_counts is empty")
    words = []
    for word, count in word_counts.items():
        if not isinstance(word, str) or word == "":
            raise ValueError(f"every word must be a non-empty str, got {word!r}")
        if (
            isinstance(count, bool)
            or not isinstance(count, numbers.Real)
            or count != int(count)
            or count <= 0
        ):
            raise ValueError(f"the count of {word!r} must be a positive integer, got {count!r}")
        words.append((list(word), int(count)))
    merges = []
    for _ in range(int(num_merges)):
        pairs = {}
        for symbols, count in words:
            for pair in zip(symbols, symbols[1:], strict=False):
                pairs[pair] = pairs.get(pair, 0) + count
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        words = [(_merge(symbols, *best), count) for symbols, count in words]
    return merges
    # END SOLUTION


def apply_bpe(word, merges):
    r"""Split a word into subword symbols with learned BPE merges.

    Start from the characters of the word and apply the merges in list order, each to
    every occurrence, left to right without overlap:

    .. math::

        s^{(0)} = (w_1, \dots, w_n), \qquad
        s^{(m)} = \mathrm{merge}_{(l_m, r_m)}\bigl(s^{(m-1)}\bigr),

    so that the returned symbols concatenate to the word; characters no merge mentions
    stay single symbols.

    Parameters
    ----------
    word : str
        A non-empty word.
    merges : sequence of tuple of (str, str)
        Merges as learn_bpe returns them.

    Returns
    -------
    list of str
        The symbols of the word.

    Raises
    ------
    ValueError
        If word is not a non-empty str.

    Examples
    --------
    >>> apply_bpe("lowest", [("e", "s"), ("es", "t"), ("l", "o"), ("lo", "w")])
    ['low', 'est']
    """
    # BEGIN SOLUTION
    if not isinstance(word, str) or word == "":
        raise ValueError(f"word must be a non-empty str, got {word!r}")
    symbols = list(word)
    for left, right in merges:
        symbols = _merge(symbols, left, right)
    return symbols
    # END SOLUTION
