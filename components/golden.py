#!/usr/bin/env python3
# Requires Python 3.11 and wasmtime==50.0.1 (pip install wasmtime==50.0.1).
"""Golden invocations of the wasmsh component fixtures, computed by wasmtime.

Calls every case below with wasmtime-py and prints expected/invocations.tsv:

    COMPONENT <TAB> CALL-EXPRESSION <TAB> EXPECTED-RESULT

CALL-EXPRESSION is `func(ARGS)` when `func` names one export function of the
component, else `iface.func(ARGS)` with the short interface name (`echo`,
`via-host`). ARGS and EXPECTED-RESULT are WAVE, written the way
`wasmtime run --invoke` prints values; a function without a result has an
empty EXPECTED-RESULT. The lines of one component run in order in one instance.
Resource handles are named: EXPECTED-RESULT `$a` binds the returned handle to
`$a`, an argument `$a` passes it (an owned parameter moves it, a borrowed one
lends it), and CALL-EXPRESSION `drop $a` drops it from the host side.

With --traps FILE, also writes the calls that must trap, one line each:
COMPONENT <TAB> CALL-EXPRESSION <TAB> wasmtime's trap message (each runs in a
fresh store; `forever()` runs out of a fuel budget).

Hosts (what a test of another runtime must provide to get the same results):
  - values, test:values/host: every function returns its argument.
  - strings-*, test:strings/host.transform: returns its argument reversed by
    Unicode scalar values.
  - malicious, sandbox:skill/filesystem.read-file: err("Permission denied:
    component 'malicious' does not have filesystem capability").
  - trusted, read-file("./demo.txt"): ok(the contents of demo.txt).
  - busy, read-file: ok("x") for "./demo.txt", err("denied") otherwise.
  - debug, debug-optimized, debug-dwarf5, read-file: ok(the contents of demo.txt) for
    "./demo.txt", err("denied") otherwise.

Besides recording results, the script checks them: echoes must return their
argument, computed functions must match a Python model of them, and every float
it writes must equal what Rust's Display prints (read from `wasm-tools print`).
"""
import argparse
import decimal
import fractions
import math
import re
import struct
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from typing import Any

import wasmtime
from wasmtime import component as cm


# --- values ------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """A variant, option or result value: case name and payload (None when it has none)."""
    name: str
    payload: Any = None


NONE = Case("none")


def some(value):
    return Case("some", value)


def ok(value=None):
    return Case("ok", value)


def err(value=None):
    return Case("err", value)


@dataclass(frozen=True)
class Handle:
    """A resource handle named in the TSV (`$name`)."""
    name: str


# --- WAVE writer ---------------------------------------------------------------
WAVE_KEYWORDS = {"true", "false", "some", "none", "ok", "err", "inf", "nan"}


def label(name):
    """Enum and variant case names that are WAVE keywords get a `%` prefix."""
    return "%" + name if name in WAVE_KEYWORDS else name


class FloatFormat:
    """An IEEE binary format: struct code, bit width and exponent mask."""

    def __init__(self, code, bits, exponent_mask):
        self.code, self.bits, self.exponent_mask = code, bits, exponent_mask
        self.uint = {32: "<I", 64: "<Q"}[bits]

    def round(self, value):
        return struct.unpack(self.code, struct.pack(self.code, value))[0]

    def to_bits(self, value):
        return struct.unpack(self.uint, struct.pack(self.code, value))[0]

    def from_bits(self, bits):
        return struct.unpack(self.code, struct.pack(self.uint, bits))[0]


F32 = FloatFormat("<f", 32, 0x7F800000)
F64 = FloatFormat("<d", 64, 0x7FF0000000000000)

# Every finite nonzero float written, for the cross-check against Rust (check_floats_with_rust).
FLOATS_WRITTEN = []


def rounding_interval(fmt, magnitude):
    """The exact values (Fractions) that round to `magnitude`, and whether its ends do too."""
    bits = fmt.to_bits(magnitude)
    here = fractions.Fraction(magnitude)
    below = fractions.Fraction(fmt.from_bits(bits - 1))
    above = fractions.Fraction(fmt.from_bits(bits + 1)) if bits + 1 < fmt.exponent_mask else here + (here - below)
    inclusive = bits % 2 == 0  # round-half-to-even gives a tie to an even mantissa
    return (here + below) / 2, (here + above) / 2, inclusive


def float_text(fmt, value):
    """Rust's Display for f32/f64 (core::fmt's flt2dec): the fewest significant digits
    that read back as the same float, the closest such digits, a tie going to the larger
    magnitude (Dragon's rule); positional notation, never an exponent; `-0` keeps its sign.
    wasm-wave prints NaN as `nan` and the infinities as `inf` and `-inf`."""
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    negative = math.copysign(1.0, value) < 0
    magnitude = abs(value)
    if magnitude == 0:
        return "-0" if negative else "0"
    low, high, inclusive = rounding_interval(fmt, magnitude)
    text = shortest_digits(magnitude, low, high, inclusive, negative)
    FLOATS_WRITTEN.append((fmt, value, text))
    return text


def shortest_digits(magnitude, low, high, inclusive, negative):
    """Positional text of the shortest decimal in the rounding interval (see float_text)."""
    exact = fractions.Fraction(magnitude)
    for count in range(1, 18):
        # The nearest `count`-digit decimal and its neighbours, in increasing order.
        _, digits, exponent = decimal.Decimal(f"{magnitude:.{count - 1}e}").as_tuple()
        nearest = int("".join(map(str, digits)))
        best = None
        for candidate in (nearest - 1, nearest, nearest + 1):
            if len(str(candidate)) != count:
                continue
            as_fraction = fractions.Fraction(candidate) * fractions.Fraction(10) ** exponent
            inside = (low <= as_fraction <= high) if inclusive else (low < as_fraction < high)
            if not inside:
                continue
            distance = abs(as_fraction - exact)
            if best is None or distance <= best[0]:  # `<=`: a tie goes to the larger
                best = (distance, candidate)
        if best is not None:
            sign = "-" if negative else ""
            return format(decimal.Decimal(f"{sign}{best[1]}E{exponent}").normalize(), "f")
    raise AssertionError(f"no shortest form for {magnitude!r}")


def f32_round(value):
    """The f32 nearest to `value`, as a Python float."""
    return F32.round(value)


def is_grapheme_extend(ch):
    # Grapheme_Extend is Mn + Me + a few others; the cases used here are Mn/Me and ZWNJ.
    return unicodedata.category(ch) in ("Mn", "Me") or ch == "\u200c"


def is_printable(ch):
    # Rust's core::unicode::printable: not Cc, Cf, Cs, Co, Cn, Zl, Zp, or Zs other than ' '.
    category = unicodedata.category(ch)
    if ch == " ":
        return True
    return category not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs")


def char_text(ch):
    """One character inside a WAVE char or string literal (wasm-wave's write_char)."""
    if ch in "\\\"'\t\r\n":
        return {"\\": "\\\\", '"': '\\"', "'": "\\'", "\t": "\\t", "\r": "\\r", "\n": "\\n"}[ch]
    if unicodedata.category(ch) == "Cc" or not is_printable(ch) or is_grapheme_extend(ch):
        return "\\u{%x}" % ord(ch)  # Rust's escape_unicode / escape_debug form
    return ch


def wave(ty, value):
    """WAVE text of an abstract value of the wasmtime-py type `ty`."""
    if isinstance(ty, cm.Bool):
        return "true" if value else "false"
    if isinstance(ty, (cm.S8, cm.S16, cm.S32, cm.S64, cm.U8, cm.U16, cm.U32, cm.U64)):
        return str(value)
    if isinstance(ty, cm.F32):
        return float_text(F32, F32.round(value))
    if isinstance(ty, cm.F64):
        return float_text(F64, value)
    if isinstance(ty, cm.Char):
        return "'" + char_text(value) + "'"
    if isinstance(ty, cm.String):
        return '"' + "".join(char_text(ch) for ch in value) + '"'
    if isinstance(ty, cm.ListType):
        return "[" + ", ".join(wave(ty.element, item) for item in value) + "]"
    if isinstance(ty, cm.TupleType):
        return "(" + ", ".join(wave(t, item) for t, item in zip(ty.elements, value)) + ")"
    if isinstance(ty, cm.RecordType):
        parts = []
        for name, field_ty in ty.fields:
            field = value.get(name, NONE)
            if isinstance(field_ty, cm.OptionType) and field == NONE:
                continue  # wasm-wave leaves out fields that are `none`
            parts.append(f"{name}: {wave(field_ty, field)}")
        return "{" + ", ".join(parts) + "}" if parts else "{:}"
    if isinstance(ty, cm.FlagsType):
        return "{" + ", ".join(name for name in ty.names if name in value) + "}"
    if isinstance(ty, cm.EnumType):
        return label(value)
    if isinstance(ty, cm.OptionType):
        return "none" if value.name == "none" else f"some({wave(ty.payload, value.payload)})"
    if isinstance(ty, cm.ResultType):
        payload_ty = ty.ok if value.name == "ok" else ty.err
        return value.name if payload_ty is None else f"{value.name}({wave(payload_ty, value.payload)})"
    if isinstance(ty, cm.VariantType):
        payload_ty = dict(ty.cases)[value.name]
        text = label(value.name)
        return text if payload_ty is None else f"{text}({wave(payload_ty, value.payload)})"
    if isinstance(ty, (cm.OwnType, cm.BorrowType)):
        return "$" + value.name
    raise TypeError(f"no WAVE for {ty}")


# --- abstract values <-> wasmtime-py values ----------------------------------------
# wasmtime-py (component/_types.py) represents records as cm.Record objects with
# attributes, tuples as tuples, list<u8> as bytes, flags as sets of names, enums as
# names, and variants, options and results as cm.Variant(tag, payload) when two
# cases would share a Python class ("tagged"), else as the bare payload (None for
# a case without one). `_cases()` and `_tagged()` are that module's own rules.
def variant_cases(ty):
    return ty.cases if isinstance(ty, cm.VariantType) else ty._cases()


class Converter:
    def __init__(self):
        self.handles = {}  # name -> cm.ResourceAny

    def to_py(self, ty, value):
        if isinstance(ty, cm.ListType):
            if isinstance(ty.element, cm.U8):
                return bytes(value)
            return [self.to_py(ty.element, item) for item in value]
        if isinstance(ty, cm.TupleType):
            return tuple(self.to_py(t, item) for t, item in zip(ty.elements, value))
        if isinstance(ty, cm.RecordType):
            record = cm.Record()
            for name, field_ty in ty.fields:
                setattr(record, name, self.to_py(field_ty, value.get(name, NONE)))
            return record
        if isinstance(ty, cm.FlagsType):
            return set(value)
        if isinstance(ty, (cm.VariantType, cm.OptionType, cm.ResultType)):
            payload_ty = dict(variant_cases(ty))[value.name]
            payload = None if payload_ty is None else self.to_py(payload_ty, value.payload)
            return cm.Variant(value.name, payload) if ty._tagged() else payload
        if isinstance(ty, (cm.OwnType, cm.BorrowType)):
            return self.handles[value.name]
        return value

    def from_py(self, ty, value):
        if isinstance(ty, cm.ListType):
            return [self.from_py(ty.element, item) for item in value]
        if isinstance(ty, cm.TupleType):
            return tuple(self.from_py(t, item) for t, item in zip(ty.elements, value))
        if isinstance(ty, cm.RecordType):
            return {name: self.from_py(field_ty, getattr(value, name)) for name, field_ty in ty.fields}
        if isinstance(ty, cm.FlagsType):
            return frozenset(value)
        if isinstance(ty, (cm.VariantType, cm.OptionType, cm.ResultType)):
            cases = variant_cases(ty)
            if ty._tagged():
                payload_ty = dict(cases)[value.tag]
                return Case(value.tag, None if payload_ty is None else self.from_py(payload_ty, value.payload))
            for name, payload_ty in cases:
                if payload_ty is None and value is None:
                    return Case(name)
                if payload_ty is not None:
                    classes = set()
                    payload_ty.add_classes(classes)
                    if isinstance(value, tuple(classes)):
                        return Case(name, self.from_py(payload_ty, value))
            raise TypeError(f"no case of {ty} fits {value!r}")
        return value


# --- the cases -------------------------------------------------------------------
PERSON_ADA = {"name": "Ada", "age": 36, "email": some("ada@example.org"), "nickname": NONE,
              "tags": ["math", "code"]}
PERSON_EMPTY = {"name": "", "age": 0, "email": NONE, "nickname": NONE, "tags": []}
PERSON_QUOTES = {"name": "Zoë \"Z\" O'Neil", "age": 255, "email": some(""), "nickname": some("z\tz"),
                 "tags": ["", "😀"]}

BIG = {"f01": 255, "f02": -128, "f03": 65535, "f04": -32768, "f05": 4294967295,
       "f06": -2147483648, "f07": 18446744073709551615, "f08": -9223372036854775808,
       "f09": 0.1, "f10": 0.30000000000000004, "f11": True, "f12": "😀",
       "f13": 13, "f14": 14, "f15": 15, "f16": 16, "f17": 17, "f18": 18, "f19": 19,
       "f20": "twenty \"20\""}

ALL_MID = [f"m{i}" for i in range(12)]
ALL_MANY = [f"bit{i}" for i in range(32)]

# One list of arguments per echo-* function (each argument is the single parameter).
ECHO_ARGUMENTS = {
    "echo-bool": [True, False],
    "echo-s8": [0, -1, -128, 127],
    "echo-u8": [0, 1, 255],
    "echo-s16": [0, -1, -32768, 32767],
    "echo-u16": [0, 65535],
    "echo-s32": [0, -1, -2147483648, 2147483647],
    "echo-u32": [0, 2147483648, 4294967295],
    "echo-s64": [0, -1, -9223372036854775808, 9223372036854775807],
    "echo-u64": [0, 9223372036854775808, 18446744073709551615],
    "echo-f32": [0.0, -0.0, 0.1, 1.5, -2.75, 16777216.0, 3.4028234663852886e38, -3.4028234663852886e38,
                 1e-7, 1e21, 1.1754943508222875e-38, 1.401298464324817e-45, 123456.789,
                 1915074.75,  # a tie between 1915074.7 and 1915074.8: Rust prints the larger
                 math.inf, -math.inf, math.nan],
    "echo-f64": [0.0, -0.0, 0.1, 0.30000000000000004, 1.0, -1.5, 100.0, 123456789.125, 1e21, 1e22,
                 1e-7, 2.5e-5, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                 731930604835989.25,  # a tie: Rust prints ...989.3 where Python's repr says ...989.2
                 math.inf, -math.inf, math.nan],
    "echo-char": ["a", " ", "\n", "\t", "\r", "'", '"', "\\", "\0", "\x07", "\x7f", "\x85", "é",
                  "中", "😀", "\u0301", "\u00a0", "\U0010ffff"],
    "echo-string": ["", "hello", 'say "hi"', "it's", "back\\slash", "tab\there",
                    "line1\nline2\r\n", "bell\x07 nul\0 del\x7f", "unicode: é ü 中文 😀",
                    "e\u0301 (combining)", "nbsp\u00a0here", "x" * 300],
    "echo-bytes": [[], [0], [0, 1, 127, 128, 255], list(range(256))],
    "echo-strings": [[], [""], ["a", "b c", '"q"', "😀"]],
    "echo-matrix": [[], [[]], [[1, 2], [], [3], [4294967295, 0]]],
    "echo-people": [[], [PERSON_ADA], [PERSON_ADA, PERSON_EMPTY, PERSON_QUOTES]],
    "echo-shapes": [[], [Case("circle", 1.5), Case("none"), Case("empty"), Case("rectangle", {"x": 1, "y": 2}),
                         Case("label", "l"), Case("ok", 7)]],
    "echo-point": [{"x": 0, "y": 0}, {"x": -2147483648, "y": 2147483647}],
    "echo-person": [PERSON_ADA, PERSON_EMPTY, PERSON_QUOTES],
    "echo-sparse": [{}, {"a": some(0)}, {"b": some(NONE)}, {"b": some(some("x")), "c": some({"x": 1, "y": -1})},
                    {"a": some(4294967295), "b": some(some("")), "c": some({"x": 0, "y": 0})}],
    "echo-tuple": [(0, "", 0.0, "a"), (255, "é\n", -1.5, "😀")],
    "echo-shape": [Case("circle", 0.1), Case("circle", -0.0), Case("circle", math.inf),
                   Case("rectangle", {"x": 1, "y": -1}), Case("label", "hi"), Case("label", ""),
                   Case("none"), Case("ok", 0), Case("ok", 255), Case("empty")],
    "echo-color": ["red", "green", "blue", "err"],
    "echo-perms": [set(), {"read"}, {"write", "exec"}, {"read", "write", "exec"}],
    "echo-mid-flags": [set(), {"m0"}, {"m8"}, {"m0", "m11"}, set(ALL_MID)],
    "echo-many-flags": [set(), {"bit0"}, {"bit31"}, {"bit0", "bit16", "bit31"}, set(ALL_MANY)],
    "echo-opt-u32": [NONE, some(0), some(4294967295)],
    "echo-opt-opt-u32": [NONE, some(NONE), some(some(0)), some(some(7))],
    "echo-opt-string": [NONE, some(""), some("x\ny")],
    "echo-res-u32-string": [ok(0), ok(4294967295), err(""), err("boom")],
    "echo-res-unit-string": [ok(), err("e"), err("")],
    "echo-res-u32": [ok(1), err()],
    "echo-res": [ok(), err()],
    "echo-big": [BIG],
}

MASK64 = (1 << 64) - 1


def fib_model(n):
    previous, current = 0, 1
    for _ in range(n):
        previous, current = current, (previous + current) & MASK64
    return previous


def spin_model(iterations):
    state = 0x9E3779B97F4A7C15
    for _ in range(iterations):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK64
        state ^= state >> 29
    return state


def big_model(seed):
    wrap = lambda bits, v: (v + (1 << (bits - 1))) % (1 << bits) - (1 << (bits - 1))
    return {"f01": seed & 0xFF, "f02": wrap(8, -seed), "f03": (seed * 3) & 0xFFFF, "f04": wrap(16, -seed * 4),
            "f05": (seed * 5) & 0xFFFFFFFF, "f06": wrap(32, -seed * 6), "f07": ((seed << 33) + 7) & MASK64,
            "f08": wrap(64, -(seed << 33)), "f09": f32_round(float(seed) + 0.5), "f10": seed / 4.0,
            "f11": seed % 2 == 1, "f12": chr(ord("A") + seed % 26),
            **{f"f{i}": (seed + i) & 0xFFFFFFFF for i in range(13, 20)}, "f20": f"big-{seed}"}


@dataclass
class Call:
    func: str                 # export name, e.g. "echo-u8" or "[method]cart.count"
    args: list                # abstract values (Handle for resources)
    iface: str | None = None  # full interface name, None for a world-level export
    expect: Any = None        # abstract expected result, checked when given
    echo: bool = False        # the result must equal the argument
    bind: str | None = None   # name for a returned resource handle
    drop: str | None = None   # drop this handle (host side) instead of calling


def values_calls():
    calls = []
    for iface in ("test:values/echo", "test:values/via-host"):
        for func, arguments in ECHO_ARGUMENTS.items():
            calls += [Call(func, [a], iface, echo=True) for a in arguments]
    echo = "test:values/echo"
    calls += [
        Call("sum17", list(range(1, 18)), echo, expect=153),
        Call("sum17", [4294967295] * 17, echo, expect=17 * 4294967295),
        Call("make-big", [0], echo, expect=big_model(0)),
        Call("make-big", [7], echo, expect=big_model(7)),
        Call("make-big", [4294967295], echo, expect=big_model(4294967295)),
        Call("mix", [True, -5, 65535, -9223372036854775808, 0.1, 1e21, "😀", "mixed \"args\""], echo,
             expect=("mixed \"args\"", "😀", 1e21, f32_round(0.1), -9223372036854775808, 65535, -5, True)),
        Call("mix", [False, 127, 0, 0, -0.0, 5e-324, "\n", ""], echo,
             expect=("", "\n", 5e-324, -0.0, 0, 0, 127, False)),
        Call("add", [1, 2], expect=3),
        Call("add", [4294967295, 1], expect=0),
    ]
    return calls


STRING_SAMPLES = ["", "hello", "é ü ÿ", "Ā", "中文", "😀", "aé中😀", "tab\t\"q\""]


def strings_calls(encoding):
    iface = "test:strings/text"
    calls = []
    for text in STRING_SAMPLES:
        calls.append(Call("echo", [text], iface, echo=True))
    for text in STRING_SAMPLES:
        calls.append(Call("length", [text], iface, expect=len(text)))
    for text in STRING_SAMPLES:
        chosen = "utf16" if encoding == "utf16" or any(ord(ch) > 0xFF for ch in text) else "latin1"
        calls.append(Call("encoding-of", [text], iface, expect=chosen))
    for text in ["Ada", "Zoë", "世界", "😀", ""]:
        calls.append(Call("greet", [text], iface, expect=f"Hello, {text}!"))
    for text in STRING_SAMPLES:
        calls.append(Call("via-host", [text], iface, expect=text[::-1]))
    return calls


def resources_calls():
    shop = "test:resources/shop"
    a, b, c, d = Handle("a"), Handle("b"), Handle("c"), Handle("d")
    return [
        Call("[constructor]cart", ["alice"], shop, bind="a"),
        Call("[method]cart.add-line", [a, "apple", 2], shop),
        Call("[method]cart.add-line", [a, "pear", 3], shop),
        Call("[method]cart.count", [a], shop, expect=2),
        Call("[method]cart.owner", [a], shop, expect="alice"),
        Call("describe", [a], shop, expect="alice: apple x2, pear x3"),
        Call("[constructor]cart", ["bob"], shop, bind="b"),
        Call("[method]cart.add-line", [b, "fig \"dried\"", 1], shop),
        Call("dropped-count", [], expect=0),
        Call("[static]cart.merge", [a, b], shop, bind="c"),
        Call("dropped-count", [], expect=1),
        Call("describe", [c], shop, expect="alice: apple x2, pear x3, fig \"dried\" x1"),
        Call("[method]cart.count", [c], shop, expect=3),
        Call("[method]cart.count", [b], shop, expect=1),
        Call("consume", [c], shop, expect=6),
        Call("dropped-count", [], expect=2),
        Call("", [], drop="b"),
        Call("dropped-count", [], expect=3),
        Call("[constructor]cart", ["zoë"], shop, bind="d"),
        Call("describe", [d], shop, expect="zoë: empty"),
        Call("[method]cart.owner", [d], shop, expect="zoë"),
        Call("consume", [d], shop, expect=0),
        Call("dropped-count", [], expect=4),
    ]


def compute_calls():
    calls = [Call("fib", [n], expect=fib_model(n)) for n in (0, 1, 2, 10, 50, 93, 94, 100)]
    calls += [Call("spin", [n], expect=spin_model(n)) for n in (0, 1, 2, 1000)]
    calls += [Call("divide", list(ab), expect=int(ab[0] / ab[1]))
              for ab in ((7, 2), (-7, 2), (7, -2), (0, 5), (-2147483648, 1), (2147483647, -1))]
    calls += [Call("recurse", [n], expect=n) for n in (0, 1, 1000)]
    calls += [Call("grow", [0]), Call("grow", [1]), Call("grow", [0]), Call("grow", [65536], expect=-1)]
    return calls


def scalars_model(seed):
    """debug.c's scalars(): its locals summed in double (every step exact)."""
    count, mask, small, wide, byte, ratio, precise = seed, 240, -2, -5000000000, 200, 1.5, 2.25
    positive, letter, ticks, direction, digit, greeting_i = int(seed > 0), 97, 3, 7, 9, ord("i")
    return float(count + mask + small + wide + (byte + ratio + precise) + (positive + letter + ticks)
                 + (direction + digit + greeting_i))


def debug_calls(demo_text):
    calls = [Call("sum-squares", [n], expect=sum(i * i for i in range(1, n + 1))) for n in (0, 3, 10)]
    calls += [Call("factorial", [n], expect=math.factorial(max(n, 1))) for n in (0, 5, 20)]
    calls += [Call("scalars", [seed], expect=scalars_model(seed)) for seed in (5, -1)]
    calls += [Call("segment-length", [0, 0, 3, 4], expect=7), Call("segment-length", [1, -2, -3, 5], expect=11)]
    calls += [Call("read-length", ["./demo.txt"], expect=len(demo_text.encode())),
              Call("read-length", ["/etc/passwd"], expect=-1)]
    # Every export call counts once, and factorial(n) once per recursion level.
    calls += [Call("calls-served", [], expect=3 + (1 + 5 + 20) + 2 + 2 + 2)]
    return calls


TRAP_CALLS = [
    ("compute", Call("trap-unreachable", [])),
    ("compute", Call("divide", [1, 0])),
    ("compute", Call("divide", [-2147483648, -1])),
    ("compute", Call("out-of-bounds", [])),
    ("compute", Call("recurse", [4294967295])),
    ("compute", Call("forever", [])),
]
FUEL_FOR_FOREVER = 20_000_000

DENIED = "Permission denied: component 'malicious' does not have filesystem capability"


# --- hosts -----------------------------------------------------------------------
def echo_host(linker, component, engine, iface):
    """Defines every function of the imported `iface` as returning its argument."""
    functions = component.type.imports(engine)[iface].ty.exports(engine)
    with linker.root() as root:
        with root.add_instance(iface) as instance:
            for name in functions:
                instance.add_func(name, lambda store, value: value)


def define_host(linker, iface, functions):
    with linker.root() as root:
        with root.add_instance(iface) as instance:
            for name, function in functions.items():
                instance.add_func(name, function)


# read-file returns result<string, string>: both cases are str, so wasmtime-py wants cm.Variant.
def skill_host(linker, component_name, demo_text, seen_paths):
    def read_file(store, path):
        seen_paths.append(path)
        if component_name == "trusted" and path == "./demo.txt":
            return cm.Variant("ok", demo_text)
        return cm.Variant("err", DENIED)
    define_host(linker, "sandbox:skill/filesystem", {"read-file": read_file})


def debug_host(linker, demo_text):
    def read_file(store, path):
        return cm.Variant("ok", demo_text) if path == "./demo.txt" else cm.Variant("err", "denied")
    define_host(linker, "sandbox:skill/filesystem", {"read-file": read_file})


def busy_host(linker):
    def read_file(store, path):
        return cm.Variant("ok", "x") if path == "./demo.txt" else cm.Variant("err", "denied")
    define_host(linker, "sandbox:skill/filesystem", {"read-file": read_file})


# --- running -----------------------------------------------------------------------
class Runner:
    def __init__(self, engine, component):
        self.engine = engine
        self.component = component
        self.functions = self.export_functions()
        self.converter = Converter()

    def export_functions(self):
        """(interface or None, function name) of every exported function."""
        found = []
        for name, item in self.component.type.exports(self.engine).items():
            ty = item.ty
            if isinstance(ty, cm.FuncType):
                found.append((None, name))
            elif isinstance(ty, cm.ComponentInstanceType):
                for inner, inner_item in ty.exports(self.engine).items():
                    if isinstance(inner_item.ty, cm.FuncType):
                        found.append((name, inner))
        return found

    def expression(self, call, param_types):
        if call.drop:
            return f"drop ${call.drop}"
        unique = sum(1 for _, func in self.functions if func == call.func) == 1
        short = call.func if unique else f"{call.iface.split('/')[-1]}.{call.func}"
        args = ", ".join(wave(ty, arg) for ty, arg in zip(param_types, call.args))
        return f"{short}({args})"

    def lookup(self, instance, store, call):
        index = None
        if call.iface is not None:
            index = instance.get_export_index(store, call.iface)
        func = instance.get_func(store, instance.get_export_index(store, call.func, index))
        if func is None:
            raise LookupError(f"no export {call.iface}#{call.func}")
        return func

    def prepare(self, instance, store, call):
        """The function to call, its type, its parameter types and the call expression."""
        func = self.lookup(instance, store, call)
        func_type = func.type(store)
        param_types = [ty for _, ty in func_type.params]
        return func, func_type, param_types, self.expression(call, param_types)

    def run(self, instance, store, call):
        """Calls and checks one case; returns (call expression, result text)."""
        if call.drop:
            self.converter.handles.pop(call.drop).drop(store)
            return self.expression(call, []), ""
        func, func_type, param_types, expression = self.prepare(instance, store, call)
        py_args = [self.converter.to_py(ty, arg) for ty, arg in zip(param_types, call.args)]
        result = func(store, *py_args)
        result_ty = func_type.result
        if result_ty is None:
            return expression, ""
        if call.bind:
            self.converter.handles[call.bind] = result
            return expression, "$" + call.bind
        value = self.converter.from_py(result_ty, result)
        text = wave(result_ty, value)
        if call.echo:
            check(text == wave(param_types[0], call.args[0]), f"{expression} echoed {text}")
        if call.expect is not None:
            check(text == wave(result_ty, call.expect), f"{expression} returned {text}, "
                  f"expected {wave(result_ty, call.expect)}")
        for arg_ty, arg in zip(param_types, call.args):
            if isinstance(arg_ty, cm.OwnType):
                self.converter.handles.pop(arg.name)  # moved into the guest
        return expression, text


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def component_cases(args):
    """(component name, host setup, calls) for every fixture."""
    demo_text = open(args.demo, encoding="utf-8").read()
    return [
        ("malicious", lambda linker, comp, engine, seen: skill_host(linker, "malicious", demo_text, seen),
         [Call("run", [], "sandbox:skill/skill",
               expect=f"BLOCKED: Failed to read /etc/passwd - {DENIED}")], ["/etc/passwd"]),
        ("trusted", lambda linker, comp, engine, seen: skill_host(linker, "trusted", demo_text, seen),
         [Call("run", [], "sandbox:skill/skill", expect=f"SUCCESS: Read demo.txt content:\n{demo_text}")],
         ["./demo.txt"]),
        ("values", lambda linker, comp, engine, seen: echo_host(linker, comp, engine, "test:values/host"),
         values_calls(), None),
        ("strings-utf16", lambda linker, comp, engine, seen: define_host(
            linker, "test:strings/host", {"transform": lambda store, s: s[::-1]}), strings_calls("utf16"), None),
        ("strings-latin1", lambda linker, comp, engine, seen: define_host(
            linker, "test:strings/host", {"transform": lambda store, s: s[::-1]}), strings_calls("latin1"), None),
        ("resources", lambda linker, comp, engine, seen: None, resources_calls(), None),
        ("compute", lambda linker, comp, engine, seen: None, compute_calls(), None),
        ("busy", lambda linker, comp, engine, seen: busy_host(linker),
         [Call("read-many", ["./demo.txt", 0], expect=0), Call("read-many", ["./demo.txt", 1], expect=1),
          Call("read-many", ["./demo.txt", 1000], expect=1000), Call("read-many", ["/etc/passwd", 3], expect=0)],
         None),
    ] + [(name, lambda linker, comp, engine, seen: debug_host(linker, demo_text), debug_calls(demo_text), None)
         for name in ("debug", "debug-optimized", "debug-dwarf5")]


def tsv_line(*fields):
    for field in fields:
        check("\t" not in field and "\n" not in field, f"field with a tab or newline: {field!r}")
    return "\t".join(fields)


def check_floats_with_rust():
    """Compares every float written with Rust's Display, which `wasm-tools print` shows in
    the `(;=...;)` comment after each float constant (wasmprinter formats it with `{}`)."""
    if not FLOATS_WRITTEN:
        return
    body = " ".join(f"{'f32' if fmt is F32 else 'f64'}.const {value.hex()} drop"
                    for fmt, value, _ in FLOATS_WRITTEN)
    with tempfile.TemporaryDirectory() as folder:
        text_path, binary_path = f"{folder}/floats.wat", f"{folder}/floats.wasm"
        with open(text_path, "w", encoding="utf-8") as module:
            module.write(f"(module (func {body}))")
        subprocess.run(["wasm-tools", "parse", text_path, "-o", binary_path], check=True)
        printed = subprocess.run(["wasm-tools", "print", binary_path],
                                 capture_output=True, check=True, text=True).stdout
    rust_texts = re.findall(r"\(;=([^;]*);\)", printed)
    check(len(rust_texts) == len(FLOATS_WRITTEN), "wasm-tools printed an unexpected number of floats")
    for (fmt, value, text), rust_text in zip(FLOATS_WRITTEN, rust_texts):
        check(text == rust_text, f"f{fmt.bits} {value!r}: wrote {text}, Rust prints {rust_text}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--components", required=True, help="folder with the built NAME.wasm files")
    parser.add_argument("--demo", required=True, help="the demo.txt that trusted reads")
    parser.add_argument("--traps", help="also write the trapping calls to this file")
    args = parser.parse_args()

    engine = wasmtime.Engine()
    lines = ["# Golden invocations computed by components/golden.py on wasmtime-py 50.0.1; see its docstring.",
             "# COMPONENT\tCALL-EXPRESSION\tEXPECTED-RESULT (WAVE; empty: no result)"]
    for name, setup, calls, expected_paths in component_cases(args):
        component = cm.Component.from_file(engine, f"{args.components}/{name}.wasm")
        linker = cm.Linker(engine)
        seen_paths = []
        setup(linker, component, engine, seen_paths)
        store = wasmtime.Store(engine)
        instance = linker.instantiate(store, component)
        runner = Runner(engine, component)
        for call in calls:
            expression, text = runner.run(instance, store, call)
            lines.append(tsv_line(name, expression, text))
        if expected_paths is not None:
            check(seen_paths == expected_paths, f"{name} read {seen_paths}, expected {expected_paths}")
    check_floats_with_rust()
    print("\n".join(lines))

    if args.traps:
        write_traps(args, args.traps)


def write_traps(args, path):
    config = wasmtime.Config()
    config.consume_fuel = True
    engine = wasmtime.Engine(config)
    lines = ["# Calls that trap, computed by components/golden.py on wasmtime-py 50.0.1; each in a fresh store.",
             "# COMPONENT\tCALL-EXPRESSION\tWASMTIME TRAP MESSAGE"]
    for name, call in TRAP_CALLS:
        component = cm.Component.from_file(engine, f"{args.components}/{name}.wasm")
        store = wasmtime.Store(engine)
        store.set_fuel(FUEL_FOR_FOREVER)
        instance = cm.Linker(engine).instantiate(store, component)
        runner = Runner(engine, component)
        func, _, _, expression = runner.prepare(instance, store, call)
        try:
            func(store, *call.args)
        except wasmtime.WasmtimeError as error:
            message = re.findall(r"wasm trap: (.*)", str(error))
            check(bool(message), f"{expression} failed without a trap: {error}")
            lines.append(tsv_line(name, expression, message[-1].strip()))
            continue
        raise AssertionError(f"{name}: {expression} did not trap")
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
