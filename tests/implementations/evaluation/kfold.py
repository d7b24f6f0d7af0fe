"""Known mistakes in evaluation/kfold (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SIZES = "    sizes[: n % k] += 1\n"

MUTANTS = [
    Mutant(
        "remainder_last",
        "the last fold takes the remainder",
        replace=[(SIZES, "    sizes[-1] += n % k\n")],
        message="the remainder went to the last fold",
    ),
    Mutant(
        "remainder_dropped",
        "every fold has n // k samples; the rest are never tested",
        replace=[(SIZES, "")],
        message="never tested",
    ),
    Mutant(
        "ceil_sizes",
        "folds of ceil(n / k), the last one short",
        replace=[
            (
                "    sizes = np.full(k, n // k)\n" + SIZES,
                "    sizes = np.full(k, -(-n // k))\n    sizes[-1] = n - sizes[:-1].sum()\n",
            )
        ],
        message="ceil(n / k)",
    ),
    Mutant(
        "unsorted_test",
        "returns each test fold in permutation order",
        replace=[
            (
                "        test = np.sort(order[stop - size : stop])\n",
                "        test = order[stop - size : stop]\n",
            )
        ],
        message="not sorted ascending",
    ),
    Mutant(
        "strided_folds",
        "fold f takes perm[f::k] instead of a consecutive slice",
        replace=[
            (
                "        test = np.sort(order[stop - size : stop])\n",
                "        test = np.sort(order[len(folds) :: k])\n",
            )
        ],
        message="every k-th sample",
    ),
    Mutant(
        "shuffle_with_choice",
        "shuffles with rng.choice(n, n, replace=False): another stream",
        replace=[("rng.permutation(n) if shuffle", "rng.choice(n, n, replace=False) if shuffle")],
    ),
    Mutant(
        "extra_draw",
        "draws from rng after the permutation (folds right, state wrong)",
        replace=[
            (
                "    sizes = np.full(k, n // k)\n",
                "    if shuffle:\n        rng.random()\n    sizes = np.full(k, n // k)\n",
            )
        ],
        message="rng was used differently",
    ),
    Mutant(
        "default_rng_when_missing",
        "shuffle without rng silently uses a fresh default_rng()",
        replace=[
            (
                "    if shuffle and rng is None:\n",
                "    if shuffle and rng is None:\n"
                "        rng = np.random.default_rng()\n    if False:\n",
            ),
        ],
    ),
    Mutant(
        "k_above_n_allowed",
        "accepts k > n (empty folds)",
        replace=[("    if not 2 <= k <= n:\n", "    if not 2 <= k:\n")],
    ),
    Mutant(
        "k_one_allowed",
        "accepts k = 1 (an empty training set)",
        replace=[("    if not 2 <= k <= n:\n", "    if not 1 <= k <= n:\n")],
    ),
    Mutant(
        "train_includes_test",
        "train is every index, test included",
        replace=[("np.flatnonzero(~in_test)", "np.arange(n)")],
    ),
]

VARIANTS = [
    Variant(
        "sklearn_kfold_on_perm",
        "scikit-learn's KFold (same fold sizes) applied to positions in perm; its own "
        "shuffle takes a RandomState, so the catalogue's protocol permutes first",
        append="""
def kfold_indices(n, k, shuffle=False, rng=None):
    from sklearn.model_selection import KFold

    if int(n) != n or int(k) != k or not 2 <= k <= n:
        raise ValueError("need integers 2 <= k <= n")
    if shuffle and rng is None:
        raise ValueError("shuffle needs rng")
    n, k = int(n), int(k)
    perm = rng.permutation(n) if shuffle else np.arange(n)
    folds = []
    for _, test_pos in KFold(n_splits=k).split(np.zeros((n, 1))):
        test = np.sort(perm[test_pos])
        folds.append((np.setdiff1d(np.arange(n), test), test))
    return folds
""",
    ),
    Variant(
        "array_split_and_shuffle",
        "rng.shuffle of arange(n) (the same stream as permutation) and np.array_split",
        append="""
def kfold_indices(n, k, shuffle=False, rng=None):
    if isinstance(n, bool) or isinstance(k, bool) or n != int(n) or k != int(k):
        raise ValueError("n and k must be integers")
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    if shuffle and rng is None:
        raise ValueError("shuffle needs rng")
    order = np.arange(int(n))
    if shuffle:
        rng.shuffle(order)
    out = []
    for chunk in np.array_split(order, int(k)):
        test = np.sort(chunk)
        out.append((np.setdiff1d(np.arange(int(n)), test), test))
    return out
""",
    ),
]
