/* One masker shared by four threads: each masks the same 100 000 generated chat messages
 * (cards, IBANs, SSNs, emails, phones, clean text, several scripts) at the same time, and
 * every thread's output must equal the single-thread output, message by message. Threads 0
 * and 2 mask into a reused buffer, threads 1 and 3 through piimask_mask_alloc.
 * Usage: threads [MESSAGES]   (default 100000) */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "testing.h"

#define THREADS 4
#define MAX_MESSAGE 256

typedef struct corpus {
    size_t count;
    char *messages;          /* count * MAX_MESSAGE bytes */
    size_t *lengths;         /* of each message */
    char **expected;         /* the single-thread output of each message */
    size_t *expected_lengths;
} corpus;

typedef struct worker {
    const piimask_masker *masker;
    const corpus *corpus;
    int use_alloc;
    size_t mismatches;
    size_t failures;
} worker;

/* Writes message `i` (deterministic) into `out`, returning its length. */
static size_t make_message(size_t i, char *out) {
    unsigned n = (unsigned)(i * 2654435761u);
    int length;
    switch (i % 10) {
    case 0:
        length = snprintf(out, MAX_MESSAGE, "Hi, my card is 4111 1111 1111 1111, order %u arrived late", n % 100000);
        break;
    case 1:
        length = snprintf(out, MAX_MESSAGE, "call me on +44 7966 %06u please, after 10:30", n % 1000000);
        break;
    case 2:
        length = snprintf(out, MAX_MESSAGE, "mail user%u@example.com or melissa@gmail.com", n % 9973);
        break;
    case 3:
        length = snprintf(out, MAX_MESSAGE, "IBAN DE89 3704 0044 0532 0130 00, ref %u, 49,99 €", n % 1000);
        break;
    case 4:
        length = snprintf(out, MAX_MESSAGE, "SSN 123-45-%04u for the form", 1 + n % 9999);
        break;
    case 5:
        length = snprintf(out, MAX_MESSAGE, "Thanks! Order %u from 21/11/2026 at 09:%02u, total %u,%02u €",
                          n % 100000, n % 60, n % 500, n % 100);
        break;
    case 6:
        length = snprintf(out, MAX_MESSAGE, "Привет, мой номер +7 912 345-%02u-%02u, спасибо", n % 100, (n / 100) % 100);
        break;
    case 7:
        length = snprintf(out, MAX_MESSAGE, "tel 06 12 34 %02u %02u / carte 5555 5555 5555 4444 😀", n % 100,
                          (n / 7) % 100);
        break;
    case 8:
        length = snprintf(out, MAX_MESSAGE, "version 1.2.%u on 10.0.0.%u, no PII here", n % 50, n % 255);
        break;
    default:
        length = snprintf(out, MAX_MESSAGE, "%u%u %u-%u-%u", n, n / 3, n % 1000, n % 100, n % 10000);
        break;
    }
    return (size_t)length;
}

/* Masks message `i` with the chosen call; returns a string to free with free(), or NULL. */
static char *mask_one(const piimask_masker *masker, const corpus *c, size_t i, int use_alloc, char *buffer,
                      size_t *length) {
    const char *message = c->messages + i * MAX_MESSAGE;
    if (use_alloc) {
        char *masked = NULL;
        if (piimask_mask_alloc(masker, message, c->lengths[i], &masked, length, NULL) != PIIMASK_OK) {
            return NULL;
        }
        char *copy = malloc(*length + 1);
        memcpy(copy, masked, *length + 1);
        piimask_string_free(masked);
        return copy;
    }
    if (piimask_mask(masker, message, c->lengths[i], buffer, MAX_MESSAGE * 2, length, NULL) != PIIMASK_OK) {
        return NULL;
    }
    return buffer;
}

static void *work(void *argument) {
    worker *w = argument;
    char buffer[MAX_MESSAGE * 2];
    for (size_t i = 0; i < w->corpus->count; i++) {
        size_t length = 0;
        char *masked = mask_one(w->masker, w->corpus, i, w->use_alloc, buffer, &length);
        if (masked == NULL) {
            w->failures++;
            continue;
        }
        if (length != w->corpus->expected_lengths[i] || memcmp(masked, w->corpus->expected[i], length) != 0) {
            w->mismatches++;
        }
        if (masked != buffer) {
            free(masked);
        }
    }
    return NULL;
}

int main(int argc, char **argv) {
    corpus c;
    c.count = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 100000;
    c.messages = malloc(c.count * MAX_MESSAGE);
    c.lengths = malloc(c.count * sizeof *c.lengths);
    c.expected = malloc(c.count * sizeof *c.expected);
    c.expected_lengths = malloc(c.count * sizeof *c.expected_lengths);

    piimask_config *config = NULL;
    piimask_masker *masker = NULL;
    CHECK_STATUS(piimask_config_default(&config, NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_masker_new(config, &masker, NULL), PIIMASK_OK);
    piimask_config_free(config);

    /* The single-thread reference. */
    char buffer[MAX_MESSAGE * 2];
    size_t changed = 0;
    for (size_t i = 0; i < c.count; i++) {
        c.lengths[i] = make_message(i, c.messages + i * MAX_MESSAGE);
        size_t length = 0;
        char *masked = mask_one(masker, &c, i, 0, buffer, &length);
        CHECK(masked != NULL);
        c.expected[i] = malloc(length + 1);
        memcpy(c.expected[i], masked ? masked : "", masked ? length + 1 : 1);
        c.expected_lengths[i] = masked ? length : 0;
        changed += length != c.lengths[i] || memcmp(masked, c.messages + i * MAX_MESSAGE, length) != 0;
    }
    /* The corpus must exercise masking: most messages hold a value. */
    CHECK(changed > c.count / 2);

    pthread_t threads[THREADS];
    worker workers[THREADS];
    for (int t = 0; t < THREADS; t++) {
        workers[t] = (worker){masker, &c, t % 2, 0, 0};
        CHECK(pthread_create(&threads[t], NULL, work, &workers[t]) == 0);
    }
    for (int t = 0; t < THREADS; t++) {
        CHECK(pthread_join(threads[t], NULL) == 0);
        CHECK(workers[t].failures == 0);
        CHECK(workers[t].mismatches == 0);
        if (workers[t].mismatches || workers[t].failures) {
            fprintf(stderr, "thread %d: %zu mismatches, %zu failures\n", t, workers[t].mismatches,
                    workers[t].failures);
        }
    }
    printf("threads: %d threads x %zu messages (%zu masked) match the single-thread output\n", THREADS, c.count,
           changed);

    piimask_masker_free(masker);
    for (size_t i = 0; i < c.count; i++) {
        free(c.expected[i]);
    }
    free(c.expected);
    free(c.expected_lengths);
    free(c.lengths);
    free(c.messages);
    return testing_finish("threads");
}
