;; exit-code N: prints "calling exit-with-code(N)" and calls wasi:cli/exit.exit-with-code(N)
;; (new in wasi:cli@0.2.12; the exit status is N, 0..255).
(module
  (import "wasi:cli/exit@{WASI}" "exit-with-code" (func $exit_with_code (param i32)))

  ;;@include lib/core.wat
  ;;@include lib/args.wat

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (local $code i64)
    (call $args_load)
    (if (i32.ge_u (global.get $argc) (i32.const 2))
      (then (local.set $code (call $parse_u64 (call $arg_ptr (i32.const 1)) (call $arg_len (i32.const 1)))))
      (else (local.set $code (i64.const -1))))
    (if (i64.gt_u (local.get $code) (i64.const 255))
      (then
        (call $eprint (str "usage: exit-code 0..255\n"))
        (return (i32.const 1))))
    (call $print (str "calling exit-with-code("))
    (call $print_u64 (local.get $code))
    (call $print (str ")\n"))
    (call $exit_with_code (i32.wrap_i64 (local.get $code)))
    (unreachable))
)
