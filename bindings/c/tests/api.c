/* What the conformance vectors do not cover: masking in place, NUL bytes inside text,
 * versions, the views of templates, libraries and reports, and the allocating calls. */
#include "testing.h"

#include <stdint.h>

static piimask_masker *make_masker(const char *options) {
    piimask_config *config = NULL;
    piimask_masker *masker = NULL;
    CHECK_STATUS(piimask_config_parse(options, strlen(options), &config, NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_masker_new(config, &masker, NULL), PIIMASK_OK);
    piimask_config_free(config);
    return masker;
}

static void versions(void) {
    CHECK(strcmp(piimask_version(), PIIMASK_VERSION) == 0);
    char expected[32];
    snprintf(expected, sizeof expected, "%d.%d.%d", PIIMASK_VERSION_MAJOR, PIIMASK_VERSION_MINOR,
             PIIMASK_VERSION_PATCH);
    CHECK(strcmp(expected, PIIMASK_VERSION) == 0);
    CHECK(strlen(piimask_ruleset_version()) >= 8);
    CHECK(PIIMASK_NONE == SIZE_MAX);
    CHECK(PIIMASK_MAX_MESSAGE_CHARS == 1000);
}

static void masking(piimask_masker *masker) {
    char buffer[128];
    size_t len = 0;

    /* In place: the output is the input's own buffer. */
    strcpy(buffer, "card 4111 1111 1111 1111, thanks");
    CHECK_STATUS(piimask_mask(masker, buffer, strlen(buffer), buffer, sizeof buffer, &len, NULL), PIIMASK_OK);
    CHECK(strcmp(buffer, "card ************1111, thanks") == 0 && len == strlen(buffer));
    /* Overlapping: the input starts inside the output buffer. */
    strcpy(buffer, "0123456789mail melissa@gmail.com");
    CHECK_STATUS(piimask_mask(masker, buffer + 10, strlen(buffer + 10), buffer, sizeof buffer, &len, NULL),
                 PIIMASK_OK);
    CHECK(strcmp(buffer, "mail m******@gmail.com") == 0);
    /* Nothing to mask, in place. */
    strcpy(buffer, "see you at 10:30");
    CHECK_STATUS(piimask_mask(masker, buffer, strlen(buffer), buffer, sizeof buffer, &len, NULL), PIIMASK_OK);
    CHECK(strcmp(buffer, "see you at 10:30") == 0);

    /* A NUL byte is text like any other: the lengths carry it. */
    const char with_nul[] = "a\0b 4111111111111111";
    CHECK_STATUS(piimask_mask(masker, with_nul, sizeof with_nul - 1, buffer, sizeof buffer, &len, NULL), PIIMASK_OK);
    CHECK(len == 20 && memcmp(buffer, "a\0b ************1111", 20) == 0);

    /* Bytes pass through around values; the allocating variant agrees. */
    const char bytes[] = "\xff\xfe SSN 123-45-6789 \xc3";
    char *masked = NULL;
    CHECK_STATUS(piimask_mask_bytes_alloc(masker, bytes, sizeof bytes - 1, &masked, &len, NULL), PIIMASK_OK);
    CHECK(len == 20 && memcmp(masked, "\xff\xfe SSN *******6789 \xc3", 20) == 0 && masked[len] == '\0');
    piimask_string_free(masked);
    CHECK_STATUS(piimask_mask_alloc(masker, "+447966197542", 13, &masked, NULL, NULL), PIIMASK_OK);
    CHECK(strcmp(masked, "*********7542") == 0);
    piimask_string_free(masked);
}

static void finding(piimask_masker *masker) {
    /* A 4-byte emoji is 1 character and 2 UTF-16 units. */
    const char *text = "😀😀 +447966197542";
    piimask_match found[4];
    size_t count = 0;
    CHECK_STATUS(piimask_find(masker, text, strlen(text), found, 4, &count, NULL), PIIMASK_OK);
    CHECK(count == 1);
    CHECK(found[0].kind == PIIMASK_KIND_PHONE && strcmp(piimask_kind_name(found[0].kind), "phone") == 0);
    CHECK(found[0].start == 9 && found[0].end == 22);
    CHECK(found[0].char_start == 3 && found[0].char_end == 16);
    CHECK(found[0].utf16_start == 5 && found[0].utf16_end == 18);
    CHECK_STATUS(piimask_find(masker, "nothing", 7, found, 4, &count, NULL), PIIMASK_OK);
    CHECK(count == 0);
}

static void templates(piimask_masker *masker) {
    const char *source = "<date>: <customer.name>, SSN <ssn>, agent <agent.id>\nBye <customer.name>";
    piimask_template *template = NULL;
    CHECK_STATUS(piimask_template_parse(source, strlen(source), &template, NULL), PIIMASK_OK);
    const char *const *names = NULL;
    size_t count = 0;
    CHECK_STATUS(piimask_template_variables(template, &names, &count, NULL), PIIMASK_OK);
    CHECK(count == 4 && strcmp(names[0], "date") == 0 && strcmp(names[3], "agent.id") == 0);

    const char *desk = "date = \"2026-11-21\"\ndate_format = \"%d/%m/%Y\"\nagent_id = \"4111111111111111\"\n"
                       "unmasked_variables = [\"agent.id\"]\n";
    piimask_context *context = NULL;
    CHECK_STATUS(piimask_context_parse(desk, strlen(desk), &context, NULL), PIIMASK_OK);
    piimask_values *values = NULL;
    CHECK_STATUS(piimask_values_new(&values, NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_values_set(values, "customer.name", 13, "melissa@gmail.com", 17, NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_values_set(values, "ssn", 3, "123456789", 9, NULL), PIIMASK_OK);
    char *output = NULL;
    size_t len = 0;
    CHECK_STATUS(piimask_template_render(template, values, context, masker, &output, &len, NULL), PIIMASK_OK);
    /* The agent ID is safe by construction (unmasked_variables); the rest is masked, the
     * template's context word makes nine digits an SSN, and the line break is kept. */
    CHECK(output != NULL &&
          strcmp(output, "21/11/2026: m******@gmail.com, SSN *****6789, agent 4111111111111111\nBye m******@gmail.com") == 0);
    CHECK(output != NULL && len == strlen(output));
    piimask_string_free(output);
    /* A later value replaces an earlier one. */
    CHECK_STATUS(piimask_values_set(values, "customer.name", 13, "Ana", 3, NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_template_render(template, values, context, masker, &output, NULL, NULL), PIIMASK_OK);
    CHECK(output != NULL && strstr(output, "Bye Ana") != NULL);
    piimask_string_free(output);

    piimask_values_free(values);
    piimask_context_free(context);
    piimask_template_free(template);
}

static void libraries(piimask_masker *masker) {
    const char *json = "{\"block\": ["
                       "{\"shortcut\": \"delay\", \"title\": \"Delivery delay\", \"body\": \"Sorry, <customer.name>.\","
                       " \"tags\": [\"late\", \"order\"], \"language\": \"en\"},"
                       "{\"shortcut\": \"retard\", \"title\": \"Retard de livraison\", \"body\": \"Désolé.\"}"
                       "]}";
    piimask_library *library = NULL;
    CHECK_STATUS(piimask_library_parse(json, strlen(json), &library, NULL), PIIMASK_OK);
    const piimask_text_block *blocks = NULL;
    size_t count = 0;
    CHECK_STATUS(piimask_library_blocks(library, &blocks, &count, NULL), PIIMASK_OK);
    CHECK(count == 2);
    CHECK(testing_equal(blocks[0].shortcut.ptr, blocks[0].shortcut.len, "delay"));
    CHECK(testing_equal(blocks[0].title.ptr, blocks[0].title.len, "Delivery delay"));
    CHECK(testing_equal(blocks[0].language.ptr, blocks[0].language.len, "en"));
    CHECK(blocks[0].tag_count == 2 && testing_equal(blocks[0].tags[1].ptr, blocks[0].tags[1].len, "order"));
    CHECK(blocks[1].language.ptr == NULL && blocks[1].language.len == 0 && blocks[1].tag_count == 0);
    CHECK(strcmp(blocks[1].title.ptr, "Retard de livraison") == 0); /* also a C string */

    /* A block body is a template like any other. */
    const char *const *names = NULL;
    size_t name_count = 0;
    CHECK_STATUS(piimask_template_variables(blocks[0].body, &names, &name_count, NULL), PIIMASK_OK);
    CHECK(name_count == 1 && strcmp(names[0], "customer.name") == 0);
    piimask_values *values = NULL;
    CHECK_STATUS(piimask_values_new(&values, NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_values_set(values, "customer.name", 13, "+447966197542", 13, NULL), PIIMASK_OK);
    char *reply = NULL;
    CHECK_STATUS(piimask_template_render(blocks[0].body, values, NULL, masker, &reply, NULL, NULL), PIIMASK_OK);
    CHECK(reply != NULL && strcmp(reply, "Sorry, *********7542.") == 0);
    piimask_string_free(reply);
    piimask_values_free(values);

    piimask_search_hit hits[4];
    CHECK_STATUS(piimask_library_search(library, "#del", 4, hits, 4, &count, NULL), PIIMASK_OK);
    CHECK(count == 1 && hits[0].block == 0 && hits[0].rank == PIIMASK_RANK_TITLE_PREFIX);
    CHECK_STATUS(piimask_library_search(library, "#delay", 6, hits, 4, &count, NULL), PIIMASK_OK);
    CHECK(count == 1 && hits[0].rank == PIIMASK_RANK_EXACT_SHORTCUT);
    CHECK_STATUS(piimask_library_search(library, "#", 1, hits, 4, &count, NULL), PIIMASK_OK);
    CHECK(count == 2 && hits[1].block == 1 && hits[1].rank == PIIMASK_RANK_ALL);
    CHECK_STATUS(piimask_library_search(library, "#", 1, hits, 1, &count, NULL), PIIMASK_OK);
    CHECK(count == 1);
    CHECK_STATUS(piimask_library_search(library, "#LIVRAISON", 10, hits, 4, &count, NULL), PIIMASK_OK);
    CHECK(count == 1 && hits[0].block == 1 && strcmp(piimask_rank_name(hits[0].rank), "word_prefix") == 0);
    piimask_library_free(library);
}

static void messages(piimask_masker *masker) {
    const char *draft = "Écrivez à <melissa@gmail.com>";
    piimask_message_report *report = NULL;
    CHECK_STATUS(piimask_message_check(masker, draft, strlen(draft), &report, NULL), PIIMASK_OK);
    CHECK(report->chars == 29 && !report->sendable && report->problem_count == 2 && report->pii_count == 1);
    CHECK(report->problems[0].problem == PIIMASK_PROBLEM_RESERVED_CHARACTER && report->problems[0].code_point == '<');
    CHECK(report->problems[0].byte == 12 && report->problems[0].character == 10);
    CHECK(report->problems[1].code_point == '>' && strstr(report->problems[1].message, "reserved") != NULL);
    CHECK(strstr(report->problems[1].message, "melissa") == NULL);
    CHECK(report->pii[0].kind == PIIMASK_KIND_EMAIL && report->pii[0].char_start == 11 &&
          report->pii[0].utf16_start == 11 && report->pii[0].start == 13);
    piimask_message_report_free(report);

    char long_message[1200];
    memset(long_message, 'a', sizeof long_message);
    CHECK_STATUS(piimask_message_check(masker, long_message, 1001, &report, NULL), PIIMASK_OK);
    CHECK(report->chars == 1001 && report->problem_count == 1 && report->problems[0].problem == PIIMASK_PROBLEM_TOO_LONG);
    CHECK(report->problems[0].byte == 1000 && report->problems[0].code_point == 0 && report->pii == NULL);
    piimask_message_report_free(report);
}

int main(void) {
    piimask_masker *masker = make_masker("");
    versions();
    masking(masker);
    finding(masker);
    templates(masker);
    libraries(masker);
    messages(masker);
    piimask_masker_free(masker);
    return testing_finish("api");
}
