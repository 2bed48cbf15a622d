;; sleep MS [--poll]: sleeps MS milliseconds on a pollable, then prints "slept MS ms".
;; Calls: get-arguments, monotonic-clock.now, subscribe-duration(MS * 1e6 ns), then
;; pollable.block (or, with --poll, poll([pollable]), which must answer [0]), drops the
;; pollable, monotonic-clock.now again. Returns err when the clock says it woke too early.
;; Return area of poll (33024, 8 bytes): list<u32> {ptr @0; len @4}; poll's argument, a
;; list of one borrow<pollable>, is at 33040.
(module
  (import "wasi:clocks/monotonic-clock@{WASI}" "now" (func $monotonic_now (result i64)))
  (import "wasi:clocks/monotonic-clock@{WASI}" "subscribe-duration"
    (func $subscribe_duration (param i64) (result i32)))
  (import "wasi:io/poll@{WASI}" "[method]pollable.block" (func $pollable_block (param i32)))
  (import "wasi:io/poll@{WASI}" "poll" (func $poll (param i32 i32 i32)))
  (import "wasi:io/poll@{WASI}" "[resource-drop]pollable" (func $drop_pollable (param i32)))

  ;;@include lib/core.wat
  ;;@include lib/args.wat

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (local $ms i64)
    (local $nanoseconds i64)
    (local $start i64)
    (local $elapsed i64)
    (local $pollable i32)
    (call $args_load)
    (if (i32.ge_u (global.get $argc) (i32.const 2))
      (then (local.set $ms (call $parse_u64 (call $arg_ptr (i32.const 1)) (call $arg_len (i32.const 1)))))
      (else (local.set $ms (i64.const -1))))
    ;; At most one day, so that MS * 1e6 cannot overflow.
    (if (i64.gt_u (local.get $ms) (i64.const 86400000))
      (then
        (call $eprint (str "usage: sleep MILLISECONDS [--poll] (at most 86400000)\n"))
        (return (i32.const 1))))
    (local.set $nanoseconds (i64.mul (local.get $ms) (i64.const 1000000)))
    (local.set $start (call $monotonic_now))
    (local.set $pollable (call $subscribe_duration (local.get $nanoseconds)))
    (if (call $arg_is (i32.const 2) (str "--poll"))
      (then
        (i32.store (i32.const 33040) (local.get $pollable))
        (call $poll (i32.const 33040) (i32.const 1) (i32.const 33024))
        (if (i32.or (i32.ne (i32.load (i32.const 33028)) (i32.const 1))
                    (i32.ne (i32.load (i32.load (i32.const 33024))) (i32.const 0)))
          (then
            (call $eprint (str "sleep: poll did not answer [0]\n"))
            (return (i32.const 1)))))
      (else (call $pollable_block (local.get $pollable))))
    (call $drop_pollable (local.get $pollable))
    (local.set $elapsed (i64.sub (call $monotonic_now) (local.get $start)))
    (call $print (str "slept "))
    (call $print_u64 (local.get $ms))
    (call $print (str " ms\n"))
    (if (i64.lt_u (local.get $elapsed) (local.get $nanoseconds))
      (then
        (call $eprint (str "sleep: woke after "))
        (call $eprint_u64 (local.get $elapsed))
        (call $eprint (str " ns, too early\n"))
        (return (i32.const 1))))
    (i32.const 0))
)
