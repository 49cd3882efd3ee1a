/* imgdiff EXPECTED.png ACTUAL.png [DIFF.png] — compares a render with its golden image, locally as
 * well as globally. A pixel differs when any channel differs by more than 24. The images match when
 * their sizes agree, no 8x8 window (at any position) holds more than 3 differing pixels, and at
 * most 32 pixels differ in all: stray single pixels pass, but a changed word, a sprite moved by
 * one row or a changed icon fails. On a failure it prints where the images differ and, given
 * DIFF.png, writes the differing pixels in magenta over a dimmed copy of the expected image. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

#define CHANNEL_TOLERANCE 24
#define WINDOW 8
#define WINDOW_LIMIT 3 /* differing pixels allowed in any WINDOW x WINDOW square */
#define TOTAL_LIMIT 32 /* differing pixels allowed in the whole image */

/* Whether pixel (x, y) of two RGBA32 images differs by more than the tolerance in any channel. */
static int pixel_differs(const SDL_Surface *a, const SDL_Surface *b, int x, int y)
{
    const Uint8 *pa = (const Uint8 *)a->pixels + y * a->pitch + x * 4;
    const Uint8 *pb = (const Uint8 *)b->pixels + y * b->pitch + x * 4;
    for (int c = 0; c < 4; c++)
        if (abs(pa[c] - pb[c]) > CHANNEL_TOLERANCE)
            return 1;
    return 0;
}

/* Writes the differing pixels in magenta over the expected image at a third of its brightness. */
static void write_diff(const char *path, const SDL_Surface *a, const unsigned char *mask)
{
    SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 32, SDL_PIXELFORMAT_RGBA32);
    if (!d) {
        fprintf(stderr, "imgdiff: cannot make the diff image: %s\n", SDL_GetError());
        return;
    }
    for (int y = 0; y < a->h; y++) {
        const Uint8 *pa = (const Uint8 *)a->pixels + y * a->pitch;
        Uint8 *pd = (Uint8 *)d->pixels + y * d->pitch;
        for (int x = 0; x < a->w; x++) {
            int on = mask[(size_t)y * a->w + x];
            pd[x * 4 + 0] = on ? 255 : pa[x * 4 + 0] / 3;
            pd[x * 4 + 1] = on ? 0 : pa[x * 4 + 1] / 3;
            pd[x * 4 + 2] = on ? 255 : pa[x * 4 + 2] / 3;
            pd[x * 4 + 3] = 255;
        }
    }
    if (IMG_SavePNG(d, path) == 0)
        printf("imgdiff: the differing pixels are marked in %s\n", path);
    else
        fprintf(stderr, "imgdiff: cannot write %s: %s\n", path, IMG_GetError());
    SDL_FreeSurface(d);
}

/* Compares two loaded RGBA32 images of the same size; prints the verdict and returns 0 or 1. */
static int compare(const SDL_Surface *a, const SDL_Surface *b, const char *diff_path)
{
    int w = a->w, h = a->h, ww = w < WINDOW ? w : WINDOW, wh = h < WINDOW ? h : WINDOW;
    unsigned char *mask = calloc((size_t)w * h + 1, 1);
    /* sum[(y)*(w+1)+x]: differing pixels above and left of (x, y) */
    long *sum = calloc((size_t)(w + 1) * (h + 1), sizeof *sum);
    if (!mask || !sum) {
        fprintf(stderr, "imgdiff: out of memory\n");
        free(mask);
        free(sum);
        return 2;
    }
    long differ = 0;
    int x0 = w, y0 = h, x1 = -1, y1 = -1; /* the box around every difference */
    for (int y = 0; y < h; y++) {
        long row = 0;
        for (int x = 0; x < w; x++) {
            int on = pixel_differs(a, b, x, y);
            mask[(size_t)y * w + x] = (unsigned char)on;
            row += on;
            sum[(size_t)(y + 1) * (w + 1) + x + 1] = sum[(size_t)y * (w + 1) + x + 1] + row;
            if (!on)
                continue;
            differ++;
            if (x < x0)
                x0 = x;
            if (x > x1)
                x1 = x;
            if (y < y0)
                y0 = y;
            y1 = y;
        }
    }
    long worst = 0;
    int wx = 0, wy = 0;
    for (int y = 0; y + wh <= h; y++)
        for (int x = 0; x + ww <= w; x++) {
            long n = sum[(size_t)(y + wh) * (w + 1) + x + ww] - sum[(size_t)y * (w + 1) + x + ww] -
                     sum[(size_t)(y + wh) * (w + 1) + x] + sum[(size_t)y * (w + 1) + x];
            if (n > worst) {
                worst = n;
                wx = x;
                wy = y;
            }
        }
    int fail = worst > WINDOW_LIMIT || differ > TOTAL_LIMIT;
    printf("imgdiff: %ld of %ld pixels differ by more than %d in a channel (at most %d allowed)\n", differ,
           (long)w * h, CHANNEL_TOLERANCE, TOTAL_LIMIT);
    if (differ > 0)
        printf("imgdiff: the worst %dx%d window, at x %d..%d y %d..%d, has %ld (at most %d allowed); all "
               "differences lie in x %d..%d y %d..%d\n",
               ww, wh, wx, wx + ww - 1, wy, wy + wh - 1, worst, WINDOW_LIMIT, x0, x1, y0, y1);
    printf("imgdiff: %s\n", fail ? "DIFFERENT" : "same");
    if (fail && diff_path)
        write_diff(diff_path, a, mask);
    free(mask);
    free(sum);
    return fail;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: imgdiff EXPECTED.png ACTUAL.png [DIFF.png]\n");
        return 2;
    }
    SDL_Surface *a0 = IMG_Load(argv[1]), *b0 = IMG_Load(argv[2]);
    if (!a0 || !b0) {
        fprintf(stderr, "imgdiff: cannot load %s: %s\n", !a0 ? argv[1] : argv[2], IMG_GetError());
        SDL_FreeSurface(a0);
        SDL_FreeSurface(b0);
        return 2;
    }
    SDL_Surface *a = SDL_ConvertSurfaceFormat(a0, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_Surface *b = SDL_ConvertSurfaceFormat(b0, SDL_PIXELFORMAT_RGBA32, 0);
    int status;
    if (!a || !b) {
        fprintf(stderr, "imgdiff: cannot convert the images: %s\n", SDL_GetError());
        status = 2;
    } else if (a->w != b->w || a->h != b->h) {
        printf("imgdiff: size %dx%d differs from the expected %dx%d\nimgdiff: DIFFERENT\n", b->w, b->h, a->w,
               a->h);
        status = 1;
    } else {
        status = compare(a, b, argc == 4 ? argv[3] : NULL);
    }
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(a0);
    SDL_FreeSurface(b0);
    return status;
}
