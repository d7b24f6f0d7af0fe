"""Grader for probabilistic_models/kalman_filter:
kalman_filter(ys, F, H, Q, R, m0, P0) -> Kalman(means, covs, log_likelihood).
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

FIELDS = ["means", "covs", "log_likelihood"]
LOG_2PI = math.log(2 * math.pi)


def joint_reference(ys, F, H, Q, R, m0, P0):
    """Condition the joint Gaussian of (x_1..x_T, y_1..y_T) directly (no recursion).

    x_t = F^t x_0 + sum_s F^(t-s) w_s, so E x_t = F^t m0, Var x_t = Sigma_t with
    Sigma_t = F Sigma_(t-1) F^T + Q, and Cov(x_s, x_t) = Sigma_s (F^(t-s))^T for s <= t.
    The filtered moments of x_t condition on the observed y_1..y_t; the log-likelihood is
    the joint density of every observed y.
    """
    ys, F, H, Q, R, m0, P0 = (np.asarray(a, dtype=float) for a in (ys, F, H, Q, R, m0, P0))
    T, p = ys.shape
    d = len(m0)
    mu, Sig, powers = [], [], [np.eye(d)]
    m, S = m0, P0
    for _ in range(T):
        m, S = F @ m, F @ S @ F.T + Q
        mu.append(m)
        Sig.append(S)
        powers.append(F @ powers[-1])
    Cxx = np.zeros((T, T, d, d))
    for s in range(T):
        for t in range(s, T):
            Cxx[s, t] = Sig[s] @ powers[t - s].T
            Cxx[t, s] = Cxx[s, t].T
    observed = [t for t in range(T) if not np.all(np.isnan(ys[t]))]
    means, covs = np.zeros((T, d)), np.zeros((T, d, d))
    for t in range(T):
        obs = [s for s in observed if s <= t]
        if not obs:
            means[t], covs[t] = mu[t], Sig[t]
            continue
        Cyy = np.block([[H @ Cxx[a, b] @ H.T + (R if a == b else 0 * R) for b in obs] for a in obs])
        Cxy = np.hstack([Cxx[t, s] @ H.T for s in obs])
        resid = np.concatenate([ys[s] - H @ mu[s] for s in obs])
        means[t] = mu[t] + Cxy @ np.linalg.solve(Cyy, resid)
        covs[t] = Sig[t] - Cxy @ np.linalg.solve(Cyy, Cxy.T)
    log_likelihood = 0.0
    if observed:
        Cyy = np.block(
            [[H @ Cxx[a, b] @ H.T + (R if a == b else 0 * R) for b in observed] for a in observed]
        )
        resid = np.concatenate([ys[s] - H @ mu[s] for s in observed])
        _, logdet = np.linalg.slogdet(Cyy)
        quad = resid @ np.linalg.solve(Cyy, resid)
        log_likelihood = -0.5 * quad - 0.5 * logdet - 0.5 * len(resid) * LOG_2PI
    return means, covs, log_likelihood


def recursion(ys, F, H, Q, R, m0, P0, mistake=""):
    """The textbook recursion with one mistake switched on (to recognise it)."""
    T = len(ys)
    m, P = np.array(m0, dtype=float), np.array(P0, dtype=float)
    means, covs, ll = np.zeros((T, len(m))), np.zeros((T, len(m), len(m))), 0.0
    for t in range(T):
        skipped = mistake == "skip missing" and np.all(np.isnan(ys[t]))
        if (mistake != "update first" or t > 0) and not skipped:
            m = F @ m
            P = {"no Q": F @ P @ F.T, "F P": F @ P + Q}.get(mistake, F @ P @ F.T + Q)
        pm, pP = m, P
        y = ys[t]
        if not np.all(np.isnan(y)):
            S = H @ P @ H.T + R
            K = P @ H.T @ np.linalg.inv(S)
            m = m + K @ (y - H @ m)
            P = P - K @ S @ K.T
            if mistake == "filtered mean":
                r = y - H @ m
            else:
                r = y - H @ pm
            C = R if mistake == "R for S" else S
            ll += -0.5 * r @ np.linalg.solve(C, r) - 0.5 * np.linalg.slogdet(C)[1]
            ll -= 0.5 * len(y) * LOG_2PI
        if mistake == "predicted":
            means[t], covs[t] = pm, pP
        else:
            means[t], covs[t] = m, P
    return means, covs, ll


MISTAKES = {
    "update first": "y_1 used before any predict: (m0, P0) is x_0's law; predict x_1 first",
    "no Q": "Q left out of the predicted covariance: P- = F P F^T + Q",
    "F P": "F P instead of F P F^T in the predicted covariance",
    "filtered mean": "the log-likelihood at the filtered mean: use the innovation y_t - H m-",
    "R for S": "the log-likelihood with R in place of S = H P- H^T + R",
    "predicted": "the predicted (one-step-ahead) moments returned instead of the filtered ones",
    "skip missing": "a missing row skipped entirely: its step still predicts (F, Q applied)",
}


def check(kata, ys, F, H, Q, R, m0, P0):
    """Call the kata, compare with the conditioned joint Gaussian, return the fields."""
    f = kata.kalman_filter
    args = [np.asarray(a, dtype=float) for a in (ys, F, H, Q, R, m0, P0)]
    called = describe_call(f, *args)
    means, covs, ll = fields(call(f, *args), FIELDS, "kalman_filter")
    want_means, want_covs, want_ll = joint_reference(*args)
    wrong = {}
    for key, words in MISTAKES.items():
        try:
            with np.errstate(all="ignore"):
                wrong[words] = recursion(*args, mistake=key)
        except np.linalg.LinAlgError:  # this mistake breaks down here: nothing to name
            pass
    missing = np.all(np.isnan(args[0]), axis=1)
    for name, got in [("means", means), ("covs", covs), ("log_likelihood", ll)]:
        if np.any(np.isnan(np.asarray(got, dtype=float))) and missing.any():
            fail(
                f"{called}: {name} contains NaN: NaN rows not skipped. A row of NaN is a "
                "missing observation: predict only, and add 0 to the log-likelihood"
            )
    scale_m = max(
        float(np.max(np.abs(want_means))),
        float(np.max(np.abs(args[0][~missing]))) if (~missing).any() else 0.0,
        1e-300,
    )
    # covariances that vanish (a state pinned down) are compared on the model's scale
    scale_c = max(
        float(np.max(np.abs(a))) for a in (want_covs, args[3], args[4], args[6], [1e-300])
    )
    assert_close(
        means,
        want_means,
        rtol=1e-7,
        atol=1e-8 * scale_m,
        what="means",
        called=called,
        mistakes={w: v[0] for w, v in wrong.items()},
    )
    assert_close(
        covs,
        want_covs,
        rtol=1e-7,
        atol=1e-8 * scale_c,
        what="covs",
        called=called,
        mistakes={w: v[1] for w, v in wrong.items()},
    )
    if np.shape(ll) != ():
        fail(f"{called}: log_likelihood should be a float, got {ll!r}")
    assert_close(
        ll,
        want_ll,
        rtol=1e-7,
        atol=1e-8 * (1 + len(args[0])),
        what="log_likelihood",
        called=called,
        mistakes={w: v[2] for w, v in wrong.items()},
    )
    return np.asarray(means, float), np.asarray(covs, float), float(ll)


def random_model(rng, d, p, T):
    A = rng.normal(size=(d, d))
    F = 0.9 * A / max(1.0, float(np.max(np.abs(np.linalg.eigvals(A)))))
    H = rng.normal(size=(p, d))
    B, C, D = rng.normal(size=(d, d)), rng.normal(size=(p, p)), rng.normal(size=(d, d))
    Q = 0.3 * B @ B.T + 0.1 * np.eye(d)
    R = 0.2 * C @ C.T + 0.2 * np.eye(p)
    P0 = D @ D.T + 0.5 * np.eye(d)
    m0 = rng.normal(size=d)
    x, ys = rng.multivariate_normal(m0, P0), np.zeros((T, p))
    for t in range(T):
        x = F @ x + rng.multivariate_normal(np.zeros(d), Q)
        ys[t] = H @ x + rng.multivariate_normal(np.zeros(p), R)
    return ys, F, H, Q, R, m0, P0


@pytest.mark.points(2)
def test_kalman_filter_documented_example(kata):
    """Does a random walk observed once (y = 3, all variances 1) give 2, 2/3?

    Predict: m- = 0, P- = 1 + 1 = 2; S = 3, K = 2/3: m = 2, P = 2 - 4/3 = 2/3;
    log N(3; 0, 3) = -3/2 - log(3)/2 - log(2 pi)/2.
    """
    args = [[3.0]], [[1.0]], [[1.0]], [[1.0]], [[1.0]], [0.0], [[1.0]]
    means, covs, ll = check(kata, *args)
    assert_close(means, [[2.0]], what="means")
    assert_close(covs, [[[2 / 3]]], what="covs")
    assert_close(ll, -1.5 - 0.5 * math.log(3) - 0.5 * LOG_2PI, what="log_likelihood")


@pytest.mark.points(2)
def test_kalman_filter_small_cases_worked_by_hand(kata):
    """Does a known start (P0 = 0) with F = 2, Q = 1, R = 1 give the hand-computed two steps?

    m0 = 1: m- = 2, P- = 1, S = 2, K = 1/2; y_1 = 4: m = 3, P = 1/2.
    Step 2: m- = 6, P- = 4 * 1/2 + 1 = 3, S = 4, K = 3/4; y_2 = 2: m = 6 - 3 = 3, P = 3/4.
    log-likelihood: log N(4; 2, 2) + log N(2; 6, 4) = -1 - 2 - log(2)/2 - log(4)/2 - log 2 pi.
    """
    means, covs, ll = check(
        kata, [[4.0], [2.0]], [[2.0]], [[1.0]], [[1.0]], [[1.0]], [1.0], [[0.0]]
    )
    assert_close(means, [[3.0], [3.0]], what="means")
    assert_close(covs, [[[0.5]], [[0.75]]], what="covs")
    want = -1.0 - 2.0 - 0.5 * math.log(2) - 0.5 * math.log(4) - LOG_2PI
    assert_close(ll, want, what="log_likelihood")


@pytest.mark.points(3)
@pytest.mark.parametrize("d, p, T", [(1, 1, 5), (2, 1, 6), (3, 2, 5), (2, 3, 4)])
def test_kalman_filter_matches_the_conditioned_joint_gaussian(kata, rng, d, p, T):
    """Do random models agree with conditioning the joint Gaussian of all x and y?"""
    for _ in range(3):
        check(kata, *random_model(rng, d, p, T))


@pytest.mark.points(2)
def test_kalman_filter_missing_rows(kata, rng):
    """Are rows of NaN skipped (predict only, nothing added to the log-likelihood)?"""
    ys, F, H, Q, R, m0, P0 = random_model(rng, 2, 2, 6)
    ys[[0, 3, 4]] = np.nan
    check(kata, ys, F, H, Q, R, m0, P0)


@pytest.mark.points(2)
def test_kalman_filter_all_rows_missing_gives_pure_predictions(kata, rng):
    """With every row missing, are the moments F^t m0 and the propagated P, and ll 0.0?"""
    _, F, H, Q, R, m0, P0 = random_model(rng, 2, 1, 3)
    ys = np.full((3, 1), np.nan)
    means, covs, ll = check(kata, ys, F, H, Q, R, m0, P0)
    m, P = m0, P0
    for t in range(3):
        m, P = F @ m, F @ P @ F.T + Q
        assert_close(means[t], m, what=f"means[{t}]")
        assert_close(covs[t], P, what=f"covs[{t}]")
    assert_close(ll, 0.0, atol=0.0, what="log_likelihood with no observation")


@pytest.mark.points(1)
def test_kalman_filter_singular_noise_and_known_start(kata, rng):
    """Do a singular Q (noise in one direction), P0 = 0 and a singular R still filter?"""
    ys, F, H, _, _, m0, _ = random_model(rng, 2, 2, 4)
    Q = np.array([[1.0, 0.0], [0.0, 0.0]])
    R = np.array([[0.5, 0.0], [0.0, 0.0]])
    H = np.array([[1.0, 0.0], [0.3, 1.0]])
    check(kata, ys, F, H, Q, R, m0, np.zeros((2, 2)))


@pytest.mark.points(1)
def test_kalman_filter_any_scale(kata, rng):
    """Are observations in the millions (noise to match) filtered to relative accuracy?"""
    ys, F, H, Q, R, m0, P0 = random_model(rng, 2, 1, 5)
    s = 1e6
    check(kata, ys * s, F, H, Q * s * s, R * s * s, m0 * s, P0 * s * s)


def test_kalman_filter_zero_innovation_covariance_raises_linalg_error(kata):
    """Does S = 0 (P0 = Q = R = 0) raise numpy.linalg.LinAlgError?"""
    z = [[0.0]]
    expect_error(
        np.linalg.LinAlgError,
        kata.kalman_filter,
        [[1.0]],
        [[1.0]],
        [[1.0]],
        z,
        z,
        [0.0],
        z,
        why="S = H P- H^T + R is exactly 0",
    )


@pytest.mark.parametrize(
    "change, why",
    [
        ({"ys": [[1.0, np.nan], [1.0, 2.0]]}, "a row partly NaN"),
        ({"ys": [1.0, 2.0]}, "ys 1-D"),
        ({"ys": np.zeros((0, 2))}, "T = 0"),
        ({"ys": [[1.0], [2.0]]}, "ys has 1 column, H 2 rows"),
        ({"F": np.eye(3)}, "F is 3 x 3, m0 has 2 entries"),
        ({"H": np.ones((2, 3))}, "H has 3 columns"),
        ({"Q": np.eye(1)}, "Q is 1 x 1"),
        ({"R": np.eye(3)}, "R is 3 x 3"),
        ({"m0": [[0.0, 0.0]]}, "m0 2-D"),
        ({"m0": []}, "d = 0"),
        ({"P0": np.eye(2)[:1]}, "P0 is 1 x 2"),
    ],
    ids=[
        "partly_nan",
        "ys_1d",
        "T0",
        "p",
        "F",
        "H",
        "Q",
        "R",
        "m0_2d",
        "d0",
        "P0",
    ],
)
def test_kalman_filter_rejects_bad_input(kata, change, why):
    """Does bad input raise ValueError with a message?"""
    args = {
        "ys": [[1.0, 2.0], [0.5, 1.0]],
        "F": np.eye(2),
        "H": np.eye(2),
        "Q": np.eye(2),
        "R": np.eye(2),
        "m0": [0.0, 0.0],
        "P0": np.eye(2),
    }
    args.update(change)
    expect_error(ValueError, kata.kalman_filter, *args.values(), why=why)


def test_kalman_filter_leaves_its_inputs_unchanged(kata, rng):
    """Are ys, F, H, Q, R, m0 and P0 left exactly as they were?"""
    args = list(random_model(rng, 2, 2, 3))
    args[0][1] = np.nan
    check(kata, *args)  # call() fails the test if an argument is modified (NaN kept as NaN)
