from mlkata.mutation import Mutant, Variant

LOG_CHOOSE = "log_choose = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)"

MUTANTS = [
    Mutant(
        "factorials",
        "log of float factorials (overflow beyond n = 170)",
        replace=[
            (
                LOG_CHOOSE,
                "log_choose = math.log(float(math.factorial(n)) / "
                "(float(math.factorial(k)) * float(math.factorial(n - k))))",
            )
        ],
        message="OverflowError",
    ),
    Mutant(
        "pmf_then_log",
        "computes the pmf with math.comb and p**k, then takes the log",
        replace=[
            (
                "    return log_choose + k * math.log(p) + (n - k) * math.log1p(-p)\n",
                "    pmf = math.comb(n, k) * p**k * (1 - p) ** (n - k)\n"
                "    return math.log(pmf) if pmf > 0 else -math.inf\n",
            )
        ],
        message="add logs instead of multiplying probabilities",
    ),
    Mutant(
        "no_degenerate_p",
        "p in {0, 1} not special-cased: NumPy's 0 * log(0) gives nan",
        replace=[
            (
                "    if p == 0.0:\n        return 0.0 if k == 0 else -math.inf\n"
                "    if p == 1.0:\n        return 0.0 if k == n else -math.inf\n",
                "",
            ),
            (
                "k * math.log(p) + (n - k) * math.log1p(-p)",
                "float(k * np.log(p) + (n - k) * np.log1p(-p))",
            ),
            ("import numbers\n", "import numbers\n\nimport numpy as np\n"),
        ],
    ),
    Mutant(
        "swapped_exponents",
        "p raised to n - k and 1 - p to k",
        replace=[
            (
                "k * math.log(p) + (n - k) * math.log1p(-p)",
                "(n - k) * math.log(p) + k * math.log1p(-p)",
            )
        ],
    ),
    Mutant(
        "no_binomial_coefficient",
        "forgets log C(n, k)",
        replace=[(LOG_CHOOSE, "log_choose = 0.0")],
    ),
    Mutant(
        "gamma_off_by_one",
        "log n! written as lgamma(n)",
        replace=[
            (
                LOG_CHOOSE,
                "log_choose = math.lgamma(n) - math.lgamma(k) - math.lgamma(n - k)",
            )
        ],
    ),
    Mutant(
        "no_integer_check",
        "non-integer k accepted",
        replace=[
            (
                "        if not float(value).is_integer():\n"
                '            raise ValueError(f"{name} must be an integer, got {value!r}")\n'
                "        return int(value)\n",
                "        return value\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "numpy_and_sum_of_logs",
        "log C(n, k) as a sum of logs for small k, scipy.special.gammaln otherwise",
        append="""
def log_binomial_pmf(k, n, p):
    from scipy.special import gammaln, xlog1py, xlogy

    if isinstance(k, float) and not k.is_integer() or isinstance(n, float) and not n.is_integer():
        raise ValueError("k and n must be integers")
    k, n, p = int(k), int(n), float(p)
    if n < 0 or k < 0 or k > n:
        raise ValueError("need 0 <= k <= n")
    if not (0 <= p <= 1):
        raise ValueError("p must be in [0, 1]")
    if min(k, n - k) < 20:
        j = min(k, n - k)
        log_choose = math.fsum(math.log(n - i) - math.log(i + 1) for i in range(j))
    else:
        log_choose = float(gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1))
    return float(log_choose + xlogy(k, p) + xlog1py(n - k, -p))
""",
    ),
]
