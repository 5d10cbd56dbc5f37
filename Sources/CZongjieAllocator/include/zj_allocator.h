#ifndef ZJ_ALLOCATOR_H
#define ZJ_ALLOCATOR_H

/// Caps the number of malloc arenas of glibc (mallopt M_ARENA_MAX, declared in <malloc.h>, which
/// Swift's Glibc module does not export). Returns 1 when applied, 0 when refused or when the C
/// library is not glibc.
int zj_allocator_limit_arenas(int count);

/// Sets glibc's mmap threshold (M_MMAP_THRESHOLD: blocks at least this large get pages of their
/// own, returned to the kernel when freed) and trim threshold (M_TRIM_THRESHOLD: free memory at
/// the top of a heap beyond this is returned). Returns 1 when both are applied, 0 otherwise.
int zj_allocator_retain_freed_memory(int mmap_threshold, int trim_threshold);

#endif
