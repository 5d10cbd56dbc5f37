#ifndef ZJ_MEMORY_H
#define ZJ_MEMORY_H

/// Returns the memory that the allocator holds free to the system (glibc's malloc_trim, declared
/// in <malloc.h>, which Swift's Glibc module does not bring in); does nothing elsewhere.
void zj_release_free_memory(void);

#endif
