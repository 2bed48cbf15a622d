;; A table of 100 million elements (800 MB in the engine): refused by the table limit.
(component
  (core module (table 100000000 funcref))
  (core instance (instantiate 0)))
