#!/usr/bin/env python3
# Requires Python 3.11 and wasmtime==50.0.1 (pip install wasmtime==50.0.1).
"""What wasmtime-py does with issue 15's hostile fixtures (see ISSUE15-REPRO.md).

    wasmtime_issue15.py [--components DIR] > expected/issue15-wasmtime.tsv

prints one line per case:

    FIXTURE <TAB> CALL <TAB> HOST CALLS <TAB> OUTCOME

HOST CALLS lists the argument tuples the host's read-file received (`-` for none). OUTCOME is
`returned VALUE` (WAVE), `trap: MESSAGE` (the line after "wasm trap:"), `failed: TYPE: MESSAGE`
(another error), or, for a component wasmtime refuses, `load: MESSAGE` (its cause, lines
joined by " / "). Control characters in names are written as \\xNN escapes so that the file is plain
text. The calls of one fixture run in order in one instance; `after-trap` marks calls made
after an earlier call of the same instance trapped.

The host's read-file answers ok("SECRET:" + its arguments) whatever it is passed, so that
a test can see whether a forbidden call got through. wasmtime-py's linker does not check a
Python host function against the type the component imports: the guest's declared signature
decides what the host receives (finding 8).
"""
import argparse
import gc
import importlib.util
import pathlib
import re

import wasmtime
from wasmtime import component as cm

HERE = pathlib.Path(__file__).resolve().parent

# golden.py's WAVE writer and value converter.
_spec = importlib.util.spec_from_file_location("golden", HERE.parent / "golden.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)

FILESYSTEM = "sandbox:skill/filesystem"
MEMORY = "test:hostile-memory"
REENTRY = "test:hostile-reentry/reentry"


def escaped(text):
    """Plain text for the TSV: control characters, tabs and newlines as \\xNN."""
    return "".join(f"\\x{ord(ch):02x}" if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 else ch for ch in text)


class Fixture:
    """One instance of a fixture with a read-file host that records its paths."""

    def __init__(self, engine, folder, name):
        self.engine = engine
        self.name = name
        self.paths = []
        self.converter = golden.Converter()
        self.component = cm.Component.from_file(engine, str(folder / f"{name}.wasm"))
        linker = cm.Linker(engine)

        def read_file(store, *arguments):
            self.paths.append(arguments)
            return cm.Variant("ok", "SECRET:" + " ".join(map(str, arguments)))

        imports = self.component.type.imports(engine)
        if FILESYSTEM in imports:
            with linker.root() as root:
                with root.add_instance(FILESYSTEM) as instance:
                    instance.add_func("read-file", read_file)
        self.store = wasmtime.Store(engine)
        self.instance = linker.instantiate(self.store, self.component)
        self.trapped = False

    def function(self, iface, name):
        index = self.instance.get_export_index(self.store, iface) if iface else None
        return self.instance.get_func(self.store, self.instance.get_export_index(self.store, name, index))

    def call(self, iface, name, *arguments, show=None):
        """Calls name(arguments); returns (fixture, expression, host calls, outcome)."""
        func = self.function(iface, name)
        func_type = func.type(self.store)
        expression = f"{name}({', '.join(golden.wave(ty, arg) for (_, ty), arg in zip(func_type.params, arguments))})"
        if self.trapped:
            expression += " after-trap"
        before = len(self.paths)
        try:
            result = func(self.store, *arguments)
            if show is not None:
                outcome = "returned " + show(result)
            elif func_type.result is None:
                outcome = "returned"
            else:
                value = self.converter.from_py(func_type.result, result)
                outcome = "returned " + golden.wave(func_type.result, value)
        except wasmtime.WasmtimeError as error:
            trap = re.findall(r"wasm trap: (.*)", str(error))
            self.trapped = self.trapped or bool(trap)
            outcome = f"trap: {trap[-1].strip()}" if trap else f"failed: {str(error).splitlines()[0]}"
        except Exception as error:  # what the Python host or the value conversion raised
            outcome = f"failed: {type(error).__name__}: {error}"
        host_calls = "; ".join(repr(arguments) for arguments in self.paths[before:]) or "-"
        return self.name, expression, host_calls, outcome


def memory_cases(engine, folder):
    fixture = Fixture(engine, folder, "hostile-memory")
    flood, aliasing = f"{MEMORY}/flood", f"{MEMORY}/aliasing"
    yield fixture.call(flood, "read-long-path", 10)
    yield fixture.call(flood, "read-filled-path", 3, 1)
    yield fixture.call(flood, "read-long-paths", 3, 5)
    yield fixture.call(flood, "read-many", "./demo.txt", 2)
    yield fixture.call(aliasing, "aliased-strings", 3, 4)
    yield fixture.call(aliasing, "aliased-byte-lists", 2, 3)
    yield fixture.call(aliasing, "aliased-nested", 2, 3)

    made = fixture.function(aliasing, "make-many")(fixture.store, 3)
    ids = [fixture.function(aliasing, "[method]thing.id")(fixture.store, handle) for handle in made]
    yield fixture.name, "make-many(3), then id() of each and drop each", "-", f"returned {ids}"
    for handle in made:
        handle.drop(fixture.store)
    yield fixture.call(aliasing, "count")
    yield fixture.call(aliasing, "make-handles", 2, show=lambda result: drop_all(fixture, result))
    yield fixture.call(aliasing, "count")
    # Handles nobody drops: wasmtime does not drop them when the Python objects go away either.
    fixture.function(aliasing, "make-many")(fixture.store, 2)
    gc.collect()
    yield fixture.name, "make-many(2), the handles left to the garbage collector", "-", "returned"
    yield fixture.call(aliasing, "count")
    yield fixture.call(aliasing, "same-handle", 2)
    yield fixture.call(aliasing, "count")


def drop_all(fixture, result):
    """A list of own<thing>: drops them all, says how many there were."""
    for handle in result:
        handle.drop(fixture.store)
    return f"{len(result)} handles (then dropped)"


def reentry_cases(engine, folder):
    # Each forbidden call in a fresh instance: the trap poisons the instance.
    for name, arguments in [("take-string", ["hi"]), ("give-string", []), ("reenter-during-host-call", [])]:
        fixture = Fixture(engine, folder, "hostile-reentry")
        yield fixture.call(REENTRY, name, *arguments)
        yield fixture.call(REENTRY, "reentries")


def signature_cases(engine, folder):
    for name in ["result", "extra-param", "param-type", "no-params"]:
        fixture = Fixture(engine, folder, f"hostile-signature-{name}")
        yield fixture.call(None, "run")


def names_cases(engine, folder):
    for path in sorted(folder.glob("hostile-names-*.wasm")):
        try:
            cm.Component.from_file(engine, str(path))
        except wasmtime.WasmtimeError as error:
            # The cause: "enum tag name `...` is not in kebab case (at offset 0xa7)".
            cause = re.sub(r"\n\s*", " / ", str(error).split("Caused by:")[-1].strip())
            yield path.stem, "load", "-", "load: " + cause
            continue
        yield path.stem, "load", "-", "loaded"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--components", type=pathlib.Path, default=HERE,
                        help="the folder with the hostile-*.wasm files (default: this script's)")
    folder = parser.parse_args().components
    engine = wasmtime.Engine()
    lines = ["# What wasmtime-py 50.0.1 does with issue 15's fixtures: components/hostile/wasmtime_issue15.py.",
             "# FIXTURE\tCALL\tHOST CALLS (read-file arguments)\tOUTCOME"]
    for make_cases in [memory_cases, reentry_cases, signature_cases, names_cases]:
        cases = make_cases(engine, folder)
        lines.extend("\t".join(escaped(field) for field in case) for case in cases)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
