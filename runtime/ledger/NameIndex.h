// A small open-addressing map from names to indices, faster than StringMap for a schema's few names.
#ifndef CERTC_LEDGER_NAMEINDEX_H
#define CERTC_LEDGER_NAMEINDEX_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace certc::ledger {

inline constexpr uint32_t NotFound = UINT32_MAX;

/// Looking a key up is the reader's most frequent operation, once per key
/// in the ledger. Each slot holds a name's length and its first and last
/// eight bytes, so a name of up to 16 bytes is compared without leaving the
/// slot (following a pointer to the name cost a fifth of the reader's
/// activity loop); the table is at most half full, and ledger text cannot
/// make a probe longer than the table.
class NameIndex {
public:
  /// Maps Name to Value unless Name is already present: the first one wins.
  void insert(llvm::StringRef Name, uint32_t Value) {
    if (find(Name) != NotFound)
      return;
    Names.push_back(Name.str());
    Values.push_back(Value);
    if (Names.size() * 2 > Slots.size())
      rebuild(Slots.empty() ? 16 : Slots.size() * 2);
    else
      place(static_cast<uint32_t>(Names.size() - 1));
  }

  uint32_t find(llvm::StringRef Name) const {
    if (Slots.empty())
      return NotFound;
    Key K = keyOf(Name);
    for (size_t I = K.hash() & Mask;; I = (I + 1) & Mask) {
      const Slot &S = Slots[I];
      if (S.Size == EmptySlot)
        return NotFound;
      if (S.Size == Name.size() && S.Head == K.Head && S.Tail == K.Tail &&
          (Name.size() <= 16 || middleMatches(Names[S.Entry], Name)))
        return S.Value;
    }
  }

private:
  static constexpr uint32_t EmptySlot = UINT32_MAX;
  /// The first and last eight bytes (overlapping, or zero-padded when
  /// shorter): with the length they decide equality up to 16 bytes.
  struct Key {
    uint64_t Head = 0, Tail = 0;
    size_t hash() const {
      uint64_t H = (Head ^ (Tail * 0x9E3779B97F4A7C15ULL)) * 0xC2B2AE3D27D4EB4FULL;
      return static_cast<size_t>(H >> 32);
    }
  };
  static Key keyOf(llvm::StringRef Name) {
    Key K;
    size_t Size = Name.size();
    if (Size >= 8) {
      std::memcpy(&K.Head, Name.data(), 8);
      std::memcpy(&K.Tail, Name.data() + Size - 8, 8);
    } else {
      // Names are short: a loop beats a call to memcpy of a variable size.
      for (size_t I = 0; I < Size; ++I)
        K.Head |= uint64_t(static_cast<unsigned char>(Name[I])) << (8 * I);
    }
    K.Tail ^= Size;
    return K;
  }
  static bool middleMatches(const std::string &Candidate, llvm::StringRef Name) {
    return std::memcmp(Candidate.data() + 8, Name.data() + 8, Name.size() - 16) == 0;
  }
  struct Slot {
    uint64_t Head = 0, Tail = 0;
    uint32_t Size = EmptySlot;
    uint32_t Value = 0;
    uint32_t Entry = 0; ///< index into Names
  };
  void place(uint32_t E) {
    Key K = keyOf(Names[E]);
    size_t I = K.hash() & Mask;
    while (Slots[I].Size != EmptySlot)
      I = (I + 1) & Mask;
    Slots[I] = {K.Head, K.Tail, static_cast<uint32_t>(Names[E].size()), Values[E], E};
  }
  void rebuild(size_t Size) {
    Slots.assign(Size, Slot());
    Mask = Size - 1;
    for (uint32_t E = 0; E < Names.size(); ++E)
      place(E);
  }

  std::vector<std::string> Names;
  std::vector<uint32_t> Values;
  std::vector<Slot> Slots;
  size_t Mask = 0;
};

} // namespace certc::ledger

#endif
