#!/usr/bin/env bash
# Reproduces the findings of issue 15 against the current wasmsh and prints what it measured
# (see ISSUE15-REPRO.md beside this script for the figures of one run and what they mean).
#
#   components/hostile/repro_issue15.sh [FINDING...]     findings 1 to 12; default: all
#
# Runs .build/release/wasmsh (else .build/debug/wasmsh; WASMSH=PATH overrides) from the
# repository root. Every run is bounded: `ulimit -v 4000000` (KiB) and `timeout 60` (10 s for
# finding 9); peak RSS and time come from /usr/bin/time (apt-get install time). Output goes
# through `cat -v` (control characters show as ^[, ^G, ^M and M-) and is cut to 160 columns.
# Scratch files live in a temporary folder that is removed on exit. Needs Python 3.
# Findings 1, 2 and 10 take several minutes each (release build), 9 about 70 s, the others seconds.
set -uo pipefail

hostile="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$hostile/../.." && pwd)"
cd "$repo"
binary="${WASMSH:-}"
if [ -z "$binary" ]; then
  binary="$repo/.build/release/wasmsh"
  [ -x "$binary" ] || binary="$repo/.build/debug/wasmsh"
fi
[ -x "$binary" ] || { echo "no wasmsh binary: swift build -c release --product wasmsh" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
echo "wasmsh: $binary"

# bounded COMMAND...: runs COMMAND under the memory and time bounds; prints the last lines of its
# output (cat -v) and one line "elapsed, peak RSS, status".
bounded() {
  (
    ulimit -v 4000000
    # No crash backtrace: the "Fatal error" line says what crashed.
    SWIFT_BACKTRACE=enable=no /usr/bin/time -o "$scratch/time" -f "%e %M %x" timeout "${SECONDS_ALLOWED:-60}" "$@" > "$scratch/out" 2>&1
  )
  local status=$?
  # A crash's stack trace is left out: the "Fatal error" line before it says what failed.
  sed '/^Current stack trace:/,$d' "$scratch/out" | cat -v | cut -c1-160 | tail -n "${LINES_SHOWN:-6}"
  read -r elapsed rss exit_status < <(tail -1 "$scratch/time" | grep -E '^[0-9.]+ [0-9]+ ' || echo "? ? ?")
  if [ "$status" = 124 ]; then
    echo "  -> killed by the ${SECONDS_ALLOWED:-60} s timeout; peak RSS $rss KiB"
  elif [ "$status" -gt 128 ] || grep -q "terminated by signal" "$scratch/time"; then
    echo "  -> ended by a signal ($(grep -o 'signal [0-9]*' "$scratch/time" || echo "status $status")); $elapsed s, peak RSS $rss KiB"
  else
    echo "  -> $elapsed s, peak RSS $rss KiB, exit status $exit_status"
  fi
}

# shell TITLE COMMANDS: the shell on COMMANDS (a printf format: \n between commands).
shell() {
  echo "## $1"
  printf "$2" > "$scratch/script.wsh"
  bounded "$binary" --keep-going "$scratch/script.wsh"
}

memory="components/hostile/hostile-memory.wasm"
KiB=1024
MiB=$((1024 * 1024))

finding_1() {
  echo "# 1. Host memory per host call (no grants needed)"
  shell "baseline: load, one call" "load $memory as m\ncall m.count()\n"
  for length in $MiB $((16 * MiB)) $((64 * MiB)) $((200 * MiB)); do
    shell "read-long-path($length)" "load $memory as m\ncall m.read-long-path($length)\n"
  done
  shell "read-filled-path(4 MiB, 1): the same path of 0x01 bytes" "load $memory as m\ncall m.read-filled-path($((4 * MiB)), 1)\n"
  for count in 1 10 50 200; do
    shell "read-long-paths($count, 4 MiB)" "load $memory as m\ncall m.read-long-paths($count, $((4 * MiB)))\n"
  done
  mkdir -p "$scratch/big"
  python3 -c "import sys; open(sys.argv[1], 'wb').write(b'a' * (16 << 20))" "$scratch/big/big.txt"
  for count in 1 10 50; do
    shell "read-many(a granted 16 MiB file, $count)" \
      "load $memory as m\ngrant m filesystem $scratch/big\ncall m.read-many(\"$scratch/big/big.txt\", $count)\n"
  done
}

finding_2() {
  echo "# 2. Lifting aliased memory"
  shell "aliased-strings(1000, 1 KiB)" "load $memory as m\nlet x = call m.aliased-strings(1000, $KiB)\n"
  shell "aliased-strings(1000, 64 KiB)" "load $memory as m\nlet x = call m.aliased-strings(1000, $((64 * KiB)))\n"
  shell "aliased-strings(1000, 1 MiB)" "load $memory as m\nlet x = call m.aliased-strings(1000, $MiB)\n"
  shell "aliased-strings(4000, 1 MiB)" "load $memory as m\nlet x = call m.aliased-strings(4000, $MiB)\n"
  shell "aliased-byte-lists(100, 64 KiB)" "load $memory as m\nlet x = call m.aliased-byte-lists(100, $((64 * KiB)))\n"
  shell "aliased-nested(1000, 1 KiB)" "load $memory as m\nlet x = call m.aliased-nested(1000, $KiB)\n"
  shell "aliased-nested(4000, 1 KiB)" "load $memory as m\nlet x = call m.aliased-nested(4000, $KiB)\n"
  shell "make-handles(1000000), then count()" "load $memory as m\ncall m.make-handles(1000000)\ncall m.count()\n"
  shell "make-handles(4000000), then count()" "load $memory as m\ncall m.make-handles(4000000)\ncall m.count()\n"
  LINES_SHOWN=12 shell "handles of unbound results, of a dropped binding, of a refused list" \
    "load $memory as m\ncall m.make-many(3)\ncall m.count()\nlet x = call m.make-many(2)\ndrop \$x\ncall m.count()\ncall m.same-handle(3)\ncall m.count()\n"
}

finding_3() {
  echo "# 3. Terminal control sequences in names (^[ is ESC, ^G BEL, ^M CR, M-BM-^[ U+009B)"
  local n="components/hostile/hostile-names"
  LINES_SHOWN=20 shell "import-func: load, imports, wit, call" \
    "load $n-import-func.wasm as n\nimports n\nwit n\ncall n.run()\naudit\n"
  LINES_SHOWN=20 shell "import-interface: load, imports, wit, call" \
    "load $n-import-interface.wasm as n\nimports n\nwit n\ncall n.run()\n"
  LINES_SHOWN=20 shell "export-func: exports, wit, an unknown export" "load $n-export-func.wasm as n\nexports n\nwit n\ncall n.nope()\n"
  LINES_SHOWN=20 shell "export-interface: exports, wit, an unknown export" \
    "load $n-export-interface.wasm as n\nexports n\nwit n\ncall n.nope()\n"
  LINES_SHOWN=20 shell "core-func: trap backtrace, step, functions, bt" \
    "load $n-core-func.wasm as n\ncall n.crash()\nreload n --debug\nstep n.crash()\nfunctions\ninto\nbt\ncontinue\n"
  LINES_SHOWN=20 shell "enum: exports, result, a WAVE error, a binding" \
    "load $n-enum.wasm as n\nexports n\ncall n.pick()\ncall n.echo(bogus)\nlet e = call n.pick()\nvars\n"
  LINES_SHOWN=20 shell "flags: result, wit" "load $n-flags.wasm as n\ncall n.pick()\nwit n\n"
  LINES_SHOWN=20 shell "param: exports, an arity error" "load $n-param.wasm as n\nexports n\ncall n.run()\n"
  LINES_SHOWN=20 shell "type: exports" "load $n-type.wasm as n\nexports n\ncall n.get()\n"
  LINES_SHOWN=20 shell "field: result" "load $n-field.wasm as n\ncall n.get()\n"
  LINES_SHOWN=20 shell "variant: result" "load $n-variant.wasm as n\ncall n.get()\n"
  LINES_SHOWN=20 shell "resource: exports, result, binding, drop" \
    "load $n-resource.wasm as n\nexports n\ncall n.make()\nlet r = call n.make()\nvars\ndrop \$r\n"
  echo "## wasmsh wit (the enum fixture)"
  LINES_SHOWN=20 bounded "$binary" wit "$n-enum.wasm"
  echo "## wasmsh invoke (the enum fixture) 'pick()'"
  bounded "$binary" invoke "$n-enum.wasm" 'pick()'
  echo "## wasmsh invoke (the core-func fixture) 'crash()'"
  bounded "$binary" invoke "$n-core-func.wasm" 'crash()'
}

finding_4() {
  echo "# 4. Grants follow file names"
  mkdir -p "$scratch/evil"
  cp components/trusted.wasm "$scratch/evil/trusted.wasm"
  shell "trusted.wasm copied elsewhere, loaded as evil" "load $scratch/evil/trusted.wasm as evil\ngrants evil\ncall evil.run()\n"
  cp components/malicious.wasm "$scratch/evil/trusted.wasm"
  shell "malicious.wasm renamed trusted.wasm, loaded as evil" "load $scratch/evil/trusted.wasm as evil\ngrants evil\n"
}

finding_5() {
  echo "# 5. Time limits that do not fit"
  for value in 1e99s 9.3e18s 1e308m 18446744074s 18446744073s; do
    shell "limits time $value, load, call" "limits time $value\nload compute\ncall compute.fib(10)\n"
  done
}

finding_6() {
  echo "# 6. An audit log that cannot be written"
  echo "## --audit-log /dev/full (as an option)"
  printf 'load trusted\ncall trusted.run()\naudit\ncall trusted.run()\n' > "$scratch/script.wsh"
  LINES_SHOWN=10 bounded "$binary" --keep-going --audit-log /dev/full "$scratch/script.wsh"
  LINES_SHOWN=10 shell "audit log /dev/full, then a writable log" \
    "load trusted\naudit log /dev/full\ncall trusted.run()\naudit log $scratch/ok.jsonl\ncall trusted.run()\n"
  echo "## a log that reaches RLIMIT_FSIZE (ulimit -f 4), SIGXFSZ ignored"
  printf 'load busy\ngrant busy filesystem ./demo.txt\ncall busy.read-many("./demo.txt", 20)\n' > "$scratch/script.wsh"
  (ulimit -f 4; trap '' XFSZ; LINES_SHOWN=3 bounded "$binary" --keep-going --audit-log "$scratch/small.jsonl" "$scratch/script.wsh")
  echo "  the log ends with: $(tail -c 60 "$scratch/small.jsonl" | cat -v) (no newline: a torn record)"
}

finding_9() {
  echo "# 9. Reading devices and FIFOs (10 s each)"
  local SECONDS_ALLOWED=10
  echo "## wasmsh wit /dev/zero"
  bounded "$binary" wit /dev/zero
  shell "load /dev/zero" "load /dev/zero\n"
  shell "source /dev/zero" "source /dev/zero\n"
  mkfifo "$scratch/fifo"
  echo "## wasmsh wit FIFO"
  bounded "$binary" wit "$scratch/fifo"
  shell "load FIFO" "load $scratch/fifo\n"
  shell "source FIFO" "source $scratch/fifo\n"
  shell "audit log FIFO" "audit log $scratch/fifo\n"
}

finding_7() {
  echo "# 7. Host calls from cabi_realloc and post-return"
  LINES_SHOWN=20 shell "no grant" \
    "load components/hostile/hostile-reentry.wasm as r\ncall r.take-string(\"hi\")\ncall r.give-string()\ncall r.reenter-during-host-call()\ncall r.reentries()\n"
  LINES_SHOWN=20 shell "filesystem granted" \
    "load components/hostile/hostile-reentry.wasm as r\ngrant r filesystem\ncall r.take-string(\"hi\")\ncall r.last-answer()\ncall r.give-string()\ncall r.reentries()\n"
}

finding_8() {
  echo "# 8. Imports whose signature differs from the host's"
  for kind in result extra-param param-type no-params; do
    LINES_SHOWN=8 shell "hostile-signature-$kind, granted" \
      "load components/hostile/hostile-signature-$kind.wasm as s\nimports s\ngrant s filesystem\ncall s.run()\naudit\n"
  done
}

finding_10() {
  echo "# 10. Manifests: quadratic loading, line numbers"
  mkdir -p "$scratch/root/components" "$scratch/root/manifests"
  cp components/trusted.wasm "$scratch/root/components/"
  local manifest="$scratch/root/manifests/trusted.toml"
  printf 'load trusted\n' > "$scratch/load.wsh"
  for count in 2000 4000 8000 16000; do
    python3 components/hostile/manifests/make_manifests.py --grants "$count" "$manifest"
    echo "## $count [[grant]] tables ($(wc -c < "$manifest") bytes)"
    (cd "$scratch/root" && LINES_SHOWN=0 bounded "$binary" "$scratch/load.wsh")
  done
  for count in 7500 15000 30000 60000; do
    python3 components/hostile/manifests/make_manifests.py --read-scopes "$count" "$manifest"
    echo "## one read list of $count scopes ($(wc -c < "$manifest") bytes)"
    (cd "$scratch/root" && LINES_SHOWN=0 bounded "$binary" "$scratch/load.wsh")
  done
  for kind in multiline-string inline-array; do
    cp "components/hostile/manifests/$kind.toml" "$manifest"
    echo "## $kind.toml"
    (cd "$scratch/root" && bounded "$binary" "$scratch/load.wsh")
  done
}

finding_11() {
  echo "# 11. Filesystem: non-UTF-8 link targets, trailing slashes, deep paths"
  local fs="$scratch/fs"
  mkdir -p "$fs/data"
  printf 'the file named U+FFFD\n' > "$fs/data/$(printf '\xef\xbf\xbd')"
  ln -s "$(printf '\xff')" "$fs/data/link"
  printf 'plain\n' > "$fs/data/plain.txt"
  (cd "$fs" && LINES_SHOWN=12 shell "a link to the byte ff; a file read as a directory" \
    "load $repo/$memory as m\ngrant m filesystem ./data\ncall m.read-many(\"./data/link\", 1)\ncall m.read-many(\"./data/plain.txt/\", 1)\ncall m.read-many(\"./data/plain.txt/.\", 1)\n")
  python3 - "$fs/deep" <<'EOF'
import os, sys
os.makedirs(sys.argv[1])
fd = os.open(sys.argv[1], os.O_RDONLY)
for _ in range(1500):
    os.mkdir("a", dir_fd=fd)
    inner = os.open("a", os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = inner
out = os.open("f.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
os.write(out, b"deep\n")
os.close(out)
EOF
  local deep
  deep="./deep/$(python3 -c "print('a/' * 1500, end='')")f.txt"
  (cd "$fs" && ulimit -n 1024 && LINES_SHOWN=2 shell "a file 1,500 directories deep (ulimit -n 1024)" \
    "load $repo/$memory as m\ngrant m filesystem ./deep\naudit log $scratch/deep.jsonl\ncall m.read-many(\"$deep\", 1)\n")
  python3 -c 'import json, sys; print("  the guest got:", json.loads(open(sys.argv[1]).readlines()[-1])["result"][-90:])' \
    "$scratch/deep.jsonl"
}

finding_12() {
  echo "# 12. The memory limit's message"
  shell "read-long-path(256 MiB - 4095): memory grows to 256 MiB + 64 KiB" \
    "load $memory as m\ncall m.read-long-path($((256 * MiB - 4095)))\n"
}

findings=("$@")
[ ${#findings[@]} -gt 0 ] || findings=(1 2 3 4 5 6 7 8 9 10 11 12)
for finding in "${findings[@]}"; do
  echo
  "finding_$finding"
done
