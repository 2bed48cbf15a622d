;; The core module of hostile-names-param.wasm (see names.wit, world names-param).
(module
  (func (export "run") (param $x i32) (result i32) (local.get $x))
)
