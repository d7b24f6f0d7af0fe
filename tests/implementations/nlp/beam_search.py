"""Known mistakes in nlp/beam_search (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

FINISHES = "            if prefix[-1] == eos or len(prefix) - 1 == max_len:\n"
SELECT = (
    "        beam = []\n"
    "        for prefix, log_prob in candidates[:beam_width]:\n"
    + FINISHES
    + "                finished.append((prefix[1:], log_prob))\n"
    "            else:\n"
    "                beam.append((prefix, log_prob))\n"
)
EXTEND = (
    "        for prefix, log_prob in beam:\n"
    "            lp = scores_of(prefix)\n"
    "            for v in range(lp.size):\n"
    "                if lp[v] != -np.inf:\n"
    "                    candidates.append((prefix + (v,), log_prob + float(lp[v])))\n"
    "        candidates.sort(key=lambda c: -c[1])  # stable: ties keep the enumeration order\n"
)

MUTANTS = [
    Mutant(
        "no_eos_finish",
        "eos does not finish a hypothesis",
        replace=[(FINISHES, "            if len(prefix) - 1 == max_len:\n")],
        message="extended after eos",
    ),
    Mutant(
        "refill",
        "the beam refilled to beam_width with unfinished candidates",
        replace=[
            (
                SELECT,
                "        for prefix, log_prob in candidates[:beam_width]:\n"
                + FINISHES
                + "                finished.append((prefix[1:], log_prob))\n"
                "        beam = [c for c in candidates\n"
                "                if c[0][-1] != eos and len(c[0]) - 1 < max_len][:beam_width]\n",
            )
        ],
        message="refilled to beam_width",
    ),
    Mutant(
        "per_parent",
        "beam_width best extensions of each hypothesis, no global choice",
        replace=[
            (
                EXTEND,
                "        for prefix, log_prob in beam:\n"
                "            lp = scores_of(prefix)\n"
                "            mine = [(prefix + (v,), log_prob + float(lp[v]))\n"
                "                    for v in range(lp.size) if lp[v] != -np.inf]\n"
                "            candidates += sorted(mine, key=lambda c: -c[1])[:beam_width]\n",
            ),
            ("candidates[:beam_width]", "candidates"),
        ],
        message="per-parent pruning",
    ),
    Mutant(
        "penalty_counts_bos",
        "L counts bos",
        replace=[
            (
                "score = log_prob / len(tokens) ** length_penalty",
                "score = log_prob / (len(tokens) + 1) ** length_penalty",
            )
        ],
        message="counts bos",
    ),
    Mutant(
        "penalty_ignored",
        "finished hypotheses ranked by log_prob",
        replace=[("score > best.score", "log_prob > best.log_prob")],
        message="ignored when ranking",
    ),
    Mutant(
        "max_len_counts_bos",
        "max_len counted with bos (one token short)",
        replace=[(FINISHES, "            if prefix[-1] == eos or len(prefix) == max_len:\n")],
        message="max_len counts bos",
    ),
    Mutant(
        "candidate_ties_to_later",
        "tied candidates keep the later one",
        replace=[
            (
                "        candidates.sort(key=lambda c: -c[1])  # stable: ties keep the enumeration order\n",
                "        candidates.sort(key=lambda c: c[1])\n        candidates.reverse()\n",
            )
        ],
    ),
    Mutant(
        "finished_ties_to_last",
        "tied finished hypotheses keep the last one",
        replace=[("score > best.score", "score >= best.score")],
    ),
    Mutant(
        "minus_inf_kept",
        "candidates at -inf are not dropped",
        replace=[("                if lp[v] != -np.inf:\n", "                if True:\n")],
    ),
    Mutant(
        "tokens_with_bos",
        "tokens returned with bos",
        replace=[
            ("finished.append((prefix[1:], log_prob))", "finished.append((prefix, log_prob))")
        ],
    ),
    Mutant(
        "no_nan_check",
        "nan and +inf from the model accepted",
        replace=[("if np.any(np.isnan(lp)) or np.any(lp == np.inf):", "if False:")],
    ),
]

VARIANTS = [
    Variant(
        "heapq_nlargest",
        "selection by heapq.nlargest (documented equal to sorted(..., reverse=True)[:n])",
        replace=[
            (
                "candidates[:beam_width]",
                "__import__('heapq').nlargest(beam_width, candidates, key=lambda c: c[1])",
            )
        ],
    ),
    Variant(
        "numpy_flat_argsort",
        "a (beam, V) score matrix flattened row-major, stable argsort of its negation",
        append="""
def beam_search(next_log_probs, bos, eos, beam_width, max_len, length_penalty=0.0):
    if int(beam_width) != beam_width or beam_width < 1 or int(max_len) != max_len or max_len < 1:
        raise ValueError("beam_width and max_len must be integers >= 1")
    beam, finished, V = [((int(bos),), 0.0)], [], None
    while beam:
        rows = []
        for prefix, _ in beam:
            r = np.asarray(next_log_probs(prefix), dtype=float)
            if r.ndim != 1 or (V is not None and r.size != V):
                raise ValueError("bad next_log_probs shape")
            if np.isnan(r).any() or np.isposinf(r).any():
                raise ValueError("nan or +inf")
            V = r.size
            rows.append(r)
        total = np.array([lp for _, lp in beam])[:, None] + np.array(rows)
        flat = total.ravel()
        order = [i for i in np.argsort(-flat, kind="stable") if flat[i] != -np.inf]
        new = []
        for i in order[:beam_width]:
            b, v = divmod(int(i), V)
            prefix = beam[b][0] + (v,)
            if v == eos or len(prefix) > max_len:
                finished.append((prefix[1:], float(flat[i])))
            else:
                new.append((prefix, float(flat[i])))
        beam = new
    if not finished:
        raise ValueError("nothing finished")
    scores = [lp / len(t) ** length_penalty for t, lp in finished]
    k = int(np.argmax(scores))
    return Beam(finished[k][0], finished[k][1], scores[k])
""",
    ),
]

VARIANTS.append(
    Variant(
        "review_heapq",
        "independent review: candidates chosen by heapq.nsmallest on (-log_prob, "
        "enumeration index), finished hypotheses ranked by max over (score, -order)",
        append="""
def beam_search(next_log_probs, bos, eos, beam_width, max_len, length_penalty=0.0):
    import heapq

    for name, value in (("beam_width", beam_width), ("max_len", max_len)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
            raise ValueError(f"{name} must be an integer >= 1")
    V = None
    beam = [((int(bos),), 0.0)]
    finished = []
    while beam:
        candidates = []
        for prefix, lp in beam:
            row = np.asarray(next_log_probs(prefix), dtype=float)
            if row.ndim != 1:
                raise ValueError("next_log_probs must return a 1-D array")
            if V is None:
                V = row.size
            if row.size != V:
                raise ValueError("next_log_probs changed length")
            if np.any(np.isnan(row)) or np.any(row == np.inf):
                raise ValueError("next_log_probs returned nan or +inf")
            for v in range(V):
                total = lp + float(row[v])
                if total != -np.inf:
                    candidates.append((-total, len(candidates), prefix + (v,), total))
        best = heapq.nsmallest(int(beam_width), candidates, key=lambda c: (c[0], c[1]))
        beam = []
        for _, _, prefix, total in best:
            if prefix[-1] == eos or len(prefix) - 1 == max_len:
                finished.append((prefix[1:], total))
            else:
                beam.append((prefix, total))
    if not finished:
        raise ValueError("no hypothesis finished")

    def score(item):
        tokens, total = item
        return total / len(tokens) ** length_penalty

    k = max(range(len(finished)), key=lambda i: (score(finished[i]), -i))
    tokens, total = finished[k]
    return Beam(tuple(int(t) for t in tokens), total, score(finished[k]))
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "stop_at_first_finished",
        "the search stops at the first step where some hypothesis finishes",
        replace=[("    while beam:\n", "    while beam and not finished:\n")],
    ),
    Mutant(
        "max_len_one_too_many",
        "a hypothesis is cut at max_len + 1 tokens after bos",
        replace=[("len(prefix) - 1 == max_len", "len(prefix) - 2 == max_len")],
    ),
]
