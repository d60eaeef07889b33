// Non-variadic doors into libedit for Swift.
//
// Swift cannot call C variadic functions, and el_set/el_get/history are variadic, so every option the
// LineEditor target uses gets a fixed-signature `static inline` wrapper here. The wide-character API
// (el_wset, history_w) is used wherever text passes through, so UTF-8 is decoded once, by us, and
// libedit only ever sees code points.
//
// Everything here is stateless (see "Signals" below for why that matters). After editing this header,
// touch the Swift files that use it: SwiftPM does not track a system library's headers, so stale
// objects keep the old code.

#ifndef COACHDRILL_CLIBEDIT_SHIM_H
#define COACHDRILL_CLIBEDIT_SHIM_H

#include <histedit.h>

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// MARK: - Editor options (el_set / el_wset)

typedef wchar_t *(*cd_prompt_function)(EditLine *);
typedef unsigned char (*cd_command_function)(EditLine *, int);
typedef int (*cd_read_function)(EditLine *, wchar_t *);

/// The prompt, with `delimiter` bracketing runs that take no columns (colour escapes), so libedit
/// measures the prompt by what is visible and the cursor lands where the user sees it.
static inline int cd_el_set_prompt(EditLine *el, cd_prompt_function prompt, wchar_t delimiter) {
    return el_wset(el, EL_PROMPT_ESC, prompt, (int)delimiter);
}

static inline int cd_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

static inline int cd_el_set_terminal(EditLine *el, const char *type) {
    return el_set(el, EL_TERMINAL, type);
}

/// libedit's own signal handling (EL_SIGNAL). LineEditor keeps it off: its handler re-sends the signal
/// with kill(0, signo), which reaches the whole process group (a parent shell script, or the test runner).
static inline int cd_el_set_signal_handling(EditLine *el, int enabled) {
    return el_set(el, EL_SIGNAL, enabled);
}

static inline int cd_el_set_history(EditLine *el, HistoryW *history) {
    return el_wset(el, EL_HIST, history_w, history);
}

static inline int cd_el_add_function(EditLine *el, const char *name, const char *help,
                                     cd_command_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

/// `bind KEY COMMAND`, in editrc notation (for example "^I").
static inline int cd_el_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

/// `setty MODE SETTING`, for example ("-d", "-isig"): edit-mode terminal flags.
static inline int cd_el_set_tty(EditLine *el, const char *mode, const char *setting) {
    return el_set(el, EL_SETTY, mode, setting, (const char *)NULL);
}

static inline int cd_el_set_read_function(EditLine *el, cd_read_function function) {
    return el_set(el, EL_GETCFN, function);
}

static inline int cd_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *cd_el_client_data(EditLine *el) {
    void *data = NULL;
    return el_get(el, EL_CLIENTDATA, &data) == 0 ? data : NULL;
}

static inline int cd_el_set_edit_mode(EditLine *el, int enabled) {
    return el_set(el, EL_EDITMODE, enabled);
}

/// Forgets what libedit believes is on screen and draws the prompt and line again where the cursor is.
static inline int cd_el_redraw(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

// Return codes of bound commands, as plain values (the macros are not all importable).
static inline unsigned char cd_cc_norm(void) { return CC_NORM; }
static inline unsigned char cd_cc_refresh(void) { return CC_REFRESH; }
static inline unsigned char cd_cc_redisplay(void) { return CC_REDISPLAY; }
static inline unsigned char cd_cc_error(void) { return CC_ERROR; }

// MARK: - History (history_w)

static inline HistoryW *cd_history_open(void) { return history_winit(); }
static inline void cd_history_close(HistoryW *history) { history_wend(history); }

static inline int cd_history_set_size(HistoryW *history, int size) {
    HistEventW event;
    return history_w(history, &event, H_SETSIZE, size);
}

/// With `unique` set, entering the same line twice in a row keeps one entry.
static inline int cd_history_set_unique(HistoryW *history, int unique) {
    HistEventW event;
    return history_w(history, &event, H_SETUNIQUE, unique);
}

static inline int cd_history_enter(HistoryW *history, const wchar_t *line) {
    HistEventW event;
    return history_w(history, &event, H_ENTER, line);
}

static inline int cd_history_load(HistoryW *history, const char *path) {
    HistEventW event;
    return history_w(history, &event, H_LOAD, path);
}

static inline int cd_history_save(HistoryW *history, const char *path) {
    HistEventW event;
    return history_w(history, &event, H_SAVE, path);
}

// MARK: - Locale

/// True when the current LC_CTYPE encodes characters as UTF-8.
static inline int cd_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// MARK: - Signals (stateless; the state lives in Swift, see LineEditor/SignalTrap.swift)
//
// No state may live in this header. Swift emits a `static inline` function, with any statics it owns,
// into every object file that calls it: in a debug build each Swift file gets its own copy, and in a
// release build cross-module optimisation can inline a caller into another module, which then gets its
// own copy too. A signal handler writing one copy while the reader polls another never wakes up.

typedef void (*cd_signal_handler)(int);

/// Installs `handler` for `signo` with `flags` (SA_RESTART, SA_ONSTACK, ...); `previous` receives the
/// action it replaces. Hides the platform's sigaction union. Returns 0 on success.
static inline int cd_signal_install(int signo, cd_signal_handler handler, int flags, struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = flags;
    return sigaction(signo, &action, previous);
}

/// Whether the process currently ignores `signo` (SIG_IGN, as `nohup` leaves SIGHUP).
static inline int cd_signal_is_ignored(int signo) {
    struct sigaction current;
    return sigaction(signo, NULL, &current) == 0 && current.sa_handler == SIG_IGN;
}

/// Lets `signo` take its default action now (to really stop on SIGTSTP), then puts the current action
/// back. With `whole_process_group` the signal goes to the job, as a terminal's own Ctrl-Z would send it.
static inline void cd_signal_raise_with_default_action(int signo, int whole_process_group) {
    struct sigaction current;
    if (cd_signal_install(signo, SIG_DFL, 0, &current) != 0) {
        return;
    }
    sigset_t unblock, previous_mask;
    sigemptyset(&unblock);
    sigaddset(&unblock, signo);
    pthread_sigmask(SIG_UNBLOCK, &unblock, &previous_mask);
    if (whole_process_group) {
        kill(0, signo);
    } else {
        kill(getpid(), signo);
    }
    pthread_sigmask(SIG_SETMASK, &previous_mask, NULL);
    sigaction(signo, &current, NULL);
}

#endif
