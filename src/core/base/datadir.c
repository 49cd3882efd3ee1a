/* datadir.c — where the game's own data is (datadir.h). The build writes in where it was built
 * from and into, and where an install puts the data; see CMakeLists.txt. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "datadir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef STARDUST_DATADIR
#define STARDUST_DATADIR "/usr/local/share/stardust"
#endif
#ifndef STARDUST_BIN_TO_DATA
#define STARDUST_BIN_TO_DATA "../share/stardust"
#endif

static char found[PATH_MAX];
static bool known; /* found and origin hold the answer */
static DataDirOrigin origin;

static bool has_levels(const char *dir)
{
    char probe[PATH_MAX];
    struct stat st;
    int n = snprintf(probe, sizeof probe, "%.*s/levels", PATH_MAX - 8, dir);
    return n > 0 && n < (int)sizeof probe && stat(probe, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The running binary's own path, resolved; false where /proc is not there. */
static bool own_path(char *out, size_t n)
{
    ssize_t len = readlink("/proc/self/exe", out, n - 1);
    if (len <= 0 || (size_t)len >= n - 1)
        return false;
    out[len] = '\0';
    return true;
}

/* If path (resolved) lies inside dir, the length of dir resolved (path[n] is the '/' after it, or n
 * is 1 for the root); else 0. */
static size_t inside(const char *path, const char *dir)
{
    char real[PATH_MAX];
    if (!realpath(dir, real))
        return 0;
    size_t n = strlen(real);
    return strncmp(path, real, n) == 0 && (path[n] == '/' || (n == 1 && real[0] == '/')) ? n : 0;
}

/* Whether path (resolved) is a file directly in the folder dir. */
static bool in_folder(const char *path, const char *dir)
{
    char real[PATH_MAX];
    const char *slash = strrchr(path, '/');
    if (!slash || !realpath(dir, real))
        return false;
    size_t n = (size_t)(slash - path);
    return strlen(real) == n && strncmp(path, real, n) == 0;
}

static void keep(const char *dir, DataDirOrigin why)
{
    snprintf(found, sizeof found, "%s", dir);
    size_t n = strlen(found);
    while (n > 1 && found[n - 1] == '/')
        found[--n] = '\0';
    origin = why;
    known = true;
}

const char *datadir(void)
{
    if (known)
        return found;
    const char *env = getenv("STARDUST_DATA");
    if (env && *env) {
        keep(env, DATADIR_ENV);
        return found;
    }
    char exe[PATH_MAX];
    if (own_path(exe, sizeof exe)) {
#if defined(STARDUST_BUILD_DIR) && defined(STARDUST_SOURCE_DIR)
        /* the game's binary where the build puts it (not an install staged inside the build tree) */
        if (in_folder(exe, STARDUST_BUILD_DIR) && has_levels(STARDUST_SOURCE_DIR)) {
            keep(STARDUST_SOURCE_DIR, DATADIR_SOURCE_TREE);
            return found;
        }
#endif
        char *slash = strrchr(exe, '/');
        if (slash) {
            char beside[PATH_MAX], real[PATH_MAX];
            *slash = '\0';
            int n = snprintf(beside, sizeof beside, "%.*s/%s", PATH_MAX - 128, exe, STARDUST_BIN_TO_DATA);
            if (n > 0 && n < (int)sizeof beside && has_levels(beside) && realpath(beside, real)) {
                keep(real, DATADIR_BESIDE_BINARY);
                return found;
            }
        }
    }
    keep(STARDUST_DATADIR, DATADIR_BUILT_IN);
    return found;
}

DataDirOrigin datadir_origin(void)
{
    datadir();
    return origin;
}

const char *datadir_origin_name(DataDirOrigin o)
{
    static const char *const names[] = {"STARDUST_DATA", "source tree", "beside the binary", "compiled in"};
    return names[o];
}

bool datadir_path(const char *rel, char *out, size_t n)
{
    int w = snprintf(out, n, "%s/%s", datadir(), rel);
    return w > 0 && (size_t)w < n;
}

const char *datadir_relative(const char *path)
{
    static char real[PATH_MAX];
    if (!path || !realpath(path, real))
        return NULL;
    size_t n = inside(real, datadir());
    return n ? real + n + (n == 1 ? 0 : 1) : NULL;
}

void datadir_reset(void)
{
    known = false;
    found[0] = '\0';
}
