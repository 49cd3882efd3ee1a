/* assets.c — texture cache. */
#include "assets.h"

#include <SDL_image.h>
#include <stdio.h>
#include <string.h>

void assets_init(Assets *a, SDL_Renderer *r, const char *root)
{
    memset(a, 0, sizeof *a);
    a->renderer = r;
    snprintf(a->root, sizeof a->root, "%s", root);
}

void assets_clear(Assets *a)
{
    for (int i = 0; i < a->count; i++) {
        if (a->entries[i].texture)
            SDL_DestroyTexture(a->entries[i].texture);
        SDL_free(a->entries[i].path);
    }
    a->count = 0;
}

const AssetEntry *assets_get(Assets *a, const char *path)
{
    if (!path)
        return NULL;
    for (int i = 0; i < a->count; i++)
        if (strcmp(a->entries[i].path, path) == 0)
            return a->entries[i].texture ? &a->entries[i] : NULL;
    if (a->count == ASSETS_MAX)
        return NULL;
    AssetEntry *e = &a->entries[a->count++];
    memset(e, 0, sizeof *e);
    e->path = SDL_strdup(path);
    char full[2048];
    snprintf(full, sizeof full, "%s/%s", a->root, path);
    SDL_Surface *s = IMG_Load(full);
    if (!s) {
        fprintf(stderr, "stardust: %s: cannot load image: %s\n", full, IMG_GetError());
        return NULL;
    }
    e->texture = SDL_CreateTextureFromSurface(a->renderer, s);
    e->w = s->w;
    e->h = s->h;
    SDL_FreeSurface(s);
    if (!e->texture) {
        fprintf(stderr, "stardust: %s: cannot make a texture: %s\n", full, SDL_GetError());
        return NULL;
    }
    return e;
}
