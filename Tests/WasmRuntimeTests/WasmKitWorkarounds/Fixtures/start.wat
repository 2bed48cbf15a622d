;; A component whose core module has a start function: it sets a global that the export
;; `answer` returns, so the start function must have run, once, before any call.
(component
  (core module $m
    (global $g (mut i32) (i32.const 0))
    (func $init (global.set $g (i32.add (global.get $g) (i32.const 42))))
    (func (export "answer") (result i32) (global.get $g))
    (start $init))
  (core instance $i (instantiate $m))
  (func (export "answer") (result u32) (canon lift (core func $i "answer"))))
