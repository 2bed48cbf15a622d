;; exit OP: how a command ends. Prints one line saying what it does, then:
;;   ok          wasi:cli/exit.exit(ok)       (exit status 0)
;;   err         wasi:cli/exit.exit(err)      (exit status 1)
;;   return-ok   run returns ok               (exit status 0)
;;   return-err  run returns err              (exit status 1)
;;   trap        executes `unreachable`
;; exit-with-code is in exit-code.wat (a separate component, so that this one also runs on
;; hosts older than wasi:cli@0.2.12).
(module
  (import "wasi:cli/exit@{WASI}" "exit" (func $exit (param i32)))

  ;;@include lib/core.wat
  ;;@include lib/args.wat

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (call $args_load)
    (if (call $arg_is (i32.const 1) (str "ok"))
      (then
        (call $print (str "calling exit(ok)\n"))
        (call $exit (i32.const 0))
        (unreachable)))
    (if (call $arg_is (i32.const 1) (str "err"))
      (then
        (call $print (str "calling exit(err)\n"))
        (call $exit (i32.const 1))
        (unreachable)))
    (if (call $arg_is (i32.const 1) (str "return-ok"))
      (then
        (call $print (str "returning ok\n"))
        (return (i32.const 0))))
    (if (call $arg_is (i32.const 1) (str "return-err"))
      (then
        (call $eprint (str "returning err\n"))
        (return (i32.const 1))))
    (if (call $arg_is (i32.const 1) (str "trap"))
      (then
        (call $print (str "about to trap\n"))
        (unreachable)))
    (call $eprint (str "usage: exit ok|err|return-ok|return-err|trap\n"))
    (i32.const 1))
)
