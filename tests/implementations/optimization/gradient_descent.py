"""Known mistakes in optimization/gradient_descent (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "ascent",
        "steps along the gradient instead of against it",
        replace=[("path[k + 1] = path[k] - lr * g", "path[k + 1] = path[k] + lr * g")],
        message="gradient ascent",
    ),
    Mutant(
        "without_x0",
        "off by one: returns the n_steps iterates after x0 only",
        replace=[("    return path\n", "    return path[1:]\n")],
        message="must include x0",
    ),
    Mutant(
        "one_step_too_many",
        "off by one: takes n_steps + 1 steps",
        replace=[
            ("path = np.empty((n_steps + 1, x.size))", "path = np.empty((n_steps + 2, x.size))"),
            ("    for k in range(n_steps):\n", "    for k in range(n_steps + 1):\n"),
        ],
        message="off by one",
    ),
    Mutant(
        "flattened_1d",
        "squeezes the trajectory of a one-dimensional problem to 1-D",
        replace=[("    return path\n", "    return path.squeeze()\n")],
        message="even when d = 1",
    ),
    Mutant(
        "aliased_rows",
        "stores the same array for every row and updates it in place",
        append="""
def gradient_descent(grad, x0, lr, n_steps):
    x = np.array(x0, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError("x0 must be a non-empty 1-D array")
    if not lr > 0:
        raise ValueError("lr must be positive")
    if isinstance(n_steps, bool) or not isinstance(n_steps, numbers.Integral) or n_steps < 0:
        raise ValueError("n_steps must be a non-negative integer")
    rows = [x]
    for _ in range(n_steps):
        x -= lr * np.asarray(grad(x), dtype=float)
        rows.append(x)
    return np.array(rows)
""",
        message="the trajectory is wrong",
    ),
    Mutant(
        "modifies_x0",
        "updates the caller's x0 in place (np.asarray does not copy)",
        replace=[
            ("    x = np.array(x0, dtype=float)\n", "    x = np.asarray(x0, dtype=float)\n"),
            (
                "        path[k + 1] = path[k] - lr * g\n",
                "        path[k + 1] = path[k] - lr * g\n        x -= lr * g\n",
            ),
        ],
        message="modified its input `x0`",
    ),
    Mutant(
        "integer_x0",
        "keeps the dtype of x0, so integer starting points truncate every step",
        replace=[
            (
                "    path = np.empty((n_steps + 1, x.size))\n",
                "    x = np.asarray(x0)\n    path = np.empty((n_steps + 1, x.size), dtype=x.dtype)\n",
            ),
        ],
    ),
    Mutant(
        "no_validation",
        "accepts a non-positive learning rate and a 2-D x0",
        replace=[
            ("    if x.ndim != 1 or x.size == 0:\n", "    if x.size == 0:\n"),
            ("    if not lr > 0:\n", "    if False:\n"),
        ],
    ),
    Mutant(
        "no_n_steps_check",
        "a negative n_steps gives an empty trajectory instead of an error",
        replace=[
            (
                "    if isinstance(n_steps, bool) or not isinstance(n_steps, numbers.Integral) or n_steps < 0:\n",
                "    if False:\n",
            ),
            (
                "path = np.empty((n_steps + 1, x.size))",
                "path = np.empty((max(int(n_steps), 0) + 1, x.size))",
            ),
            ("    for k in range(n_steps):\n", "    for k in range(max(int(n_steps), 0)):\n"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "list_of_rows",
        "builds a list of fresh arrays with x = x - lr * g, then stacks it",
        append="""
def gradient_descent(grad, x0, lr, n_steps):
    x = np.asarray(x0, dtype=float)
    if x.ndim != 1 or len(x) == 0:
        raise ValueError("x0 must be a non-empty vector")
    if lr <= 0:
        raise ValueError("lr must be > 0")
    if int(n_steps) != n_steps or n_steps < 0:
        raise ValueError("n_steps must be a whole number >= 0")
    trajectory = [x]
    for _ in range(int(n_steps)):
        step = np.asarray(grad(x), dtype=float)
        if step.shape != x.shape:
            raise ValueError("grad returned the wrong shape")
        x = x - lr * step
        trajectory.append(x)
    return np.stack(trajectory)
""",
    ),
]
