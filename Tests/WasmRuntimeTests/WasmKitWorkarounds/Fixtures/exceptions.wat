;; Exception handling (a tag section, throw, try_table) around a loop.
(module
  (tag $odd (param i32))
  (func $check (param $i i32)
    (if (i32.and (local.get $i) (i32.const 1)) (then (throw $odd (local.get $i)))))
  (func (export "exceptions") (param $n i32) (result i32)
    (local $i i32) (local $sum i32)
    (loop $again
      (local.set $sum
        (i32.add (local.get $sum)
          (block $caught (result i32)
            (try_table (result i32) (catch $odd $caught)
              (call $check (local.get $i))
              (i32.const 1000)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $sum))

  ;; The catch clause names the function's own label: a thrown odd number is the result.
  (func (export "catch-to-function") (param $i i32) (result i32)
    (try_table (result i32) (catch $odd 0)
      (call $check (local.get $i))
      (i32.const 1000)))
)
