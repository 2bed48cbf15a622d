#!/usr/bin/env python3
"""Runs both sides of the wasmsh benchmarks and prints one table (Benchmarks/run.sh calls this).

    compare.py --harness PATH --wasmsh PATH --root REPOSITORY [--quick] [--debug] [--json FILE]

The wasmsh side is the Swift harness (release build; a debug one only for CI's smoke run) and the
wasmsh executable itself (start-up); the wasmtime-py side is wasmtime_bench.py next to this file.
Each memory figure comes from a fresh process. Timings are reported against the goals of issue 8,
never asserted: the exit status is non-zero only when a workload fails to run.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SECTIONS = ["calls", "hostcalls", "load", "large", "compute"]
MEMORY_SECTIONS = ["memory-values", "memory-trusted"]
STARTUP_SCRIPT = "load trusted\ncall trusted.run()\nquit\n"


class Side:
    """The figures of one runtime, by metric key, and the failures met getting them."""

    def __init__(self, name):
        self.name = name
        self.figures = {}
        self.failures = []

    def run(self, command, cwd):
        try:
            done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=1800)
        except (OSError, subprocess.TimeoutExpired) as error:
            self.failures.append(f"{' '.join(command)}: {error}")
            return
        for line in done.stdout.splitlines():
            if line.startswith("{"):
                figure = json.loads(line)
                self.figures[figure["metric"]] = figure
        if done.returncode != 0:
            self.failures.append(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()}")

    def value(self, metric):
        figure = self.figures.get(metric)
        return None if figure is None else figure["value"]

    def note(self, metric):
        figure = self.figures.get(metric)
        return "" if figure is None else figure.get("note", "")


def time_process(side, metric, command, cwd, runs, expect):
    """Median wall time of `command` with the start-up script on stdin, as a whole process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        done = subprocess.run(command, cwd=cwd, input=STARTUP_SCRIPT, capture_output=True, text=True, timeout=300)
        elapsed = (time.perf_counter_ns() - start) / 1e6
        if done.returncode != 0 or expect not in done.stdout:
            side.failures.append(f"{' '.join(command)} (start-up) exited {done.returncode}: "
                                 f"{(done.stderr or done.stdout).strip()[:500]}")
            return
        times.append(elapsed)
    side.figures[metric] = {"metric": metric, "value": statistics.median(times), "unit": "ms",
                            "note": f"median of {runs} runs"}


def shell_script(count):
    return "load values\n" + "call values.add(20, 22)\n" * count + "quit\n"


def time_lines(side, metric, command, cwd, counts, runs, script):
    """Per-line cost of a whole process fed `count` lines, start-up removed: the difference of the
    median times at two counts, over the difference of the counts, in µs. `script(count)` is
    the process's stdin, or None when the count is on the command line instead."""
    # The two sizes take turns, so that a slow spell of this machine falls on both medians alike
    # (run one size after the other, a slow spell during the long runs read as a slower line).
    times = {count: [] for count in counts}
    for _ in range(runs):
        for count in counts:
            stdin = script(count) if script else None
            full = command + ([] if script else [str(count)])
            start = time.perf_counter_ns()
            done = subprocess.run(full, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=600)
            elapsed = (time.perf_counter_ns() - start) / 1e3
            printed = done.stdout.split().count("42")
            if done.returncode != 0 or printed != count:
                side.failures.append(f"{' '.join(full)} ({count} lines) exited {done.returncode}, printed {printed} "
                                     f"results: {(done.stderr or done.stdout).strip()[:500]}")
                return
            times[count].append(elapsed)
    medians = [statistics.median(times[count]) for count in counts]
    side.figures[metric] = {"metric": metric, "value": (medians[1] - medians[0]) / (counts[1] - counts[0]),
                            "unit": "µs/line", "note": f"({counts[1]} − {counts[0]} lines), median of {runs} runs"}


# --- the table -------------------------------------------------------------------------------
def fmt(value, digits=None):
    if value is None:
        return "n/a"
    if digits is None:
        digits = 0 if abs(value) >= 100 else (1 if abs(value) >= 10 else 2)
    return f"{value:,.{digits}f}"


def advantage(ours, theirs, lower_is_better):
    """How many times better wasmsh is (>1: wasmsh wins)."""
    if ours is None or theirs is None or ours <= 0 or theirs <= 0:
        return None
    return theirs / ours if lower_is_better else ours / theirs


def verdict(ok):
    return "met" if ok else "MISSED"


def goal_call(ws, wt, key):
    ours, theirs = ws.value(key), wt.value(key)
    ratio = advantage(ours, theirs, True)
    text = "≥5× wasmtime-py: " + ("n/a" if ratio is None else verdict(ratio >= 5))
    if key == "call.add":
        core = ws.value("call.core-add")
        if ours is not None and core:
            text += f"; ≤2× core invoke: {ours / core:.2f}× {verdict(ours / core <= 2)}"
    return text


def goal_shell(ws, wt, key):
    ratio = advantage(ws.value(key), wt.value(key), True)
    return "≥10× wasmtime-py: " + ("n/a" if ratio is None else verdict(ratio >= 10))


def goal_api_add(ws, wt, key):
    ours, core = ws.value(key), ws.value("call.core-add")
    if ours is None or not core:
        return "≤1.5× core invoke: n/a"
    return f"≤1.5× core invoke: {ours / core:.2f}× {verdict(ours / core <= 1.5)}"


def goal_string(ws, wt, key):
    ratio = advantage(ws.value(key), wt.value(key), True)
    return "≥10× wasmtime-py: " + ("n/a" if ratio is None else verdict(ratio >= 10))


def goal_host_fivefold(ws, wt, key):
    ratio = advantage(ws.value(key), wt.value(key), False)
    return "≥5× wasmtime-py: " + ("n/a" if ratio is None else verdict(ratio >= 5))


def goal_wasi_jsonl(ws, wt, key):
    ours = ws.value(key)
    return "≥500,000/s: " + ("n/a" if ours is None else verdict(ours >= 500_000))


def goal_host_memory(ws, wt, key):
    ours = ws.value(key)
    return "≥1,000,000/s: " + ("n/a" if ours is None else verdict(ours >= 1_000_000))


def goal_host_jsonl(ws, wt, key):
    memory, jsonl = ws.value("host.memory"), ws.value(key)
    if not memory or not jsonl:
        return "≤2× slower than in memory: n/a"
    slower = memory / jsonl
    return f"≤2× slower than in memory: {slower:.2f}× {verdict(slower <= 2)}"


def goal_load(ws, wt, key):
    ours = ws.value(key)
    return "≤1 ms: " + ("n/a" if ours is None else verdict(ours <= 1_000))


def goal_large(ws, wt, key):
    ours, theirs = ws.value(key), wt.value(key)
    if ours is None or theirs is None:
        return "≤1/4 of wasmtime-py: n/a"
    text = f"≤1/4 of wasmtime-py: {ours / theirs:.3f} {verdict(ours * 4 <= theirs)}"
    if "traps" in ws.note(key):
        text += " (call traps: no WASI host)"
    return text


def goal_startup(ws, wt, key):
    ours = ws.value(key)
    return "≤50 ms: " + ("n/a" if ours is None else verdict(ours <= 50))


def goal_memory(ws, wt, key):
    ours = ws.value(key)
    return "≤1 MiB: " + ("n/a" if ours is None else verdict(ours <= 1024))


def no_goal(ws, wt, key):
    return "—"


# Section headings, and rows: (metric key, label, lower is better, goal text for it).
ROWS = [
    ("(a) export call round trip", None),
    ("shell.add", "scripted shell: call values.add(20, 22) [µs/line]", True, goal_shell),
    ("call.add", "add(u32,u32) [µs/call]", True, goal_api_add),
    ("call.string1k", "echo-string, 1 KiB [µs/call]", True, goal_string),
    ("call.record", "echo-point record [µs/call]", True, goal_call),
    ("call.core-add", "core add invoke, no component layer [µs/call]", True, no_goal),
    ("call.wave-add", "add via WAVE text (shell path) [µs/call]", True, no_goal),
    ("(b) host calls inside one export call", None),
    ("host.memory", "read-file, audit in memory [calls/s]", False, goal_host_fivefold),
    ("host.gate", "gate + audit in memory, no file I/O [calls/s]", False, goal_host_memory),
    ("host.jsonl", "read-file, audit + JSONL file [calls/s]", False, goal_host_jsonl),
    ("host.bare", "bare host, no policy/audit/IO [calls/s]", False, no_goal),
    ("wasi.clock", "WASI clock.now, audit in memory [calls/s]", False, goal_host_memory),
    ("wasi.random", "WASI get-random-bytes(16), audit in memory [calls/s]", False, goal_host_memory),
    ("wasi.clock-jsonl", "WASI clock.now, audit + JSONL file [calls/s]", False, goal_wasi_jsonl),
    ("(c) load", None),
    ("load.trusted", "trusted.wasm parse+instantiate [µs]", True, goal_load),
    ("load.values", "values.wasm parse+instantiate [µs]", True, goal_load),
    ("load.trusted.parse", "trusted.wasm parse+inspect (wt: compile) [µs]", True, no_goal),
    ("load.values.parse", "values.wasm parse+inspect (wt: compile) [µs]", True, no_goal),
    ("large.wit", "18 MB component: to its WIT [ms]", True, no_goal),
    ("large.instantiate", "18 MB component: to an instance [ms]", True, no_goal),
    ("large.first-call", "18 MB component: to first call [ms]", True, goal_large),
    ("(d) start-up", None),
    ("startup", "piped load; call; quit, whole process [ms]", True, goal_startup),
    ("(e) memory", None),
    ("memory.values", "RSS per loaded values.wasm [KiB]", True, goal_memory),
    ("memory.trusted", "RSS per loaded trusted.wasm [KiB]", True, goal_memory),
    ("(f) compute, stepping, interrupt", None),
    ("compute.spin", "spin(N) LCG loop [ms/call]", True, no_goal),
    ("compute.spin-fuel", "spin(N) with fuel metering [ms/call]", True, no_goal),
    ("compute.interrupt", "interrupt-check overhead, core spin [%]", True, no_goal),
    ("step.recurse", "recurse(1000): 1001 wasm calls [µs/call]", True, no_goal),
    ("step.recurse-debug", "the same, loaded --debug, not stepped [µs/call]", True, no_goal),
    ("step.recurse-stepped", "the same, stepped without pauses [µs/call]", True, no_goal),
    ("step.spin-debug", "spin(N) loaded --debug [µs/call]", True, no_goal),
    ("source.squares", "sum-squares(1000), C -O0 with DWARF [µs/call]", True, no_goal),
    ("source.squares-debug", "the same, loaded --debug, not stepped [µs/call]", True, no_goal),
    ("source.squares-stepped", "the same, stepped, line probes unarmed [µs/call]", True, no_goal),
    ("source.squares-lines", "the same, line probes armed, no pause [µs/call]", True, no_goal),
    ("source.spin-stepped", "spin(N/100) stepped, instruction probes unarmed [µs/call]", True, no_goal),
    ("source.spin-stepi", "spin(N/100), instruction probes armed [µs/call]", True, no_goal),
]


def table(ws, wt):
    header = ["metric", "wasmsh", "wasmtime-py", "ratio", "goal"]
    lines = []
    for row in ROWS:
        if row[1] is None:
            lines.append([row[0], "", "", "", ""])
            continue
        key, label, lower_is_better, goal = row
        ours, theirs = ws.value(key), wt.value(key)
        ratio = advantage(ours, theirs, lower_is_better)
        ours_text = fmt(ours) if ours is not None else ("pending" if ws.note(key).startswith("pending") else "n/a")
        lines.append(["  " + label, ours_text, fmt(theirs), "n/a" if ratio is None else f"{ratio:.2f}×",
                      goal(ws, wt, key)])
    widths = [max(len(line[i]) for line in lines + [header]) for i in range(len(header))]
    out = [" | ".join(h.ljust(w) for h, w in zip(header, widths)),
           "-|-".join("-" * w for w in widths)]
    for line in lines:
        out.append(" | ".join(cell.ljust(w) if i in (0, 4) else cell.rjust(w)
                              for i, (cell, w) in enumerate(zip(line, widths))).rstrip())
    return "\n".join(out)


def notes(ws, wt):
    out = []
    for key in ("shell.add", "wasi.clock", "large.first-call", "compute.spin", "compute.interrupt", "step.recurse-debug", "step.recurse-stepped",
                "step.spin-debug", "source.squares-debug", "source.squares-stepped", "source.squares-lines",
                "source.spin-stepped", "source.spin-stepi",
                "memory.values", "memory.trusted"):
        for side in (ws, wt):
            if side.note(key):
                out.append(f"  {side.name} {key}: {side.note(key)}")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--harness", required=True, help="the release build of sandbox-bench")
    parser.add_argument("--wasmsh", required=True, help="the release build of wasmsh")
    parser.add_argument("--debug", action="store_true", help="the two are debug builds: say so in the table")
    parser.add_argument("--root", required=True, help="the wasmsh repository")
    parser.add_argument("--quick", action="store_true", help="tiny N: a smoke test printing every row")
    parser.add_argument("--json", help="also write every figure of both sides to this file")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    quick = ["--quick"] if args.quick else []
    startup_runs = 3 if args.quick else 20

    ws, wt = Side("wasmsh"), Side("wasmtime-py")
    python_bench = [sys.executable, os.path.join(HERE, "wasmtime_bench.py")]
    for section in [SECTIONS] + [[memory] for memory in MEMORY_SECTIONS]:
        print(f"· wasmsh: {' '.join(section)}", file=sys.stderr, flush=True)
        ws.run([args.harness, *quick, "--root", root, *section], cwd=root)
        print(f"· wasmtime-py: {' '.join(section)}", file=sys.stderr, flush=True)
        wt.run([*python_bench, *quick, "--root", root, *section], cwd=root)
    print("· start-up (whole processes)", file=sys.stderr, flush=True)
    time_process(ws, "startup", [args.wasmsh], root, startup_runs, "SUCCESS")
    time_process(wt, "startup", [*python_bench, "--root", root, "startup"], root, startup_runs, "SUCCESS")
    print("· scripted shell calls (whole processes)", file=sys.stderr, flush=True)
    counts, shell_runs = ((100, 1_100), 1) if args.quick else ((1_000, 51_000), 5)
    time_lines(ws, "shell.add", [args.wasmsh], root, counts, shell_runs, shell_script)
    time_lines(wt, "shell.add", [*python_bench, "--root", root, "shell-loop"], root, counts, shell_runs, None)

    mode = "quick (smoke test; figures are not meaningful)" if args.quick else "full"
    if args.debug:
        mode += ", wasmsh DEBUG build (its figures are not meaningful)"
    print(f"\nwasmsh vs wasmtime-py 50.0.1 — {mode}; ratio = how many times better wasmsh is (>1: wasmsh wins)\n")
    print(table(ws, wt))
    extra = notes(ws, wt)
    if extra:
        print("\nnotes:\n" + extra)
    if args.json:
        with open(args.json, "w") as file:
            json.dump({"wasmsh": ws.figures, "wasmtime-py": wt.figures}, file, indent=1, ensure_ascii=False)
    failures = ws.failures + wt.failures
    missing = [row[0] for row in ROWS if row[1] is not None and row[0] not in ws.figures]
    if missing:
        failures.append(f"no wasmsh figure for: {', '.join(missing)}")
    if failures:
        print("\nFAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
