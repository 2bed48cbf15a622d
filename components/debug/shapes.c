// The debug fixture's second source file: structs, a pointer to one, an enum, a union.
#include "shapes.h"

// The start of the last segment measured: a global of struct type for the stepper to show.
struct point last_start = {0, 0};

int32_t segment_manhattan(const struct segment *segment, enum axis axis) {
  const point_t *from = &segment->from;
  const point_t *to = &segment->to;
  int32_t length = 0;
  last_start = *from;
  if (axis != AXIS_Y) {
    length += axis_distance(from->x, to->x);
  }
  if (axis != AXIS_X) {
    length += axis_distance(from->y, to->y);
  }
  union number check;
  check.whole = length;
  return check.whole;
}
