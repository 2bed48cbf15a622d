;; A component whose core module's start function never returns: loading it must be
;; stoppable (time limit, Ctrl-C) like a call.
(component
  (core module $m
    (func $spin (loop $again (br $again)))
    (func (export "never") (result i32) (i32.const 0))
    (start $spin))
  (core instance $i (instantiate $m))
  (func (export "never") (result u32) (canon lift (core func $i "never"))))
