;; The core module of hostile-names-export-interface.wasm (see names.wit, world names-export-interface).
(module
  (func (export "test:names/hostile-name-placeholder-exactly-forty-nine-bytes#ping"))
)
