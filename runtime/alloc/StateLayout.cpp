// Bit layout of packed search states.
#include "alloc/StateLayout.h"

namespace certc::alloc {

StateLayout::StateLayout(const std::vector<int32_t> &Room) {
  unsigned Free = 0; // unused low bits of the current word
  for (int32_t R : Room) {
    unsigned Width = 0;
    while ((uint64_t(R) >> Width) != 0)
      ++Width;
    // Rooms are below 2^31, so a field (value plus guard) always fits a word.
    if (Words == 0 || Free < Width + 1) {
      ++Words;
      Guards.push_back(0);
      Free = 64;
    }
    Free -= Width + 1;
    Fields.push_back({Words - 1, Free, (uint64_t(1) << Width) - 1, R});
    Guards.back() |= uint64_t(1) << (Free + Width);
  }
  if (Words == 0) {
    // No coordinates: one all-zero word keeps the code free of special cases.
    Words = 1;
    Guards.push_back(0);
  }
}

void StateLayout::pack(const int32_t *State, uint64_t *Key) const {
  for (unsigned W = 0; W < Words; ++W)
    Key[W] = 0;
  for (size_t J = 0; J < Fields.size(); ++J)
    Key[Fields[J].Word] |= uint64_t(uint32_t(State[J])) << Fields[J].Shift;
}

void StateLayout::unpack(const uint64_t *Key, int32_t *State) const {
  for (unsigned J = 0; J < Fields.size(); ++J)
    State[J] = get(Key, J);
}

} // namespace certc::alloc
