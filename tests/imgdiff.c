/* imgdiff EXPECTED.png ACTUAL.png — compares two images with a small tolerance: passes when the
 * sizes match and at most 0.5% of pixels differ by more than 24 in any channel. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

#define CHANNEL_TOLERANCE 24
#define PIXEL_FRACTION_PERMILLE 5

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: imgdiff EXPECTED.png ACTUAL.png\n");
        return 2;
    }
    SDL_Surface *a0 = IMG_Load(argv[1]), *b0 = IMG_Load(argv[2]);
    if (!a0 || !b0) {
        fprintf(stderr, "imgdiff: cannot load %s: %s\n", !a0 ? argv[1] : argv[2], IMG_GetError());
        return 2;
    }
    SDL_Surface *a = SDL_ConvertSurfaceFormat(a0, SDL_PIXELFORMAT_RGBA32, 0);
    SDL_Surface *b = SDL_ConvertSurfaceFormat(b0, SDL_PIXELFORMAT_RGBA32, 0);
    if (a->w != b->w || a->h != b->h) {
        printf("imgdiff: size %dx%d differs from the expected %dx%d\n", b->w, b->h, a->w, a->h);
        return 1;
    }
    long differ = 0, total = (long)a->w * a->h;
    for (int y = 0; y < a->h; y++) {
        const Uint8 *pa = (const Uint8 *)a->pixels + y * a->pitch;
        const Uint8 *pb = (const Uint8 *)b->pixels + y * b->pitch;
        for (int x = 0; x < a->w * 4; x += 4) {
            for (int c = 0; c < 4; c++) {
                if (abs(pa[x + c] - pb[x + c]) > CHANNEL_TOLERANCE) {
                    differ++;
                    break;
                }
            }
        }
    }
    printf("imgdiff: %ld of %ld pixels differ (%.3f%%; tolerance %.1f%%)\n", differ, total, 100.0 * differ / total,
           PIXEL_FRACTION_PERMILLE / 10.0);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(a0);
    SDL_FreeSurface(b0);
    return differ * 1000 > total * PIXEL_FRACTION_PERMILLE ? 1 : 0;
}
