#!/usr/bin/env python3
"""A small, deterministic preprocessor for the hand-written WAT of the WASI fixtures.

    watpp.py [-D NAME=VALUE]... FILE.wat > OUT.wat

Three rewrites, nothing else:
  - `;;@include PATH` on a line of its own inlines PATH (relative to the including
    file), once per module: shared helpers live in wat/lib/.
  - `{NAME}` is replaced by the value given with -D (the WASI version in import and
    export names, e.g. `wasi:cli/stdout@{WASI}`), so one source builds for 0.2.0 and 0.2.12.
  - `(str "text")` becomes `(i32.const ADDRESS) (i32.const LENGTH)` and the text goes
    into a data segment: string literals without hand-counted addresses. Identical
    texts share one segment. Addresses start at 1024; the data must end before 32768
    (wat/lib/core.wat keeps the memory above it).

The WAT text format wants every import before the first definition, but an included
helper file brings its own imports; so the top-level fields of the module are
reordered: imports first, everything else after, each group in source order.
"""
import argparse
import os
import re
import sys

DATA_START = 1024
DATA_LIMIT = 32768


def fail(message):
    sys.exit(f"watpp.py: {message}")


def expand_includes(path, seen):
    """The text of `path` with its ;;@include lines replaced, each file at most once."""
    real = os.path.realpath(path)
    if real in seen:
        return ""
    seen.add(real)
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines(keepends=True)
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")
    out = []
    for line in lines:
        match = re.fullmatch(r"\s*;;@include\s+(\S+)\s*\n?", line)
        if match:
            included = os.path.join(os.path.dirname(path), match.group(1))
            out.append(f";; ---- {match.group(1)} ----\n")
            out.append(expand_includes(included, seen))
            out.append(f";; ---- end of {match.group(1)} ----\n")
        else:
            out.append(line)
    return "".join(out)


def scan(text, start, stop_at_close):
    """Index just after the form or token that begins at `start`, skipping strings and comments."""
    depth = 0
    i = start
    while i < len(text):
        if text.startswith(";;", i):
            i = text.find("\n", i)
            i = len(text) if i < 0 else i + 1
            continue
        if text.startswith("(;", i):
            end = text.find(";)", i)
            if end < 0:
                fail("unterminated block comment")
            i = end + 2
            continue
        c = text[i]
        if c == '"':
            i = string_end(text, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and stop_at_close:
                return i + 1
            if depth < 0:
                fail("unbalanced parentheses")
        i += 1
    fail("unbalanced parentheses")


def string_end(text, start):
    """Index just after the string literal that starts at `start` (a double quote)."""
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i + 1
        i += 1
    fail("unterminated string")


def module_fields(text):
    """(prefix, fields, suffix): the text before and after `(module`'s body, and its fields,
    each with the comments and blank lines that precede it."""
    match = re.search(r"\(module\b", text)
    if not match:
        fail("no (module")
    body_start = match.end()
    end = scan(text, match.start(), stop_at_close=True)
    body = text[body_start:end - 1]
    fields = []
    i = 0
    pending = 0
    while i < len(body):
        if body.startswith(";;", i) or body.startswith("(;", i) or body[i].isspace():
            if body.startswith(";;", i):
                j = body.find("\n", i)
                i = len(body) if j < 0 else j + 1
            elif body.startswith("(;", i):
                i = body.find(";)", i) + 2
            else:
                i += 1
            continue
        if body[i] != "(":
            fail(f"unexpected text at module level: {body[i:i + 40]!r}")
        j = scan(body, i, stop_at_close=True)
        fields.append(body[pending:j])
        pending = j
        i = j
    trailer = body[pending:]
    return text[:body_start], fields, trailer + text[end - 1:]


def is_import(field):
    return re.match(r"\s*(?:;;[^\n]*\n\s*|\(;.*?;\)\s*)*\(import\b", field, re.S) is not None


def wat_string_bytes(literal):
    """The bytes a WAT string literal (without its quotes) denotes."""
    out = bytearray()
    i = 0
    while i < len(literal):
        c = literal[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        e = literal[i + 1]
        simple = {"t": b"\t", "n": b"\n", "r": b"\r", '"': b'"', "'": b"'", "\\": b"\\"}
        if e in simple:
            out += simple[e]
            i += 2
        elif e == "u":
            close = literal.index("}", i)
            out += chr(int(literal[i + 3:close], 16)).encode("utf-8")
            i = close + 1
        else:
            out.append(int(literal[i + 1:i + 3], 16))
            i += 3
    return bytes(out)


def place_strings(text):
    """Replaces every (str "...") and returns (text, data segments)."""
    addresses = {}
    segments = []
    next_address = DATA_START

    def replace(match):
        nonlocal next_address
        literal = match.group(1)
        data = wat_string_bytes(literal)
        if literal not in addresses:
            addresses[literal] = next_address
            segments.append(f'  (data (i32.const {next_address}) "{literal}")\n')
            next_address += (len(data) + 3) // 4 * 4 or 4
        return f"(i32.const {addresses[literal]}) (i32.const {len(data)})"

    text = re.sub(r'\(str\s+"((?:[^"\\]|\\.)*)"\s*\)', replace, text)
    if next_address > DATA_LIMIT:
        fail(f"string data ends at {next_address}, past {DATA_LIMIT}")
    return text, segments


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-D", dest="defines", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("source")
    args = parser.parse_args()
    text = expand_includes(args.source, set())
    for define in args.defines:
        name, _, value = define.partition("=")
        text = text.replace("{" + name + "}", value)
    leftover = re.search(r"\{[A-Z_]+\}", text)
    if leftover:
        fail(f"{leftover.group(0)} has no -D value")
    prefix, fields, suffix = module_fields(text)
    imports = [f for f in fields if is_import(f)]
    others = [f for f in fields if not is_import(f)]
    body = "".join(imports + others)
    body, segments = place_strings(body)
    sys.stdout.write(prefix + body + "\n\n  ;; ---- string data (placed by watpp.py) ----\n"
                     + "".join(segments) + suffix.lstrip("\n"))


if __name__ == "__main__":
    main()
