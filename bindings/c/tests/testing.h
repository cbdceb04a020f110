/* A tiny test harness shared by the C suites: CHECK counts and reports, and each suite ends
 * with one line "SUITE: N passed, N failed" and a non-zero exit status on any failure. */
#ifndef PIIMASK_TESTING_H
#define PIIMASK_TESTING_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "piimask.h"

static unsigned long testing_passed = 0;
static unsigned long testing_failed = 0;

/* Counts one check; on failure prints where and what, and carries on. */
#define CHECK(condition)                                                                      \
    do {                                                                                      \
        if (condition) {                                                                      \
            testing_passed++;                                                                 \
        } else {                                                                              \
            testing_failed++;                                                                 \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);     \
        }                                                                                     \
    } while (0)

/* Checks that a call returned the expected status, naming both when not. */
#define CHECK_STATUS(call, expected)                                                          \
    do {                                                                                      \
        piimask_status testing_got = (call);                                                  \
        if (testing_got == (expected)) {                                                      \
            testing_passed++;                                                                 \
        } else {                                                                              \
            testing_failed++;                                                                 \
            fprintf(stderr, "%s:%d: %s returned %s, expected %s\n", __FILE__, __LINE__,      \
                    #call, testing_name(testing_got), testing_name(expected));                \
        }                                                                                     \
    } while (0)

/* A status's name, or "?" for a number that is not a status. */
static inline const char *testing_name(piimask_status status) {
    const char *name = piimask_status_name(status);
    return name != NULL ? name : "?";
}

/* Whether `length` bytes at `text` equal the NUL-terminated `expected`. */
static inline int testing_equal(const char *text, size_t length, const char *expected) {
    return text != NULL && length == strlen(expected) && memcmp(text, expected, length) == 0;
}

/* Prints the closing line and returns the exit status. */
static inline int testing_finish(const char *suite) {
    printf("%s: %lu passed, %lu failed\n", suite, testing_passed, testing_failed);
    return testing_failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
