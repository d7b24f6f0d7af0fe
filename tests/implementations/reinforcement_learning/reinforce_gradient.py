"""Known mistakes in reinforcement_learning/reinforce_gradient (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

WEIGHTS = "        weights = gamma ** np.arange(T) * advantage\n"
ADVANTAGE = "        advantage = returns if w is None else returns - X @ w\n"
SHIFT = "        logits -= logits.max(axis=1, keepdims=True)  # stable softmax\n"
SCORE = "        score = -probs\n"
RETURN = "    return grad / len(episodes)\n"

MUTANTS = [
    Mutant(
        "immediate_reward",
        "gamma^t (r_t - b_t) in place of gamma^t (G_t - b_t)",
        replace=[(ADVANTAGE, "        advantage = rewards if w is None else rewards - X @ w\n")],
        message="immediate reward",
    ),
    Mutant(
        "whole_return_every_step",
        "G_0 - b_t at every step, no gamma^t",
        replace=[(WEIGHTS, "        weights = returns[0] - (0.0 if w is None else X @ w)\n")],
        message="whole return G_0",
    ),
    Mutant(
        "no_gamma_t",
        "G_t - b_t without gamma^t",
        replace=[(WEIGHTS, "        weights = advantage\n")],
        message="dropping gamma^t",
    ),
    Mutant(
        "no_minus_pi",
        "x e_a^T",
        replace=[(SCORE, "        score = np.zeros_like(probs)\n")],
        message="without the -pi term",
    ),
    Mutant(
        "divides_by_steps",
        "divides by the total number of steps",
        replace=[(RETURN, "    return grad / sum(len(ep[2]) for ep in episodes)\n")],
        message="total number of steps",
    ),
    Mutant(
        "baseline_in_rewards",
        "returns of r - b",
        replace=[
            (
                "        returns = np.zeros(T)\n",
                "        if w is not None:\n            rewards = rewards - X @ w\n"
                "        returns = np.zeros(T)\n",
            ),
            (ADVANTAGE, "        advantage = returns\n"),
        ],
        message="baseline subtracted from the rewards",
    ),
    Mutant(
        "unshifted_softmax",
        "softmax without the max shift: overflows for large logits",
        replace=[(SHIFT, "")],
        message="floating-point error",
    ),
    Mutant(
        "baseline_added",
        "G_t + b_t",
        replace=[(ADVANTAGE, "        advantage = returns if w is None else returns + X @ w\n")],
    ),
    Mutant(
        "opposite_sign",
        "pi - e_a (the gradient of the negative log-likelihood)",
        replace=[(RETURN, "    return -grad / len(episodes)\n")],
        message="opposite sign",
    ),
    Mutant(
        "returns_from_the_start",
        "G_t = sum_{k<=t} gamma^{t-k} r_k (accumulated forwards)",
        replace=[
            (
                "        for t in range(T - 1, -1, -1):\n",
                "        for t in range(T):\n",
            )
        ],
    ),
    Mutant(
        "modifies_episode_arrays",
        "np.asarray on X, then X is scaled in place and restored badly",
        replace=[
            (
                "        X = np.array(episode[0], dtype=float)\n",
                "        X = np.asarray(episode[0], dtype=float)\n",
            ),
            (
                SHIFT,
                SHIFT
                + "        X *= 1.0 + 0.0 * X.sum()\n        X += 0.0\n        X[0, 0] += 1e-3\n",
            ),
        ],
    ),
    Mutant(
        "no_action_check",
        "actions out of range are not refused",
        replace=[
            (
                "        if np.any(actions < 0) or np.any(actions >= n_actions):\n",
                "        if False:\n",
            )
        ],
    ),
    Mutant(
        "mean_over_each_episode_steps",
        "each episode's sum divided by its length T before the mean over episodes",
        replace=[
            (
                "        grad += X.T @ (weights[:, None] * score)\n",
                "        grad += X.T @ (weights[:, None] * score) / T\n",
            )
        ],
    ),
    Mutant(
        "softmax_over_steps",
        "the softmax normalised down the columns (over the steps) instead of over actions",
        replace=[
            (
                "        logits -= logits.max(axis=1, keepdims=True)  # stable softmax\n"
                "        probs = np.exp(logits)\n"
                "        probs /= probs.sum(axis=1, keepdims=True)\n",
                "        logits -= logits.max(axis=0, keepdims=True)\n"
                "        probs = np.exp(logits)\n"
                "        probs /= probs.sum(axis=0, keepdims=True)\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "scipy_log_softmax",
        "per-step gradients from scipy.special.softmax, returns by a discount matrix, einsum",
        append="""
def reinforce_gradient(theta, episodes, gamma, baseline=None):
    from scipy.special import softmax

    theta = np.array(theta, dtype=float)
    if theta.ndim != 2 or not theta.size or not np.isfinite(theta).all():
        raise ValueError("theta must be a finite 2-D array")
    d, A = theta.shape
    if not 0 <= gamma <= 1:
        raise ValueError("gamma must be in [0, 1]")
    w = None if baseline is None else np.array(baseline, dtype=float)
    if w is not None and (w.shape != (d,) or not np.isfinite(w).all()):
        raise ValueError("the baseline must have shape (d,)")
    if not episodes:
        raise ValueError("no episode")
    total = np.zeros((d, A))
    for episode in episodes:
        if len(episode) != 3:
            raise ValueError("an episode is (X, actions, rewards)")
        X = np.array(episode[0], dtype=float)
        a = np.array(episode[1])
        r = np.array(episode[2], dtype=float)
        if X.ndim != 2 or X.shape[1] != d or not len(X):
            raise ValueError("X must be (T, d) with T >= 1")
        T = len(X)
        if a.shape != (T,) or r.shape != (T,) or a.dtype.kind not in "iu":
            raise ValueError("actions (integers) and rewards must have length T")
        if a.min() < 0 or a.max() >= A or not (np.isfinite(X).all() and np.isfinite(r).all()):
            raise ValueError("actions in [0, A) and finite values")
        t = np.arange(T)
        discount = np.where(t[None, :] >= t[:, None], gamma ** np.abs(t[None, :] - t[:, None]), 0.0)
        G = discount @ r
        b = np.zeros(T) if w is None else X @ w
        coef = gamma**t * (G - b)
        pi = softmax(X @ theta, axis=1)
        onehot = np.eye(A)[a]
        total += np.einsum("t,ti,tj->ij", coef, X, onehot - pi)
    return total / len(episodes)
""",
    ),
    Variant(
        "reviewer_stacked_scipy_softmax",
        "reviewer's independent version: all steps stacked, scipy.special.softmax, one matrix product",
        append="""
def reinforce_gradient(theta, episodes, gamma, baseline=None):
    from scipy.special import softmax

    theta = np.array(theta, dtype=float)
    if theta.ndim != 2:
        raise ValueError("theta must be 2-D (d, A)")
    d, A = theta.shape
    if not 0 <= gamma <= 1:
        raise ValueError("gamma must be in [0, 1]")
    w = None
    if baseline is not None:
        w = np.array(baseline, dtype=float)
        if w.shape != (d,):
            raise ValueError("baseline must have shape (d,)")
    episodes = list(episodes)
    if len(episodes) == 0:
        raise ValueError("at least one episode")
    feats, acts, weights = [], [], []
    for ep in episodes:
        if len(ep) != 3:
            raise ValueError("an episode is (X, actions, rewards)")
        X = np.array(ep[0], dtype=float)
        a = np.array(ep[1])
        r = np.array(ep[2], dtype=float)
        if X.ndim != 2 or X.shape[1] != d or X.shape[0] < 1:
            raise ValueError("X must be (T, d) with T >= 1")
        T = X.shape[0]
        if a.shape != (T,) or r.shape != (T,):
            raise ValueError("actions and rewards must have shape (T,)")
        if a.dtype.kind not in "iu" or (a < 0).any() or (a >= A).any():
            raise ValueError("actions must be integers in [0, A)")
        G = np.zeros(T)
        acc = 0.0
        for t in range(T - 1, -1, -1):
            acc = r[t] + gamma * acc
            G[t] = acc
        b = X @ w if w is not None else 0.0
        feats.append(X)
        acts.append(a)
        weights.append(gamma ** np.arange(T) * (G - b))
    X = np.concatenate(feats)
    a = np.concatenate(acts)
    c = np.concatenate(weights) / len(episodes)
    pi = softmax(X @ theta, axis=1)
    onehot = np.zeros_like(pi)
    onehot[np.arange(len(a)), a] = 1.0
    return X.T @ (c[:, None] * (onehot - pi))
""",
    ),
]
