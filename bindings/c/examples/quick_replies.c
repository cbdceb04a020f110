/* An agent desktop: load the quick-reply library, find a block by typing "#", render it
 * with the conversation's values (a customer "name" that is really a phone number comes
 * out masked), and check the agent's own message before sending. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <piimask.h>

static const char LIBRARY[] = "[[block]]\n"
                              "shortcut = \"bonjour\"\n"
                              "title = \"Réponse d'accueil\"\n"
                              "body = \"Bonjour <customer.name>, je suis <agent.name> (ID <agent.id>).\"\n"
                              "tags = [\"accueil\"]\n"
                              "language = \"fr\"\n";

static int fail(piimask_error *error) {
    fprintf(stderr, "piimask: %s\n", error ? error->message : "failed");
    piimask_error_free(error);
    return EXIT_FAILURE;
}

int main(void) {
    piimask_error *error = NULL;
    piimask_config *config = NULL;
    piimask_masker *masker = NULL;
    piimask_library *library = NULL;
    piimask_context *context = NULL;
    piimask_values *values = NULL;

    if (piimask_config_default(&config, &error) != PIIMASK_OK ||
        piimask_masker_new(config, &masker, &error) != PIIMASK_OK) {
        return fail(error);
    }
    piimask_config_free(config);
    if (piimask_library_parse(LIBRARY, strlen(LIBRARY), &library, &error) != PIIMASK_OK) {
        return fail(error);
    }

    /* The agent types "#reponse": accents and case are ignored. */
    piimask_search_hit hits[5];
    size_t hit_count = 0;
    const piimask_text_block *blocks = NULL;
    size_t block_count = 0;
    if (piimask_library_search(library, "#reponse", 8, hits, 5, &hit_count, &error) != PIIMASK_OK ||
        piimask_library_blocks(library, &blocks, &block_count, &error) != PIIMASK_OK || hit_count == 0) {
        return fail(error);
    }
    const piimask_text_block *block = &blocks[hits[0].block];
    printf("#%s [%s] %s (%s)\n", block->shortcut.ptr, block->language.ptr, block->title.ptr,
           piimask_rank_name(hits[0].rank));

    /* The context comes from the desktop; per-conversation values override it. */
    const char *desk = "{\"agent_name\": \"Chloé\", \"agent_id\": \"A-1042\", \"unmasked_variables\": [\"agent.id\"]}";
    const char *customer = "+447966197542";
    if (piimask_context_parse(desk, strlen(desk), &context, &error) != PIIMASK_OK ||
        piimask_values_new(&values, &error) != PIIMASK_OK ||
        piimask_values_set(values, "customer.name", 13, customer, strlen(customer), &error) != PIIMASK_OK) {
        return fail(error);
    }
    char *reply = NULL;
    size_t reply_len = 0;
    if (piimask_template_render(block->body, values, context, masker, &reply, &reply_len, &error) != PIIMASK_OK) {
        return fail(error);
    }
    printf("%s\n", reply); /* Bonjour *********7542, je suis Chloé (ID A-1042). */
    int ok = strcmp(reply, "Bonjour *********7542, je suis Chloé (ID A-1042).") == 0;
    piimask_string_free(reply);

    /* The agent's own message: `<` and `>` are reserved, PII is reported. */
    const char *draft = "Écrivez à <melissa@gmail.com>";
    piimask_message_report *report = NULL;
    if (piimask_message_check(masker, draft, strlen(draft), &report, &error) != PIIMASK_OK) {
        return fail(error);
    }
    for (size_t i = 0; i < report->problem_count; i++) {
        printf("problem: %s\n", report->problems[i].message);
    }
    for (size_t i = 0; i < report->pii_count; i++) {
        printf("pii: %s at characters %zu..%zu\n", piimask_kind_name(report->pii[i].kind), report->pii[i].char_start,
               report->pii[i].char_end);
    }
    ok = ok && !report->sendable && report->problem_count == 2 && report->pii_count == 1 &&
         report->pii[0].kind == PIIMASK_KIND_EMAIL;
    piimask_message_report_free(report);

    piimask_values_free(values);
    piimask_context_free(context);
    piimask_library_free(library);
    piimask_masker_free(masker);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
