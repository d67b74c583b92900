// Packed state keys: round trips, lexicographic order and dominance, one or several words.
#include "alloc/StateLayout.h"

#include <gtest/gtest.h>
#include <random>

using namespace certc::alloc;

namespace {
int lexCompare(const std::vector<int32_t> &A, const std::vector<int32_t> &B) {
  return A < B ? -1 : (B < A ? 1 : 0);
}
bool covers(const std::vector<int32_t> &A, const std::vector<int32_t> &B) {
  for (size_t J = 0; J < A.size(); ++J)
    if (A[J] < B[J])
      return false;
  return true;
}
} // namespace

TEST(AllocStateLayout, PackedKeysOrderAndDominateLikeTheirStates) {
  std::mt19937_64 Rng(3);
  const std::vector<std::vector<int32_t>> Rooms = {{1},
                                                   {7, 8},
                                                   {255, 1, 1000},
                                                   {INT32_MAX, INT32_MAX, INT32_MAX},
                                                   {65535, 3, 65535, 9, 1, 4095, 100000}};
  for (const std::vector<int32_t> &Room : Rooms) {
    StateLayout Layout(Room);
    const size_t D = Room.size(), W = Layout.words();
    for (int N = 0; N < 2000; ++N) {
      std::vector<int32_t> A(D), B(D), Back(D);
      for (size_t J = 0; J < D; ++J) {
        // Small differences make ties and near-ties common.
        A[J] = static_cast<int32_t>(Rng() % (uint64_t(Room[J]) + 1));
        B[J] = Rng() % 3 == 0 ? A[J] : static_cast<int32_t>(Rng() % (uint64_t(Room[J]) + 1));
      }
      std::vector<uint64_t> KA(W), KB(W);
      Layout.pack(A.data(), KA.data());
      Layout.pack(B.data(), KB.data());
      Layout.unpack(KA.data(), Back.data());
      ASSERT_EQ(Back, A);
      ASSERT_EQ(Layout.compare(KA.data(), KB.data()), lexCompare(A, B));
      ASSERT_EQ(Layout.dominates(KA.data(), KB.data()), covers(A, B));
      unsigned J = static_cast<unsigned>(Rng() % D);
      int32_t Add = static_cast<int32_t>(Rng() % (uint64_t(Room[J]) + 1));
      Layout.addSaturated(KA.data(), J, Add);
      A[J] = static_cast<int32_t>(std::min<int64_t>(int64_t(A[J]) + Add, Room[J]));
      Layout.unpack(KA.data(), Back.data());
      ASSERT_EQ(Back, A);
    }
  }
}
