#!/usr/bin/env bash
# Builds an ~18 MB componentize-py component (a Python interpreter inside) for load-time and
# WIT-printing stress tests. Not committed: componentize-py output is not byte-for-byte
# reproducible. Output: components/large/large.wasm (ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
source ../pinned-tools.sh
python3 -m pip install -q --disable-pip-version-check "componentize-py==$COMPONENTIZE_PY_VERSION"
componentize-py -d app.wit -w app componentize app -o large.wasm
echo "built $(pwd)/large.wasm ($(stat -c %s large.wasm) bytes)"
