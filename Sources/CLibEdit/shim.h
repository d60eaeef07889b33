// Non-variadic wrappers over libedit for Swift (Swift cannot call C varargs such as el_set and history),
// plus the few pieces that must be plain C: the signal handler, the character reader that lets Ctrl-C
// and SIGTERM interrupt el_gets, the prompt callback and Tab completion.
//
// Everything here is `static`: use it from a single Swift file (EditLineReader.swift) so there is one copy
// of the state below.
#ifndef COACHDRILL_LIBEDIT_SHIM_H
#define COACHDRILL_LIBEDIT_SHIM_H

#include <errno.h>
#include <histedit.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <langinfo.h>

// MARK: Signals

static volatile sig_atomic_t cd_pending_signal = 0;
static volatile sig_atomic_t cd_pending_resize = 0;

static void cd_on_signal(int signo) {
    if (signo == SIGWINCH) {
        cd_pending_resize = 1;
    } else {
        cd_pending_signal = signo;
    }
}

/// SIGINT, SIGTERM, SIGHUP and SIGWINCH interrupt reads (no SA_RESTART) and are reported by cd_take_signal.
static inline void cd_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cd_on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGWINCH, &action, NULL);
}

static inline int cd_take_signal(void) {
    int signo = cd_pending_signal;
    cd_pending_signal = 0;
    return signo;
}

// MARK: Reading characters

static int cd_input_fd = 0;

/// libedit's character reader (EL_GETCFN), so that a signal ends el_gets at once instead of being retried.
/// Decodes multibyte input with the current locale; invalid bytes become U+FFFD.
static int cd_read_char(EditLine *el, wchar_t *out) {
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    mbstate_t state;
    memset(&state, 0, sizeof state);
    for (;;) {
        if (cd_pending_signal) {
            errno = EINTR;
            return -1;
        }
        unsigned char byte;
        ssize_t n = read(cd_input_fd, &byte, 1);
        if (n == 0) return 0;
        if (n < 0) {
            if (errno == EINTR) {
                if (cd_pending_signal) return -1;
                if (cd_pending_resize) {
                    cd_pending_resize = 0;
                    el_resize(el);
                    el_set(el, EL_REFRESH);
                }
                continue;
            }
            return -1;
        }
        bytes[count++] = (char)byte;
        memset(&state, 0, sizeof state);
        size_t used = mbrtowc(out, bytes, count, &state);
        if (used == (size_t)-2 && count < MB_LEN_MAX) continue;
        if (used == (size_t)-1 || used == (size_t)-2) *out = 0xFFFD;
        return 1;
    }
}

// MARK: Ctrl-C

/// Ctrl-C typed at the prompt. ISIG is off while editing, so the key arrives as a character and is told
/// apart from a SIGINT sent by another process (which ends the session).
static int cd_line_discarded = 0;

static unsigned char cd_discard_line(EditLine *el, int ch) {
    (void)el;
    (void)ch;
    cd_line_discarded = 1;
    return CC_EOF;
}

static inline int cd_take_discard(void) {
    int discarded = cd_line_discarded;
    cd_line_discarded = 0;
    return discarded;
}

// MARK: Prompt

static char cd_prompt_text[1024] = "";

static char *cd_prompt(EditLine *el) {
    (void)el;
    return cd_prompt_text;
}

/// The prompt; bytes between two \1 characters are terminal escapes that take no room on screen.
static inline void cd_set_prompt(const char *text) {
    strncpy(cd_prompt_text, text, sizeof cd_prompt_text - 1);
    cd_prompt_text[sizeof cd_prompt_text - 1] = '\0';
}

// MARK: Completion

/// The words Tab completes, kept with the EditLine (EL_CLIENTDATA): static arrays in this header are not
/// reliably emitted when imported into Swift.
typedef struct {
    int count;
    char words[32][32];
} cd_completions;

/// Tab: completes a `:` command at the start of the line; lists the candidates when several match.
static unsigned char cd_complete(EditLine *el, int ch) {
    (void)ch;
    cd_completions *list = NULL;
    el_get(el, EL_CLIENTDATA, &list);
    if (list == NULL) return CC_ERROR;
    const LineInfo *line = el_line(el);
    size_t length = (size_t)(line->cursor - line->buffer);
    if (length == 0 || line->buffer[0] != ':' || memchr(line->buffer, ' ', length) != NULL) return CC_ERROR;
    int matches = 0;
    int last = -1;
    for (int i = 0; i < list->count; i++) {
        if (strncmp(list->words[i], line->buffer, length) == 0) {
            matches++;
            last = i;
        }
    }
    if (matches == 0) return CC_ERROR;
    if (matches == 1) {
        char rest[40];
        snprintf(rest, sizeof rest, "%s ", list->words[last] + length);
        el_insertstr(el, rest);
        return CC_REFRESH;
    }
    FILE *out = NULL;
    el_get(el, EL_GETFP, 1, &out);
    if (out == NULL) out = stdout;
    fputc('\n', out);
    for (int i = 0; i < list->count; i++) {
        if (strncmp(list->words[i], line->buffer, length) == 0) fprintf(out, "%s  ", list->words[i]);
    }
    fputc('\n', out);
    fflush(out);
    return CC_REDISPLAY;
}

// MARK: Set-up

/// Emacs keys, the prompt with \1 as the escape delimiter, our reader, history and Tab completion;
/// then ~/.editrc, so users' own bindings win.
static inline void cd_configure(EditLine *el, History *h, int input_fd, const char *words, int word_count) {
    cd_input_fd = input_fd;
    cd_completions *list = calloc(1, sizeof(cd_completions));
    if (list != NULL) {
        // `words` holds word_count NUL-terminated words back to back.
        const char *word = words;
        for (int i = 0; i < word_count && i < 32; i++) {
            strncpy(list->words[i], word, 31);
            list->count++;
            word += strlen(word) + 1;
        }
        el_set(el, EL_CLIENTDATA, list);
    }
    el_set(el, EL_EDITOR, "emacs");
    el_set(el, EL_PROMPT_ESC, cd_prompt, '\1');
    el_set(el, EL_GETCFN, cd_read_char);
    el_set(el, EL_HIST, history, h);
    el_set(el, EL_ADDFN, "coachdrill-complete", "Complete a CoachDrill command", cd_complete);
    el_set(el, EL_BIND, "^I", "coachdrill-complete", NULL);
    el_set(el, EL_SETTY, "-d", "-isig", NULL);
    el_set(el, EL_ADDFN, "coachdrill-discard", "Discard the line being typed", cd_discard_line);
    el_set(el, EL_BIND, "^C", "coachdrill-discard", NULL);
    el_source(el, NULL);
}

static inline void cd_history_configure(History *h, int size) {
    HistEvent event;
    history(h, &event, H_SETSIZE, size);
    history(h, &event, H_SETUNIQUE, 1);
}

/// Frees what cd_configure allocated, then the EditLine.
static inline void cd_end(EditLine *el) {
    cd_completions *list = NULL;
    el_get(el, EL_CLIENTDATA, &list);
    free(list);
    el_end(el);
}

static inline int cd_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int cd_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

static inline int cd_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

/// A UTF-8 character type for wide-character editing: the user's locale, or C.UTF-8 when it is plain C.
static inline void cd_use_utf8_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    }
}

#endif
