;; The core module of hostile-names-resource.wasm (see names.wit, world names-resource).
(module
  (import "[export]test:names/resources" "[resource-new]hostile-name-placeholder-exactly-forty-nine-bytes" (func $new (param i32) (result i32)))
  (func (export "test:names/resources#make") (result i32) (call $new (i32.const 1)))
  (func (export "test:names/resources#[dtor]hostile-name-placeholder-exactly-forty-nine-bytes") (param $rep i32))
)
