;; tiny.wat instrumented: the flag global after the existing one, its export after the existing
;; ones, bodies that loop or call wrapped in a block that an interrupt leaves for `unreachable`.
(module
  (global (mut i32) (i32.const 7))
  (global (mut i32) (i32.const 0))
  (func (param i32) (result i32)
    block
      loop
        global.get 1
        br_if 1
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br_if 0 (local.get 0))
      end
      global.get 0
      return
    end
    unreachable)
  (func (param i32) (result i32)
    block
      global.get 1
      br_if 0
      (drop (call 0 (i32.const 3)))
      (drop (block (result i32) (br_table 0 2 (i32.const 9) (local.get 0))))
      (br 1 (i32.const 5))
      return
    end
    unreachable)
  (func (result i32) (i32.add (global.get 0) (i32.const 1)))
  (export "count" (func 0))
  (export "calls" (func 1))
  (export "leaf" (func 2))
  (export "wasmsh:interrupt" (global 1))
)
