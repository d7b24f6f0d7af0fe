"""Known mistakes in reinforcement_learning/thompson_bernoulli (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

UPDATE = "        alpha[a] += reward\n        beta[a] += 1 - reward\n"
REWARD = "        reward = int(rng.random() < probs[a])\n"
THETA = "        theta = rng.beta(alpha, beta)\n"

MUTANTS = [
    Mutant(
        "success_failure_swapped",
        "alpha[a] += 1 - reward, beta[a] += reward",
        replace=[(UPDATE, "        alpha[a] += 1 - reward\n        beta[a] += reward\n")],
        message="success and failure swapped",
    ),
    Mutant(
        "posterior_mean",
        "chooses by alpha / (alpha + beta), no sampling",
        replace=[(THETA, "        theta = alpha / (alpha + beta)\n")],
        message="posterior mean",
    ),
    Mutant(
        "binomial_reward",
        "reward = rng.binomial(1, p)",
        replace=[(REWARD, "        reward = int(rng.binomial(1, probs[a]))\n")],
        message="rng.binomial",
    ),
    Mutant(
        "one_uniform_per_arm",
        "u = rng.random(K); reward = u[a] < p",
        replace=[(REWARD, "        reward = int(rng.random(K)[a] < probs[a])\n")],
        message="one uniform per arm",
    ),
    Mutant(
        "updates_every_arm",
        "alpha += reward; beta += 1 - reward on all arms",
        replace=[(UPDATE, "        alpha += reward\n        beta += 1 - reward\n")],
        message="updating every arm",
    ),
    Mutant(
        "reward_le",
        "reward = rng.random() <= p (p = 0 can pay)",
        replace=[
            (REWARD, "        reward = int(rng.random() <= probs[a]) if probs[a] > 0 else 1\n")
        ],
    ),
    Mutant(
        "ties_to_highest",
        "the last maximiser of theta (and reversed draws)",
        replace=[(THETA, "        theta = rng.beta(alpha[::-1], beta[::-1])[::-1]\n")],
    ),
    Mutant(
        "float_outputs",
        "arms and rewards returned as floats",
        replace=[
            (
                "    arms = np.zeros(n_rounds, dtype=int)\n    rewards = np.zeros(n_rounds, dtype=int)\n",
                "    arms = np.zeros(n_rounds)\n    rewards = np.zeros(n_rounds)\n",
            )
        ],
        message="int array",
    ),
    Mutant(
        "draws_when_no_rounds",
        "a theta draw before the loop",
        replace=[
            ("    for t in range(n_rounds):\n", "    rng.random()\n    for t in range(n_rounds):\n")
        ],
        message="generator in another state",
    ),
    Mutant(
        "no_probability_check",
        "true_probs outside [0, 1] are not refused",
        replace=[("    if not np.all((probs >= 0) & (probs <= 1)):\n", "    if False:\n")],
    ),
    Mutant(
        "no_prior_check",
        "alpha0 and beta0 are not checked",
        replace=[("        if not (np.isfinite(value) and value > 0):\n", "        if False:\n")],
    ),
    Mutant(
        "no_rounds_check",
        "a float n_rounds is cast with int()",
        replace=[
            (
                "    if isinstance(n_rounds, (bool, np.bool_)) or not isinstance(n_rounds, numbers.Integral):\n",
                "    n_rounds = int(n_rounds)\n    if False:\n",
            )
        ],
    ),
    Mutant(
        "beta_parameters_swapped",
        "theta = rng.beta(beta, alpha): the posterior's parameters in the wrong order",
        replace=[(THETA, "        theta = rng.beta(beta, alpha)\n")],
    ),
    Mutant(
        "reward_from_the_top",
        "reward = rng.random() > 1 - p: the right law, but other outcomes than the protocol's",
        replace=[(REWARD, "        reward = int(rng.random() > 1 - probs[a])\n")],
        message="differs from the protocol",
    ),
]

VARIANTS = [
    Variant(
        "scalar_draws_and_scipy",
        "theta drawn arm by arm with scipy.stats.beta.rvs(random_state=rng), lists inside",
        append="""
def thompson_bernoulli(true_probs, n_rounds, rng, alpha0=1.0, beta0=1.0):
    import operator

    from scipy.stats import beta as beta_dist

    p = np.array(true_probs, dtype=float)
    if p.ndim != 1 or p.size == 0 or not np.all((0 <= p) & (p <= 1)):
        raise ValueError("true_probs must be a non-empty 1-D array of probabilities")
    if isinstance(n_rounds, bool):
        raise ValueError("n_rounds must be an integer")
    try:
        n_rounds = operator.index(n_rounds)
    except TypeError:
        raise ValueError("n_rounds must be an integer") from None
    if n_rounds < 0 or np.ndim(alpha0) or np.ndim(beta0):
        raise ValueError("n_rounds >= 0 and scalar priors")
    if not (np.isfinite(alpha0) and np.isfinite(beta0) and alpha0 > 0 and beta0 > 0):
        raise ValueError("alpha0 and beta0 must be positive")
    a_post, b_post = [float(alpha0)] * p.size, [float(beta0)] * p.size
    arms, rewards = [], []
    for _ in range(n_rounds):
        theta = [float(beta_dist.rvs(x, y, random_state=rng)) for x, y in zip(a_post, b_post)]
        arm = theta.index(max(theta))
        r = 1 if rng.random() < p[arm] else 0
        a_post[arm] += r
        b_post[arm] += 1 - r
        arms.append(arm)
        rewards.append(r)
    return Thompson(
        np.array(arms, dtype=np.int64),
        np.array(rewards, dtype=np.int64),
        np.array(a_post),
        np.array(b_post),
    )
""",
    ),
    Variant(
        "reviewer_scalar_beta_calls",
        "reviewer's independent version: K scalar rng.beta calls in arm order (the same stream)",
        append="""
def thompson_bernoulli(true_probs, n_rounds, rng, alpha0=1.0, beta0=1.0):
    import math
    import numbers

    p = np.array(true_probs, dtype=float)
    if p.ndim != 1 or p.size == 0 or not ((p >= 0) & (p <= 1)).all():
        raise ValueError("true_probs must be 1-D, non-empty, in [0, 1]")
    if isinstance(n_rounds, bool) or not isinstance(n_rounds, numbers.Integral) or n_rounds < 0:
        raise ValueError("n_rounds must be an integer >= 0")
    for x in (alpha0, beta0):
        if np.ndim(x) != 0 or not (x > 0 and math.isfinite(x)):
            raise ValueError("alpha0 and beta0 must be positive scalars")
    K = p.size
    a_post = [float(alpha0)] * K
    b_post = [float(beta0)] * K
    arms, rewards = [], []
    for _ in range(int(n_rounds)):
        theta = [rng.beta(a_post[k], b_post[k]) for k in range(K)]
        arm = max(range(K), key=lambda k: (theta[k], -k))
        win = 1 if rng.random() < p[arm] else 0
        a_post[arm] += win
        b_post[arm] += 1 - win
        arms.append(arm)
        rewards.append(win)
    return Thompson(
        np.array(arms, dtype=int), np.array(rewards, dtype=int), np.array(a_post), np.array(b_post)
    )
""",
    ),
]
