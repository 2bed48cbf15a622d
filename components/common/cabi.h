// Shared runtime for the freestanding C fixtures: the canonical ABI's
// `cabi_realloc` (a bump allocator), a heap reset for post-return functions
// of stateless components, and a few byte helpers (no libc here).
#ifndef WASMSH_FIXTURE_CABI_H
#define WASMSH_FIXTURE_CABI_H

#include <stddef.h>
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

// Guest addresses travel as i32 in the canonical ABI.
#define PTR(x) ((uint8_t *)(uintptr_t)(x))
#define ADDR(p) ((int32_t)(uintptr_t)(p))

// Allocates `size` bytes aligned to `align` (a power of two); traps when memory cannot grow.
void *cabi_alloc(uint32_t size, uint32_t align);

// Forgets every allocation (for post-return of components that keep no state).
void cabi_heap_reset(void);

// Saves and restores the allocation point (to free what a loop iteration allocated).
uintptr_t cabi_heap_mark(void);
void cabi_heap_release(uintptr_t mark);

void cabi_copy(uint8_t *to, const uint8_t *from, uint32_t count);

// A growable byte string built in guest memory.
typedef struct {
  uint8_t *bytes;
  uint32_t length;
  uint32_t capacity;
} text_builder;

void text_init(text_builder *builder, uint32_t capacity);
void text_append(text_builder *builder, const uint8_t *bytes, uint32_t count);
void text_append_cstr(text_builder *builder, const char *cstr);
void text_append_u32(text_builder *builder, uint32_t value);

// Length of a NUL-terminated C string literal.
uint32_t cstr_length(const char *cstr);

#endif
