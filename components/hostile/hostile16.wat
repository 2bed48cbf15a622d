;; The core module of hostile-utf16.wasm (see hostile.wit, world hostile16), string-encoding=utf16.
;;   16    the code units of "still usable"
;;   64    0061 d800 0062 (an unpaired high surrogate)
;;   80    0061 dc00 (an unpaired low surrogate)
;;   1024  the return area
(module
  (memory (export "memory") 1)
  (data (i32.const 16) "s\00t\00i\00l\00l\00 \00u\00s\00a\00b\00l\00e\00")
  (data (i32.const 64) "a\00\00\d8b\00")
  (data (i32.const 80) "a\00\00\dc")

  (global $heap (mut i32) (i32.const 4096))

  (func $return_pair (param $first i32) (param $second i32) (result i32)
    (i32.store (i32.const 1024) (local.get $first))
    (i32.store (i32.const 1028) (local.get $second))
    (i32.const 1024))

  ;; A bump allocator that never grows memory: enough for the host's lowering in tests.
  (func (export "cabi_realloc")
    (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
    (local $start i32)
    (local.set $start
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.sub (i32.const 0) (local.get $align))))
    (global.set $heap (i32.add (local.get $start) (local.get $new_size)))
    (local.get $start))

  (func (export "test:hostile/bad16#ok") (result i32)
    (call $return_pair (i32.const 16) (i32.const 12)))
  (func (export "test:hostile/bad16#unpaired-surrogate") (result i32)
    (call $return_pair (i32.const 64) (i32.const 3)))
  (func (export "test:hostile/bad16#lone-low-surrogate") (result i32)
    (call $return_pair (i32.const 80) (i32.const 2)))
  (func (export "test:hostile/bad16#too-many-units") (result i32)
    (call $return_pair (i32.const 16) (i32.const 0x7fffffff)))
)
