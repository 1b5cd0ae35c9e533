// Stable sorting for vectors of large elements (text blocks, diagnostics): usually already in
// order, and otherwise each element should move once rather than at every step of a merge.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace galley::detail {

/// Sorts `v` stably by `less`. Nothing moves when it is already in order; otherwise the order
/// is found on indices and each element is moved once. The lists come as a few runs in order
/// (each rule reports in the order of the text, each kind of text is listed in it), so the
/// order is found by merging those runs, pairwise, until one is left: n log(runs) comparisons
/// instead of n log(n).
template <class T, class Less>
void stable_sort_moving_once(std::vector<T>& v, Less less) {
  const size_t n = v.size();
  std::vector<uint32_t> ends;  // where each run in order ends
  for (size_t i = 1; i < n; ++i) {
    if (less(v[i], v[i - 1])) ends.push_back(static_cast<uint32_t>(i));
  }
  if (ends.empty()) return;
  ends.push_back(static_cast<uint32_t>(n));
  std::vector<uint32_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = static_cast<uint32_t>(i);
  std::vector<uint32_t> merged(n);
  const auto by = [&](uint32_t x, uint32_t y) { return less(v[x], v[y]); };
  while (ends.size() > 1) {
    // Each pair of neighbouring runs merged (std::merge keeps the first run's elements before
    // the second's equal ones: stable); an odd last run copied as it is.
    size_t begin = 0;
    size_t runs = 0;
    size_t k = 0;
    for (; k + 1 < ends.size(); k += 2) {
      std::merge(order.begin() + begin, order.begin() + ends[k], order.begin() + ends[k],
                 order.begin() + ends[k + 1], merged.begin() + begin, by);
      begin = ends[k + 1];
      ends[runs++] = ends[k + 1];
    }
    if (k < ends.size()) {
      std::copy(order.begin() + begin, order.begin() + ends[k], merged.begin() + begin);
      ends[runs++] = ends[k];
    }
    ends.resize(runs);
    order.swap(merged);
  }
  std::vector<T> sorted;
  sorted.reserve(n);
  for (const uint32_t i : order) sorted.push_back(std::move(v[i]));
  v = std::move(sorted);
}

}  // namespace galley::detail
