// The compute fixture (see compute.wit).
#include "../common/cabi.h"

EXPORT("fib")
int64_t fib(int32_t n) {
  uint64_t previous = 0;
  uint64_t current = 1;
  for (uint32_t i = 0; i < (uint32_t)n; i++) {
    uint64_t next = previous + current;
    previous = current;
    current = next;
  }
  return (int64_t)previous;
}

// A 64-bit LCG step followed by an xor-shift: no closed form for the compiler to find.
EXPORT("spin")
int64_t spin(int64_t iterations) {
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (uint64_t i = 0; i < (uint64_t)iterations; i++) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    state ^= state >> 29;
  }
  return (int64_t)state;
}

EXPORT("forever")
void forever(void) {
  // A volatile store per round keeps the loop from being optimized away.
  static volatile uint32_t rounds;
  for (;;) {
    rounds++;
  }
}

EXPORT("trap-unreachable")
void trap_unreachable(void) {
  __builtin_trap();
}

EXPORT("divide")
int32_t divide(int32_t a, int32_t b) {
  return a / b; // i32.div_s traps on 0 and on overflow
}

EXPORT("out-of-bounds")
void out_of_bounds(void) {
  volatile uint32_t *far = (volatile uint32_t *)(uintptr_t)0xFFFFFFF0u;
  (void)*far;
}

// Called through a volatile function pointer so the compiler can turn the
// recursion into neither a loop nor a tail call: every level is a real frame.
static uint32_t recurse_level(uint32_t n);
static uint32_t (*volatile recurse_next)(uint32_t) = recurse_level;

static uint32_t recurse_level(uint32_t n) {
  if (n == 0) {
    return 0;
  }
  return recurse_next(n - 1) + 1;
}

EXPORT("recurse")
int32_t recurse(int32_t n) {
  return (int32_t)recurse_level((uint32_t)n);
}

EXPORT("grow")
int32_t grow(int32_t pages) {
  return (int32_t)__builtin_wasm_memory_grow(0, (size_t)(uint32_t)pages);
}
