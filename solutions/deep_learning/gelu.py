r"""GELU, its derivative, and its tanh approximation.

The Gaussian error linear unit x·Φ(x), the activation of BERT and GPT, weights each input
by the probability that a standard normal falls below it: a smooth ReLU. Computing it
well in the left tail needs Φ from erfc, not from 1 + erf, which cancels to 0.
"""

import math

import numpy as np


def gelu(x):
    r"""The exact GELU, elementwise: :math:`x \, \Phi(x)`.

    .. math::

        \operatorname{GELU}(x) = x \, \Phi(x), \qquad
        \Phi(x) = \tfrac12 \operatorname{erfc}\!\left(-\frac{x}{\sqrt 2}\right)
                = \tfrac12 \left(1 + \operatorname{erf}\frac{x}{\sqrt 2}\right)

    Φ is computed from erfc, which keeps its relative accuracy in the left tail, where
    1 + erf(x/√2) cancels to exactly 0 (below x ≈ −8.3).

    Parameters
    ----------
    x : array_like, any shape (empty included)
        The pre-activations.

    Returns
    -------
    numpy.ndarray or float
        GELU(x), shaped like x (a float or 0-d array for a 0-d x).

    Examples
    --------
    >>> gelu([0.0, 1.0, -1.0]).round(6).tolist()
    [0.0, 0.841345, -0.158655]
    >>> f"{float(gelu(-30.0)):.6e}"  # 1 + erf(-30/sqrt 2) would give 0 here
    '-1.472014e-196'
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    erfc = np.vectorize(math.erfc, otypes=[float])
    Phi = 0.5 * erfc(-x / math.sqrt(2.0))
    return x * Phi
    # END SOLUTION


def gelu_grad(x):
    r"""The derivative of the exact GELU, elementwise: :math:`\Phi(x) + x \, \varphi(x)`.

    .. math::

        \frac{d}{dx} \, x \Phi(x) = \Phi(x) + x \, \varphi(x), \qquad
        \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}

    Parameters
    ----------
    x : array_like, any shape (empty included)
        The pre-activations.

    Returns
    -------
    numpy.ndarray or float
        GELU'(x), shaped like x.

    Examples
    --------
    >>> gelu_grad([0.0, 1.0, -1.0]).round(6).tolist()
    [0.5, 1.083315, -0.083315]
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    erfc = np.vectorize(math.erfc, otypes=[float])
    Phi = 0.5 * erfc(-x / math.sqrt(2.0))
    phi = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return Phi + x * phi
    # END SOLUTION


def gelu_tanh(x):
    r"""The tanh approximation of GELU, elementwise (GPT-2's ``gelu_new``).

    .. math::

        \operatorname{GELU}(x) \approx \tfrac12 x \left(1 + \tanh\!\left(
            \sqrt{2/\pi}\,\left(x + 0.044715 \, x^3\right)\right)\right)

    Parameters
    ----------
    x : array_like, any shape (empty included)
        The pre-activations.

    Returns
    -------
    numpy.ndarray or float
        The approximation, shaped like x.

    Examples
    --------
    >>> gelu_tanh([0.0, 1.0, -1.0]).round(6).tolist()
    [0.0, 0.841192, -0.158808]
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    u = math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)
    return 0.5 * x * (1.0 + np.tanh(u))
    # END SOLUTION
