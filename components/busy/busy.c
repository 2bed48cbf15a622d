// The busy fixture (see busy.wit).
#include "../common/cabi.h"

// sandbox:skill/filesystem.read-file: func(path: string) -> result<string, string>
// Lowered: (path ptr, path len, return area) with the area {u8 tag @0; ptr @4; len @8}.
IMPORT("sandbox:skill/filesystem", "read-file")
void filesystem_read_file(int32_t path_ptr, int32_t path_len, int32_t result_area);

typedef struct {
  uint8_t is_err;
  int32_t text_ptr;
  int32_t text_len;
} read_result;

static read_result read_area;

EXPORT("read-many")
int32_t read_many(int32_t path_ptr, int32_t path_len, int32_t n) {
  uint32_t ok_count = 0;
  // The host allocates each answer in guest memory; forget it after every call.
  uintptr_t mark = cabi_heap_mark();
  for (uint32_t i = 0; i < (uint32_t)n; i++) {
    filesystem_read_file(path_ptr, path_len, ADDR(&read_area));
    if (!read_area.is_err) {
      ok_count++;
    }
    cabi_heap_release(mark);
  }
  return (int32_t)ok_count;
}

EXPORT("cabi_post_read-many")
void read_many_post_return(int32_t result) {
  (void)result;
  cabi_heap_reset();
}
