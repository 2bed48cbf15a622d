// The debug fixture (see debug.wit): C built with DWARF for wasmsh's source-level stepper.
// Tests and transcripts name lines of this file: keep them where they are (components/README.md).
#include "../common/cabi.h"
#include "shapes.h"
#include <stdbool.h>

IMPORT("sandbox:skill/filesystem", "read-file")
void filesystem_read_file(int32_t path_ptr, int32_t path_len, int32_t result_area);

typedef struct {
  uint8_t is_err;
  int32_t text_ptr;
  int32_t text_len;
} read_result;

static read_result read_area;

// A global the stepper shows: how many export calls this instance has served.
uint32_t calls_served = 0;

static uint32_t square(uint32_t x) {
  return x * x;
}

EXPORT("sum-squares")
uint32_t sum_squares(uint32_t n) {
  uint32_t total = 0;
  for (uint32_t i = 1; i <= n; i++) {
    // This comment line has no code: a breakpoint here moves to the next line.
    uint32_t squared = square(i);
    total += squared;
  }
  calls_served++;
  return total;
}

EXPORT("factorial")
uint64_t factorial(uint32_t n) {
  calls_served++;
  if (n <= 1) {
    return 1;
  }
  return n * factorial(n - 1);
}

EXPORT("scalars")
double scalars(int32_t seed) {
  int count = seed;
  unsigned int mask = 0xF0u;
  short small = -2;
  long long wide = -5000000000LL;
  unsigned char byte = 200;
  float ratio = 1.5f;
  double precise = 2.25;
  bool positive = seed > 0;
  char letter = 'a';
  volatile int ticks = 3;
  enum axis direction = AXIS_BOTH;
  int32_t digits[4];
  for (int k = 0; k < 4; k++) {
    digits[k] = k * k;
  }
  const char *greeting = "hi";
  calls_served++;
  double sum = count;
  sum += mask;
  sum += small;
  sum += wide;
  sum += byte + ratio + precise;
  sum += positive + letter + ticks;
  sum += direction + digits[3] + greeting[1];
  return sum;
}

EXPORT("segment-length")
int32_t segment_length(int32_t x1, int32_t y1, int32_t x2, int32_t y2) {
  struct segment segment;
  segment.from.x = x1;
  segment.from.y = y1;
  segment.to.x = x2;
  segment.to.y = y2;
  segment.label = "segment";
  struct segment *shape = &segment;
  calls_served++;
  return segment_manhattan(shape, AXIS_BOTH);
}

EXPORT("read-length")
int32_t read_length(int32_t path_ptr, int32_t path_len) {
  calls_served++;
  uintptr_t mark = cabi_heap_mark();
  filesystem_read_file(path_ptr, path_len, ADDR(&read_area));
  int32_t length = read_area.is_err ? -1 : read_area.text_len;
  cabi_heap_release(mark);
  return length;
}

EXPORT("calls-served")
uint32_t get_calls_served(void) {
  return calls_served;
}
