;; A core module whose name section names function 99 of a module with one function. WasmKit
;; 0.4.2 trusted such indices and crashed naming the frames of a trap; the loader drops the section.
(component
  (core module
    (func (export "boom") unreachable)
    (@custom "name" "\01\04\01\63\01\66"))
  (core instance (instantiate 0))
  (func (export "boom") (canon lift (core func 0 "boom"))))
