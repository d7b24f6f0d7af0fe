"""Known mistakes in nlp/tfidf (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SMOOTH = "        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0\n"
PLAIN = "        idf = np.log(n / df) + 1.0\n"

MUTANTS = [
    Mutant(
        "idf_without_plus_one",
        "idf = ln((1 + n)/(1 + df)) without the + 1",
        replace=[
            (SMOOTH, "        idf = np.log((1.0 + n) / (1.0 + df))\n"),
            (PLAIN, "        idf = np.log(n / df)\n"),
        ],
        message="idf without the + 1",
    ),
    Mutant(
        "df_counts_occurrences",
        "df = the total number of occurrences of the term",
        replace=[("    df = np.count_nonzero(tf, axis=0)\n", "    df = tf.sum(axis=0)\n")],
        message="df counting occurrences",
    ),
    Mutant(
        "df_counts_occurrences_sublinear_safe",
        "df from the raw counts summed over the documents",
        replace=[
            (
                "    df = np.count_nonzero(tf, axis=0)\n",
                "    df = np.zeros(len(vocabulary))\n"
                "    for table in counts:\n"
                "        for token, c in table.items():\n"
                "            df[column[token]] += c\n",
            )
        ],
        message="df counting occurrences",
    ),
    Mutant(
        "unsmoothed_when_smooth",
        "ln(n/df) + 1 whatever smooth_idf says",
        replace=[(SMOOTH, PLAIN)],
        message="ln(n/df) + 1 although smooth_idf",
    ),
    Mutant(
        "tf_over_length",
        "tf = count / document length",
        replace=[
            (
                "            tf[d, column[token]] = 1.0 + math.log(c) if sublinear_tf else c\n",
                "            tf[d, column[token]] = (\n"
                "                1.0 + math.log(c) if sublinear_tf else c / len(docs[d])\n"
                "            )\n",
            )
        ],
        message="tf as count / document length",
    ),
    Mutant(
        "first_seen_vocabulary",
        "the vocabulary in first-seen order",
        replace=[
            (
                "    vocabulary = sorted(set().union(*counts))\n",
                "    vocabulary = list(dict.fromkeys(t for table in counts for t in table))\n",
            )
        ],
        message="first-seen order",
    ),
    Mutant(
        "sublinear_log_without_one",
        "sublinear tf = ln count (a single occurrence weighs 0)",
        replace=[("1.0 + math.log(c) if sublinear_tf", "math.log(c) if sublinear_tf")],
    ),
    Mutant(
        "zero_row_nan",
        "divides every row by its norm, so an empty document gives 0/0 = nan",
        replace=[
            (
                "        matrix = matrix / np.where(lengths == 0.0, 1.0, lengths)\n",
                "        matrix = matrix / lengths\n",
            )
        ],
    ),
    Mutant(
        "l1_treated_as_l2",
        "every norm other than None normalises to unit l2 norm",
        replace=[('order = 2 if norm == "l2" else 1', "order = 2")],
    ),
    Mutant(
        "any_norm_accepted",
        "an unknown norm leaves the rows as they are",
        replace=[('    if norm not in ("l1", "l2", None):\n', "    if False:\n")],
    ),
    Mutant(
        "bare_string_accepted",
        "a document given as a str is split into its characters",
        replace=[
            (
                "        if isinstance(doc, str) or not isinstance(doc, (list, tuple)):\n",
                "        if not isinstance(doc, (list, tuple, str)):\n",
            )
        ],
    ),
    Mutant(
        "empty_vocabulary_accepted",
        "no token in any document returns an empty matrix",
        replace=[("    if not vocabulary:\n", "    if False:\n")],
    ),
    Mutant(
        "sklearn_shortcut",
        "scikit-learn's TfidfVectorizer, which the kata forbids (right values: the\n"
        "tests/test_nlp_references_1_6.py checks the grader's reference against it)",
        message="which this kata asks you not to use",
        append="""
def tfidf(docs, smooth_idf=True, sublinear_tf=False, norm="l2"):
    from sklearn.feature_extraction.text import TfidfVectorizer

    if norm not in ("l1", "l2", None):
        raise ValueError("unknown norm")
    if isinstance(docs, str) or len(docs) == 0:
        raise ValueError("docs must be a non-empty list of token lists")
    for doc in docs:
        if isinstance(doc, str) or not all(isinstance(t, str) for t in doc):
            raise ValueError("every document must be a list of str tokens")
    if not any(len(doc) for doc in docs):
        raise ValueError("no token in any document")
    vectorizer = TfidfVectorizer(
        analyzer=lambda d: list(d), smooth_idf=smooth_idf, sublinear_tf=sublinear_tf, norm=norm
    )
    matrix = vectorizer.fit_transform(docs).toarray()
    return TfIdf(matrix, list(vectorizer.get_feature_names_out()), vectorizer.idf_)
""",
    ),
]

VARIANTS = [
    Variant(
        "one_hot_tensor",
        "counts as a sum of one-hot rows (np.add.at), norms by hand",
        append="""
def tfidf(docs, smooth_idf=True, sublinear_tf=False, norm="l2"):
    if norm not in ("l1", "l2", None):
        raise ValueError("unknown norm")
    if isinstance(docs, str) or not isinstance(docs, (list, tuple)) or not docs:
        raise ValueError("docs must be a non-empty list of token lists")
    for doc in docs:
        if isinstance(doc, str) or not isinstance(doc, (list, tuple)):
            raise ValueError("a document must be a list of tokens")
        if any(not isinstance(t, str) for t in doc):
            raise ValueError("tokens must be str")
    vocabulary = sorted({t for doc in docs for t in doc})
    if not vocabulary:
        raise ValueError("empty vocabulary")
    index = {t: j for j, t in enumerate(vocabulary)}
    rows = [d for d, doc in enumerate(docs) for _ in doc]
    cols = [index[t] for doc in docs for t in doc]
    counts = np.zeros((len(docs), len(vocabulary)))
    np.add.at(counts, (np.array(rows, dtype=int), np.array(cols, dtype=int)), 1.0)
    present = counts > 0
    n, df = len(docs), present.sum(axis=0)
    idf = np.log((n + 1) / (df + 1)) + 1 if smooth_idf else np.log(n) - np.log(df) + 1
    tf = np.where(present, 1 + np.log(np.where(present, counts, 1)), 0) if sublinear_tf else counts
    x = tf * idf
    if norm == "l2":
        size = np.sqrt((x**2).sum(axis=1))
    elif norm == "l1":
        size = np.abs(x).sum(axis=1)
    else:
        size = np.ones(n)
    size[size == 0] = 1
    return TfIdf(x / size[:, None], vocabulary, idf)
""",
    ),
]
VARIANTS.append(
    Variant(
        "review_counter_loops",
        "independent review: Counter per document, pure-Python idf, np.linalg.norm rows",
        append="""
def tfidf(docs, smooth_idf=True, sublinear_tf=False, norm="l2"):
    from collections import Counter

    if norm is not None and norm not in ("l1", "l2"):
        raise ValueError("norm must be 'l1', 'l2' or None")
    if not isinstance(docs, (list, tuple)) or len(docs) == 0:
        raise ValueError("no documents")
    tables = []
    for doc in docs:
        if not isinstance(doc, (list, tuple)):
            raise ValueError("a document must be a list of str tokens")
        for t in doc:
            if not isinstance(t, str):
                raise ValueError("tokens must be str")
        tables.append(Counter(doc))
    vocabulary = sorted(set(t for table in tables for t in table))
    if len(vocabulary) == 0:
        raise ValueError("no token in any document")
    n = len(docs)
    idf = []
    for term in vocabulary:
        df = sum(1 for table in tables if term in table)
        idf.append(math.log((1 + n) / (1 + df)) + 1 if smooth_idf else math.log(n / df) + 1)
    idf = np.array(idf)
    rows = []
    for table in tables:
        row = []
        for term, w in zip(vocabulary, idf):
            c = table.get(term, 0)
            tf = (1 + math.log(c) if c else 0.0) if sublinear_tf else float(c)
            row.append(tf * w)
        row = np.array(row)
        if norm is not None:
            size = np.linalg.norm(row, ord=2 if norm == "l2" else 1)
            if size > 0:
                row = row / size
        rows.append(row)
    return TfIdf(np.vstack(rows), vocabulary, idf)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "sublinear_log1p",
        "sublinear tf = ln(1 + count) instead of 1 + ln count",
        replace=[("1.0 + math.log(c) if sublinear_tf", "math.log1p(c) if sublinear_tf")],
    ),
    Mutant(
        "n_counts_nonempty_documents",
        "n in the idf counts only the documents that hold a token",
        replace=[
            (
                SMOOTH,
                "        n = sum(1 for doc in docs if len(doc))\n" + SMOOTH,
            ),
            (
                PLAIN,
                "        n = sum(1 for doc in docs if len(doc))\n" + PLAIN,
            ),
        ],
    ),
]
