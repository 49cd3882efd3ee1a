/* rng.c — PCG32 (O'Neill, pcg-random.org, "pcg32_random_r"), integer only. */
#include "rng.h"

#include "units.h"

STARDUST_WRAPS void rng_seed_stream(Rng *rng, uint64_t initstate, uint64_t initseq)
{
    rng->state = 0;
    rng->inc = (initseq << 1u) | 1u;
    rng_next(rng);
    rng->state += initstate;
    rng_next(rng);
}

void rng_seed(Rng *rng, uint64_t seed) { rng_seed_stream(rng, seed ^ 0x853c49e6748fea9bULL, seed); }

STARDUST_WRAPS uint32_t rng_next(Rng *rng)
{
    uint64_t old = rng->state;
    rng->state = old * 6364136223846793005ULL + rng->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

STARDUST_WRAPS uint32_t rng_below(Rng *rng, uint32_t bound)
{
    if (bound == 0)
        return 0;
    /* Reject the low values that would make some results more likely than others. */
    uint32_t threshold = (uint32_t)(-bound) % bound;
    for (;;) {
        uint32_t r = rng_next(rng);
        if (r >= threshold)
            return r % bound;
    }
}
