// Packs search states into 64-bit words ordered lexicographically, with cheap dominance tests.
#ifndef CERTC_ALLOC_STATELAYOUT_H
#define CERTC_ALLOC_STATELAYOUT_H

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace certc::alloc {

/// Coordinate j takes bitWidth(Room[j]) value bits plus one guard bit that is
/// always zero in a stored key. Fields are laid out from the most significant
/// bit of word 0 on, in coordinate order, never straddling a word.
class StateLayout {
public:
  explicit StateLayout(const std::vector<int32_t> &Room);

  unsigned words() const { return Words; }
  unsigned dims() const { return static_cast<unsigned>(Fields.size()); }

  void pack(const int32_t *State, uint64_t *Key) const;
  void unpack(const uint64_t *Key, int32_t *State) const;
  int32_t get(const uint64_t *Key, unsigned J) const {
    const Field &F = Fields[J];
    return static_cast<int32_t>((Key[F.Word] >> F.Shift) & F.Mask);
  }
  /// Key[J] = min(Key[J] + Points, Room[J]).
  void addSaturated(uint64_t *Key, unsigned J, int32_t Points) const {
    const Field &F = Fields[J];
    int64_t V = std::min<int64_t>(int64_t(get(Key, J)) + Points, F.Room);
    Key[F.Word] = (Key[F.Word] & ~(F.Mask << F.Shift)) | (uint64_t(V) << F.Shift);
  }
  /// A >= B in every coordinate. With the guard bits set in A, a field of
  /// A - B borrows from its guard bit exactly when A's value is smaller, and
  /// never from the next field.
  bool dominates(const uint64_t *A, const uint64_t *B) const {
    for (unsigned W = 0; W < Words; ++W)
      if ((((A[W] | Guards[W]) - B[W]) & Guards[W]) != Guards[W])
        return false;
    return true;
  }
  /// Lexicographic comparison of the states: -1, 0 or 1.
  int compare(const uint64_t *A, const uint64_t *B) const {
    for (unsigned W = 0; W < Words; ++W)
      if (A[W] != B[W])
        return A[W] < B[W] ? -1 : 1;
    return 0;
  }

private:
  struct Field {
    unsigned Word;
    unsigned Shift;
    uint64_t Mask;
    int32_t Room;
  };
  // Inline: a layout is built per allocation, with a few coordinates.
  llvm::SmallVector<Field, 8> Fields;
  llvm::SmallVector<uint64_t, 2> Guards;
  unsigned Words = 0;
};

} // namespace certc::alloc

#endif
