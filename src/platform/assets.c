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

/* The smallest rectangle holding every pixel that is not fully transparent (the whole image
 * when it has no alpha, or when it is all transparent), and whether every pixel is opaque. */
static SDL_Rect opaque_bounds(SDL_Surface *s, bool *solid)
{
    SDL_Rect all = {0, 0, s->w, s->h};
    *solid = !s->format->Amask;
    if (!s->format->Amask)
        return all;
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
    if (!rgba)
        return all;
    int translucent = 0;
    int x0 = rgba->w, y0 = rgba->h, x1 = -1, y1 = -1;
    for (int y = 0; y < rgba->h; y++) {
        const Uint8 *row = (const Uint8 *)rgba->pixels + y * rgba->pitch;
        for (int x = 0; x < rgba->w; x++) {
            translucent += row[x * 4 + 3] != 255;
            if (row[x * 4 + 3]) {
                x0 = x < x0 ? x : x0;
                x1 = x > x1 ? x : x1;
                y0 = y < y0 ? y : y0;
                y1 = y > y1 ? y : y1;
            }
        }
    }
    SDL_FreeSurface(rgba);
    *solid = translucent == 0;
    if (x1 < 0)
        return all;
    return (SDL_Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
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
    e->opaque = opaque_bounds(s, &e->solid);
    SDL_FreeSurface(s);
    if (!e->texture) {
        fprintf(stderr, "stardust: %s: cannot make a texture: %s\n", full, SDL_GetError());
        return NULL;
    }
    return e;
}
