#!/bin/sh
# Rebuilds every fixture's expected.wit from its wit/ folder with wasm-tools:
# a dummy core module for the world, made into a component, printed back as WIT.
# Each wit/ folder holds one package with exactly one world (deps/ for foreign packages).
set -eu
cd "$(dirname "$0")"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for case in */; do
    case=${case%/}
    [ -d "$case/wit" ] || continue
    wasm-tools component embed --dummy "$case/wit" -o "$scratch/$case.core.wasm"
    wasm-tools component new "$scratch/$case.core.wasm" -o "$scratch/$case.wasm"
    wasm-tools component wit "$scratch/$case.wasm" > "$case/expected.wit"
    echo "$case"
done
