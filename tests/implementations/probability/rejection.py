from mlkata.mutation import Mutant, Variant

TEST = "keep = u * M * np.asarray(proposal_pdf(x), dtype=float) < np.asarray(target_pdf(x))"

MUTANTS = [
    Mutant(
        "forgot_M",
        "accepts when u * g(x) < f(x)",
        replace=[(TEST, TEST.replace("u * M *", "u *"))],
        message="when you forget M",
    ),
    Mutant(
        "less_or_equal",
        "accepts when u * M * g(x) <= f(x)",
        replace=[(TEST, TEST.replace(") < np", ") <= np"))],
    ),
    Mutant(
        "u_before_x",
        "draws u before the proposals",
        replace=[
            (
                "        x = np.asarray(proposal_sample(rng, m), dtype=float)\n        u = rng.random(m)\n",
                "        u = rng.random(m)\n        x = np.asarray(proposal_sample(rng, m), dtype=float)\n",
            )
        ],
        message="Follow the protocol exactly",
    ),
    Mutant(
        "full_batches",
        "draws n proposals every round and truncates",
        replace=[
            ("        m = n - kept\n", "        m = n\n"),
            (
                "    return Rejection(np.concatenate(accepted), n / proposals)",
                "    return Rejection(np.concatenate(accepted)[:n], n / proposals)",
            ),
        ],
    ),
    Mutant(
        "rejection_rate",
        "returns the fraction rejected",
        replace=[("n / proposals)", "1 - n / proposals)")],
        message="the rejection rate",
    ),
    Mutant(
        "rate_over_accepted_rounds",
        "acceptance rate computed from the last round only",
        replace=[("        proposals += m\n", "        proposals = m\n")],
    ),
    Mutant(
        "no_M_check",
        "M <= 0 accepted",
        replace=[("if not 0.0 < M < np.inf:  # also rejects nan", "if M != M:")],
    ),
]

VARIANTS = [
    Variant(
        "python_loop",
        "a Python loop over each round's proposals, with a list",
        append="""
def rejection_sample(target_pdf, proposal_sample, proposal_pdf, M, n, rng):
    if not M > 0 or M == float("inf"):
        raise ValueError("M must be positive")
    if int(n) != n or n < 1:
        raise ValueError("n must be a positive integer")
    out, drawn = [], 0
    while len(out) < n:
        m = n - len(out)
        x = proposal_sample(rng, m)
        u = rng.random(m)
        f, g = target_pdf(x), proposal_pdf(x)
        drawn += m
        out.extend(float(x[i]) for i in range(m) if u[i] * M * g[i] < f[i])
    return Rejection(np.array(out), n / drawn)
""",
    ),
]
