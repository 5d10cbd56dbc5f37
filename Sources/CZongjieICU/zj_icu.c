#include "zj_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

void zj_icu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity > 0) {
        strncpy(buffer, text, (size_t)capacity - 1);
        buffer[capacity - 1] = 0;
    }
}

const char *zj_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

// MARK: Word break

struct ZJWordBreaker {
    UBreakIterator *iterator;
};

ZJWordBreaker *zj_word_breaker_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &error);
    *status = (int32_t)error;
    if (U_FAILURE(error)) return NULL;
    ZJWordBreaker *breaker = (ZJWordBreaker *)malloc(sizeof(ZJWordBreaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    return breaker;
}

void zj_word_breaker_close(ZJWordBreaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t zj_word_breaker_boundaries(ZJWordBreaker *breaker, const uint16_t *text, int32_t length,
                                   int32_t *boundaries, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &error);
    *status = (int32_t)error;
    if (U_FAILURE(error)) return -1;
    int32_t count = 0;
    for (int32_t position = ubrk_first(breaker->iterator); position != UBRK_DONE;
         position = ubrk_next(breaker->iterator)) {
        if (count >= capacity) {
            *status = (int32_t)U_BUFFER_OVERFLOW_ERROR;
            return -1;
        }
        boundaries[count++] = position;
    }
    // Detach the iterator from the caller's buffer, which may be freed after this call.
    ubrk_setText(breaker->iterator, NULL, 0, &error);
    return count;
}

// MARK: Charset detection and conversion

int32_t zj_detect_charsets(const uint8_t *bytes, int32_t length, char *names, int32_t nameStride,
                           int32_t *confidences, int32_t maxMatches, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return -1;
    }
    ucsdet_setText(detector, (const char *)bytes, length, &error);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector, &found, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        ucsdet_close(detector);
        return -1;
    }
    int32_t written = 0;
    for (int32_t i = 0; i < found && written < maxMatches; i++) {
        UErrorCode matchError = U_ZERO_ERROR;
        const char *name = ucsdet_getName(matches[i], &matchError);
        int32_t confidence = ucsdet_getConfidence(matches[i], &matchError);
        if (U_FAILURE(matchError) || name == NULL) continue;
        char *slot = names + (size_t)written * (size_t)nameStride;
        strncpy(slot, name, (size_t)nameStride - 1);
        slot[nameStride - 1] = 0;
        confidences[written] = confidence;
        written++;
    }
    ucsdet_close(detector);
    *status = 0;
    return written;
}

typedef struct {
    int32_t count;
    int32_t firstByte;
    const char *start;
} ZJInvalidTally;

// Counts each malformed or unmappable sequence, then substitutes U+FFFD as ICU's default does.
static void zj_count_and_substitute(const void *context, UConverterToUnicodeArgs *args,
                                    const char *codeUnits, int32_t length, UConverterCallbackReason reason,
                                    UErrorCode *error) {
    ZJInvalidTally *tally = (ZJInvalidTally *)context;
    if (reason == UCNV_ILLEGAL || reason == UCNV_UNASSIGNED || reason == UCNV_IRREGULAR) {
        if (tally->count == 0 && tally->start != NULL) {
            tally->firstByte = (int32_t)(args->source - tally->start) - length;
            if (tally->firstByte < 0) tally->firstByte = 0;
        }
        tally->count++;
        *error = U_ZERO_ERROR;
        ucnv_cbToUWriteSub(args, 0, error);
    }
}

int32_t zj_convert_to_utf16(const char *charset, const uint8_t *bytes, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *invalidCount,
                            int32_t *firstInvalidByte, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        return -1;
    }
    ZJInvalidTally tally = {0, -1, (const char *)bytes};
    ucnv_setToUCallBack(converter, (UConverterToUCallback)zj_count_and_substitute, &tally, NULL, NULL, &error);
    if (U_FAILURE(error)) {
        *status = (int32_t)error;
        ucnv_close(converter);
        return -1;
    }
    UChar *target = (UChar *)dest;
    const UChar *targetLimit = target + capacity;
    const char *source = (const char *)bytes;
    const char *sourceLimit = source + length;
    ucnv_toUnicode(converter, &target, targetLimit, &source, sourceLimit, NULL, 1, &error);
    ucnv_close(converter);
    *status = (int32_t)error;
    *invalidCount = tally.count;
    *firstInvalidByte = tally.firstByte;
    if (U_FAILURE(error)) return -1;
    return (int32_t)(target - (UChar *)dest);
}

// MARK: NFKC

static const UNormalizer2 *zj_nfkc_instance(void) {
    UErrorCode error = U_ZERO_ERROR;
    return unorm2_getNFKCInstance(&error);
}

int32_t zj_nfkc(const uint16_t *source, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = zj_nfkc_instance();
    if (normalizer == NULL) {
        *status = (int32_t)U_MISSING_RESOURCE_ERROR;
        return -1;
    }
    int32_t written = unorm2_normalize(normalizer, (const UChar *)source, length, (UChar *)dest, capacity, &error);
    *status = (int32_t)error;
    if (U_FAILURE(error)) return -1;
    return written;
}

int32_t zj_nfkc_has_boundary_before(uint32_t codePoint) {
    const UNormalizer2 *normalizer = zj_nfkc_instance();
    if (normalizer == NULL) return 1;
    return unorm2_hasBoundaryBefore(normalizer, (UChar32)codePoint) ? 1 : 0;
}

int32_t zj_nfkc_is_inert(uint32_t codePoint) {
    const UNormalizer2 *normalizer = zj_nfkc_instance();
    if (normalizer == NULL) return 1;
    return unorm2_isInert(normalizer, (UChar32)codePoint) ? 1 : 0;
}
