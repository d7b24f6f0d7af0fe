"""Known mistakes in nlp/ngram_lm (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

PROBS = "    probs = (counts + k) / (totals + k * (W + 1))\n"
ROWS = "        rows = [W] + [index[token] for token in sentence]\n"
COLS = "        cols = [index[token] for token in sentence] + [W]\n"

MUTANTS = [
    Mutant(
        "denominator_plus_k",
        "Σ counts + k in the denominator: rows do not sum to 1",
        replace=[(PROBS, "    probs = (counts + k) / (totals + k)\n")],
        message="the denominator Σ counts + k",
    ),
    Mutant(
        "w_plus_two_outcomes",
        "k·(W + 2): <s> counted as a possible next token",
        replace=[(PROBS, "    probs = (counts + k) / (totals + k * (W + 2))\n")],
        message="W + 2 outcomes",
    ),
    Mutant(
        "across_sentences",
        "the corpus read as one stream: bigrams across sentence boundaries",
        replace=[
            (
                "    for sentence in sentences:\n        rows",
                "    for sentence in [[t for s in sentences for t in s]]:\n        rows",
            )
        ],
        message="bigrams across sentence boundaries",
    ),
    Mutant(
        "no_end_marker",
        "no </s>: the last word predicts nothing",
        replace=[
            (ROWS, "        rows = [W] + [index[token] for token in sentence][:-1]\n"),
            (COLS, "        cols = [index[token] for token in sentence]\n"),
        ],
        message="no </s>",
    ),
    Mutant(
        "no_start_row",
        "no <s>: the first word is predicted by nothing",
        replace=[
            (ROWS, "        rows = [index[token] for token in sentence]\n"),
            (COLS, "        cols = ([index[token] for token in sentence] + [W])[1:]\n"),
        ],
        message="no <s> row",
    ),
    Mutant(
        "first_seen_vocabulary",
        "the vocabulary in first-seen order",
        replace=[
            (
                "    vocabulary = sorted({token for sentence in sentences for token in sentence})\n",
                "    vocabulary = list(dict.fromkeys(t for sentence in sentences for t in sentence))\n",
            )
        ],
    ),
    Mutant(
        "fancy_index_increment",
        "counts[rows, cols] += 1: a bigram repeated in one sentence counted once",
        replace=[
            ("        np.add.at(counts, (rows, cols), 1)\n", "        counts[rows, cols] += 1\n")
        ],
    ),
    Mutant(
        "markers_accepted",
        "a token <s> or </s> in the input is not rejected",
        replace=[("            if token in MARKERS:\n", "            if False:\n")],
    ),
    Mutant(
        "negative_k_accepted",
        "k < 0 is not rejected",
        replace=[("    if not (k >= 0) or math.isinf(k):\n", "    if False:\n")],
    ),
    Mutant(
        "empty_corpus_accepted",
        "no sentences returns an empty model",
        replace=[("    if len(sentences) == 0:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "counter_of_pairs",
        "a Counter of (previous, next) pairs, then a division row by row",
        append="""
def bigram_lm(sentences, k=1.0):
    from collections import Counter

    if k < 0:
        raise ValueError("k must be >= 0")
    if isinstance(sentences, str) or not sentences:
        raise ValueError("no sentences")
    for s in sentences:
        if isinstance(s, str) or not isinstance(s, (list, tuple)):
            raise ValueError("a sentence must be a list of tokens")
        if any(not isinstance(t, str) or t in ("<s>", "</s>") for t in s):
            raise ValueError("tokens must be str and not <s> or </s>")
    vocabulary = sorted(set().union(*map(set, sentences)))
    W = len(vocabulary)
    pairs = Counter()
    for s in sentences:
        padded = ["<s>", *s, "</s>"]
        pairs.update(zip(padded, padded[1:]))
    names_in = vocabulary + ["<s>"]
    names_out = vocabulary + ["</s>"]
    counts = np.array([[pairs[a, b] for b in names_out] for a in names_in], dtype=float)
    probs = np.empty_like(counts)
    for i in range(W + 1):
        probs[i] = (counts[i] + k) / (counts[i].sum() + k * (W + 1))
    return BigramLM(vocabulary, counts, probs)
""",
    ),
]

VARIANTS.append(
    Variant(
        "review_index_arrays",
        "independent review: every sentence as an index array with <s> = </s> = W, "
        "np.add.at over (previous, next) pairs, integer counts",
        append="""
def bigram_lm(sentences, k=1.0):
    if not k >= 0:
        raise ValueError("k must be >= 0")
    if not isinstance(sentences, (list, tuple)) or len(sentences) == 0:
        raise ValueError("no sentences")
    for s in sentences:
        if not isinstance(s, (list, tuple)):
            raise ValueError("a sentence must be a list of str tokens")
        for t in s:
            if not isinstance(t, str) or t in ("<s>", "</s>"):
                raise ValueError("bad token")
    vocabulary = sorted({t for s in sentences for t in s})
    W = len(vocabulary)
    index = {t: i for i, t in enumerate(vocabulary)}
    counts = np.zeros((W + 1, W + 1), dtype=np.int64)
    for s in sentences:
        ids = np.array([W] + [index[t] for t in s] + [W], dtype=np.int64)
        np.add.at(counts, (ids[:-1], ids[1:]), 1)
    probs = (counts + k) / (counts.sum(axis=1, keepdims=True) + k * (W + 1))
    return BigramLM(vocabulary, counts, probs)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "k_times_w_outcomes",
        "k·W in the denominator: </s> forgotten as a possible next token",
        replace=[("(totals + k * (W + 1))", "(totals + k * W)")],
    ),
    Mutant(
        "counts_transposed",
        "counts[next, previous]: the rows index the next token",
        replace=[("np.add.at(counts, (rows, cols), 1)", "np.add.at(counts, (cols, rows), 1)")],
    ),
]
