;; The core module of hostile-names-variant.wasm (see names.wit, world names-variant).
(module
  ;; shape: discriminant u8 at 0, u32 payload at 4, in the return area at 1024.
  (memory (export "memory") 1)
  (func (export "test:names/variants#get") (result i32)
    (i32.store8 (i32.const 1024) (i32.const 1))
    (i32.store (i32.const 1028) (i32.const 5))
    (i32.const 1024))
)
