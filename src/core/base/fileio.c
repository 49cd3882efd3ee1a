/* fileio.c — whole-file reads with a size limit, atomic whole-file writes, and messages that name
 * the file. */
#include "fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

bool file_read_all(const char *path, size_t max, char **out, size_t *len, char *err, size_t errlen)
{
    *out = NULL;
    *len = 0;
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: is a directory, not a file", path);
        return false;
    }
    if ((unsigned long long)st.st_size > max) {
        snprintf(err, errlen, "%s: file too large (%lld bytes; the limit is %zu)", path,
                 (long long)st.st_size, max);
        return false;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    size_t cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        snprintf(err, errlen, "%s: out of memory", path);
        return false;
    }
    size_t n = fread(buf, 1, cap - 1, f);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        snprintf(err, errlen, "%s: read error", path);
        return false;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return true;
}

bool file_write_atomic(const char *path, const char *tmp_path, const void *data, size_t len, char *err, size_t errlen)
{
    char tmp[1100];
    snprintf(tmp, sizeof tmp, "%s", tmp_path ? tmp_path : path);
    if (!tmp_path)
        snprintf(tmp + strlen(tmp), sizeof tmp - strlen(tmp), ".tmp");
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    bool ok = fd >= 0;
    size_t done = 0;
    while (ok && done < len) {
        ssize_t w = write(fd, (const char *)data + done, len - done);
        ok = w > 0;
        done += ok ? (size_t)w : 0;
    }
    ok = ok && fsync(fd) == 0;
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    ok = ok && rename(tmp, path) == 0;
    if (!ok) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        remove(tmp);
    }
    return ok;
}
