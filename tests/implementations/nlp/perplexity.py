"""Known mistakes in nlp/perplexity (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

NATS = "    return -math.fsum(np.log(p)) / p.size\n"
RET = "    return Perplexity(_exp(nats), nats / math.log(2.0), len(rows))\n"

MUTANTS = [
    Mutant(
        "product_of_probabilities",
        "the N-th root of the product of the probabilities (underflows to 0)",
        replace=[(NATS, "    return -math.log(float(np.prod(p))) / p.size\n")],
    ),
    Mutant(
        "power_of_product",
        "np.prod(p) ** (-1 / N), inf once the product underflows",
        replace=[
            (
                "    return _exp(_nats_per_token(p))\n",
                "    return float(np.prod(p) ** (-1.0 / p.size))\n",
            )
        ],
    ),
    Mutant(
        "n_counts_start",
        "N counts <s> as a prediction",
        replace=[
            (
                RET,
                "    n = len(rows) + len(sentences)\n"
                "    nats = nats * len(rows) / n\n"
                "    return Perplexity(_exp(nats), nats / math.log(2.0), n)\n",
            )
        ],
        message="N counting <s>",
    ),
    Mutant(
        "no_end_prediction",
        "</s> is not predicted",
        replace=[
            ("        rows += [W, *ids]\n", "        rows += [W, *ids][:-1]\n"),
            ("        cols += [*ids, W]\n", "        cols += ids\n"),
        ],
        message="</s> left out",
    ),
    Mutant(
        "two_to_the_nats",
        "perplexity = 2 ** nats",
        replace=[(RET, RET.replace("_exp(nats)", "2.0**nats"))],
        message="2 ** (nats per token)",
    ),
    Mutant(
        "e_to_the_bits",
        "perplexity = e ** bits",
        replace=[(RET, RET.replace("_exp(nats)", "math.exp(nats / math.log(2.0))"))],
        message="e ** (bits per token)",
    ),
    Mutant(
        "bits_in_nats",
        "bits_per_token left in nats",
        replace=[(RET, RET.replace("nats / math.log(2.0)", "nats"))],
    ),
    Mutant(
        "mean_of_sentence_perplexities",
        "the mean of the per-sentence perplexities",
        replace=[
            (
                RET,
                "    pps, start = [], 0\n"
                "    for sentence in sentences:\n"
                "        stop = start + len(sentence) + 1\n"
                "        pps.append(_exp(_nats_per_token(P[rows[start:stop], cols[start:stop]])))\n"
                "        start = stop\n"
                "    return Perplexity(sum(pps) / len(pps), nats / math.log(2.0), len(rows))\n",
            )
        ],
        message="the mean of per-sentence perplexities",
    ),
    Mutant(
        "log_of_zero",
        "log(0) evaluated: a divide-by-zero error (or a warning and -inf)",
        replace=[("    if np.any(p == 0.0):\n        return math.inf\n", "")],
        message="hit a floating-point error",
    ),
    Mutant(
        "no_range_check",
        "probabilities outside [0, 1] are not rejected",
        replace=[("    if not np.all((p >= 0.0) & (p <= 1.0)):\n", "    if False:\n")],
    ),
    Mutant(
        "rows_not_checked",
        "probs rows that are not distributions are accepted",
        replace=[
            (
                "    if not np.all(P >= 0.0) or not np.allclose(P.sum(axis=1), 1.0, rtol=0.0, atol=1e-9):\n",
                "    if False:\n",
            )
        ],
    ),
    Mutant(
        "unknown_word_key_error",
        "a word outside the vocabulary raises KeyError, not ValueError",
        replace=[
            (
                "            if not isinstance(token, str) or token in MARKERS or token not in index:\n",
                "            if False:\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "scipy_gmean",
        "1 / scipy.stats.gmean of the probabilities, zeros handled first",
        append="""
def perplexity(token_probs):
    from scipy.stats import gmean

    p = np.asarray(token_probs, dtype=float)
    if p.ndim != 1 or not p.size or np.any(~((p >= 0) & (p <= 1))):
        raise ValueError("token_probs must be a non-empty 1-D array of probabilities")
    if np.any(p == 0):
        return float("inf")
    return float(1.0 / gmean(p))


def bigram_perplexity(vocabulary, probs, sentences):
    from scipy.stats import gmean

    W = len(vocabulary)
    P = np.asarray(probs, dtype=float)
    if P.shape != (W + 1, W + 1) or np.any(P < 0) or np.any(abs(P.sum(axis=1) - 1) > 1e-9):
        raise ValueError("probs must be (W + 1, W + 1) with distributions as rows")
    if isinstance(sentences, str) or not sentences:
        raise ValueError("no sentences")
    where = {w: i for i, w in enumerate(vocabulary)}
    got = []
    for s in sentences:
        if isinstance(s, str) or any(w not in where for w in s):
            raise ValueError("a sentence holds a word outside the vocabulary")
        ids = [W] + [where[w] for w in s] + [W]
        got += [P[a, b] for a, b in zip(ids[:-1], ids[1:])]
    p = np.array(got)
    if np.any(p == 0):
        return Perplexity(float("inf"), float("inf"), p.size)
    pp = float(1.0 / gmean(p))
    return Perplexity(pp, float(np.log2(pp)), p.size)
""",
    ),
    Variant(
        "base_two",
        "everything in bits with np.log2, perplexity = 2 ** bits",
        replace=[
            (
                "    nats = _nats_per_token(P[rows, cols])\n"
                "    return Perplexity(_exp(nats), nats / math.log(2.0), len(rows))\n",
                "    p = P[rows, cols]\n"
                "    if np.any(p == 0):\n"
                "        return Perplexity(math.inf, math.inf, len(rows))\n"
                "    bits = -float(np.mean(np.log2(p)))\n"
                "    return Perplexity(float(np.exp2(bits)), bits, len(rows))\n",
            )
        ],
    ),
]

VARIANTS.append(
    Variant(
        "review_pure_python_base_two",
        "independent review: pure-Python math.log2 sums, perplexity as 2**bits, "
        "bigram lookups through a dict of marker-extended indices",
        append="""
def _review_bits(values):
    if any(v == 0.0 for v in values):
        return math.inf
    return -math.fsum(math.log2(v) for v in values) / len(values)


def _review_two_to(bits):
    try:
        return 2.0**bits
    except OverflowError:
        return math.inf


def perplexity(token_probs):
    p = np.asarray(token_probs, dtype=float)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("token_probs must be a non-empty 1-D array")
    if not np.all((p >= 0) & (p <= 1)):
        raise ValueError("probabilities must lie in [0, 1]")
    bits = _review_bits([float(v) for v in p])
    return math.inf if bits == math.inf else _review_two_to(bits)


def bigram_perplexity(vocabulary, probs, sentences):
    W = len(vocabulary)
    P = np.asarray(probs, dtype=float)
    if P.shape != (W + 1, W + 1):
        raise ValueError("probs must be (W + 1, W + 1)")
    if not np.all(P >= 0) or not np.allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-9):
        raise ValueError("every row of probs must be a distribution")
    if not isinstance(sentences, (list, tuple)) or len(sentences) == 0:
        raise ValueError("no sentences")
    index = {w: i for i, w in enumerate(vocabulary)}
    values = []
    for s in sentences:
        if not isinstance(s, (list, tuple)):
            raise ValueError("a sentence must be a list of str tokens")
        ids = []
        for w in s:
            if not isinstance(w, str) or w not in index:
                raise ValueError(f"unknown word {w!r}")
            ids.append(index[w])
        for a, b in zip([W] + ids, ids + [W]):
            values.append(float(P[a, b]))
    bits = _review_bits(values)
    ppl = math.inf if bits == math.inf else _review_two_to(bits)
    return Perplexity(ppl, bits, len(values))
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "lookup_transposed",
        "probs read as P[next, context] instead of P[context, next]",
        replace=[("_nats_per_token(P[rows, cols])", "_nats_per_token(P[cols, rows])")],
    ),
    Mutant(
        "mean_of_sentence_cross_entropies",
        "the mean of per-sentence nats per token instead of pooling every prediction",
        replace=[
            (
                "    nats = _nats_per_token(P[rows, cols])\n",
                "    bounds = np.cumsum([0] + [len(s) + 1 for s in sentences])\n"
                "    flat = P[rows, cols]\n"
                "    nats = sum(\n"
                "        _nats_per_token(flat[a:b]) for a, b in zip(bounds[:-1], bounds[1:])\n"
                "    ) / len(sentences)\n",
            )
        ],
    ),
]
