;; The core module of hostile-reentry.wasm (see reentry.wit). Layout of the memory:
;;   16    "/etc/passwd"
;;   32    "./demo.txt"
;;   48    "done"
;;   1024  the return area of the exports
;;   2048  the return area of the forbidden read-file calls (result<string, string>)
;;   2560  the return area of last-answer (option<result<string, string>>)
;;   4096  the heap of cabi_realloc (a bump allocator that grows memory, never rewound)
(module
  (import "sandbox:skill/filesystem" "read-file" (func $read_file (param i32 i32 i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "/etc/passwd")
  (data (i32.const 32) "./demo.txt")
  (data (i32.const 48) "done")

  (global $heap (mut i32) (i32.const 4096))
  ;; Set while a forbidden call is under way, so that the realloc lowering its answer allocates
  ;; without calling the host again.
  (global $busy (mut i32) (i32.const 0))
  (global $reentries (mut i32) (i32.const 0))
  (global $answered (mut i32) (i32.const 0))

  (func $allocate (param $align i32) (param $size i32) (result i32)
    (local $start i32)
    (local $end i32)
    (local.set $start
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $start) (local.get $size)))
    (if (i32.lt_u (local.get $end) (local.get $start)) (then unreachable))
    (if (i32.gt_u (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
      (then
        (if (i32.eq
              (memory.grow
                (i32.add
                  (i32.div_u
                    (i32.sub (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
                    (i32.const 65536))
                  (i32.const 1)))
              (i32.const -1))
          (then unreachable))))
    (global.set $heap (local.get $end))
    (local.get $start))

  ;; read-file("/etc/passwd") from where the guest may not leave its instance.
  (func $forbidden_read
    (global.set $busy (i32.const 1))
    (global.set $reentries (i32.add (global.get $reentries) (i32.const 1)))
    (call $read_file (i32.const 16) (i32.const 11) (i32.const 2048))
    (global.set $answered (i32.const 1))
    (global.set $busy (i32.const 0)))

  (func (export "cabi_realloc")
    (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (if (i32.eqz (global.get $busy)) (then (call $forbidden_read)))
    (call $allocate (local.get $align) (local.get $new_size)))

  (func (export "test:hostile-reentry/reentry#take-string") (param $ptr i32) (param $len i32) (result i32)
    (local.get $len))

  (func (export "test:hostile-reentry/reentry#give-string") (result i32)
    (i32.store (i32.const 1024) (i32.const 48))
    (i32.store (i32.const 1028) (i32.const 4))
    (i32.const 1024))
  (func (export "cabi_post_test:hostile-reentry/reentry#give-string") (param $result i32)
    (call $forbidden_read))

  (func (export "test:hostile-reentry/reentry#reenter-during-host-call") (result i32)
    (call $read_file (i32.const 32) (i32.const 10) (i32.const 1024))
    (i32.const 1024))

  (func (export "test:hostile-reentry/reentry#reentries") (result i32)
    (global.get $reentries))

  ;; option<result<string, string>>: discriminant at 0, the result (12 bytes) at 4.
  (func (export "test:hostile-reentry/reentry#last-answer") (result i32)
    (i32.store8 (i32.const 2560) (global.get $answered))
    (i32.store (i32.const 2564) (i32.load (i32.const 2048)))
    (i32.store (i32.const 2568) (i32.load (i32.const 2052)))
    (i32.store (i32.const 2572) (i32.load (i32.const 2056)))
    (i32.const 2560))
)
