from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "value_is_norm",
        "value = ||A v|| (the sign of a negative eigenvalue is lost)",
        replace=[("new_value = float(v @ A @ v)", "new_value = float(np.linalg.norm(A @ v))")],
        message="Rayleigh quotient",
    ),
    Mutant(
        "value_is_abs",
        "value = |v^T A v|",
        replace=[("new_value = float(v @ A @ v)", "new_value = abs(float(v @ A @ v))")],
        message="keeps the sign",
    ),
    Mutant(
        "no_normalisation",
        "v = A v without normalising (overflows), quotient v^T A v / v^T v",
        replace=[
            (
                "        w = w / largest  # scale first, so that squaring in the norm cannot overflow\n"
                "        v = w / np.linalg.norm(w)\n"
                "        new_value = float(v @ A @ v)\n",
                "        v = A @ v\n        new_value = float(v @ A @ v / (v @ v))\n",
            ),
            (
                "    return Eigenpair(value, v)\n",
                "    return Eigenpair(value, v / np.linalg.norm(v))\n",
            ),
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "ignores_rng",
        "always starts from np.random.default_rng(0), whatever rng is given",
        replace=[
            (
                "    if rng is None:\n        rng = np.random.default_rng(0)\n",
                "    rng = np.random.default_rng(0)\n",
            )
        ],
        message="drawn from the rng you are given",
    ),
    Mutant(
        "uniform_start",
        "start vector rng.random(n) instead of rng.standard_normal(n)",
        replace=[("v = rng.standard_normal(n)", "v = rng.random(n)")],
        message="drawn from the rng you are given",
    ),
    Mutant(
        "unseeded_default",
        "default rng seeded with another seed",
        replace=[
            (
                "        rng = np.random.default_rng(0)\n",
                "        rng = np.random.default_rng(12345)\n",
            )
        ],
        message="use that default rng",
    ),
    Mutant(
        "ignores_num_iters",
        "iterates until converged, whatever num_iters says",
        replace=[("    for _ in range(num_iters):\n", "    for _ in range(100000):\n")],
        message="stop after num_iters steps",
    ),
    Mutant(
        "ignores_tol",
        "always runs num_iters steps",
        replace=[("        if converged:\n            break\n", "")],
        message="converged far beyond tol",
    ),
    Mutant(
        "unit_vector_not_returned",
        "returns A v (not normalised) as the vector",
        replace=[("    return Eigenpair(value, v)\n", "    return Eigenpair(value, A @ v)\n")],
        message="unit vector",
    ),
    Mutant(
        "no_validation",
        "a non-square A and num_iters = 0 are not rejected",
        replace=[
            ("    if A.ndim != 2 or A.shape[0] != A.shape[1]:\n", "    if A.ndim != 2:\n"),
            ("    if num_iters < 1:\n", "    if False:\n"),
        ],
    ),
    Mutant(
        "uses_eig",
        "takes the dominant eigenpair from np.linalg.eig",
        append="""
_own = power_iteration


def power_iteration(A, num_iters=1000, tol=1e-12, rng=None):
    value, vector = _own(A, num_iters, tol, rng)
    values, vectors = np.linalg.eig(np.asarray(A, dtype=float))
    i = int(np.argmax(np.abs(values)))
    return Eigenpair(float(values[i].real), vector)
""",
        message="numpy.linalg.eig",
    ),
    Mutant(
        "uses_scipy_eigh",
        "takes the eigenpair from scipy.linalg.eigh",
        append="""
_own = power_iteration


def power_iteration(A, num_iters=1000, tol=1e-12, rng=None):
    from scipy.linalg import eigh

    value, vector = _own(A, num_iters, tol, rng)
    eigh(np.asarray(A, dtype=float) + np.asarray(A, dtype=float).T)
    return Eigenpair(value, vector)
""",
        message="scipy.linalg",
    ),
]

MUTANTS += [
    Mutant(
        "absolute_convergence_test",
        "stops when the value changes by at most tol, not tol * |value|",
        replace=[
            (
                "converged = abs(new_value - value) <= tol * abs(new_value)",
                "converged = abs(new_value - value) <= tol",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "quotient_of_previous_iterate",
        "w = A v; value = v . w (quotient of the previous v); v = w / ||w||; max-norm scaling",
        append="""
def power_iteration(A, num_iters=1000, tol=1e-12, rng=None):
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or A.shape[0] == 0:
        raise ValueError("A must be a non-empty square matrix")
    if num_iters < 1 or tol < 0:
        raise ValueError("num_iters must be >= 1 and tol >= 0")
    rng = np.random.default_rng(0) if rng is None else rng
    v = rng.standard_normal(A.shape[0])
    v = v / np.sqrt(np.sum(v * v))
    previous = np.inf
    value = 0.0
    for _ in range(num_iters):
        w = A @ v
        value = float(np.dot(v, w)) / float(np.dot(v, v))
        m = np.max(np.abs(w))
        if m == 0:
            break
        v = (w / m) / np.linalg.norm(w / m)
        if abs(value - previous) <= tol * abs(value):
            break
        previous = value
    return Eigenpair(value, v)
""",
    ),
    Variant(
        "vector_convergence_test",
        "stops when the vector (up to sign) stops moving, or the value does; flips sign",
        append="""
def power_iteration(A, num_iters=1000, tol=1e-12, rng=None):
    A = np.array(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1] or not A.size:
        raise ValueError("A must be square and non-empty")
    if num_iters < 1 or tol < 0:
        raise ValueError("bad num_iters or tol")
    if rng is None:
        rng = np.random.default_rng(0)
    x = rng.standard_normal(len(A))
    x /= np.linalg.norm(x)
    lam = x @ A @ x
    for _ in range(num_iters):
        y = A @ (x / np.abs(x).max())
        y /= np.linalg.norm(y)
        new = y @ A @ y
        done = abs(new - lam) <= tol * abs(new) or min(
            np.abs(y - x).max(), np.abs(y + x).max()
        ) < 1e-15
        x, lam = y, new
        if done:
            break
    return Eigenpair(float(lam), x)
""",
    ),
    Variant(
        "canonical_sign",
        "the reference, with the sign fixed so that the largest entry is positive",
        replace=[
            (
                "    return Eigenpair(value, v)\n",
                "    return Eigenpair(value, v * np.sign(v[np.argmax(np.abs(v))]))\n",
            )
        ],
    ),
]
