;; SIMD immediates (memarg, lane index, v128.const, shuffle) inside a loop.
(module
  (memory 1)
  (func (export "simd") (param $n i32) (result i64)
    (local $v v128) (local $i i32)
    (local.set $v (v128.const i32x4 1 2 3 4))
    (loop $again
      (local.set $v
        (i32x4.add (local.get $v)
          (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (local.get $v) (local.get $v))))
      (local.set $v
        (i32x4.replace_lane 2 (local.get $v)
          (i32.xor (i32x4.extract_lane 2 (local.get $v)) (local.get $i))))
      (v128.store offset=16 (i32.const 0) (local.get $v))
      (local.set $v (v128.load32_lane 1 (i32.const 20) (local.get $v)))
      (v128.store64_lane 1 (i32.const 48) (local.get $v))
      (local.set $v (v128.xor (local.get $v) (v128.load64_zero (i32.const 48))))
      (local.set $v (i16x8.mul (local.get $v) (v128.const i16x8 3 5 7 9 11 13 15 17)))
      (local.set $v (i8x16.add_sat_u (local.get $v) (i8x16.splat (i32.const 3))))
      (local.set $v (f32x4.add (local.get $v) (v128.const f32x4 0.5 0.25 0.125 1.0)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $again (i32.lt_u (local.get $i) (local.get $n))))
    (i64.xor (i64x2.extract_lane 0 (local.get $v)) (i64x2.extract_lane 1 (local.get $v))))
)
