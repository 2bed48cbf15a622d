;; cat: copies stdin to stdout until stdin closes, then returns ok.
;;   cat          input-stream.blocking-read (4096 bytes at a time)
;;   cat --poll   input-stream.read; when it returns no bytes, subscribe + pollable.block
;;                + drop the pollable, then read again (the non-blocking path of a host)
;; Return area (33024, 12 bytes) of read and blocking-read:
;;   result<list<u8>, stream-error>: {u8 is-err @0; ok: ptr @4, len @8;
;;   err: u8 case @4 (0 last-operation-failed, 1 closed), own<error> @8}
(module
  (import "wasi:cli/stdin@{WASI}" "get-stdin" (func $get_stdin (result i32)))
  (import "wasi:io/streams@{WASI}" "[method]input-stream.blocking-read"
    (func $input_blocking_read (param i32 i64 i32)))
  (import "wasi:io/streams@{WASI}" "[method]input-stream.read" (func $input_read (param i32 i64 i32)))
  (import "wasi:io/streams@{WASI}" "[method]input-stream.subscribe"
    (func $input_subscribe (param i32) (result i32)))
  (import "wasi:io/streams@{WASI}" "[resource-drop]input-stream" (func $drop_input_stream (param i32)))
  (import "wasi:io/poll@{WASI}" "[method]pollable.block" (func $pollable_block (param i32)))
  (import "wasi:io/poll@{WASI}" "[resource-drop]pollable" (func $drop_pollable (param i32)))

  ;;@include lib/core.wat
  ;;@include lib/args.wat

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (local $stdin i32)
    (local $polling i32)
    (local $pollable i32)
    (local $heap_mark i32)
    (call $args_load)
    (local.set $polling (call $arg_is (i32.const 1) (str "--poll")))
    (local.set $stdin (call $get_stdin))
    (local.set $heap_mark (global.get $heap))
    (block $closed
      (loop $next
        ;; Each chunk is dead once written: rewind the heap so a long input needs no more memory.
        (global.set $heap (local.get $heap_mark))
        (if (local.get $polling)
          (then (call $input_read (local.get $stdin) (i64.const 4096) (i32.const 33024)))
          (else (call $input_blocking_read (local.get $stdin) (i64.const 4096) (i32.const 33024))))
        (if (i32.load8_u (i32.const 33024))
          (then
            (br_if $closed (i32.eq (i32.load8_u (i32.const 33028)) (i32.const 1)))
            (call $drop_error (i32.load (i32.const 33032)))
            (call $eprint (str "cat: reading stdin failed\n"))
            (return (i32.const 1))))
        (if (i32.eqz (i32.load (i32.const 33032)))
          (then
            (if (local.get $polling)
              (then
                (local.set $pollable (call $input_subscribe (local.get $stdin)))
                (call $pollable_block (local.get $pollable))
                (call $drop_pollable (local.get $pollable))))
            (br $next)))
        (if (call $write_all (call $stdout_stream) (i32.load (i32.const 33028)) (i32.load (i32.const 33032)))
          (then
            (call $eprint (str "cat: writing stdout failed\n"))
            (return (i32.const 1))))
        (br $next)))
    (call $drop_input_stream (local.get $stdin))
    (i32.const 0))
)
