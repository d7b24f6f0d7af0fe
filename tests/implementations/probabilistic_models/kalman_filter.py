"""Known mistakes in probabilistic_models/kalman_filter (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

PREDICT = "        m = F @ m\n        P = F @ P @ F.T + Q\n"
STORE = "        means[t], covs[t] = m, P\n    return Kalman"
Z = "            z = np.linalg.solve(L, r)\n"
HALF = "np.sum(np.log(np.diag(L)))"

MUTANTS = [
    Mutant(
        "update_before_predict",
        "y_1 updates (m0, P0) directly; the predict comes after each update",
        replace=[(PREDICT, "        if t > 0:\n    " + PREDICT.replace("\n    ", "\n        "))],
        message="y_1 used before any predict",
    ),
    Mutant(
        "no_Q",
        "P- = F P F^T",
        replace=[(PREDICT, PREDICT.replace(" + Q", ""))],
        message="Q left out of the predicted covariance",
    ),
    Mutant(
        "F_P",
        "P- = F P + Q",
        replace=[(PREDICT, PREDICT.replace("F @ P @ F.T", "F @ P"))],
        message="F P instead of F P F^T",
    ),
    Mutant(
        "likelihood_at_filtered_mean",
        "the log-likelihood of y_t - H m (after the update) instead of the innovation",
        replace=[(Z, "            z = np.linalg.solve(L, ys[t] - H @ (m + K @ r))\n")],
        message="the log-likelihood at the filtered mean",
    ),
    Mutant(
        "likelihood_with_R",
        "log N(y_t; H m-, R) instead of S",
        replace=[(Z, "            L = np.linalg.cholesky(R)\n" + Z)],
        message="the log-likelihood with R in place of S",
    ),
    Mutant(
        "nan_rows_not_skipped",
        "every row is used for an update, NaN rows included",
        replace=[("        if not missing[t]:\n", "        if True:\n")],
        message="NaN rows not skipped",
    ),
    Mutant(
        "predicted_moments",
        "returns the one-step-ahead predicted moments",
        replace=[
            (PREDICT, PREDICT + "        pm, pP = m, P\n"),
            (STORE, "        means[t], covs[t] = pm, pP\n    return Kalman"),
        ],
        message="the predicted (one-step-ahead) moments",
    ),
    Mutant(
        "missing_row_not_predicted",
        "review: a missing row skipped altogether (no predict), the previous moments repeated",
        replace=[
            (
                PREDICT,
                "        if missing[t]:\n            means[t], covs[t] = m, P\n"
                "            continue\n" + PREDICT,
            )
        ],
        message="a missing row skipped entirely",
    ),
    Mutant(
        "likelihood_with_updated_S",
        "review: the innovation's density with S rebuilt from the filtered P",
        replace=[(Z, "            L = np.linalg.cholesky(H @ (P - K @ S @ K.T) @ H.T + R)\n" + Z)],
    ),
    Mutant(
        "gain_without_S_inverse",
        "K = P- H^T",
        replace=[("            K = np.linalg.solve(S, H @ P).T", "            K = (H @ P).T")],
    ),
    Mutant(
        "no_2pi",
        "the log-likelihood without -(p/2) log 2 pi",
        replace=[(" - 0.5 * p * np.log(2.0 * np.pi)", "")],
    ),
    Mutant(
        "full_log_det",
        "-log|S| instead of -1/2 log|S|",
        replace=[(f"- {HALF}", f"- 2 * {HALF}")],
    ),
    Mutant(
        "partly_nan_rows_missing",
        "a row with any NaN treated as missing instead of rejected",
        replace=[("    missing = nan_rows.all(axis=1)\n", "    missing = nan_rows.any(axis=1)\n")],
    ),
    Mutant(
        "modifies_m0",
        "filters in m0's own memory",
        replace=[("    m, P = m0.copy(), P0.copy()\n", "    m, P = m0, P0.copy()\n")]
        + [(PREDICT, PREDICT.replace("        m = F @ m\n", "        m[:] = F @ m\n"))],
    ),
]

_VALIDATE = """
    ys = np.asarray(ys, dtype=float)
    F, H, Q, R, P0, m0 = (np.asarray(a, dtype=float) for a in (F, H, Q, R, P0, m0))
    if m0.ndim != 1 or m0.size == 0 or ys.ndim != 2 or 0 in ys.shape:
        raise ValueError("m0 must be (d,), ys (T, p)")
    d, (T, p) = m0.size, ys.shape
    if F.shape != (d, d) or Q.shape != (d, d) or P0.shape != (d, d):
        raise ValueError("F, Q, P0 must be (d, d)")
    if H.shape != (p, d) or R.shape != (p, p):
        raise ValueError("H must be (p, d), R (p, p)")
    gone = np.isnan(ys).all(axis=1)
    if np.any(np.isnan(ys).any(axis=1) & ~gone):
        raise ValueError("row partly NaN")
"""

VARIANTS = [
    Variant(
        "joseph_form",
        "explicit inverse of S, the Joseph form (I - KH) P- (I - KH)^T + K R K^T and "
        "slogdet for the log-likelihood",
        append=f"""
def kalman_filter(ys, F, H, Q, R, m0, P0):
{_VALIDATE}
    m, P, ll = m0, P0, 0.0
    means, covs = [], []
    for t in range(T):
        m, P = F @ m, F @ P @ F.T + Q
        if not gone[t]:
            S = H @ P @ H.T + R
            sign, logdet = np.linalg.slogdet(S)
            if sign <= 0:
                raise np.linalg.LinAlgError("S is not positive definite")
            Si = np.linalg.inv(S)
            K = P @ H.T @ Si
            r = ys[t] - H @ m
            ll -= 0.5 * (r @ Si @ r + logdet + p * np.log(2 * np.pi))
            m = m + K @ r
            A = np.eye(d) - K @ H
            P = A @ P @ A.T + K @ R @ K.T
        means.append(m)
        covs.append(P)
    return Kalman(np.array(means), np.array(covs), float(ll))
""",
    ),
    Variant(
        "scipy_logpdf",
        "P = (I - KH) P- and each innovation's density from scipy.stats.multivariate_normal",
        append=f"""
def kalman_filter(ys, F, H, Q, R, m0, P0):
    from scipy.linalg import solve
    from scipy.stats import multivariate_normal
{_VALIDATE}
    m, P, ll = m0, P0, 0.0
    means, covs = np.zeros((T, d)), np.zeros((T, d, d))
    for t in range(T):
        m, P = F @ m, F @ P @ F.T + Q
        if not gone[t]:
            S = H @ P @ H.T + R
            np.linalg.cholesky(S)
            ll += multivariate_normal(H @ m, S).logpdf(ys[t])
            K = solve(S, H @ P, assume_a="pos").T
            m = m + K @ (ys[t] - H @ m)
            P = (np.eye(d) - K @ H) @ P
        means[t], covs[t] = m, P
    return Kalman(means, covs, float(ll))
""",
    ),
    Variant(
        "cholesky_of_S_review",
        "review's independent road: S = C C^T by Cholesky, K from two triangular solves, "
        "P = P- - K S K^T symmetrised, log-likelihood from the whitened innovation",
        append="""
def kalman_filter(ys, F, H, Q, R, m0, P0):
    ys = np.array(ys, dtype=float)
    F, H, Q, R = (np.array(a, dtype=float) for a in (F, H, Q, R))
    m = np.array(m0, dtype=float)
    P = np.array(P0, dtype=float)
    if m.ndim != 1 or m.size < 1 or ys.ndim != 2 or ys.shape[0] < 1 or ys.shape[1] < 1:
        raise ValueError("bad shapes")
    d, p = m.size, ys.shape[1]
    for a, shape in ((F, (d, d)), (Q, (d, d)), (P, (d, d)), (H, (p, d)), (R, (p, p))):
        if a.shape != shape:
            raise ValueError("bad shapes")
    T = ys.shape[0]
    means, covs, ll = np.empty((T, d)), np.empty((T, d, d)), 0.0
    for t in range(T):
        m = F @ m
        P = F @ P @ F.T + Q
        yt = ys[t]
        missing = np.isnan(yt)
        if missing.any() and not missing.all():
            raise ValueError("a row of ys is partly nan")
        if not missing.any():
            S = H @ P @ H.T + R
            C = np.linalg.cholesky((S + S.T) / 2)
            G = np.linalg.solve(C, H @ P)  # C^-1 H P-
            K = np.linalg.solve(C.T, G).T  # P- H^T S^-1
            e = np.linalg.solve(C, yt - H @ m)
            ll += -0.5 * e @ e - np.sum(np.log(np.diag(C))) - 0.5 * p * np.log(2 * np.pi)
            m = m + K @ (yt - H @ m)
            P = P - G.T @ G
            P = (P + P.T) / 2
        means[t], covs[t] = m, P
    return Kalman(means, covs, float(ll))
""",
    ),
]
