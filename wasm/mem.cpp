// memcpy, memcmp and memchr for every WebAssembly module of the project (Galley's and the
// benchmarks' cmark-gfm floor, which must be linked like them), eight bytes at a time at any
// alignment (detail::copy_bytes, compare_bytes and find_byte). Emscripten's memcpy copies one
// byte at a time whenever the two addresses differ modulo four, as most appends to a string do;
// musl's memcmp compares one byte at a time and its memchr reads four. Emscripten's memcpy is a
// weak symbol and musl's functions are taken from the library only when no object defines them,
// so these take their places. Copies of 512 bytes or more still go to Emscripten's memcpy,
// which hands them to the JavaScript engine's own copy.
//
// Built with -fno-builtin: the compiler must not turn these loops back into calls to the
// functions they define.
#include <cstddef>

#include "bytes8.h"

extern "C" {

void* emscripten_builtin_memcpy(void* dest, const void* src, size_t n);

void* memcpy(void* __restrict dest, const void* __restrict src, size_t n) {
  if (n >= 512) return emscripten_builtin_memcpy(dest, src, n);
  galley::detail::copy_bytes(static_cast<unsigned char*>(dest),
                             static_cast<const unsigned char*>(src), n);
  return dest;
}

int memcmp(const void* a, const void* b, size_t n) {
  return galley::detail::compare_bytes(static_cast<const unsigned char*>(a),
                                       static_cast<const unsigned char*>(b), n);
}

void* memchr(const void* s, int c, size_t n) {
  return const_cast<unsigned char*>(galley::detail::find_byte(static_cast<const unsigned char*>(s),
                                                              static_cast<unsigned char>(c), n));
}

}  // extern "C"
