r"""The positive predictive value of a diagnostic test.

A test that is 99% sensitive and 95% specific is still mostly wrong when it says
"positive" for a rare condition: Bayes' rule weighs the result by the base rate.
"""


def positive_predictive_value(prevalence, sensitivity, specificity):
    r"""Probability of having the condition given a positive test result.

    .. math::

        P(C \mid +) = \frac{P(+ \mid C)\, P(C)}
                           {P(+ \mid C)\, P(C) + P(+ \mid \neg C)\, (1 - P(C))}
                    = \frac{\mathrm{sens}\cdot\pi}
                           {\mathrm{sens}\cdot\pi + (1 - \mathrm{spec})(1 - \pi)}

    where :math:`\pi` is the prevalence, :math:`\mathrm{sens} = P(+ \mid C)` and
    :math:`\mathrm{spec} = P(- \mid \neg C)`.

    Parameters
    ----------
    prevalence : float
        :math:`P(C)`, the base rate of the condition, in [0, 1].
    sensitivity : float
        :math:`P(+ \mid C)`, the true-positive rate, in [0, 1].
    specificity : float
        :math:`P(- \mid \neg C)`, the true-negative rate, in [0, 1].

    Returns
    -------
    float
        :math:`P(C \mid +)`.

    Raises
    ------
    ValueError
        If an input is not a number in [0, 1], or a positive result is impossible
        (:math:`P(+) = 0`).

    Examples
    --------
    >>> round(positive_predictive_value(0.01, 0.99, 0.95), 6)
    0.166667
    >>> positive_predictive_value(0.5, 0.8, 0.8)
    0.8
    """
    # BEGIN SOLUTION
    values = {}
    for name, value in [
        ("prevalence", prevalence),
        ("sensitivity", sensitivity),
        ("specificity", specificity),
    ]:
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{name} must be a number in [0, 1], got {value!r}") from None
        if not 0.0 <= value <= 1.0:  # also rejects nan
            raise ValueError(f"{name} must be in [0, 1], got {value!r}")
        values[name] = value
    true_positive = values["sensitivity"] * values["prevalence"]
    false_positive = (1.0 - values["specificity"]) * (1.0 - values["prevalence"])
    p_positive = true_positive + false_positive
    if p_positive == 0.0:
        raise ValueError("P(positive) is 0: a positive result is impossible here")
    return true_positive / p_positive
    # END SOLUTION
