#!/usr/bin/env python3
"""Writes the repetitive C of the values fixture from its WIT.

Input: the JSON that `wasm-tools component wit --json values.wit` prints.
Output (stdout): C for
  - every `echo-*` function of interface `echo`: the guest stores its flat
    parameters into a return area in the canonical ABI's memory layout and
    returns that area (or returns the value itself when it is one flat value);
  - the `echo-*` imports of interface `host` and the `via-host` exports that
    forward their flat parameters to them and return what the host returned;
  - a post-return function for each of those exports (rewinds the heap).
The hand-written functions (sum17, make-big, mix, add) live in values.c.

The layout rules are those of the Component Model's canonical ABI
(CanonicalABI.md: flatten, join, alignment, elem_size, discriminant size).
"""
import json
import re
import sys

PACKAGE = "test:values"
MAX_FLAT_PARAMS = 16
RETURN_AREA_SIZE = 256

C_TYPE = {"i32": "int32_t", "i64": "int64_t", "f32": "float", "f64": "double"}


class Types:
    """Resolves the type references of the wit JSON (`"u32"` or an index)."""

    def __init__(self, resolve):
        self.types = resolve["types"]

    def kind(self, ref):
        """Returns (kind-name, detail) with aliases (`use`) followed."""
        while not isinstance(ref, str):
            kind = self.types[ref]["kind"]
            if "type" in kind:
                ref = kind["type"]
                continue
            (name, detail), = kind.items()
            return name, detail
        return ref, None

    def cases(self, ref):
        """Variant-like cases as a list of payload refs (None = no payload)."""
        name, detail = self.kind(ref)
        if name == "variant":
            return [case["type"] for case in detail["cases"]]
        if name == "option":
            return [None, detail]
        if name == "result":
            return [detail["ok"], detail["err"]]
        raise ValueError(f"not a variant: {name}")

    def fields(self, ref):
        name, detail = self.kind(ref)
        if name == "record":
            return [field["type"] for field in detail["fields"]]
        if name == "tuple":
            return list(detail["types"])
        raise ValueError(f"not a record or tuple: {name}")

    # --- canonical ABI: flattening -------------------------------------
    def flatten(self, ref):
        name, detail = self.kind(ref)
        if name in ("bool", "s8", "u8", "s16", "u16", "s32", "u32", "char", "enum"):
            return ["i32"]
        if name in ("s64", "u64"):
            return ["i64"]
        if name in ("f32", "f64"):
            return [name]
        if name in ("string", "list"):
            return ["i32", "i32"]
        if name in ("record", "tuple"):
            return [flat for field in self.fields(ref) for flat in self.flatten(field)]
        if name == "flags":
            return ["i32"] * ((len(detail["flags"]) + 31) // 32)
        if name in ("variant", "option", "result"):
            joined = []
            for payload in self.cases(ref):
                if payload is None:
                    continue
                for i, flat in enumerate(self.flatten(payload)):
                    if i < len(joined):
                        joined[i] = join(joined[i], flat)
                    else:
                        joined.append(flat)
            return ["i32"] + joined
        raise ValueError(f"cannot flatten {name}")

    # --- canonical ABI: memory layout ----------------------------------
    def alignment(self, ref):
        name, detail = self.kind(ref)
        if name in ("bool", "s8", "u8"):
            return 1
        if name in ("s16", "u16"):
            return 2
        if name in ("s32", "u32", "f32", "char", "string", "list"):
            return 4
        if name in ("s64", "u64", "f64"):
            return 8
        if name in ("record", "tuple"):
            return max(self.alignment(field) for field in self.fields(ref))
        if name == "enum":
            return discriminant_size(len(detail["cases"]))
        if name == "flags":
            return min(flags_size(len(detail["flags"])), 4)
        if name in ("variant", "option", "result"):
            return max([discriminant_size(len(self.cases(ref)))] + self.payload_alignments(ref))
        raise ValueError(f"no alignment for {name}")

    def payload_alignments(self, ref):
        return [self.alignment(p) for p in self.cases(ref) if p is not None]

    def size(self, ref):
        name, detail = self.kind(ref)
        if name in ("bool", "s8", "u8"):
            return 1
        if name in ("s16", "u16"):
            return 2
        if name in ("s32", "u32", "f32", "char"):
            return 4
        if name in ("s64", "u64", "f64", "string", "list"):
            return 8
        if name in ("record", "tuple"):
            end = 0
            for field in self.fields(ref):
                end = align_to(end, self.alignment(field)) + self.size(field)
            return align_to(end, self.alignment(ref))
        if name == "enum":
            return discriminant_size(len(detail["cases"]))
        if name == "flags":
            return flags_size(len(detail["flags"]))
        if name in ("variant", "option", "result"):
            end = self.payload_offset(ref) + max(
                [0] + [self.size(p) for p in self.cases(ref) if p is not None])
            return align_to(end, self.alignment(ref))
        raise ValueError(f"no size for {name}")

    def payload_offset(self, ref):
        disc = discriminant_size(len(self.cases(ref)))
        return align_to(disc, max([1] + self.payload_alignments(ref)))

    def field_offsets(self, ref):
        offsets, end = [], 0
        for field in self.fields(ref):
            end = align_to(end, self.alignment(field))
            offsets.append(end)
            end += self.size(field)
        return offsets


def join(a, b):
    if a == b:
        return a
    if {a, b} == {"i32", "f32"}:
        return "i32"
    return "i64"


def align_to(offset, alignment):
    return (offset + alignment - 1) // alignment * alignment


def discriminant_size(case_count):
    if case_count <= 1 << 8:
        return 1
    if case_count <= 1 << 16:
        return 2
    return 4


def flags_size(count):
    if count <= 8:
        return 1
    if count <= 16:
        return 2
    return 4 * ((count + 31) // 32)


def coerce(expr, have, want):
    """Reads a joined flat value as the flat type the payload really has."""
    if have == want:
        return expr
    if (have, want) == ("i32", "f32"):
        return f"f32_from_bits({expr})"
    if (have, want) == ("i64", "i32"):
        return f"(int32_t)({expr})"
    if (have, want) == ("i64", "f32"):
        return f"f32_from_bits((int32_t)({expr}))"
    if (have, want) == ("i64", "f64"):
        return f"f64_from_bits({expr})"
    raise ValueError(f"cannot read {want} from {have}")


STORE = {
    "bool": ("uint8_t", "i32"), "s8": ("int8_t", "i32"), "u8": ("uint8_t", "i32"),
    "s16": ("int16_t", "i32"), "u16": ("uint16_t", "i32"),
    "s32": ("int32_t", "i32"), "u32": ("uint32_t", "i32"), "char": ("uint32_t", "i32"),
    "s64": ("int64_t", "i64"), "u64": ("uint64_t", "i64"),
    "f32": ("float", "f32"), "f64": ("double", "f64"),
}

DISCRIMINANT_C = {1: "uint8_t", 2: "uint16_t", 4: "uint32_t"}


class StoreWriter:
    """Emits C that stores flat values into memory (canonical ABI `store`)."""

    def __init__(self, types):
        self.types = types
        self.lines = []

    def emit(self, depth, text):
        self.lines.append("  " * depth + text)

    def store(self, ref, flat, address, depth):
        """`flat` is a list of (C expression, core type it has); consumes what `ref` needs."""
        types = self.types
        name, detail = types.kind(ref)
        if name in STORE:
            c_type, want = STORE[name]
            expr, have = flat.pop(0)
            self.emit(depth, f"*({c_type} *)({address}) = ({c_type}){coerce(expr, have, want)};")
        elif name in ("string", "list"):
            for offset in (0, 4):
                expr, have = flat.pop(0)
                self.emit(depth, f"*(int32_t *)({address} + {offset}) = {coerce(expr, have, 'i32')};")
        elif name in ("record", "tuple"):
            for field, offset in zip(types.fields(ref), types.field_offsets(ref)):
                self.store(field, flat, f"{address} + {offset}", depth)
        elif name == "enum":
            c_type = DISCRIMINANT_C[discriminant_size(len(detail["cases"]))]
            expr, have = flat.pop(0)
            self.emit(depth, f"*({c_type} *)({address}) = ({c_type}){coerce(expr, have, 'i32')};")
        elif name == "flags":
            size = flags_size(len(detail["flags"]))
            if size < 4:
                c_type = DISCRIMINANT_C[size]
                expr, have = flat.pop(0)
                self.emit(depth, f"*({c_type} *)({address}) = ({c_type}){coerce(expr, have, 'i32')};")
            else:
                for word in range(size // 4):
                    expr, have = flat.pop(0)
                    self.emit(depth, f"*(int32_t *)({address} + {4 * word}) = {coerce(expr, have, 'i32')};")
        elif name in ("variant", "option", "result"):
            cases = types.cases(ref)
            c_type = DISCRIMINANT_C[discriminant_size(len(cases))]
            payload_flat_count = len(types.flatten(ref)) - 1
            disc_expr, disc_have = flat.pop(0)
            joined = flat[:payload_flat_count]
            del flat[:payload_flat_count]
            self.emit(depth, f"switch ({coerce(disc_expr, disc_have, 'i32')}) {{")
            for index, payload in enumerate(cases):
                self.emit(depth, f"case {index}:")
                self.emit(depth + 1, f"*({c_type} *)({address}) = {index};")
                if payload is not None:
                    offset = types.payload_offset(ref)
                    self.store(payload, list(joined), f"{address} + {offset}", depth + 1)
                self.emit(depth + 1, "break;")
            self.emit(depth, "default:")
            self.emit(depth + 1, "__builtin_trap();")
            self.emit(depth, "}")
        else:
            raise ValueError(f"cannot store {name}")


def c_name(*parts):
    """A C identifier from WIT names: every character that C does not allow becomes `_`."""
    return "_".join(re.sub(r"[^A-Za-z0-9]", "_", part) for part in parts)


def signature_parts(types, function):
    """Flat parameter and result core types of a lifted or lowered function."""
    params = [flat for p in function["params"] for flat in types.flatten(p["type"])]
    spilled = len(params) > MAX_FLAT_PARAMS
    if spilled:
        params = ["i32"]
    result = types.flatten(function["result"]) if function.get("result") is not None else []
    return params, spilled, result


def generate(resolve):
    types = Types(resolve)
    interfaces = {iface["name"]: iface for iface in resolve["interfaces"]}
    out = [
        "// Generated by gen_values.py from values.wit; do not edit.",
        '#include "common/cabi.h"',
        "",
        "static _Alignas(8) uint8_t return_area[%d];" % RETURN_AREA_SIZE,
        "",
        "__attribute__((unused)) static float f32_from_bits(int32_t bits) {",
        "  union { int32_t i; float f; } u = { bits };",
        "  return u.f;",
        "}",
        "",
        "__attribute__((unused)) static double f64_from_bits(int64_t bits) {",
        "  union { int64_t i; double f; } u = { bits };",
        "  return u.f;",
        "}",
        "",
    ]

    def post_return(export_name, result):
        param = "int32_t result" if len(result) > 1 else (
            f"{C_TYPE[result[0]]} result" if result else "void")
        use = "  (void)result;" if result else None
        lines = [f'EXPORT("cabi_post_{export_name}")',
                 f"void {c_name('post', export_name)}({param}) {{"]
        if use:
            lines.append(use)
        lines += ["  cabi_heap_reset();", "}", ""]
        return lines

    def c_params(flat):
        return ", ".join(f"{C_TYPE[t]} p{i}" for i, t in enumerate(flat)) or "void"

    # Guest-side echo.
    for name, function in interfaces["echo"]["functions"].items():
        if not name.startswith("echo-"):
            continue
        params, spilled, result = signature_parts(types, function)
        export_name = f"{PACKAGE}/echo#{name}"
        returns = "int32_t" if len(result) > 1 else C_TYPE[result[0]]
        out.append(f'EXPORT("{export_name}")')
        out.append(f"{returns} {c_name('echo', name)}({c_params(params)}) {{")
        if spilled or len(result) == 1:
            # One flat value goes back as it came; a spilled argument already sits in
            # memory in the result's layout, so its address is the result's address.
            out.append("  return p0;")
        else:
            size = types.size(function["result"])
            assert size <= RETURN_AREA_SIZE, name
            writer = StoreWriter(types)
            writer.store(function["params"][0]["type"],
                         [(f"p{i}", t) for i, t in enumerate(params)], "return_area", 1)
            out += writer.lines
            out.append("  return ADDR(return_area);")
        out.append("}")
        out.append("")
        out += post_return(export_name, result)

    # Host imports and the via-host exports that forward to them.
    for name, function in interfaces["host"]["functions"].items():
        params, spilled, result = signature_parts(types, function)
        import_name = c_name("host", name)
        args = ", ".join(f"p{i}" for i in range(len(params)))
        if len(result) > 1:
            out.append(f'IMPORT("{PACKAGE}/host", "{name}")')
            # A result of more than one flat value comes back through a return area.
            out.append(f"void {import_name}({c_params(params + ['i32'])});")
        else:
            out.append(f'IMPORT("{PACKAGE}/host", "{name}")')
            out.append(f"{C_TYPE[result[0]]} {import_name}({c_params(params)});")
        out.append("")

        export_name = f"{PACKAGE}/via-host#{name}"
        returns = "int32_t" if len(result) > 1 else C_TYPE[result[0]]
        out.append(f'EXPORT("{export_name}")')
        out.append(f"{returns} {c_name('via_host', name)}({c_params(params)}) {{")
        if len(result) > 1:
            assert types.size(function["result"]) <= RETURN_AREA_SIZE, name
            out.append(f"  {import_name}({args}{', ' if args else ''}ADDR(return_area));")
            out.append("  return ADDR(return_area);")
        else:
            out.append(f"  return {import_name}({args});")
        out.append("}")
        out.append("")
        out += post_return(export_name, result)

    # Cross-check the hand-written struct of values.c against the ABI layout.
    big = next(t for t in resolve["types"] if t["name"] == "big-record" and "record" in t["kind"])
    big_ref = resolve["types"].index(big)
    out.append('#include "values.h"')
    out.append("#include <stddef.h>")
    for field, offset in zip(big["kind"]["record"]["fields"], types.field_offsets(big_ref)):
        out.append(f"_Static_assert(offsetof(struct big_record, {field['name']}) == {offset}, "
                   f"\"big-record.{field['name']} offset\");")
    out.append(f"_Static_assert(sizeof(struct big_record) == {types.size(big_ref)}, \"big-record size\");")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_values.py VALUES.json")
    with open(sys.argv[1]) as source:
        sys.stdout.write(generate(json.load(source)))
