#ifndef WASMSH_CLIBEDIT_SHIM_H
#define WASMSH_CLIBEDIT_SHIM_H

// libedit's native API (histedit.h). el_set, el_get and history are variadic, and stdin/stdout
// are C globals; neither is callable from Swift, so each use gets a small typed accessor here.

#include <histedit.h>
#include <stdio.h>
#include <wchar.h>

typedef unsigned char (*shim_el_command_t)(EditLine *, int);
typedef char *(*shim_el_prompt_t)(EditLine *);

// glibc declares wcwidth only under _XOPEN_SOURCE; the completion list needs it for columns.
extern int wcwidth(wchar_t character);

static inline FILE *shim_stdout_file(void) { return stdout; }

static inline EditLine *shim_el_init_stdio(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int shim_el_set_prompt(EditLine *el, shim_el_prompt_t prompt, char escape) {
    return el_set(el, EL_PROMPT_ESC, prompt, escape);
}

static inline int shim_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int shim_el_set_signal(EditLine *el, int handle) {
    return el_set(el, EL_SIGNAL, handle);
}

static inline int shim_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *shim_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int shim_el_addfn(EditLine *el, const char *name, const char *help, shim_el_command_t fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

static inline int shim_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

// Binds in the vi command-mode key map ("-a", the alternate map).
static inline int shim_el_bind_command_mode(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, "-a", key, function, (const char *)NULL);
}

// Clears one flag of the terminal settings libedit uses while editing ("-d": the edit mode).
static inline int shim_el_setty_clear(EditLine *el, const char *flag) {
    return el_set(el, EL_SETTY, "-d", flag, (const char *)NULL);
}

// EL_HIST takes the history function and the list it operates on.
static inline int shim_el_set_history(EditLine *el, History *list) {
    return el_set(el, EL_HIST, history, list);
}

static inline int shim_el_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns) != 0) return 0;
    return columns;
}

static inline FILE *shim_el_output(EditLine *el) {
    FILE *output = NULL;
    if (el_get(el, EL_GETFP, 1, &output) != 0) return NULL;
    return output;
}

static inline int shim_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

static inline int shim_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

static inline int shim_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int shim_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

static inline int shim_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

static inline int shim_history_clear(History *h) {
    HistEvent event;
    return history(h, &event, H_CLEAR);
}

// Moves the history cursor: H_LAST is the oldest entry, H_PREV steps towards newer ones.
// Returns the entry's text, or NULL when there is none.
static inline const char *shim_history_step(History *h, int operation) {
    HistEvent event;
    if (history(h, &event, operation) == -1) return NULL;
    return event.str;
}


#endif
