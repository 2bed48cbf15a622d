;; A core memory of 65536 pages (4 GiB) declared up front: refused by the memory limit.
(component
  (core module (memory 65536))
  (core instance (instantiate 0)))
