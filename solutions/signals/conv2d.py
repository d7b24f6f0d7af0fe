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
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    dY = np.asarray(dY, dtype=float)
    if X.ndim != 4 or W.ndim != 4 or dY.ndim != 4:
        raise ValueError(f"X, W and dY must be 4-D, got shapes {X.shape}, {W.shape} and {dY.shape}")
    if b.ndim != 1:
        raise ValueError(f"b must be 1-D (F,), got shape {b.shape}")
    if X.size == 0 or W.size == 0:
        raise ValueError(f"empty input: X has shape {X.shape}, W has shape {W.shape}")
    N, C, H, Wd = X.shape
    F, C_w, kh, kw = W.shape
    if C_w != C:
        raise ValueError(f"W has {C_w} input channels, X has {C}")
    if kh > H or kw > Wd:
        raise ValueError(f"the kernel ({kh}, {kw}) is larger than the image ({H}, {Wd})")
    Ho, Wo = H - kh + 1, Wd - kw + 1
    if b.shape != (F,) or dY.shape != (N, F, Ho, Wo):
        raise ValueError(f"b {b.shape} and dY {dY.shape} must be ({F},) and {(N, F, Ho, Wo)}")
    patches = np.lib.stride_tricks.sliding_window_view(X, (kh, kw), axis=(2, 3))
    # patches[n, c, i, j, p, q] = X[n, c, i + p, j + q]
    Y = np.einsum("ncijpq,fcpq->nfij", patches, W, optimize=True) + b[None, :, None, None]
    dW = np.einsum("ncijpq,nfij->fcpq", patches, dY, optimize=True)
    db = dY.sum(axis=(0, 2, 3))
    dX = np.zeros_like(X)
    for p in range(kh):
        for q in range(kw):
            dX[:, :, p : p + Ho, q : q + Wo] += np.einsum("nfij,fc->ncij", dY, W[:, :, p, q])
    return Conv(Y, dX, dW, db)
    # END SOLUTION
