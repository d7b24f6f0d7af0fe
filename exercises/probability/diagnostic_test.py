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
    # TODO: write positive_predictive_value (the docstring above has the maths).
    raise NotImplementedError("positive_predictive_value is not implemented yet")
