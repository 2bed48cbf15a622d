;; hello: the smallest wasi:cli/command. Writes one line to stdout and one to stderr and
;; returns ok. Calls: get-stdout, blocking-write-and-flush, get-stderr, blocking-write-and-flush.
(module
  ;;@include lib/core.wat

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (call $print (str "hello from wasi\n"))
    (call $eprint (str "hello on stderr\n"))
    (i32.const 0))
)
