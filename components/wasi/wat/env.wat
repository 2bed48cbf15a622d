;; env: prints its arguments, its environment (in the host's order) and initial-cwd:
;;   argc N / argv[I]=TEXT / envc N / env NAME=VALUE / cwd none|cwd TEXT
;; Calls: get-arguments, get-environment, initial-cwd.
;; Return areas: get-environment at 33024 (list<tuple<string, string>>: {ptr @0; len @4},
;; each element {name ptr @0; name len @4; value ptr @8; value len @12});
;; initial-cwd at 33040 (option<string>: {u8 is-some @0; ptr @4; len @8}).
(module
  (import "wasi:cli/environment@{WASI}" "get-environment" (func $get_environment (param i32)))
  (import "wasi:cli/environment@{WASI}" "initial-cwd" (func $initial_cwd (param i32)))

  ;;@include lib/core.wat
  ;;@include lib/args.wat

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (local $i i32)
    (local $count i32)
    (local $pair i32)
    (call $args_load)
    (call $print (str "argc "))
    (call $print_u64 (i64.extend_i32_u (global.get $argc)))
    (call $print (str "\n"))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (global.get $argc)))
        (call $print (str "argv["))
        (call $print_u64 (i64.extend_i32_u (local.get $i)))
        (call $print (str "]="))
        (call $print (call $arg_ptr (local.get $i)) (call $arg_len (local.get $i)))
        (call $print (str "\n"))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $get_environment (i32.const 33024))
    (local.set $count (i32.load (i32.const 33028)))
    (call $print (str "envc "))
    (call $print_u64 (i64.extend_i32_u (local.get $count)))
    (call $print (str "\n"))
    (local.set $i (i32.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $pair (i32.add (i32.load (i32.const 33024)) (i32.shl (local.get $i) (i32.const 4))))
        (call $print (str "env "))
        (call $print (i32.load (local.get $pair)) (i32.load offset=4 (local.get $pair)))
        (call $print (str "="))
        (call $print (i32.load offset=8 (local.get $pair)) (i32.load offset=12 (local.get $pair)))
        (call $print (str "\n"))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $initial_cwd (i32.const 33040))
    (if (i32.load8_u (i32.const 33040))
      (then
        (call $print (str "cwd "))
        (call $print (i32.load (i32.const 33044)) (i32.load (i32.const 33048)))
        (call $print (str "\n")))
      (else (call $print (str "cwd none\n"))))
    (i32.const 0))
)
