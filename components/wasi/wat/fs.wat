;; fs OP ARGS: one filesystem operation in the FIRST preopened directory (get-directories),
;; paths relative to it, exactly as given: `..`, absolute paths and symlinks reach the host as
;; they are (wasi-libc would first match an absolute path against the preopens' guest paths
;; and fail with ENOENT itself when none matches).
;;   preopens              prints "preopen GUEST-PATH" for every preopen
;;   read PATH             open-at(symlink-follow, read) + descriptor.read loop; prints the bytes
;;   stream-read PATH      open-at + read-via-stream(0) + blocking-read loop; prints the bytes
;;   write PATH TEXT       open-at(symlink-follow, create|truncate, write) + descriptor.write(TEXT, 0)
;;   append PATH TEXT      open-at(symlink-follow, write) + append-via-stream + blocking-write-and-flush
;;   list PATH             open-at(directory, read) + read-directory; prints "TYPE NAME", sorted by name
;;   stat PATH, lstat PATH stat-at with and without symlink-follow; prints "TYPE" and, for
;;                         regular files and symlinks, " size N" (directory sizes vary by host)
;;   mkdir PATH, rmdir PATH, rm PATH     create-directory-at, remove-directory-at, unlink-file-at
;;   symlink TARGET PATH   symlink-at(TARGET, PATH)
;;   readlink PATH         readlink-at; prints the target
;;   rename OLD NEW        rename-at(OLD, same directory, NEW)
;; Success prints what the operation produced, or "OP: ok". A failure prints
;; "fs: FUNCTION: ERROR-CODE" (the wasi:filesystem error-code case name) to stderr and run
;; returns err. Descriptors and streams it opens are dropped; the preopens are not.
;;
;; Return areas (all results are result<..., error-code>, u8 is-err @0):
;;   33024 get-directories   list<tuple<own<descriptor>, string>>: {ptr @0; len @4}, elements
;;                           {handle @0; path ptr @4; path len @8}
;;   33040 open-at           {handle or error-code @4}
;;   33056 read              ok: {ptr @4; len @8; u8 end @12}; err: {code @4}
;;   33072 write             {u64 count or u8 code @8}
;;   33088 read-directory    {handle or code @4}
;;   33104 read-directory-entry  result<option<directory-entry>, error-code>:
;;                           {u8 is-some @4; u8 type @8; name ptr @12; name len @16}; err {code @4}
;;   33136 stat-at           descriptor-stat @8: {u8 type @8; u64 link-count @16; u64 size @24; ...}
;;   33248 results without a value  {u8 code @1}
;;   33264 readlink-at       {ptr @4; len @8} or {code @4}
;;   33280 read-via-stream, append-via-stream  {handle or code @4}
;;   33296 blocking-read     as in cat.wat
(module
  (import "wasi:filesystem/preopens@{WASI}" "get-directories" (func $get_directories (param i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.open-at"
    (func $open_at (param i32 i32 i32 i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.read"
    (func $descriptor_read (param i32 i64 i64 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.write"
    (func $descriptor_write (param i32 i32 i32 i64 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.read-via-stream"
    (func $read_via_stream (param i32 i64 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.append-via-stream"
    (func $append_via_stream (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.read-directory"
    (func $read_directory (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]directory-entry-stream.read-directory-entry"
    (func $read_directory_entry (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.stat-at"
    (func $stat_at (param i32 i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.create-directory-at"
    (func $create_directory_at (param i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.remove-directory-at"
    (func $remove_directory_at (param i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.unlink-file-at"
    (func $unlink_file_at (param i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.symlink-at"
    (func $symlink_at (param i32 i32 i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.readlink-at"
    (func $readlink_at (param i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.rename-at"
    (func $rename_at (param i32 i32 i32 i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[resource-drop]descriptor" (func $drop_descriptor (param i32)))
  (import "wasi:filesystem/types@{WASI}" "[resource-drop]directory-entry-stream"
    (func $drop_directory_entry_stream (param i32)))
  (import "wasi:io/streams@{WASI}" "[method]input-stream.blocking-read"
    (func $input_blocking_read (param i32 i64 i32)))
  (import "wasi:io/streams@{WASI}" "[resource-drop]input-stream" (func $drop_input_stream (param i32)))
  (import "wasi:io/streams@{WASI}" "[resource-drop]output-stream" (func $drop_output_stream (param i32)))

  ;;@include lib/core.wat
  ;;@include lib/args.wat

  ;; path-flags, open-flags and descriptor-flags bits.
  (global $symlink_follow i32 (i32.const 1))
  (global $create i32 (i32.const 1))
  (global $directory i32 (i32.const 2))
  (global $truncate i32 (i32.const 8))
  (global $read i32 (i32.const 1))
  (global $write i32 (i32.const 2))

  ;; Prints "fs: FUNCTION: ERROR-CODE" to stderr; returns 1 (run's err).
  (func $fail (param $function i32) (param $function_len i32) (param $code i32) (result i32)
    (call $eprint (str "fs: "))
    (call $eprint (local.get $function) (local.get $function_len))
    (call $eprint (str ": "))
    (call $print_name
      (str "access\00would-block\00already\00bad-descriptor\00busy\00deadlock\00quota\00exist\00file-too-large\00illegal-byte-sequence\00in-progress\00interrupted\00invalid\00io\00is-directory\00loop\00too-many-links\00message-size\00name-too-long\00no-device\00no-entry\00no-lock\00insufficient-memory\00insufficient-space\00not-directory\00not-empty\00not-recoverable\00unsupported\00no-tty\00no-such-device\00overflow\00not-permitted\00pipe\00read-only\00invalid-seek\00text-file-busy\00cross-device\00")
      (local.get $code) (i32.const 1))
    (call $eprint (str "\n"))
    (i32.const 1))

  (func $print_type (param $type i32)
    (call $print_name
      (str "unknown\00block-device\00character-device\00directory\00fifo\00symbolic-link\00regular-file\00socket\00")
      (local.get $type) (i32.const 0)))

  ;; The first preopened directory, or -1 (reported) when there is none.
  (func $first_preopen (result i32)
    (call $get_directories (i32.const 33024))
    (if (i32.eqz (i32.load (i32.const 33028)))
      (then
        (call $eprint (str "fs: no preopened directory\n"))
        (return (i32.const -1))))
    (i32.load (i32.load (i32.const 33024))))

  ;; open-at(directory, symlink-follow, argument `path`, flags); the descriptor or -1 (reported).
  (func $open (param $directory i32) (param $path i32) (param $open_flags i32) (param $flags i32) (result i32)
    (call $open_at (local.get $directory) (global.get $symlink_follow)
      (call $arg_ptr (local.get $path)) (call $arg_len (local.get $path))
      (local.get $open_flags) (local.get $flags) (i32.const 33040))
    (if (i32.load8_u (i32.const 33040))
      (then
        (drop (call $fail (str "open-at") (i32.load8_u (i32.const 33044))))
        (return (i32.const -1))))
    (i32.load (i32.const 33044)))

  (func $op_preopens (result i32)
    (local $i i32)
    (local $entry i32)
    (call $get_directories (i32.const 33024))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (i32.load (i32.const 33028))))
        (local.set $entry (i32.add (i32.load (i32.const 33024)) (i32.mul (local.get $i) (i32.const 12))))
        (call $print (str "preopen "))
        (call $print (i32.load offset=4 (local.get $entry)) (i32.load offset=8 (local.get $entry)))
        (call $print (str "\n"))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  (func $op_read (param $directory i32) (result i32)
    (local $file i32)
    (local $offset i64)
    (local $heap_mark i32)
    (local.set $file (call $open (local.get $directory) (i32.const 2) (i32.const 0) (global.get $read)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (local.set $heap_mark (global.get $heap))
    (block $end
      (loop $next
        (global.set $heap (local.get $heap_mark))
        (call $descriptor_read (local.get $file) (i64.const 4096) (local.get $offset) (i32.const 33056))
        (if (i32.load8_u (i32.const 33056))
          (then (return (call $fail (str "read") (i32.load8_u (i32.const 33060))))))
        (call $print (i32.load (i32.const 33060)) (i32.load (i32.const 33064)))
        (local.set $offset (i64.add (local.get $offset) (i64.extend_i32_u (i32.load (i32.const 33064)))))
        (br_if $end (i32.load8_u (i32.const 33068)))
        (br_if $end (i32.eqz (i32.load (i32.const 33064))))
        (br $next)))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  (func $op_stream_read (param $directory i32) (result i32)
    (local $file i32)
    (local $stream i32)
    (local $heap_mark i32)
    (local.set $file (call $open (local.get $directory) (i32.const 2) (i32.const 0) (global.get $read)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (call $read_via_stream (local.get $file) (i64.const 0) (i32.const 33280))
    (if (i32.load8_u (i32.const 33280))
      (then (return (call $fail (str "read-via-stream") (i32.load8_u (i32.const 33284))))))
    (local.set $stream (i32.load (i32.const 33284)))
    (local.set $heap_mark (global.get $heap))
    (block $closed
      (loop $next
        (global.set $heap (local.get $heap_mark))
        (call $input_blocking_read (local.get $stream) (i64.const 4096) (i32.const 33296))
        (if (i32.load8_u (i32.const 33296))
          (then
            (br_if $closed (i32.eq (i32.load8_u (i32.const 33300)) (i32.const 1)))
            (call $drop_error (i32.load (i32.const 33304)))
            (call $eprint (str "fs: blocking-read: last-operation-failed\n"))
            (return (i32.const 1))))
        (call $print (i32.load (i32.const 33300)) (i32.load (i32.const 33304)))
        (br $next)))
    ;; A child (the stream) goes before its parent (the descriptor).
    (call $drop_input_stream (local.get $stream))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  (func $op_write (param $directory i32) (result i32)
    (local $file i32)
    (local.set $file
      (call $open (local.get $directory) (i32.const 2)
        (i32.or (global.get $create) (global.get $truncate)) (global.get $write)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (call $descriptor_write (local.get $file)
      (call $arg_ptr (i32.const 3)) (call $arg_len (i32.const 3)) (i64.const 0) (i32.const 33072))
    (if (i32.load8_u (i32.const 33072))
      (then (return (call $fail (str "write") (i32.load8_u (i32.const 33080))))))
    (call $print (str "wrote "))
    (call $print_u64 (i64.load (i32.const 33080)))
    (call $print (str " bytes\n"))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  (func $op_append (param $directory i32) (result i32)
    (local $file i32)
    (local $stream i32)
    (local.set $file (call $open (local.get $directory) (i32.const 2) (i32.const 0) (global.get $write)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (call $append_via_stream (local.get $file) (i32.const 33280))
    (if (i32.load8_u (i32.const 33280))
      (then (return (call $fail (str "append-via-stream") (i32.load8_u (i32.const 33284))))))
    (local.set $stream (i32.load (i32.const 33284)))
    (if (call $write_all (local.get $stream) (call $arg_ptr (i32.const 3)) (call $arg_len (i32.const 3)))
      (then
        (call $eprint (str "fs: blocking-write-and-flush: failed\n"))
        (return (i32.const 1))))
    (call $print (str "appended "))
    (call $print_u64 (i64.extend_i32_u (call $arg_len (i32.const 3))))
    (call $print (str " bytes\n"))
    (call $drop_output_stream (local.get $stream))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  ;; Sorts `count` 12-byte entries {type @0; name ptr @4; name len @8} by name (insertion sort).
  (func $sort_entries (param $entries i32) (param $count i32)
    (local $i i32)
    (local $j i32)
    (local $at i32)
    (local $before i32)
    (local $type i32)
    (local $name i32)
    (local $name_len i32)
    (local.set $i (i32.const 1))
    (block $sorted
      (loop $outer
        (br_if $sorted (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $at (i32.add (local.get $entries) (i32.mul (local.get $i) (i32.const 12))))
        (local.set $type (i32.load (local.get $at)))
        (local.set $name (i32.load offset=4 (local.get $at)))
        (local.set $name_len (i32.load offset=8 (local.get $at)))
        (local.set $j (local.get $i))
        (block $placed
          (loop $inner
            (br_if $placed (i32.eqz (local.get $j)))
            (local.set $at (i32.add (local.get $entries) (i32.mul (local.get $j) (i32.const 12))))
            (local.set $before (i32.sub (local.get $at) (i32.const 12)))
            (br_if $placed
              (i32.le_s
                (call $bytes_compare
                  (i32.load offset=4 (local.get $before)) (i32.load offset=8 (local.get $before))
                  (local.get $name) (local.get $name_len))
                (i32.const 0)))
            (i32.store (local.get $at) (i32.load (local.get $before)))
            (i32.store offset=4 (local.get $at) (i32.load offset=4 (local.get $before)))
            (i32.store offset=8 (local.get $at) (i32.load offset=8 (local.get $before)))
            (local.set $j (i32.sub (local.get $j) (i32.const 1)))
            (br $inner)))
        (local.set $at (i32.add (local.get $entries) (i32.mul (local.get $j) (i32.const 12))))
        (i32.store (local.get $at) (local.get $type))
        (i32.store offset=4 (local.get $at) (local.get $name))
        (i32.store offset=8 (local.get $at) (local.get $name_len))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer))))

  (func $op_list (param $directory i32) (result i32)
    (local $dir i32)
    (local $stream i32)
    (local $entries i32)
    (local $count i32)
    (local $capacity i32)
    (local $grown i32)
    (local $at i32)
    (local $i i32)
    (local.set $dir
      (call $open (local.get $directory) (i32.const 2) (global.get $directory) (global.get $read)))
    (if (i32.eq (local.get $dir) (i32.const -1)) (then (return (i32.const 1))))
    (call $read_directory (local.get $dir) (i32.const 33088))
    (if (i32.load8_u (i32.const 33088))
      (then (return (call $fail (str "read-directory") (i32.load8_u (i32.const 33092))))))
    (local.set $stream (i32.load (i32.const 33092)))
    (local.set $capacity (i32.const 64))
    (local.set $entries (call $allocate (i32.mul (local.get $capacity) (i32.const 12)) (i32.const 4)))
    (block $end
      (loop $next
        (call $read_directory_entry (local.get $stream) (i32.const 33104))
        (if (i32.load8_u (i32.const 33104))
          (then (return (call $fail (str "read-directory-entry") (i32.load8_u (i32.const 33108))))))
        (br_if $end (i32.eqz (i32.load8_u (i32.const 33108))))
        (if (i32.eq (local.get $count) (local.get $capacity))
          (then
            (local.set $grown (call $allocate (i32.mul (local.get $capacity) (i32.const 24)) (i32.const 4)))
            (call $copy (local.get $grown) (local.get $entries) (i32.mul (local.get $capacity) (i32.const 12)))
            (local.set $entries (local.get $grown))
            (local.set $capacity (i32.mul (local.get $capacity) (i32.const 2)))))
        (local.set $at (i32.add (local.get $entries) (i32.mul (local.get $count) (i32.const 12))))
        (i32.store (local.get $at) (i32.load8_u (i32.const 33112)))
        (i32.store offset=4 (local.get $at) (i32.load (i32.const 33116)))
        (i32.store offset=8 (local.get $at) (i32.load (i32.const 33120)))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (br $next)))
    (call $drop_directory_entry_stream (local.get $stream))
    (call $drop_descriptor (local.get $dir))
    (call $sort_entries (local.get $entries) (local.get $count))
    (block $printed
      (loop $next
        (br_if $printed (i32.ge_u (local.get $i) (local.get $count)))
        (local.set $at (i32.add (local.get $entries) (i32.mul (local.get $i) (i32.const 12))))
        (call $print_type (i32.load (local.get $at)))
        (call $print (str " "))
        (call $print (i32.load offset=4 (local.get $at)) (i32.load offset=8 (local.get $at)))
        (call $print (str "\n"))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.const 0))

  (func $op_stat (param $directory i32) (param $path_flags i32) (result i32)
    (local $type i32)
    (call $stat_at (local.get $directory) (local.get $path_flags)
      (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2)) (i32.const 33136))
    (if (i32.load8_u (i32.const 33136))
      (then (return (call $fail (str "stat-at") (i32.load8_u (i32.const 33144))))))
    (local.set $type (i32.load8_u (i32.const 33144)))
    (call $print_type (local.get $type))
    ;; 5 symbolic-link, 6 regular-file
    (if (i32.or (i32.eq (local.get $type) (i32.const 5)) (i32.eq (local.get $type) (i32.const 6)))
      (then
        (call $print (str " size "))
        (call $print_u64 (i64.load (i32.const 33160)))))
    (call $print (str "\n"))
    (i32.const 0))

  ;; The end of create-directory-at, remove-directory-at, unlink-file-at, symlink-at and
  ;; rename-at: reads their result<_, error-code> at 33248.
  (func $done (param $function i32) (param $function_len i32) (param $op i32) (param $op_len i32) (result i32)
    (if (i32.load8_u (i32.const 33248))
      (then (return (call $fail (local.get $function) (local.get $function_len) (i32.load8_u (i32.const 33249))))))
    (call $print (local.get $op) (local.get $op_len))
    (call $print (str ": ok\n"))
    (i32.const 0))

  (func $op_readlink (param $directory i32) (result i32)
    (call $readlink_at (local.get $directory)
      (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2)) (i32.const 33264))
    (if (i32.load8_u (i32.const 33264))
      (then (return (call $fail (str "readlink-at") (i32.load8_u (i32.const 33268))))))
    (call $print (i32.load (i32.const 33268)) (i32.load (i32.const 33272)))
    (call $print (str "\n"))
    (i32.const 0))

  ;; 1 when argument 1 is `op` and there are at least `argc` arguments.
  (func $is_op (param $op i32) (param $op_len i32) (param $argc i32) (result i32)
    (i32.and
      (call $arg_is (i32.const 1) (local.get $op) (local.get $op_len))
      (i32.ge_u (global.get $argc) (local.get $argc))))

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (local $directory i32)
    (call $args_load)
    (if (call $is_op (str "preopens") (i32.const 2)) (then (return (call $op_preopens))))
    (local.set $directory (call $first_preopen))
    (if (i32.eq (local.get $directory) (i32.const -1)) (then (return (i32.const 1))))
    (if (call $is_op (str "read") (i32.const 3))
      (then (return (call $op_read (local.get $directory)))))
    (if (call $is_op (str "stream-read") (i32.const 3))
      (then (return (call $op_stream_read (local.get $directory)))))
    (if (call $is_op (str "write") (i32.const 4))
      (then (return (call $op_write (local.get $directory)))))
    (if (call $is_op (str "append") (i32.const 4))
      (then (return (call $op_append (local.get $directory)))))
    (if (call $is_op (str "list") (i32.const 3))
      (then (return (call $op_list (local.get $directory)))))
    (if (call $is_op (str "stat") (i32.const 3))
      (then (return (call $op_stat (local.get $directory) (global.get $symlink_follow)))))
    (if (call $is_op (str "lstat") (i32.const 3))
      (then (return (call $op_stat (local.get $directory) (i32.const 0)))))
    (if (call $is_op (str "readlink") (i32.const 3))
      (then (return (call $op_readlink (local.get $directory)))))
    (if (call $is_op (str "mkdir") (i32.const 3))
      (then
        (call $create_directory_at (local.get $directory)
          (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2)) (i32.const 33248))
        (return (call $done (str "create-directory-at") (str "mkdir")))))
    (if (call $is_op (str "rmdir") (i32.const 3))
      (then
        (call $remove_directory_at (local.get $directory)
          (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2)) (i32.const 33248))
        (return (call $done (str "remove-directory-at") (str "rmdir")))))
    (if (call $is_op (str "rm") (i32.const 3))
      (then
        (call $unlink_file_at (local.get $directory)
          (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2)) (i32.const 33248))
        (return (call $done (str "unlink-file-at") (str "rm")))))
    (if (call $is_op (str "symlink") (i32.const 4))
      (then
        (call $symlink_at (local.get $directory)
          (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2))
          (call $arg_ptr (i32.const 3)) (call $arg_len (i32.const 3)) (i32.const 33248))
        (return (call $done (str "symlink-at") (str "symlink")))))
    (if (call $is_op (str "rename") (i32.const 4))
      (then
        (call $rename_at (local.get $directory)
          (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2))
          (local.get $directory)
          (call $arg_ptr (i32.const 3)) (call $arg_len (i32.const 3)) (i32.const 33248))
        (return (call $done (str "rename-at") (str "rename")))))
    (call $eprint (str "usage: fs preopens | read|stream-read|list|stat|lstat|readlink|mkdir|rmdir|rm PATH | write|append PATH TEXT | symlink TARGET PATH | rename OLD NEW\n"))
    (i32.const 1))
)
