;; The core module of hostile-names-import-interface.wasm (see names.wit, world names-import-interface).
(module
  (import "test:names/hostile-name-placeholder-exactly-forty-nine-bytes" "ping" (func $ping))
  (func (export "run") (call $ping))
)
