// The resources fixture (see resources.wit). A cart's representation (rep) is
// its slot number + 1; the host only ever sees handles. State lives across
// calls, so nothing here rewinds the heap except describe's scratch text.
#include "../common/cabi.h"

#define MAX_CARTS 256

typedef struct {
  int32_t item_ptr;
  int32_t item_len;
  uint32_t qty;
} cart_line;

typedef struct {
  int in_use;
  int32_t owner_ptr;
  int32_t owner_len;
  cart_line *lines;
  uint32_t line_count;
  uint32_t line_capacity;
} cart;

typedef struct {
  int32_t ptr;
  int32_t len;
} wit_string;

static cart carts[MAX_CARTS];
static uint32_t destructor_runs;
static wit_string return_area;
static uintptr_t describe_mark;

// Canonical built-ins for a resource this component exports.
IMPORT("[export]test:resources/shop", "[resource-new]cart")
int32_t cart_resource_new(int32_t rep);
IMPORT("[export]test:resources/shop", "[resource-rep]cart")
int32_t cart_resource_rep(int32_t handle);
IMPORT("[export]test:resources/shop", "[resource-drop]cart")
void cart_resource_drop(int32_t handle);

static cart *cart_of(int32_t rep) {
  if (rep < 1 || rep > MAX_CARTS || !carts[rep - 1].in_use) {
    __builtin_trap(); // the host passed a rep this guest never made
  }
  return &carts[rep - 1];
}

static int32_t new_cart(int32_t owner_ptr, int32_t owner_len) {
  for (int32_t slot = 0; slot < MAX_CARTS; slot++) {
    if (!carts[slot].in_use) {
      cart *fresh = &carts[slot];
      fresh->in_use = 1;
      fresh->owner_ptr = owner_ptr;
      fresh->owner_len = owner_len;
      fresh->lines = 0;
      fresh->line_count = 0;
      fresh->line_capacity = 0;
      return slot + 1;
    }
  }
  __builtin_trap(); // more than MAX_CARTS carts alive
}

static void append_line(cart *target, const cart_line *line) {
  if (target->line_count == target->line_capacity) {
    uint32_t capacity = target->line_capacity * 2 + 4;
    cart_line *grown = cabi_alloc(capacity * sizeof(cart_line), 4);
    cabi_copy((uint8_t *)grown, (const uint8_t *)target->lines, target->line_count * sizeof(cart_line));
    target->lines = grown;
    target->line_capacity = capacity;
  }
  target->lines[target->line_count].item_ptr = line->item_ptr;
  target->lines[target->line_count].item_len = line->item_len;
  target->lines[target->line_count].qty = line->qty;
  target->line_count++;
}

EXPORT("test:resources/shop#[constructor]cart")
int32_t shop_cart_constructor(int32_t owner_ptr, int32_t owner_len) {
  return cart_resource_new(new_cart(owner_ptr, owner_len));
}

// Methods receive `borrow<cart>` of their own resource as the rep itself.
EXPORT("test:resources/shop#[method]cart.add-line")
void shop_cart_add_line(int32_t self, int32_t item_ptr, int32_t item_len, int32_t qty) {
  cart_line line = {item_ptr, item_len, (uint32_t)qty};
  append_line(cart_of(self), &line);
}

EXPORT("test:resources/shop#[method]cart.count")
int32_t shop_cart_count(int32_t self) {
  return (int32_t)cart_of(self)->line_count;
}

EXPORT("test:resources/shop#[method]cart.owner")
int32_t shop_cart_owner(int32_t self) {
  cart *target = cart_of(self);
  return_area.ptr = target->owner_ptr;
  return_area.len = target->owner_len;
  return ADDR(&return_area);
}

// `a` is an owned handle (moved in), `b` a borrow (the rep).
EXPORT("test:resources/shop#[static]cart.merge")
int32_t shop_cart_merge(int32_t a_handle, int32_t b_rep) {
  int32_t a_rep = cart_resource_rep(a_handle);
  cart *a = cart_of(a_rep);
  int32_t merged_rep = new_cart(a->owner_ptr, a->owner_len);
  cart *merged = cart_of(merged_rep);
  for (uint32_t i = 0; i < a->line_count; i++) {
    append_line(merged, &a->lines[i]);
  }
  cart *b = cart_of(b_rep);
  for (uint32_t i = 0; i < b->line_count; i++) {
    append_line(merged, &b->lines[i]);
  }
  cart_resource_drop(a_handle); // runs the destructor of a
  return cart_resource_new(merged_rep);
}

EXPORT("test:resources/shop#describe")
int32_t shop_describe(int32_t c_rep) {
  describe_mark = cabi_heap_mark();
  cart *target = cart_of(c_rep);
  text_builder text;
  text_init(&text, 64);
  text_append(&text, PTR(target->owner_ptr), (uint32_t)target->owner_len);
  text_append_cstr(&text, ": ");
  if (target->line_count == 0) {
    text_append_cstr(&text, "empty");
  }
  for (uint32_t i = 0; i < target->line_count; i++) {
    if (i > 0) {
      text_append_cstr(&text, ", ");
    }
    text_append(&text, PTR(target->lines[i].item_ptr), (uint32_t)target->lines[i].item_len);
    text_append_cstr(&text, " x");
    text_append_u32(&text, target->lines[i].qty);
  }
  return_area.ptr = ADDR(text.bytes);
  return_area.len = (int32_t)text.length;
  return ADDR(&return_area);
}

// The description is dead once the host has read it.
EXPORT("cabi_post_test:resources/shop#describe")
void shop_describe_post_return(int32_t result) {
  (void)result;
  cabi_heap_release(describe_mark);
}

EXPORT("test:resources/shop#consume")
int32_t shop_consume(int32_t c_handle) {
  cart *target = cart_of(cart_resource_rep(c_handle));
  uint32_t total = 0;
  for (uint32_t i = 0; i < target->line_count; i++) {
    total += target->lines[i].qty;
  }
  cart_resource_drop(c_handle); // runs the destructor
  return (int32_t)total;
}

EXPORT("test:resources/shop#[dtor]cart")
void shop_cart_destructor(int32_t rep) {
  cart_of(rep)->in_use = 0;
  destructor_runs++;
}

EXPORT("dropped-count")
int32_t dropped_count(void) {
  return (int32_t)destructor_runs;
}
