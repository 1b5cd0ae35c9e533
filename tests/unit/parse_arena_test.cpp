// Tests of the arena that holds cmark-gfm's memory during a parse.
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "parse/arena.h"

using galley::parse::Arena;

namespace {

bool aligned(const void* p) { return reinterpret_cast<uintptr_t>(p) % Arena::kAlign == 0; }

bool all_zero(const void* p, size_t n) {
  const auto* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; ++i) {
    if (b[i] != 0) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("the arena hands out zeroed, aligned blocks that do not overlap", "[arena]") {
  Arena arena(4096);
  std::vector<std::pair<unsigned char*, size_t>> blocks;
  for (size_t size : {1, 7, 16, 33, 0, 200, 1000, 5000, 3}) {
    auto* p = static_cast<unsigned char*>(arena.allocate(size));
    REQUIRE(p != nullptr);
    CHECK(aligned(p));
    CHECK(all_zero(p, size));
    std::memset(p, static_cast<int>(blocks.size() + 1), size);
    blocks.emplace_back(p, size);
  }
  for (size_t k = 0; k < blocks.size(); ++k) {
    const auto [p, size] = blocks[k];
    for (size_t i = 0; i < size; ++i) REQUIRE(p[i] == k + 1);
  }
  // A block larger than a chunk gets a chunk of its own.
  CHECK(arena.reserved() >= 4096 + 5000);
}

TEST_CASE("the arena grows its last block in place and moves any other", "[arena]") {
  Arena arena(1 << 16);
  auto* a = static_cast<char*>(arena.allocate(10));
  std::memcpy(a, "abcdefghij", 10);
  auto* grown = static_cast<char*>(arena.reallocate(a, 300));
  CHECK(grown == a);  // nothing came after it
  CHECK(std::string(grown, 10) == "abcdefghij");
  std::memset(grown + 10, 'y', 290);  // all of it is the block's now

  auto* b = static_cast<char*>(arena.allocate(8));
  std::memcpy(b, "12345678", 8);
  auto* moved = static_cast<char*>(arena.reallocate(a, 2000));
  CHECK(moved != a);
  CHECK(std::string(moved, 10) == "abcdefghij");
  CHECK(std::string(b, 8) == "12345678");  // the block after it is untouched

  // Shrinking keeps the block where it is.
  CHECK(arena.reallocate(moved, 5) == moved);
  CHECK(std::string(moved, 5) == "abcde");
  // nullptr is a new block, as with realloc() (not zeroed: the caller writes it), apart from the
  // others.
  auto* fresh = static_cast<char*>(arena.reallocate(nullptr, 24));
  REQUIRE(fresh != nullptr);
  std::memset(fresh, 'z', 24);
  CHECK(std::string(moved, 5) == "abcde");
  CHECK(std::string(b, 8) == "12345678");
  CHECK(std::string(fresh, 24) == std::string(24, 'z'));
}

TEST_CASE("the arena reuses freed blocks", "[arena]") {
  Arena arena(1 << 16);
  auto* a = static_cast<char*>(arena.allocate(48));
  auto* b = static_cast<char*>(arena.allocate(48));
  arena.allocate(16);
  std::memset(a, 'x', 48);
  arena.release(a);  // not the last one: kept for the next block of its size
  auto* again = static_cast<char*>(arena.allocate(40));
  CHECK(again == a);
  CHECK(all_zero(again, 40));
  CHECK(b != again);

  // A larger block waits for a request it can hold by a power of two: 3,000 bytes serve a
  // request of 2,000 (every block kept beside it holds at least 2,048), not one of 2,500.
  auto* large = static_cast<char*>(arena.allocate(3000));
  arena.allocate(16);
  std::memset(large, 'z', 3000);
  arena.release(large);
  CHECK(arena.allocate(2500) != large);
  auto* reused = static_cast<char*>(arena.allocate(2000));
  CHECK(reused == large);
  CHECK(all_zero(reused, 2000));

  // The last block's room is taken back at once, whatever its size.
  auto* big = arena.allocate(Arena::kSmallMax * 4);
  arena.release(big);
  CHECK(arena.allocate(Arena::kSmallMax * 4) == big);
  arena.release(nullptr);  // as free(nullptr): nothing
}

TEST_CASE("the arena counts what is in use and refuses impossible sizes", "[arena]") {
  Arena arena(1024);
  CHECK(arena.in_use() == 0);
  void* a = arena.allocate(100);
  void* b = arena.allocate(3000);
  CHECK(arena.in_use() >= 3100);
  arena.release(a);
  arena.release(b);
  CHECK(arena.in_use() == 0);

  CHECK(arena.allocate(SIZE_MAX) == nullptr);
  CHECK(arena.allocate(SIZE_MAX / 2) == nullptr);
  void* c = arena.allocate(10);
  CHECK(arena.reallocate(c, SIZE_MAX - 8) == nullptr);
  CHECK(arena.in_use() > 0);  // c is still there
}

TEST_CASE("the arena keeps every block's bytes through random use", "[arena]") {
  // Allocations, growths and frees as a parser makes them, checked against a copy of what each
  // live block should hold.
  Arena arena(512);
  std::mt19937 rng(12345);
  std::map<char*, std::string> live;
  for (int step = 0; step < 20000; ++step) {
    const unsigned op = rng() % 10;
    if (op < 5 || live.empty()) {
      const size_t size = rng() % 4 == 0 ? rng() % 4000 : rng() % 120;
      auto* p = static_cast<char*>(arena.allocate(size));
      REQUIRE(p != nullptr);
      REQUIRE(aligned(p));
      REQUIRE(all_zero(p, size));
      std::string content(size, '\0');
      for (char& ch : content) ch = static_cast<char>('a' + rng() % 26);
      std::memcpy(p, content.data(), size);
      REQUIRE(live.count(p) == 0);
      live[p] = content;
    } else {
      auto it = live.begin();
      std::advance(it, static_cast<long>(rng() % live.size()));
      char* p = it->first;
      const std::string content = it->second;
      REQUIRE(std::string(p, content.size()) == content);
      live.erase(it);
      if (op < 8) {
        const size_t size = content.size() + rng() % 600;
        auto* q = static_cast<char*>(arena.reallocate(p, size));
        REQUIRE(q != nullptr);
        REQUIRE(aligned(q));
        REQUIRE(std::string(q, content.size()) == content);
        for (size_t i = content.size(); i < size; ++i) q[i] = static_cast<char>('A' + i % 26);
        REQUIRE(live.count(q) == 0);
        live[q] = std::string(q, size);
      } else {
        arena.release(p);
      }
    }
  }
  for (const auto& [p, content] : live) REQUIRE(std::string(p, content.size()) == content);
}
