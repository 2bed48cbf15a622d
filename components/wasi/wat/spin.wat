;; spin: WASI host calls that do no I/O, in a loop, for the host-call benchmarks (issue 12:
;; at least 1,000,000 a second through the gate and the in-memory audit).
;;   spin-clock(n)  calls wasi:clocks/monotonic-clock.now n times; returns the last instant
;;   spin-random(n) calls wasi:random/random.get-random-bytes(16) n times; returns the bytes received
;; Standalone (no watpp includes): it imports nothing else. Memory: 16..23 the return area of
;; get-random-bytes {ptr @16, len @20}; 1024.. a bump heap for cabi_realloc, reset every round.
(module
  (import "wasi:clocks/monotonic-clock@0.2.12" "now" (func $now (result i64)))
  (import "wasi:random/random@0.2.12" "get-random-bytes" (func $get_random_bytes (param i64 i32)))

  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))

  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32)
    (result i32)
    (local $start i32)
    (local.set $start (i32.and (i32.add (global.get $heap) (i32.const 7)) (i32.const -8)))
    (global.set $heap (i32.add (local.get $start) (local.get $size)))
    (if (i32.gt_u (global.get $heap) (i32.const 65536)) (then unreachable))
    (local.get $start))

  (func (export "spin-clock") (param $n i32) (result i64)
    (local $last i64)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $last (call $now))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $last))

  (func (export "spin-random") (param $n i32) (result i32)
    (local $total i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (global.set $heap (i32.const 1024))
        (call $get_random_bytes (i64.const 16) (i32.const 16))
        (local.set $total (i32.add (local.get $total) (i32.load (i32.const 20))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $total)))
