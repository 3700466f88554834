#!/usr/bin/env bash
# A small build-time checker in the spirit of Fossil's codecheck1.c:
#  1. SQL lives only in src/store/ (statements in one table per engine);
#  2. printf-style calls take a literal format, never data;
#  3. raw markup (html_trusted_) is made only by the HTML writer and the
#     markdown renderer.
# Prints each offence as file:line and exits 1 if there is any.
set -uo pipefail
cd "$(dirname "$0")/.."
bad=0
report() { echo "codecheck: $1"; bad=1; }

while IFS= read -r hit; do
    report "SQL outside src/store: $hit"
done < <(grep -rnE '"[[:space:]]*(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE)[[:space:]]' src \
         --include='*.c' --include='*.h' | grep -v '^src/store/')

# The format argument of our printf-likes must start with a literal (or
# the C concatenation of literals and macros in capitals).
while IFS= read -r hit; do
    report "non-literal format: $hit"
done < <(grep -rnE '\b(buf_printf|arena_printf|fprintf|printf|snprintf)\(' src --include='*.c' \
         | grep -vE '\b(buf_printf|arena_printf)\([^,]+,[[:space:]]*("|[A-Z_]+[[:space:]]*")' \
         | grep -vE '\bfprintf\([a-z]+,[[:space:]]*"' \
         | grep -vE '\bsnprintf\([^,]+,[^,]+,[[:space:]]*"' \
         | grep -vE '\bprintf\("' \
         | grep -vE '(\(|,)[[:space:]]*$' | grep -vE 'const char \*fmt')

while IFS= read -r hit; do
    report "raw markup made outside lib/html.c and lib/markdown.c: $hit"
done < <(grep -rn 'html_trusted_(' src --include='*.c' | grep -vE '^src/lib/(html|markdown)\.c:')

[ $bad -eq 0 ] && echo "codecheck: ok"
exit $bad
