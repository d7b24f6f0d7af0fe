"""Known mistakes in optimization/momentum (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "ascent",
        "adds the gradient to the velocity",
        replace=[("v_new = beta * v - lr * g", "v_new = beta * v + lr * g")],
        message="that climbs",
    ),
    Mutant(
        "old_velocity",
        "moves x by the velocity before updating it",
        replace=[("return State(x + v_new, v_new)", "return State(x + v, v_new)")],
        message="old velocity",
    ),
    Mutant(
        "damped_form",
        "damps the gradient by (1 - beta), the EMA form of momentum",
        replace=[("v_new = beta * v - lr * g", "v_new = beta * v - (1 - beta) * lr * g")],
        message="damped (EMA) form",
    ),
    Mutant(
        "nesterov",
        "takes Nesterov's look-ahead step instead",
        replace=[
            ("return State(x + v_new, v_new)", "return State(x + beta * v_new - lr * g, v_new)")
        ],
        message="Nesterov",
    ),
    Mutant(
        "velocity_not_returned",
        "returns the old velocity",
        replace=[("return State(x + v_new, v_new)", "return State(x + v_new, v)")],
        message="wrong",
    ),
    Mutant(
        "in_place",
        "updates the caller's x and v in place",
        replace=[
            (
                "    v_new = beta * v - lr * g\n",
                "    v *= beta\n    v -= lr * g\n    v_new = v\n    x += v\n",
            ),
            ("return State(x + v_new, v_new)", "return State(x.copy(), v_new.copy())"),
        ],
        message="modified its input",
    ),
    Mutant(
        "no_shape_check",
        "broadcasts a velocity of another shape",
        replace=[("    if v.shape != x.shape or g.shape != x.shape:\n", "    if False:\n")],
    ),
    Mutant(
        "beta_one_allowed",
        "accepts beta = 1 (and negative beta)",
        replace=[("    if not 0 <= beta < 1:\n", "    if False:\n")],
    ),
]

VARIANTS = [
    Variant(
        "heavy_ball_form",
        "x + beta v - lr g first, then the velocity as the displacement",
        append="""
def momentum_step(x, v, g, lr, beta):
    x, v, g = (np.array(a, dtype=float) for a in (x, v, g))
    if not (x.shape == v.shape == g.shape) or x.size == 0:
        raise ValueError("x, v and g must be non-empty and of one shape")
    if lr <= 0 or beta < 0 or beta >= 1:
        raise ValueError("need lr > 0 and 0 <= beta < 1")
    x_next = x + beta * v - lr * g
    return State(x=x_next, v=beta * v - lr * g)
""",
    ),
]
