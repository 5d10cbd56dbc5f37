// A plain-C facade over the system's checksum code: OpenSSL's libcrypto (libssl-dev) for the
// SHA-256 content hash of ingested files, zlib for the CRC-32 of zip members. Both pick the
// fastest code for the processor (SHA extensions, carry-less multiply), several times the speed
// of portable Swift, and both checksums run over every byte that ingest reads.
#ifndef ZJ_CHECKSUMS_H
#define ZJ_CHECKSUMS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: SHA-256 (OpenSSL)

typedef struct ZJSHA256 ZJSHA256;

/// A new SHA-256 computation, or NULL when OpenSSL cannot provide one.
ZJSHA256 *zj_sha256_new(void);
void zj_sha256_free(ZJSHA256 *hasher);

/// Feeds `length` bytes. Returns 1 on success.
int32_t zj_sha256_update(ZJSHA256 *hasher, const void *bytes, size_t length);

/// Writes the 32-byte digest and ends the computation. Returns 1 on success.
int32_t zj_sha256_final(ZJSHA256 *hasher, uint8_t *digest);

/// The digest of `length` bytes in one call. Returns 1 on success.
int32_t zj_sha256(const void *bytes, size_t length, uint8_t *digest);

// MARK: CRC-32 (zlib)

/// The CRC-32 (ISO 3309, as in zip and gzip) of `length` bytes, continuing from `crc` (0 to start).
uint32_t zj_crc32(uint32_t crc, const void *bytes, size_t length);

#ifdef __cplusplus
}
#endif

#endif
