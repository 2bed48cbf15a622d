// The strings fixture in two string encodings (see strings.wit):
//   default       string-encoding=utf16: (pointer, number of UTF-16 code units)
//   LATIN1_UTF16  latin1+utf16: (pointer, tagged length); bit 31 set means UTF-16
//                 code units, clear means Latin-1 bytes.
#include "../common/cabi.h"

#define UTF16_TAG 0x80000000u

typedef struct {
  int32_t ptr;
  int32_t len;
} wit_string;

static wit_string return_area;

// test:strings/host.transform: (pointer, length, return area)
IMPORT("test:strings/host", "transform")
void host_transform(int32_t ptr, int32_t len, int32_t result_area);

static int is_utf16(uint32_t len) {
#ifdef LATIN1_UTF16
  return (len & UTF16_TAG) != 0;
#else
  (void)len;
  return 1;
#endif
}

static uint32_t unit_count(uint32_t len) {
#ifdef LATIN1_UTF16
  return len & ~UTF16_TAG;
#else
  return len;
#endif
}

static uint32_t utf16_tagged(uint32_t units) {
#ifdef LATIN1_UTF16
  return units | UTF16_TAG;
#else
  return units;
#endif
}

static int32_t return_string(uint8_t *ptr, uint32_t len) {
  return_area.ptr = ADDR(ptr);
  return_area.len = (int32_t)len;
  return ADDR(&return_area);
}

// An ASCII literal in the encoding of this build (Latin-1 where there is a choice).
static int32_t return_ascii(const char *ascii) {
  uint32_t count = cstr_length(ascii);
#ifdef LATIN1_UTF16
  uint8_t *bytes = cabi_alloc(count, 2);
  cabi_copy(bytes, (const uint8_t *)ascii, count);
  return return_string(bytes, count);
#else
  uint16_t *units = cabi_alloc(count * 2, 2);
  for (uint32_t i = 0; i < count; i++) {
    units[i] = (uint8_t)ascii[i];
  }
  return return_string((uint8_t *)units, count);
#endif
}

EXPORT("test:strings/text#echo")
int32_t text_echo(int32_t ptr, int32_t len) {
  return return_string(PTR(ptr), (uint32_t)len);
}

EXPORT("test:strings/text#length")
int32_t text_length(int32_t ptr, int32_t len) {
  uint32_t units = unit_count((uint32_t)len);
  if (!is_utf16((uint32_t)len)) {
    return (int32_t)units; // one Latin-1 byte per scalar value
  }
  const uint16_t *text = (const uint16_t *)PTR(ptr);
  uint32_t scalars = 0;
  for (uint32_t i = 0; i < units; i++) {
    int high = text[i] >= 0xD800 && text[i] <= 0xDBFF;
    if (high && i + 1 < units && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
      i++; // a surrogate pair is one scalar value
    }
    scalars++;
  }
  return (int32_t)scalars;
}

EXPORT("test:strings/text#encoding-of")
int32_t text_encoding_of(int32_t ptr, int32_t len) {
  (void)ptr;
  return return_ascii(is_utf16((uint32_t)len) ? "utf16" : "latin1");
}

EXPORT("test:strings/text#greet")
int32_t text_greet(int32_t ptr, int32_t len) {
  static const char prefix[] = "Hello, ";
  const uint32_t prefix_count = sizeof(prefix) - 1;
  uint32_t units = unit_count((uint32_t)len);
  uint32_t total = prefix_count + units + 1;
  if (!is_utf16((uint32_t)len)) {
    uint8_t *bytes = cabi_alloc(total, 2);
    cabi_copy(bytes, (const uint8_t *)prefix, prefix_count);
    cabi_copy(bytes + prefix_count, PTR(ptr), units);
    bytes[total - 1] = '!';
    return return_string(bytes, total);
  }
  uint16_t *text = cabi_alloc(total * 2, 2);
  for (uint32_t i = 0; i < prefix_count; i++) {
    text[i] = (uint8_t)prefix[i];
  }
  cabi_copy((uint8_t *)(text + prefix_count), PTR(ptr), units * 2);
  text[total - 1] = '!';
  return return_string((uint8_t *)text, utf16_tagged(total));
}

EXPORT("test:strings/text#via-host")
int32_t text_via_host(int32_t ptr, int32_t len) {
  host_transform(ptr, len, ADDR(&return_area));
  return ADDR(&return_area);
}

// No state survives a call: every export rewinds the heap after its result was read.
#define POST_RETURN(export_name, c_name)  \
  EXPORT("cabi_post_" export_name)        \
  void c_name(int32_t result) {           \
    (void)result;                         \
    cabi_heap_reset();                    \
  }

POST_RETURN("test:strings/text#echo", text_echo_post_return)
POST_RETURN("test:strings/text#length", text_length_post_return)
POST_RETURN("test:strings/text#encoding-of", text_encoding_of_post_return)
POST_RETURN("test:strings/text#greet", text_greet_post_return)
POST_RETURN("test:strings/text#via-host", text_via_host_post_return)
