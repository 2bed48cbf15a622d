#!/bin/sh
# Builds the instruction printer's oracle (wasm-tools 1.262.0): printer.wasm from printer.wat,
# and what `wasm-tools print -p` writes for it and for some committed components. The outputs
# are committed; run this after editing printer.wat or rebuilding the components.
set -eu
cd "$(dirname "$0")"
root="../../../.."
wasm-tools parse printer.wat -o printer.wasm
wasm-tools validate --features all printer.wasm
wasm-tools print -p printer.wasm > printer.print.txt
for name in compute debug debug-optimized values malicious; do
    wasm-tools print -p "$root/components/$name.wasm" > "$name.print.txt"
done
