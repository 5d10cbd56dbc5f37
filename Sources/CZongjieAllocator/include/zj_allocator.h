#ifndef ZJ_ALLOCATOR_H
#define ZJ_ALLOCATOR_H

/// Caps the number of malloc arenas of glibc (mallopt M_ARENA_MAX, declared in <malloc.h>, which
/// Swift's Glibc module does not export). Returns 1 when applied, 0 when refused or when the C
/// library is not glibc.
int zj_allocator_limit_arenas(int count);

#endif
