/* datadir.h — where the game's own data is: the folder holding levels/ and assets/. A leaf.
 *
 * Used for the level a bare `stardust` plays, and as the last place a replay's relative level path
 * is looked for, so a replay recorded anywhere plays on any install. In order, the first that holds
 * a levels/ folder:
 *   1. $STARDUST_DATA, when it is set (used as it is, even without levels/: a wrong value is named
 *      by the error of the file that is not in it);
 *   2. the source tree, when the running binary is the one at the top of the build tree it was built
 *      in (developers run build/…/stardust from anywhere; an install staged inside the build tree
 *      is not the build's binary);
 *   3. beside the binary, as installed: <the binary's folder>/<bindir to datadir>/stardust, so an
 *      install moved elsewhere or staged under DESTDIR finds its own data;
 *   4. the data folder compiled in (CMake's CMAKE_INSTALL_FULL_DATADIR/stardust), also when it is
 *      missing, so the message names where the data should be. */
#ifndef STARDUST_DATADIR_H
#define STARDUST_DATADIR_H

#include <stdbool.h>
#include <stddef.h>

/* Which of the four places above the data folder is. */
typedef enum { DATADIR_ENV, DATADIR_SOURCE_TREE, DATADIR_BESIDE_BINARY, DATADIR_BUILT_IN } DataDirOrigin;

/* The data folder, found once and kept (no trailing slash). */
const char *datadir(void);
DataDirOrigin datadir_origin(void);
/* The origin in words: "STARDUST_DATA", "source tree", "beside the binary" or "compiled in". */
const char *datadir_origin_name(DataDirOrigin o);
/* rel (e.g. "levels/studio_b.json") inside the data folder, into out. false if it did not fit. */
bool datadir_path(const char *rel, char *out, size_t n);
/* If path names a file inside the data folder, the part after "<data folder>/" (a pointer into
 * path, or into a static buffer when the path had to be resolved); else NULL. What a recording
 * writes instead of an install's absolute path. */
const char *datadir_relative(const char *path);
/* Forgets what datadir() found, so the next call looks again (tests that change $STARDUST_DATA). */
void datadir_reset(void);

#endif
