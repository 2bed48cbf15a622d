;; random-clocks [N]: calls every function of wasi:random (random, insecure, insecure-seed)
;; and wasi:clocks (wall-clock, monotonic-clock) and prints only what does not change from run
;; to run: lengths, and checks of the values (wall-clock after 2020, nanoseconds < 1e9,
;; monotonic-clock non-decreasing, resolutions nonzero). N: how many random bytes (16).
;; Any failed check is printed to stderr and makes run return err.
;; Return areas: get-random-bytes 33024 and get-insecure-random-bytes 33032 (list<u8>:
;; {ptr @0; len @4}); insecure-seed 33040 (tuple<u64, u64>: @0, @8); wall-clock now 33056 and
;; resolution 33072 (datetime: {u64 seconds @0; u32 nanoseconds @8}).
(module
  (import "wasi:random/random@{WASI}" "get-random-bytes" (func $get_random_bytes (param i64 i32)))
  (import "wasi:random/random@{WASI}" "get-random-u64" (func $get_random_u64 (result i64)))
  (import "wasi:random/insecure@{WASI}" "get-insecure-random-bytes"
    (func $get_insecure_random_bytes (param i64 i32)))
  (import "wasi:random/insecure@{WASI}" "get-insecure-random-u64"
    (func $get_insecure_random_u64 (result i64)))
  (import "wasi:random/insecure-seed@{WASI}" "insecure-seed" (func $insecure_seed (param i32)))
  (import "wasi:clocks/wall-clock@{WASI}" "now" (func $wall_now (param i32)))
  (import "wasi:clocks/wall-clock@{WASI}" "resolution" (func $wall_resolution (param i32)))
  (import "wasi:clocks/monotonic-clock@{WASI}" "now" (func $monotonic_now (result i64)))
  (import "wasi:clocks/monotonic-clock@{WASI}" "resolution" (func $monotonic_resolution (result i64)))

  ;;@include lib/core.wat
  ;;@include lib/args.wat

  (global $failed (mut i32) (i32.const 0))

  (func $check (param $ok i32) (param $ptr i32) (param $len i32)
    (if (i32.eqz (local.get $ok))
      (then
        (call $eprint (str "check failed: "))
        (call $eprint (local.get $ptr) (local.get $len))
        (call $eprint (str "\n"))
        (global.set $failed (i32.const 1)))))

  ;; 1 when any of the `len` bytes at `ptr` is nonzero.
  (func $any_nonzero (param $ptr i32) (param $len i32) (result i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $len)))
        (if (i32.load8_u (local.get $ptr)) (then (return (i32.const 1))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
        (local.set $len (i32.sub (local.get $len) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (local $count i64)
    (local $first i64)
    (local $second i64)
    (call $args_load)
    (local.set $count (i64.const 16))
    (if (i32.ge_u (global.get $argc) (i32.const 2))
      (then (local.set $count (call $parse_u64 (call $arg_ptr (i32.const 1)) (call $arg_len (i32.const 1))))))
    (if (i64.gt_u (local.get $count) (i64.const 16777216))
      (then
        (call $eprint (str "usage: random-clocks [BYTES] (at most 16777216)\n"))
        (return (i32.const 1))))

    (call $get_random_bytes (local.get $count) (i32.const 33024))
    (call $print (str "random bytes: "))
    (call $print_u64 (i64.extend_i32_u (i32.load (i32.const 33028))))
    (call $print (str "\n"))
    (call $check (i64.eq (i64.extend_i32_u (i32.load (i32.const 33028))) (local.get $count))
      (str "get-random-bytes returned the length asked for"))
    (if (i64.ge_u (local.get $count) (i64.const 16))
      (then
        (call $check (call $any_nonzero (i32.load (i32.const 33024)) (i32.load (i32.const 33028)))
          (str "get-random-bytes returned some nonzero byte"))))
    (drop (call $get_random_u64))
    (call $print (str "random u64: called\n"))

    (call $get_insecure_random_bytes (local.get $count) (i32.const 33032))
    (call $print (str "insecure random bytes: "))
    (call $print_u64 (i64.extend_i32_u (i32.load (i32.const 33036))))
    (call $print (str "\n"))
    (call $check (i64.eq (i64.extend_i32_u (i32.load (i32.const 33036))) (local.get $count))
      (str "get-insecure-random-bytes returned the length asked for"))
    (drop (call $get_insecure_random_u64))
    (call $print (str "insecure random u64: called\n"))
    (call $insecure_seed (i32.const 33040))
    (call $print (str "insecure seed: called\n"))

    (call $wall_now (i32.const 33056))
    (call $print (str "wall-clock now: checked\n"))
    ;; 1577836800 is 2020-01-01T00:00:00Z.
    (call $check (i64.gt_u (i64.load (i32.const 33056)) (i64.const 1577836800))
      (str "wall-clock now is after 2020"))
    (call $check (i32.lt_u (i32.load (i32.const 33064)) (i32.const 1000000000))
      (str "wall-clock nanoseconds below 1e9"))
    (call $wall_resolution (i32.const 33072))
    (call $print (str "wall-clock resolution: checked\n"))
    (call $check
      (i32.or (i64.ne (i64.load (i32.const 33072)) (i64.const 0))
              (i32.ne (i32.load (i32.const 33080)) (i32.const 0)))
      (str "wall-clock resolution is nonzero"))

    (local.set $first (call $monotonic_now))
    (local.set $second (call $monotonic_now))
    (call $print (str "monotonic-clock now: checked\n"))
    (call $check (i64.ge_u (local.get $second) (local.get $first))
      (str "monotonic-clock now does not decrease"))
    (call $print (str "monotonic-clock resolution: checked\n"))
    (call $check (i64.ne (call $monotonic_resolution) (i64.const 0))
      (str "monotonic-clock resolution is nonzero"))
    (global.get $failed))
)
