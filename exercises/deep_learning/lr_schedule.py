r"""A learning-rate schedule: linear warm-up, then cosine decay to a floor.

Large models are trained with a learning rate that climbs from 0 over the first steps
(while Adam's moment estimates settle) and then decays smoothly along half a cosine;
the off-by-ones at the ends of each phase are where implementations differ.
"""

import math
import numbers


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    r"""The learning rate of optimizer step ``step`` (counted from 0).

    .. math::

        \eta(s) = \begin{cases}
            \eta_{base} \, s / w & 0 \le s < w \\
            \eta_{min} + (\eta_{base} - \eta_{min}) \, \tfrac12
                \bigl(1 + \cos(\pi \tfrac{s - w}{S - w})\bigr) & w \le s \le S \\
            \eta_{min} & s > S
        \end{cases}

    with w = ``warmup_steps`` and S = ``total_steps``: the warm-up starts from 0 (not from
    min_lr), :math:`\eta(w) = \eta_{base}` and :math:`\eta(S) = \eta_{min}`.

    Parameters
    ----------
    step : int
        The optimizer step, ≥ 0 (the first update uses step 0).
    base_lr : float
        The peak learning rate, reached at step warmup_steps.
    warmup_steps : int
        The length of the linear warm-up, 0 ≤ warmup_steps < total_steps (0: none).
    total_steps : int
        The step at which the cosine reaches min_lr.
    min_lr : float, optional
        The floor, 0 ≤ min_lr ≤ base_lr.

    Returns
    -------
    float
        The learning rate.

    Raises
    ------
    ValueError
        If step, warmup_steps or total_steps is not an integer, step < 0, warmup_steps
        is not in [0, total_steps), or min_lr is not in [0, base_lr].

    Examples
    --------
    >>> [warmup_cosine_lr(s, 1.0, 2, 6) for s in (0, 1, 2, 4, 6, 7)]
    [0.0, 0.5, 1.0, 0.5, 0.0, 0.0]
    >>> round(warmup_cosine_lr(4, 1.0, 2, 6, min_lr=0.1), 12)
    0.55
    """
    # TODO: write warmup_cosine_lr (the docstring above has the maths).
    raise NotImplementedError("warmup_cosine_lr is not implemented yet")
