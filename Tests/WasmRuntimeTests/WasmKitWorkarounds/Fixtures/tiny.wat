;; Two small functions; tiny-instrumented.wat is what instrumenting them must give, byte for byte.
(module
  (global (mut i32) (i32.const 7))
  ;; A loop and no call: a check at the loop header only.
  (func (param i32) (result i32)
    (loop
      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
      (br_if 0 (local.get 0)))
    (global.get 0))
  ;; A call and branches to the function's own label: an entry check, and those labels move out by one.
  (func (param i32) (result i32)
    (drop (call 0 (i32.const 3)))
    (drop (block (result i32) (br_table 0 1 (i32.const 9) (local.get 0))))
    (br 0 (i32.const 5)))
  ;; Neither: left as it is.
  (func (result i32) (i32.add (global.get 0) (i32.const 1)))
  (export "count" (func 0))
  (export "calls" (func 1))
  (export "leaf" (func 2))
)
