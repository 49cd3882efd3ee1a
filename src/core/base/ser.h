/* ser.h — one walk over the game state, four uses: the state hash (FNV-1a 64 over the bytes), the
 * binary save (write and read back), and the --state JSON. The state module describes each field
 * once with these calls; the mode decides what happens to it. Binary fields are little-endian,
 * written field by field. No allocation except the JSON text buffer, which grows outside the tick. */
#ifndef STARDUST_SER_H
#define STARDUST_SER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SER_DEPTH_MAX 16

typedef enum SerMode {
    SER_HASH,  /* feed the bytes to FNV-1a; nothing is stored */
    SER_WRITE, /* append the bytes to a caller's buffer */
    SER_READ,  /* read the bytes back from a buffer into the fields */
    SER_JSON,  /* write JSON text (names resolved, human units) */
    SER_QUERY  /* the JSON walk, keeping only the value at one path, as compact JSON text */
} SerMode;

#define SER_QUERY_PARTS 8   /* components of a query path */

#define SER_FORMAT 3   /* the binary layout written now: 1 named level entries by index, 2 by id, 3 with rooms */

typedef struct Ser {
    SerMode mode;
    int format;       /* binary modes: the layout (SER_FORMAT unless reading an older save) */
    void *report;     /* SER_READ: where the walk notes what it could not bind (state.c's) */
    bool ok;          /* false once a read ran past the end or a buffer overflowed */
    uint64_t hash;    /* SER_HASH: running FNV-1a 64 */
    uint8_t *buf;     /* SER_WRITE / SER_READ: the bytes */
    size_t len;       /* bytes used (write) or available (read) */
    size_t cap;       /* SER_WRITE: capacity of buf */
    size_t pos;       /* SER_READ: next byte to read */
    char *text;       /* SER_JSON: growing text, owned by the Ser */
    size_t text_len, text_cap;
    int depth;                   /* SER_JSON: nesting depth */
    bool first[SER_DEPTH_MAX];   /* SER_JSON: no comma needed yet at this depth */
    /* SER_QUERY: the path ("player.x", "inventory.0") split into parts, and where the walk is */
    char query[128];
    const char *parts[SER_QUERY_PARTS];
    int nparts;
    int members[SER_DEPTH_MAX];  /* members written so far at each depth (an array's next index) */
    bool on_path[SER_DEPTH_MAX]; /* the container open at this depth lies on the query path */
    int capture_depth;           /* depth of the value being captured, 0 when not capturing */
    bool found;                  /* the value was found (and text holds it) */
} Ser;

#define FNV64_OFFSET 0xcbf29ce484222325ULL
#define FNV64_PRIME 0x100000001b3ULL

/* FNV-1a 64 over bytes, continuing from h (start with FNV64_OFFSET). */
uint64_t fnv1a64(uint64_t h, const void *data, size_t len);

void ser_init_hash(Ser *s);
void ser_init_write(Ser *s, uint8_t *buf, size_t cap);
void ser_init_read(Ser *s, const uint8_t *buf, size_t len);
void ser_init_json(Ser *s);
/* A JSON walk that keeps only the value at `path` (dotted; "inventory[0]" also works); after the
 * walk, s->found tells whether the path exists and s->text holds the value's compact JSON. */
void ser_init_query(Ser *s, const char *path);
/* Frees the JSON text (the other modes own nothing). */
void ser_free(Ser *s);
/* true in SER_JSON and SER_QUERY: fields that exist only for people (names, derived values) are
 * written then. */
bool ser_is_json(const Ser *s);

/* True when a JSON-only member `key`, about to be written in the current object, is wanted: always
 * in SER_JSON; in SER_QUERY only when it lies on the query path (so a query skips derived members
 * that are costly to work out, such as the hash). False in the binary modes. */
bool ser_json_wants(const Ser *s, const char *key);

/* Structure. key is the member name inside an object, NULL inside an array or at the top. */
void ser_object_begin(Ser *s, const char *key);
void ser_object_end(Ser *s);
void ser_array_begin(Ser *s, const char *key);
void ser_array_end(Ser *s);

/* Scalars: written in the write modes, read into *v in SER_READ. */
void ser_bool(Ser *s, const char *key, bool *v);
void ser_i32(Ser *s, const char *key, int32_t *v);
void ser_u32(Ser *s, const char *key, uint32_t *v);
void ser_u64(Ser *s, const char *key, uint64_t *v);
/* Narrow fields, stored in 32 bits like the wide ones (so one layout serves every field); a value
 * read back that does not fit the field makes the read fail. */
void ser_u8(Ser *s, const char *key, uint8_t *v);
void ser_i8(Ser *s, const char *key, int8_t *v);
void ser_u16(Ser *s, const char *key, uint16_t *v);
void ser_i16(Ser *s, const char *key, int16_t *v);
/* A fixed-point 1/256 value: 32 bits in binary, whole units (floor) in JSON. */
void ser_fixed(Ser *s, const char *key, int32_t *v);
/* An index into a level table: 16 bits in binary; in JSON the name (NULL name gives null). */
void ser_ref(Ser *s, const char *key, int16_t *index, const char *name);
/* Binary only: a string of at most cap - 1 bytes (a 16-bit length, then the bytes). Written and
 * hashed from buf; read into buf, NUL-terminated (a longer one fails the read). */
void ser_name(Ser *s, char *buf, size_t cap);
/* JSON only: a string, a null, a hex 64-bit number as a string. */
void ser_json_string(Ser *s, const char *key, const char *value);
void ser_json_null(Ser *s, const char *key);

#endif
