#!/usr/bin/env python3
# Requires Python 3.11 (standard library only).
"""Writes large manifests for the component `trusted` (issue 15, finding 10: loading them is
quadratic). Deterministic: the same arguments give the same bytes.

    make_manifests.py --read-scopes N FILE    one [[grant]] whose read list has N scopes
    make_manifests.py --grants N FILE         N [[grant]] tables of one scope each

The scopes are ./s/0, ./s/1, ... (they need not exist: scopes are paths). The issue's sizes,
--read-scopes 60000 (0.65 MB) and --grants 16000 (0.85 MB), stay under wasmsh's 1 MiB limit on
a manifest's size.
"""
import argparse
import pathlib


def read_scopes(count):
    lines = ['component = "trusted"', "", "[[grant]]", 'interface = "filesystem"', "read = ["]
    lines += [f'"./s/{index}",' for index in range(count)]
    lines += ["]"]
    return "\n".join(lines) + "\n"


def grants(count):
    lines = ['component = "trusted"']
    for index in range(count):
        lines += ["", "[[grant]]", 'interface = "filesystem"', f'read = ["./s/{index}"]']
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    kind = parser.add_mutually_exclusive_group(required=True)
    kind.add_argument("--read-scopes", type=int, metavar="N")
    kind.add_argument("--grants", type=int, metavar="N")
    parser.add_argument("file", type=pathlib.Path)
    args = parser.parse_args()
    text = read_scopes(args.read_scopes) if args.read_scopes is not None else grants(args.grants)
    args.file.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
