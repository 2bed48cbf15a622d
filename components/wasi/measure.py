#!/usr/bin/env python3
# Requires Python 3.11 and wasmtime==50.0.1.
"""How long wasmtime-py takes to load and run the componentize-py skill (the numbers the
issue's speed goals compare against), and the fixtures' sizes.

    measure.py [--runs N]

Each measurement runs in a fresh Python process: load (Component.from_file, i.e. compile),
link (add_wasip2 + the sandbox:skill/filesystem host) and instantiate, then the first call of
sandbox:skill/skill.run. "cold": Config.cache off; "cached": Config.cache on, with a cache
folder that an earlier run filled (the second run of a machine). Prints medians of wall
time (and the CPU time of loading: compilation runs on several threads, and the machine
may be shared).
"""
import argparse
import json
import lzma
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def one_run(path, cache_toml):
    """Runs in the child process; prints {"load", "instantiate", "run"} seconds as JSON."""
    import wasmtime
    from wasmtime import component as cm

    started = time.perf_counter()
    started_cpu = time.process_time()
    config = wasmtime.Config()
    if cache_toml:
        config.cache = cache_toml
    engine = wasmtime.Engine(config)
    component = cm.Component.from_file(engine, path)
    loaded = time.perf_counter()
    load_cpu = time.process_time() - started_cpu
    store = wasmtime.Store(engine)
    store.set_wasi(wasmtime.WasiConfig())
    linker = cm.Linker(engine)
    linker.add_wasip2()
    with linker.root() as root:
        with root.add_instance("sandbox:skill/filesystem") as instance:
            instance.add_func("read-file", lambda _store, path: cm.Variant("err", "denied"))
    instance = linker.instantiate(store, component)
    interface = instance.get_export_index(store, "sandbox:skill/skill")
    run = instance.get_func(store, instance.get_export_index(store, "run", interface))
    instantiated = time.perf_counter()
    result = run(store)
    finished = time.perf_counter()
    assert result.startswith("BLOCKED: "), result
    print(json.dumps({"load": loaded - started, "load_cpu": load_cpu, "instantiate": instantiated - loaded,
                      "run": finished - instantiated}))


def measure(path, cache_toml, runs):
    samples = []
    for _ in range(runs):
        output = subprocess.run([sys.executable, __file__, "--child", path, cache_toml or ""],
                                check=True, capture_output=True, text=True).stdout
        samples.append(json.loads(output))
    return {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        one_run(sys.argv[2], sys.argv[3] or None)
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        skill = os.path.join(scratch, "python-malicious.wasm")
        with lzma.open(os.path.join(HERE, "python-malicious.wasm.xz")) as source, open(skill, "wb") as target:
            target.write(source.read())
        cache_toml = os.path.join(scratch, "cache.toml")
        with open(cache_toml, "w") as f:
            f.write(f'[cache]\ndirectory = "{os.path.join(scratch, "cache")}"\n')
        print(f"python-malicious.wasm ({os.path.getsize(skill)} bytes), median of {args.runs} runs:")
        cold = measure(skill, None, args.runs)
        print("  cold (no cache):   load {load:.2f} s ({load_cpu:.2f} s CPU), link+instantiate {instantiate:.3f} s, "
              "first run() {run:.4f} s".format(**cold))
        measure(skill, cache_toml, 1)  # fills the cache
        cached = measure(skill, cache_toml, args.runs)
        print("  Config.cache, 2nd: load {load:.2f} s ({load_cpu:.2f} s CPU), link+instantiate {instantiate:.3f} s, "
              "first run() {run:.4f} s".format(**cached))


if __name__ == "__main__":
    main()
