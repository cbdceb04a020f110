/* Per-call cost of piimask_mask seen from C, on the two 120-byte messages of the Rust
 * benchmark (benches/src/lib.rs: MESSAGE_CLEAN, MESSAGE_CARD). The C ABI's overhead is this
 * figure minus the Rust `mask` figure of `cargo bench -p piimask-benches --bench mask --
 * message-120B` (criterion). Not a test: scripts/bench-c builds it in release and runs it.
 *
 * Usage: mask_overhead [CALLS_PER_BATCH]   (default 200000; 15 batches: median and fastest) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "piimask.h"

#define BATCHES 15

static const char MESSAGE_CLEAN[] = "Hi! My order from 21/11 still hasn't arrived, it was 49,99 € and tracking says "
                                    "10:30 yesterday. Can you help me asap?!";
static const char MESSAGE_CARD[] = "Hello, please charge my card 4111 1111 1111 1111 for the order from yesterday, "
                                   "the total was 49,99 € thanks a lot :-)!";

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A sink the compiler cannot see through, so no call is optimised away. */
volatile size_t sink;

/* Which call to time. */
enum call { MASK, MASK_BYTES, MASK_ALLOC };

/* Times `calls` calls per batch over BATCHES batches; gives the median and the fastest batch's
 * mean time per call, in nanoseconds (the fastest is the least disturbed by other work). */
static void time_calls(const piimask_masker *masker, const char *message, size_t calls, enum call call,
                       double *median, double *fastest) {
    size_t length = strlen(message);
    char output[512];
    double batches[BATCHES];
    for (int b = -1; b < BATCHES; b++) { /* batch -1 warms up */
        double start = now_ns();
        for (size_t i = 0; i < calls; i++) {
            size_t written = 0;
            if (call == MASK_ALLOC) {
                char *masked = NULL;
                piimask_mask_alloc(masker, message, length, &masked, &written, NULL);
                piimask_string_free(masked);
            } else if (call == MASK_BYTES) {
                piimask_mask_bytes(masker, message, length, output, sizeof output, &written, NULL);
            } else {
                piimask_mask(masker, message, length, output, sizeof output, &written, NULL);
            }
            sink += written;
        }
        if (b >= 0) {
            batches[b] = (now_ns() - start) / (double)calls;
        }
    }
    qsort(batches, BATCHES, sizeof batches[0], compare);
    *median = batches[BATCHES / 2];
    *fastest = batches[0];
}

int main(int argc, char **argv) {
    size_t calls = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 200000;
    if (strlen(MESSAGE_CLEAN) != 120 || strlen(MESSAGE_CARD) != 120) {
        fprintf(stderr, "the benchmark messages must be 120 bytes, as in the Rust benchmark\n");
        return EXIT_FAILURE;
    }
    piimask_config *config = NULL;
    piimask_masker *masker = NULL;
    if (piimask_config_default(&config, NULL) != PIIMASK_OK || piimask_masker_new(config, &masker, NULL) != PIIMASK_OK) {
        return EXIT_FAILURE;
    }
    piimask_config_free(config);
    printf("piimask %s, %zu calls x %d batches\n", piimask_version(), calls, BATCHES);
    static const struct {
        const char *name;
        const char *message;
        enum call call;
    } cases[] = {
        {"message-120B/piimask_mask/no-pii", MESSAGE_CLEAN, MASK},
        {"message-120B/piimask_mask/one-card", MESSAGE_CARD, MASK},
        {"message-120B/piimask_mask_bytes/no-pii", MESSAGE_CLEAN, MASK_BYTES},
        {"message-120B/piimask_mask_alloc/no-pii", MESSAGE_CLEAN, MASK_ALLOC},
        {"message-120B/piimask_mask_alloc/one-card", MESSAGE_CARD, MASK_ALLOC},
        {"empty/piimask_mask", "", MASK},
    };
    printf("%-42s %12s %12s\n", "call", "median", "fastest");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double median, fastest;
        time_calls(masker, cases[i].message, calls, cases[i].call, &median, &fastest);
        printf("%-42s %9.1f ns %9.1f ns\n", cases[i].name, median, fastest);
    }
    piimask_masker_free(masker);
    return EXIT_SUCCESS;
}
