// Types of the debug fixture's second source file (see shapes.c).
#ifndef WASMSH_FIXTURE_SHAPES_H
#define WASMSH_FIXTURE_SHAPES_H

#include <stdint.h>

struct point {
  int32_t x;
  int32_t y;
};

typedef struct point point_t;

struct segment {
  point_t from;
  point_t to;
  const char *label;
};

enum axis { AXIS_X, AXIS_Y, AXIS_BOTH = 7 };

union number {
  int32_t whole;
  float fraction;
};

// The distance along one axis; inline, so its lines belong to this header.
static inline int32_t axis_distance(int32_t from, int32_t to) {
  int32_t difference = to - from;
  return difference < 0 ? -difference : difference;
}

int32_t segment_manhattan(const struct segment *segment, enum axis axis);

#endif
