#!/usr/bin/env bash
# Builds the libFuzzer target (release, -sanitize=fuzzer) and fuzzes wasmsh's component
# loader and canonical ABI for MINUTES minutes (default 10).
#
#   Fuzz/run.sh [MINUTES] [LIBFUZZER-FLAG...]      e.g. Fuzz/run.sh 30 -jobs=2 -workers=2
#
# Seeds: corpus/ (committed) and ../components/*.wasm. New interesting inputs go to
# work-corpus/, crashes, timeouts and out-of-memory inputs to crashes/ (both git-ignored).
# Reproduce one with: .build/release/ComponentFuzzer crashes/crash-...
set -euo pipefail

fuzz="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$fuzz")"
minutes="${1:-10}"
shift || true
case "$minutes" in
  ''|*[!0-9]*) echo "usage: $0 [MINUTES] [LIBFUZZER-FLAG...]" >&2; exit 2 ;;
esac

build=(swift build --package-path "$fuzz" -c release --product ComponentFuzzer -Xswiftc -sanitize=fuzzer)
"${build[@]}"
binary="$("${build[@]}" --show-bin-path)/ComponentFuzzer"

mkdir -p "$fuzz/crashes" "$fuzz/work-corpus"
# -timeout: one input may take 10 s (calls run with 200,000 fuel, memories are capped at
# 16 MiB), so a timeout is a hang worth a look. -rss_limit_mb also caps single mallocs.
exec "$binary" \
  -max_total_time=$((minutes * 60)) \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -dict="$fuzz/component.dict" \
  -artifact_prefix="$fuzz/crashes/" \
  -print_final_stats=1 \
  "$@" \
  "$fuzz/work-corpus" "$fuzz/corpus" "$repo/components"
