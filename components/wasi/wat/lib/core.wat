;; What every fixture shares: memory, cabi_realloc, writing to stdout/stderr, numbers, names.
;; Included into a module by watpp.py (see there); {WASI} is the WASI version of the imports.
;;
;; Memory (2 pages at start, grown by the allocator):
;;   1024  .. 32767   string literals, placed by watpp.py
;;   32768 .. 32799   return area of $write_all
;;   32800 .. 32831   digits of $print_u64
;;   32832 .. 32863   return area of $args_load (lib/args.wat)
;;   33024 .. 65535   the fixtures' own return areas (each fixture documents its own)
;;   65536 ..         heap of cabi_realloc (a bump allocator, never freed)
;; Only MVP instructions (no bulk memory, no multi-value), so any interpreter runs them.

(import "wasi:cli/stdout@{WASI}" "get-stdout" (func $get_stdout (result i32)))
(import "wasi:cli/stderr@{WASI}" "get-stderr" (func $get_stderr (result i32)))
;; blocking-write-and-flush(self, contents: list<u8>) -> result<_, stream-error>
;; return area: {u8 is-err @0; u8 stream-error case @4 (0 last-operation-failed, 1 closed); own<error> @8}
(import "wasi:io/streams@{WASI}" "[method]output-stream.blocking-write-and-flush"
  (func $output_blocking_write_and_flush (param i32 i32 i32 i32)))
(import "wasi:io/error@{WASI}" "[resource-drop]error" (func $drop_error (param i32)))

(memory (export "memory") 2)

(global $heap (mut i32) (i32.const 65536))
(global $stdout (mut i32) (i32.const -1))
(global $stderr (mut i32) (i32.const -1))

(func $allocate (param $size i32) (param $align i32) (result i32)
  (local $start i32)
  (local $end i32)
  (local $have i32)
  (if (i32.eqz (local.get $align)) (then (local.set $align (i32.const 1))))
  (local.set $start
    (i32.and
      (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
      (i32.sub (i32.const 0) (local.get $align))))
  (local.set $end (i32.add (local.get $start) (local.get $size)))
  ;; A wrapped end means the request cannot fit in a 32-bit memory.
  (if (i32.lt_u (local.get $end) (local.get $start)) (then unreachable))
  (local.set $have (i32.mul (memory.size) (i32.const 65536)))
  (if (i32.gt_u (local.get $end) (local.get $have))
    (then
      (if (i32.eq
            (memory.grow
              (i32.add
                (i32.div_u (i32.sub (local.get $end) (local.get $have)) (i32.const 65536))
                (i32.const 1)))
            (i32.const -1))
        (then unreachable))))
  (global.set $heap (local.get $end))
  (local.get $start))

(func $copy (param $to i32) (param $from i32) (param $count i32)
  (block $done
    (loop $next
      (br_if $done (i32.eqz (local.get $count)))
      (i32.store8 (local.get $to) (i32.load8_u (local.get $from)))
      (local.set $to (i32.add (local.get $to) (i32.const 1)))
      (local.set $from (i32.add (local.get $from) (i32.const 1)))
      (local.set $count (i32.sub (local.get $count) (i32.const 1)))
      (br $next))))

;; The host allocates every list and string it returns here.
(func (export "cabi_realloc")
  (param $old_ptr i32) (param $old_size i32) (param $align i32) (param $new_size i32) (result i32)
  (local $fresh i32)
  (if (i32.and (i32.ne (local.get $old_ptr) (i32.const 0))
               (i32.le_u (local.get $new_size) (local.get $old_size)))
    (then (return (local.get $old_ptr))))
  (local.set $fresh (call $allocate (local.get $new_size) (local.get $align)))
  (if (local.get $old_ptr)
    (then (call $copy (local.get $fresh) (local.get $old_ptr) (local.get $old_size))))
  (local.get $fresh))

;; Writes all `len` bytes to `stream`, at most 4096 per call (the limit of
;; blocking-write-and-flush). Returns 0, or 1 when the stream failed or closed.
(func $write_all (param $stream i32) (param $ptr i32) (param $len i32) (result i32)
  (local $chunk i32)
  (block $done
    (loop $next
      (br_if $done (i32.eqz (local.get $len)))
      (local.set $chunk (local.get $len))
      (if (i32.gt_u (local.get $chunk) (i32.const 4096)) (then (local.set $chunk (i32.const 4096))))
      (call $output_blocking_write_and_flush
        (local.get $stream) (local.get $ptr) (local.get $chunk) (i32.const 32768))
      (if (i32.load8_u (i32.const 32768))
        (then
          (if (i32.eqz (i32.load8_u (i32.const 32772)))
            (then (call $drop_error (i32.load (i32.const 32776)))))
          (return (i32.const 1))))
      (local.set $ptr (i32.add (local.get $ptr) (local.get $chunk)))
      (local.set $len (i32.sub (local.get $len) (local.get $chunk)))
      (br $next)))
  (i32.const 0))

(func $stdout_stream (result i32)
  (if (i32.eq (global.get $stdout) (i32.const -1)) (then (global.set $stdout (call $get_stdout))))
  (global.get $stdout))

(func $stderr_stream (result i32)
  (if (i32.eq (global.get $stderr) (i32.const -1)) (then (global.set $stderr (call $get_stderr))))
  (global.get $stderr))

;; A closed stdout or stderr is not an error the fixtures report.
(func $print (param $ptr i32) (param $len i32)
  (drop (call $write_all (call $stdout_stream) (local.get $ptr) (local.get $len))))

(func $eprint (param $ptr i32) (param $len i32)
  (drop (call $write_all (call $stderr_stream) (local.get $ptr) (local.get $len))))

;; Decimal digits of an unsigned 64-bit number into the digit buffer; returns their address
;; (the digits end at 32820).
(func $format_u64 (param $value i64) (result i32)
  (local $at i32)
  (local.set $at (i32.const 32820))
  (loop $digit
    (local.set $at (i32.sub (local.get $at) (i32.const 1)))
    (i32.store8 (local.get $at)
      (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $value) (i64.const 10)))))
    (local.set $value (i64.div_u (local.get $value) (i64.const 10)))
    (br_if $digit (i64.ne (local.get $value) (i64.const 0))))
  (local.get $at))

(func $print_u64 (param $value i64)
  (local $at i32)
  (local.set $at (call $format_u64 (local.get $value)))
  (call $print (local.get $at) (i32.sub (i32.const 32820) (local.get $at))))

(func $eprint_u64 (param $value i64)
  (local $at i32)
  (local.set $at (call $format_u64 (local.get $value)))
  (call $eprint (local.get $at) (i32.sub (i32.const 32820) (local.get $at))))

;; The decimal number in the bytes [ptr, ptr+len), or -1 (all ones) when they are not one.
(func $parse_u64 (param $ptr i32) (param $len i32) (result i64)
  (local $value i64)
  (local $c i32)
  (if (i32.eqz (local.get $len)) (then (return (i64.const -1))))
  (if (i32.gt_u (local.get $len) (i32.const 18)) (then (return (i64.const -1))))
  (block $done
    (loop $next
      (br_if $done (i32.eqz (local.get $len)))
      (local.set $c (i32.sub (i32.load8_u (local.get $ptr)) (i32.const 48)))
      (if (i32.gt_u (local.get $c) (i32.const 9)) (then (return (i64.const -1))))
      (local.set $value
        (i64.add (i64.mul (local.get $value) (i64.const 10)) (i64.extend_i32_u (local.get $c))))
      (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
      (local.set $len (i32.sub (local.get $len) (i32.const 1)))
      (br $next)))
  (local.get $value))

(func $bytes_equal (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (result i32)
  (if (i32.ne (local.get $a_len) (local.get $b_len)) (then (return (i32.const 0))))
  (block $done
    (loop $next
      (br_if $done (i32.eqz (local.get $a_len)))
      (if (i32.ne (i32.load8_u (local.get $a)) (i32.load8_u (local.get $b)))
        (then (return (i32.const 0))))
      (local.set $a (i32.add (local.get $a) (i32.const 1)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (local.set $a_len (i32.sub (local.get $a_len) (i32.const 1)))
      (br $next)))
  (i32.const 1))

;; Negative, zero or positive as bytes a sort before, equal or sort after bytes b.
(func $bytes_compare (param $a i32) (param $a_len i32) (param $b i32) (param $b_len i32) (result i32)
  (local $i i32)
  (local $n i32)
  (local $difference i32)
  (local.set $n (local.get $a_len))
  (if (i32.lt_u (local.get $b_len) (local.get $n)) (then (local.set $n (local.get $b_len))))
  (block $done
    (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $difference
        (i32.sub (i32.load8_u (i32.add (local.get $a) (local.get $i)))
                 (i32.load8_u (i32.add (local.get $b) (local.get $i)))))
      (if (local.get $difference) (then (return (local.get $difference))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
  (i32.sub (local.get $a_len) (local.get $b_len)))

;; Prints the name number `index` of a table of NUL-terminated names (an enum's cases in
;; order); an index past the table prints "unknown-case-N".
(func $print_name (param $table i32) (param $table_len i32) (param $index i32) (param $to_stderr i32)
  (local $start i32)
  (local $at i32)
  (local $end i32)
  (local $original i32)
  (local.set $original (local.get $index))
  (local.set $at (local.get $table))
  (local.set $end (i32.add (local.get $table) (local.get $table_len)))
  (block $missing
    (loop $skip
      (br_if $missing (i32.ge_u (local.get $at) (local.get $end)))
      (local.set $start (local.get $at))
      (block $found_end
        (loop $scan
          (br_if $found_end (i32.eqz (i32.load8_u (local.get $at))))
          (local.set $at (i32.add (local.get $at) (i32.const 1)))
          (br $scan)))
      (if (i32.eqz (local.get $index))
        (then
          (if (local.get $to_stderr)
            (then (call $eprint (local.get $start) (i32.sub (local.get $at) (local.get $start))))
            (else (call $print (local.get $start) (i32.sub (local.get $at) (local.get $start)))))
          (return)))
      (local.set $index (i32.sub (local.get $index) (i32.const 1)))
      (local.set $at (i32.add (local.get $at) (i32.const 1)))
      (br $skip)))
  (if (local.get $to_stderr)
    (then
      (call $eprint (str "unknown-case-"))
      (call $eprint_u64 (i64.extend_i32_u (local.get $original))))
    (else
      (call $print (str "unknown-case-"))
      (call $print_u64 (i64.extend_i32_u (local.get $original))))))
