// Memory layouts (canonical ABI) of the values fixture's hand-written results.
// gen_values.py checks struct big_record against the ABI layout it computes.
#ifndef WASMSH_FIXTURE_VALUES_H
#define WASMSH_FIXTURE_VALUES_H

#include <stdint.h>

typedef struct {
  int32_t ptr;
  int32_t len;
} wit_string;

struct big_record {
  uint8_t f01;
  int8_t f02;
  uint16_t f03;
  int16_t f04;
  uint32_t f05;
  int32_t f06;
  uint64_t f07;
  int64_t f08;
  float f09;
  double f10;
  uint8_t f11;
  uint32_t f12; // char
  uint32_t f13;
  uint32_t f14;
  uint32_t f15;
  uint32_t f16;
  uint32_t f17;
  uint32_t f18;
  uint32_t f19;
  wit_string f20;
};

// tuple<string, char, f64, f32, s64, u16, s8, bool>
struct mix_result {
  wit_string h;
  uint32_t g;
  double f;
  float e;
  int64_t d;
  uint16_t c;
  int8_t b;
  uint8_t a;
};

#endif
