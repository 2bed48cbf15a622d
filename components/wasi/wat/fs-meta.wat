;; fs-meta OP ARGS: the descriptor functions fs.wat leaves out, in the FIRST preopened
;; directory (get-directories), paths relative to it exactly as given:
;;   preopen               get-type and get-flags of the preopen itself: "TYPE FLAGS"
;;   info PATH             open-at(symlink-follow, read) + get-type + get-flags + stat:
;;                         "TYPE FLAGS", and for a regular file " links N size N"
;;   open PATH MODE        open-at(MODE) + get-flags: prints the flags; MODE is r (read),
;;                         w (write), rw, d (directory, read), x (create|exclusive, write),
;;                         n (read, no symlink-follow), s (read|file-integrity-sync),
;;                         dc (directory|create)
;;   truncate PATH N       open-at(write) + set-size(N) + stat: "size N"
;;   truncate-read PATH N  the same on a descriptor opened for reading only
;;   sync PATH             open-at(read) + sync + sync-data + advise(0, 0, sequential): "sync: ok"
;;   same A B              open-at A and B, is-same-object, metadata-hash(A) against
;;                         metadata-hash-at(symlink-follow, B), and whether the hash's upper
;;                         half is its lower half xor wasmtime's constant (values vary by host:
;;                         only comparisons are printed)
;;   link OLD NEW          link-at(no flags, OLD, same directory, NEW): "link: ok"
;;   link-follow OLD NEW   link-at with symlink-follow
;;   times PATH, ltimes PATH   set-times-at(with / without symlink-follow, atime 1000000000.5,
;;                         mtime 1200000000.7) + stat-at the same way: "atime S.N mtime S.N"
;;   futimes PATH          open-at(write) + set-times(no-change, mtime 1300000000.9) + stat
;;   stream-error PATH     open-at(read) + write-via-stream(0) + blocking-write-and-flush("x"):
;;                         "stream error: CODE" (filesystem-error-code of the error) or
;;                         "stream error: none"
;;   read-at PATH OFFSET   open-at(read) + one read(4096, OFFSET): the bytes, then " [end]" when
;;                         the read said the file ended
;; A failure prints "fs-meta: FUNCTION: ERROR-CODE" to stderr and run returns err.
;;
;; Return areas (u8 is-err @0 unless said):
;;   33024 get-directories   {ptr @0; len @4}, elements {handle @0; path ptr @4; len @8}
;;   33040, 33056 open-at    {handle or code @4}
;;   33072 get-type          {type or code @1}
;;   33088 get-flags         {flags or code @1}
;;   33104 results without a value  {code @1}
;;   33136 stat, stat-at     descriptor-stat @8: {u8 type @8; u64 link-count @16; u64 size @24;
;;                           access {u8 some @32; u64 s @40; u32 ns @48}; modification
;;                           {u8 some @56; u64 s @64; u32 ns @72}; change @80}; code @8
;;   33248, 33280 metadata-hash, metadata-hash-at   {u64 lower @8; u64 upper @16}; code @8
;;   33312 write-via-stream  {handle or code @4}
;;   33328 filesystem-error-code   option: {u8 some @0; u8 code @1}
;;   33344 read              ok: {ptr @4; len @8; u8 end @12}; err: {code @4}
;;   33360 blocking-write-and-flush  {u8 is-err @0; u8 case @4; own<error> @8}
(module
  (import "wasi:filesystem/preopens@{WASI}" "get-directories" (func $get_directories (param i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.open-at"
    (func $open_at (param i32 i32 i32 i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.get-type" (func $get_type (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.get-flags" (func $get_flags (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.stat" (func $stat (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.stat-at"
    (func $stat_at (param i32 i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.set-size" (func $set_size (param i32 i64 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.sync" (func $sync (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.sync-data" (func $sync_data (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.advise"
    (func $advise (param i32 i64 i64 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.is-same-object"
    (func $is_same_object (param i32 i32) (result i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.metadata-hash"
    (func $metadata_hash (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.metadata-hash-at"
    (func $metadata_hash_at (param i32 i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.link-at"
    (func $link_at (param i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.set-times-at"
    (func $set_times_at (param i32 i32 i32 i32 i32 i64 i32 i32 i64 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.set-times"
    (func $set_times (param i32 i32 i64 i32 i32 i64 i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.write-via-stream"
    (func $write_via_stream (param i32 i64 i32)))
  (import "wasi:filesystem/types@{WASI}" "[method]descriptor.read"
    (func $descriptor_read (param i32 i64 i64 i32)))
  (import "wasi:filesystem/types@{WASI}" "filesystem-error-code" (func $filesystem_error_code (param i32 i32)))
  (import "wasi:filesystem/types@{WASI}" "[resource-drop]descriptor" (func $drop_descriptor (param i32)))
  (import "wasi:io/streams@{WASI}" "[resource-drop]output-stream" (func $drop_output_stream (param i32)))

  ;;@include lib/core.wat
  ;;@include lib/args.wat

  ;; path-flags, open-flags and descriptor-flags bits.
  (global $symlink_follow i32 (i32.const 1))
  (global $create i32 (i32.const 1))
  (global $directory i32 (i32.const 2))
  (global $exclusive i32 (i32.const 4))
  (global $truncate i32 (i32.const 8))
  (global $read i32 (i32.const 1))
  (global $write i32 (i32.const 2))
  (global $file_integrity_sync i32 (i32.const 4))

  (func $print_error_code (param $code i32) (param $to_stderr i32)
    (call $print_name
      (str "access\00would-block\00already\00bad-descriptor\00busy\00deadlock\00quota\00exist\00file-too-large\00illegal-byte-sequence\00in-progress\00interrupted\00invalid\00io\00is-directory\00loop\00too-many-links\00message-size\00name-too-long\00no-device\00no-entry\00no-lock\00insufficient-memory\00insufficient-space\00not-directory\00not-empty\00not-recoverable\00unsupported\00no-tty\00no-such-device\00overflow\00not-permitted\00pipe\00read-only\00invalid-seek\00text-file-busy\00cross-device\00")
      (local.get $code) (local.get $to_stderr)))

  ;; Prints "fs-meta: FUNCTION: ERROR-CODE" to stderr; returns 1 (run's err).
  (func $fail (param $function i32) (param $function_len i32) (param $code i32) (result i32)
    (call $eprint (str "fs-meta: "))
    (call $eprint (local.get $function) (local.get $function_len))
    (call $eprint (str ": "))
    (call $print_error_code (local.get $code) (i32.const 1))
    (call $eprint (str "\n"))
    (i32.const 1))

  (func $print_type (param $type i32)
    (call $print_name
      (str "unknown\00block-device\00character-device\00directory\00fifo\00symbolic-link\00regular-file\00socket\00")
      (local.get $type) (i32.const 0)))

  ;; The names of the descriptor-flags set in `bits`, space-separated ("none" when none is).
  (func $print_flags (param $bits i32)
    (local $i i32)
    (local $first i32)
    (local.set $first (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (i32.const 6)))
        (if (i32.and (local.get $bits) (i32.shl (i32.const 1) (local.get $i)))
          (then
            (if (i32.eqz (local.get $first)) (then (call $print (str " "))))
            (local.set $first (i32.const 0))
            (call $print_name
              (str "read\00write\00file-integrity-sync\00data-integrity-sync\00requested-write-sync\00mutate-directory\00")
              (local.get $i) (i32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (local.get $first) (then (call $print (str "none")))))

  ;; "S.N" of a datetime at `at` (u64 seconds @0, u32 nanoseconds @8).
  (func $print_time (param $at i32)
    (call $print_u64 (i64.load (local.get $at)))
    (call $print (str "."))
    (call $print_u64 (i64.load32_u offset=8 (local.get $at))))

  ;; The first preopened directory, or -1 (reported) when there is none.
  (func $first_preopen (result i32)
    (call $get_directories (i32.const 33024))
    (if (i32.eqz (i32.load (i32.const 33028)))
      (then
        (call $eprint (str "fs-meta: no preopened directory\n"))
        (return (i32.const -1))))
    (i32.load (i32.load (i32.const 33024))))

  ;; open-at(directory, path flags, argument `arg`, open flags, flags) with its result at
  ;; `area`; the descriptor or -1 (reported).
  (func $open (param $directory i32) (param $path_flags i32) (param $arg i32) (param $open_flags i32)
    (param $flags i32) (param $area i32) (result i32)
    (call $open_at (local.get $directory) (local.get $path_flags)
      (call $arg_ptr (local.get $arg)) (call $arg_len (local.get $arg))
      (local.get $open_flags) (local.get $flags) (local.get $area))
    (if (i32.load8_u (local.get $area))
      (then
        (drop (call $fail (str "open-at") (i32.load8_u offset=4 (local.get $area))))
        (return (i32.const -1))))
    (i32.load offset=4 (local.get $area)))

  ;; get-type and get-flags of `descriptor`: "TYPE FLAGS"; 0, or 1 (reported).
  (func $type_and_flags (param $descriptor i32) (result i32)
    (call $get_type (local.get $descriptor) (i32.const 33072))
    (if (i32.load8_u (i32.const 33072))
      (then (return (call $fail (str "get-type") (i32.load8_u (i32.const 33073))))))
    (call $get_flags (local.get $descriptor) (i32.const 33088))
    (if (i32.load8_u (i32.const 33088))
      (then (return (call $fail (str "get-flags") (i32.load8_u (i32.const 33089))))))
    (call $print_type (i32.load8_u (i32.const 33073)))
    (call $print (str " "))
    (call $print_flags (i32.load8_u (i32.const 33089)))
    (i32.const 0))

  ;; The end of a function without a value: its result<_, error-code> at 33104.
  (func $checked (param $function i32) (param $function_len i32) (result i32)
    (if (i32.load8_u (i32.const 33104))
      (then (return (call $fail (local.get $function) (local.get $function_len) (i32.load8_u (i32.const 33105))))))
    (i32.const 0))

  (func $op_preopen (param $directory i32) (result i32)
    (if (call $type_and_flags (local.get $directory)) (then (return (i32.const 1))))
    (call $print (str "\n"))
    (i32.const 0))

  (func $op_info (param $directory i32) (result i32)
    (local $file i32)
    (local.set $file
      (call $open (local.get $directory) (global.get $symlink_follow) (i32.const 2) (i32.const 0)
        (global.get $read) (i32.const 33040)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (if (call $type_and_flags (local.get $file)) (then (return (i32.const 1))))
    (call $stat (local.get $file) (i32.const 33136))
    (if (i32.load8_u (i32.const 33136))
      (then (return (call $fail (str "stat") (i32.load8_u (i32.const 33144))))))
    ;; 6 regular-file (a directory's link count and size vary by host)
    (if (i32.eq (i32.load8_u (i32.const 33144)) (i32.const 6))
      (then
        (call $print (str " links "))
        (call $print_u64 (i64.load (i32.const 33152)))
        (call $print (str " size "))
        (call $print_u64 (i64.load (i32.const 33160)))))
    (call $print (str "\n"))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  (func $op_open (param $directory i32) (result i32)
    (local $path_flags i32)
    (local $open_flags i32)
    (local $flags i32)
    (local $file i32)
    (local.set $path_flags (global.get $symlink_follow))
    (local.set $flags (global.get $read))
    (if (call $arg_is (i32.const 3) (str "w")) (then (local.set $flags (global.get $write))))
    (if (call $arg_is (i32.const 3) (str "rw"))
      (then (local.set $flags (i32.or (global.get $read) (global.get $write)))))
    (if (call $arg_is (i32.const 3) (str "d")) (then (local.set $open_flags (global.get $directory))))
    (if (call $arg_is (i32.const 3) (str "x"))
      (then
        (local.set $open_flags (i32.or (global.get $create) (global.get $exclusive)))
        (local.set $flags (global.get $write))))
    (if (call $arg_is (i32.const 3) (str "n")) (then (local.set $path_flags (i32.const 0))))
    (if (call $arg_is (i32.const 3) (str "s"))
      (then (local.set $flags (i32.or (global.get $read) (global.get $file_integrity_sync)))))
    (if (call $arg_is (i32.const 3) (str "dc"))
      (then (local.set $open_flags (i32.or (global.get $directory) (global.get $create)))))
    (local.set $file
      (call $open (local.get $directory) (local.get $path_flags) (i32.const 2) (local.get $open_flags)
        (local.get $flags) (i32.const 33040)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (if (call $type_and_flags (local.get $file)) (then (return (i32.const 1))))
    (call $print (str "\n"))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  (func $op_truncate (param $directory i32) (param $flags i32) (result i32)
    (local $file i32)
    (local $size i64)
    (local.set $size (call $parse_u64 (call $arg_ptr (i32.const 3)) (call $arg_len (i32.const 3))))
    (local.set $file
      (call $open (local.get $directory) (global.get $symlink_follow) (i32.const 2) (i32.const 0)
        (local.get $flags) (i32.const 33040)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (call $set_size (local.get $file) (local.get $size) (i32.const 33104))
    (if (call $checked (str "set-size")) (then (return (i32.const 1))))
    (call $stat (local.get $file) (i32.const 33136))
    (if (i32.load8_u (i32.const 33136))
      (then (return (call $fail (str "stat") (i32.load8_u (i32.const 33144))))))
    (call $print (str "size "))
    (call $print_u64 (i64.load (i32.const 33160)))
    (call $print (str "\n"))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  (func $op_sync (param $directory i32) (result i32)
    (local $file i32)
    (local.set $file
      (call $open (local.get $directory) (global.get $symlink_follow) (i32.const 2) (i32.const 0)
        (global.get $read) (i32.const 33040)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (call $sync (local.get $file) (i32.const 33104))
    (if (call $checked (str "sync")) (then (return (i32.const 1))))
    (call $sync_data (local.get $file) (i32.const 33104))
    (if (call $checked (str "sync-data")) (then (return (i32.const 1))))
    ;; advice 1: sequential
    (call $advise (local.get $file) (i64.const 0) (i64.const 0) (i32.const 1) (i32.const 33104))
    (if (call $checked (str "advise")) (then (return (i32.const 1))))
    (call $print (str "sync: ok\n"))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  (func $op_same (param $directory i32) (result i32)
    (local $a i32)
    (local $b i32)
    (local.set $a
      (call $open (local.get $directory) (global.get $symlink_follow) (i32.const 2) (i32.const 0)
        (global.get $read) (i32.const 33040)))
    (if (i32.eq (local.get $a) (i32.const -1)) (then (return (i32.const 1))))
    (local.set $b
      (call $open (local.get $directory) (global.get $symlink_follow) (i32.const 3) (i32.const 0)
        (global.get $read) (i32.const 33056)))
    (if (i32.eq (local.get $b) (i32.const -1)) (then (return (i32.const 1))))
    (if (call $is_same_object (local.get $a) (local.get $b))
      (then (call $print (str "same object")))
      (else (call $print (str "different objects"))))
    (call $metadata_hash (local.get $a) (i32.const 33248))
    (if (i32.load8_u (i32.const 33248))
      (then (return (call $fail (str "metadata-hash") (i32.load8_u (i32.const 33256))))))
    (call $metadata_hash_at (local.get $directory) (global.get $symlink_follow)
      (call $arg_ptr (i32.const 3)) (call $arg_len (i32.const 3)) (i32.const 33280))
    (if (i32.load8_u (i32.const 33280))
      (then (return (call $fail (str "metadata-hash-at") (i32.load8_u (i32.const 33288))))))
    (if (i32.and
          (i64.eq (i64.load (i32.const 33256)) (i64.load (i32.const 33288)))
          (i64.eq (i64.load (i32.const 33264)) (i64.load (i32.const 33296))))
      (then (call $print (str ", same hash")))
      (else (call $print (str ", different hashes"))))
    (if (i64.eq (i64.load (i32.const 33264))
          (i64.xor (i64.load (i32.const 33256)) (i64.const 4614256656552045848)))
      (then (call $print (str ", upper = lower xor pi\n")))
      (else (call $print (str ", another upper half\n"))))
    (call $drop_descriptor (local.get $b))
    (call $drop_descriptor (local.get $a))
    (i32.const 0))

  (func $op_link (param $directory i32) (param $path_flags i32) (result i32)
    (call $link_at (local.get $directory) (local.get $path_flags)
      (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2))
      (local.get $directory)
      (call $arg_ptr (i32.const 3)) (call $arg_len (i32.const 3)) (i32.const 33104))
    (if (call $checked (str "link-at")) (then (return (i32.const 1))))
    (call $print (str "link: ok\n"))
    (i32.const 0))

  ;; set-times-at and stat-at with `path_flags`; prints both times.
  (func $op_times (param $directory i32) (param $path_flags i32) (result i32)
    (call $set_times_at (local.get $directory) (local.get $path_flags)
      (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2))
      (i32.const 2) (i64.const 1000000000) (i32.const 5)
      (i32.const 2) (i64.const 1200000000) (i32.const 7)
      (i32.const 33104))
    (if (call $checked (str "set-times-at")) (then (return (i32.const 1))))
    (call $stat_at (local.get $directory) (local.get $path_flags)
      (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2)) (i32.const 33136))
    (if (i32.load8_u (i32.const 33136))
      (then (return (call $fail (str "stat-at") (i32.load8_u (i32.const 33144))))))
    (call $print (str "atime "))
    (call $print_time (i32.const 33176))
    (call $print (str " mtime "))
    (call $print_time (i32.const 33200))
    (call $print (str "\n"))
    (i32.const 0))

  (func $op_futimes (param $directory i32) (result i32)
    (local $file i32)
    (local.set $file
      (call $open (local.get $directory) (global.get $symlink_follow) (i32.const 2) (i32.const 0)
        (global.get $write) (i32.const 33040)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (call $set_times (local.get $file)
      (i32.const 0) (i64.const 0) (i32.const 0)
      (i32.const 2) (i64.const 1300000000) (i32.const 9)
      (i32.const 33104))
    (if (call $checked (str "set-times")) (then (return (i32.const 1))))
    (call $stat (local.get $file) (i32.const 33136))
    (if (i32.load8_u (i32.const 33136))
      (then (return (call $fail (str "stat") (i32.load8_u (i32.const 33144))))))
    (call $print (str "mtime "))
    (call $print_time (i32.const 33200))
    (call $print (str "\n"))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  (func $op_stream_error (param $directory i32) (result i32)
    (local $file i32)
    (local $stream i32)
    (local.set $file
      (call $open (local.get $directory) (global.get $symlink_follow) (i32.const 2) (i32.const 0)
        (global.get $read) (i32.const 33040)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (call $write_via_stream (local.get $file) (i64.const 0) (i32.const 33312))
    (if (i32.load8_u (i32.const 33312))
      (then (return (call $fail (str "write-via-stream") (i32.load8_u (i32.const 33316))))))
    (local.set $stream (i32.load (i32.const 33316)))
    (call $output_blocking_write_and_flush (local.get $stream) (str "x") (i32.const 33360))
    (if (i32.eqz (i32.load8_u (i32.const 33360)))
      (then (call $print (str "stream write: ok\n")))
      (else
        (if (i32.load8_u (i32.const 33364))
          (then (call $print (str "stream: closed\n")))
          (else
            (call $filesystem_error_code (i32.load (i32.const 33368)) (i32.const 33328))
            (call $print (str "stream error: "))
            (if (i32.load8_u (i32.const 33328))
              (then (call $print_error_code (i32.load8_u (i32.const 33329)) (i32.const 0)))
              (else (call $print (str "none"))))
            (call $print (str "\n"))
            (call $drop_error (i32.load (i32.const 33368)))))))
    (call $drop_output_stream (local.get $stream))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  (func $op_read_at (param $directory i32) (result i32)
    (local $file i32)
    (local.set $file
      (call $open (local.get $directory) (global.get $symlink_follow) (i32.const 2) (i32.const 0)
        (global.get $read) (i32.const 33040)))
    (if (i32.eq (local.get $file) (i32.const -1)) (then (return (i32.const 1))))
    (call $descriptor_read (local.get $file) (i64.const 4096)
      (call $parse_u64 (call $arg_ptr (i32.const 3)) (call $arg_len (i32.const 3))) (i32.const 33344))
    (if (i32.load8_u (i32.const 33344))
      (then (return (call $fail (str "read") (i32.load8_u (i32.const 33348))))))
    (call $print (i32.load (i32.const 33348)) (i32.load (i32.const 33352)))
    (if (i32.load8_u (i32.const 33356)) (then (call $print (str " [end]"))))
    (call $print (str "\n"))
    (call $drop_descriptor (local.get $file))
    (i32.const 0))

  ;; 1 when argument 1 is `op` and there are at least `argc` arguments.
  (func $is_op (param $op i32) (param $op_len i32) (param $argc i32) (result i32)
    (i32.and
      (call $arg_is (i32.const 1) (local.get $op) (local.get $op_len))
      (i32.ge_u (global.get $argc) (local.get $argc))))

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (local $directory i32)
    (call $args_load)
    (local.set $directory (call $first_preopen))
    (if (i32.eq (local.get $directory) (i32.const -1)) (then (return (i32.const 1))))
    (if (call $is_op (str "preopen") (i32.const 2)) (then (return (call $op_preopen (local.get $directory)))))
    (if (call $is_op (str "info") (i32.const 3)) (then (return (call $op_info (local.get $directory)))))
    (if (call $is_op (str "open") (i32.const 4)) (then (return (call $op_open (local.get $directory)))))
    (if (call $is_op (str "truncate") (i32.const 4))
      (then (return (call $op_truncate (local.get $directory) (global.get $write)))))
    (if (call $is_op (str "truncate-read") (i32.const 4))
      (then (return (call $op_truncate (local.get $directory) (global.get $read)))))
    (if (call $is_op (str "sync") (i32.const 3)) (then (return (call $op_sync (local.get $directory)))))
    (if (call $is_op (str "same") (i32.const 4)) (then (return (call $op_same (local.get $directory)))))
    (if (call $is_op (str "link") (i32.const 4))
      (then (return (call $op_link (local.get $directory) (i32.const 0)))))
    (if (call $is_op (str "link-follow") (i32.const 4))
      (then (return (call $op_link (local.get $directory) (global.get $symlink_follow)))))
    (if (call $is_op (str "times") (i32.const 3))
      (then (return (call $op_times (local.get $directory) (global.get $symlink_follow)))))
    (if (call $is_op (str "ltimes") (i32.const 3))
      (then (return (call $op_times (local.get $directory) (i32.const 0)))))
    (if (call $is_op (str "futimes") (i32.const 3)) (then (return (call $op_futimes (local.get $directory)))))
    (if (call $is_op (str "stream-error") (i32.const 3))
      (then (return (call $op_stream_error (local.get $directory)))))
    (if (call $is_op (str "read-at") (i32.const 4)) (then (return (call $op_read_at (local.get $directory)))))
    (call $eprint (str "usage: fs-meta preopen | info|sync|times|ltimes|futimes|stream-error PATH | open PATH MODE | truncate|truncate-read PATH N | same A B | link|link-follow OLD NEW | read-at PATH OFFSET\n"))
    (i32.const 1))
)
