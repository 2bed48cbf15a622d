;; The core module of hostile-names-core-func.wasm (see names.wit, world names-core-func).
(module
  ;; The name section names this function with the placeholder.
  (func $hostile-name-placeholder-exactly-forty-nine-bytes unreachable)
  (func (export "crash") (call $hostile-name-placeholder-exactly-forty-nine-bytes))
)
