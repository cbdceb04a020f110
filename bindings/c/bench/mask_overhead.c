/* Per-call cost of piimask_mask seen from C, on the two 120-byte messages of the Rust
 * benchmark (benches/src/lib.rs: MESSAGE_CLEAN, MESSAGE_CARD). The C ABI's overhead is this
 * figure minus the Rust `mask` figure of `cargo bench -p piimask-benches --bench mask --
 * message-120B` (criterion). Not a test: scripts/bench-c builds it in release and runs it.
 *
 * Usage: mask_overhead [CALLS_PER_BATCH]   (default 200000; 15 batches, median reported) */
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

/* The median over BATCHES batches of the mean time of one call, in nanoseconds. */
static double time_mask(const piimask_masker *masker, const char *message, size_t calls, int alloc) {
    size_t length = strlen(message);
    char output[512];
    double batches[BATCHES];
    for (int b = -1; b < BATCHES; b++) { /* batch -1 warms up */
        double start = now_ns();
        for (size_t i = 0; i < calls; i++) {
            size_t written = 0;
            if (alloc) {
                char *masked = NULL;
                piimask_mask_alloc(masker, message, length, &masked, &written, NULL);
                piimask_string_free(masked);
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
    return batches[BATCHES / 2];
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
    printf("piimask %s, %zu calls x %d batches, median batch\n", piimask_version(), calls, BATCHES);
    printf("message-120B/piimask_mask/no-pii        %8.1f ns/call\n", time_mask(masker, MESSAGE_CLEAN, calls, 0));
    printf("message-120B/piimask_mask/one-card      %8.1f ns/call\n", time_mask(masker, MESSAGE_CARD, calls, 0));
    printf("message-120B/piimask_mask_alloc/no-pii  %8.1f ns/call\n", time_mask(masker, MESSAGE_CLEAN, calls, 1));
    printf("message-120B/piimask_mask_alloc/one-card%8.1f ns/call\n", time_mask(masker, MESSAGE_CARD, calls, 1));
    piimask_masker_free(masker);
    return EXIT_SUCCESS;
}
