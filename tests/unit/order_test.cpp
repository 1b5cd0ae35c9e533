// Tests of the stable sort for large elements (order.h).
#include "order.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace {

struct Item {
  int key = 0;
  int id = 0;           // the position before sorting: ties must keep it in order
  std::string payload;  // moved with the element
};

}  // namespace

TEST_CASE("stable_sort_moving_once sorts stably, from runs in order to none", "[order]") {
  std::mt19937 rng(2026);
  const auto less = [](const Item& x, const Item& y) { return x.key < y.key; };
  for (int round = 0; round < 400; ++round) {
    const size_t n = rng() % 300;
    // Lists made of a few runs in order (as the rules report), or in no order at all, with keys
    // from a small range so that ties are common.
    const size_t runs = 1 + rng() % (round % 3 == 0 ? std::max<size_t>(n, 1) : 5);
    const int range = 1 + static_cast<int>(rng() % 40);
    std::vector<Item> v;
    for (size_t r = 0; r < runs && v.size() < n; ++r) {
      std::vector<int> keys(std::max<size_t>(n / runs, 1));
      for (int& k : keys) k = static_cast<int>(rng() % range);
      std::sort(keys.begin(), keys.end());
      for (const int k : keys) v.push_back({k, 0, ""});
    }
    for (size_t i = 0; i < v.size(); ++i) {
      v[i].id = static_cast<int>(i);
      v[i].payload = "item number " + std::to_string(i) + " with a payload past any short string";
    }
    std::vector<Item> expected = v;
    std::stable_sort(expected.begin(), expected.end(), less);
    const bool was_sorted = std::is_sorted(v.begin(), v.end(), less);
    const std::string* first = v.empty() ? nullptr : &v[0].payload;
    galley::detail::stable_sort_moving_once(v, less);
    INFO("round " << round << ", " << v.size() << " items");
    REQUIRE(v.size() == expected.size());
    for (size_t i = 0; i < v.size(); ++i) {
      REQUIRE(v[i].key == expected[i].key);
      REQUIRE(v[i].id == expected[i].id);
      REQUIRE(v[i].payload == expected[i].payload);
    }
    // A list in order is left where it is.
    if (was_sorted && first != nullptr) CHECK(&v[0].payload == first);
  }
}
