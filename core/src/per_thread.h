// State kept per thread. The WebAssembly module is built without threads, where a plain static
// is the same thing and needs no thread-local storage (which the linker allows only with atomics
// once bulk memory is on).
#pragma once

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define GALLEY_PER_THREAD static
#else
#define GALLEY_PER_THREAD thread_local
#endif
