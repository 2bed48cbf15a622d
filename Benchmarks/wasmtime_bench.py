#!/usr/bin/env python3
# Requires Python 3.11 and wasmtime==50.0.1 (pip install wasmtime==50.0.1): the reference runtime
# of issue 8 (Cranelift JIT, Python hosts). Benchmarks/run.sh installs it when missing.
"""The wasmtime-py side of the wasmsh benchmarks: the same workloads as the Swift harness
(Benchmarks/Sources/SandboxBench), one JSON line per figure on stdout, with the same metric keys.

    wasmtime_bench.py [--quick] --root REPOSITORY SECTION...

Sections: calls hostcalls load large compute memory-values memory-trusted (run each memory-*
section alone, in a fresh process: it reads the process's RSS), and `startup`, which is not a
measurement but the whole-process workload that Benchmarks/compare.py times: load trusted.wasm,
call run() once, print its result. `shell-loop COUNT` is the other whole-process workload: values'
add(20, 22) COUNT times in a loop, each result printed (the scripted shell call's counterpart).

The hosts do what wasmsh's do, in Python, so that the comparison is of the same work:
read-file checks the path against the granted scope, reads the file, and records a decided and
a finished audit record (in a list; with a JSONL file, also one os.write per record).
"""
import argparse
import importlib.metadata
import json
import os
import statistics
import sys
import time

import wasmtime
from wasmtime import component as cm

PINNED = "50.0.1"


def emit(metric, value, unit, note=""):
    print(json.dumps({"metric": metric, "value": value, "unit": unit, "note": note}), flush=True)


class Settings:
    def __init__(self, quick):
        self.quick = quick
        # (warm-up, iterations, runs) per workload; the figure is the median run's time per iteration.
        self.calls = (50, 200, 3) if quick else (2_000, 20_000, 7)
        self.host_calls = 1_000 if quick else 100_000
        self.host_runs = 2 if quick else 5
        self.loads = (1, 3, 3) if quick else (5, 30, 5)
        self.large_runs = 1 if quick else 3
        self.spin_iterations = 10_000 if quick else 1_000_000
        self.spins = (1, 2, 3) if quick else (2, 5, 5)
        self.memory_copies = 100


def per_iteration_ns(sampling, body):
    warmup, iterations, runs = sampling
    for _ in range(warmup):
        body()
    times = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        for _ in range(iterations):
            body()
        times.append((time.perf_counter_ns() - start) / iterations)
    return statistics.median(times)


def expect(condition, message):
    if not condition:
        raise RuntimeError(message)


# --- components and hosts --------------------------------------------------------------------
class Fixtures:
    def __init__(self, root):
        self.root = root
        self.engine = wasmtime.Engine()

    def path(self, name):
        return os.path.join(self.root, "components", f"{name}.wasm")

    def bytes(self, name):
        with open(self.path(name), "rb") as file:
            return file.read()


def define(linker, interface, functions):
    with linker.root() as root:
        with root.add_instance(interface) as instance:
            for name, function in functions.items():
                instance.add_func(name, function)


def echo_host(linker, component, engine):
    """values: every function of test:values/host returns its argument."""
    names = component.type.imports(engine)["test:values/host"].ty.exports(engine)
    define(linker, "test:values/host", {name: (lambda store, value: value) for name in names})


class FilesystemHost:
    """sandbox:skill/filesystem.read-file as wasmsh serves it: scope check, audit, file read."""

    def __init__(self, root, component, scopes, jsonl_path=None, read=True):
        self.root = root
        self.read = read
        self.component = component
        self.scopes = {os.path.normpath(scope) for scope in scopes}
        self.history = []
        self.sequence = 0
        self.descriptor = None if jsonl_path is None else os.open(
            jsonl_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o644)

    def close(self):
        if self.descriptor is not None:
            os.close(self.descriptor)
            self.descriptor = None

    def record(self, event):
        self.history.append(event)
        if self.descriptor is not None:
            os.write(self.descriptor, (json.dumps(event) + "\n").encode())

    def read_file(self, store, path):
        self.sequence += 1
        normalized = os.path.normpath(path)
        allowed = normalized in self.scopes
        started = time.monotonic_ns()
        decided = {"v": 1, "phase": "decided", "seq": self.sequence, "time": time.time(),
                   "component": self.component, "interface": "sandbox:skill/filesystem",
                   "function": "read-file", "args": json.dumps(path),
                   "decision": "allowed" if allowed else "denied"}
        self.record(decided)
        if allowed and not self.read:
            result = cm.Variant("ok", "x")
        elif allowed:
            try:
                with open(os.path.join(self.root, normalized), encoding="utf-8") as file:
                    result = cm.Variant("ok", file.read())
            except OSError as error:
                result = cm.Variant("err", str(error))
        else:
            result = cm.Variant("err", f"Permission denied: '{path}' is outside the granted scope")
        finished = dict(decided, phase="finished", outcome="returned", result=result.payload,
                        duration_ns=time.monotonic_ns() - started)
        self.record(finished)
        return result

    def install(self, linker):
        define(linker, "sandbox:skill/filesystem", {"read-file": self.read_file})


class Loaded:
    """A component compiled, linked and instantiated in a store of its own."""

    def __init__(self, engine, wasm, setup, wasi=False):
        self.component = cm.Component(engine, wasm)
        linker = cm.Linker(engine)
        setup(linker, self.component)
        self.store = wasmtime.Store(engine)
        if wasi:
            self.store.set_wasi(wasmtime.WasiConfig())
        self.instance = linker.instantiate(self.store, self.component)

    def func(self, name, interface=None):
        index = None if interface is None else self.instance.get_export_index(self.store, interface)
        func = self.instance.get_func(self.store, self.instance.get_export_index(self.store, name, index))
        expect(func is not None, f"no export {interface}#{name}")
        return func


# --- (a) export calls ------------------------------------------------------------------------
CORE_ADD = """(module (func (export "add") (param i32 i32) (result i32)
  local.get 1 local.get 0 i32.add))"""


def calls(fixtures, settings):
    engine = fixtures.engine
    values = Loaded(engine, fixtures.bytes("values"), lambda linker, comp: echo_host(linker, comp, engine))
    store = values.store
    add = values.func("add")
    expect(add(store, 1, 2) == 3, "add(1, 2) != 3")
    text = "0123456789abcdef" * 64
    echo_string = values.func("echo-string", "test:values/echo")
    expect(echo_string(store, text) == text, "echo-string")
    echo_point = values.func("echo-point", "test:values/echo")
    point = cm.Record()
    point.x, point.y = -7, 42
    expect(echo_point(store, point) == point, "echo-point")

    # The same core signature on a core module: the JIT's raw call cost from Python.
    core_store = wasmtime.Store(engine)
    core_add = wasmtime.Instance(core_store, wasmtime.Module(engine, CORE_ADD), []).exports(core_store)["add"]
    expect(core_add(core_store, 1, 2) == 3, "core add(1, 2) != 3")

    us = lambda body: per_iteration_ns(settings.calls, body) / 1_000
    emit("call.add", us(lambda: add(store, 1, 2)), "µs/call")
    emit("call.string1k", us(lambda: echo_string(store, text)), "µs/call")
    emit("call.record", us(lambda: echo_point(store, point)), "µs/call")
    emit("call.core-add", us(lambda: core_add(core_store, 1, 2)), "µs/call", "wasmtime.Func on a core module")


# --- (b) host calls --------------------------------------------------------------------------
def host_calls(fixtures, settings):
    engine, count = fixtures.engine, settings.host_calls
    wasm = fixtures.bytes("busy")

    def rate(host):
        busy = Loaded(engine, wasm, lambda linker, comp: host.install(linker))
        read_many = busy.func("read-many")
        expect(read_many(busy.store, "./demo.txt", 10) == 10, "read-many warm-up")
        seconds = []
        for _ in range(settings.host_runs):
            start = time.perf_counter_ns()
            result = read_many(busy.store, "./demo.txt", count)
            seconds.append((time.perf_counter_ns() - start) / 1e9)
            expect(result == count, f"read-many read {result} of {count}")
        return count / statistics.median(seconds)

    emit("host.memory", rate(FilesystemHost(fixtures.root, "busy", ["./demo.txt"])), "calls/s",
         "Python host: scope check + audit list + file read")
    emit("host.gate", rate(FilesystemHost(fixtures.root, "busy", ["./demo.txt"], read=False)), "calls/s",
         "Python host: scope check + audit list, no file I/O")
    jsonl = f"/tmp/wasmtime-bench-{os.getpid()}.jsonl"
    host = FilesystemHost(fixtures.root, "busy", ["./demo.txt"], jsonl)
    try:
        emit("host.jsonl", rate(host), "calls/s", "scope check + audit list and JSONL (os.write per record) + file read")
    finally:
        host.close()
        os.unlink(jsonl)

    class Bare:
        def install(self, linker):
            define(linker, "sandbox:skill/filesystem", {"read-file": lambda store, path: cm.Variant("ok", "x")})

    emit("host.bare", rate(Bare()), "calls/s", "Python host returns ok(\"x\")")
    wasi_host_calls(fixtures, settings)


def wasi_host_calls(fixtures, settings):
    """spin.wasm on wasmtime's own WASI (Rust, no Python host, no audit): the floor to compare with."""
    engine, count = fixtures.engine, settings.host_calls
    wasm = fixtures.bytes("wasi/spin")

    def rate(export, check):
        def setup(linker, component):
            linker.add_wasip2()
        spin = Loaded(engine, wasm, setup, wasi=True)
        func = spin.func(export)
        seconds = []
        for _ in range(settings.host_runs):
            start = time.perf_counter_ns()
            result = func(spin.store, count)
            seconds.append((time.perf_counter_ns() - start) / 1e9)
            expect(check(result), f"{export}({count}) returned {result}")
        return count / statistics.median(seconds)

    note = "wasmtime's WASI in Rust: no policy, no audit"
    emit("wasi.clock", rate("spin-clock", lambda result: result > 0), "calls/s", note)
    emit("wasi.random", rate("spin-random", lambda result: result == (16 * count) % 2 ** 32), "calls/s", note)
    emit("wasi.clock-jsonl", None, "calls/s", "no audit in wasmtime")


# --- (c) load --------------------------------------------------------------------------------
def setup_for(fixtures, name):
    if name == "values":
        return lambda linker, comp: echo_host(linker, comp, fixtures.engine)
    return lambda linker, comp: FilesystemHost(fixtures.root, name, ["./demo.txt"]).install(linker)


def load(fixtures, settings):
    for name in ("trusted", "values"):
        wasm = fixtures.bytes(name)
        setup = setup_for(fixtures, name)
        load_us = per_iteration_ns(settings.loads, lambda: Loaded(fixtures.engine, wasm, setup)) / 1_000
        compile_us = per_iteration_ns(
            settings.loads, lambda: cm.Component(fixtures.engine, wasm).type.exports(fixtures.engine)) / 1_000
        emit(f"load.{name}", load_us, "µs", "compile + link + instantiate")
        emit(f"load.{name}.parse", compile_us, "µs", "compile + type only")


def large(fixtures, settings):
    path = os.path.join(fixtures.root, "components", "large", "large.wasm")
    if not os.path.exists(path):
        note = "components/large/large.wasm is not built (components/large/build.sh)"
        for metric in ("large.wit", "large.instantiate", "large.first-call"):
            emit(metric, None, "ms", note)
        return
    with open(path, "rb") as file:
        wasm = file.read()
    wit, instantiated, first_call = [], [], []
    result = None
    for _ in range(settings.large_runs):
        # A fresh engine per run: nothing compiled earlier is reused. The WIT needs the compiled
        # component (its type), so the time to an instance is that plus link and instantiate.
        engine = wasmtime.Engine()
        start = time.perf_counter_ns()
        component = cm.Component(engine, wasm)
        exports = component.type.exports(engine)
        imports = component.type.imports(engine)
        expect("run" in exports and imports, "large.wasm's type has no run export")
        wit.append((time.perf_counter_ns() - start) / 1e6)

        linker = cm.Linker(engine)
        linker.add_wasip2()
        store = wasmtime.Store(engine)
        store.set_wasi(wasmtime.WasiConfig())
        instance = linker.instantiate(store, component)
        instantiated.append((time.perf_counter_ns() - start) / 1e6)
        run = instance.get_func(store, instance.get_export_index(store, "run"))
        result = run(store, "bench")
        first_call.append((time.perf_counter_ns() - start) / 1e6)
    expect(result == "Hello, bench!", f"run returned {result!r}")
    size = f"{len(wasm) // 1_000_000} MB"
    emit("large.wit", statistics.median(wit), "ms", f"{size}: compile + component type")
    emit("large.instantiate", statistics.median(instantiated), "ms", "compile + type + WASI link + instantiate")
    emit("large.first-call", statistics.median(first_call), "ms", f"returned {json.dumps(result)}")


# --- (e) memory ------------------------------------------------------------------------------
def resident_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def memory(fixtures, settings, name):
    wasm = fixtures.bytes(name)
    setup = setup_for(fixtures, name)
    loaded = [Loaded(fixtures.engine, wasm, setup)]
    before = resident_kib()
    for _ in range(settings.memory_copies):
        loaded.append(Loaded(fixtures.engine, wasm, setup))
    after = resident_kib()
    emit(f"memory.{name}", (after - before) / settings.memory_copies, "KiB/component",
         f"RSS {before} → {after} KiB over {settings.memory_copies} loads")


# --- (f) compute -----------------------------------------------------------------------------
def compute(fixtures, settings):
    wasm = fixtures.bytes("compute")
    n = settings.spin_iterations

    def spin_ms(fuel):
        config = wasmtime.Config()
        config.consume_fuel = fuel
        engine = wasmtime.Engine(config)
        loaded = Loaded(engine, wasm, lambda linker, comp: None)
        if fuel:
            loaded.store.set_fuel(2 ** 62)
        spin = loaded.func("spin")
        return per_iteration_ns(settings.spins, lambda: spin(loaded.store, n)) / 1e6

    plain = spin_ms(False)
    metered = spin_ms(True)
    emit("compute.spin", plain, "ms/call", f"spin({n})")
    emit("compute.spin-fuel", metered, "ms/call", f"fuel metering: +{(metered / plain - 1) * 100:.0f}%")
    emit("compute.interrupt", None, "%", "wasmtime: epoch interruption (not measured)")


# --- (d) the whole-process workloads ---------------------------------------------------------
def shell_loop(fixtures, count):
    """What a script of `count` lines `call values.add(20, 22)` does in wasmsh, as a Python loop:
    the call and its printed result, per line (compare.py differences two counts)."""
    values = Loaded(fixtures.engine, fixtures.bytes("values"), setup_for(fixtures, "values"))
    add, store = values.func("add"), values.store
    for _ in range(count):
        print(add(store, 20, 22))


def startup(fixtures):
    trusted = Loaded(fixtures.engine, fixtures.bytes("trusted"), setup_for(fixtures, "trusted"))
    run = trusted.func("run", "sandbox:skill/skill")
    print(run(trusted.store))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny iteration counts (a smoke test)")
    parser.add_argument("--root", default=".", help="the wasmsh repository")
    parser.add_argument("sections", nargs="+")
    args = parser.parse_args()
    installed = importlib.metadata.version("wasmtime")
    expect(installed == PINNED, f"wasmtime {installed} is installed; {PINNED} is pinned")
    fixtures = Fixtures(os.path.abspath(args.root))
    settings = Settings(args.quick)
    sections = {
        "calls": lambda: calls(fixtures, settings),
        "hostcalls": lambda: host_calls(fixtures, settings),
        "load": lambda: load(fixtures, settings),
        "large": lambda: large(fixtures, settings),
        "compute": lambda: compute(fixtures, settings),
        "memory-values": lambda: memory(fixtures, settings, "values"),
        "memory-trusted": lambda: memory(fixtures, settings, "trusted"),
        "startup": lambda: startup(fixtures),
    }
    if args.sections[0] == "shell-loop":
        expect(len(args.sections) == 2 and args.sections[1].isdigit(), "usage: shell-loop COUNT")
        shell_loop(fixtures, int(args.sections[1]))
        return
    for section in args.sections:
        if section not in sections:
            parser.error(f"unknown section {section!r}; one of {', '.join(sections)}")
    for section in args.sections:
        sections[section]()


if __name__ == "__main__":
    try:
        main()
    except (RuntimeError, wasmtime.WasmtimeError, OSError) as error:
        print(f"wasmtime_bench.py: {error}", file=sys.stderr)
        sys.exit(1)
