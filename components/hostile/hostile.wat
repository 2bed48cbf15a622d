;; The core module of hostile.wasm (see hostile.wit). Written in WAT so that every value the
;; host lifts is exactly the invalid one the test names. Layout of the one-page memory:
;;   16    the bytes 6f 6b ff fe (invalid UTF-8)
;;   32    "still usable"
;;   1024  the return area (8 bytes aligned)
;;   4096  the heap of cabi_realloc (a bump allocator)
(module
  (import "test:hostile/host" "greeting" (func $host_greeting (param i32)))

  (memory (export "memory") 1)
  (data (i32.const 16) "ok\ff\fe")
  (data (i32.const 32) "still usable")

  (global $heap (mut i32) (i32.const 4096))
  (global $realloc_mode (mut i32) (i32.const 0))

  ;; Stores (first, second) in the return area and returns its address.
  (func $return_pair (param $first i32) (param $second i32) (result i32)
    (i32.store (i32.const 1024) (local.get $first))
    (i32.store (i32.const 1028) (local.get $second))
    (i32.const 1024))

  (func $allocate (param $align i32) (param $size i32) (result i32)
    (local $start i32)
    (local $end i32)
    (local.set $start
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $start) (local.get $size)))
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

  (func (export "cabi_realloc")
    (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (block $correct
      (br_if $correct (i32.eqz (global.get $realloc_mode)))
      ;; 1: far past the end of memory.
      (if (i32.eq (global.get $realloc_mode) (i32.const 1))
        (then (return (i32.const 0xfffffff0))))
      ;; 2: an odd address.
      (if (i32.eq (global.get $realloc_mode) (i32.const 2))
        (then (return (i32.or (call $allocate (i32.const 8) (local.get $new_size)) (i32.const 1)))))
      ;; 3: four bytes before the end of memory, whatever the size.
      (return (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4))))
    (call $allocate (local.get $align) (local.get $new_size)))

  (func (export "test:hostile/bad#ok") (result i32)
    (call $return_pair (i32.const 32) (i32.const 12)))
  (func (export "test:hostile/bad#string-out-of-bounds") (result i32)
    (call $return_pair (i32.const 0xffffff00) (i32.const 512)))
  (func (export "test:hostile/bad#string-too-long") (result i32)
    (call $return_pair (i32.const 16) (i32.const 0x80000000)))
  (func (export "test:hostile/bad#invalid-utf8") (result i32)
    (call $return_pair (i32.const 16) (i32.const 4)))
  (func (export "test:hostile/bad#return-area-out-of-bounds") (result i32)
    (i32.const 0xfffffffc))
  (func (export "test:hostile/bad#return-area-misaligned") (result i32)
    (drop (call $return_pair (i32.const 32) (i32.const 12)))
    (i32.const 1025))
  (func (export "test:hostile/bad#list-length-overflow") (result i32)
    (call $return_pair (i32.const 1024) (i32.const 0x3fffffff)))
  (func (export "test:hostile/bad#list-misaligned") (result i32)
    (call $return_pair (i32.const 1025) (i32.const 1)))
  (func (export "test:hostile/bad#list-out-of-bounds") (result i32)
    (call $return_pair (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4)) (i32.const 2)))
  ;; shape: discriminant u8 at 0, f32 payload at 4.
  (func (export "test:hostile/bad#bad-variant") (result i32)
    (call $return_pair (i32.const 7) (i32.const 0)))
  (func (export "test:hostile/bad#bad-enum") (result i32)
    (i32.const 5))
  ;; option<u32>: discriminant u8 at 0, payload at 4.
  (func (export "test:hostile/bad#bad-option") (result i32)
    (call $return_pair (i32.const 2) (i32.const 9)))
  ;; result<u32, string>: discriminant u8 at 0, payload at 4.
  (func (export "test:hostile/bad#bad-result") (result i32)
    (call $return_pair (i32.const 3) (i32.const 9)))
  (func (export "test:hostile/bad#unknown-flags") (result i32)
    (i32.const 9))
  (func (export "test:hostile/bad#surrogate-char") (result i32)
    (i32.const 0xd800))
  (func (export "test:hostile/bad#char-too-large") (result i32)
    (i32.const 0x110000))
  (func (export "test:hostile/bad#nonzero-bool") (result i32)
    (i32.const 2))
  (func (export "test:hostile/bad#forged-handle") (result i32)
    (i32.const 42))
  (func (export "test:hostile/bad#set-realloc-mode") (param $mode i32)
    (global.set $realloc_mode (local.get $mode)))
  (func (export "test:hostile/bad#take-string") (param $ptr i32) (param $len i32) (result i32)
    (local.get $len))
  (func (export "test:hostile/bad#take-list") (param $ptr i32) (param $len i32) (result i32)
    (local.get $len))
  (func (export "test:hostile/bad#fetch-greeting") (result i32)
    (call $host_greeting (i32.const 1024))
    (i32.const 1024))
)
