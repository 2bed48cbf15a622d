;; Instructions of many kinds, with names of every kind, for the instruction printer's oracle
;; (printer.print.txt is what `wasm-tools print -p` writes for printer.wasm).
(module
  (type $t (func (param i32) (result i32)))
  (type (func (param i64)))
  (type $v (func))
  (import "env" "imp" (func $imp (param i64)))
  (import "env" "mem2" (memory $m2 1))
  (table $tab 2 funcref)
  (table 2 funcref)
  (memory $mem 1)
  (global $g (mut i32) (i32.const 0))
  (global (mut i64) (i64.const 0))
  (tag $e (param i32))
  (data $d "abc")
  (data "xyz")
  (elem $el func $f)
  (elem declare func $f)
  (func $f (type $t) (param $p i32) (result i32) (local $x i64) (local f32 v128)
    block $outer
      loop
        local.get 0
        br_if 1
        br 0
        br 2
      end
      i32.const 1
      if (result i32)
        i32.const 2
      else
        i32.const 3
      end
      drop
      local.get 0
      br_table 0 0
    end
    i64.const -9223372036854775808
    call $imp
    i32.const 0
    i32.const 0
    call_indirect (type $t)
    drop
    i32.const 0
    i32.const 0
    call_indirect 1 (type $t)
    drop
    global.get $g
    global.set 0
    global.get 1
    drop
    i32.const 0
    table.get $tab
    drop
    i32.const 0
    ref.null func
    table.set 0
    i32.const 0
    i32.load offset=3 align=1
    drop
    i32.const 0
    i32.load $m2 offset=3
    drop
    i32.const 0
    i32.load 1
    drop
    i32.const 0
    i64.load32_u align=2
    drop
    memory.size
    drop
    memory.size 1
    drop
    i32.const 0
    i32.const 0
    i32.const 0
    memory.init $d
    i32.const 0
    i32.const 0
    i32.const 0
    memory.init 1 1
    data.drop 1
    i32.const 0
    i32.const 0
    i32.const 0
    memory.copy
    i32.const 0
    i32.const 0
    i32.const 0
    memory.copy 1 0
    i32.const 0
    i32.const 0
    i32.const 0
    memory.fill
    i32.const 0
    i32.const 0
    i32.const 0
    table.init $el
    elem.drop 0
    i32.const 0
    i32.const 0
    i32.const 0
    table.copy 0 0
    ref.null func
    i32.const 0
    table.grow 0
    drop
    table.size 1
    drop
    i32.const 0
    ref.null func
    i32.const 0
    table.fill 0
    ref.null extern
    drop
    ref.func $f
    ref.is_null
    drop
    f32.const 0
    i32.trunc_sat_f32_s
    drop
    i32.const 5
    i32.extend8_s
    drop
    f64.const 1e300 drop
    f64.const 1e-7 drop
    f64.const nan drop
    f64.const -nan:0x4 drop
    f64.const -inf drop
    f64.const -0 drop
    f32.const 3.4e38 drop
    f32.const 0x1p-149 drop
    f32.const 0x1.8p-130 drop
    f64.const 0x1p-1074 drop
    f64.const 0.1 drop
    f64.const 123456789.125 drop
    f32.const nan:0x200000 drop
    v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16
    v128.const i64x2 1 2
    i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31
    i8x16.extract_lane_s 3
    drop
    i32.const 0
    v128.load offset=16
    drop
    i32.const 0
    v128.const i32x4 0 0 0 0
    v128.load8_lane 2
    drop
    i32.const 0
    v128.const i32x4 0 0 0 0
    v128.load32_lane offset=4 align=1 3
    drop
    i32.const 0
    i32.const 1
    i32.atomic.rmw.add offset=4
    drop
    i32.const 0
    i64.atomic.load32_u
    drop
    atomic.fence
    block
      block (result i32)
        try_table (result i32) (catch $e 0) (catch_all 1)
          i32.const 7
        end
      end
      drop
    end
    i32.const 0
    block (type $t) (param i32) (result i32)
    end
    drop
    i32.const 0
    try (result i32)
      i32.const 1
    catch $e
    catch_all
      i32.const 2
    end
    drop
    try
      nop
    delegate 0
    block
      try
        i32.const 1
        throw $e
      catch_all
        rethrow 0
      end
    end
    i32.const 0
    i32.const 1
    i32.const 1
    select (result i32)
    drop
    local.get $p
    drop
    local.get $x
    local.tee $x
    drop
    local.get 0
    return_call $f
  )
  (func (param i32) (result i32)
    local.get 0
    i32.const 0
    return_call_indirect (type $t))
  (func (param funcref)
    block
      local.get 0
      br_on_null 0
      drop
    end
    ref.func $f
    ref.as_non_null
    drop
    ref.null $v
    drop)
  (func (param (ref $v))
    local.get 0
    call_ref $v)
  (func $"has space" (param $"q\"x" i32) local.get $"q\"x" call $"has space")
)
