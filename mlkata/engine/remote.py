"""Calls between the checks and the code under test, which run in two processes.

The code under test runs in a *learner* process of its own
(:mod:`mlkata.engine.learner`); the grader's checks run in the kata's process and
never share memory with it, so no code under test can reach the checks' frames, the
result channel or its token. A :class:`Peer` on each side of a pair of pipes carries
every call, attribute and operator across:

- values that are data (numbers, strings, containers, NumPy arrays, scalars and
  ``Generator`` objects, NamedTuples) are copied;
- anything else (a function, a class, an object of the learner's class, a grader's
  callback or fake random generator) stays in its own process and is used through a
  :class:`Remote` proxy, so a callback the grader passes is called back across;
- what a call did to its arguments in place (an array written into, a ``Generator``
  drawn from) is copied back onto the caller's objects, and a result that *is* an
  argument, or a view of one, comes back as that argument or a view of it, so the
  grader's "unmodified input" and "returned its input" checks work as before;
- an exception crosses as its class's builtin base (``ValueError`` stays
  ``ValueError``; a learner's subclass keeps its name) with the one-line explanation
  written where the traceback is.

Data from the learner process is untrusted: it is unpickled with a fixed list of
classes (:data:`ALLOWED`), so it can describe values but never run code here.
"""

from __future__ import annotations

import collections
import inspect
import io
import marshal
import os
import pickle
import struct
import sys
import types
from collections.abc import Callable
from typing import Any

import numpy as np

HEADER = struct.Struct("!QI")  # the pickle's size, how many raw buffers follow it
SIZE = struct.Struct("!Q")  # each raw buffer's size
MAX_FRAME = 1 << 30
MAX_BUFFERS = 1 << 16
OUT_OF_BAND = 1 << 16
"""An array's data of this many bytes or more crosses out of band: written from the
array's memory and read into the new array's, never copied into a pickle."""

ALLOWED = frozenset(
    {
        ("builtins", name)
        for name in (
            "Ellipsis NotImplemented bool bytearray bytes complex dict float frozenset int "
            "list range set slice str tuple"
        ).split()
    }
    | {("collections", name) for name in ("Counter", "OrderedDict", "defaultdict", "deque")}
    | {
        (f"numpy.{core}.{module}", name)
        for core in ("core", "_core")
        for module, name in (
            ("multiarray", "_reconstruct"),
            ("multiarray", "scalar"),
            ("numeric", "_frombuffer"),
        )
    }
    | {("numpy", "dtype"), ("numpy", "ndarray")}
    | {
        ("numpy.random._pickle", "__generator_ctor"),
        ("numpy.random._pickle", "__bit_generator_ctor"),
        ("numpy.random.bit_generator", "SeedSequence"),
        ("numpy.random.bit_generator", "__pyx_unpickle_SeedSequence"),
        ("numpy.random._pcg64", "PCG64"),
        ("numpy.random._pcg64", "PCG64DXSM"),
        ("numpy.random._mt19937", "MT19937"),
        ("numpy.random._philox", "Philox"),
        ("numpy.random._sfc64", "SFC64"),
        (__name__, "_namedtuple"),
        (__name__, "_readonly"),
        (__name__, "_ref"),
        (__name__, "_arg"),
        (__name__, "_generator"),
    }
)
"""The only classes and functions a message from the learner process may name."""

_ATOMS = frozenset({type(None), bool, int, float, str, bytes})
_COPIED = frozenset(
    {
        complex,
        bytearray,
        list,
        tuple,
        dict,
        set,
        frozenset,
        slice,
        range,
        type(Ellipsis),
        type(NotImplemented),
        np.ndarray,
        np.random.Generator,
        collections.OrderedDict,
        collections.Counter,
        collections.defaultdict,
        collections.deque,
    }
)
_MUTABLE = (np.ndarray, list, dict, set, bytearray, np.random.Generator, collections.deque)
_NO_WRAPPED = "__wrapped__"


class PeerLost(Exception):
    """The other process ended, or (``broken``) sent what no peer of ours sends."""

    def __init__(self, message: str, broken: bool = False) -> None:
        super().__init__(message)
        self.broken = broken


_REQUESTS = [0]
active_watches: list = []
"""The ``forbid`` blocks now open in the grader (:func:`mlkata.grading.forbid`)."""


def in_request() -> bool:
    """Whether this process is in the middle of a request (a time limit waits for its end)."""
    return _REQUESTS[0] > 0


# -- framing --------------------------------------------------------------------------


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


# -- values ---------------------------------------------------------------------------


_NAMEDTUPLES: dict[tuple[str, tuple[str, ...]], type] = {}


def _namedtuple(typename: str, fields: tuple[str, ...], values: tuple) -> tuple:
    """Rebuild a NamedTuple of the other side's class as one with the same fields."""
    key = (str(typename), tuple(str(f) for f in fields))
    kind = _NAMEDTUPLES.get(key)
    if kind is None:
        name = typename if str(typename).isidentifier() else "Result"
        kind = collections.namedtuple(name, key[1], rename=True)  # type: ignore[misc]
        _NAMEDTUPLES[key] = kind
    return kind(*values)


def _readonly(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def _is_namedtuple(obj: Any) -> bool:
    kind = type(obj)
    return kind is not tuple and isinstance(obj, tuple) and hasattr(kind, "_fields")


def copied(obj: Any) -> bool:
    """Whether ``obj`` crosses by value (else it is used through a proxy)."""
    kind = type(obj)
    return (
        kind in _ATOMS
        or kind in _COPIED
        or isinstance(obj, (np.generic, np.dtype, np.random.BitGenerator))
        or _is_namedtuple(obj)
    )


class _Aliases:
    """The arrays and generators among a call's arguments, by identity, with their paths."""

    def __init__(self, args: tuple, kwargs: dict) -> None:
        self.paths: dict[int, tuple] = {}
        self.arrays: list[tuple[np.ndarray, tuple]] = []
        for index, value in enumerate(args):
            self._walk(value, ("a", index))
        for name, value in kwargs.items():
            self._walk(value, ("k", name))

    def _walk(self, value: Any, path: tuple, depth: int = 0) -> None:
        kind = type(value)
        if kind is np.ndarray:
            self.paths.setdefault(id(value), path)
            if value.dtype != object:
                self.arrays.append((value, path))
        elif kind is np.random.Generator:
            self.paths.setdefault(id(value), path)
        elif depth < 4 and isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                self._walk(item, (*path, index), depth + 1)
        elif depth < 4 and isinstance(value, dict):
            for key, item in value.items():
                if type(key) in _ATOMS:
                    self._walk(item, (*path, key), depth + 1)

    def view_of(self, array: np.ndarray) -> tuple | None:
        """How to rebuild ``array`` as a view of an argument, if it is one."""
        for base, path in self.arrays:
            if np.may_share_memory(array, base) and np.shares_memory(array, base):
                start = base.__array_interface__["data"][0]
                offset = array.__array_interface__["data"][0] - start
                layout = (offset, array.shape, array.strides, array.dtype.str, base.strides)
                return path, layout, np.array(array)  # the data, where no view can be made
        return None


def _follow(call: tuple, path: tuple) -> Any:
    args, kwargs = call
    (where, key), rest = path[:2], path[2:]
    value = args[key] if where == "a" else kwargs[key]
    for step in rest:
        value = value[step]
    return value


def _view_into(original: np.ndarray, layout: tuple) -> np.ndarray | None:
    offset, shape, strides, dtype, base_strides = layout
    if original.strides != tuple(base_strides):
        return None
    root = original
    while isinstance(root.base, np.ndarray):
        root = root.base
    try:
        start = original.__array_interface__["data"][0] - root.__array_interface__["data"][0]
        return np.ndarray(
            tuple(shape), np.dtype(dtype), buffer=root, offset=start + offset, strides=strides
        )
    except (TypeError, ValueError, BufferError):
        return None


def restore(original: Any, new: Any) -> Any:
    """Make ``original`` hold ``new`` in place, where it can; what the caller now has."""
    if isinstance(original, np.ndarray) and isinstance(new, np.ndarray):
        if original.shape == new.shape and original.flags.writeable:
            try:
                original[...] = new
                return original
            except (TypeError, ValueError):
                return new
        return new
    if isinstance(original, list) and isinstance(new, list):
        if len(original) == len(new):
            for index, item in enumerate(new):
                original[index] = restore(original[index], item)
        else:
            original[:] = new
        return original
    if isinstance(original, dict) and isinstance(new, dict):
        for key in [k for k in original if k not in new]:
            del original[key]
        for key, item in new.items():
            original[key] = restore(original[key], item) if key in original else item
        return original
    if isinstance(original, set) and isinstance(new, set):
        original.clear()
        original.update(new)
        return original
    if isinstance(original, (bytearray, collections.deque)) and type(original) is type(new):
        original.clear()
        original.extend(new)
        return original
    return new


# -- pickling across --------------------------------------------------------------------

_DECODING: list[tuple[Peer, tuple | None]] = []
"""The peer reading a message, and the call its reply belongs to (innermost last)."""

_BIT_GENERATORS = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")
_GENERATORS: dict[int, np.random.Generator] = {}


def _ref(tag: str, ref: int, info: Any) -> Any:
    """An object of the sender (a new proxy) or of ours (coming back)."""
    peer, _ = _DECODING[-1]
    if tag == "mine":
        return peer.proxy(int(ref), info if isinstance(info, dict) else {})
    if tag == "yours":
        return peer.local(int(ref))
    raise pickle.UnpicklingError("bad reference")


def _arg(path: tuple, layout: tuple | None, data: Any) -> Any:
    """An argument of the call this reply answers (or a view into one)."""
    _, call = _DECODING[-1]
    if call is None:
        raise pickle.UnpicklingError("an argument outside a call")
    original = _follow(call, path)
    if layout is None:
        return original
    view = _view_into(original, layout) if isinstance(original, np.ndarray) else None
    return view if view is not None else data


def _generator(key: int | None, state: dict) -> np.random.Generator:
    """A ``Generator`` with this state: the same object each time the caller's comes."""
    found = _GENERATORS.get(key) if key is not None else None
    if found is None:
        name = state.get("bit_generator") if isinstance(state, dict) else None
        if name not in _BIT_GENERATORS:
            raise pickle.UnpicklingError("not a NumPy bit generator")
        found = np.random.Generator(getattr(np.random, name)(0))
        if key is not None:
            _GENERATORS[key] = found
    found.bit_generator.state = state
    return found


class Portable:
    """A grader's pure function that runs where it is called (see :func:`portable`)."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[..., Any]) -> None:
        self.func = func

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.func(*args, **kwargs)

    @property
    def __name__(self) -> str:  # noqa: A003 - describe_call names it
        return getattr(self.func, "__name__", "function")

    @property
    def __signature__(self) -> inspect.Signature:
        return inspect.signature(self.func)


PORTABLE_GLOBALS = ("np", "numpy", "math")


def _code_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def portable(func: Callable[..., Any]) -> Portable:
    """Mark a grader's callback as pure, so the code under test calls it in its own
    process instead of across the pipe (a function called thousands of times).

    It may use its arguments, the values it closes over (copied), ``np``/``numpy``,
    ``math`` and builtins only: what it records or changes stays in the learner
    process, so a spy that counts calls must not be portable.
    """
    code = getattr(func, "__code__", None)
    if code is None:
        raise TypeError(f"portable() takes a Python function, not {type(func).__name__}")
    namespace = getattr(func, "__globals__", {})
    strays = sorted(n for n in _code_names(code) if n in namespace and n not in PORTABLE_GLOBALS)
    strays = [n for n in strays if not isinstance(namespace[n], types.ModuleType)]
    if strays:
        raise TypeError(
            f"portable {func.__name__} uses the grader's {', '.join(strays)}: a portable "
            "function may use its arguments, what it closes over, np, math and builtins"
        )
    return Portable(func)


def _rebuild_portable(code: bytes, cells: tuple, defaults: Any, name: str) -> Callable:
    """The learner process's copy of a :class:`Portable` function (trusted data only)."""
    import builtins
    import math

    namespace = {"np": np, "numpy": np, "math": math, "__builtins__": builtins}
    closure = tuple(types.CellType(value) for value in cells) or None
    return types.FunctionType(marshal.loads(code), namespace, name, defaults, closure)


def _library_function(obj: Any) -> bool:
    """A function of NumPy, ``math`` or the builtins, found again under its name."""
    if isinstance(obj, np.ufunc):
        return True
    module = getattr(obj, "__module__", None)
    if not isinstance(module, str) or not (
        module in ("math", "builtins", "numpy") or module.startswith("numpy.")
    ):
        return False
    name = getattr(obj, "__qualname__", None)
    owner = sys.modules.get(module)
    return isinstance(name, str) and "." not in name and getattr(owner, name, None) is obj


def _allowed_global(obj: Any) -> bool:
    """A class or function pickling names to rebuild a value (``numpy.ndarray``)."""
    if not callable(obj):
        return False
    name = (getattr(obj, "__module__", None), getattr(obj, "__qualname__", None))
    return name in ALLOWED


class _Encoder(pickle.Pickler):
    """Pickles values; everything else as a reference (see the module docstring).

    Only ``reducer_override`` is used: pickle skips it for ``None``, numbers, strings
    and exact containers, which keeps a message of plain data fast.
    """

    def __init__(
        self,
        file: io.BytesIO,
        peer: Peer,
        aliases: _Aliases | None,
        buffer_callback: Callable[[pickle.PickleBuffer], bool] | None = None,
    ) -> None:
        super().__init__(file, protocol=5, buffer_callback=buffer_callback)
        self.peer = peer
        self.aliases = aliases

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if not self.peer.trusting:  # the checks' side, sending to the learner process
            if kind is Portable:
                func = obj.func
                cells = tuple(cell.cell_contents for cell in func.__closure__ or ())
                code = marshal.dumps(func.__code__)
                return (_rebuild_portable, (code, cells, func.__defaults__, func.__name__))
            if _library_function(obj):
                return NotImplemented  # by name: np.mean runs there, not across
        if isinstance(obj, Remote):
            if obj._peer is self.peer:
                return (_ref, ("yours", obj._ref, None))
            return (_ref, ("mine", self.peer.keep(obj), _describe(obj)))
        if self.aliases is not None and (kind is np.ndarray or kind is np.random.Generator):
            path = self.aliases.paths.get(id(obj))
            if path is not None:
                return (_arg, (path, None, None))
            if kind is np.ndarray and obj.dtype != object:
                view = self.aliases.view_of(obj)
                if view is not None:
                    return (_arg, view)
        if kind is np.random.Generator:
            key = None if self.peer.trusting else id(obj)
            return (_generator, (key, obj.bit_generator.state))
        if kind is np.ndarray:
            if not obj.flags.writeable:
                return (_readonly, (np.array(obj),))
            return NotImplemented
        if kind in _COPIED or kind is pickle.PickleBuffer or kind in _ATOMS:
            return NotImplemented
        if _is_namedtuple(obj):
            return (_namedtuple, (kind.__name__, tuple(kind._fields), tuple(obj)))
        if isinstance(obj, (np.generic, np.dtype, np.random.BitGenerator)):
            return NotImplemented
        if _allowed_global(obj) or obj is _rebuild_portable:
            return NotImplemented
        return (_ref, ("mine", self.peer.keep(obj), _describe(obj)))


class _Decoder(pickle.Unpickler):
    def __init__(self, data: bytes, peer: Peer, raw: list | None = None) -> None:
        super().__init__(io.BytesIO(data), buffers=raw)
        self.peer = peer

    def find_class(self, module: str, name: str) -> Any:
        if self.peer.trusting or (module, name) in ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"the code under test sent a {module}.{name}")


def _describe(obj: Any) -> dict:
    """What a proxy can answer without asking: its type, name, kind."""
    kind = type(obj)
    info = {
        "type": kind.__name__,
        "callable": callable(obj),
        "class": isinstance(obj, type),
        "name": None,
        "wrapped": False,
    }
    try:
        name = obj.__name__ if isinstance(obj, type) else getattr(obj, "__name__", None)
        info["name"] = name if isinstance(name, str) else None
        info["wrapped"] = info["callable"] and hasattr(obj, _NO_WRAPPED)
    except Exception:  # noqa: BLE001 - the object's own __getattr__ may fail
        pass
    return info


# -- exceptions -----------------------------------------------------------------------


def exception_info(exc: BaseException, reason: str | None) -> dict:
    """What crosses for an exception: its classes' names, arguments and explanation."""
    names = [(k.__module__, k.__qualname__) for k in type(exc).__mro__]
    plain = all(type(a) in _ATOMS for a in exc.args)
    info = {
        "classes": names,
        "args": exc.args if plain else (_safe_str(exc),),
        "text": _safe_str(exc),
        "reason": reason,
        "origin": getattr(exc, "_mlkata_origin", None),
    }
    limit = getattr(exc, "limit", None)
    if type(exc).__name__ == "OutOfTime" and type(exc).__module__ == "mlkata.engine.checks":
        info["out_of_time"] = (float(limit), bool(getattr(exc, "importing", False)))
    return info


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - a broken __str__ of the code under test
        return type(exc).__name__


_EXCEPTION_CLASSES: dict[tuple, type] = {}


def _known_exception(module: str, qualname: str) -> type | None:
    if module != "builtins" and not (module == "numpy" or module.startswith("numpy.")):
        return None
    owner = sys.modules.get(module)
    found = getattr(owner, qualname, None) if owner is not None and "." not in qualname else None
    return found if isinstance(found, type) and issubclass(found, BaseException) else None


def rebuild_exception(info: dict) -> BaseException:
    """An exception of the nearest known class, named as the other side's was."""
    classes = [tuple(c) for c in info.get("classes", [])] or [("builtins", "Exception")]
    base = next((k for k in map(lambda c: _known_exception(*c), classes) if k), Exception)
    module, qualname = classes[0]
    kind = base
    if _known_exception(module, qualname) is not base:
        key = (module, qualname, base)
        kind = _EXCEPTION_CLASSES.get(key)
        if kind is None:
            text_of = lambda self: self.__dict__.get("_mlkata_text") or base.__str__(self)  # noqa: E731
            name = qualname.rsplit(".", 1)[-1]
            name = name if name.isidentifier() else "Error"
            kind = type(name, (base,), {"__module__": module, "__str__": text_of})
            _EXCEPTION_CLASSES[key] = kind
    args = tuple(info.get("args", ()))
    try:
        exc = kind(*args)
    except Exception:  # noqa: BLE001 - a class whose constructor wants other arguments
        exc = kind.__new__(kind)
        exc.args = args
    if kind is not base:
        exc._mlkata_text = info.get("text", "")
    if info.get("reason"):
        exc.mlkata_reason = info["reason"]
    return exc


# -- the peer -------------------------------------------------------------------------


class Peer:
    """One end of the line: sends requests, answers the other end's, keeps references.

    ``trusting``: whether messages are unpickled without restriction (the learner
    process trusts the checks; the checks never trust the learner process).
    ``serve(kind, body)``: answers a request of a kind this end handles itself
    (``import`` in the learner process); generic kinds are answered here.
    """

    def __init__(self, read_fd: int, write_fd: int, trusting: bool) -> None:
        self.read_fd = read_fd
        self.write_fd = write_fd
        self.trusting = trusting
        self._kept: dict[int, Any] = {}
        self._proxies: dict[int, Remote] = {}
        self.handlers: dict[str, Callable[..., Any]] = {}
        self.before_call: Callable[[dict], Any] | None = None
        self.after_call: Callable[[Any, dict], None] | None = None
        self.context: Callable[[], dict] | None = None
        self.on_reply: Callable[[dict], None] | None = None
        self.annotate: Callable[[str, dict], None] | None = None
        self.requests = 0
        self._buffer = bytearray()
        self._reader = io.FileIO(read_fd, "rb", closefd=False)
        self.explain: Callable[[BaseException], str | None] = lambda exc: None
        self.lost: Callable[[PeerLost], Any] | None = None

    # references -------------------------------------------------------------------

    def keep(self, obj: Any) -> int:
        self._kept[id(obj)] = obj
        return id(obj)

    def local(self, ref: int) -> Any:
        try:
            return self._kept[ref]
        except KeyError:
            raise pickle.UnpicklingError("a reference to nothing") from None

    def proxy(self, ref: int, info: dict) -> Remote:
        found = self._proxies.get(ref)
        if found is None:
            found = _proxy_class(str(info.get("type", "object")), bool(info.get("class")))(
                self, ref, info
            )
            self._proxies[ref] = found
        return found

    # messages ---------------------------------------------------------------------

    def _encode(
        self, message: Any, aliases: _Aliases | None = None, raw: list | None = None
    ) -> bytes:
        """``message`` pickled; with ``raw``, large arrays' data go there, out of band."""

        def out_of_band(buffer: pickle.PickleBuffer) -> bool:
            memory = buffer.raw()
            if memory.nbytes < OUT_OF_BAND:
                return True  # in the pickle
            raw.append(memory)
            return False

        stream = io.BytesIO()
        _Encoder(stream, self, aliases, out_of_band if raw is not None else None).dump(message)
        return stream.getvalue()

    def _send(self, message: tuple, aliases: _Aliases | None = None) -> None:
        """One frame: header, the raw buffers' sizes, the pickle, the raw buffers."""
        raw: list[memoryview] = []
        data = self._encode(message, aliases, raw)
        head = HEADER.pack(len(data), len(raw)) + b"".join(SIZE.pack(m.nbytes) for m in raw)
        try:
            _write_all(self.write_fd, head + data)
            for memory in raw:
                _write_all(self.write_fd, memory)
        except OSError as exc:
            raise PeerLost(str(exc)) from None

    def _receive(self) -> tuple[bytes, list[bytearray]]:
        """The next frame's pickle and raw buffers, each buffer read straight into the
        memory its array will use."""
        size, count = HEADER.unpack(self._take(HEADER.size))
        if count > MAX_BUFFERS:
            raise PeerLost("a message in too many parts", broken=True)
        sizes = [SIZE.unpack(self._take(SIZE.size))[0] for _ in range(count)]
        if size + sum(sizes) > MAX_FRAME:
            raise PeerLost("a message too large", broken=True)
        data = self._take(size)
        return data, [self._take_into(bytearray(n)) for n in sizes]

    def _take(self, size: int) -> bytes:
        buffer = self._buffer
        while len(buffer) < size:
            self._fill(size - len(buffer))
        data = bytes(buffer[:size])
        del buffer[:size]
        return data

    def _take_into(self, target: bytearray) -> bytearray:
        view = memoryview(target)
        have = min(len(self._buffer), len(target))
        view[:have] = self._buffer[:have]
        del self._buffer[:have]
        while have < len(target):
            try:
                got = self._reader.readinto(view[have:])
            except OSError as exc:
                raise PeerLost(str(exc)) from None
            if not got:
                raise PeerLost("the other process ended")
            have += got
        return target

    def _fill(self, wanted: int = 0) -> None:
        try:
            chunk = os.read(self.read_fd, min(max(wanted, 1 << 16), 1 << 20))
        except OSError as exc:
            raise PeerLost(str(exc)) from None
        if not chunk:
            raise PeerLost("the other process ended")
        self._buffer += chunk

    def _decode(self, data: bytes, call: tuple | None = None, raw: list | None = None) -> Any:
        _DECODING.append((self, call))
        try:
            return _Decoder(data, self, raw).load()
        except PeerLost:
            raise
        except Exception as exc:  # noqa: BLE001 - a malformed or forbidden message
            raise PeerLost(f"a message could not be read ({exc})", broken=True) from None
        finally:
            _DECODING.pop()

    def request(self, kind: str, *body: Any, call: tuple | None = None) -> Any:
        """Send a request; answer the other side's requests until the reply comes."""
        _REQUESTS[0] += 1
        self.requests += 1
        try:
            self._send(("request", kind, *body))
            while True:
                data, raw = self._receive()
                head = self._decode(data, call, raw)
                if not isinstance(head, tuple) or not head:
                    raise PeerLost("a message that is not one", broken=True)
                if head[0] == "request":
                    self._answer(head[1], head[2:])
                    continue
                if head[0] == "reply" and len(head) == 4:
                    self._apply_changes(head[2], call)
                    break
                raise PeerLost(f"an unknown message {head[0]!r}", broken=True)
        except PeerLost as exc:
            if self.lost is not None:
                self.lost(exc)
            raise
        finally:
            _REQUESTS[0] -= 1
        return self._outcome(head[1], head[3])

    def _apply_changes(self, meta: Any, call: tuple | None) -> None:
        """What the call did to its arguments, done to the caller's objects."""
        if not isinstance(meta, dict):
            raise PeerLost("a reply without its details", broken=True)
        if self.on_reply is not None:
            self.on_reply(meta)
        if call is None:
            return
        try:
            for where, kind, payload in meta.get("changed", ()):
                original = _follow(call, where)
                if kind == "state" and type(original) is np.random.Generator:
                    original.bit_generator.state = payload
                elif kind == "blob":
                    restore(original, self._decode(payload))
                else:
                    restore(original, payload)
        except (TypeError, ValueError, KeyError, IndexError) as exc:
            raise PeerLost(f"a change that cannot be made ({exc})", broken=True) from None

    def _outcome(self, status: Any, value: Any) -> Any:
        if status == "ok":
            return value
        if status == "raise" and isinstance(value, dict):
            origin = value.get("origin")
            if isinstance(self._kept.get(origin), BaseException):
                raise self._kept[origin]  # this side's own exception, back from a callback
            if "out_of_time" in value:
                from mlkata.engine.checks import OutOfTime

                limit, importing = value["out_of_time"]
                raise OutOfTime(float(limit), bool(importing))
            exc = rebuild_exception(value)
            if origin is not None:
                exc._mlkata_origin = origin
            raise exc
        lost = PeerLost("a reply of an unknown kind", broken=True)
        if self.lost is not None:
            self.lost(lost)
        raise lost

    def serve_forever(self) -> None:
        """Answer requests until the other side goes."""
        while True:
            try:
                data, raw = self._receive()
                head = self._decode(data, None, raw)
            except PeerLost:
                return
            if isinstance(head, tuple) and head[:1] == ("request",):
                self._answer(head[1], head[2:])

    def _answer(self, kind: str, body: tuple) -> None:
        meta: dict = {}
        aliases = None
        try:
            if kind == "call":
                ref, args, kwargs, context = body
                aliases = _Aliases(args, kwargs)
                before = self._snapshot(args, kwargs)
                state = self.before_call(context) if self.before_call is not None else None
                try:
                    value = self.local(ref)(*args, **kwargs)
                finally:
                    if self.after_call is not None:
                        self.after_call(state, meta)
                    changed = self._changes(before)
                    if changed:
                        meta["changed"] = changed
            elif kind == "op":
                ref, name, args, context = body
                state = self.before_call(context) if self.before_call is not None else None
                try:
                    value = _apply(self.local(ref), name, args)
                finally:
                    if self.after_call is not None:
                        self.after_call(state, meta)
            elif kind in self.handlers:
                value = self.handlers[kind](*body)
            else:
                raise PeerLost(f"an unknown request {kind!r}", broken=True)
        except PeerLost:
            raise
        except BaseException as exc:  # noqa: BLE001 - every outcome crosses back
            info = exception_info(exc, self.explain(exc))
            if not self.trusting:  # the checks' own exception: kept, to raise it again
                info["origin"] = self.keep(exc)
            if self.annotate is not None:
                self.annotate(kind, meta)
            self._send(("reply", "raise", meta, info))
            return
        if self.annotate is not None:
            self.annotate(kind, meta)
        self._send(("reply", "ok", meta, value), aliases)

    def _snapshot(self, args: tuple, kwargs: dict) -> list:
        found = []
        for where, value in [(("a", i), v) for i, v in enumerate(args)] + [
            (("k", k), v) for k, v in kwargs.items()
        ]:
            kind = type(value)
            if kind is np.ndarray and value.dtype != object:
                found.append((where, value, "array", value.tobytes(), value.shape))
            elif kind is np.random.Generator:
                found.append((where, value, "state", value.bit_generator.state, None))
            elif isinstance(value, _MUTABLE):
                found.append((where, value, "blob", self._encode(value), None))
        return found

    def _changes(self, before: list) -> list:
        changed = []
        for where, value, kind, snapshot, shape in before:
            if kind == "array":
                if value.shape != shape or value.tobytes() != snapshot:
                    changed.append((where, kind, np.array(value)))
            elif kind == "state":
                state = value.bit_generator.state
                if state != snapshot:
                    changed.append((where, kind, state))
            else:
                after = self._encode(value)
                if after != snapshot:
                    changed.append((where, kind, after))
        return changed

    # the proxy's requests ---------------------------------------------------------

    def call(self, ref: int, args: tuple, kwargs: dict) -> Any:
        context = self.context() if self.context is not None else {}
        return self.request("call", ref, args, kwargs, context, call=(args, kwargs))

    def op(self, ref: int, name: str, args: tuple) -> Any:
        """``name`` applied to the other side's object (an operator, ``getattr``,
        ``len``...): its code runs under the same context as a call's."""
        context = self.context() if self.context is not None else {}
        return self.request("op", ref, name, args, context)


def _apply(target: Any, name: str, args: tuple) -> Any:
    if name == "getattr":
        return getattr(target, args[0])
    if name == "setattr":
        setattr(target, args[0], args[1])
        return None
    if name == "delattr":
        delattr(target, args[0])
        return None
    if name == "isinstance":
        return isinstance(args[0], target)
    if name == "issubclass":
        return isinstance(args[0], type) and issubclass(args[0], target)
    if name == "signature":
        signature = inspect.signature(target)
        return [
            (p.name, int(p.kind), p.default is inspect.Parameter.empty, _plain_default(p.default))
            for p in signature.parameters.values()
        ]
    if name == "iter":
        return iter(target)
    if name == "next":
        return next(target)
    if name == "repr":
        return repr(target)
    if name == "str":
        return str(target)
    if name == "hash":
        return hash(target)
    if name == "bool":
        return bool(target)
    if name == "len":
        return len(target)
    if not (name.startswith("__") and name.endswith("__")):
        raise AttributeError(name)
    method = getattr(type(target), name, None)
    if method is None:
        return NotImplemented
    return method(target, *args)


def _plain_default(value: Any) -> Any:
    return None if value is inspect.Parameter.empty else value


# -- the proxy ------------------------------------------------------------------------


class Remote:
    """An object that lives in the other process; every use is a request there."""

    __slots__ = ("_peer", "_ref", "_info", "_signature", "_functions")

    def __init__(self, peer: Peer, ref: int, info: dict) -> None:
        object.__setattr__(self, "_peer", peer)
        object.__setattr__(self, "_ref", ref)
        object.__setattr__(self, "_info", info)
        object.__setattr__(self, "_signature", None)
        # A module's functions and classes, once looked up (the grader asks often).
        object.__setattr__(self, "_functions", {} if info.get("type") == "module" else None)

    def _op(self, name: str, *args: Any) -> Any:
        return self._peer.op(self._ref, name, args)

    def __getattr__(self, name: str) -> Any:
        if name == "__name__" and self._info.get("name") is not None:
            return self._info["name"]
        if name == _NO_WRAPPED and not self._info.get("wrapped"):
            raise AttributeError(name)
        if name.startswith("__") and name.endswith("__") and name not in _REMOTE_DUNDERS:
            raise AttributeError(name)
        functions = self._functions
        if functions is not None and name in functions:
            return functions[name]
        value = self._op("getattr", name)
        if functions is not None and isinstance(value, Remote) and value._info.get("callable"):
            functions[name] = value
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        if self._functions is not None:
            self._functions.pop(name, None)
        self._op("setattr", name, value)

    def __delattr__(self, name: str) -> None:
        self._op("delattr", name)

    @property
    def __signature__(self) -> inspect.Signature:
        if self._signature is None:
            described = self._op("signature")
            parameters = [
                inspect.Parameter(
                    name,
                    inspect._ParameterKind(kind),
                    default=inspect.Parameter.empty if empty else default,
                )
                for name, kind, empty, default in described
            ]
            object.__setattr__(self, "_signature", inspect.Signature(parameters))
        return self._signature

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._peer.call(self._ref, args, kwargs)

    def __instancecheck__(self, instance: Any) -> bool:
        return (
            isinstance(instance, Remote)
            and instance._peer is self._peer
            and bool(self._op("isinstance", instance))
        )

    def __subclasscheck__(self, subclass: Any) -> bool:
        return isinstance(subclass, Remote) and bool(self._op("issubclass", subclass))

    def __reduce__(self) -> Any:
        raise TypeError("a proxy of the other process cannot be pickled")


_REMOTE_DUNDERS = frozenset({"__doc__", "__dict__", "__self__", "__func__", "__qualname__"})
_FORWARDED = (
    "add radd sub rsub mul rmul truediv rtruediv floordiv rfloordiv mod rmod pow rpow "
    "matmul rmatmul neg pos abs invert eq ne lt le gt ge getitem setitem delitem contains "
    "float int index complex round enter exit"
).split()


_BUILTIN_FORWARDED = "repr str hash bool len iter next".split()
"""Special methods the other side answers with the builtin of that name (``repr(x)``)."""


def _forward(name: str, op: str) -> Callable[..., Any]:
    def method(self: Remote, *args: Any) -> Any:
        return self._op(op, *args)

    method.__name__ = f"__{name}__"
    return method


for _name in _FORWARDED:
    setattr(Remote, f"__{_name}__", _forward(_name, f"__{_name}__"))
for _name in _BUILTIN_FORWARDED:
    setattr(Remote, f"__{_name}__", _forward(_name, _name))

_PROXY_CLASSES: dict[tuple[str, bool], type] = {}


def _proxy_class(type_name: str, is_class: bool) -> type:
    """A subclass of :class:`Remote` named as the remote object's type, for messages."""
    key = (type_name, is_class)
    found = _PROXY_CLASSES.get(key)
    if found is None:
        name = type_name if type_name.isidentifier() else "Remote"
        found = type(name, (Remote,), {"__slots__": (), "__module__": "remote"})
        _PROXY_CLASSES[key] = found
    return found
