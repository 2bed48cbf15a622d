;; The core module of hostile-memory.wasm (see memory.wit): a guest that makes the host
;; allocate far more memory than it uses. Layout of the memory:
;;   1024  the return area (12 bytes: a result<string, string> or a list's (pointer, length))
;;   4096  the heap of cabi_realloc and of the guest's own buffers, a bump allocator that grows
;;         memory as needed; every post-return rewinds it to 4096.
(module
  (import "sandbox:skill/filesystem" "read-file" (func $read_file (param i32 i32 i32)))
  (import "[export]test:hostile-memory/aliasing" "[resource-new]thing"
    (func $thing_new (param i32) (result i32)))

  (memory (export "memory") 1)

  (global $heap (mut i32) (i32.const 4096))
  (global $dropped (mut i32) (i32.const 0))

  ;; A block of `size` bytes aligned to `align`; grows memory, traps when it cannot.
  (func $allocate (param $align i32) (param $size i32) (result i32)
    (local $start i32)
    (local $end i32)
    (local.set $start
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (local.set $end (i32.add (local.get $start) (local.get $size)))
    ;; A size that wraps around the 32-bit address space.
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

  ;; `size` bytes, each `byte`.
  (func $filled (param $size i32) (param $byte i32) (result i32)
    (local $block i32)
    (local.set $block (call $allocate (i32.const 1) (local.get $size)))
    (memory.fill (local.get $block) (local.get $byte) (local.get $size))
    (local.get $block))

  ;; An array of `count` (pointer, length) pairs, every one (`pointer`, `length`).
  (func $same_pairs (param $count i32) (param $pointer i32) (param $length i32) (result i32)
    (local $array i32)
    (local $at i32)
    (local $end i32)
    (if (i32.gt_u (local.get $count) (i32.const 0x1fffffff)) (then unreachable))
    (local.set $array (call $allocate (i32.const 4) (i32.shl (local.get $count) (i32.const 3))))
    (local.set $at (local.get $array))
    (local.set $end (i32.add (local.get $array) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (i32.store (local.get $at) (local.get $pointer))
        (i32.store offset=4 (local.get $at) (local.get $length))
        (local.set $at (i32.add (local.get $at) (i32.const 8)))
        (br $next)))
    (local.get $array))

  ;; Stores (first, second) in the return area and returns its address.
  (func $return_pair (param $first i32) (param $second i32) (result i32)
    (i32.store (i32.const 1024) (local.get $first))
    (i32.store (i32.const 1028) (local.get $second))
    (i32.const 1024))

  (func $rewind (param $result i32)
    (global.set $heap (i32.const 4096)))

  (func (export "cabi_realloc")
    (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (call $allocate (local.get $align) (local.get $new_size)))

  ;; --- flood -----------------------------------------------------------------------------
  (func $read_filled_path (param $len i32) (param $fill i32) (result i32)
    (local $path i32)
    (local.set $path (call $filled (local.get $len) (local.get $fill)))
    (call $read_file (local.get $path) (local.get $len) (i32.const 1024))
    (i32.const 1024))

  (func (export "test:hostile-memory/flood#read-long-path") (param $len i32) (result i32)
    (call $read_filled_path (local.get $len) (i32.const 0x61)))
  (export "cabi_post_test:hostile-memory/flood#read-long-path" (func $rewind))

  (func (export "test:hostile-memory/flood#read-filled-path") (param $len i32) (param $fill i32) (result i32)
    (call $read_filled_path (local.get $len) (local.get $fill)))
  (export "cabi_post_test:hostile-memory/flood#read-filled-path" (func $rewind))

  (func (export "test:hostile-memory/flood#read-long-paths") (param $count i32) (param $len i32) (result i32)
    (local $path i32)
    (local $mark i32)
    (local $ok i32)
    (local.set $path (call $filled (local.get $len) (i32.const 0x61)))
    (local.set $mark (global.get $heap))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $count)))
        (global.set $heap (local.get $mark))
        (call $read_file (local.get $path) (local.get $len) (i32.const 1024))
        (if (i32.eqz (i32.load8_u (i32.const 1024)))
          (then (local.set $ok (i32.add (local.get $ok) (i32.const 1)))))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $next)))
    (global.set $heap (i32.const 4096))
    (local.get $ok))

  ;; The path was lowered by the host into the heap; answers go above it.
  (func (export "test:hostile-memory/flood#read-many")
    (param $path i32) (param $path_len i32) (param $count i32) (result i32)
    (local $mark i32)
    (local $ok i32)
    (local.set $mark (global.get $heap))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $count)))
        (global.set $heap (local.get $mark))
        (call $read_file (local.get $path) (local.get $path_len) (i32.const 1024))
        (if (i32.eqz (i32.load8_u (i32.const 1024)))
          (then (local.set $ok (i32.add (local.get $ok) (i32.const 1)))))
        (local.set $count (i32.sub (local.get $count) (i32.const 1)))
        (br $next)))
    (global.set $heap (i32.const 4096))
    (local.get $ok))

  ;; --- aliasing --------------------------------------------------------------------------
  (func $aliased_strings (param $n i32) (param $size i32) (result i32)
    (call $return_pair
      (call $same_pairs (local.get $n) (call $filled (local.get $size) (i32.const 0x61)) (local.get $size))
      (local.get $n)))
  (export "test:hostile-memory/aliasing#aliased-strings" (func $aliased_strings))
  (export "cabi_post_test:hostile-memory/aliasing#aliased-strings" (func $rewind))
  ;; list<u8> has the layout of a string.
  (export "test:hostile-memory/aliasing#aliased-byte-lists" (func $aliased_strings))
  (export "cabi_post_test:hostile-memory/aliasing#aliased-byte-lists" (func $rewind))

  (func (export "test:hostile-memory/aliasing#aliased-nested") (param $n i32) (param $size i32) (result i32)
    (local $inner i32)
    (local.set $inner
      (call $same_pairs (local.get $n) (call $filled (local.get $size) (i32.const 0x61)) (local.get $size)))
    (call $return_pair
      (call $same_pairs (local.get $n) (local.get $inner) (local.get $n))
      (local.get $n)))
  (export "cabi_post_test:hostile-memory/aliasing#aliased-nested" (func $rewind))

  ;; An array of n handles: resource.new(first rep), then the rep grows by `step` (0 or 1), or
  ;; with `same` one handle repeated.
  (func $handles (param $n i32) (param $rep i32) (param $step i32) (param $same i32) (result i32)
    (local $array i32)
    (local $at i32)
    (local $end i32)
    (local $handle i32)
    (if (i32.gt_u (local.get $n) (i32.const 0x3fffffff)) (then unreachable))
    (local.set $array (call $allocate (i32.const 4) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $at (local.get $array))
    (local.set $end (i32.add (local.get $array) (i32.shl (local.get $n) (i32.const 2))))
    (if (local.get $same) (then (local.set $handle (call $thing_new (local.get $rep)))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (if (i32.eqz (local.get $same))
          (then
            (local.set $handle (call $thing_new (local.get $rep)))
            (local.set $rep (i32.add (local.get $rep) (local.get $step)))))
        (i32.store (local.get $at) (local.get $handle))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br $next)))
    (call $return_pair (local.get $array) (local.get $n)))

  (func (export "test:hostile-memory/aliasing#make-handles") (param $n i32) (result i32)
    (call $handles (local.get $n) (i32.const 0) (i32.const 0) (i32.const 0)))
  (export "cabi_post_test:hostile-memory/aliasing#make-handles" (func $rewind))

  (func (export "test:hostile-memory/aliasing#make-many") (param $n i32) (result i32)
    (call $handles (local.get $n) (i32.const 1) (i32.const 1) (i32.const 0)))
  (export "cabi_post_test:hostile-memory/aliasing#make-many" (func $rewind))

  (func (export "test:hostile-memory/aliasing#same-handle") (param $n i32) (result i32)
    (call $handles (local.get $n) (i32.const 7) (i32.const 0) (i32.const 1)))
  (export "cabi_post_test:hostile-memory/aliasing#same-handle" (func $rewind))

  ;; A method receives its own resource's rep.
  (func (export "test:hostile-memory/aliasing#[method]thing.id") (param $rep i32) (result i32)
    (local.get $rep))

  (func (export "test:hostile-memory/aliasing#[dtor]thing") (param $rep i32)
    (global.set $dropped (i32.add (global.get $dropped) (i32.const 1))))

  (func (export "test:hostile-memory/aliasing#count") (result i32)
    (global.get $dropped))
)
