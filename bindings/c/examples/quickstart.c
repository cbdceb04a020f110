/* Build one masker at start-up, then mask each chat message into a reused buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <piimask.h>

int main(void) {
    piimask_config *config = NULL;
    piimask_masker *masker = NULL;
    piimask_error *error = NULL;

    /* Cards keep their separators; everything else uses the defaults. */
    const char *options = "[card]\nstyle = \"preserve\"\n";
    if (piimask_config_parse(options, strlen(options), &config, &error) != PIIMASK_OK ||
        piimask_masker_new(config, &masker, &error) != PIIMASK_OK) {
        fprintf(stderr, "piimask: %s\n", error->message);
        piimask_error_free(error);
        piimask_config_free(config);
        return EXIT_FAILURE;
    }
    piimask_config_free(config); /* the masker does not need it any more */

    const char *message = "Call me on +447966197542, card 4111 1111 1111 1111";
    char masked[256];
    size_t masked_len = 0;
    piimask_status status =
        piimask_mask(masker, message, strlen(message), masked, sizeof masked, &masked_len, &error);
    if (status == PIIMASK_BUFFER_TOO_SMALL) {
        /* masked_len is the length needed; a real server would retry with masked_len + 1. */
        fprintf(stderr, "piimask: %s\n", error->message);
    } else if (status != PIIMASK_OK) {
        fprintf(stderr, "piimask: %s (%s)\n", error->message, piimask_status_name(status));
    }
    piimask_error_free(error); /* NULL after a success: freeing it does nothing */
    if (status != PIIMASK_OK) {
        piimask_masker_free(masker);
        return EXIT_FAILURE;
    }
    printf("%s\n", masked); /* Call me on *********7542, card **** **** **** 1111 */

    piimask_masker_free(masker);
    return strcmp(masked, "Call me on *********7542, card **** **** **** 1111") == 0 ? EXIT_SUCCESS
                                                                                  : EXIT_FAILURE;
}
