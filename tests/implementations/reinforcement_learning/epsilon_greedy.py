"""Known mistakes in reinforcement_learning/epsilon_greedy (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

TIE = "    return int(maximisers[rng.integers(maximisers.size)])\n"
EXPLORE = "        return int(rng.integers(q.size))\n"
SHARE = "    probs[greedy] += (1.0 - epsilon) / np.count_nonzero(greedy)\n"

MUTANTS = [
    Mutant(
        "ties_to_lowest_index",
        "np.argmax: the lowest-index maximiser, no draw",
        replace=[(TIE, "    return int(np.argmax(q))\n")],
        message="ties broken by the lowest index",
    ),
    Mutant(
        "explores_non_greedy_only",
        "the exploring draw picks among the non-maximisers",
        replace=[
            (
                EXPLORE,
                "        others = np.flatnonzero(q != q.max())\n"
                "        if others.size:\n"
                "            return int(others[rng.integers(others.size)])\n" + EXPLORE,
            )
        ],
        message="exploring only among the non-greedy actions",
    ),
    Mutant(
        "skips_u_when_epsilon_zero",
        "epsilon > 0 and rng.random() < epsilon",
        replace=[("    u = rng.random()\n", "    u = rng.random() if epsilon > 0 else 1.0\n")],
        message="skipping the u draw",
    ),
    Mutant(
        "samples_from_the_probabilities",
        "rng.choice(A, p=probs): the right distribution, another stream",
        replace=[
            (
                "    u = rng.random()\n",
                "    return int(rng.choice(q.size, p=epsilon_greedy_probs(q, epsilon)))\n"
                "    u = rng.random()\n",
            )
        ],
    ),
    Mutant(
        "probs_all_on_one_maximiser",
        "1 - epsilon added to the first maximiser only",
        replace=[(SHARE, "    probs[np.argmax(q)] += 1.0 - epsilon\n")],
        message="all of 1 - epsilon on one maximiser",
    ),
    Mutant(
        "probs_without_epsilon_share",
        "maximisers get (1 - epsilon) / |M| only",
        replace=[(SHARE, "    probs[greedy] = (1.0 - epsilon) / np.count_nonzero(greedy)\n")],
        message="without their epsilon / A share",
    ),
    Mutant(
        "probs_explore_non_greedy",
        "epsilon / (A - |M|) on each non-maximiser",
        replace=[
            (
                SHARE,
                "    if np.count_nonzero(greedy) < q.size:\n"
                "        probs[~greedy] = epsilon / np.count_nonzero(~greedy)\n"
                "    probs[greedy] = (1.0 - epsilon) / np.count_nonzero(greedy)\n",
            )
        ],
        message="exploring only among the non-greedy actions",
    ),
    Mutant(
        "ties_with_tolerance",
        "maximisers within np.isclose of the max (q is given, so equality is exact)",
        replace=[
            (
                "    maximisers = np.flatnonzero(q == q.max())\n",
                "    maximisers = np.flatnonzero(np.isclose(q, q.max(), rtol=0.6))\n",
            )
        ],
    ),
    Mutant(
        "no_finiteness_check",
        "NaN and inf in q are not refused",
        replace=[("    if not np.all(np.isfinite(q)):\n", "    if False:\n")],
    ),
    Mutant(
        "no_epsilon_check",
        "epsilon is not checked",
        replace=[("    if not 0.0 <= epsilon <= 1.0:\n", "    if False:\n")],
    ),
    Mutant(
        "tie_break_by_uniform",
        "the tie broken by M[int(rng.random() * len(M))]: the right law, another stream",
        replace=[
            (
                "    return int(maximisers[rng.integers(maximisers.size)])\n",
                "    return int(maximisers[int(rng.random() * maximisers.size)])\n",
            )
        ],
        message="expected",
    ),
    Mutant(
        "explore_action_drawn_first",
        "a = rng.integers(A) drawn before u (every call draws both)",
        replace=[
            (
                "    u = rng.random()\n    if u < epsilon:\n        return int(rng.integers(q.size))\n",
                "    a = int(rng.integers(q.size))\n    u = rng.random()\n    if u < epsilon:\n        return a\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "rng_choice",
        "rng.choice(A) and rng.choice(M), which draw as rng.integers does; probs by a loop",
        append="""
def _valid(q, epsilon):
    q = np.array(q, dtype=float)
    if q.ndim != 1 or not q.size or not np.isfinite(q).all() or not 0 <= epsilon <= 1:
        raise ValueError("q must be a finite non-empty 1-D array and epsilon in [0, 1]")
    return q


def epsilon_greedy(q, epsilon, rng):
    q = _valid(q, epsilon)
    if rng.random() < epsilon:
        return rng.choice(q.size)
    best = q.max()
    return rng.choice([i for i in range(q.size) if q[i] == best])


def epsilon_greedy_probs(q, epsilon):
    q = _valid(q, epsilon)
    best = [i for i in range(q.size) if q[i] == q.max()]
    return np.array(
        [epsilon / q.size + (1 - epsilon) / len(best) * (i in best) for i in range(q.size)]
    )
""",
    ),
    Variant(
        "reviewer_list_of_maximisers",
        "reviewer's independent version: a list of maximisers, probabilities from an indicator",
        append="""
def _reviewer_q(q):
    q = np.array(q, dtype=float)
    if q.ndim != 1 or q.size == 0 or not np.isfinite(q).all():
        raise ValueError("q must be 1-D, non-empty and finite")
    return q


def _reviewer_eps(epsilon):
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError("epsilon must be in [0, 1]")
    return float(epsilon)


def epsilon_greedy(q, epsilon, rng):
    q = _reviewer_q(q)
    epsilon = _reviewer_eps(epsilon)
    A = q.size
    if rng.random() < epsilon:
        return int(rng.integers(A))
    best = [a for a in range(A) if q[a] == q.max()]
    return best[int(rng.integers(len(best)))]


def epsilon_greedy_probs(q, epsilon):
    q = _reviewer_q(q)
    epsilon = _reviewer_eps(epsilon)
    greedy = (q == q.max()).astype(float)
    return epsilon / q.size + (1.0 - epsilon) * greedy / greedy.sum()
""",
    ),
    Variant(
        "rng_choice",
        "rng.choice(A) and rng.choice(M): Generator.choice draws through rng.integers",
        replace=[
            (
                "        return int(rng.integers(q.size))\n",
                "        return int(rng.choice(q.size))\n",
            ),
            (
                "    return int(maximisers[rng.integers(maximisers.size)])\n",
                "    return int(rng.choice(maximisers))\n",
            ),
        ],
    ),
]
