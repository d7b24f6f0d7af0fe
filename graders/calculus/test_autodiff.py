"""Grader for calculus/autodiff: class Value, scalar reverse-mode automatic differentiation."""

import math

import pytest

from mlkata.grading import assert_close, assert_gradient, fail

EQUALS_NOT_PLUS_EQUALS = (
    "`=` instead of `+=` in a backward step: a node used more than once keeps only "
    "the gradient of its last use"
)
ORDER = (
    "backward must call every node's backward step in reverse topological order (a "
    "node only after every node computed from it), each node once"
)


def value_of(kata, result, called):
    """The Value an operation returned, or a failure naming the operation."""
    if not isinstance(result, kata.Value):
        fail(f"{called} should return a new Value, but returned {result!r}")
    return result


def grads(leaves):
    return [leaf.grad for leaf in leaves]


def backward(out, called):
    try:
        out.backward()
    except RecursionError:
        fail(
            f"{called}: backward() raised RecursionError (maximum recursion depth "
            "exceeded): a recursive topological sort cannot handle a graph this deep. "
            "Build the order with an explicit stack (a loop), not recursion."
        )


OPERATIONS = {
    # name: (how to build it from Values x, y, its value, d/dx, d/dy) at x = 3, y = -2
    "x + y": (lambda x, y: x + y, 1.0, 1.0, 1.0),
    "x - y": (lambda x, y: x - y, 5.0, 1.0, -1.0),
    "x * y": (lambda x, y: x * y, -6.0, -2.0, 3.0),
    "x / y": (lambda x, y: x / y, -1.5, -0.5, -0.75),
    "-x + y": (lambda x, y: -x + y, -5.0, -1.0, 1.0),
}

WITH_NUMBERS = {
    # name: (build from Value x, value, d/dx) at x = 4
    "x + 2": (lambda x: x + 2, 6.0, 1.0),
    "2 + x": (lambda x: 2 + x, 6.0, 1.0),
    "x - 2": (lambda x: x - 2, 2.0, 1.0),
    "2 - x": (lambda x: 2 - x, -2.0, -1.0),
    "x * 2.5": (lambda x: x * 2.5, 10.0, 2.5),
    "2.5 * x": (lambda x: 2.5 * x, 10.0, 2.5),
    "x / 2": (lambda x: x / 2, 2.0, 0.5),
    "2 / x": (lambda x: 2 / x, 0.5, -0.125),
    "x ** 3": (lambda x: x**3, 64.0, 48.0),
    "x ** 0.5": (lambda x: x**0.5, 2.0, 0.25),
    "x ** -1": (lambda x: x**-1, 0.25, -0.0625),
    "-x": (lambda x: -x, -4.0, -1.0),
}

FUNCTIONS = {
    # name: (method, point, value, derivative)
    "tanh": ("tanh", 0.5, math.tanh(0.5), 1 - math.tanh(0.5) ** 2),
    "exp": ("exp", 0.7, math.exp(0.7), math.exp(0.7)),
    "log": ("log", 2.5, math.log(2.5), 0.4),
    "relu of a positive": ("relu", 1.5, 1.5, 1.0),
    "relu of a negative": ("relu", -1.5, 0.0, 0.0),
    "relu at exactly 0 (relu'(0) = 0)": ("relu", 0.0, 0.0, 0.0),
}


@pytest.mark.points(2)
def test_value_documented_example(kata):
    """Is x·x + 3x - x/4 at x = 2 equal to 9.5, with gradient 2x + 3 - 1/4 = 6.75?"""
    x = kata.Value(2.0)
    y = value_of(kata, x * x + 3 * x - x / 4, "x * x + 3 * x - x / 4")
    assert_close(y.data, 9.5, what="y.data")
    assert_close(y.grad, 0.0, what="y.grad before backward() (0.0 at creation)")
    backward(y, "y = x * x + 3 * x - x / 4")
    assert_close(x.grad, 6.75, what="x.grad", mistakes={EQUALS_NOT_PLUS_EQUALS: 2.0})
    assert_close(y.grad, 1.0, what="y.grad after y.backward() (the output's own grad is 1)")


@pytest.mark.points(3)
@pytest.mark.parametrize("name", list(OPERATIONS))
def test_value_binary_operations(kata, name):
    """At x = 3, y = -2: is each operation's value and both partial derivatives right?"""
    build, want, dx, dy = OPERATIONS[name]
    x, y = kata.Value(3.0), kata.Value(-2.0)
    out = value_of(kata, build(x, y), name)
    assert_close(out.data, want, what=f"({name}).data")
    backward(out, name)
    assert_close(grads([x, y]), [dx, dy], what=f"[x.grad, y.grad] for {name}")
    assert_close([x.data, y.data], [3.0, -2.0], what=f"x.data, y.data after {name}")


@pytest.mark.points(3)
@pytest.mark.parametrize("name", list(WITH_NUMBERS))
def test_value_with_plain_numbers_on_either_side(kata, name):
    """At x = 4: does `name` work with the number on that side, value and derivative?"""
    build, want, dx = WITH_NUMBERS[name]
    x = kata.Value(4.0)
    try:
        result = build(x)
    except TypeError as exc:
        fail(
            f"{name} raised TypeError ({exc}): a plain number must work on either side "
            "(wrap it in a Value; define the reflected methods __radd__, __rsub__, "
            "__rmul__, __rtruediv__)"
        )
    out = value_of(kata, result, name)
    assert_close(out.data, want, what=f"({name}).data")
    backward(out, name)
    assert_close(x.grad, dx, what=f"d({name})/dx")


@pytest.mark.points(3)
@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_value_functions(kata, name):
    """Do tanh, exp, log and relu give the right value and derivative (relu'(0) = 0)?"""
    method, point, want, derivative = FUNCTIONS[name]
    x = kata.Value(point)
    out = value_of(kata, getattr(x, method)(), f"Value({point}).{method}()")
    assert_close(out.data, want, what=f"Value({point}).{method}().data")
    backward(out, f"Value({point}).{method}()")
    mistakes = {"relu'(0) taken as 1: use x > 0, not x >= 0": 1.0} if method == "relu" else {}
    assert_close(
        x.grad, derivative, what=f"the derivative of {method} at {point}", mistakes=mistakes
    )


@pytest.mark.points(3)
def test_value_node_used_twice(kata):
    """Does a node used twice get both contributions (x·x → 2x, x + x → 2, x·y + x)?"""
    x = kata.Value(3.0)
    out = x * x
    backward(out, "x * x")
    assert_close(x.grad, 6.0, what="d(x*x)/dx at 3", mistakes={EQUALS_NOT_PLUS_EQUALS: 3.0})
    x = kata.Value(3.0)
    out = x + x
    backward(out, "x + x")
    assert_close(x.grad, 2.0, what="d(x+x)/dx", mistakes={EQUALS_NOT_PLUS_EQUALS: 1.0})
    x, y = kata.Value(3.0), kata.Value(-2.0)
    out = x * y + x
    backward(out, "x * y + x")
    assert_close(
        grads([x, y]),
        [-1.0, 3.0],
        what="[x.grad, y.grad] of x*y + x",
        mistakes={EQUALS_NOT_PLUS_EQUALS: [1.0, 3.0]},
    )


@pytest.mark.points(3)
def test_value_reverse_topological_order(kata):
    """In diamond graphs with a short and a long path, is every node finished first?

    b = 3a feeds the output directly and through (2b)·2; c = 5e likewise with the
    paths in the other order: out = (b + 4b) + (4c + c) so d out/da = 15, d out/de = 25.
    Running a node's backward step before all its consumers have run loses a path.
    """
    a, e = kata.Value(1.0), kata.Value(2.0)
    b, c = a * 3, e * 5
    out = (b + (b * 2) * 2) + ((c * 2) * 2 + c)
    backward(out, "the diamond graph")
    assert_close(out.data, 65.0, what="out.data")
    assert_close(grads([a, e]), [15.0, 25.0], what=f"[a.grad, e.grad]: {ORDER}")


@pytest.mark.points(2)
def test_value_each_node_once_on_a_lattice(kata):
    """On a graph with 2^20 paths from x to the output, is each node's step run once?

    v0 = x, v_{k+1} = v_k + v_k, twenty times: v20 = 2^20 x, d v20/dx = 2^20. A
    backward that walks every path, not every node, takes 2^20 steps (or repeats
    contributions).
    """
    x = kata.Value(1.0)
    v = x
    for _ in range(20):
        v = v + v
    backward(v, "20 doublings v = v + v")
    assert_close(x.grad, 2.0**20, what=f"x.grad: {ORDER}")


@pytest.mark.points(3)
@pytest.mark.timeout(5)
def test_value_chain_10000_operations_deep(kata):
    """Does backward work on a chain 10 000 operations deep (no recursion limit)?

    v = x, then v = v·1.0001 + 0.001, 5 000 times: dv/dx = 1.0001^5000.
    """
    x = kata.Value(0.5)
    v = x
    for _ in range(5000):
        v = v * 1.0001 + 0.001
    backward(v, "a chain of 10 000 operations")
    assert_close(x.grad, 1.0001**5000, what="x.grad at the end of the chain", rtol=1e-9)


@pytest.mark.points(2)
def test_value_gradients_accumulate(kata):
    """Do gradients add up over two backward() calls, and stay 0 off the graph?

    x is used by y1 = 3x and y2 = x²; after y1.backward() and y2.backward(), x.grad is
    3 + 2x = 7 at x = 2. A Value not in the graph keeps grad 0.
    """
    x, unrelated = kata.Value(2.0), kata.Value(5.0)
    y1 = x * 3
    backward(y1, "y1 = x * 3")
    assert_close(x.grad, 3.0, what="x.grad after y1.backward()")
    y2 = x * x
    backward(y2, "y2 = x * x")
    assert_close(
        x.grad,
        7.0,
        what="x.grad after y1.backward() and then y2.backward()",
        mistakes={"backward() resets the gradients instead of accumulating": 4.0},
    )
    assert_close(unrelated.grad, 0.0, what="the grad of a Value not in the graph")


def random_program(rng, n_leaves=3, n_ops=14):
    """A random expression DAG: each step combines earlier nodes (so nodes are shared).

    Every operation is kept from growing its inputs much, so exp never overflows and
    finite differences stay accurate.
    """
    steps = []
    for k in range(n_ops):
        pool = n_leaves + k
        op = str(rng.choice(["+", "-", "*", "/", "tanh", "exp", "log", "relu", "pow", "rsub"]))
        steps.append((op, int(rng.integers(pool)), int(rng.integers(pool))))
    return steps


def run_program(steps, leaves, kind):
    """Evaluate on Values (kind = 'value') or on floats with math (kind = 'float')."""
    nodes = list(leaves)
    for op, i, j in steps:
        a, b = nodes[i], nodes[j]
        if op == "+":
            r = a + b * 0.5
        elif op == "-":
            r = a - b * 0.5
        elif op == "*":
            r = a * (b.tanh() if kind == "value" else math.tanh(b))
        elif op == "/":
            r = a / (b * b + 1.0)
        elif op == "tanh":
            r = a.tanh() if kind == "value" else math.tanh(a)
        elif op == "exp":
            r = a.tanh().exp() if kind == "value" else math.exp(math.tanh(a))
        elif op == "log":
            r = (a * a + 1.0).log() if kind == "value" else math.log(a * a + 1.0)
        elif op == "relu":
            r = (a + 0.3).relu() if kind == "value" else max(a + 0.3, 0.0)
        elif op == "pow":
            r = (a * a + 1.0) ** 0.5
        else:
            r = 1.5 - a
        nodes.append(r)
    return sum(nodes[len(leaves) :], 0.0)


@pytest.mark.points(4)
@pytest.mark.parametrize("trial", range(4))
def test_value_random_graphs_match_finite_differences(kata, rng, trial):
    """On random expression DAGs with shared nodes, are the leaf grads the derivatives?"""
    steps = random_program(rng)
    point = rng.uniform(-1.5, 1.5, size=3)
    leaves = [kata.Value(float(p)) for p in point]
    out = run_program(steps, leaves, "value")
    if not isinstance(out, kata.Value):
        fail(f"the random expression returned {out!r}, not a Value")
    assert_close(out.data, run_program(steps, point.tolist(), "float"), what="out.data")
    backward(out, "a random expression graph")
    assert_gradient(
        grads(leaves),
        lambda p: run_program(steps, [float(t) for t in p], "float"),
        point,
        what=f"the leaf gradients ({ORDER})",
        called=f"random graph {steps}",
        h=1e-5,
    )


def test_value_operations_leave_operands_unchanged(kata):
    """Do operations return new Values and leave their operands' data alone?"""
    x, y = kata.Value(1.5), kata.Value(-0.5)
    out = value_of(kata, (x * y + x.exp() - y.tanh()) / 2, "(x * y + x.exp() - y.tanh()) / 2")
    if out is x or out is y:
        fail("an operation returned one of its operands: always return a new Value")
    assert_close(
        [x.data, y.data, x.grad, y.grad],
        [1.5, -0.5, 0.0, 0.0],
        what="[x.data, y.data, x.grad, y.grad] before backward()",
    )
