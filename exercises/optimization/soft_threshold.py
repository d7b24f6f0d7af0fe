r"""Soft thresholding, the proximal operator of the 1-norm.

Shrinking every entry towards zero by t, and setting the small ones to exactly zero, is
the step that makes the lasso, ISTA and every L1-regularised model produce sparse weights.
"""

import numpy as np


def soft_threshold(x, t):
    r"""Shrink every entry of x towards zero by t, setting entries with :math:`|x| \le t` to 0.

    .. math::

        S_t(x) = \operatorname{sign}(x)\,\max(|x| - t,\ 0)
               = \operatorname*{arg\,min}_z \ \tfrac12 (z - x)^2 + t\,|z|

    applied entry by entry.

    Parameters
    ----------
    x : array_like, any shape (empty included)
        The values to shrink.
    t : float
        The threshold, a scalar :math:`t \ge 0`.

    Returns
    -------
    numpy.ndarray
        An array of the shape of x: :math:`x - t` where :math:`x > t`, :math:`x + t` where
        :math:`x < -t`, and 0 in between.

    Raises
    ------
    ValueError
        If t is not a scalar, is negative or is NaN.

    Examples
    --------
    >>> soft_threshold([-3.0, 0.5, 0.0, 1.0, 2.5], 1.0).tolist()
    [-2.0, 0.0, 0.0, 0.0, 1.5]
    """
    # TODO: write soft_threshold (the docstring above has the maths).
    raise NotImplementedError("soft_threshold is not implemented yet")
