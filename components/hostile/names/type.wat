;; The core module of hostile-names-type.wasm (see names.wit, world names-type).
(module
  (func (export "test:names/types#get") (result i32) (i32.const 1))
)
