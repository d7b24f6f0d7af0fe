r"""The logistic sigmoid and its derivative, stable for any input.

σ squashes a logit into a probability. Written naively, exp(-z) overflows for large
negative z; written with e^{-|z|}, nothing ever exceeds 1.
"""

import numpy as np


def sigmoid(z):
    r"""The logistic function, element-wise, without overflow.

    .. math::

        \sigma(z) = \frac{1}{1 + e^{-z}} =
        \begin{cases}
            \dfrac{1}{1 + e^{-|z|}} & z \ge 0 \\[1ex]
            \dfrac{e^{-|z|}}{1 + e^{-|z|}} & z < 0
        \end{cases}

    Both branches only take the exponential of :math:`-|z| \le 0`, which lies in
    (0, 1] (or underflows harmlessly to 0).

    Parameters
    ----------
    z : array_like, any shape
        Logits.

    Returns
    -------
    numpy.ndarray
        :math:`\sigma(z)`, a float array of z's shape (0-d for a scalar), in [0, 1].

    Examples
    --------
    >>> float(sigmoid(0.0))
    0.5
    >>> sigmoid([-1e4, -1.0, 1.0, 1e4]).round(6).tolist()
    [0.0, 0.268941, 0.731059, 1.0]
    """
    # TODO: write sigmoid (the docstring above has the maths).
    raise NotImplementedError("sigmoid is not implemented yet")


def sigmoid_grad(z):
    r"""The derivative of the sigmoid, element-wise, without overflow.

    .. math::

        \sigma'(z) = \sigma(z)\,(1 - \sigma(z)) = \sigma(z)\,\sigma(-z)
                   = \frac{e^{-|z|}}{(1 + e^{-|z|})^2}

    (the last form is even in :math:`z` and never overflows).

    Parameters
    ----------
    z : array_like, any shape
        Logits.

    Returns
    -------
    numpy.ndarray
        :math:`\sigma'(z)`, a float array of z's shape, in [0, 1/4].

    Examples
    --------
    >>> float(sigmoid_grad(0.0))
    0.25
    >>> sigmoid_grad([-1e4, 2.0, 1e4]).round(6).tolist()
    [0.0, 0.104994, 0.0]
    """
    # TODO: write sigmoid_grad (the docstring above has the maths).
    raise NotImplementedError("sigmoid_grad is not implemented yet")
