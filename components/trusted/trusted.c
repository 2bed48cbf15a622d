// The seed demo's "trusted" skill: reads ./demo.txt, which its manifest grants.
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

typedef struct {
  int32_t ptr;
  int32_t len;
} string_result;

static read_result read_area;
static string_result run_area;

static const char path[] = "./demo.txt";

EXPORT("sandbox:skill/skill#run")
int32_t skill_run(void) {
  filesystem_read_file(ADDR(path), (int32_t)(sizeof(path) - 1), ADDR(&read_area));
  text_builder message;
  text_init(&message, 256);
  if (read_area.is_err) {
    text_append_cstr(&message, "BLOCKED: Failed to read ./demo.txt - ");
  } else {
    text_append_cstr(&message, "SUCCESS: Read demo.txt content:\n");
  }
  text_append(&message, PTR(read_area.text_ptr), (uint32_t)read_area.text_len);
  run_area.ptr = ADDR(message.bytes);
  run_area.len = (int32_t)message.length;
  return ADDR(&run_area);
}

// Everything run() allocated is dead once the host has read the result.
EXPORT("cabi_post_sandbox:skill/skill#run")
void skill_run_post_return(int32_t result_area) {
  (void)result_area;
  cabi_heap_reset();
}
