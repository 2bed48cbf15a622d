;; The core module of hostile-names-enum.wasm (see names.wit, world names-enum).
(module
  (func (export "test:names/enums#pick") (result i32) (i32.const 1))
  (func (export "test:names/enums#echo") (param $c i32) (result i32) (local.get $c))
)
