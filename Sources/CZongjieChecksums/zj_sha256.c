#include "zj_checksums.h"

#include <openssl/evp.h>

struct ZJSHA256 {
    EVP_MD_CTX *context;
};

ZJSHA256 *zj_sha256_new(void) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    if (context == NULL) return NULL;
    if (EVP_DigestInit_ex(context, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(context);
        return NULL;
    }
    ZJSHA256 *hasher = (ZJSHA256 *)OPENSSL_malloc(sizeof(ZJSHA256));
    if (hasher == NULL) {
        EVP_MD_CTX_free(context);
        return NULL;
    }
    hasher->context = context;
    return hasher;
}

void zj_sha256_free(ZJSHA256 *hasher) {
    if (hasher == NULL) return;
    EVP_MD_CTX_free(hasher->context);
    OPENSSL_free(hasher);
}

int32_t zj_sha256_update(ZJSHA256 *hasher, const void *bytes, size_t length) {
    return EVP_DigestUpdate(hasher->context, bytes, length) == 1;
}

int32_t zj_sha256_final(ZJSHA256 *hasher, uint8_t *digest) {
    unsigned int written = 0;
    return EVP_DigestFinal_ex(hasher->context, digest, &written) == 1 && written == 32;
}

int32_t zj_sha256(const void *bytes, size_t length, uint8_t *digest) {
    unsigned int written = 0;
    return EVP_Digest(bytes, length, digest, &written, EVP_sha256(), NULL) == 1 && written == 32;
}
