// Stable sorting for vectors of large elements (text blocks, diagnostics): usually already in
// order, and otherwise each element should move once rather than at every step of a merge.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace galley::detail {

/// Sorts `v` stably by `less`. Nothing moves when it is already in order; otherwise the order
/// is found on indices and each element is moved once.
template <class T, class Less>
void stable_sort_moving_once(std::vector<T>& v, Less less) {
  if (std::is_sorted(v.begin(), v.end(), less)) return;
  std::vector<uint32_t> order(v.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t x, uint32_t y) { return less(v[x], v[y]); });
  std::vector<T> sorted;
  sorted.reserve(v.size());
  for (const uint32_t i : order) sorted.push_back(std::move(v[i]));
  v = std::move(sorted);
}

}  // namespace galley::detail
