/* What was found and where: byte offsets for C, character offsets for Python, UTF-16
 * offsets for JavaScript, Java and .NET hosts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <piimask.h>

int main(void) {
    piimask_config *config = NULL;
    piimask_masker *masker = NULL;
    if (piimask_config_default(&config, NULL) != PIIMASK_OK ||
        piimask_masker_new(config, &masker, NULL) != PIIMASK_OK) {
        return EXIT_FAILURE;
    }
    piimask_config_free(config);

    const char *text = "😀 Écrivez à melissa@gmail.com ou au 06 12 34 56 78";
    piimask_match matches[8];
    size_t count = 0;
    piimask_error *error = NULL;
    if (piimask_find(masker, text, strlen(text), matches, 8, &count, &error) != PIIMASK_OK) {
        fprintf(stderr, "piimask: %s\n", error->message);
        piimask_error_free(error);
        piimask_masker_free(masker);
        return EXIT_FAILURE;
    }
    for (size_t i = 0; i < count; i++) {
        const piimask_match *m = &matches[i];
        printf("%-5s bytes %zu..%zu  chars %zu..%zu  utf16 %zu..%zu  \"%.*s\"\n", piimask_kind_name(m->kind),
               m->start, m->end, m->char_start, m->char_end, m->utf16_start, m->utf16_end,
               (int)(m->end - m->start), text + m->start);
    }
    piimask_masker_free(masker);

    /* The emoji is 4 bytes, 1 character and 2 UTF-16 units; "É" and "à" are 2 bytes each. */
    int ok = count == 2 && matches[0].kind == PIIMASK_KIND_EMAIL && matches[0].start == 17 &&
             matches[0].char_start == 12 && matches[0].utf16_start == 13 &&
             matches[1].kind == PIIMASK_KIND_PHONE && matches[1].end == strlen(text);
    return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
