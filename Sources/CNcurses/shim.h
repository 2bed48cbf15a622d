#ifndef WASMSH_CNCURSES_SHIM_H
#define WASMSH_CNCURSES_SHIM_H

// ncursesw (full-screen views) and its terminfo layer tinfo (colour escapes without a full
// screen). Macros, C globals and variadic functions are not callable from Swift, so each one we
// use gets a small typed accessor here.

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// glibc declares wcwidth only under _XOPEN_SOURCE, which the C library module is built without.
extern int wcwidth(wchar_t character);

static inline FILE *shim_stdin_file(void) { return stdin; }
static inline FILE *shim_stdout_file(void) { return stdout; }

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline TERMINAL *shim_cur_term(void) { return cur_term; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }

// tiparm is variadic; colour and attribute capabilities take at most one parameter here.
static inline char *shim_tiparm1(const char *capability, int parameter) {
    return tiparm(capability, parameter);
}

// tigetstr returns (char *)-1 for a name that is not a string capability.
static inline int shim_is_capability_string(const char *value) {
    return value != NULL && value != (char *)-1;
}

static inline attr_t shim_attr_bold(void) { return A_BOLD; }
static inline attr_t shim_attr_dim(void) { return A_DIM; }
static inline attr_t shim_attr_reverse(void) { return A_REVERSE; }
static inline attr_t shim_attr_normal(void) { return A_NORMAL; }
static inline attr_t shim_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }


#endif
