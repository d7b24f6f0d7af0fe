r"""Forward and backward pass of a 2-D convolutional layer (stride 1, no padding).

The layer of every convolutional network: each filter slides over the image and
takes a dot product with the patch under it (a cross-correlation, though deep
learning calls it convolution). Its backward pass is two more correlations.
"""

from typing import NamedTuple

import numpy as np


class Conv(NamedTuple):
    Y: np.ndarray
    dX: np.ndarray
    dW: np.ndarray
    db: np.ndarray


def conv2d_forward_backward(X, W, b, dY):
    r"""Output of a 2-D convolution layer and the gradients of a loss through it.

    .. math::

        Y_{n f i j} = b_f + \sum_{c, p, q} X_{n, c, i + p, j + q} \, W_{f c p q}

    (a cross-correlation: the kernel is not flipped), with
    :math:`0 \le i \le H - k_h` and :math:`0 \le j \le W - k_w`. Given
    :math:`dY = \partial L / \partial Y`, the chain rule on each sum gives

    .. math::

        \frac{\partial L}{\partial W_{fcpq}} = \sum_{n, i, j} dY_{nfij} X_{n,c,i+p,j+q},
        \qquad
        \frac{\partial L}{\partial b_f} = \sum_{n, i, j} dY_{nfij},

        \frac{\partial L}{\partial X_{n c u v}} = \sum_{f, p, q} dY_{n, f, u - p, v - q}
        \, W_{fcpq}

    where the last sum runs over the :math:`(p, q)` for which :math:`(u - p, v - q)`
    is an output position: each input pixel collects from every output it fed.

    Parameters
    ----------
    X : array_like, shape (N, C, H, W)
        A batch of N images with C channels.
    W : array_like, shape (F, C, kh, kw)
        F filters, with kh ≤ H and kw ≤ W.
    b : array_like, shape (F,)
        One bias per filter.
    dY : array_like, shape (N, F, H - kh + 1, W - kw + 1)
        Gradient of the loss with respect to Y.

    Returns
    -------
    Conv
        ``Y`` (N, F, H - kh + 1, W - kw + 1), ``dX`` like X, ``dW`` like W, ``db`` (F,).

    Raises
    ------
    ValueError
        If an array has the wrong number of dimensions, the channels, bias or dY do not
        fit, the kernel is larger than the image, or any dimension is 0.

    Examples
    --------
    >>> X = [[[[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [2.0, 0.0, 1.0]]]]
    >>> W = [[[[1.0, 0.0], [0.0, -1.0]]]]
    >>> out = conv2d_forward_backward(X, W, [0.5], [[[[1.0, 0.0], [0.0, 2.0]]]])
    >>> out.Y.tolist()
    [[[[0.5, -0.5], [0.5, 0.5]]]]
    >>> out.dX.tolist()
    [[[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, -2.0]]]]
    >>> out.dW.tolist(), out.db.tolist()
    ([[[[3.0, 8.0], [0.0, 3.0]]]], [3.0])
    """
    # TODO: write conv2d_forward_backward (the docstring above has the maths).
    raise NotImplementedError("conv2d_forward_backward is not implemented yet")
