;; Imported and defined globals: the flag must take index 3 and leave these alone.
(module
  (import "env" "base" (global $base i32))
  (import "env" "tick" (func $tick))
  (global $scale (mut i32) (i32.const 3))
  (global $extra i64 (i64.const 5))
  (func (export "scaled") (param i32) (result i64)
    (call $tick)
    (i64.add
      (i64.extend_i32_s (i32.mul (i32.add (global.get $base) (local.get 0)) (global.get $scale)))
      (global.get $extra)))
  (func (export "tick-forever")
    (loop $again (call $tick) (br $again)))
)
