;; The core module of hostile-names-export-func.wasm (see names.wit, world names-export-func).
(module
  (func (export "test:names/api#hostile-name-placeholder-exactly-forty-nine-bytes") (result i32) (i32.const 1))
)
