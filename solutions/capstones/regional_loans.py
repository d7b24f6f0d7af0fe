r"""Bias capstone: a seeded synthetic loans data set with a regional shift.

No public data set with regions ships offline, so the capstone makes one: loan
applicants from two regions ("Silicon Valley" 0, "Alaska" 1) whose repayment rates
differ (a label shift) and whose first feature is shifted for the same repayment (a
covariate shift). A stated use of the random generator lets anyone replay it.
"""

from typing import NamedTuple

import numpy as np


class Loans(NamedTuple):
    X: np.ndarray
    y: np.ndarray
    region: np.ndarray


def regional_loans(
    n, rng, alaska_share=0.2, repay_rates=(0.6, 0.4), separation=2.0, shift=-1.0, n_features=2
):
    r"""A synthetic set of n loan applicants from two regions, with a regional shift.

    Applicant i lives in Alaska (:math:`r_i = 1`) with probability :math:`a`
    (``alaska_share``), else in Silicon Valley (:math:`r_i = 0`); repays the loan
    (:math:`y_i = 1`) with a probability :math:`\pi_{r_i}` that depends on the region
    (``repay_rates``, a label shift); and has d features, Gaussian with identity
    covariance, moved by :math:`\mu` if the applicant repays and by :math:`\delta` if
    the applicant lives in Alaska (a covariate shift along the first feature):

    .. math::

        r_i = [\,u_i < a\,], \qquad y_i = [\,v_i < \pi_{r_i}\,], \qquad
        x_i = z_i + y_i\, \mu + r_i\, \delta,

        \mu = \frac{s}{\sqrt d}\,(1, \dots, 1), \qquad \delta = (\Delta, 0, \dots, 0),

    with s = ``separation`` and :math:`\Delta` = ``shift``. A model that does not know
    the region reads an Alaskan's first feature as if :math:`\delta` were not there.

    The generator is used in exactly this order, so a seed replays the data: first
    ``u = rng.random(n)``, then ``v = rng.random(n)``, then
    ``z = rng.standard_normal((n, d))``; nothing else is drawn.

    Parameters
    ----------
    n : int
        The number of applicants, >= 1.
    rng : numpy.random.Generator
        The source of randomness (e.g. ``np.random.default_rng(0)``).
    alaska_share : float, optional
        The probability :math:`a` that an applicant lives in Alaska, 0 < a < 1.
    repay_rates : pair of float, optional
        :math:`(\pi_0, \pi_1)`, the probability of repaying in Silicon Valley and in
        Alaska, each in (0, 1).
    separation : float, optional
        The length :math:`s \ge 0` of :math:`\mu` (how far repayers sit from the others).
    shift : float, optional
        The regional shift :math:`\Delta` of the first feature (finite, any sign).
    n_features : int, optional
        The number of features d >= 1.

    Returns
    -------
    Loans
        ``X`` (float array of shape (n, d)), ``y`` (int array of shape (n,), 1 = repays)
        and ``region`` (int array of shape (n,), 1 = Alaska).

    Raises
    ------
    ValueError
        If n or n_features is not a positive integer, if rng is not a
        ``numpy.random.Generator``, if alaska_share or a repayment rate is not in
        (0, 1), if repay_rates is not a pair, or if separation is not a finite number
        >= 0 or shift not a finite number.

    Examples
    --------
    >>> X, y, region = regional_loans(4, np.random.default_rng(0), alaska_share=0.5,
    ...                               repay_rates=(0.9, 0.1), separation=1.0, shift=-2.0,
    ...                               n_features=1)
    >>> region.tolist()  # u = 0.637, 0.270, 0.041, 0.017
    [0, 1, 1, 1]
    >>> y.tolist()  # v = 0.813, 0.913, 0.607, 0.730 against 0.9, 0.1, 0.1, 0.1
    [1, 0, 0, 0]
    >>> X.round(2).ravel().tolist()  # z, plus 1 for the repayer, minus 2 in Alaska
    [0.3, -3.27, -2.62, -1.96]
    """
    # BEGIN SOLUTION
    for name, value in (("n", n), ("n_features", n_features)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator, got {type(rng).__name__}")
    if not 0 < alaska_share < 1:
        raise ValueError(f"alaska_share must lie in (0, 1), got {alaska_share!r}")
    rates = np.asarray(repay_rates, dtype=float)
    if rates.shape != (2,):
        raise ValueError(f"repay_rates must be a pair (pi_0, pi_1), got {repay_rates!r}")
    if not np.all((rates > 0) & (rates < 1)):
        raise ValueError(f"repayment rates must lie in (0, 1), got {repay_rates!r}")
    if not (np.isfinite(separation) and separation >= 0):
        raise ValueError(f"separation must be a finite number >= 0, got {separation!r}")
    if not np.isfinite(shift):
        raise ValueError(f"shift must be a finite number, got {shift!r}")
    n, d = int(n), int(n_features)
    region = (rng.random(n) < alaska_share).astype(int)
    y = (rng.random(n) < rates[region]).astype(int)
    z = rng.standard_normal((n, d))
    mu = np.full(d, separation / np.sqrt(d))
    delta = np.zeros(d)
    delta[0] = shift
    return Loans(z + y[:, None] * mu + region[:, None] * delta, y, region)
    # END SOLUTION
