#!/usr/bin/env python3
"""The WASI calls each command case makes, traced by the wasmtime CLI.

    trace.py --cases DIR --fixtures DIR --python DIR --wasmtime-cli PATH --out DIR

wasmtime-py cannot show the calls its add_wasip2() host receives, but the wasmtime CLI
logs every one (WASMTIME_LOG=wasmtime_wasi=trace,wasmtime_wasi_io=trace) with its
arguments and result. For every command case in DIR (oracle.py's output) this runs the
case on the CLI and writes OUT/NAME.txt, one call a line:

    INTERFACE.FUNCTION(ARGUMENTS) -> RESULT

with handles written own#REP / borrow#REP and the CLI's "..." for lists and strings it does
not print. Resource drops are not logged by wasmtime, so they are missing. The traces are
informative, not an oracle: they hold clock readings and poll counts that vary from run to
run, and the CLI has no read-only preopen (read-only preopens are writable here; the cases
where that changes the result say so in their first line). --python holds the unpacked
python-*.wasm.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle  # noqa: E402  (materialize, Server)

LINE = re.compile(r'TRACE wit-bindgen import\{module="[^"]*" function="([^"]+)"\}: '
                  r'(?:wasmtime_wasi\S*)::wasi::(\w+)::(\w+): (call|return)\s?(.*)$')


def simplify(text):
    text = re.sub(r'Resource \{ rep: (\d+), state: "borrow" \}', r"borrow#\1", text)
    text = re.sub(r'Resource \{ rep: (\d+), state: "own[^"]*" \}', r"own#\1", text)
    return text.strip()


def parse(log):
    """[(interface, function, arguments, result or None)] from the CLI's trace output."""
    calls = []
    for line in log.splitlines():
        match = LINE.search(line)
        if not match:
            continue
        function, package, name, event, rest = match.groups()
        interface = f"wasi:{package}/{name.replace('_', '-')}"
        if event == "call":
            calls.append([interface, function, simplify(rest), None])
        elif calls and calls[-1][1] == function and calls[-1][3] is None:
            calls[-1][3] = simplify(rest.removeprefix("result="))
    return calls


def trace_case(case, fixtures, python, wasmtime_cli, scratch):
    root = tempfile.mkdtemp(dir=scratch)
    oracle.materialize(root, case["files"])
    server = oracle.Server(case["server"]) if case["server"] else None
    argv = [arg.replace("{PORT}", str(server.port)) if server else arg for arg in case["argv"]]
    flags = {"tcp": "tcp", "udp": "udp", "ip_name_lookup": "allow-ip-name-lookup"}
    allowed = [flags[name] for name, on in case["network"].items() if on]
    if allowed:
        allowed.insert(0, "inherit-network")
    command = [wasmtime_cli, "run", "--argv0", argv[0]]
    if allowed:
        command += ["-S", ",".join(allowed)]
    for name, value in case["env"]:
        command += ["--env", f"{name}={value}"]
    for entry in case["preopens"]:
        command += ["--dir", f"{os.path.join(root, entry['host'])}::{entry['guest']}"]
    folder = python if case["component"].startswith("python-") else fixtures
    command += [os.path.join(folder, case["component"]), *argv[1:]]
    environment = {"PATH": os.environ.get("PATH", ""),
                   "WASMTIME_LOG": "wasmtime_wasi=trace,wasmtime_wasi_io=trace"}
    result = subprocess.run(command, input=(case["stdin"] or "").encode(), capture_output=True,
                            timeout=60, env=environment)
    if server:
        server.join()
    return parse(result.stderr.decode("utf-8", "replace")), result.returncode


def main():
    parser = argparse.ArgumentParser()
    for name in ("--cases", "--fixtures", "--python", "--wasmtime-cli", "--out"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for path in sorted(glob.glob(os.path.join(args.cases, "*.json"))):
            with open(path, encoding="utf-8") as f:
                case = json.load(f)
            if case["kind"] != "command":
                continue
            calls, status = trace_case(case, args.fixtures, args.python, args.wasmtime_cli, scratch)
            argv = json.dumps(case["argv"], ensure_ascii=False)
            lines = [f"# {case['name']}: argv {argv}; wasmtime CLI 49.0.3, exit status {status}"]
            if status != case["expected"]["status"]:
                lines.append(f"# differs from the oracle (status {case['expected']['status']}): "
                             "the CLI's preopens are always writable")
            distinct = sorted({f"{c[0]}.{c[1]}" for c in calls})
            lines.append(f"# {len(calls)} calls of {len(distinct)} functions: {', '.join(distinct)}")
            for interface, function, arguments, result in calls:
                returned = "(no return)" if result is None else result
                lines.append(f"{interface}.{function}({arguments}) -> {returned}")
            with open(os.path.join(args.out, case["name"] + ".txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
    print(f"wrote traces to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
