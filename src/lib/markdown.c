#include "lib/markdown.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

Html markdown_render(Arena *a, const char *text)
{
    if (!text)
        return HTML("");
    /* CMARK_OPT_SAFE is the default since cmark 0.29; naming it keeps the
     * intent visible on older versions. Never pass CMARK_OPT_UNSAFE. */
    char *html = cmark_markdown_to_html(text, strlen(text), CMARK_OPT_DEFAULT | CMARK_OPT_SAFE);
    char *copy = arena_strdup(a, html);
    free(html);
    return html_trusted_(copy);
}
