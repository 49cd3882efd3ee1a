/* text.c — outlined text cache. */
#include "text.h"

#include <stdio.h>
#include <string.h>

bool text_init(Text *t, Gfx *gfx, const char *root, int size, char *err, size_t errlen)
{
    memset(t, 0, sizeof *t);
    t->gfx = gfx;
    if (!TTF_WasInit() && TTF_Init() != 0) {
        snprintf(err, errlen, "SDL_ttf: %s", TTF_GetError());
        return false;
    }
    char path[1100];
    snprintf(path, sizeof path, "%s/%s", root, TEXT_FONT_FILE);
    t->font = TTF_OpenFont(path, size);
    if (!t->font) {
        snprintf(err, errlen, "%s: cannot open font: %s", path, TTF_GetError());
        text_quit(t);
        return false;
    }
    TTF_SetFontHinting(t->font, TTF_HINTING_MONO);
    return true;
}

void text_quit(Text *t)
{
    for (int i = 0; i < TEXT_CACHE_MAX; i++) {
        if (t->cache[i].texture)
            SDL_DestroyTexture(t->cache[i].texture);
        SDL_free(t->cache[i].text);
    }
    if (t->font)
        TTF_CloseFont(t->font);
    memset(t, 0, sizeof *t);
}

/* Renders glyphs as RGBA (blending needs it); Solid, not Blended, keeps the pixel look: no
 * half-transparent edges to smear when the screen is scaled up. */
static SDL_Surface *render_solid(TTF_Font *f, const char *s, SDL_Color c, int wrap)
{
    SDL_Surface *indexed = wrap > 0 ? TTF_RenderUTF8_Solid_Wrapped(f, s, c, (Uint32)wrap) : TTF_RenderUTF8_Solid(f, s, c);
    if (!indexed)
        return NULL;
    SDL_Surface *rgba = SDL_ConvertSurfaceFormat(indexed, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_FreeSurface(indexed);
    return rgba;
}

static TextCacheEntry *text_get(Text *t, const char *s, uint32_t color, int wrap, bool left)
{
    t->frame++;
    TextCacheEntry *victim = &t->cache[0];
    for (int i = 0; i < TEXT_CACHE_MAX; i++) {
        TextCacheEntry *e = &t->cache[i];
        if (e->text && e->color == color && e->wrap == wrap && e->left == left && strcmp(e->text, s) == 0) {
            e->last_used = t->frame;
            return e;
        }
        if (!e->text || e->last_used < victim->last_used)
            victim = e;
    }
    gfx_release(t->gfx, victim->texture); /* the frame being listed may still draw it */
    SDL_free(victim->text);
    memset(victim, 0, sizeof *victim);
    SDL_Color fg = {(Uint8)(color >> 16), (Uint8)(color >> 8), (Uint8)color, 255};
    SDL_Color black = {12, 8, 20, 255};
    TTF_SetFontWrappedAlign(t->font, left ? TTF_WRAPPED_ALIGN_LEFT : TTF_WRAPPED_ALIGN_CENTER);
    SDL_Surface *fill = render_solid(t->font, s, fg, wrap);
    SDL_Surface *edge = render_solid(t->font, s, black, wrap);
    if (!fill || !edge) {
        SDL_FreeSurface(fill);
        SDL_FreeSurface(edge);
        return NULL;
    }
    /* The outline is the same glyphs in black stamped around the fill, so both always line up. */
    int o = TEXT_OUTLINE;
    SDL_Surface *out = SDL_CreateRGBSurfaceWithFormat(0, fill->w + 2 * o, fill->h + 2 * o, 32, SDL_PIXELFORMAT_RGBA32);
    if (out) {
        SDL_SetSurfaceBlendMode(edge, SDL_BLENDMODE_BLEND);
        SDL_SetSurfaceBlendMode(fill, SDL_BLENDMODE_BLEND);
        for (int dy = -o; dy <= o; dy++) {
            for (int dx = -o; dx <= o; dx++) {
                SDL_Rect at = {o + dx, o + dy, edge->w, edge->h};
                if (dx || dy)
                    SDL_BlitSurface(edge, NULL, out, &at);
            }
        }
        SDL_Rect at = {o, o, fill->w, fill->h};
        SDL_BlitSurface(fill, NULL, out, &at);
        victim->texture = SDL_CreateTextureFromSurface(t->gfx->renderer, out);
        victim->w = out->w;
        victim->h = out->h;
        SDL_FreeSurface(out);
    }
    SDL_FreeSurface(fill);
    SDL_FreeSurface(edge);
    if (!victim->texture)
        return NULL;
    victim->text = SDL_strdup(s);
    victim->color = color;
    victim->wrap = wrap;
    victim->left = left;
    victim->last_used = t->frame;
    return victim;
}

void text_measure(Text *t, const char *s, int wrap, int *w, int *h)
{
    TextCacheEntry *e = text_get(t, s, 0xffffff, wrap, false);
    *w = e ? e->w : 0;
    *h = e ? e->h : 0;
}

static void draw_at(Text *t, const char *s, uint32_t color, int wrap, int x, int y, bool left)
{
    if (!t->font || !s || !*s)
        return;
    TextCacheEntry *e = text_get(t, s, color, wrap, left);
    if (!e)
        return;
    gfx_copy(t->gfx, e->texture, NULL, (SDL_Rect){x, y, e->w, e->h}, false, 0xffffff, 255, SDL_BLENDMODE_BLEND);
}

void text_draw(Text *t, const char *s, uint32_t color, int wrap, int x, int y) { draw_at(t, s, color, wrap, x, y, false); }

void text_draw_left(Text *t, const char *s, uint32_t color, int wrap, int x, int y) { draw_at(t, s, color, wrap, x, y, true); }

void text_draw_above(Text *t, const char *s, uint32_t color, int wrap, int cx, int bottom, int sw, int sh)
{
    if (!t->font || !s || !*s)
        return;
    TextCacheEntry *e = text_get(t, s, color, wrap, false);
    if (!e)
        return;
    int x = cx - e->w / 2, y = bottom - e->h;
    x = x < 2 ? 2 : x + e->w > sw - 2 ? sw - 2 - e->w : x;
    y = y < 2 ? 2 : y + e->h > sh - 2 ? sh - 2 - e->h : y;
    gfx_copy(t->gfx, e->texture, NULL, (SDL_Rect){x, y, e->w, e->h}, false, 0xffffff, 255, SDL_BLENDMODE_BLEND);
}
