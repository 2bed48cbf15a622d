#!/usr/bin/env python3
# Requires Python 3.11, llvm-dwarfdump 14.0.6 (Debian's llvm-14) and wasm-tools 1.262.0.
"""What the toolchain's own tools say about the debug fixtures' DWARF: the oracles
Tests/DebugInfoTests compare wasmsh's DWARF reader with.

For each component given, takes the core module that carries the DWARF (the one with a
.debug_info custom section, byte for byte as embedded in the component) and writes into
--expected:

  NAME.debug-line.txt   llvm-dwarfdump --debug-line   (line tables: headers, file tables, rows)
  NAME.debug-info.txt   llvm-dwarfdump --debug-info   (DIEs, locations and location lists resolved)
  NAME.addr2line.txt    wasm-tools addr2line --code-section-relative, for every address that
                        starts a row of the line tables: file:line:column of each address,
                        with inlined frames (innermost first) indented below it
  NAME.addr2line-module.txt
                        the same addresses made module offsets (the Code section's payload
                        start added, computed here from the section headers) and given to
                        wasm-tools addr2line without the flag: a check of the two conventions

Addresses are DWARF's for wasm: offsets from the start of the Code section's payload, which is
what --code-section-relative makes addr2line take (its default is offsets into the module).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

LLVM_DWARFDUMP_VERSION = "14.0.6"
WASM_TOOLS_VERSION = "1.262.0"
ROW = re.compile(r"^0x([0-9a-f]{16}) ")


def fail(message):
    print(f"oracles.py: {message}", file=sys.stderr)
    sys.exit(1)


def check_tools():
    dwarfdump = subprocess.run(["llvm-dwarfdump", "--version"], capture_output=True, text=True).stdout
    if f"LLVM version {LLVM_DWARFDUMP_VERSION}" not in dwarfdump:
        fail(f"llvm-dwarfdump {LLVM_DWARFDUMP_VERSION} required (apt-get install llvm-14), found: "
             f"{dwarfdump.strip().splitlines()[:1]}")
    wasm_tools = subprocess.run(["wasm-tools", "--version"], capture_output=True, text=True).stdout.split()
    if wasm_tools[1:2] != [WASM_TOOLS_VERSION]:
        fail(f"wasm-tools {WASM_TOOLS_VERSION} required, found {wasm_tools}")


def uleb(data, position):
    result = shift = 0
    while True:
        byte = data[position]
        position += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, position


def sections(data, start, end):
    """(id, payload start, payload end) of each section between start and end."""
    position = start
    while position < end:
        section_id = data[position]
        size, payload = uleb(data, position + 1)
        yield section_id, payload, payload + size
        position = payload + size


def custom_section_names(module):
    for section_id, start, end in sections(module, 8, len(module)):
        if section_id == 0:
            length, name_start = uleb(module, start)
            yield module[name_start:name_start + length].decode()


def code_payload_start(module):
    """The module offset of the Code section's payload: DWARF's address 0."""
    for section_id, start, _ in sections(module, 8, len(module)):
        if section_id == 10:
            return start
    fail("the debug module has no code section")


def debug_module(component_path):
    """The bytes of the component's top-level core module that has a .debug_info section."""
    data = open(component_path, "rb").read()
    for section_id, start, end in sections(data, 8, len(data)):
        if section_id == 1 and ".debug_info" in custom_section_names(data[start:end]):
            return data[start:end]
    fail(f"{component_path}: no core module with a .debug_info section")


def run(arguments, folder):
    return subprocess.run(arguments, cwd=folder, capture_output=True, check=True, text=True).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--expected", required=True, help="folder to write the oracle files into")
    parser.add_argument("components", nargs="+", help="debug fixtures (NAME.wasm)")
    args = parser.parse_args()
    check_tools()
    with tempfile.TemporaryDirectory() as folder:
        for component in args.components:
            name = os.path.basename(component).removesuffix(".wasm")
            core = f"{name}.core.wasm"
            with open(os.path.join(folder, core), "wb") as out:
                out.write(debug_module(component))
            # Run in the temporary folder with a relative name: the dumps name the file.
            line_dump = run(["llvm-dwarfdump", "--debug-line", core], folder)
            info_dump = run(["llvm-dwarfdump", "--debug-info", core], folder)
            addresses = sorted({int(match.group(1), 16) for line in line_dump.splitlines()
                                if (match := ROW.match(line))})
            frames = run(["wasm-tools", "addr2line", "--code-section-relative", core]
                         + [hex(address) for address in addresses], folder)
            base = code_payload_start(open(os.path.join(folder, core), "rb").read())
            module_frames = run(["wasm-tools", "addr2line", core] + [hex(base + address) for address in addresses],
                                folder)
            outputs = {"debug-line": line_dump, "debug-info": info_dump, "addr2line": frames,
                       "addr2line-module": module_frames}
            for kind, text in outputs.items():
                with open(os.path.join(args.expected, f"{name}.{kind}.txt"), "w", encoding="utf-8") as out:
                    out.write(text)
            print(f"wrote expected/debug/{name}.*.txt ({len(addresses)} line-table addresses)")


if __name__ == "__main__":
    main()
