// A plain-C facade over the system ICU (libicu-dev).
// (zj_icu.c holds the C API calls; zj_cjk_dictionary.cpp the one part that needs ICU's C++ trie.)
//
// Swift must never see ICU's own headers: Foundation on Linux carries a private ICU whose
// UErrorCode clashes with the system one, and ICU's versioned renaming macros (ubrk_open ->
// ubrk_open_72) cannot be imported. This header therefore uses only plain C types; the
// implementation file is the only place that includes <unicode/...>.
#ifndef ZJ_ICU_H
#define ZJ_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Writes the ICU version ("72.1") into `buffer`.
void zj_icu_version(char *buffer, int32_t capacity);

/// Short human-readable name of an ICU error code.
const char *zj_icu_error_name(int32_t status);

// MARK: Word break

typedef struct ZJWordBreaker ZJWordBreaker;

/// Opens a word break iterator for `locale` ("zh"). Returns NULL and sets `*status` on failure.
ZJWordBreaker *zj_word_breaker_open(const char *locale, int32_t *status);
void zj_word_breaker_close(ZJWordBreaker *breaker);

/// Runs the iterator over UTF-16 `text` and writes every boundary (0 and `length` included,
/// ascending) into `boundaries`. Returns the number of boundaries, or -1 when `capacity` is too
/// small or ICU fails (`*status` then holds the ICU error). `capacity` of `length + 1` always suffices.
int32_t zj_word_breaker_boundaries(ZJWordBreaker *breaker, const uint16_t *text, int32_t length,
                                   int32_t *boundaries, int32_t capacity, int32_t *status);

// MARK: Dictionary segmentation of Chinese runs

typedef struct ZJCJKDictionary ZJCJKDictionary;

/// Opens ICU's Chinese word dictionary (`cjdict`, the data behind ICU's word break for Han).
/// The dictionary is loaded once per process and shared; each handle holds only its buffers.
/// Returns NULL and sets `*status` on failure.
ZJCJKDictionary *zj_cjk_dictionary_open(int32_t *status);
void zj_cjk_dictionary_close(ZJCJKDictionary *dictionary);

/// Segments one run of NFKC-normalized Han characters exactly as ICU's word break does (its CJK
/// dictionary engine's shortest path) and writes the boundaries like `zj_word_breaker_boundaries`.
int32_t zj_cjk_dictionary_boundaries(ZJCJKDictionary *dictionary, const uint16_t *text, int32_t length,
                                     int32_t *boundaries, int32_t capacity, int32_t *status);

// MARK: Charset detection and conversion

/// Detects the charset of `bytes` with ICU's detector. Writes up to `maxMatches` candidate names
/// into `names` (each `nameStride` bytes, NUL-terminated) with their confidence (0-100) into
/// `confidences`, best first. Returns the number of candidates, or -1 on failure.
int32_t zj_detect_charsets(const uint8_t *bytes, int32_t length, char *names, int32_t nameStride,
                           int32_t *confidences, int32_t maxMatches, int32_t *status);

/// Converts `bytes` in `charset` to UTF-16. Malformed or unmappable input is replaced by U+FFFD;
/// `*invalidCount` receives how many replacements were made and `*firstInvalidByte` the byte
/// offset of the first one (-1 if none). Returns the UTF-16 length, or -1 on failure.
/// `capacity` of `2 * length + 2` always suffices.
int32_t zj_convert_to_utf16(const char *charset, const uint8_t *bytes, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *invalidCount,
                            int32_t *firstInvalidByte, int32_t *status);

// MARK: NFKC

/// NFKC-normalizes UTF-16 `source` into `dest`. Returns the output length or -1 on failure.
int32_t zj_nfkc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

/// 1 when normalization never combines `codePoint` with what precedes it (a chunk starts here).
int32_t zj_nfkc_has_boundary_before(uint32_t codePoint);

/// 1 when `codePoint` normalizes to itself and never interacts with its neighbours.
int32_t zj_nfkc_is_inert(uint32_t codePoint);

#ifdef __cplusplus
}
#endif

#endif
