/* imgdiff_test IMGDIFF WORK_DIR — checks the golden-image comparison itself: writes pairs of small
 * PNGs that differ in known ways, runs the real imgdiff on them and asserts its verdict, what it
 * reports and the diff image it writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define W 96
#define H 64

static const char *imgdiff_bin, *work;
static char out_text[4096]; /* what the last run printed */

static void path_in_work(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", work, name);
}

/* A textured picture, so that a change anywhere is a change of a busy image. */
static SDL_Surface *picture(void)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGBA32);
    assert_non_null(s);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            Uint8 *p = (Uint8 *)s->pixels + y * s->pitch + x * 4;
            p[0] = (Uint8)(x * 37 + y * 11);
            p[1] = (Uint8)(x * 5 ^ y * 23);
            p[2] = (Uint8)(x * y);
            p[3] = 255;
        }
    return s;
}

static Uint8 *px(SDL_Surface *s, int x, int y)
{
    return (Uint8 *)s->pixels + y * s->pitch + x * 4;
}

/* Changes one pixel's red by 128: far beyond the tolerance. */
static void flip(SDL_Surface *s, int x, int y)
{
    px(s, x, y)[0] ^= 0x80;
}

static void save(SDL_Surface *s, const char *name)
{
    char path[600];
    path_in_work(path, sizeof path, name);
    assert_int_equal(IMG_SavePNG(s, path), 0);
}

/* Runs imgdiff on two files in the work dir (and a diff image path, if any); returns its exit
 * status and keeps what it printed in out_text. */
static int run_imgdiff(const char *expected, const char *actual, const char *diff)
{
    char a[600], b[600], d[600], txt[600];
    path_in_work(a, sizeof a, expected);
    path_in_work(b, sizeof b, actual);
    path_in_work(d, sizeof d, diff ? diff : "");
    path_in_work(txt, sizeof txt, "out.txt");
    fflush(stdout);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open(txt, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
            _exit(127);
        char *argv[] = { (char *)imgdiff_bin, a, b, diff ? d : NULL, NULL };
        execv(imgdiff_bin, argv);
        _exit(127);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    FILE *f = fopen(txt, "r");
    assert_non_null(f);
    size_t n = fread(out_text, 1, sizeof out_text - 1, f);
    out_text[n] = '\0';
    fclose(f);
    printf("%s", out_text);
    return WEXITSTATUS(status);
}

static void assert_printed(const char *want)
{
    if (!strstr(out_text, want))
        print_error("imgdiff's output lacks \"%s\"\n", want);
    assert_non_null(strstr(out_text, want));
}

/* Saves `changed` as actual.png and compares it with an unchanged expected.png. */
static int compare_with(SDL_Surface *changed)
{
    SDL_Surface *base = picture();
    save(base, "expected.png");
    save(changed, "actual.png");
    SDL_FreeSurface(base);
    SDL_FreeSurface(changed);
    return run_imgdiff("expected.png", "actual.png", NULL);
}

/* A picture with the four corners of a square, `side` pixels apart, changed. */
static SDL_Surface *four_corners(int x, int y, int side)
{
    SDL_Surface *s = picture();
    flip(s, x, y);
    flip(s, x + side, y);
    flip(s, x, y + side);
    flip(s, x + side, y + side);
    return s;
}

static void test_identical_images_match(void **state)
{
    (void)state;
    char diff[600];
    path_in_work(diff, sizeof diff, "same.diff.png");
    unlink(diff);
    SDL_Surface *a = picture();
    save(a, "expected.png");
    save(a, "actual.png");
    SDL_FreeSurface(a);
    assert_int_equal(run_imgdiff("expected.png", "actual.png", "same.diff.png"), 0);
    assert_printed("0 of 6144 pixels differ");
    assert_int_equal(access(diff, F_OK), -1); /* no diff image when they match */
}

static void test_a_small_changed_block_fails_and_is_located(void **state)
{
    (void)state;
    SDL_Surface *s = picture();
    for (int y = 30; y < 34; y++)
        for (int x = 50; x < 54; x++)
            flip(s, x, y);
    assert_int_equal(compare_with(s), 1);
    assert_printed("16 of 6144 pixels differ");
    assert_printed("has 16 (at most 3 allowed)");
    assert_printed("all differences lie in x 50..53 y 30..33");
}

static void test_four_pixels_in_one_window_fail_three_pass_wherever_the_window_lies(void **state)
{
    (void)state;
    /* the corners of an 8x8 square off the 8-pixel grid: fixed tiles would split them up */
    SDL_Surface *s = picture();
    flip(s, 13, 13);
    flip(s, 20, 13);
    flip(s, 13, 20);
    assert_int_equal(compare_with(s), 0);
    assert_int_equal(compare_with(four_corners(13, 13, 7)), 1);
    assert_printed("the worst 8x8 window, at x 13..20 y 13..20, has 4");
    /* nine pixels apart they never share a window */
    assert_int_equal(compare_with(four_corners(13, 13, 9)), 0);
}

static void test_scattered_single_pixels_pass_up_to_the_total_allowance(void **state)
{
    (void)state;
    SDL_Surface *s = picture();
    int n = 0;
    for (int y = 2; y < H && n < 32; y += 9)
        for (int x = 2; x < W && n < 32; x += 9, n++)
            flip(s, x, y);
    assert_int_equal(n, 32);
    assert_int_equal(compare_with(s), 0);
    s = picture();
    n = 0;
    for (int y = 2; y < H && n < 33; y += 9)
        for (int x = 2; x < W && n < 33; x += 9, n++)
            flip(s, x, y);
    assert_int_equal(n, 33);
    assert_int_equal(compare_with(s), 1);
    assert_printed("33 of 6144 pixels differ");
}

static void test_a_sprite_moved_by_one_row_fails(void **state)
{
    (void)state;
    SDL_Surface *a = picture(), *b = picture();
    SDL_Rect sprite = { 40, 20, 20, 12 };
    assert_int_equal(SDL_FillRect(a, &sprite, SDL_MapRGBA(a->format, 250, 250, 40, 255)), 0);
    sprite.y++;
    assert_int_equal(SDL_FillRect(b, &sprite, SDL_MapRGBA(b->format, 250, 250, 40, 255)), 0);
    save(a, "sprite.png");
    save(b, "moved.png");
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    assert_int_equal(run_imgdiff("sprite.png", "moved.png", NULL), 1);
}

static void test_channel_changes_within_the_tolerance_pass(void **state)
{
    (void)state;
    SDL_Surface *s = picture();
    for (int y = 10; y < 40; y++)
        for (int x = 10; x < 40; x++)
            px(s, x, y)[1] = (Uint8)(px(s, x, y)[1] < 128 ? px(s, x, y)[1] + 24 : px(s, x, y)[1] - 24);
    assert_int_equal(compare_with(s), 0);
    s = picture();
    for (int y = 10; y < 12; y++)
        for (int x = 10; x < 12; x++)
            px(s, x, y)[2] = (Uint8)(px(s, x, y)[2] < 128 ? px(s, x, y)[2] + 25 : px(s, x, y)[2] - 25);
    assert_int_equal(compare_with(s), 1);
    s = picture();
    for (int y = 10; y < 12; y++)
        for (int x = 10; x < 12; x++)
            px(s, x, y)[3] = 0; /* transparency counts too */
    assert_int_equal(compare_with(s), 1);
}

static void test_a_different_size_fails(void **state)
{
    (void)state;
    SDL_Surface *a = picture();
    SDL_Surface *b = SDL_CreateRGBSurfaceWithFormat(0, W, H - 1, 32, SDL_PIXELFORMAT_RGBA32);
    assert_non_null(b);
    assert_int_equal(SDL_BlitSurface(a, NULL, b, NULL), 0);
    save(a, "expected.png");
    save(b, "short.png");
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    assert_int_equal(run_imgdiff("expected.png", "short.png", NULL), 1);
    assert_printed("size 96x63 differs from the expected 96x64");
    assert_int_equal(run_imgdiff("expected.png", "no-such-file.png", NULL), 2);
}

static void test_the_diff_image_marks_the_differing_pixels(void **state)
{
    (void)state;
    char path[600];
    SDL_Surface *a = picture(), *b = picture();
    for (int x = 30; x < 36; x++)
        flip(b, x, 7);
    save(a, "expected.png");
    save(b, "actual.png");
    SDL_FreeSurface(b);
    path_in_work(path, sizeof path, "marked.diff.png");
    unlink(path);
    assert_int_equal(run_imgdiff("expected.png", "actual.png", "marked.diff.png"), 1);
    assert_printed(path);
    SDL_Surface *d0 = IMG_Load(path);
    assert_non_null(d0);
    SDL_Surface *d = SDL_ConvertSurfaceFormat(d0, SDL_PIXELFORMAT_RGBA32, 0);
    assert_non_null(d);
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            const Uint8 *p = px(d, x, y), *e = px(a, x, y);
            if (y == 7 && x >= 30 && x < 36) {
                assert_int_equal(p[0], 255);
                assert_int_equal(p[1], 0);
                assert_int_equal(p[2], 255);
            } else {
                assert_int_equal(p[0], e[0] / 3);
                assert_int_equal(p[1], e[1] / 3);
                assert_int_equal(p[2], e[2] / 3);
            }
        }
    SDL_FreeSurface(d);
    SDL_FreeSurface(d0);
    SDL_FreeSurface(a);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: imgdiff_test IMGDIFF WORK_DIR\n");
        return 2;
    }
    imgdiff_bin = argv[1];
    work = argv[2];
    mkdir(work, 0755);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical_images_match),
        cmocka_unit_test(test_a_small_changed_block_fails_and_is_located),
        cmocka_unit_test(test_four_pixels_in_one_window_fail_three_pass_wherever_the_window_lies),
        cmocka_unit_test(test_scattered_single_pixels_pass_up_to_the_total_allowance),
        cmocka_unit_test(test_a_sprite_moved_by_one_row_fails),
        cmocka_unit_test(test_channel_changes_within_the_tolerance_pass),
        cmocka_unit_test(test_a_different_size_fails),
        cmocka_unit_test(test_the_diff_image_marks_the_differing_pixels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
