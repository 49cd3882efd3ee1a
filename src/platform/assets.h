/* assets.h — the texture cache: images loaded once per renderer by path (relative to the level's
 * data root). A file that cannot be loaded is reported once with its name and drawn as nothing;
 * the game keeps running. */
#ifndef STARDUST_ASSETS_H
#define STARDUST_ASSETS_H

#include <SDL.h>
#include <stdbool.h>

#define ASSETS_MAX 128

typedef struct AssetEntry {
    char *path;           /* as written in the level */
    SDL_Texture *texture; /* NULL when loading failed */
    int w, h;
    SDL_Rect opaque;      /* the part that is not fully transparent (a walk-behind layer is mostly
                             empty: drawing only this part saves a full-screen blend) */
    bool solid;           /* every pixel is opaque: copied, not blended */
} AssetEntry;

typedef struct Assets {
    SDL_Renderer *renderer;
    char root[1024];      /* data root the paths are relative to */
    int count;
    AssetEntry entries[ASSETS_MAX];
} Assets;

void assets_init(Assets *a, SDL_Renderer *r, const char *root);
/* Forgets every texture (for a level reload or a new root). */
void assets_clear(Assets *a);
/* The texture for a path, loaded on first use; NULL if it cannot be loaded. */
const AssetEntry *assets_get(Assets *a, const char *path);

#endif
