// Non-variadic doors into libedit for Swift.
//
// Swift cannot call C variadic functions, and el_set/el_get/history are variadic, so every option the
// LineEditor target uses gets a fixed-signature `static inline` wrapper here. The wide-character API
// (el_wset, history_w) is used wherever text passes through, so UTF-8 is decoded once, by us, and
// libedit only ever sees code points.
//
// This is a system-library module: there is no .c file to hold state. Swift emits a `static inline`
// function, and the statics it owns, into each Swift object file that calls it, so every group of state
// below is called from exactly one Swift file (noted on the group) to keep one copy per process.
// Keep it that way. After editing this header, touch the Swift files that use it: SwiftPM does not
// track a system library's headers, and stale objects fail to link or, worse, link the old code.

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

// MARK: - Signal trap (state touched only by LineEditor/SignalTrap.swift)
//
// While a reader waits for input, the handler records which signal arrived and writes one byte to a
// self-pipe. The reader polls that pipe next to its input, so it wakes whichever thread the kernel
// delivered the signal to, and never loses a signal that lands just before poll() starts. Handlers are
// installed with SA_RESTART so libedit's own writes to the terminal are never cut short by EINTR.
//
// Arrays live in function-local statics: Swift emits those with the inline function that owns them,
// but emits no definition for a file-scope static array (the link then fails). Scalars with a
// non-zero initializer are emitted and may stay at file scope.

enum { cd_trap_signal_limit = 65 };

typedef struct {
    volatile sig_atomic_t pending[cd_trap_signal_limit];
    struct sigaction previous[cd_trap_signal_limit];
    int armed[cd_trap_signal_limit];
} cd_trap_state;

static inline cd_trap_state *cd_trap(void) {
    static cd_trap_state state;
    return &state;
}

static volatile sig_atomic_t cd_trap_wake_descriptor = -1;

static void cd_trap_handler(int signo) {
    int saved_errno = errno;
    if (signo > 0 && signo < cd_trap_signal_limit) {
        cd_trap()->pending[signo] = 1;
    }
    int descriptor = cd_trap_wake_descriptor;
    if (descriptor >= 0) {
        unsigned char byte = (unsigned char)signo;
        ssize_t written = write(descriptor, &byte, 1);  // a full pipe already means "wake up"
        (void)written;
    }
    errno = saved_errno;
}

static inline void cd_trap_set_wake_descriptor(int descriptor) {
    cd_trap_wake_descriptor = descriptor;
}

/// Installs the trap for `signo`, remembering the previous action. A signal the process ignores
/// (SIG_IGN, as `nohup` leaves SIGHUP) stays ignored. Returns 1 when armed.
static inline int cd_trap_arm(int signo) {
    cd_trap_state *trap = cd_trap();
    if (signo <= 0 || signo >= cd_trap_signal_limit || trap->armed[signo]) {
        return 0;
    }
    struct sigaction previous;
    if (sigaction(signo, NULL, &previous) != 0 || previous.sa_handler == SIG_IGN) {
        return 0;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cd_trap_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(signo, &action, &trap->previous[signo]) != 0) {
        return 0;
    }
    trap->armed[signo] = 1;
    return 1;
}

/// Puts back the action that was in place before `cd_trap_arm`.
static inline void cd_trap_disarm(int signo) {
    cd_trap_state *trap = cd_trap();
    if (signo <= 0 || signo >= cd_trap_signal_limit || !trap->armed[signo]) {
        return;
    }
    sigaction(signo, &trap->previous[signo], NULL);
    trap->armed[signo] = 0;
}

/// Returns 1 once per arrival (arrivals between two calls merge, as signals do).
static inline int cd_trap_take(int signo) {
    cd_trap_state *trap = cd_trap();
    if (signo <= 0 || signo >= cd_trap_signal_limit || !trap->pending[signo]) {
        return 0;
    }
    trap->pending[signo] = 0;
    return 1;
}

/// Lets `signo` take its default action for a moment (used to really stop on SIGTSTP), then puts the
/// current action back.
static inline void cd_trap_raise_with_default_action(int signo, int whole_process_group) {
    struct sigaction fallback, current;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    if (sigaction(signo, &fallback, &current) != 0) {
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

// MARK: - Terminal restore from a signal handler (state touched only by LineEditor/TerminalState.swift)

typedef struct {
    struct termios saved;
    struct sigaction crash_previous[cd_trap_signal_limit];
    int crash_handlers_installed;
} cd_terminal_state;

static inline cd_terminal_state *cd_terminal(void) {
    static cd_terminal_state state;
    return &state;
}

static volatile sig_atomic_t cd_terminal_descriptor = -1;

static inline void cd_terminal_arm(int descriptor, const struct termios *attributes) {
    cd_terminal_descriptor = -1;  // a handler running now must not see a half-copied state
    cd_terminal()->saved = *attributes;
    cd_terminal_descriptor = descriptor;
}

static inline void cd_terminal_disarm(void) {
    cd_terminal_descriptor = -1;
}

/// The armed descriptor, or -1; `attributes` receives the armed state.
static inline int cd_terminal_armed(struct termios *attributes) {
    int descriptor = cd_terminal_descriptor;
    if (descriptor >= 0 && attributes != NULL) {
        *attributes = cd_terminal()->saved;
    }
    return descriptor;
}

/// Async-signal-safe: only tcsetattr, which POSIX lists as safe in a handler.
static inline int cd_terminal_restore_armed(void) {
    int descriptor = cd_terminal_descriptor;
    if (descriptor < 0) {
        return -1;
    }
    return tcsetattr(descriptor, TCSANOW, &cd_terminal()->saved);
}

static void cd_terminal_crash_handler(int signo) {
    int saved_errno = errno;
    cd_terminal_restore_armed();
    // Hand the signal to whoever had it before (Swift's backtracer, or the default action). For a fault
    // the instruction runs again on return; for an asynchronous signal the raise below delivers it.
    sigaction(signo, &cd_terminal()->crash_previous[signo], NULL);
    raise(signo);
    errno = saved_errno;
}

/// Installs, once, handlers that put the armed terminal state back before a crash signal kills us.
static inline void cd_terminal_install_crash_handlers(void) {
    cd_terminal_state *terminal = cd_terminal();
    if (terminal->crash_handlers_installed) {
        return;
    }
    terminal->crash_handlers_installed = 1;
    const int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
    for (size_t index = 0; index < sizeof signals / sizeof signals[0]; index++) {
        int signo = signals[index];
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = cd_terminal_crash_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_ONSTACK;
        sigaction(signo, &action, &terminal->crash_previous[signo]);
    }
}

#endif
