#include "zj_checksums.h"

#include <zlib.h>

uint32_t zj_crc32(uint32_t crc, const void *bytes, size_t length) {
    uLong value = crc;
    const Bytef *next = (const Bytef *)bytes;
    // zlib takes lengths as uInt: feed very long buffers in pieces.
    while (length > 0) {
        uInt piece = length > 0x40000000u ? 0x40000000u : (uInt)length;
        value = crc32(value, next, piece);
        next += piece;
        length -= piece;
    }
    return (uint32_t)value;
}
