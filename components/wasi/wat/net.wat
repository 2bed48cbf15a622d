;; net OP ARGS: a socket client for loopback tests.
;;   tcp A.B.C.D PORT TEXT  instance-network, create-tcp-socket(ipv4), start-connect, then
;;                          subscribe + pollable.block + finish-connect until it is not
;;                          would-block; writes TEXT (blocking-write-and-flush), shutdown(send),
;;                          reads until the server closes (blocking-read); prints "connected",
;;                          "sent N bytes", "received: REPLY"
;;   udp A.B.C.D PORT TEXT  create-udp-socket(ipv4), start-bind(127.0.0.1:0) + finish-bind,
;;                          stream(some(A.B.C.D:PORT)), check-send + send one datagram,
;;                          receive(1) (subscribe + block while it returns none); prints
;;                          "bound", "sent N bytes", "received: REPLY"
;;   lookup NAME            resolve-addresses + resolve-next-address until none (subscribe +
;;                          block on would-block); prints "ipv4 A.B.C.D" / "ipv6 X:X:X:X:X:X:X:X"
;;                          in the host's order
;; A failure prints "net: FUNCTION: ERROR-CODE" (the wasi:sockets error-code case name) to
;; stderr and run returns err. Streams go before their socket, sockets before the network.
;;
;; Return areas (u8 is-err @0 in every result):
;;   33024 create-*-socket, resolve-addresses  {handle or u8 code @4}
;;   33040 start-connect, shutdown, start-bind, finish-bind  {u8 code @1}
;;   33056 finish-connect, udp stream  {input or incoming @4; output or outgoing @8} or {code @4}
;;   33072 blocking-read (as in cat.wat)
;;   33088 check-send, send  {u64 @8} or {code @8}
;;   33104 receive  list<incoming-datagram> {ptr @4; len @8}, each {data ptr @0; len @4; address @8}
;;   33120 resolve-next-address  result<option<ip-address>, error-code>:
;;         {u8 is-some @2; u8 ipv4/ipv6 @4; 4 x u8 or 8 x u16 @6} or {code @2}
;;   33152 one outgoing-datagram {data ptr @0; len @4; option<ip-socket-address> none @8} (44 bytes)
;;   33200 the four bytes of the parsed IPv4 address
(module
  (import "wasi:sockets/instance-network@{WASI}" "instance-network" (func $instance_network (result i32)))
  (import "wasi:sockets/network@{WASI}" "[resource-drop]network" (func $drop_network (param i32)))
  (import "wasi:sockets/tcp-create-socket@{WASI}" "create-tcp-socket"
    (func $create_tcp_socket (param i32 i32)))
  (import "wasi:sockets/tcp@{WASI}" "[method]tcp-socket.start-connect"
    (func $tcp_start_connect (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "wasi:sockets/tcp@{WASI}" "[method]tcp-socket.finish-connect"
    (func $tcp_finish_connect (param i32 i32)))
  (import "wasi:sockets/tcp@{WASI}" "[method]tcp-socket.subscribe" (func $tcp_subscribe (param i32) (result i32)))
  (import "wasi:sockets/tcp@{WASI}" "[method]tcp-socket.shutdown" (func $tcp_shutdown (param i32 i32 i32)))
  (import "wasi:sockets/tcp@{WASI}" "[resource-drop]tcp-socket" (func $drop_tcp_socket (param i32)))
  (import "wasi:sockets/udp-create-socket@{WASI}" "create-udp-socket"
    (func $create_udp_socket (param i32 i32)))
  (import "wasi:sockets/udp@{WASI}" "[method]udp-socket.start-bind"
    (func $udp_start_bind (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "wasi:sockets/udp@{WASI}" "[method]udp-socket.finish-bind" (func $udp_finish_bind (param i32 i32)))
  (import "wasi:sockets/udp@{WASI}" "[method]udp-socket.subscribe" (func $udp_subscribe (param i32) (result i32)))
  (import "wasi:sockets/udp@{WASI}" "[method]udp-socket.stream"
    (func $udp_stream (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)))
  (import "wasi:sockets/udp@{WASI}" "[method]outgoing-datagram-stream.check-send"
    (func $udp_check_send (param i32 i32)))
  (import "wasi:sockets/udp@{WASI}" "[method]outgoing-datagram-stream.send"
    (func $udp_send (param i32 i32 i32 i32)))
  (import "wasi:sockets/udp@{WASI}" "[method]outgoing-datagram-stream.subscribe"
    (func $outgoing_subscribe (param i32) (result i32)))
  (import "wasi:sockets/udp@{WASI}" "[method]incoming-datagram-stream.receive"
    (func $udp_receive (param i32 i64 i32)))
  (import "wasi:sockets/udp@{WASI}" "[method]incoming-datagram-stream.subscribe"
    (func $incoming_subscribe (param i32) (result i32)))
  (import "wasi:sockets/udp@{WASI}" "[resource-drop]udp-socket" (func $drop_udp_socket (param i32)))
  (import "wasi:sockets/udp@{WASI}" "[resource-drop]incoming-datagram-stream"
    (func $drop_incoming_datagram_stream (param i32)))
  (import "wasi:sockets/udp@{WASI}" "[resource-drop]outgoing-datagram-stream"
    (func $drop_outgoing_datagram_stream (param i32)))
  (import "wasi:sockets/ip-name-lookup@{WASI}" "resolve-addresses" (func $resolve_addresses (param i32 i32 i32 i32)))
  (import "wasi:sockets/ip-name-lookup@{WASI}" "[method]resolve-address-stream.resolve-next-address"
    (func $resolve_next_address (param i32 i32)))
  (import "wasi:sockets/ip-name-lookup@{WASI}" "[method]resolve-address-stream.subscribe"
    (func $resolve_subscribe (param i32) (result i32)))
  (import "wasi:sockets/ip-name-lookup@{WASI}" "[resource-drop]resolve-address-stream"
    (func $drop_resolve_address_stream (param i32)))
  (import "wasi:io/poll@{WASI}" "[method]pollable.block" (func $pollable_block (param i32)))
  (import "wasi:io/poll@{WASI}" "[resource-drop]pollable" (func $drop_pollable (param i32)))
  (import "wasi:io/streams@{WASI}" "[method]input-stream.blocking-read"
    (func $input_blocking_read (param i32 i64 i32)))
  (import "wasi:io/streams@{WASI}" "[resource-drop]input-stream" (func $drop_input_stream (param i32)))
  (import "wasi:io/streams@{WASI}" "[resource-drop]output-stream" (func $drop_output_stream (param i32)))

  ;;@include lib/core.wat
  ;;@include lib/args.wat

  (global $would_block i32 (i32.const 8))

  ;; Prints "net: FUNCTION: ERROR-CODE" to stderr; returns 1 (run's err).
  (func $fail (param $function i32) (param $function_len i32) (param $code i32) (result i32)
    (call $eprint (str "net: "))
    (call $eprint (local.get $function) (local.get $function_len))
    (call $eprint (str ": "))
    (call $print_name
      (str "unknown\00access-denied\00not-supported\00invalid-argument\00out-of-memory\00timeout\00concurrency-conflict\00not-in-progress\00would-block\00invalid-state\00new-socket-limit\00address-not-bindable\00address-in-use\00remote-unreachable\00connection-refused\00connection-reset\00connection-aborted\00datagram-too-large\00name-unresolvable\00temporary-resolver-failure\00permanent-resolver-failure\00")
      (local.get $code) (i32.const 1))
    (call $eprint (str "\n"))
    (i32.const 1))

  ;; Blocks on a pollable, then drops it.
  (func $wait (param $pollable i32)
    (call $pollable_block (local.get $pollable))
    (call $drop_pollable (local.get $pollable)))

  ;; Parses argument `index` as A.B.C.D into 33200..33203; 0 when it is not one.
  (func $parse_ipv4 (param $index i32) (result i32)
    (local $at i32)
    (local $end i32)
    (local $part i32)
    (local $value i32)
    (local $digits i32)
    (if (i32.ge_u (local.get $index) (global.get $argc)) (then (return (i32.const 0))))
    (local.set $at (call $arg_ptr (local.get $index)))
    (local.set $end (i32.add (local.get $at) (call $arg_len (local.get $index))))
    (block $bad
      (loop $next_part
        (local.set $value (i32.const 0))
        (local.set $digits (i32.const 0))
        (block $part_end
          (loop $next_digit
            (br_if $part_end (i32.ge_u (local.get $at) (local.get $end)))
            (br_if $part_end (i32.eq (i32.load8_u (local.get $at)) (i32.const 46)))
            (br_if $bad (i32.gt_u (i32.sub (i32.load8_u (local.get $at)) (i32.const 48)) (i32.const 9)))
            (local.set $value
              (i32.add (i32.mul (local.get $value) (i32.const 10))
                       (i32.sub (i32.load8_u (local.get $at)) (i32.const 48))))
            (local.set $digits (i32.add (local.get $digits) (i32.const 1)))
            (br_if $bad (i32.gt_u (local.get $digits) (i32.const 3)))
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (br $next_digit)))
        (br_if $bad (i32.eqz (local.get $digits)))
        (br_if $bad (i32.gt_u (local.get $value) (i32.const 255)))
        (i32.store8 (i32.add (i32.const 33200) (local.get $part)) (local.get $value))
        (local.set $part (i32.add (local.get $part) (i32.const 1)))
        (if (i32.eq (local.get $part) (i32.const 4))
          (then (return (i32.eq (local.get $at) (local.get $end)))))
        (br_if $bad (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $next_part)))
    (i32.const 0))

  ;; Reads `stream` until it closes and prints "received: BYTES\n"; 1 on a failed read.
  (func $print_received (param $stream i32) (result i32)
    (call $print (str "received: "))
    (block $closed
      (loop $next
        (call $input_blocking_read (local.get $stream) (i64.const 4096) (i32.const 33072))
        (if (i32.load8_u (i32.const 33072))
          (then
            (br_if $closed (i32.eq (i32.load8_u (i32.const 33076)) (i32.const 1)))
            (call $drop_error (i32.load (i32.const 33080)))
            (call $eprint (str "net: blocking-read: last-operation-failed\n"))
            (return (i32.const 1))))
        (call $print (i32.load (i32.const 33076)) (i32.load (i32.const 33080)))
        (br $next)))
    (call $print (str "\n"))
    (i32.const 0))

  (func $op_tcp (param $network i32) (param $port i32) (result i32)
    (local $socket i32)
    (local $input i32)
    (local $output i32)
    (call $create_tcp_socket (i32.const 0) (i32.const 33024))
    (if (i32.load8_u (i32.const 33024))
      (then (return (call $fail (str "create-tcp-socket") (i32.load8_u (i32.const 33028))))))
    (local.set $socket (i32.load (i32.const 33028)))
    ;; ip-socket-address flattened: case 0 (ipv4), port, the four bytes, six unused slots.
    (call $tcp_start_connect (local.get $socket) (local.get $network)
      (i32.const 0) (local.get $port)
      (i32.load8_u (i32.const 33200)) (i32.load8_u (i32.const 33201))
      (i32.load8_u (i32.const 33202)) (i32.load8_u (i32.const 33203))
      (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
      (i32.const 33040))
    (if (i32.load8_u (i32.const 33040))
      (then (return (call $fail (str "start-connect") (i32.load8_u (i32.const 33041))))))
    (block $connected
      (loop $pending
        (call $wait (call $tcp_subscribe (local.get $socket)))
        (call $tcp_finish_connect (local.get $socket) (i32.const 33056))
        (br_if $connected (i32.eqz (i32.load8_u (i32.const 33056))))
        (br_if $pending (i32.eq (i32.load8_u (i32.const 33060)) (global.get $would_block)))
        (return (call $fail (str "finish-connect") (i32.load8_u (i32.const 33060))))))
    (local.set $input (i32.load (i32.const 33060)))
    (local.set $output (i32.load (i32.const 33064)))
    (call $print (str "connected\n"))
    (if (call $write_all (local.get $output) (call $arg_ptr (i32.const 4)) (call $arg_len (i32.const 4)))
      (then
        (call $eprint (str "net: blocking-write-and-flush: failed\n"))
        (return (i32.const 1))))
    (call $print (str "sent "))
    (call $print_u64 (i64.extend_i32_u (call $arg_len (i32.const 4))))
    (call $print (str " bytes\n"))
    ;; shutdown(send): the server sees the end of the request.
    (call $tcp_shutdown (local.get $socket) (i32.const 1) (i32.const 33040))
    (if (i32.load8_u (i32.const 33040))
      (then (return (call $fail (str "shutdown") (i32.load8_u (i32.const 33041))))))
    (if (call $print_received (local.get $input)) (then (return (i32.const 1))))
    (call $drop_input_stream (local.get $input))
    (call $drop_output_stream (local.get $output))
    (call $drop_tcp_socket (local.get $socket))
    (i32.const 0))

  (func $op_udp (param $network i32) (param $port i32) (result i32)
    (local $socket i32)
    (local $incoming i32)
    (local $outgoing i32)
    (local $datagram i32)
    (call $create_udp_socket (i32.const 0) (i32.const 33024))
    (if (i32.load8_u (i32.const 33024))
      (then (return (call $fail (str "create-udp-socket") (i32.load8_u (i32.const 33028))))))
    (local.set $socket (i32.load (i32.const 33028)))
    ;; Bind to 127.0.0.1, any port.
    (call $udp_start_bind (local.get $socket) (local.get $network)
      (i32.const 0) (i32.const 0) (i32.const 127) (i32.const 0) (i32.const 0) (i32.const 1)
      (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
      (i32.const 33040))
    (if (i32.load8_u (i32.const 33040))
      (then (return (call $fail (str "start-bind") (i32.load8_u (i32.const 33041))))))
    (block $bound
      (loop $pending
        (call $udp_finish_bind (local.get $socket) (i32.const 33040))
        (br_if $bound (i32.eqz (i32.load8_u (i32.const 33040))))
        (if (i32.ne (i32.load8_u (i32.const 33041)) (global.get $would_block))
          (then (return (call $fail (str "finish-bind") (i32.load8_u (i32.const 33041))))))
        (call $wait (call $udp_subscribe (local.get $socket)))
        (br $pending)))
    (call $print (str "bound\n"))
    ;; stream(some(ipv4 address)): option case 1, then the address as in start-connect.
    (call $udp_stream (local.get $socket)
      (i32.const 1) (i32.const 0) (local.get $port)
      (i32.load8_u (i32.const 33200)) (i32.load8_u (i32.const 33201))
      (i32.load8_u (i32.const 33202)) (i32.load8_u (i32.const 33203))
      (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
      (i32.const 33056))
    (if (i32.load8_u (i32.const 33056))
      (then (return (call $fail (str "stream") (i32.load8_u (i32.const 33060))))))
    (local.set $incoming (i32.load (i32.const 33060)))
    (local.set $outgoing (i32.load (i32.const 33064)))
    ;; send needs a permit from check-send first.
    (block $permitted
      (loop $pending
        (call $udp_check_send (local.get $outgoing) (i32.const 33088))
        (if (i32.load8_u (i32.const 33088))
          (then (return (call $fail (str "check-send") (i32.load8_u (i32.const 33096))))))
        (br_if $permitted (i64.ne (i64.load (i32.const 33096)) (i64.const 0)))
        (call $wait (call $outgoing_subscribe (local.get $outgoing)))
        (br $pending)))
    (i32.store (i32.const 33152) (call $arg_ptr (i32.const 4)))
    (i32.store (i32.const 33156) (call $arg_len (i32.const 4)))
    (i32.store8 (i32.const 33160) (i32.const 0))
    (call $udp_send (local.get $outgoing) (i32.const 33152) (i32.const 1) (i32.const 33088))
    (if (i32.load8_u (i32.const 33088))
      (then (return (call $fail (str "send") (i32.load8_u (i32.const 33096))))))
    (if (i64.ne (i64.load (i32.const 33096)) (i64.const 1))
      (then
        (call $eprint (str "net: send: the datagram was not sent\n"))
        (return (i32.const 1))))
    (call $print (str "sent "))
    (call $print_u64 (i64.extend_i32_u (call $arg_len (i32.const 4))))
    (call $print (str " bytes\n"))
    (block $received
      (loop $pending
        (call $udp_receive (local.get $incoming) (i64.const 1) (i32.const 33104))
        (if (i32.load8_u (i32.const 33104))
          (then (return (call $fail (str "receive") (i32.load8_u (i32.const 33108))))))
        (br_if $received (i32.load (i32.const 33112)))
        (call $wait (call $incoming_subscribe (local.get $incoming)))
        (br $pending)))
    (local.set $datagram (i32.load (i32.const 33108)))
    (call $print (str "received: "))
    (call $print (i32.load (local.get $datagram)) (i32.load offset=4 (local.get $datagram)))
    (call $print (str "\n"))
    (call $drop_incoming_datagram_stream (local.get $incoming))
    (call $drop_outgoing_datagram_stream (local.get $outgoing))
    (call $drop_udp_socket (local.get $socket))
    (i32.const 0))

  (func $print_hex16 (param $value i32)
    (local $shift i32)
    (local $digit i32)
    (local $started i32)
    (local.set $shift (i32.const 12))
    (loop $next
      (local.set $digit (i32.and (i32.shr_u (local.get $value) (local.get $shift)) (i32.const 15)))
      (if (i32.or (i32.or (local.get $started) (local.get $digit)) (i32.eqz (local.get $shift)))
        (then
          (local.set $started (i32.const 1))
          (i32.store8 (i32.const 33204)
            (i32.add (local.get $digit)
              (select (i32.const 48) (i32.const 87) (i32.lt_u (local.get $digit) (i32.const 10)))))
          (call $print (i32.const 33204) (i32.const 1))))
      (local.set $shift (i32.sub (local.get $shift) (i32.const 4)))
      (br_if $next (i32.ge_s (local.get $shift) (i32.const 0)))))

  (func $op_lookup (param $network i32) (result i32)
    (local $stream i32)
    (local $i i32)
    (call $resolve_addresses (local.get $network)
      (call $arg_ptr (i32.const 2)) (call $arg_len (i32.const 2)) (i32.const 33024))
    (if (i32.load8_u (i32.const 33024))
      (then (return (call $fail (str "resolve-addresses") (i32.load8_u (i32.const 33028))))))
    (local.set $stream (i32.load (i32.const 33028)))
    (block $end
      (loop $next
        (call $resolve_next_address (local.get $stream) (i32.const 33120))
        (if (i32.load8_u (i32.const 33120))
          (then
            (if (i32.ne (i32.load8_u (i32.const 33122)) (global.get $would_block))
              (then (return (call $fail (str "resolve-next-address") (i32.load8_u (i32.const 33122))))))
            (call $wait (call $resolve_subscribe (local.get $stream)))
            (br $next)))
        (br_if $end (i32.eqz (i32.load8_u (i32.const 33122))))
        (if (i32.eqz (i32.load8_u (i32.const 33124)))
          (then
            (call $print (str "ipv4 "))
            (local.set $i (i32.const 0))
            (loop $byte
              (if (local.get $i) (then (call $print (str "."))))
              (call $print_u64 (i64.load8_u (i32.add (i32.const 33126) (local.get $i))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $byte (i32.lt_u (local.get $i) (i32.const 4)))))
          (else
            (call $print (str "ipv6 "))
            (local.set $i (i32.const 0))
            (loop $group
              (if (local.get $i) (then (call $print (str ":"))))
              (call $print_hex16 (i32.load16_u (i32.add (i32.const 33126) (i32.shl (local.get $i) (i32.const 1)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $group (i32.lt_u (local.get $i) (i32.const 8))))))
        (call $print (str "\n"))
        (br $next)))
    (call $drop_resolve_address_stream (local.get $stream))
    (i32.const 0))

  (func (export "wasi:cli/run@{WASI}#run") (result i32)
    (local $network i32)
    (local $port i64)
    (local $status i32)
    (call $args_load)
    (local.set $port (i64.const -1))
    (if (i32.ge_u (global.get $argc) (i32.const 5))
      (then (local.set $port (call $parse_u64 (call $arg_ptr (i32.const 3)) (call $arg_len (i32.const 3))))))
    (local.set $status (i32.const -1))
    (if (i32.and (call $parse_ipv4 (i32.const 2)) (i64.le_u (local.get $port) (i64.const 65535)))
      (then
        (if (call $arg_is (i32.const 1) (str "tcp"))
          (then
            (local.set $network (call $instance_network))
            (local.set $status (call $op_tcp (local.get $network) (i32.wrap_i64 (local.get $port))))))
        (if (call $arg_is (i32.const 1) (str "udp"))
          (then
            (local.set $network (call $instance_network))
            (local.set $status (call $op_udp (local.get $network) (i32.wrap_i64 (local.get $port))))))))
    (if (i32.and (call $arg_is (i32.const 1) (str "lookup")) (i32.ge_u (global.get $argc) (i32.const 3)))
      (then
        (local.set $network (call $instance_network))
        (local.set $status (call $op_lookup (local.get $network)))))
    (if (i32.eq (local.get $status) (i32.const -1))
      (then
        (call $eprint (str "usage: net tcp|udp A.B.C.D PORT TEXT | net lookup NAME\n"))
        (return (i32.const 1))))
    ;; The network outlives every socket, which are gone by now on success (on failure the
    ;; host reclaims everything with the instance).
    (if (i32.eqz (local.get $status)) (then (call $drop_network (local.get $network))))
    (local.get $status))
)
