;; The core module of hostile-names-import-func.wasm (see names.wit, world names-import-func).
(module
  (import "$root" "hostile-name-placeholder-exactly-forty-nine-bytes" (func $imported))
  (func (export "run") (call $imported))
)
