r"""Scalar reverse-mode automatic differentiation, in the style of micrograd.

Every arithmetic operation on a Value records its inputs and its local derivative;
backward() then applies the chain rule from the output back to every input, in
reverse topological order. This is what PyTorch and JAX do, one number at a time.
"""

import math


class Value:
    r"""A scalar that remembers how it was computed, for reverse-mode differentiation.

    Each operation :math:`y = f(a, b)` creates a new Value whose backward step adds
    :math:`\bar y \, \partial f / \partial a` to ``a.grad`` (and likewise for ``b``),
    where :math:`\bar y` is ``y.grad``. Calling ``out.backward()`` sets
    :math:`\bar{\text{out}} = 1` and runs every backward step in reverse topological
    order, so each node's gradient is complete before it is passed on (the chain rule,
    summed over every path):

    .. math::

        \frac{\partial\, \text{out}}{\partial v} =
        \sum_{u \,:\, v \to u} \frac{\partial\, \text{out}}{\partial u}
                               \frac{\partial u}{\partial v}

    Local derivatives: :math:`(a + b)' = (1, 1)`, :math:`(a b)' = (b, a)`,
    :math:`(a / b)' = (1/b, -a/b^2)`, :math:`(a^k)' = k a^{k-1}`,
    :math:`\tanh' = 1 - \tanh^2`, :math:`\exp' = \exp`, :math:`\log' = 1/a`,
    :math:`\mathrm{relu}'(a) = [a > 0]` (so :math:`\mathrm{relu}'(0) = 0`).

    Parameters
    ----------
    data : float
        The value.

    Attributes
    ----------
    data : float
        The value.
    grad : float
        d(output)/d(this value) after ``output.backward()``; 0.0 at creation. Gradients
        accumulate: a second ``backward()`` through the same node adds to it.

    Examples
    --------
    >>> x = Value(2.0)
    >>> y = x * x + 3 * x - x / 4
    >>> y.data
    9.5
    >>> y.backward()
    >>> x.grad
    6.75
    >>> z = Value(0.0)
    >>> r = z.relu() + (2 - z).log()
    >>> r.backward()
    >>> round(r.data, 6), z.grad
    (0.693147, -0.5)
    """

    def __init__(self, data, _parents=(), _op=""):
        self.data = float(data)
        self.grad = 0.0
        self._parents = tuple(_parents)  # the Values this one was computed from
        self._op = _op
        self._backward = lambda: None  # adds self.grad * local derivative to each parent

    def __repr__(self):
        return f"Value(data={self.data!r}, grad={self.grad!r})"

    def __add__(self, other):
        """self + other (other a Value or a number); both local derivatives are 1."""
        # TODO: write __add__ (the docstring above has the maths).
        raise NotImplementedError("__add__ is not implemented yet")

    def __radd__(self, other):
        """other + self, for a number on the left."""
        # TODO: write __radd__ (the docstring above has the maths).
        raise NotImplementedError("__radd__ is not implemented yet")

    def __mul__(self, other):
        """self * other; d/dself = other, d/dother = self."""
        # TODO: write __mul__ (the docstring above has the maths).
        raise NotImplementedError("__mul__ is not implemented yet")

    def __rmul__(self, other):
        """other * self, for a number on the left."""
        # TODO: write __rmul__ (the docstring above has the maths).
        raise NotImplementedError("__rmul__ is not implemented yet")

    def __pow__(self, exponent):
        """self ** exponent for a number exponent; derivative exponent * self**(exponent - 1)."""
        # TODO: write __pow__ (the docstring above has the maths).
        raise NotImplementedError("__pow__ is not implemented yet")

    def __neg__(self):
        """-self; derivative -1."""
        # TODO: write __neg__ (the docstring above has the maths).
        raise NotImplementedError("__neg__ is not implemented yet")

    def __sub__(self, other):
        """self - other."""
        # TODO: write __sub__ (the docstring above has the maths).
        raise NotImplementedError("__sub__ is not implemented yet")

    def __rsub__(self, other):
        """other - self, for a number on the left."""
        # TODO: write __rsub__ (the docstring above has the maths).
        raise NotImplementedError("__rsub__ is not implemented yet")

    def __truediv__(self, other):
        """self / other = self * other**-1."""
        # TODO: write __truediv__ (the docstring above has the maths).
        raise NotImplementedError("__truediv__ is not implemented yet")

    def __rtruediv__(self, other):
        """other / self, for a number on the left."""
        # TODO: write __rtruediv__ (the docstring above has the maths).
        raise NotImplementedError("__rtruediv__ is not implemented yet")

    def tanh(self):
        """tanh(self); derivative 1 - tanh(self)**2."""
        # TODO: write tanh (the docstring above has the maths).
        raise NotImplementedError("tanh is not implemented yet")

    def exp(self):
        """exp(self); derivative exp(self)."""
        # TODO: write exp (the docstring above has the maths).
        raise NotImplementedError("exp is not implemented yet")

    def log(self):
        """Natural log of self (> 0); derivative 1 / self."""
        # TODO: write log (the docstring above has the maths).
        raise NotImplementedError("log is not implemented yet")

    def relu(self):
        """max(self, 0); derivative 1 where self > 0, else 0 (also at exactly 0)."""
        # TODO: write relu (the docstring above has the maths).
        raise NotImplementedError("relu is not implemented yet")

    def backward(self):
        """Set self.grad = 1 and accumulate d(self)/d(node) into every ancestor's grad.

        The nodes are put in topological order (every node after the nodes it was
        computed from) by a depth-first search with an explicit stack, so that a graph
        10 000 operations deep does not hit Python's recursion limit; the backward
        steps then run in the reverse of that order, each node once.
        """
        # TODO: write backward (the docstring above has the maths).
        raise NotImplementedError("backward is not implemented yet")
