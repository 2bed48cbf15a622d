;; The core module of hostile-names-flags.wasm (see names.wit, world names-flags).
(module
  (func (export "test:names/flagset#pick") (result i32) (i32.const 3))
)
