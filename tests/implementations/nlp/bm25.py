"""Known mistakes in nlp/bm25 (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

IDF = "        idf = math.log(1.0 + (n_docs - n_q + 0.5) / (n_q + 0.5))\n"
ADD = "        scores[present] += idf * f[present] * (k1 + 1.0) / (f[present] + norm[present])\n"
NORM = "    norm = k1 * (1.0 - b + b * lengths / avgdl)\n"

MUTANTS = [
    Mutant(
        "robertson_sparck_jones_idf",
        "idf = ln((N - n + 0.5)/(n + 0.5)), negative for common tokens",
        replace=[(IDF, "        idf = math.log((n_docs - n_q + 0.5) / (n_q + 0.5))\n")],
        message="Robertson-Spärck Jones idf",
    ),
    Mutant(
        "no_k1_plus_one",
        "the numerator without the (k1 + 1) factor",
        replace=[(ADD, ADD.replace(" * (k1 + 1.0)", ""))],
        message="no (k1 + 1) factor",
    ),
    Mutant(
        "length_ratio_inverted",
        "avgdl/|D| instead of |D|/avgdl",
        replace=[
            (
                NORM,
                "    norm = k1 * (1.0 - b + b * avgdl / np.where(lengths == 0, 1.0, lengths))\n",
            )
        ],
        message="|D|/avgdl inverted",
    ),
    Mutant(
        "query_deduplicated",
        "each distinct query token counted once",
        replace=[("    for q in query:\n", "    for q in dict.fromkeys(query):\n")],
        message="the query deduplicated",
    ),
    Mutant(
        "length_distinct_tokens",
        "|D| = the number of distinct tokens of D",
        replace=[
            (
                "    lengths = np.array([len(doc) for doc in docs], dtype=float)\n",
                "    lengths = np.array([len(set(doc)) for doc in docs], dtype=float)\n",
            )
        ],
        message="|D| as the number of distinct tokens",
    ),
    Mutant(
        "avgdl_without_empty_documents",
        "avgdl averaged over the non-empty documents only",
        replace=[("    avgdl = lengths.mean()\n", "    avgdl = lengths[lengths > 0].mean()\n")],
        message="avgdl averaged over the non-empty documents",
    ),
    Mutant(
        "df_counts_occurrences",
        "n(q) = the number of occurrences of q in the corpus",
        replace=[("        n_q = np.count_nonzero(f)\n", "        n_q = f.sum()\n")],
    ),
    Mutant(
        "absent_tokens_divided",
        "the formula evaluated for every document: 0/0 = nan when k1 = 0",
        replace=[("        present = f > 0\n", "        present = np.ones(n_docs, dtype=bool)\n")],
    ),
    Mutant(
        "negative_k1_accepted",
        "k1 is not validated",
        replace=[("    if not (k1 >= 0) or math.isinf(k1):\n", "    if False:\n")],
    ),
    Mutant(
        "b_not_validated",
        "b outside [0, 1] is not rejected",
        replace=[("    if not (0 <= b <= 1):\n", "    if False:\n")],
    ),
    Mutant(
        "bare_string_query",
        "a query given as a str is read as its characters",
        replace=[('    query = _tokens(query, "query")\n', "    query = list(query)\n")],
    ),
]

VARIANTS = [
    Variant(
        "term_matrix",
        "a (documents x query vocabulary) count matrix, the sum as a weighted product",
        append="""
def bm25_scores(docs, query, k1=1.5, b=0.75):
    if k1 < 0 or not 0 <= b <= 1:
        raise ValueError("k1 must be >= 0 and b in [0, 1]")
    if isinstance(docs, str) or not isinstance(docs, (list, tuple)) or not docs:
        raise ValueError("docs must be a non-empty list of token lists")
    for seq in [*docs, query]:
        if isinstance(seq, str) or not isinstance(seq, (list, tuple)):
            raise ValueError("token lists expected")
        if any(not isinstance(t, str) for t in seq):
            raise ValueError("tokens must be str")
    terms = sorted(set(query))
    weight = np.array([query.count(t) for t in terms], dtype=float)
    F = np.array([[doc.count(t) for t in terms] for doc in docs], dtype=float).reshape(
        len(docs), len(terms)
    )
    L = np.array([len(doc) for doc in docs], dtype=float)
    if L.sum() == 0:
        raise ValueError("empty corpus")
    N = len(docs)
    n = (F > 0).sum(axis=0)
    idf = np.log1p((N - n + 0.5) / (n + 0.5))
    K = k1 * (1 - b + b * L / L.mean())
    safe = np.where(F > 0, F + K[:, None], 1.0)
    tf = np.where(F > 0, F * (k1 + 1) / safe, 0.0)
    return tf @ (idf * weight)
""",
    ),
]

VARIANTS.append(
    Variant(
        "review_query_counter_matrix",
        "independent review: the query as a Counter of weights, a (docs x distinct query "
        "terms) count matrix, all terms at once with np.divide(where=...)",
        append="""
def bm25_scores(docs, query, k1=1.5, b=0.75):
    from collections import Counter

    if not k1 >= 0:
        raise ValueError("k1 must be >= 0")
    if not 0 <= b <= 1:
        raise ValueError("b must lie in [0, 1]")
    if not isinstance(docs, (list, tuple)) or not docs:
        raise ValueError("no documents")
    for seq in list(docs) + [query]:
        if not isinstance(seq, (list, tuple)) or not all(isinstance(t, str) for t in seq):
            raise ValueError("token lists of str expected")
    tables = [Counter(doc) for doc in docs]
    dl = np.array([sum(t.values()) for t in tables], dtype=float)
    if dl.sum() == 0:
        raise ValueError("no token in any document")
    weights = Counter(query)
    terms = list(weights)
    N = len(docs)
    f = np.array([[t[q] for q in terms] for t in tables], dtype=float).reshape(N, len(terms))
    n = (f > 0).sum(axis=0)
    idf = np.log1p((N - n + 0.5) / (n + 0.5))
    w = np.array([weights[q] for q in terms], dtype=float)
    denom = f + k1 * (1 - b + b * dl[:, None] / dl.mean())
    part = np.zeros_like(f)
    np.divide(f * (k1 + 1), denom, out=part, where=f > 0)
    return (part * idf * w).sum(axis=1)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "length_norm_without_one_minus_b",
        "k1·b·|D|/avgdl, the (1 - b) term left out",
        replace=[
            (
                "    norm = k1 * (1.0 - b + b * lengths / avgdl)\n",
                "    norm = k1 * (b * lengths / avgdl)\n",
            )
        ],
    ),
    Mutant(
        "binary_term_frequency",
        "f(q, D) as presence (0 or 1) instead of the count",
        replace=[
            (
                "        f = np.array([table.get(q, 0) for table in counts], dtype=float)\n",
                "        f = np.array([float(q in table) for table in counts])\n",
            )
        ],
    ),
]
