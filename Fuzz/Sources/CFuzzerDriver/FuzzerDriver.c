// Only a header module: LLVMFuzzerRunDriver comes from the libFuzzer runtime that
// -sanitize=fuzzer links in.
#include "FuzzerDriver.h"
