/* Markdown to HTML through cmark in its default mode, which drops raw HTML
 * and unsafe link targets (javascript:, vbscript:, file:, data: other than
 * images). The result is trusted markup. */
#ifndef WIJZER_MARKDOWN_H
#define WIJZER_MARKDOWN_H

#include "lib/arena.h"
#include "lib/html.h"

Html markdown_render(Arena *a, const char *text);

#endif
