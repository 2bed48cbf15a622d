// See cabi.h. Memory is never returned to the engine; stateless components
// rewind the bump pointer in their post-return functions instead.
#include "cabi.h"

extern unsigned char __heap_base;

static uintptr_t heap_next; // 0 until the first allocation

static uintptr_t heap_start(void) {
  return ((uintptr_t)&__heap_base + 7u) & ~(uintptr_t)7u;
}

void *cabi_alloc(uint32_t size, uint32_t align) {
  if (heap_next == 0) {
    heap_next = heap_start();
  }
  if (align == 0) {
    align = 1;
  }
  uint64_t start = ((uint64_t)heap_next + align - 1) & ~(uint64_t)(align - 1);
  uint64_t end = start + size;
  uint64_t available = (uint64_t)__builtin_wasm_memory_size(0) * 65536u;
  if (end > available) {
    uint64_t pages = (end - available + 65535u) / 65536u;
    if (end > 0x100000000ull || __builtin_wasm_memory_grow(0, (size_t)pages) == (size_t)-1) {
      __builtin_trap();
    }
  }
  heap_next = (uintptr_t)end;
  return (void *)(uintptr_t)start;
}

EXPORT("cabi_realloc")
int32_t cabi_realloc(int32_t old_ptr, int32_t old_size, int32_t align, int32_t new_size) {
  if (old_ptr != 0 && (uint32_t)new_size <= (uint32_t)old_size) {
    return old_ptr;
  }
  uint8_t *fresh = cabi_alloc((uint32_t)new_size, (uint32_t)align);
  if (old_ptr != 0) {
    cabi_copy(fresh, PTR(old_ptr), (uint32_t)old_size);
  }
  return ADDR(fresh);
}

void cabi_heap_reset(void) { heap_next = heap_start(); }

uintptr_t cabi_heap_mark(void) {
  if (heap_next == 0) {
    heap_next = heap_start();
  }
  return heap_next;
}

void cabi_heap_release(uintptr_t mark) { heap_next = mark; }

void cabi_copy(uint8_t *to, const uint8_t *from, uint32_t count) {
  for (uint32_t i = 0; i < count; i++) {
    to[i] = from[i];
  }
}

void text_init(text_builder *builder, uint32_t capacity) {
  builder->bytes = cabi_alloc(capacity, 1);
  builder->length = 0;
  builder->capacity = capacity;
}

void text_append(text_builder *builder, const uint8_t *bytes, uint32_t count) {
  if (builder->length + count > builder->capacity) {
    uint32_t capacity = builder->capacity * 2 + count;
    uint8_t *grown = cabi_alloc(capacity, 1);
    cabi_copy(grown, builder->bytes, builder->length);
    builder->bytes = grown;
    builder->capacity = capacity;
  }
  cabi_copy(builder->bytes + builder->length, bytes, count);
  builder->length += count;
}

uint32_t cstr_length(const char *cstr) {
  uint32_t length = 0;
  while (cstr[length] != 0) {
    length++;
  }
  return length;
}

void text_append_cstr(text_builder *builder, const char *cstr) {
  text_append(builder, (const uint8_t *)cstr, cstr_length(cstr));
}

void text_append_u32(text_builder *builder, uint32_t value) {
  uint8_t digits[10];
  uint32_t count = 0;
  do {
    digits[9 - count] = (uint8_t)('0' + value % 10);
    value /= 10;
    count++;
  } while (value != 0);
  text_append(builder, digits + 10 - count, count);
}
