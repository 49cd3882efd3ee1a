/* fileio.h — reading a whole file into memory, refusing one larger than the caller's limit, and
 * writing one atomically. A leaf:
 * used by the level loader, saves and replays; knows nothing of them. */
#ifndef STARDUST_FILEIO_H
#define STARDUST_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

/* Reads a whole file into memory (NUL-terminated; caller frees *out). false with a message naming
 * the file: missing, a directory, larger than max bytes, or unreadable. */
bool file_read_all(const char *path, size_t max, char **out, size_t *len, char *err, size_t errlen);
/* Writes len bytes to path atomically: into tmp_path (path + ".tmp" when NULL), flushed to disk,
 * then renamed over path, so a reader sees the old file or the new one, never half of one. false
 * with a message naming the file; the temporary file is removed then. */
bool file_write_atomic(const char *path, const char *tmp_path, const void *data, size_t len, char *err, size_t errlen);

#endif
