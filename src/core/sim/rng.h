/* rng.h — the game's seeded pseudo-random stream (PCG32). It lives inside Game, so its state is
 * saved, hashed and replayed with everything else. Cosmetic randomness must never use it. */
#ifndef STARDUST_RNG_H
#define STARDUST_RNG_H

#include <stdint.h>

typedef struct Rng {
    uint64_t state; /* advances on every draw */
    uint64_t inc;   /* stream selector, always odd */
} Rng;

/* Seeds the stream; the same seed always gives the same sequence on every compiler. */
void rng_seed(Rng *rng, uint64_t seed);
/* PCG32's own seeding (pcg32_srandom_r): a start state and a stream number. */
void rng_seed_stream(Rng *rng, uint64_t initstate, uint64_t initseq);
/* Next 32 random bits. */
uint32_t rng_next(Rng *rng);
/* Uniform integer in [0, bound) without modulo bias; bound 0 returns 0. */
uint32_t rng_below(Rng *rng, uint32_t bound);

#endif
