;; The core module of hostile-signature-param-type.wasm (see signature-param-type.wit).
;; "/etc/passwd" at 16, the return area at 1024, the heap of cabi_realloc at 4096.
(module
  (import "sandbox:skill/filesystem" "read-file" (func $read_file (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "/etc/passwd")
  (global $heap (mut i32) (i32.const 4096))

  ;; A bump allocator that grows memory, never rewound.
  (func (export "cabi_realloc")
    (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $start i32)
    (local.set $start
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $start) (local.get $new_size)))
    (if (i32.gt_u (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
      (then
        (if (i32.eq
              (memory.grow
                (i32.add
                  (i32.div_u
                    (i32.sub (global.get $heap) (i32.mul (memory.size) (i32.const 65536)))
                    (i32.const 65536))
                  (i32.const 1)))
              (i32.const -1))
          (then unreachable))))
    (local.get $start))

  (func (export "run") (result i32)
    (call $read_file (i32.const 3) (i32.const 1024))
    (i32.const 1024))
)
