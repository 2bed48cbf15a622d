;; No global and no export section: the instrumenter must create both, in order (after the
;; tag section, before the start and data sections).
(module
  (type (func))
  (memory 1)
  (tag (type 0))
  (func $start (i32.store (i32.const 0) (i32.const 42)))
  (start $start)
  (data (i32.const 8) "data")
)
