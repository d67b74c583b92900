// A small open-addressing map from names to indices, faster than StringMap for a schema's few names.
#ifndef CERTC_LEDGER_NAMEINDEX_H
#define CERTC_LEDGER_NAMEINDEX_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <vector>

namespace certc::ledger {

inline constexpr uint32_t NotFound = UINT32_MAX;

/// Looking a key up is the reader's most frequent operation, once per key
/// in the ledger. Schema names are few and short, so a hash of the length and
/// three bytes, a table at most half full and a full compare are enough;
/// ledger text cannot make a probe longer than the table.
class NameIndex {
public:
  /// Maps Name to Value unless Name is already present: the first one wins.
  void insert(llvm::StringRef Name, uint32_t Value) {
    if (find(Name) != NotFound)
      return;
    Entries.push_back({Name.str(), Value});
    if (Entries.size() * 2 > Slots.size())
      rebuild(Slots.empty() ? 16 : Slots.size() * 2);
    else
      place(static_cast<uint32_t>(Entries.size() - 1));
  }

  uint32_t find(llvm::StringRef Name) const {
    if (Slots.empty())
      return NotFound;
    for (size_t I = hash(Name) & Mask;; I = (I + 1) & Mask) {
      uint32_t E = Slots[I];
      if (E == NotFound)
        return NotFound;
      const std::string &Candidate = Entries[E].Name;
      if (Candidate.size() == Name.size() && sameBytes(Candidate.data(), Name.data(), Name.size()))
        return Entries[E].Value;
    }
  }

private:
  /// Names are short: a loop beats a call to memcmp.
  static bool sameBytes(const char *A, const char *B, size_t Size) {
    for (size_t I = 0; I < Size; ++I)
      if (A[I] != B[I])
        return false;
    return true;
  }
  static size_t hash(llvm::StringRef S) {
    size_t H = S.size();
    if (!S.empty()) {
      H = H * 131 + static_cast<unsigned char>(S.front());
      H = H * 131 + static_cast<unsigned char>(S[S.size() / 2]);
      H = H * 131 + static_cast<unsigned char>(S.back());
    }
    return H ^ (H >> 9);
  }
  void place(uint32_t E) {
    size_t I = hash(Entries[E].Name) & Mask;
    while (Slots[I] != NotFound)
      I = (I + 1) & Mask;
    Slots[I] = E;
  }
  void rebuild(size_t Size) {
    Slots.assign(Size, NotFound);
    Mask = Size - 1;
    for (uint32_t E = 0; E < Entries.size(); ++E)
      place(E);
  }

  struct Entry {
    std::string Name;
    uint32_t Value;
  };
  std::vector<Entry> Entries;
  std::vector<uint32_t> Slots;
  size_t Mask = 0;
};

} // namespace certc::ledger

#endif
