/* Runs every shared conformance vector (every *.toml under tests/vectors, converted by
 * vectors_to_data.py into a flat data file) through the C ABI, and fails listing every
 * vector that does not hold. A vector the ABI cannot run is counted as skipped, with the
 * reason. Usage: vectors DATA_FILE
 *
 * Masking vectors run piimask_mask (asking for the size first, then into an exact buffer),
 * piimask_mask_alloc, piimask_mask_bytes and piimask_find, whose character and UTF-16
 * offsets are checked against offsets computed here from the UTF-8 bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "piimask.h"

/* One record of the data file: a key and its payload (not NUL-terminated). */
typedef struct record {
    const char *key;
    size_t key_len;
    const char *data;
    size_t len;
} record;

/* The records of one vector, between `name` and `end`. */
#define MAX_RECORDS 4096
typedef struct vector {
    record records[MAX_RECORDS];
    size_t count;
} vector;

static unsigned long vectors_passed = 0, vectors_failed = 0, vectors_skipped = 0;
/* Whether the vector being run has failed (so each failing vector is counted once). */
static int current_failed = 0;
static const record *current_name = NULL;

/* Reports one way the current vector fails. */
static void fail(const char *what, const char *detail) {
    if (!current_failed) {
        fprintf(stderr, "FAIL %.*s\n", (int)current_name->len, current_name->data);
    }
    current_failed = 1;
    fprintf(stderr, "    %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
}

static int key_is(const record *r, const char *key) {
    return r->key_len == strlen(key) && memcmp(r->key, key, r->key_len) == 0;
}

/* The first record with this key, or NULL. */
static const record *find(const vector *v, const char *key) {
    for (size_t i = 0; i < v->count; i++) {
        if (key_is(&v->records[i], key)) {
            return &v->records[i];
        }
    }
    return NULL;
}

/* The n-th (0-based) record with this key, or NULL. */
static const record *nth(const vector *v, const char *key, size_t n) {
    for (size_t i = 0; i < v->count; i++) {
        if (key_is(&v->records[i], key) && n-- == 0) {
            return &v->records[i];
        }
    }
    return NULL;
}

/* A record's payload as a number. */
static size_t number(const record *r) {
    char text[32] = {0};
    memcpy(text, r->data, r->len < sizeof text - 1 ? r->len : sizeof text - 1);
    return (size_t)strtoull(text, NULL, 10);
}

/* Field `index` (tab-separated) of a record, copied NUL-terminated into `out`. */
static const char *field(const record *r, int index, char *out, size_t out_size) {
    const char *start = r->data, *end = r->data + r->len;
    for (; index > 0 && start < end; index--) {
        const char *tab = memchr(start, '\t', (size_t)(end - start));
        start = tab ? tab + 1 : end;
    }
    const char *stop = memchr(start, '\t', (size_t)(end - start));
    size_t len = (size_t)((stop ? stop : end) - start);
    if (len >= out_size) {
        len = out_size - 1;
    }
    memcpy(out, start, len);
    out[len] = '\0';
    return out;
}

/* A numeric field; `absent` when the field is empty. */
static size_t field_number(const record *r, int index, size_t absent) {
    char text[64];
    field(r, index, text, sizeof text);
    return text[0] == '\0' ? absent : (size_t)strtoull(text, NULL, 10);
}

/* Whether a C string equals a record's payload. */
static int same(const char *text, const record *r) {
    return text != NULL && strlen(text) == r->len && memcmp(text, r->data, r->len) == 0;
}

/* ---- maskers, built once per configuration ------------------------------------------ */

#define MAX_MASKERS 256
static struct {
    char *config;
    piimask_masker *masker;
} maskers[MAX_MASKERS];
static size_t masker_count = 0;

/* Builds a masker from a configuration record (NULL = defaults); returns the status and,
 * on failure, the error. */
static piimask_status build(const record *config, piimask_masker **masker, piimask_error **error) {
    piimask_config *parsed = NULL;
    piimask_status status = config ? piimask_config_parse(config->data, config->len, &parsed, error)
                                   : piimask_config_default(&parsed, error);
    if (status != PIIMASK_OK) {
        *masker = NULL;
        return status;
    }
    status = piimask_masker_new(parsed, masker, error);
    piimask_config_free(parsed);
    return status;
}

/* The masker of a configuration (cached), or NULL after reporting a failure. */
static piimask_masker *masker_for(const record *config) {
    for (size_t i = 0; i < masker_count; i++) {
        int match = config ? (maskers[i].config && strlen(maskers[i].config) == config->len &&
                              memcmp(maskers[i].config, config->data, config->len) == 0)
                           : maskers[i].config == NULL;
        if (match) {
            return maskers[i].masker;
        }
    }
    piimask_masker *masker = NULL;
    piimask_error *error = NULL;
    if (build(config, &masker, &error) != PIIMASK_OK) {
        fail("config rejected", error ? error->message : "?");
        piimask_error_free(error);
        return NULL;
    }
    if (masker_count == MAX_MASKERS) {
        fprintf(stderr, "too many configurations for the cache\n");
        exit(2);
    }
    maskers[masker_count].config = NULL;
    if (config) {
        maskers[masker_count].config = malloc(config->len + 1);
        memcpy(maskers[masker_count].config, config->data, config->len);
        maskers[masker_count].config[config->len] = '\0';
    }
    maskers[masker_count].masker = masker;
    return maskers[masker_count++].masker;
}

/* Checks that a failure has the expected code name and a well-formed error. */
static void expect_error(piimask_status status, const piimask_error *error, const record *expected) {
    if (!same(piimask_status_name(status), expected)) {
        char detail[256];
        snprintf(detail, sizeof detail, "got %s (%s), expected %.*s", piimask_status_name(status),
                 error ? error->message : "no error", (int)expected->len, expected->data);
        fail("error", detail);
    } else if (error == NULL || error->code != status || error->message == NULL) {
        fail("error", "the error object does not match the status");
    }
}

/* ---- offsets computed here, independently of the library ---------------------------- */

/* Characters (code points) and UTF-16 units in the first `byte` bytes of UTF-8 text. */
static void count_units(const char *text, size_t byte, size_t *chars, size_t *utf16) {
    *chars = 0;
    *utf16 = 0;
    for (size_t i = 0; i < byte; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c & 0xC0) != 0x80) {
            (*chars)++;
            (*utf16) += c >= 0xF0 ? 2 : 1;
        }
    }
}

/* ---- the four kinds of vectors ------------------------------------------------------ */

static void run_mask(const vector *v) {
    const record *error_rec = find(v, "error");
    const record *config = find(v, "config");
    if (error_rec) {
        piimask_masker *masker = NULL;
        piimask_error *error = NULL;
        piimask_status status = build(config, &masker, &error);
        if (status == PIIMASK_OK) {
            fail("expected an error, but the masker built", NULL);
        } else {
            expect_error(status, error, error_rec);
        }
        piimask_masker_free(masker);
        piimask_error_free(error);
        return;
    }
    piimask_masker *masker = masker_for(config);
    if (!masker) {
        return;
    }
    const record *input = find(v, "input");
    const record *bytes = find(v, "input_bytes");
    const record *expected = find(v, "output");
    const record *source = input ? input : bytes;
    piimask_error *error = NULL;

    /* The byte API, for every input. */
    char *masked_bytes = NULL;
    size_t masked_bytes_len = 0;
    if (piimask_mask_bytes_alloc(masker, source->data, source->len, &masked_bytes, &masked_bytes_len,
                                 &error) != PIIMASK_OK) {
        fail("piimask_mask_bytes_alloc failed", error ? error->message : "?");
        piimask_error_free(error);
        return;
    }
    if (expected && (masked_bytes_len != expected->len ||
                     memcmp(masked_bytes, expected->data, expected->len) != 0)) {
        char detail[2048];
        snprintf(detail, sizeof detail, "got \"%.*s\", expected \"%.*s\"", (int)masked_bytes_len,
                 masked_bytes, (int)expected->len, expected->data);
        fail("output", detail);
    }

    /* The text API: the size first, then an exact buffer; it must agree with the byte API. */
    size_t needed = 12345;
    piimask_status status = piimask_mask(masker, source->data, source->len, NULL, 0, &needed, &error);
    if (status == PIIMASK_INVALID_UTF8) {
        if (input) {
            fail("piimask_mask rejected UTF-8 input", error ? error->message : "?");
        } else if (!error || error->byte >= source->len) {
            fail("INVALID_UTF8 without a byte offset in the input", NULL);
        }
        piimask_error_free(error);
        error = NULL;
    } else if (status != PIIMASK_BUFFER_TOO_SMALL || needed != masked_bytes_len) {
        fail("piimask_mask with no buffer must report the masked length", NULL);
        piimask_error_free(error);
        error = NULL;
    } else {
        piimask_error_free(error);
        char *buffer = malloc(needed + 1);
        size_t written = 0;
        status = piimask_mask(masker, source->data, source->len, buffer, needed + 1, &written, &error);
        if (status != PIIMASK_OK || written != masked_bytes_len || buffer[written] != '\0' ||
            memcmp(buffer, masked_bytes, written) != 0) {
            fail("piimask_mask differs from piimask_mask_bytes", error ? error->message : NULL);
        }
        free(buffer);
        char *allocated = NULL;
        size_t allocated_len = 0;
        status = piimask_mask_alloc(masker, source->data, source->len, &allocated, &allocated_len, &error);
        if (status != PIIMASK_OK || allocated_len != masked_bytes_len ||
            memcmp(allocated, masked_bytes, allocated_len) != 0 || allocated[allocated_len] != '\0') {
            fail("piimask_mask_alloc differs from piimask_mask_bytes", error ? error->message : NULL);
        }
        piimask_string_free(allocated);
        piimask_error_free(error);
        error = NULL;
    }
    piimask_string_free(masked_bytes);

    const record *match_count = find(v, "match_count");
    if (!match_count) {
        return;
    }
    piimask_match found[64];
    size_t count = 0;
    status = piimask_find(masker, source->data, source->len, found, 64, &count, &error);
    if (status == PIIMASK_INVALID_UTF8 && !input) {
        piimask_error_free(error);
        fprintf(stderr, "SKIP %.*s: matches of input that is not UTF-8 (piimask_find takes text)\n",
                (int)current_name->len, current_name->data);
        vectors_skipped++;
        current_failed = -1;
        return;
    }
    if (status != PIIMASK_OK) {
        fail("piimask_find failed", error ? error->message : "?");
        piimask_error_free(error);
        return;
    }
    size_t wanted = number(match_count);
    int differ = count != wanted;
    for (size_t i = 0; i < count && i < wanted && !differ; i++) {
        const record *m = nth(v, "match", i);
        char kind[32];
        field(m, 0, kind, sizeof kind);
        differ = strcmp(piimask_kind_name(found[i].kind), kind) != 0 ||
                 found[i].start != field_number(m, 1, 0) || found[i].end != field_number(m, 2, 0);
        size_t chars, utf16;
        count_units(source->data, found[i].start, &chars, &utf16);
        if (found[i].char_start != chars || found[i].utf16_start != utf16) {
            fail("start offsets in characters or UTF-16 units", NULL);
        }
        count_units(source->data, found[i].end, &chars, &utf16);
        if (found[i].char_end != chars || found[i].utf16_end != utf16) {
            fail("end offsets in characters or UTF-16 units", NULL);
        }
    }
    if (differ) {
        char detail[2048];
        int at = snprintf(detail, sizeof detail, "got [");
        for (size_t i = 0; i < count && at < 1800; i++) {
            at += snprintf(detail + at, sizeof detail - (size_t)at, "%s %zu..%zu%s",
                           piimask_kind_name(found[i].kind), found[i].start, found[i].end,
                           i + 1 < count ? ", " : "");
        }
        snprintf(detail + at, sizeof detail - (size_t)at, "], expected %zu matches", wanted);
        fail("matches", detail);
    }
}

static void run_template(const vector *v) {
    const record *error_rec = find(v, "error");
    piimask_masker *masker = masker_for(find(v, "config"));
    if (!masker) {
        return;
    }
    const record *source = find(v, "template");
    piimask_template *template = NULL;
    piimask_context *context = NULL;
    piimask_values *values = NULL;
    piimask_error *error = NULL;
    char *output = NULL;
    size_t output_len = 0;
    piimask_status status = piimask_template_parse(source->data, source->len, &template, &error);
    if (status == PIIMASK_OK) {
        const record *variable_count = find(v, "variable_count");
        if (variable_count) {
            const char *const *names = NULL;
            size_t count = 0;
            piimask_template_variables(template, &names, &count, NULL);
            int differ = count != number(variable_count);
            for (size_t i = 0; i < count && !differ; i++) {
                differ = !same(names[i], nth(v, "variable", i));
            }
            if (differ) {
                fail("variables", NULL);
            }
        }
        const record *context_rec = find(v, "context");
        if (context_rec) {
            status = piimask_context_parse(context_rec->data, context_rec->len, &context, &error);
        }
    }
    if (status == PIIMASK_OK) {
        piimask_values_new(&values, NULL);
        size_t value_count = number(find(v, "value_count"));
        for (size_t i = 0; i < value_count; i++) {
            const record *name = nth(v, "value_name", i), *text = nth(v, "value_text", i);
            if (piimask_values_set(values, name->data, name->len, text->data, text->len, NULL) !=
                PIIMASK_OK) {
                fail("piimask_values_set failed", NULL);
            }
        }
        status = piimask_template_render(template, values, context, masker, &output, &output_len, &error);
    }
    const record *expected = find(v, "output");
    if (status == PIIMASK_OK) {
        if (error_rec) {
            fail("expected an error, but it rendered", NULL);
        } else if (expected && (output_len != expected->len || memcmp(output, expected->data, output_len))) {
            char detail[2048];
            snprintf(detail, sizeof detail, "got \"%.*s\", expected \"%.*s\"", (int)output_len, output,
                     (int)expected->len, expected->data);
            fail("output", detail);
        }
    } else if (!error_rec) {
        if (expected) {
            fail("failed", error ? error->message : "?");
        }
    } else {
        expect_error(status, error, error_rec);
        const record *at = find(v, "error_at");
        if (at && error && (error->byte != field_number(at, 0, 0) || error->character != field_number(at, 1, 0))) {
            char detail[128];
            snprintf(detail, sizeof detail, "got byte %zu char %zu", error->byte, error->character);
            fail("error_at", detail);
        }
        const record *missing = find(v, "missing_count");
        if (missing && error) {
            int differ = error->detail_count != number(missing);
            for (size_t i = 0; i < error->detail_count && !differ; i++) {
                differ = !same(error->details[i].variable, nth(v, "missing", i));
            }
            if (differ) {
                fail("missing", error->message);
            }
        }
        const record *reserved = find(v, "reserved_count");
        if (reserved && error) {
            int differ = error->detail_count != number(reserved);
            for (size_t i = 0; i < error->detail_count && !differ; i++) {
                const record *r = nth(v, "reserved", i);
                char name[128];
                field(r, 0, name, sizeof name);
                const piimask_error_detail *d = &error->details[i];
                differ = d->variable == NULL || strcmp(d->variable, name) != 0 ||
                         d->byte != field_number(r, 1, 0) || d->character != field_number(r, 2, 0);
            }
            if (differ) {
                fail("reserved", error->message);
            }
        }
    }
    piimask_string_free(output);
    piimask_error_free(error);
    piimask_values_free(values);
    piimask_context_free(context);
    piimask_template_free(template);
}

static void run_library(const vector *v) {
    const record *text = find(v, "library");
    const record *error_rec = find(v, "error");
    piimask_library *library = NULL;
    piimask_error *error = NULL;
    piimask_status status = piimask_library_parse(text->data, text->len, &library, &error);
    if (status != PIIMASK_OK) {
        if (!error_rec) {
            fail("library rejected", error ? error->message : "?");
        } else {
            expect_error(status, error, error_rec);
            const record *problems = find(v, "library_problem_count");
            if (problems && error) {
                int differ = error->detail_count != number(problems);
                for (size_t i = 0; i < error->detail_count && !differ; i++) {
                    const record *p = nth(v, "library_problem", i);
                    const piimask_error_detail *d = &error->details[i];
                    char field_name[128], problem[64];
                    field(p, 1, field_name, sizeof field_name);
                    field(p, 3, problem, sizeof problem);
                    differ = d->block != field_number(p, 0, PIIMASK_NONE) ||
                             (field_name[0] ? (d->field == NULL || strcmp(d->field, field_name) != 0)
                                            : d->field != NULL) ||
                             d->line != field_number(p, 2, 0) || d->problem == NULL ||
                             strcmp(d->problem, problem) != 0;
                }
                if (differ) {
                    fail("library_problems", error->message);
                }
            }
        }
        piimask_error_free(error);
        return;
    }
    if (error_rec) {
        fail("expected an error, but the library loaded", NULL);
    }
    const piimask_text_block *blocks = NULL;
    size_t block_count = 0;
    piimask_library_blocks(library, &blocks, &block_count, NULL);
    const record *expected_blocks = find(v, "blocks");
    if (expected_blocks && block_count != number(expected_blocks)) {
        fail("blocks", NULL);
    }
    const record *query = find(v, "query");
    const record *results = find(v, "result_count");
    if (query && results) {
        size_t limit = number(find(v, "limit"));
        piimask_search_hit *hits = malloc((limit ? limit : 1) * sizeof *hits);
        size_t count = 0;
        status = piimask_library_search(library, query->data, query->len, hits, limit, &count, NULL);
        int differ = status != PIIMASK_OK || count != number(results);
        for (size_t i = 0; i < count && !differ; i++) {
            const record *r = nth(v, "result", i);
            char shortcut[256], rank[64];
            field(r, 0, shortcut, sizeof shortcut);
            field(r, 1, rank, sizeof rank);
            const piimask_str *got = &blocks[hits[i].block].shortcut;
            differ = !(got->len == strlen(shortcut) && memcmp(got->ptr, shortcut, got->len) == 0) ||
                     strcmp(piimask_rank_name(hits[i].rank), rank) != 0;
        }
        if (differ) {
            fail("results", NULL);
        }
        free(hits);
    }
    piimask_library_free(library);
}

static void run_message(const vector *v) {
    piimask_masker *masker = masker_for(find(v, "config"));
    if (!masker) {
        return;
    }
    const record *message = find(v, "message");
    piimask_message_report *report = NULL;
    piimask_error *error = NULL;
    if (piimask_message_check(masker, message->data, message->len, &report, &error) != PIIMASK_OK) {
        fail("piimask_message_check failed", error ? error->message : "?");
        piimask_error_free(error);
        return;
    }
    const record *chars = find(v, "chars");
    if (chars && report->chars != number(chars)) {
        fail("chars", NULL);
    }
    if (report->sendable != (report->problem_count == 0)) {
        fail("sendable disagrees with the problems", NULL);
    }
    const record *problems = find(v, "problem_count");
    if (problems) {
        int differ = report->problem_count != number(problems);
        for (size_t i = 0; i < report->problem_count && !differ; i++) {
            const record *p = nth(v, "problem", i);
            char name[64];
            field(p, 0, name, sizeof name);
            const piimask_message_problem *got = &report->problems[i];
            differ = strcmp(piimask_problem_name(got->problem), name) != 0 ||
                     got->byte != field_number(p, 1, 0) || got->character != field_number(p, 2, 0) ||
                     got->message == NULL;
        }
        if (differ) {
            fail("problems", NULL);
        }
    }
    const record *pii = find(v, "pii_count");
    if (pii) {
        int differ = report->pii_count != number(pii);
        for (size_t i = 0; i < report->pii_count && !differ; i++) {
            const record *p = nth(v, "pii", i);
            char kind[32];
            field(p, 0, kind, sizeof kind);
            const piimask_match *got = &report->pii[i];
            differ = strcmp(piimask_kind_name(got->kind), kind) != 0 || got->start != field_number(p, 1, 0) ||
                     got->end != field_number(p, 2, 0) || got->char_start != field_number(p, 3, 0) ||
                     got->char_end != field_number(p, 4, 0);
        }
        if (differ) {
            fail("pii", NULL);
        }
    }
    piimask_message_report_free(report);
}

/* ---- the data file ------------------------------------------------------------------ */

static char *read_file(const char *path, size_t *size) {
    FILE *file = fopen(path, "rb");
    if (!file) {
        perror(path);
        exit(2);
    }
    fseek(file, 0, SEEK_END);
    long length = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *data = malloc((size_t)length + 1);
    if (fread(data, 1, (size_t)length, file) != (size_t)length) {
        perror(path);
        exit(2);
    }
    fclose(file);
    *size = (size_t)length;
    return data;
}

/* Reads the record at `*at`, advancing past it; returns 0 at the end of the data. */
static int next_record(const char *data, size_t size, size_t *at, record *r) {
    if (*at >= size) {
        return 0;
    }
    const char *start = data + *at;
    const char *space = memchr(start, ' ', size - *at);
    const char *newline = space ? memchr(space, '\n', size - (size_t)(space - data)) : NULL;
    if (!space || !newline) {
        fprintf(stderr, "malformed data file at byte %zu\n", *at);
        exit(2);
    }
    r->key = start;
    r->key_len = (size_t)(space - start);
    r->len = (size_t)strtoull(space + 1, NULL, 10);
    r->data = newline + 1;
    *at = (size_t)(r->data - data) + r->len + 1;
    if (*at > size) {
        fprintf(stderr, "truncated data file\n");
        exit(2);
    }
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s VECTORS_DATA_FILE\n", argv[0]);
        return 2;
    }
    size_t size = 0, at = 0;
    char *data = read_file(argv[1], &size);
    static vector v;
    record r;
    while (next_record(data, size, &at, &r)) {
        if (key_is(&r, "name")) {
            v.count = 0;
        }
        if (v.count == MAX_RECORDS) {
            fprintf(stderr, "a vector has too many records\n");
            return 2;
        }
        v.records[v.count++] = r;
        if (!key_is(&r, "end")) {
            continue;
        }
        current_name = find(&v, "name");
        current_failed = 0;
        const record *subject = find(&v, "subject");
        if (same("mask", subject)) {
            run_mask(&v);
        } else if (same("template", subject)) {
            run_template(&v);
        } else if (same("library", subject)) {
            run_library(&v);
        } else if (same("message", subject)) {
            run_message(&v);
        } else {
            fail("unknown subject", NULL);
        }
        if (current_failed > 0) {
            vectors_failed++;
        } else if (current_failed == 0) {
            vectors_passed++;
        }
    }
    for (size_t i = 0; i < masker_count; i++) {
        piimask_masker_free(maskers[i].masker);
        free(maskers[i].config);
    }
    free(data);
    printf("conformance vectors (C ABI, %zu configurations): %lu passed, %lu failed, %lu skipped\n",
           masker_count, vectors_passed, vectors_failed, vectors_skipped);
    printf("vectors: %lu passed, %lu failed, %lu skipped\n", vectors_passed, vectors_failed, vectors_skipped);
    return vectors_failed == 0 && vectors_passed > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
