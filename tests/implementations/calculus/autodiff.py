from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "equals_not_plus_equals",
        "self.grad = ... instead of += in the backward steps of + and *",
        replace=[
            (
                "            self.grad += out.grad\n            other.grad += out.grad\n",
                "            self.grad = out.grad\n            other.grad = out.grad\n",
            ),
            (
                "            self.grad += other.data * out.grad\n            other.grad += self.data * out.grad\n",
                "            self.grad = other.data * out.grad\n            other.grad = self.data * out.grad\n",
            ),
        ],
        message="`=` instead of `+=`",
    ),
    Mutant(
        "no_topological_order",
        "walks the graph from the output with a stack, running each node's step when it is first reached",
        replace=[
            (
                "        self.grad = 1.0\n        for node in reversed(order):\n            node._backward()\n",
                "        self.grad = 1.0\n        todo, seen = [self], {id(self)}\n        while todo:\n"
                "            node = todo.pop()\n            node._backward()\n"
                "            for p in node._parents:\n                if id(p) not in seen:\n"
                "                    seen.add(id(p))\n                    todo.append(p)\n",
            ),
        ],
        message="reverse topological order",
    ),
    Mutant(
        "breadth_first_order",
        "runs the steps in breadth-first order from the output",
        replace=[
            (
                "        self.grad = 1.0\n        for node in reversed(order):\n            node._backward()\n",
                "        self.grad = 1.0\n        todo, seen = [self], {id(self)}\n        while todo:\n"
                "            node = todo.pop(0)\n            node._backward()\n"
                "            for p in node._parents:\n                if id(p) not in seen:\n"
                "                    seen.add(id(p))\n                    todo.append(p)\n",
            ),
        ],
        message="reverse topological order",
    ),
    Mutant(
        "recursive_topological_sort",
        "micrograd's recursive build_topo: RecursionError on a deep chain",
        append="""
def _backward_recursive(self):
    order, visited = [], set()

    def build(v):
        if v not in visited:
            visited.add(v)
            for p in v._parents:
                build(p)
            order.append(v)

    build(self)
    self.grad = 1.0
    for node in reversed(order):
        node._backward()


Value.backward = _backward_recursive
""",
        message="RecursionError",
    ),
    Mutant(
        "every_path_not_every_node",
        "a topological walk without a visited set: shared nodes are run once per path",
        replace=[
            ("                if id(parent) not in visited:\n", "                if True:\n"),
        ],
    ),
    Mutant(
        "relu_derivative_at_zero",
        "relu' = 1 where x >= 0",
        replace=[
            (
                "            if self.data > 0:\n                self.grad += out.grad\n",
                "            if self.data >= 0:\n                self.grad += out.grad\n",
            )
        ],
        message="relu'(0) taken as 1",
    ),
    Mutant(
        "no_reflected_operations",
        "no __rsub__ / __rtruediv__: 2 - x and 2 / x raise TypeError",
        append="del Value.__rsub__\ndel Value.__rtruediv__\n",
        message="a plain number must work on either side",
    ),
    Mutant(
        "rsub_sign",
        "2 - x computed as x - 2",
        replace=[("        return (-self) + other\n", "        return self - other\n")],
    ),
    Mutant(
        "backward_resets_gradients",
        "backward() zeroes every grad in the graph first",
        replace=[
            (
                "        self.grad = 1.0\n        for node in reversed(order):\n",
                "        for node in order:\n            node.grad = 0.0\n"
                "        self.grad = 1.0\n        for node in reversed(order):\n",
            )
        ],
        message="resets the gradients",
    ),
    Mutant(
        "pow_derivative",
        "d(x**k) = k * x**k",
        replace=[("k * self.data ** (k - 1) * out.grad", "k * self.data**k * out.grad")],
    ),
    Mutant(
        "tanh_derivative_of_input",
        "tanh' = 1 - x**2 with x the input",
        replace=[("(1.0 - t * t) * out.grad", "(1.0 - self.data**2) * out.grad")],
    ),
    Mutant(
        "log_derivative",
        "log' = 1 / log(x)",
        replace=[
            (
                "            self.grad += out.grad / self.data\n",
                "            self.grad += out.grad / out.data\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "kahn_with_local_derivatives",
        "each node stores (parent, local derivative) pairs; backward orders nodes by "
        "Kahn's algorithm on consumer counts",
        append="""
class Value:
    def __init__(self, data, _edges=()):
        self.data = float(data)
        self.grad = 0.0
        self._edges = tuple(_edges)  # (parent, d self / d parent)

    @staticmethod
    def _wrap(x):
        return x if isinstance(x, Value) else Value(x)

    def __add__(self, other):
        other = Value._wrap(other)
        return Value(self.data + other.data, ((self, 1.0), (other, 1.0)))

    __radd__ = __add__

    def __mul__(self, other):
        other = Value._wrap(other)
        return Value(self.data * other.data, ((self, other.data), (other, self.data)))

    __rmul__ = __mul__

    def __neg__(self):
        return Value(-self.data, ((self, -1.0),))

    def __sub__(self, other):
        other = Value._wrap(other)
        return Value(self.data - other.data, ((self, 1.0), (other, -1.0)))

    def __rsub__(self, other):
        return Value._wrap(other) - self

    def __truediv__(self, other):
        other = Value._wrap(other)
        q = self.data / other.data
        return Value(q, ((self, 1.0 / other.data), (other, -q / other.data)))

    def __rtruediv__(self, other):
        return Value._wrap(other) / self

    def __pow__(self, k):
        return Value(self.data**k, ((self, k * self.data ** (k - 1)),))

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, ((self, 1 - t * t),))

    def exp(self):
        e = math.exp(self.data)
        return Value(e, ((self, e),))

    def log(self):
        return Value(math.log(self.data), ((self, 1 / self.data),))

    def relu(self):
        return Value(max(self.data, 0.0), ((self, 1.0 if self.data > 0 else 0.0),))

    def backward(self):
        consumers = {}
        seen = {id(self): self}
        todo = [self]
        while todo:
            node = todo.pop()
            for parent, _ in node._edges:
                consumers[id(parent)] = consumers.get(id(parent), 0) + 1
                if id(parent) not in seen:
                    seen[id(parent)] = parent
                    todo.append(parent)
        self.grad = 1.0
        ready = [self]
        while ready:
            node = ready.pop()
            for parent, local in node._edges:
                parent.grad += local * node.grad
                consumers[id(parent)] -= 1
                if consumers[id(parent)] == 0:
                    ready.append(parent)
""",
    ),
]
