# Initiatiefwijzer — one C program, `wijzer`.
#   make          build build/wijzer
#   make run      install what is missing, build, create var/wijzer.db with demo data if absent, serve :8080
#   make check    install what is missing, build, run every test (also under ASan and UBSan)
#   make bench    benchmarks against nginx (bench/run.sh; BENCH_ARGS="--million" adds 1,000,000)
#   make soak     load and faults, about four minutes (bench/soak.sh; not part of check)

SHARED  ?= ../shared
BUILD   ?= build
CC      ?= cc
PKGS    := libmicrohttpd sqlite3 libpq libsodium jansson libcmark
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
MIGRATIONS := $(sort $(wildcard migrations/sqlite/*.sql migrations/pg/*.sql))
DATA     := $(sort $(wildcard $(SHARED)/data/*.csv))
EMBED_IN := $(BUILD)/static/app.css $(MIGRATIONS) $(DATA) demo/lv.json

.PHONY: all run check deps test unit clean replay fuzz fuzzers fuzz-build fuzz-merge bench soak bench-match
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

# Fuzzing. Each fuzz/fuzz_NAME.c is a libFuzzer harness; its corpus is
# tests/fuzz/corpus/NAME/. `make replay` builds every harness with the
# tree's compiler and a plain main (fuzz/replay.c) that runs saved
# inputs: make check replays the corpora with the sanitizer build.
FUZZ_NAMES := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))

$(BUILD)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c fuzz/fuzz.h $(BUILD)/libwijzer.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Ifuzz -o $@ $< fuzz/replay.c $(BUILD)/libwijzer.a $(LDFLAGS) $(LDLIBS)

replay: $(FUZZ_NAMES:%=$(BUILD)/fuzz/replay_%)

# `make fuzz` builds the harnesses with clang and libFuzzer in
# build/libfuzzer (the whole program compiled with
# -fsanitize=fuzzer-no-link,address,undefined) and runs each for
# FUZZ_SECONDS on its corpus; FUZZ=NAME runs one. New inputs go to
# build/libfuzzer/corpus/NAME/, crashes to build/libfuzzer/crashes/.
# `make fuzz-merge` adds to tests/fuzz/corpus/ only the inputs found that
# reach code the corpus does not (edges, not hit counts, so it stays
# small); what is there already, seeds and crash-* inputs, stays.
FUZZ_SECONDS ?= 60
FUZZ         ?= $(FUZZ_NAMES)
FUZZ_DIR     := build/libfuzzer
FUZZ_SAN     := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all

$(BUILD)/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h $(BUILD)/libwijzer.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Ifuzz -fsanitize=fuzzer -o $@ $< $(BUILD)/libwijzer.a $(LDFLAGS) $(LDLIBS)

fuzzers: $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)

fuzz-build: deps
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_DIR) CC=clang OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="$(FUZZ_SAN)" fuzzers

fuzz: fuzz-build
	@mkdir -p $(FUZZ_DIR)/crashes
	@for n in $(FUZZ); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$n; \
	  dict=; [ -f fuzz/$$n.dict ] && dict=-dict=fuzz/$$n.dict; \
	  echo "== fuzz $$n ($(FUZZ_SECONDS) s)"; \
	  $(FUZZ_DIR)/fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $$dict \
	    -artifact_prefix=$(FUZZ_DIR)/crashes/$$n- $(FUZZ_DIR)/corpus/$$n tests/fuzz/corpus/$$n || exit 1; \
	done

fuzz-merge: fuzz-build
	@for n in $(FUZZ); do \
	  mkdir -p $(FUZZ_DIR)/corpus/$$n; \
	  $(FUZZ_DIR)/fuzz/fuzz_$$n -merge=1 -use_counters=0 tests/fuzz/corpus/$$n $(FUZZ_DIR)/corpus/$$n \
	    >$(FUZZ_DIR)/merge-$$n.log 2>&1 || { cat $(FUZZ_DIR)/merge-$$n.log; exit 1; }; \
	  echo "fuzz-merge $$n: $$(ls tests/fuzz/corpus/$$n | wc -l) inputs"; \
	done

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
	@$(MAKE) --no-print-directory all unit replay
	@$(MAKE) --no-print-directory BUILD=build/san OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" all unit replay
	@tests/run.sh

# Benchmarks and the soak use the plain build; see bench/run.sh --help and
# bench/soak.sh --help for their options (pass them in BENCH_ARGS / SOAK_ARGS).
bench: all
	@WIJZER_BIN=$(abspath $(BUILD))/wijzer bench/run.sh $(BENCH_ARGS)

soak: all
	@WIJZER_BIN=$(abspath $(BUILD))/wijzer bench/soak.sh $(SOAK_ARGS)

# The matching engine: suggestions for random initiatives at 100,000 (bench/match.sh).
bench-match: all
	@WIJZER_BIN=$(abspath $(BUILD))/wijzer bench/match.sh $(MATCH_ARGS)

clean:
	rm -rf build

-include $(OBJ:.o=.d)
