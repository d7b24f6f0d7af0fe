"""Known mistakes in nlp/bpe (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

COUNT = "                pairs[pair] = pairs.get(pair, 0) + count\n"
BEST = "        best = min(pairs, key=lambda pair: (-pairs[pair], pair))\n"
MERGE_BODY = """    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out
"""

MUTANTS = [
    Mutant(
        "counts_ignored",
        "each pair counted once per word type, whatever the word's count",
        replace=[(COUNT, "                pairs[pair] = pairs.get(pair, 0) + 1\n")],
        message="pairs counted once per word type",
    ),
    Mutant(
        "ties_first_seen",
        "max over the dict: ties go to the pair seen first",
        replace=[(BEST, "        best = max(pairs, key=pairs.get)\n")],
        message="ties broken by first-seen order",
    ),
    Mutant(
        "ties_largest",
        "ties go to the largest tuple",
        replace=[(BEST, "        best = max(pairs, key=lambda pair: (pairs[pair], pair))\n")],
    ),
    Mutant(
        "right_to_left",
        "occurrences merged scanning from the right",
        replace=[
            (
                MERGE_BODY,
                """    out = list(symbols)
    i = len(out) - 2
    while i >= 0:
        if out[i] == left and out[i + 1] == right:
            out[i : i + 2] = [left + right]
        i -= 1
    return out
""",
            )
        ],
        message="merged right to left",
    ),
    Mutant(
        "overlapping",
        "an occurrence may reuse the right symbol of the previous one",
        replace=[
            (
                MERGE_BODY,
                """    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
        elif i == 0 or not (symbols[i - 1] == left and symbols[i] == right):
            out.append(symbols[i])
        i += 1
    return out
""",
            )
        ],
    ),
    Mutant(
        "no_recount",
        "all merges read off the first pair table",
        replace=[
            (
                "    merges = []\n    for _ in range(int(num_merges)):\n",
                "    pairs = {}\n"
                "    for symbols, count in words:\n"
                "        for pair in zip(symbols, symbols[1:]):\n"
                "            pairs[pair] = pairs.get(pair, 0) + count\n"
                "    return sorted(pairs, key=lambda p: (-pairs[p], p))[: int(num_merges)]\n"
                "    merges = []\n"
                "    for _ in range(int(num_merges)):\n",
            )
        ],
        message="every merge taken from the first pair table",
    ),
    Mutant(
        "apply_first_occurrence_only",
        "apply_bpe merges only the first occurrence of each pair",
        replace=[
            (
                "    for left, right in merges:\n        symbols = _merge(symbols, left, right)\n",
                "    for left, right in merges:\n"
                "        for i in range(len(symbols) - 1):\n"
                "            if symbols[i] == left and symbols[i + 1] == right:\n"
                "                symbols[i : i + 2] = [left + right]\n"
                "                break\n",
            )
        ],
        message="only the first occurrence",
    ),
    Mutant(
        "non_overlapping_pair_counts",
        "pairs counted without overlap ('aaaa' holds (a, a) twice)",
        replace=[
            (
                "            for pair in zip(symbols, symbols[1:], strict=False):\n"
                "                pairs[pair] = pairs.get(pair, 0) + count\n",
                "            i = 0\n"
                "            while i + 1 < len(symbols):\n"
                "                pair = (symbols[i], symbols[i + 1])\n"
                "                pairs[pair] = pairs.get(pair, 0) + count\n"
                "                i += 2 if symbols[i] == symbols[i + 1] else 1\n",
            )
        ],
    ),
    Mutant(
        "fractional_counts_accepted",
        "a count of 1.5 is truncated instead of rejected",
        replace=[("            or count != int(count)\n", "")],
    ),
    Mutant(
        "negative_num_merges_accepted",
        "num_merges < 0 gives [] instead of an error",
        replace=[("    if num_merges < 0:\n", "    if False:\n")],
    ),
    Mutant(
        "empty_mapping_accepted",
        "an empty mapping gives []",
        replace=[("    if len(word_counts) == 0:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "sennrich_regex",
        "Sennrich et al.'s reference: words as space-joined symbols, merges by regex",
        append=r"""
def learn_bpe(word_counts, num_merges):
    import re
    import collections

    if isinstance(num_merges, bool) or not isinstance(num_merges, numbers.Integral):
        raise ValueError("num_merges must be an integer")
    if num_merges < 0 or not isinstance(word_counts, dict) or not word_counts:
        raise ValueError("num_merges >= 0 and a non-empty dict are needed")
    vocab = {}
    for w, c in word_counts.items():
        if not isinstance(w, str) or not w or isinstance(c, bool) or c <= 0 or c % 1:
            raise ValueError("bad word or count")
        vocab[" ".join(w)] = int(c)
    merges = []
    for _ in range(num_merges):
        stats = collections.defaultdict(int)
        for text, c in vocab.items():
            s = text.split()
            for a, b in zip(s, s[1:]):
                stats[a, b] += c
        if not stats:
            break
        best = sorted(stats.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        merges.append(best)
        p = re.compile(r"(?<!\S)" + re.escape(" ".join(best)) + r"(?!\S)")
        vocab = {p.sub("".join(best), t): c for t, c in vocab.items()}
    return merges


def apply_bpe(word, merges):
    import re

    if not isinstance(word, str) or not word:
        raise ValueError("word must be a non-empty str")
    text = " ".join(word)
    for a, b in merges:
        text = re.sub(r"(?<!\S)" + re.escape(a + " " + b) + r"(?!\S)", a + b, text)
    return text.split()
""",
    ),
    Variant(
        "tuple_words_counter",
        "words as tuples in a Counter, pair table with collections.Counter",
        replace=[
            (
                "        best = min(pairs, key=lambda pair: (-pairs[pair], pair))\n",
                "        top = max(pairs.values())\n"
                "        best = sorted(p for p, c in pairs.items() if c == top)[0]\n",
            )
        ],
    ),
]

VARIANTS.append(
    Variant(
        "review_counter_min_key",
        "independent review: a Counter of pairs per round, the pair chosen by "
        "min(key=(-count, pair)), merges by an index-jumping rewrite; integral float "
        "counts accepted",
        append="""
def _review_rewrite(symbols, pair):
    out, i = [], 0
    n = len(symbols)
    while i < n:
        if i < n - 1 and (symbols[i], symbols[i + 1]) == pair:
            out.append(pair[0] + pair[1])
            i += 2
            continue
        out.append(symbols[i])
        i += 1
    return tuple(out)


def learn_bpe(word_counts, num_merges):
    from collections import Counter

    if isinstance(num_merges, bool) or not isinstance(num_merges, numbers.Integral):
        raise ValueError("num_merges must be an integer")
    if num_merges < 0:
        raise ValueError("num_merges must be >= 0")
    if len(word_counts) == 0:
        raise ValueError("no words")
    corpus = []
    for word, count in word_counts.items():
        if not isinstance(word, str) or not word:
            raise ValueError("words must be non-empty str")
        if isinstance(count, bool) or not isinstance(count, numbers.Real):
            raise ValueError("counts must be integers")
        if count <= 0 or count != int(count):
            raise ValueError("counts must be positive integers")
        corpus.append((tuple(word), int(count)))
    merges = []
    for _ in range(int(num_merges)):
        pairs = Counter()
        for symbols, count in corpus:
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += count
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        corpus = [(_review_rewrite(symbols, best), count) for symbols, count in corpus]
    return merges


def apply_bpe(word, merges):
    if not isinstance(word, str) or not word:
        raise ValueError("word must be a non-empty str")
    symbols = tuple(word)
    for left, right in merges:
        symbols = _review_rewrite(symbols, (left, right))
    return list(symbols)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "text_replace_without_boundaries",
        "merging with str.replace on space-joined symbols, no symbol boundaries "
        "('x ab c'.replace('b c', 'bc') also hits the tail of 'ab')",
        replace=[
            (
                "        words = [(_merge(symbols, *best), count) for symbols, count in words]\n",
                "        words = [\n"
                "            (\n"
                "                ' '.join(symbols).replace(best[0] + ' ' + best[1], best[0] + best[1])"
                ".split(),\n"
                "                count,\n"
                "            )\n"
                "            for symbols, count in words\n"
                "        ]\n",
            )
        ],
    ),
    Mutant(
        "ties_by_concatenated_string",
        "ties broken by the smallest left + right string instead of the (left, right) tuple",
        replace=[
            (
                "key=lambda pair: (-pairs[pair], pair))",
                "key=lambda pair: (-pairs[pair], pair[0] + pair[1]))",
            )
        ],
    ),
]
