#!/usr/bin/env bash
# The benchmarks of issue 8, wasmsh side by side with wasmtime-py 50.0.1, in one table.
#
#   Benchmarks/run.sh [--quick] [--debug] [--json FILE]
#
# Builds the root package's `sandbox-bench` (the harness) and `wasmsh` in release mode (the
# root's .build/release, beside and apart from the debug build `swift test` uses); builds the
# 18 MB componentize-py component if absent (components/large/build.sh); installs wasmtime-py if
# missing; then runs every workload on both runtimes (Benchmarks/compare.py) and prints the
# table. --quick uses tiny iteration counts: a smoke test that prints every row in well under a
# minute (builds excluded). --debug uses the debug build instead, the one `swift test` has
# already made (CI's smoke run): nothing to compile, but its wasmsh timings mean nothing. The
# exit status is non-zero only when something fails to run, never because of a timing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

configuration=release
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) pass+=(--quick) ;;
    --debug) configuration=debug ;;
    --json) pass+=(--json "$2"); shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (use --quick, --debug, --json FILE)" >&2; exit 2 ;;
  esac
  shift
done

source "$root/components/pinned-tools.sh"
if ! python3 -c "import importlib.metadata as m, sys; sys.exit(m.version('wasmtime') != '$WASMTIME_VERSION')" 2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check "$WASMTIME_PIP"
fi

echo "· building sandbox-bench and wasmsh ($configuration)" >&2
swift build -c "$configuration" --package-path "$root" --product sandbox-bench >&2
swift build -c "$configuration" --package-path "$root" --product wasmsh >&2
bin="$(swift build -c "$configuration" --package-path "$root" --show-bin-path)"

if [ ! -f "$root/components/large/large.wasm" ]; then
  echo "· building components/large/large.wasm (componentize-py)" >&2
  # Without it the 18 MB rows say "not built"; that is reported, not a failure.
  bash "$root/components/large/build.sh" >&2 || echo "run.sh: components/large/build.sh failed; skipping the 18 MB rows" >&2
fi

[ "$configuration" = debug ] && pass+=(--debug)
exec python3 "$here/compare.py" --harness "$bin/sandbox-bench" --wasmsh "$bin/wasmsh" --root "$root" "${pass[@]}"
