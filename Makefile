# Initiatiefwijzer — one C program, `wijzer`.
#   make          build build/wijzer
#   make run      install what is missing, build, create var/wijzer.db with demo data if absent, serve :8080
#   make check    install what is missing, build, run every test (also under ASan and UBSan)

SHARED  ?= ../shared
BUILD   ?= build
CC      ?= cc
PKGS    := libmicrohttpd sqlite3 libsodium jansson libcmark
OPT     ?= -O2 -g
SAN     ?=
CFLAGS  := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wformat=2 -Wvla -Wno-format-nonliteral \
           $(OPT) $(SAN) -Isrc -MMD -MP $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lpthread
LDFLAGS := $(SAN)

SRC      := $(shell find src -name '*.c' | sort)
LIB_SRC  := $(filter-out src/cli/main.c,$(SRC))
OBJ      := $(SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/embedded_files.o
LIB_OBJ  := $(filter-out $(BUILD)/obj/src/cli/main.o,$(OBJ))
TESTS    := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

# Files built into the binary: the CSS bundle, migrations, reference data, demo content.
# The NL Design System CSS in the order assets/README.md gives; missing
# files are an error (run `make deps`), never silently left out.
NPM_CSS  := node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css \
            node_modules/@utrecht/component-library-css/dist/index.css \
            $(foreach c,button link heading paragraph skip-link data-badge,\
              node_modules/@nl-design-system-candidate/$(c)-css/dist/$(c).css)
CSS      := $(NPM_CSS) assets/wijzer.css
MIGRATIONS := $(sort $(wildcard migrations/sqlite/*.sql))
DATA     := $(sort $(wildcard $(SHARED)/data/*.csv))
EMBED_IN := $(BUILD)/static/app.css $(MIGRATIONS) $(DATA) demo/lv.json

.PHONY: all run check deps test unit clean
all: $(BUILD)/wijzer

$(BUILD)/wijzer: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libwijzer.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/obj/gen/embedded_files.o: $(BUILD)/gen/embedded_files.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<

# npm ci creates these; files from npm tarballs carry a 1985 mtime, hence the stamp.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@
$(NPM_CSS): node_modules/.package-lock.json

$(BUILD)/static/app.css: $(CSS) node_modules/.package-lock.json
	@mkdir -p $(dir $@)
	cat $(CSS) > $@

$(BUILD)/gen/embedded_files.c: $(BUILD)/tools/embed $(EMBED_IN)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ static/app.css=$(BUILD)/static/app.css \
	  $(foreach f,$(MIGRATIONS),$(f)=$(f)) \
	  $(foreach f,$(DATA),data/$(notdir $(f))=$(f)) \
	  demo/lv.json=demo/lv.json

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libwijzer.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests -o $@ $< $(BUILD)/libwijzer.a $(LDFLAGS) $(LDLIBS) -lcmocka

unit: $(TESTS)

deps:
	@scripts/install-deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p var
	@test -f var/wijzer.db || $(BUILD)/wijzer init --db var/wijzer.db --demo
	$(BUILD)/wijzer serve --db var/wijzer.db --listen 127.0.0.1:8080

# Every test, with a plain build and with AddressSanitizer and
# UndefinedBehaviorSanitizer; ends with "N passed, N failed".
check: deps
	@tools/codecheck.sh
	@$(MAKE) --no-print-directory all unit
	@$(MAKE) --no-print-directory BUILD=build/san OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" all unit
	@tests/run.sh

clean:
	rm -rf build

-include $(OBJ:.o=.d)
