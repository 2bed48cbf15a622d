;; Loops, recursion and control flow for the interrupt-check tests.
(module
  (type $pair (func (param i32 i32) (result i32 i32)))
  (global $counter (mut i32) (i32.const 0))
  (global $seed i64 (i64.const 0x9E3779B97F4A7C15))

  ;; Iterative Fibonacci: fib(90) = 2880067194370816120.
  (func $fib (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64) (local $t i64)
    (local.set $b (i64.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (i64.add (local.get $a) (local.get $b)))
        (local.set $a (local.get $b))
        (local.set $b (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $a))

  ;; The tightest loop: a counter in a global, for ever.
  (func (export "forever")
    (loop $again
      (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
      (br $again)))

  (func (export "counter") (result i32) (global.get $counter))

  ;; Recursive Fibonacci has no loop: only the function-entry checks can stop it.
  (func $fib-recursive (export "fib-recursive") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else
        (i32.add
          (call $fib-recursive (i32.sub (local.get $n) (i32.const 1)))
          (call $fib-recursive (i32.sub (local.get $n) (i32.const 2)))))))

  ;; A tail call to itself never grows the stack and has no loop: it runs for ever.
  (func $tail-forever (export "tail-forever") (param $n i32) (result i32)
    (return_call $tail-forever (i32.add (local.get $n) (i32.const 1))))

  ;; Counts down with tail calls: tail-count(n) = n.
  (func $tail-count (export "tail-count") (param $n i32) (param $acc i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call $tail-count (i32.sub (local.get $n) (i32.const 1)) (i32.add (local.get $acc) (i32.const 1))))))

  ;; Nested loops with a br_table switch: sums 1, 10 or 100 by (i + j) mod 3.
  (func (export "nested") (param $n i32) (result i32)
    (local $i i32) (local $j i32) (local $acc i32)
    (block $outer-done
      (loop $outer
        (br_if $outer-done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $j (i32.const 0))
        (block $inner-done
          (loop $inner
            (br_if $inner-done (i32.ge_u (local.get $j) (local.get $n)))
            (block $next
              (block $case2
                (block $case1
                  (block $case0
                    (br_table $case0 $case1 $case2
                      (i32.rem_u (i32.add (local.get $i) (local.get $j)) (i32.const 3))))
                  (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
                  (br $next))
                (local.set $acc (i32.add (local.get $acc) (i32.const 10)))
                (br $next))
              (local.set $acc (i32.add (local.get $acc) (i32.const 100))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $inner)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (local.get $acc))

  ;; A loop with parameters and results (a type-index block type): the decimal digit sum.
  (func (export "digit-sum") (param $n i32) (result i32)
    (local $sum i32)
    local.get $n
    i32.const 0
    loop $step (type $pair)
      local.set $sum
      local.set $n
      local.get $n
      i32.const 10
      i32.div_u
      local.get $sum
      local.get $n
      i32.const 10
      i32.rem_u
      i32.add
      local.get $n
      i32.const 10
      i32.ge_u
      br_if $step
    end
    local.set $sum
    drop
    local.get $sum)

  ;; A block with two results.
  (func (export "swap-sub") (param i32 i32) (result i32)
    (block (result i32 i32) (local.get 1) (local.get 0))
    i32.sub)

  ;; A loop mixing in a read of an existing global, so the flag must not renumber it.
  (func (export "seeded") (param $n i32) (result i64)
    (local $state i64)
    (local.set $state (global.get $seed))
    (loop $again
      (local.set $state (i64.add (i64.mul (local.get $state) (i64.const 6364136223846793005)) (i64.const 1442695040888963407)))
      (local.set $state (i64.xor (local.get $state) (i64.shr_u (local.get $state) (i64.const 29))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $again (local.get $n)))
    (local.get $state))
)
