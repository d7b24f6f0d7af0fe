"""Grader for reinforcement_learning/thompson_bernoulli:
thompson_bernoulli(true_probs, n_rounds, rng, alpha0=1.0, beta0=1.0)
-> Thompson(arms, rewards, alpha, beta).

Protocol per round: theta = rng.beta(alpha, beta); a = argmax theta (lowest index on
ties); reward = int(rng.random() < true_probs[a]); alpha[a] += reward;
beta[a] += 1 - reward.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe, describe_call, expect_error, fail, fields

NAMES = ["arms", "rewards", "alpha", "beta"]
PROTOCOL = (
    "theta = rng.beta(alpha, beta); a = argmax theta; reward = int(rng.random() < "
    "true_probs[a]); alpha[a] += reward; beta[a] += 1 - reward"
)
MISTAKES = {
    "success and failure swapped in the update (a success adds 1 to alpha)": "swap",
    "choosing by the posterior mean alpha / (alpha + beta) (Thompson sampling draws theta "
    "from the posterior)": "mean",
    "drawing the reward with rng.binomial (the protocol uses rng.random() < p)": "binomial",
    "one uniform per arm for the reward (the protocol draws one rng.random())": "per_arm",
    "updating every arm's posterior (only the played arm is observed)": "all_arms",
}


def replay(true_probs, n_rounds, rng, alpha0=1.0, beta0=1.0, mistake=None):
    """The protocol with Python lists and scalar rng.beta calls in arm order."""
    probs = [float(p) for p in true_probs]
    K = len(probs)
    alpha, beta = [float(alpha0)] * K, [float(beta0)] * K
    arms, rewards = [], []
    for _ in range(n_rounds):
        if mistake == "mean":
            theta = [x / (x + y) for x, y in zip(alpha, beta, strict=True)]
        else:
            theta = [rng.beta(x, y) for x, y in zip(alpha, beta, strict=True)]
        a = max(range(K), key=lambda j: (theta[j], -j))  # lowest index among the largest
        if mistake == "binomial":
            reward = int(rng.binomial(1, probs[a]))
        elif mistake == "per_arm":
            reward = int(rng.random(K)[a] < probs[a])
        else:
            reward = int(rng.random() < probs[a])
        success, failure = (1 - reward, reward) if mistake == "swap" else (reward, 1 - reward)
        for j in range(K) if mistake == "all_arms" else [a]:
            alpha[j] += success
            beta[j] += failure
        arms.append(a)
        rewards.append(reward)
    return arms, rewards, alpha, beta


def check(kata, true_probs, n_rounds, seed, **prior):
    """One call on a fresh generator, compared with the replay, state after included."""
    f = kata.thompson_bernoulli
    rng = np.random.default_rng(seed)
    called = describe_call(f, true_probs, n_rounds, rng, **prior)
    result = fields(call(f, true_probs, n_rounds, rng, **prior), NAMES, "thompson_bernoulli")
    got = [np.asarray(x) for x in result]
    for name, x, kind in zip(NAMES, got, ["i", "i", "f", "f"], strict=True):
        want_shape = (n_rounds,) if kind == "i" else (len(true_probs),)
        if x.shape != want_shape:
            fail(f"{called}: {name} has shape {x.shape}, expected {want_shape}")
        if kind == "i" and x.dtype.kind not in "iu":
            fail(f"{called}: {name} has dtype {x.dtype}: it must be an int array")
        if kind == "f" and x.dtype.kind != "f":
            fail(f"{called}: {name} has dtype {x.dtype}: it must be a float array")
    ref = np.random.default_rng(seed)
    want = replay(true_probs, n_rounds, ref, **prior)
    after = rng.random()
    if all(np.array_equal(g, w) for g, w in zip(got, want, strict=True)) and after == ref.random():
        return got
    lines = []
    for name, g, w in zip(NAMES, got, want, strict=True):
        if not np.array_equal(g, w):
            where = int(np.argmax(g != np.asarray(w))) if g.shape == np.shape(w) else 0
            lines.append(
                f"{called}: {name} differs from the protocol's at index {where}: got "
                f"{describe(g)}, expected {describe(np.asarray(w))} ({PROTOCOL})"
            )
            break
    else:
        lines.append(
            f"{called} returned the protocol's values but left the generator in another "
            f"state: it drew other random numbers than {PROTOCOL}"
        )
    for words, key in MISTAKES.items():
        wrong_rng = np.random.default_rng(seed)
        wrong = replay(true_probs, n_rounds, wrong_rng, mistake=key, **prior)
        if all(np.array_equal(g, w) for g, w in zip(got, wrong, strict=True)):
            lines.append(f"  this is what you get from a known mistake: {words}")
            break
    fail("\n".join(lines))


@pytest.mark.points(2)
def test_thompson_bernoulli_documented_example(kata):
    """Does the docstring's example give its arms, rewards and posterior?"""
    arms, rewards, alpha, beta = check(kata, [0.3, 0.6], 6, 3)
    assert_close(arms, [0, 1, 1, 1, 1, 1], atol=0, what="arms")
    assert_close(rewards, [0, 1, 1, 1, 1, 0], atol=0, what="rewards")
    assert_close(alpha, [1.0, 5.0], atol=0, what="alpha")
    assert_close(beta, [2.0, 2.0], atol=0, what="beta")


@pytest.mark.points(2)
def test_thompson_bernoulli_posterior_counts_the_outcomes(kata, rng):
    """Is alpha = alpha0 + successes and beta = beta0 + failures, arm by arm?"""
    for _ in range(10):
        K = int(rng.integers(1, 5))
        probs = rng.random(K)
        a0, b0 = float(rng.uniform(0.5, 3)), float(rng.uniform(0.5, 3))
        n = int(rng.integers(1, 40))
        arms, rewards, alpha, beta = check(
            kata, probs, n, int(rng.integers(2**32)), alpha0=a0, beta0=b0
        )
        successes = np.array(
            [sum(int(r) for a, r in zip(arms, rewards, strict=True) if a == j) for j in range(K)]
        )
        plays = np.array([int(np.sum(arms == j)) for j in range(K)])
        assert_close(alpha, a0 + successes, what="alpha - alpha0 (the successes)")
        assert_close(beta, b0 + plays - successes, what="beta - beta0 (the failures)")


@pytest.mark.points(2)
def test_thompson_bernoulli_certain_arms(kata):
    """With probabilities 0 and 1, are rewards exactly 1 on arm 1 and 0 on arm 0?"""
    arms, rewards, alpha, beta = check(kata, [0.0, 1.0], 30, 7)
    assert_close(rewards, (arms == 1).astype(int), atol=0, what="rewards")
    if np.sum(arms == 1) < 20:
        fail("Thompson sampling should settle on the arm that always pays within 30 rounds")


@pytest.mark.points(3)
@pytest.mark.parametrize("K, n_rounds", [(1, 10), (2, 50), (3, 100), (6, 200)])
def test_thompson_bernoulli_follows_the_protocol(kata, rng, K, n_rounds):
    """Do random bandits give the protocol's plays, rewards, posterior and generator state?"""
    for _ in range(3):
        probs = rng.random(K)
        check(kata, probs, n_rounds, int(rng.integers(2**32)))


def test_thompson_bernoulli_custom_prior(kata, rng):
    """Are alpha0 and beta0 used as the prior of every arm?"""
    for a0, b0 in [(2.0, 5.0), (0.5, 0.5), (10, 1)]:
        check(kata, [0.4, 0.5, 0.45], 60, int(rng.integers(2**32)), alpha0=a0, beta0=b0)


def test_thompson_bernoulli_zero_rounds(kata):
    """Does n_rounds = 0 give empty int arrays and the prior, drawing nothing?"""
    arms, rewards, alpha, beta = check(kata, [0.2, 0.5, 0.9], 0, 5, alpha0=2.0, beta0=3.0)
    assert_close(alpha, [2.0, 2.0, 2.0], atol=0, what="alpha after no round")
    assert_close(beta, [3.0, 3.0, 3.0], atol=0, what="beta after no round")


def test_thompson_bernoulli_finds_the_best_arm(kata):
    """Over 2000 rounds, is the best of three arms played most of the time?"""
    arms, _, _, _ = check(kata, [0.2, 0.5, 0.8], 2000, 42)
    share = float(np.mean(arms[1000:] == 2))
    if share < 0.8:
        fail(f"the best arm was played in only {share:.0%} of the last 1000 rounds")


@pytest.mark.parametrize(
    "probs, n, prior, why",
    [
        ([[0.5, 0.5]], 3, {}, "true_probs is 2-D"),
        ([], 3, {}, "no arms"),
        ([0.5, 1.5], 0, {}, "a probability > 1 (even with no round)"),
        ([-0.1, 0.5], 3, {}, "a negative probability"),
        ([0.5, np.nan], 3, {}, "a NaN probability"),
        ([0.5], -1, {}, "n_rounds < 0"),
        ([0.5], 2.5, {}, "a non-integral n_rounds"),
        ([0.5], 0, {"alpha0": 0.0}, "alpha0 = 0 (even with no round)"),
        ([0.5], 0, {"beta0": -1.0}, "beta0 < 0 (even with no round)"),
        ([0.5], 3, {"alpha0": np.array([1.0, 2.0])}, "alpha0 is not a scalar"),
        ([0.5], 0, {"beta0": np.inf}, "beta0 is infinite"),
    ],
)
def test_thompson_bernoulli_rejects_bad_input(kata, probs, n, prior, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(
        ValueError, kata.thompson_bernoulli, probs, n, np.random.default_rng(0), why=why, **prior
    )


def test_thompson_bernoulli_leaves_its_input_unchanged(kata):
    """Is true_probs left exactly as it was?"""
    probs = np.array([0.3, 0.7])
    check(kata, probs, 20, 9)
    assert_close(probs, [0.3, 0.7], atol=0, rtol=0, what="true_probs after the call")
