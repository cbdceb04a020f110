/* Every error path of the C ABI: NULL arguments, small buffers, invalid UTF-8, every
 * configuration, template, context and library error, and the promise that an error
 * message never contains input text. Nothing here may crash, leak or abort. */
#include "testing.h"

/* A secret that must never appear in an error message. */
static const char SECRET[] = "4111111111111111";

/* Checks that an error is there, has the status's code and a message without `secret`,
 * then frees it. */
static void check_error(piimask_error *error, piimask_status status, const char *secret) {
    CHECK(error != NULL);
    if (error == NULL) {
        return;
    }
    CHECK(error->code == status);
    CHECK(error->message != NULL && strlen(error->message) > 0);
    if (secret != NULL) {
        CHECK(strstr(error->message, secret) == NULL);
        for (size_t i = 0; i < error->detail_count; i++) {
            CHECK(strstr(error->details[i].message, secret) == NULL);
        }
    }
    piimask_error_free(error);
}

/* As check_error, and the message says `text`. */
static void check_error_says(piimask_error *error, piimask_status status, const char *text) {
    CHECK(error != NULL && error->message != NULL && strstr(error->message, text) != NULL);
    check_error(error, status, NULL);
}

static piimask_masker *default_masker(void) {
    piimask_config *config = NULL;
    piimask_masker *masker = NULL;
    CHECK_STATUS(piimask_config_default(&config, NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_masker_new(config, &masker, NULL), PIIMASK_OK);
    piimask_config_free(config);
    return masker;
}

/* Parses `text` and builds a masker from it, returning the status of the first failure. */
static piimask_status build(const char *text, piimask_error **error) {
    piimask_config *config = NULL;
    piimask_masker *masker = NULL;
    piimask_status status = piimask_config_parse(text, strlen(text), &config, error);
    if (status == PIIMASK_OK) {
        status = piimask_masker_new(config, &masker, error);
        CHECK((status == PIIMASK_OK) == (masker != NULL));
    } else {
        CHECK(config == NULL);
    }
    piimask_masker_free(masker);
    piimask_config_free(config);
    return status;
}

static void config_errors(void) {
    piimask_error *error = NULL;
    piimask_config *config = (piimask_config *)&error; /* garbage the call must overwrite */

    CHECK_STATUS(piimask_config_default(NULL, &error), PIIMASK_NULL_ARGUMENT);
    CHECK(error != NULL && strstr(error->message, "config") != NULL);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);

    CHECK_STATUS(piimask_config_parse(NULL, 5, &config, &error), PIIMASK_NULL_ARGUMENT);
    CHECK(config == NULL);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_config_parse("x", 1, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);

    /* (NULL, 0) is the empty configuration: the defaults. */
    CHECK_STATUS(piimask_config_parse(NULL, 0, &config, &error), PIIMASK_OK);
    CHECK(config != NULL && error == NULL);
    piimask_config_free(config);

    CHECK_STATUS(build("kinds = [\"card\"\n", &error), PIIMASK_CONFIG_SYNTAX);
    CHECK(error != NULL && error->line == 1 && error->column > 0);
    check_error(error, PIIMASK_CONFIG_SYNTAX, NULL);
    CHECK_STATUS(build("{\"kinds\": [\"card\"],\n \"colour\": 1}", &error), PIIMASK_CONFIG_SYNTAX);
    CHECK(error != NULL && error->line == 2);
    check_error(error, PIIMASK_CONFIG_SYNTAX, NULL);
    CHECK_STATUS(build("kinds = [\"passport\"]", &error), PIIMASK_CONFIG_SYNTAX);
    check_error(error, PIIMASK_CONFIG_SYNTAX, NULL);
    CHECK_STATUS(build("[card]\nstyle = \"blur\"", &error), PIIMASK_CONFIG_SYNTAX);
    check_error(error, PIIMASK_CONFIG_SYNTAX, NULL);
    CHECK_STATUS(build("kinds = []", &error), PIIMASK_CONFIG_NO_KINDS);
    check_error(error, PIIMASK_CONFIG_NO_KINDS, NULL);
    CHECK_STATUS(build("mask_char = \"7\"", &error), PIIMASK_CONFIG_MASK_CHAR);
    check_error(error, PIIMASK_CONFIG_MASK_CHAR, NULL);
    CHECK_STATUS(build("[card]\nkeep_head = 7", &error), PIIMASK_CONFIG_KEEP_LIMIT);
    check_error(error, PIIMASK_CONFIG_KEEP_LIMIT, NULL);
    CHECK_STATUS(build("[card]\nstyle = \"label\"\nkeep_tail = 2", &error), PIIMASK_CONFIG_KEEP_UNUSED);
    check_error(error, PIIMASK_CONFIG_KEEP_UNUSED, NULL);

    const char bad[] = "mask_char = \"\xff\"";
    CHECK_STATUS(piimask_config_parse(bad, sizeof bad - 1, &config, &error), PIIMASK_INVALID_UTF8);
    CHECK(error != NULL && error->byte == 13 && error->character == 13);
    check_error(error, PIIMASK_INVALID_UTF8, NULL);

    piimask_masker *masker = NULL;
    CHECK_STATUS(piimask_masker_new(NULL, &masker, &error), PIIMASK_NULL_ARGUMENT);
    CHECK(masker == NULL);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_config_default(&config, NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_masker_new(config, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    piimask_config_free(config);
}

static void mask_errors(piimask_masker *masker) {
    piimask_error *error = NULL;
    char out[64];
    size_t len = 99;
    const char *card = "card 4111111111111111";

    /* NULL arguments. */
    CHECK_STATUS(piimask_mask(NULL, card, strlen(card), out, sizeof out, &len, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, SECRET);
    CHECK_STATUS(piimask_mask(masker, NULL, 3, out, sizeof out, &len, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_mask(masker, card, strlen(card), NULL, 10, &len, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_mask(masker, card, strlen(card), out, sizeof out, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error_says(error, PIIMASK_NULL_ARGUMENT, "argument `output_len` is NULL");
    /* A length that cannot describe memory: the same status, a message that says so. */
    CHECK_STATUS(piimask_mask(masker, card, (size_t)-1, out, sizeof out, &len, &error), PIIMASK_NULL_ARGUMENT);
    check_error_says(error, PIIMASK_NULL_ARGUMENT, "length of argument `input` is over PTRDIFF_MAX");
    /* No error out-parameter: the status alone. */
    CHECK_STATUS(piimask_mask(NULL, card, strlen(card), out, sizeof out, &len, NULL), PIIMASK_NULL_ARGUMENT);
    /* Whatever argument is bad, the output is emptied through the ones that can take it: a
     * caller ignoring the status never reads stale text (here the unmasked card, in place). */
    strcpy(out, card);
    len = 99;
    CHECK_STATUS(piimask_mask(NULL, out, strlen(card), out, sizeof out, &len, NULL), PIIMASK_NULL_ARGUMENT);
    CHECK(len == 0 && out[0] == '\0');
    strcpy(out, card);
    CHECK_STATUS(piimask_mask_bytes(masker, out, strlen(card), out, sizeof out, NULL, NULL), PIIMASK_NULL_ARGUMENT);
    CHECK(out[0] == '\0');
    len = 99;
    CHECK_STATUS(piimask_mask(masker, card, strlen(card), NULL, 10, &len, NULL), PIIMASK_NULL_ARGUMENT);
    CHECK(len == 0);

    /* Empty input: (NULL, 0) and ("", 0) give the empty string. */
    memset(out, 'x', sizeof out);
    CHECK_STATUS(piimask_mask(masker, NULL, 0, out, sizeof out, &len, &error), PIIMASK_OK);
    CHECK(len == 0 && out[0] == '\0' && error == NULL);
    CHECK_STATUS(piimask_mask(masker, "", 0, out, 1, &len, &error), PIIMASK_OK);
    CHECK(len == 0 && out[0] == '\0');
    CHECK_STATUS(piimask_mask(masker, "", 0, NULL, 0, &len, &error), PIIMASK_BUFFER_TOO_SMALL);
    CHECK(len == 0);
    check_error(error, PIIMASK_BUFFER_TOO_SMALL, NULL);

    /* Buffers too small by one, and exactly big enough: "card ************1111" is 21. */
    CHECK_STATUS(piimask_mask(masker, card, strlen(card), NULL, 0, &len, &error), PIIMASK_BUFFER_TOO_SMALL);
    CHECK(len == 21);
    check_error(error, PIIMASK_BUFFER_TOO_SMALL, SECRET);
    memset(out, 'x', sizeof out);
    CHECK_STATUS(piimask_mask(masker, card, strlen(card), out, 21, &len, &error), PIIMASK_BUFFER_TOO_SMALL);
    CHECK(len == 21 && out[0] == '\0' && out[21] == 'x');
    check_error(error, PIIMASK_BUFFER_TOO_SMALL, SECRET);
    CHECK_STATUS(piimask_mask(masker, card, strlen(card), out, 22, &len, &error), PIIMASK_OK);
    CHECK(len == 21 && strcmp(out, "card ************1111") == 0 && error == NULL);

    /* Invalid UTF-8: the offset and character count, the output emptied, no input text. */
    const char bad[] = "é 4111111111111111 \xff tail";
    memset(out, 'x', sizeof out);
    CHECK_STATUS(piimask_mask(masker, bad, sizeof bad - 1, out, sizeof out, &len, &error), PIIMASK_INVALID_UTF8);
    CHECK(len == 0 && out[0] == '\0');
    CHECK(error != NULL && error->byte == 20 && error->character == 19);
    check_error(error, PIIMASK_INVALID_UTF8, SECRET);
    /* ... while the bytes variant masks around the invalid byte. */
    CHECK_STATUS(piimask_mask_bytes(masker, bad, sizeof bad - 1, out, sizeof out, &len, &error), PIIMASK_OK);
    CHECK(testing_equal(out, len, "é ************1111 \xff tail"));
    CHECK_STATUS(piimask_mask_bytes(masker, NULL, 1, out, sizeof out, &len, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_mask_bytes(masker, bad, sizeof bad - 1, out, 4, &len, &error), PIIMASK_BUFFER_TOO_SMALL);
    CHECK(len == 26);
    check_error(error, PIIMASK_BUFFER_TOO_SMALL, NULL);

    /* The allocating variants. */
    char *masked = (char *)out;
    CHECK_STATUS(piimask_mask_alloc(masker, card, strlen(card), NULL, &len, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_mask_alloc(NULL, card, strlen(card), &masked, &len, &error), PIIMASK_NULL_ARGUMENT);
    CHECK(masked == NULL);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    masked = (char *)out;
    CHECK_STATUS(piimask_mask_alloc(masker, bad, sizeof bad - 1, &masked, &len, &error), PIIMASK_INVALID_UTF8);
    CHECK(masked == NULL && len == 0);
    check_error(error, PIIMASK_INVALID_UTF8, SECRET);
    CHECK_STATUS(piimask_mask_alloc(masker, NULL, 0, &masked, NULL, &error), PIIMASK_OK);
    CHECK(masked != NULL && masked[0] == '\0');
    piimask_string_free(masked);
    CHECK_STATUS(piimask_mask_bytes_alloc(masker, NULL, 2, &masked, &len, &error), PIIMASK_NULL_ARGUMENT);
    CHECK(masked == NULL);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
}

static void find_errors(piimask_masker *masker) {
    piimask_error *error = NULL;
    piimask_match matches[2];
    size_t count = 99;
    const char *three = "4111111111111111, melissa@gmail.com and +447966197542";

    CHECK_STATUS(piimask_find(NULL, three, strlen(three), matches, 2, &count, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_find(masker, three, strlen(three), matches, 2, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_find(masker, three, strlen(three), NULL, 2, &count, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);

    /* Counting, then a buffer too small: the first two are written, all three counted. */
    CHECK_STATUS(piimask_find(masker, three, strlen(three), NULL, 0, &count, &error), PIIMASK_BUFFER_TOO_SMALL);
    CHECK(count == 3);
    check_error(error, PIIMASK_BUFFER_TOO_SMALL, SECRET);
    CHECK_STATUS(piimask_find(masker, three, strlen(three), matches, 2, &count, &error), PIIMASK_BUFFER_TOO_SMALL);
    CHECK(count == 3 && matches[0].kind == PIIMASK_KIND_CARD && matches[1].kind == PIIMASK_KIND_EMAIL);
    check_error(error, PIIMASK_BUFFER_TOO_SMALL, NULL);

    const char bad[] = "4111111111111111 \xc3";
    CHECK_STATUS(piimask_find(masker, bad, sizeof bad - 1, matches, 2, &count, &error), PIIMASK_INVALID_UTF8);
    CHECK(count == 0 && error != NULL && error->byte == 17);
    check_error(error, PIIMASK_INVALID_UTF8, SECRET);
    CHECK_STATUS(piimask_find(masker, NULL, 0, NULL, 0, &count, &error), PIIMASK_OK);
    CHECK(count == 0 && error == NULL);
}

static void template_errors(piimask_masker *masker) {
    piimask_error *error = NULL;
    piimask_template *template = NULL;
    char *output = NULL;
    size_t len = 7;

    /* Syntax: the offsets of the fault. */
    const char *unclosed = "Hé <customer.name, bye";
    CHECK_STATUS(piimask_template_parse(unclosed, strlen(unclosed), &template, &error), PIIMASK_TEMPLATE_SYNTAX);
    CHECK(template == NULL && error != NULL && error->byte == 4 && error->character == 3);
    check_error(error, PIIMASK_TEMPLATE_SYNTAX, NULL);
    CHECK_STATUS(piimask_template_parse("a > b", 5, &template, &error), PIIMASK_TEMPLATE_SYNTAX);
    check_error(error, PIIMASK_TEMPLATE_SYNTAX, NULL);
    CHECK_STATUS(piimask_template_parse("<>", 2, &template, &error), PIIMASK_TEMPLATE_SYNTAX);
    check_error(error, PIIMASK_TEMPLATE_SYNTAX, NULL);
    CHECK_STATUS(piimask_template_parse("<a b>", 5, &template, &error), PIIMASK_TEMPLATE_SYNTAX);
    check_error(error, PIIMASK_TEMPLATE_SYNTAX, NULL);
    CHECK_STATUS(piimask_template_parse("\xfe", 1, &template, &error), PIIMASK_INVALID_UTF8);
    check_error(error, PIIMASK_INVALID_UTF8, NULL);
    CHECK_STATUS(piimask_template_parse("x", 1, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_template_parse(NULL, 1, &template, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);

    const char *source = "Hi <customer.name>, ref <order.id>, agent <agent.name>";
    CHECK_STATUS(piimask_template_parse(source, strlen(source), &template, &error), PIIMASK_OK);

    const char *const *names = NULL;
    size_t count = 0;
    CHECK_STATUS(piimask_template_variables(NULL, &names, &count, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_template_variables(template, NULL, &count, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_template_variables(template, &names, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);

    /* Missing variables: every one, in order, as details. */
    output = (char *)&len;
    CHECK_STATUS(piimask_template_render(template, NULL, NULL, masker, &output, &len, &error),
                 PIIMASK_TEMPLATE_MISSING_VARIABLES);
    CHECK(output == NULL && len == 0);
    CHECK(error != NULL && error->detail_count == 3);
    if (error != NULL && error->detail_count == 3) {
        CHECK(strcmp(error->details[0].variable, "customer.name") == 0);
        CHECK(strcmp(error->details[2].variable, "agent.name") == 0);
        CHECK(error->details[1].block == PIIMASK_NONE && error->details[1].byte == PIIMASK_NONE);
    }
    check_error(error, PIIMASK_TEMPLATE_MISSING_VARIABLES, NULL);

    /* A value holding `<` or `>`: the variable and where, never the value. */
    piimask_values *values = NULL;
    CHECK_STATUS(piimask_values_new(&values, NULL), PIIMASK_OK);
    const char *name = "customer.name", *value = "x 4111111111111111 <script>";
    CHECK_STATUS(piimask_values_set(values, name, strlen(name), value, strlen(value), &error), PIIMASK_OK);
    CHECK_STATUS(piimask_values_set(values, "order.id", 8, "42", 2, NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_values_set(values, "agent.name", 10, "Chloé", strlen("Chloé"), NULL), PIIMASK_OK);
    CHECK_STATUS(piimask_template_render(template, values, NULL, masker, &output, NULL, &error),
                 PIIMASK_TEMPLATE_RESERVED_IN_VALUE);
    CHECK(output == NULL && error != NULL && error->detail_count == 1);
    if (error != NULL && error->detail_count == 1) {
        CHECK(strcmp(error->details[0].variable, "customer.name") == 0);
        CHECK(error->details[0].byte == 19 && error->details[0].character == 19);
    }
    check_error(error, PIIMASK_TEMPLATE_RESERVED_IN_VALUE, SECRET);

    CHECK_STATUS(piimask_values_set(NULL, "a", 1, "b", 1, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_values_set(values, "a", 1, "4111111111111111 \x80", 18, &error), PIIMASK_INVALID_UTF8);
    CHECK(error != NULL && error->byte == 17);
    check_error(error, PIIMASK_INVALID_UTF8, SECRET);
    CHECK_STATUS(piimask_values_set(values, NULL, 1, "b", 1, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_values_new(NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);

    output = (char *)values; /* not NULL: a failed call must set it to NULL */
    CHECK_STATUS(piimask_template_render(NULL, values, NULL, masker, &output, NULL, &error), PIIMASK_NULL_ARGUMENT);
    CHECK(output == NULL);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    output = (char *)values;
    CHECK_STATUS(piimask_template_render(template, values, NULL, NULL, &output, NULL, &error), PIIMASK_NULL_ARGUMENT);
    CHECK(output == NULL);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_template_render(template, values, NULL, masker, NULL, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);

    /* Contexts: syntax (line and column), a field of the wrong type (named, value not
     * shown), a bad date format (offsets), NULL arguments. */
    piimask_context *context = NULL;
    const char *broken = "{\"agent_name\": \"A\",\n \"queue_name\": }";
    CHECK_STATUS(piimask_context_parse(broken, strlen(broken), &context, &error), PIIMASK_TEMPLATE_CONTEXT);
    CHECK(context == NULL && error != NULL && error->line == 2 && error->column > 0);
    check_error(error, PIIMASK_TEMPLATE_CONTEXT, NULL);
    const char *typed = "{\"customer_name\": 4111111111111111}";
    CHECK_STATUS(piimask_context_parse(typed, strlen(typed), &context, &error), PIIMASK_TEMPLATE_CONTEXT);
    CHECK(error != NULL && strstr(error->message, "customer_name") != NULL);
    check_error(error, PIIMASK_TEMPLATE_CONTEXT, SECRET);
    const char *format = "date_format = \"%d/%q\"";
    CHECK_STATUS(piimask_context_parse(format, strlen(format), &context, &error), PIIMASK_TEMPLATE_CONTEXT);
    CHECK(error != NULL && error->byte == 3 && error->character == 3);
    check_error(error, PIIMASK_TEMPLATE_CONTEXT, NULL);
    const char *unknown = "colour = \"red\"";
    CHECK_STATUS(piimask_context_parse(unknown, strlen(unknown), &context, &error), PIIMASK_TEMPLATE_CONTEXT);
    check_error(error, PIIMASK_TEMPLATE_CONTEXT, NULL);
    CHECK_STATUS(piimask_context_parse(NULL, 4, &context, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_context_parse("", 0, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_context_parse(NULL, 0, &context, &error), PIIMASK_OK);
    piimask_context_free(context);

    piimask_values_free(values);
    piimask_template_free(template);
}

static void library_errors(piimask_masker *masker) {
    piimask_error *error = NULL;
    piimask_library *library = NULL;

    const char *syntax = "[[block]]\nshortcut = \"a\"\ntitle = ";
    CHECK_STATUS(piimask_library_parse(syntax, strlen(syntax), &library, &error), PIIMASK_LIBRARY_SYNTAX);
    CHECK(library == NULL && error != NULL && error->line == 3);
    check_error(error, PIIMASK_LIBRARY_SYNTAX, NULL);

    /* Every problem of every block, with block, field, line and stable name. */
    const char *invalid = "[[block]]\n"
                          "shortcut = \"hi\"\n"
                          "title = \"\"\n"
                          "body = \"Hello <name\"\n"
                          "[[block]]\n"
                          "shortcut = \"hello\"\n"
                          "title = \"Again\"\n"
                          "body = \"x\"\n"
                          "colour = \"red\"\n";
    CHECK_STATUS(piimask_library_parse(invalid, strlen(invalid), &library, &error), PIIMASK_LIBRARY_INVALID);
    CHECK(error != NULL && error->detail_count == 3);
    if (error != NULL && error->detail_count == 3) {
        const piimask_error_detail *d = error->details;
        CHECK(d[0].block == 0 && strcmp(d[0].field, "title") == 0 && d[0].line == 3 &&
              strcmp(d[0].problem, "empty") == 0);
        CHECK(d[1].block == 0 && strcmp(d[1].field, "body") == 0 && strcmp(d[1].problem, "template_syntax") == 0 &&
              d[1].line == 4 && d[1].byte == 6 && d[1].character == 6);
        CHECK(d[2].block == 1 && strcmp(d[2].field, "colour") == 0 && d[2].line == 9 &&
              strcmp(d[2].problem, "unknown_field") == 0);
    }
    check_error(error, PIIMASK_LIBRARY_INVALID, NULL);
    const char *twice = "[[block]]\nshortcut = \"Réponse\"\ntitle = \"A\"\nbody = \"a\"\n"
                        "[[block]]\nshortcut = \"REPONSE\"\ntitle = \"B\"\nbody = \"b\"\n";
    CHECK_STATUS(piimask_library_parse(twice, strlen(twice), &library, &error), PIIMASK_LIBRARY_INVALID);
    CHECK(error != NULL && error->detail_count == 1 && error->details[0].block == 1 &&
          strcmp(error->details[0].problem, "duplicate_shortcut") == 0 && error->details[0].byte == PIIMASK_NONE);
    check_error(error, PIIMASK_LIBRARY_INVALID, NULL);
    CHECK_STATUS(piimask_library_parse("{\"block\": []}", 13, &library, &error), PIIMASK_LIBRARY_INVALID);
    CHECK(error != NULL && error->detail_count == 1 && error->details[0].block == PIIMASK_NONE);
    check_error(error, PIIMASK_LIBRARY_INVALID, NULL);
    CHECK_STATUS(piimask_library_parse(NULL, 3, &library, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_library_parse("x", 1, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);

    const char *good = "[[block]]\nshortcut = \"hi\"\ntitle = \"Hello\"\nbody = \"Hello!\"\n";
    CHECK_STATUS(piimask_library_parse(good, strlen(good), &library, &error), PIIMASK_OK);
    const piimask_text_block *blocks = NULL;
    size_t count = 0;
    piimask_search_hit hits[2];
    CHECK_STATUS(piimask_library_blocks(NULL, &blocks, &count, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_library_blocks(library, NULL, &count, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_library_search(NULL, "#hi", 3, hits, 2, &count, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_library_search(library, NULL, 3, hits, 2, &count, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_library_search(library, "#hi", 3, NULL, 2, &count, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_library_search(library, "#hi", 3, hits, 2, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_library_search(library, "#\xff", 2, hits, 2, &count, &error), PIIMASK_INVALID_UTF8);
    check_error(error, PIIMASK_INVALID_UTF8, NULL);
    /* No room for hits is not an error: nothing is written. */
    CHECK_STATUS(piimask_library_search(library, "#hi", 3, NULL, 0, &count, &error), PIIMASK_OK);
    CHECK(count == 0);
    piimask_library_free(library);

    /* Message checks. */
    piimask_message_report *report = (piimask_message_report *)masker; /* set to NULL on failure */
    CHECK_STATUS(piimask_message_check(NULL, "hi", 2, &report, &error), PIIMASK_NULL_ARGUMENT);
    CHECK(report == NULL);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_message_check(masker, "hi", 2, NULL, &error), PIIMASK_NULL_ARGUMENT);
    check_error(error, PIIMASK_NULL_ARGUMENT, NULL);
    CHECK_STATUS(piimask_message_check(masker, "4111111111111111\xff", 17, &report, &error), PIIMASK_INVALID_UTF8);
    CHECK(report == NULL);
    check_error(error, PIIMASK_INVALID_UTF8, SECRET);
    CHECK_STATUS(piimask_message_check(masker, NULL, 0, &report, &error), PIIMASK_OK);
    CHECK(report != NULL && report->chars == 0 && report->sendable && report->pii_count == 0);
    piimask_message_report_free(report);
}

static void names_and_frees(void) {
    static const piimask_status all[] = {
        PIIMASK_OK, PIIMASK_INTERNAL, PIIMASK_NULL_ARGUMENT, PIIMASK_BUFFER_TOO_SMALL, PIIMASK_INVALID_UTF8,
        PIIMASK_CONFIG_SYNTAX, PIIMASK_CONFIG_NO_KINDS, PIIMASK_CONFIG_MASK_CHAR, PIIMASK_CONFIG_KEEP_LIMIT,
        PIIMASK_CONFIG_KEEP_UNUSED, PIIMASK_TEMPLATE_SYNTAX, PIIMASK_TEMPLATE_MISSING_VARIABLES,
        PIIMASK_LIBRARY_INVALID, PIIMASK_LIBRARY_SYNTAX, PIIMASK_TEMPLATE_RESERVED_IN_VALUE,
        PIIMASK_TEMPLATE_CONTEXT,
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        CHECK(piimask_status_name(all[i]) != NULL);
    }
    CHECK(strcmp(piimask_status_name(PIIMASK_CONFIG_KEEP_LIMIT), "CONFIG_KEEP_LIMIT") == 0);
    CHECK(piimask_status_name(5) == NULL && piimask_status_name(9999) == NULL);
    CHECK(piimask_kind_name(PIIMASK_KIND_PHONE) != NULL && piimask_kind_name(5) == NULL);
    CHECK(piimask_rank_name(PIIMASK_RANK_ALL) != NULL && piimask_rank_name(4) == NULL);
    CHECK(piimask_problem_name(PIIMASK_PROBLEM_TOO_LONG) != NULL && piimask_problem_name(PIIMASK_PROBLEM_OTHER) == NULL);

    /* Every free function ignores NULL. */
    piimask_error_free(NULL);
    piimask_config_free(NULL);
    piimask_masker_free(NULL);
    piimask_string_free(NULL);
    piimask_template_free(NULL);
    piimask_values_free(NULL);
    piimask_context_free(NULL);
    piimask_library_free(NULL);
    piimask_message_report_free(NULL);

    /* A success clears a stale error pointer (so it is never read as a new error). */
    piimask_error *error = (piimask_error *)&error;
    piimask_config *config = NULL;
    CHECK_STATUS(piimask_config_default(&config, &error), PIIMASK_OK);
    CHECK(error == NULL);
    piimask_config_free(config);
}

int main(void) {
    piimask_masker *masker = default_masker();
    config_errors();
    mask_errors(masker);
    find_errors(masker);
    template_errors(masker);
    library_errors(masker);
    names_and_frees();
    piimask_masker_free(masker);
    return testing_finish("errors");
}
