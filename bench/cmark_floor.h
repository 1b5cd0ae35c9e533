/* cmark-gfm parse + HTML render alone: the floor of the benchmarks. */
#ifndef GALLEY_BENCH_CMARK_FLOOR_H
#define GALLEY_BENCH_CMARK_FLOOR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Parses `length` bytes of GFM and renders HTML; returns the HTML's byte length. */
size_t floor_render(const char* text, size_t length);
/** The HTML of the last floor_render() call (valid until the next call). */
const char* floor_output(void);
/** Frees the last HTML. */
void floor_release(void);

#ifdef __cplusplus
}
#endif

#endif
