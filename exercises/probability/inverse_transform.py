r"""Inverse-transform sampling of the exponential distribution.

If U is uniform on [0, 1], then F⁻¹(U) has CDF F. The exponential CDF
F(x) = 1 - exp(-λx) inverts in closed form.
"""

import numpy as np


def exponential_inverse_cdf(u, rate):
    r"""The inverse CDF (quantile function) of the exponential distribution with rate λ.

    .. math::

        F(x) = 1 - e^{-\lambda x} \quad (x \ge 0), \qquad
        F^{-1}(u) = -\frac{\ln(1 - u)}{\lambda}

    so for :math:`U \sim U[0, 1)`, :math:`F^{-1}(U)` is exponential with mean
    :math:`1/\lambda`. ``np.log1p(-u)`` computes :math:`\ln(1 - u)` without losing the
    digits of a tiny u.

    Parameters
    ----------
    u : array_like
        Probabilities in [0, 1]; u = 1 gives ``inf``.
    rate : float
        The rate :math:`\lambda > 0` (the mean is :math:`1/\lambda`).

    Returns
    -------
    ndarray (or float for scalar u)
        :math:`F^{-1}(u)`, the shape of u.

    Raises
    ------
    ValueError
        If u is outside [0, 1] somewhere (or nan), or rate is not a positive finite number.

    Examples
    --------
    >>> import numpy as np
    >>> exponential_inverse_cdf([0.0, 0.5, 1 - np.exp(-2.0), 1.0], 2.0).round(6).tolist()
    [0.0, 0.346574, 1.0, inf]
    """
    # TODO: write exponential_inverse_cdf (the docstring above has the maths).
    raise NotImplementedError("exponential_inverse_cdf is not implemented yet")
