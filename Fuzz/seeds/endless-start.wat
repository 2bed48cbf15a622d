;; A core module whose start function never returns: instantiation must be bounded (fuel).
(component
  (core module
    (func (loop (br 0)))
    (start 0))
  (core instance (instantiate 0)))
