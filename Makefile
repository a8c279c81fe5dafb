# nutgraf - one GNU Makefile (see README "Why Make").
#
#   make                      library (static + shared), nutgraf, nutgraf.pc
#   make check                every test; ends with "N passed, N failed"
#   make SAN=address,undefined check    the same under ASan + UBSan
#   make fuzz                 libFuzzer targets (clang)
#   make bench / eval         speed and quality on ../shared/data
#   make gen                  regenerate src/data/*.inc
#   make install PREFIX=/usr/local DESTDIR=
#
# Objects go to build/<variant>/ so sanitizer and release objects never mix.

CC ?= cc
PREFIX ?= /usr/local
DESTDIR ?=
SAN ?=
WERROR ?=

comma := ,
VARIANT := $(if $(SAN),san-$(subst $(comma),-,$(SAN)),release)
B ?= build/$(VARIANT)

VERSION := $(shell sed -n 's/^\#define NG_VERSION_STRING "\(.*\)"/\1/p' include/nutgraf.h)
SOVERSION := $(firstword $(subst ., ,$(VERSION)))

PKGS_LIB := libutf8proc jansson
PKGS_CLI := libmicrohttpd sqlite3
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS_LIB) 2>/dev/null)
LIB_LIBS := $(shell pkg-config --libs $(PKGS_LIB) 2>/dev/null) -lmodest -lstemmer -lm
CLI_LIBS := -lpthread -lz
# The server (server/*.c, linked into nutgraf only; never into the library).
SRV_CFLAGS := $(shell pkg-config --cflags $(PKGS_CLI) nettle 2>/dev/null)
CLI_LIBS += $(shell pkg-config --libs $(PKGS_CLI) nettle 2>/dev/null)

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wcast-qual -Wpointer-arith -Wvla -Wformat=2 -Wundef -Wwrite-strings \
        -Wimplicit-fallthrough
WARN_SRC := -Wconversion -Wsign-conversion

OPT := -O2 -g
ifneq ($(FUZZ),)
OPT_FUZZ := -fsanitize=fuzzer-no-link
endif
ifneq ($(SAN),)
OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=$(SAN) -fno-sanitize-recover=all -DNG_DEBUG_ARENA
LDSAN := -fsanitize=$(SAN)
endif

CFLAGS_BASE := -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude $(PKG_CFLAGS) $(OPT) $(OPT_FUZZ) $(WARN) \
               $(if $(WERROR),-Werror) -MMD -MP
CFLAGS_LIB := $(CFLAGS_BASE) $(WARN_SRC) -fPIC -fvisibility=hidden
CFLAGS_APP := $(CFLAGS_BASE)

LIB_SRC := $(sort $(wildcard src/*/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
FUZZ_SRC := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_NAMES := $(FUZZ_SRC:fuzz/fuzz_%.c=%)
FUZZ_REPLAY := $(FUZZ_NAMES:%=$(B)/fuzz-replay-%)
FUZZ_SECONDS ?= 20

LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)
SRV_SRC := $(sort $(wildcard server/*.c))
CLI_OBJ += $(SRV_SRC:%.c=$(B)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(B)/%.o)

STATIC := $(B)/libnutgraf.a
SHARED := $(B)/libnutgraf.so.$(VERSION)
BIN := $(B)/nutgraf
UNIT := $(B)/unit-tests

.SECONDARY:
.PHONY: all check unit headertest fuzz fuzz-run test demo bench eval gen man format install clean

all: $(STATIC) $(SHARED) $(BIN) $(B)/nutgraf.pc
	@ln -sf $(VARIANT)/nutgraf build/nutgraf

$(B)/src/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_LIB) -c $< -o $@

$(B)/cli/%.o: cli/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) -c $< -o $@

$(B)/server/%.o: server/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) $(SRV_CFLAGS) -I$(B)/server -c $< -o $@

# The reader's stylesheet and script, as C string literals in the binary.
$(B)/server/web_assets.inc: server/web/style.css server/web/reader.js
	@mkdir -p $(dir $@)
	for f in $^; do n=$$(basename $$f | tr '.-' '__'); echo "static const char asset_$$n[] ="; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; echo ";"; done > $@.tmp && mv $@.tmp $@
$(B)/server/web.o: $(B)/server/web_assets.inc

# Load test of `nutgraf serve` with wrk (not a test; see BENCHMARKS.md).
.PHONY: bench-serve bench-serve-stories
bench-serve: $(BIN)
	sh bench/serve.sh $(BIN)

# The reader's stories on a store of the ECB+ and WikiRef dev articles.
bench-serve-stories: $(BIN)
	sh bench/serve_stories.sh $(BIN) $(NG_DATA)

# Extraction quality and speed against Readability.js on
# ../shared/data/extraction-dev (not a test; see BENCHMARKS.md).
.PHONY: bench-extract
$(B)/extract_bench: bench/extract_bench.c $(STATIC)
	$(CC) $(CFLAGS_APP) -o $@ $< $(STATIC) $(LIB_LIBS)

bench-extract: $(BIN) $(B)/extract_bench
	sh bench/extract.sh $(BIN) $(B)/extract_bench

$(B)/fuzz/%.o: fuzz/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) -c $< -o $@

# gcc replay drivers: every fuzz target over its corpus, in `make check`.
$(B)/fuzz-replay-%: $(B)/fuzz/fuzz_%.o $(B)/fuzz/standalone.o $(STATIC)
	$(CC) $(LDSAN) -o $@ $^ $(LIB_LIBS)

# libFuzzer binaries (clang; built by `make fuzz` in build/fuzz).
$(B)/fuzz-%: $(B)/fuzz/fuzz_%.o $(STATIC)
	$(CC) -fsanitize=fuzzer,$(SAN) -o $@ $^ $(LIB_LIBS)

# fuzz_serve drives the server's handlers in process (ng_route_dispatch in
# server/routes.c), so both its binaries also link the server objects and
# the server's libraries (libmicrohttpd, sqlite3, nettle), as $(BIN) does.
SRV_OBJ := $(SRV_SRC:%.c=$(B)/%.o)
$(B)/fuzz-replay-serve: $(B)/fuzz/fuzz_serve.o $(B)/fuzz/standalone.o $(SRV_OBJ) $(STATIC)
	$(CC) $(LDSAN) -o $@ $^ $(LIB_LIBS) $(CLI_LIBS)

$(B)/fuzz-serve: $(B)/fuzz/fuzz_serve.o $(SRV_OBJ) $(STATIC)
	$(CC) -fsanitize=fuzzer,$(SAN) -o $@ $^ $(LIB_LIBS) $(CLI_LIBS)

$(B)/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) -Wno-missing-prototypes -Isrc -c $< -o $@

$(STATIC): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(SHARED): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libnutgraf.so.$(SOVERSION) $(LDSAN) -o $@ $^ $(LIB_LIBS)
	ln -sf libnutgraf.so.$(VERSION) $(B)/libnutgraf.so

$(BIN): $(CLI_OBJ) $(STATIC)
	$(CC) $(LDSAN) -o $@ $(CLI_OBJ) $(STATIC) $(LIB_LIBS) $(CLI_LIBS)

# Every `void test_<module>__<case>(void)` in tests/unit/*.c is a test.
$(B)/tests/tests.inc: $(TEST_SRC)
	@mkdir -p $(dir $@)
	sed -n 's/^void \(test_[a-z0-9_]*__[a-z0-9_]*\)(void).*/T(\1)/p' $(TEST_SRC) > $@.tmp && mv $@.tmp $@

$(B)/tests/unit/main.o: $(B)/tests/tests.inc
$(B)/tests/unit/main.o: CFLAGS_APP += -I$(B)/tests

$(UNIT): $(TEST_OBJ) $(STATIC)
	$(CC) $(LDSAN) -o $@ $(TEST_OBJ) $(STATIC) $(LIB_LIBS) $(CLI_LIBS)

$(B)/nutgraf.pc: nutgraf.pc.in include/nutgraf.h
	@mkdir -p $(dir $@)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' $< > $@

# The header must stand alone: C99 pedantic and C++.
headertest:
	@mkdir -p $(B)
	printf '#include "nutgraf.h"\nint main(void){return ng_version()!=0?0:1;}\n' > $(B)/headertest.c
	$(CC) -std=c99 -pedantic -Wall -Wextra -Werror -Iinclude -c $(B)/headertest.c -o $(B)/headertest.o
	printf '#include "nutgraf.h"\nint main(){return ng_version()!=nullptr?0:1;}\n' > $(B)/headertest.cpp
	$${CXX:-c++} -std=c++11 -pedantic -Wall -Wextra -Werror -Iinclude -c $(B)/headertest.cpp -o $(B)/headertest-cpp.o

# Sanitizer runs read fuzz/asan.supp (one libmodest bug, see there).
ASAN_ENV = ASAN_OPTIONS=$${ASAN_OPTIONS:+$$ASAN_OPTIONS:}suppressions=$(CURDIR)/fuzz/asan.supp

check: all $(UNIT) headertest $(FUZZ_REPLAY)
	@$(ASAN_ENV) NG_BUILD=$(B) NG_COUNTS=$(NG_COUNTS) sh tests/run.sh

unit: $(UNIT)
	$(UNIT)

# Fuzzing: clang + libFuzzer + ASan/UBSan. `make fuzz-run` runs each target
# for FUZZ_SECONDS on a scratch copy of its corpus (new inputs stay in build/).
fuzz:
	$(MAKE) CC=clang SAN=address,undefined FUZZ=1 B=build/fuzz $(FUZZ_NAMES:%=build/fuzz/fuzz-%)

fuzz-run: fuzz
	@for t in $(FUZZ_NAMES); do \
	  mkdir -p build/fuzz/corpus-$$t build/fuzz/artifacts; \
	  echo "fuzz $$t for $(FUZZ_SECONDS)s"; \
	  if ! $(ASAN_ENV) build/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
	    -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=1 \
	    build/fuzz/corpus-$$t fuzz/corpus/$$t > build/fuzz/$$t.log 2>&1; then \
	    grep -A 12 -E "ERROR|Assertion|deadly" build/fuzz/$$t.log | head -n 40; \
	    echo "fuzz $$t: FAILED (input in build/fuzz/artifacts/)"; exit 1; \
	  fi; \
	  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build/fuzz/$$t.log | tr '\n' ' '; echo; \
	  if [ -n "$(NG_COUNTS)" ]; then echo "1 0 0" >> "$(NG_COUNTS)"; fi; \
	done

# The whole test suite, as CI runs it (README "The two commands"):
# gcc -Werror build and tests; clang -Werror build; the tests again under
# ASan+UBSan; each fuzzer briefly; then one total line over all suites.
test:
	@mkdir -p build && rm -f build/test-counts
	$(MAKE) -j2 WERROR=1 NG_COUNTS=$(CURDIR)/build/test-counts check
	$(MAKE) -j2 CC=clang WERROR=1 B=build/clang all
	$(MAKE) -j2 WERROR=1 SAN=address,undefined NG_COUNTS=$(CURDIR)/build/test-counts check
	$(MAKE) -j2 NG_COUNTS=$(CURDIR)/build/test-counts fuzz-run
	@echo "== all suites (gcc, ASan+UBSan, fuzzers)"
	@awk '{p+=$$1; f+=$$2; s+=$$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s; exit f > 0}' build/test-counts

demo: all
	@for f in samples/news/*.txt; do echo "==> $$f <=="; $(BIN) summarize -n 3 "$$f"; echo; done

gen: man
	tools/gen-lexicons.sh

# The library manual comes from the header's doc comments.
man:
	python3 tools/gen-man3.py include/nutgraf.h man/nutgraf.3

# Summarization statistics learned from cnndm train (issue 5): the IDF table
# src/data/idf_en.inc. Tools link the library's internals.
NG_DATA ?= ../shared/data
$(B)/tools/%: tools/%.c tools/tool_common.h tools/linsolve.h $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) -Wno-missing-prototypes -Isrc -Itools -o $@ $< $(STATIC) $(LIB_LIBS) -lz

# Then the default ranker's weights src/data/news_weights.inc (tools/train-news,
# made in a second make so that it links the new table).
.PHONY: gen-stats train-news bench-summarize
gen-stats: $(B)/tools/gen-idf
	nice $(B)/tools/gen-idf en $(NG_DATA)/cnndm/train.jsonl.gz src/data/idf_en.inc
	$(MAKE) B=$(B) train-news

train-news: $(B)/tools/train-news
	nice $(B)/tools/train-news $(NG_DATA)/cnndm/train.jsonl.gz src/data/news_weights.inc

# Summarization quality: every set x method -> eval/results.tsv (committed).
eval: $(BIN)
	NUTGRAF=$(BIN) NG_DATA=$(NG_DATA) sh eval/run.sh

# Summarization speed against the Open Text Summarizer (ots CLI, libots).
$(B)/summarize_bench: bench/summarize_bench.c tools/tool_common.h $(STATIC)
	$(CC) $(CFLAGS_APP) -Itools -o $@ $< $(STATIC) $(LIB_LIBS) -lz

$(B)/ots_bench: bench/ots_bench.c tools/tool_common.h
	$(CC) $(CFLAGS_APP) -Wno-missing-prototypes -Itools -o $@ $< \
	  $(firstword $(wildcard /usr/lib/*/libots-1.so.0)) \
	  $(firstword $(wildcard /usr/lib/*/libglib-2.0.so.0)) -ljansson -lz

bench-summarize: $(BIN) $(B)/summarize_bench $(B)/ots_bench
	sh bench/summarize.sh $(BIN) $(B)/summarize_bench $(B)/ots_bench $(NG_DATA)

# Stories (issue 7): the rewrite model's weights src/data/rewrite_weights.inc,
# fitted on MRPC pairs of the original train split; `make bench-stories`
# prints grouping, rewrite and throughput figures (see BENCHMARKS.md).
$(B)/tools/train-rewrite: tools/train-rewrite.c $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) -Wno-missing-prototypes -Isrc -o $@ $< $(STATIC) $(LIB_LIBS)

# First the WordNet synonym table src/data/rewrite_synonyms.inc, read from
# Debian's wordnet-base (scripts/install-deps.sh; needed only here, not to
# build or run), then the tool rebuilt with it, then the weights.
WORDNET ?= /usr/share/wordnet
gen-rewrite: $(B)/tools/train-rewrite
	nice $(B)/tools/train-rewrite --wordnet $(WORDNET) src/data/rewrite_synonyms.inc
	$(MAKE) B=$(B) $(B)/tools/train-rewrite
	nice $(B)/tools/train-rewrite $(NG_DATA)/mrpc/dev.jsonl src/data/rewrite_weights.inc

# The event score's weights and thresholds src/stories/event_weights.inc,
# chosen by cross-validation over ECB+ dev topics (tools/train-events.c).
$(B)/tools/train-events: tools/train-events.c $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_APP) -Wno-missing-prototypes -Isrc -o $@ $< $(STATIC) $(LIB_LIBS)

gen-events: $(B)/tools/train-events
	nice $(B)/tools/train-events $(NG_DATA)/ecbplus/dev.jsonl samples/news src/stories/event_weights.inc

.PHONY: gen-rewrite gen-events bench-stories
bench-stories: $(BIN)
	sh bench/stories.sh $(BIN) $(NG_DATA)

format:
	clang-format -i include/*.h src/*/*.[ch] cli/*.[ch] tests/unit/*.[ch] fuzz/*.c

install: all
	install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 include/nutgraf.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(STATIC) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(SHARED) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libnutgraf.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libnutgraf.so.$(SOVERSION)
	ln -sf libnutgraf.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libnutgraf.so
	install -m 644 $(B)/nutgraf.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 man/nutgraf.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -d $(DESTDIR)$(PREFIX)/share/man/man3
	install -m 644 man/nutgraf.3 $(DESTDIR)$(PREFIX)/share/man/man3/

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d) $(wildcard $(B)/fuzz/*.d)
