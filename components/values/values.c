// Hand-written exports of the values fixture; the echo-* functions are
// generated into echo.c by gen_values.py.
#include "../common/cabi.h"
#include "values.h"

#include <stddef.h>

_Static_assert(offsetof(struct mix_result, g) == 8, "tuple element 1 (char)");
_Static_assert(offsetof(struct mix_result, f) == 16, "tuple element 2 (f64)");
_Static_assert(offsetof(struct mix_result, e) == 24, "tuple element 3 (f32)");
_Static_assert(offsetof(struct mix_result, d) == 32, "tuple element 4 (s64)");
_Static_assert(offsetof(struct mix_result, c) == 40, "tuple element 5 (u16)");
_Static_assert(offsetof(struct mix_result, b) == 42, "tuple element 6 (s8)");
_Static_assert(offsetof(struct mix_result, a) == 43, "tuple element 7 (bool)");
_Static_assert(sizeof(struct mix_result) == 48, "tuple size");

static struct big_record big_area;
static struct mix_result mix_area;

// 17 u32 parameters are more than 16 flat values: they arrive in memory.
EXPORT("test:values/echo#sum17")
uint64_t echo_sum17(int32_t params) {
  const uint32_t *values = (const uint32_t *)PTR(params);
  uint64_t sum = 0;
  for (int i = 0; i < 17; i++) {
    sum += values[i];
  }
  return sum;
}

EXPORT("cabi_post_test:values/echo#sum17")
void echo_sum17_post_return(int64_t result) {
  (void)result;
  cabi_heap_reset();
}

// Every field is derived from seed so a host can check each one.
EXPORT("test:values/echo#make-big")
int32_t echo_make_big(int32_t seed_bits) {
  uint32_t seed = (uint32_t)seed_bits;
  big_area.f01 = (uint8_t)seed;
  big_area.f02 = (int8_t)(0u - seed);
  big_area.f03 = (uint16_t)(seed * 3u);
  big_area.f04 = (int16_t)(0u - seed * 4u);
  big_area.f05 = seed * 5u;
  big_area.f06 = (int32_t)(0u - seed * 6u);
  big_area.f07 = ((uint64_t)seed << 33) + 7u;
  big_area.f08 = -(int64_t)((uint64_t)seed << 33);
  big_area.f09 = (float)seed + 0.5f;
  big_area.f10 = (double)seed / 4.0;
  big_area.f11 = (uint8_t)(seed & 1u);
  big_area.f12 = 'A' + seed % 26u;
  big_area.f13 = seed + 13u;
  big_area.f14 = seed + 14u;
  big_area.f15 = seed + 15u;
  big_area.f16 = seed + 16u;
  big_area.f17 = seed + 17u;
  big_area.f18 = seed + 18u;
  big_area.f19 = seed + 19u;
  text_builder text;
  text_init(&text, 16);
  text_append_cstr(&text, "big-");
  text_append_u32(&text, seed);
  big_area.f20.ptr = ADDR(text.bytes);
  big_area.f20.len = (int32_t)text.length;
  return ADDR(&big_area);
}

EXPORT("cabi_post_test:values/echo#make-big")
void echo_make_big_post_return(int32_t result) {
  (void)result;
  cabi_heap_reset();
}

EXPORT("test:values/echo#mix")
int32_t echo_mix(int32_t a, int32_t b, int32_t c, int64_t d, float e, double f, int32_t g,
                 int32_t h_ptr, int32_t h_len) {
  mix_area.h.ptr = h_ptr;
  mix_area.h.len = h_len;
  mix_area.g = (uint32_t)g;
  mix_area.f = f;
  mix_area.e = e;
  mix_area.d = d;
  mix_area.c = (uint16_t)c;
  mix_area.b = (int8_t)b;
  mix_area.a = (uint8_t)a;
  return ADDR(&mix_area);
}

EXPORT("cabi_post_test:values/echo#mix")
void echo_mix_post_return(int32_t result) {
  (void)result;
  cabi_heap_reset();
}

EXPORT("add")
int32_t add(int32_t a, int32_t b) {
  return (int32_t)((uint32_t)a + (uint32_t)b);
}
