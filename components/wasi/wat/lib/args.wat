;; The program's arguments (wasi:cli/environment.get-arguments), loaded once by $args_load.
;; get-arguments(return area) -> list<string>: {ptr @0; len @4}, each element {ptr @0; len @4}.

(import "wasi:cli/environment@{WASI}" "get-arguments" (func $get_arguments (param i32)))

(global $argc (mut i32) (i32.const 0))
(global $argv (mut i32) (i32.const 0))

(func $args_load
  (call $get_arguments (i32.const 32832))
  (global.set $argv (i32.load (i32.const 32832)))
  (global.set $argc (i32.load (i32.const 32836))))

(func $arg_ptr (param $index i32) (result i32)
  (i32.load (i32.add (global.get $argv) (i32.shl (local.get $index) (i32.const 3)))))

(func $arg_len (param $index i32) (result i32)
  (i32.load offset=4 (i32.add (global.get $argv) (i32.shl (local.get $index) (i32.const 3)))))

;; 1 when argument `index` exists and equals the bytes [ptr, ptr+len).
(func $arg_is (param $index i32) (param $ptr i32) (param $len i32) (result i32)
  (if (i32.ge_u (local.get $index) (global.get $argc)) (then (return (i32.const 0))))
  (call $bytes_equal
    (call $arg_ptr (local.get $index)) (call $arg_len (local.get $index))
    (local.get $ptr) (local.get $len)))
