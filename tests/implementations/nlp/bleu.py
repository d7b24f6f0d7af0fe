"""Known mistakes in nlp/bleu (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

CLIP = "matches[n - 1] += sum(min(k, most[gram]) for gram, k in counts.items())"
CLOSEST = "ref_length += min((abs(len(r) - len(hyp)), len(r)) for r in refs)[1]"
GEOMETRIC = "bleu = brevity_penalty * math.exp(float(np.mean(np.log(precisions))))"

MUTANTS = [
    Mutant(
        "no_clipping",
        "every hypothesis n-gram found in some reference counts in full",
        replace=[(CLIP, "matches[n - 1] += sum(k for gram, k in counts.items() if most[gram])")],
        message="no clipping",
    ),
    Mutant(
        "summed_clipping",
        "clipped by the summed counts of all references",
        replace=[("most[gram] = max(most[gram], k)", "most[gram] += k")],
        message="summed counts of all references",
    ),
    Mutant(
        "mean_of_sentences",
        "corpus BLEU as the mean of the sentence BLEUs",
        append="""
_pooled = corpus_bleu


def corpus_bleu(references, hypotheses, max_n=4, smoothing=None):
    pooled = _pooled(references, hypotheses, max_n, smoothing)
    scores = [_pooled([r], [h], max_n, smoothing).bleu for r, h in zip(references, hypotheses)]
    return pooled._replace(bleu=sum(scores) / len(scores))
""",
        message="the mean of sentence BLEUs",
    ),
    Mutant(
        "shortest_reference",
        "r from the shortest reference",
        replace=[(CLOSEST, "ref_length += min(len(r) for r in refs)")],
        message="the shortest reference",
    ),
    Mutant(
        "arithmetic_mean",
        "arithmetic mean of the precisions",
        replace=[(GEOMETRIC, "bleu = brevity_penalty * float(np.mean(precisions))")],
        message="the arithmetic mean of the precisions",
    ),
    Mutant(
        "log_of_zero",
        "ln p_n evaluated also when p_n = 0 (divide error, -inf)",
        replace=[
            (
                "    if np.any(precisions == 0):\n        bleu = 0.0\n    else:\n        "
                + GEOMETRIC,
                "    if True:\n        " + GEOMETRIC,
            )
        ],
        message="no log(0)",
    ),
    Mutant(
        "ties_to_longer_reference",
        "equally close references: the longer one",
        replace=[
            (CLOSEST, "ref_length += min((abs(len(r) - len(hyp)), -len(r)) for r in refs)[1] * -1")
        ],
    ),
    Mutant(
        "add1_on_unigrams",
        "add-one smoothing applied to p_1 too",
        replace=[('if smoothing == "add1" and n >= 1:', 'if smoothing == "add1":')],
    ),
    Mutant(
        "bp_inverted",
        "brevity penalty exp(1 - c/r)",
        replace=[
            (
                "brevity_penalty = math.exp(1 - ref_length / hyp_length)",
                "brevity_penalty = math.exp(1 - hyp_length / ref_length)",
            )
        ],
    ),
    Mutant(
        "nltk_totals",
        "at least one n-gram counted per sentence (nltk's totals)",
        replace=[
            (
                "totals[n - 1] += max(len(hyp) - n + 1, 0)",
                "totals[n - 1] += max(len(hyp) - n + 1, 1)",
            )
        ],
    ),
    Mutant(
        "bare_string_accepted",
        "a str hypothesis read as a list of characters",
        replace=[
            (
                "    if isinstance(sentence, str) or not isinstance(sentence, (list, tuple)):\n",
                "    if not isinstance(sentence, (list, tuple, str)):\n",
            ),
            (
                '    if isinstance(hypothesis, str):\n        raise ValueError("hypothesis must be a list of str tokens, not a str")\n',
                "",
            ),
        ],
    ),
]

VARIANTS = [
    Variant(
        "counter_algebra",
        "Counter union (max over references) and intersection (clipping), log-domain BP",
        append="""
def corpus_bleu(references, hypotheses, max_n=4, smoothing=None):
    if not isinstance(max_n, int) or isinstance(max_n, bool) or max_n < 1:
        raise ValueError("max_n must be an integer >= 1")
    if smoothing not in (None, "add1"):
        raise ValueError("unknown smoothing")
    if len(references) != len(hypotheses) or not hypotheses:
        raise ValueError("the corpus must be non-empty, one reference set per hypothesis")

    def grams(tokens, n):
        return Counter(zip(*(tokens[i:] for i in range(n))))

    m, l, c, r = [0] * max_n, [0] * max_n, 0, 0
    for refs, hyp in zip(references, hypotheses):
        for sentence in [hyp, *refs] if isinstance(refs, (list, tuple)) else [refs]:
            if isinstance(sentence, str) or not all(isinstance(t, str) for t in sentence):
                raise ValueError("sentences are lists of str tokens")
        if isinstance(refs, str) or not refs:
            raise ValueError("every sentence needs references")
        hyp, refs = list(hyp), [list(x) for x in refs]
        c += len(hyp)
        r += sorted(len(x) for x in refs if abs(len(x) - len(hyp)) == min(abs(len(y) - len(hyp)) for y in refs))[0]
        for n in range(1, max_n + 1):
            best = Counter()
            for x in refs:
                best |= grams(x, n)
            m[n - 1] += sum((grams(hyp, n) & best).values())
            l[n - 1] += max(len(hyp) - n + 1, 0)
    p = [
        (m[k] + 1) / (l[k] + 1) if smoothing == "add1" and k > 0 else (m[k] / l[k] if l[k] else 0.0)
        for k in range(max_n)
    ]
    bp = 0.0 if c == 0 else math.exp(min(0.0, 1 - r / c))
    bleu = 0.0 if min(p) == 0 or c == 0 else math.exp(min(0.0, 1 - r / c) + sum(map(math.log, p)) / max_n)
    return BLEU(bleu, np.array(p), bp, c, r)


def sentence_bleu(references, hypothesis, max_n=4, smoothing=None):
    if isinstance(hypothesis, str):
        raise ValueError("hypothesis must be a list of tokens")
    return corpus_bleu([references], [hypothesis], max_n, smoothing)
""",
    ),
]

VARIANTS.append(
    Variant(
        "review_product_root",
        "independent review: n-gram Counters with a max-merge (|) of the references, the "
        "geometric mean as the max_n-th root of the product",
        append="""
def _review_tokens(seq):
    if not isinstance(seq, (list, tuple)) or not all(isinstance(t, str) for t in seq):
        raise ValueError("a sentence must be a list of str tokens")
    return list(seq)


def corpus_bleu(references, hypotheses, max_n=4, smoothing=None):
    if isinstance(max_n, bool) or not isinstance(max_n, int) or max_n < 1:
        raise ValueError("max_n must be an integer >= 1")
    if smoothing not in (None, "add1"):
        raise ValueError("unknown smoothing")
    if not isinstance(references, (list, tuple)) or not isinstance(hypotheses, (list, tuple)):
        raise ValueError("references and hypotheses must be lists")
    if len(references) != len(hypotheses) or len(hypotheses) == 0:
        raise ValueError("references and hypotheses must be non-empty and of equal length")
    matches = [0] * max_n
    totals = [0] * max_n
    c = r = 0
    for refs, hyp in zip(references, hypotheses):
        hyp = _review_tokens(hyp)
        if not isinstance(refs, (list, tuple)) or len(refs) == 0:
            raise ValueError("every sentence needs a reference")
        refs = [_review_tokens(ref) for ref in refs]
        c += len(hyp)
        r += min((abs(len(ref) - len(hyp)), len(ref)) for ref in refs)[1]
        for n in range(1, max_n + 1):
            h = Counter(tuple(hyp[i : i + n]) for i in range(len(hyp) - n + 1))
            best = Counter()
            for ref in refs:
                best |= Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1))
            matches[n - 1] += sum((h & best).values())
            totals[n - 1] += max(len(hyp) - n + 1, 0)
    p = []
    for n in range(1, max_n + 1):
        m, t = matches[n - 1], totals[n - 1]
        if smoothing == "add1" and n >= 2:
            p.append((m + 1) / (t + 1))
        else:
            p.append(m / t if t else 0.0)
    bp = 0.0 if c == 0 else (1.0 if c > r else math.exp(1 - r / c))
    score = 0.0 if min(p) == 0 else bp * math.prod(p) ** (1.0 / max_n)
    return BLEU(score, np.array(p), bp, c, r)


def sentence_bleu(references, hypothesis, max_n=4, smoothing=None):
    return corpus_bleu([references], [hypothesis], max_n=max_n, smoothing=smoothing)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "clip_by_presence",
        "a hypothesis n-gram counts at most once if it is in some reference (clipped at 1)",
        replace=[
            (
                "                    most[gram] = max(most[gram], k)\n",
                "                    most[gram] = 1\n",
            )
        ],
    ),
    Mutant(
        "totals_from_first_reference",
        "the denominators count the first reference's n-grams (recall, not precision)",
        replace=[
            (
                "            totals[n - 1] += max(len(hyp) - n + 1, 0)\n",
                "            totals[n - 1] += max(len(refs[0]) - n + 1, 0)\n",
            )
        ],
    ),
]
