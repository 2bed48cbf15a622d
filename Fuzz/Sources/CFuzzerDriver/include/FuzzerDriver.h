// libFuzzer's entry for programs that have their own main (compiler-rt, FuzzerInterface.h).
// SwiftPM gives every executable target its own main, so the fuzzer runs libFuzzer from there.
#ifndef WASMSH_FUZZER_DRIVER_H
#define WASMSH_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
