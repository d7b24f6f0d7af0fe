r"""Gradient clipping by the global norm.

One exploding gradient (an RNN's long product of Jacobians, a loss spike) can throw the
parameters far away in a single step. Clipping rescales the whole gradient, every
parameter's array together, so that its length is at most max_norm; its direction is
kept.
"""

import math
import numbers
from typing import NamedTuple

import numpy as np


class Clipped(NamedTuple):
    grads: dict
    total_norm: float


def clip_grad_norm(grads, max_norm):
    r"""Rescale a dict of gradient arrays so that their global L2 norm is at most max_norm.

    .. math::

        \lVert g \rVert = \sqrt{\sum_{\text{arrays } a} \sum_j a_j^2}, \qquad
        a \leftarrow a \cdot \frac{\text{max\_norm}}{\lVert g \rVert}
        \quad \text{for every array, when } \lVert g \rVert > \text{max\_norm}

    (no epsilon in the denominator); otherwise the values are unchanged.

    Parameters
    ----------
    grads : dict of str to array_like
        The gradient of each parameter, any shapes (0-d and empty included).
    max_norm : float
        The largest global norm allowed, > 0.

    Returns
    -------
    Clipped
        ``grads``: a new dict with the same keys holding new float arrays (never the
        caller's); ``total_norm``: the global norm before clipping, a float.

    Raises
    ------
    ValueError
        If max_norm ≤ 0 (or not a number) or grads is empty or not a dict.

    Examples
    --------
    >>> out = clip_grad_norm({"w": [[3.0, 0.0]], "b": [4.0]}, max_norm=1.0)
    >>> out.total_norm
    5.0
    >>> {k: v.round(6).tolist() for k, v in out.grads.items()}
    {'w': [[0.6, 0.0]], 'b': [0.8]}
    >>> clip_grad_norm({"w": [3.0, 4.0]}, max_norm=10.0).grads["w"].tolist()
    [3.0, 4.0]
    """
    # BEGIN SOLUTION
    if not isinstance(grads, dict) or len(grads) == 0:
        raise ValueError(f"grads must be a non-empty dict of arrays, got {type(grads).__name__}")
    if isinstance(max_norm, bool) or not isinstance(max_norm, numbers.Real) or not max_norm > 0:
        raise ValueError(f"max_norm must be a positive number, got {max_norm!r}")
    arrays = {name: np.array(g, dtype=float) for name, g in grads.items()}  # copies
    total = math.sqrt(sum(float(np.sum(a * a)) for a in arrays.values()))
    if total > max_norm:
        scale = max_norm / total
        for a in arrays.values():
            a *= scale  # our own copies (0-d arrays stay arrays)
    return Clipped(arrays, total)
    # END SOLUTION
