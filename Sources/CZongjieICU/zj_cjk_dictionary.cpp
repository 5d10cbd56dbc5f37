// ICU's word break for Chinese, minus the iterator: the same dictionary and the same search.
//
// For a run of Han characters, ICU's word break hands the run to its CJK dictionary engine
// (CjkBreakEngine::divideUpDictionaryRange): a shortest path over the words of the `cjdict`
// dictionary, whose trie values are the words' costs, with an unknown character costing 255.
// Doing that search here, straight on the trie, gives the same boundaries without the rule
// machine, the UText layer and the per-call normalization check around it, and lets the
// trie's first step (a search of its widest node) be looked up in a table built once.
//
// Input must already be NFKC (ICU normalizes a run before matching); the tokenizer's text is.

#include "zj_icu.h"

#include <mutex>
#include <vector>

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>

namespace {

using icu::UCharsTrie;

// Limits and costs of ICU's CjkBreakEngine (dictbe.cpp): words of at most 20 characters, and a
// character that starts no dictionary word is a one-character word of the highest cost.
constexpr int32_t kMaxWordLength = 20;
constexpr int32_t kUnknownCharacterCost = 255;
constexpr int32_t kUnreachable = INT32_MAX;

// Header of ICU's dictionary files (DictionaryData in dictionarydata.h).
constexpr int32_t kIndexTrieOffset = 0;
constexpr int32_t kIndexTrieType = 4;
constexpr int32_t kIndexTransform = 5;
constexpr int32_t kTrieTypeMask = 7;
constexpr int32_t kTrieTypeUChars = 1;
constexpr int32_t kTrieHasValues = 8;

// The trie and the state after its first step for every BMP code unit, shared by all threads.
struct SharedDictionary {
    UDataMemory *memory = nullptr;
    const char16_t *trie = nullptr;
    UErrorCode error = U_ZERO_ERROR;
    std::vector<UCharsTrie::State> firstState;
    std::vector<uint8_t> firstResult;   // UStringTrieResult of first(unit)
    std::vector<int32_t> firstValue;    // the one-character word's cost, when it is a word

    void load() {
        memory = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &error);
        if (U_FAILURE(error)) return;
        const uint8_t *bytes = static_cast<const uint8_t *>(udata_getMemory(memory));
        const int32_t *indexes = reinterpret_cast<const int32_t *>(bytes);
        const int32_t type = indexes[kIndexTrieType];
        if ((type & kTrieTypeMask) != kTrieTypeUChars || (type & kTrieHasValues) == 0 || indexes[kIndexTransform] != 0) {
            error = U_INVALID_FORMAT_ERROR;
            return;
        }
        trie = reinterpret_cast<const char16_t *>(bytes + indexes[kIndexTrieOffset]);
        firstState.resize(0x10000);
        firstResult.assign(0x10000, USTRINGTRIE_NO_MATCH);
        firstValue.assign(0x10000, 0);
        for (int32_t unit = 0; unit < 0x10000; unit++) {
            if (U16_IS_SURROGATE(unit)) continue;
            UCharsTrie walker(trie);
            const UStringTrieResult result = walker.first(unit);
            firstResult[unit] = static_cast<uint8_t>(result);
            if (result == USTRINGTRIE_NO_MATCH) continue;
            walker.saveState(firstState[unit]);
            if (USTRINGTRIE_HAS_VALUE(result)) firstValue[unit] = walker.getValue();
        }
    }
};

const SharedDictionary &sharedDictionary() {
    static SharedDictionary dictionary;
    static std::once_flag loaded;
    std::call_once(loaded, [] { dictionary.load(); });
    return dictionary;
}

}  // namespace

struct ZJCJKDictionary {
    const SharedDictionary *shared;
    std::vector<int32_t> bestCost;   // per code unit; only code point starts are used
    std::vector<int32_t> previous;
};

extern "C" ZJCJKDictionary *zj_cjk_dictionary_open(int32_t *status) {
    const SharedDictionary &shared = sharedDictionary();
    *status = static_cast<int32_t>(shared.error);
    if (U_FAILURE(shared.error)) return nullptr;
    return new ZJCJKDictionary{&shared, {}, {}};
}

extern "C" void zj_cjk_dictionary_close(ZJCJKDictionary *dictionary) { delete dictionary; }

extern "C" int32_t zj_cjk_dictionary_boundaries(ZJCJKDictionary *dictionary, const uint16_t *text, int32_t length,
                                                int32_t *boundaries, int32_t capacity, int32_t *status) {
    *status = U_ZERO_ERROR;
    if (length <= 0) {
        if (capacity < 1) {
            *status = U_BUFFER_OVERFLOW_ERROR;
            return -1;
        }
        boundaries[0] = 0;
        return 1;
    }
    const SharedDictionary &shared = *dictionary->shared;
    const char16_t *units = reinterpret_cast<const char16_t *>(text);
    std::vector<int32_t> &bestCost = dictionary->bestCost;
    std::vector<int32_t> &previous = dictionary->previous;
    bestCost.assign(static_cast<size_t>(length) + 1, kUnreachable);
    previous.resize(static_cast<size_t>(length) + 1);
    bestCost[0] = 0;

    for (int32_t start = 0; start < length; start++) {
        const int32_t reached = bestCost[start];
        if (reached == kUnreachable) continue;   // also skips trailing surrogates
        const char16_t first = units[start];
        bool oneCharacterWord = false;
        if (U16_IS_LEAD(first) && start + 1 < length && U16_IS_TRAIL(units[start + 1])) {
            // A supplementary character is never a dictionary word's start (ICU compares the
            // code point with the trie's 16-bit units), so it is an unknown character.
            if (reached + kUnknownCharacterCost < bestCost[start + 2]) {
                bestCost[start + 2] = reached + kUnknownCharacterCost;
                previous[start + 2] = start;
            }
            continue;
        }
        UStringTrieResult result = static_cast<UStringTrieResult>(shared.firstResult[first]);
        if (result != USTRINGTRIE_NO_MATCH) {
            UCharsTrie walker(shared.trie);
            walker.resetToState(shared.firstState[first]);
            const int32_t longest = length - start < kMaxWordLength ? length - start : kMaxWordLength;
            for (int32_t matched = 1;; matched++) {
                if (USTRINGTRIE_HAS_VALUE(result)) {
                    const int32_t cost = reached + (matched == 1 ? shared.firstValue[first] : walker.getValue());
                    if (matched == 1) oneCharacterWord = true;
                    if (cost < bestCost[start + matched]) {
                        bestCost[start + matched] = cost;
                        previous[start + matched] = start;
                    }
                    if (result == USTRINGTRIE_FINAL_VALUE) break;
                }
                if (matched >= longest) break;
                result = walker.next(units[start + matched]);
                if (result == USTRINGTRIE_NO_MATCH) break;
            }
        }
        if (!oneCharacterWord && reached + kUnknownCharacterCost < bestCost[start + 1]) {
            bestCost[start + 1] = reached + kUnknownCharacterCost;
            previous[start + 1] = start;
        }
    }

    // Walk back from the end, then write the boundaries in ascending order.
    int32_t count = 1;
    for (int32_t position = length; position > 0; position = previous[position]) count++;
    if (count > capacity) {
        *status = U_BUFFER_OVERFLOW_ERROR;
        return -1;
    }
    int32_t slot = count - 1;
    for (int32_t position = length; position > 0; position = previous[position]) boundaries[slot--] = position;
    boundaries[0] = 0;
    return count;
}
