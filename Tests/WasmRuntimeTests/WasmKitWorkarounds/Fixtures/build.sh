#!/bin/sh
# Assembles the interrupt-check test modules (wasm-tools 1.262.0) and validates them.
# The .wasm files are committed; run this after editing a .wat file.
set -eu
cd "$(dirname "$0")"
for source in *.wat; do
    module="${source%.wat}.wasm"
    wasm-tools parse "$source" -o "$module"
    wasm-tools validate --features all "$module"
done
