// Per-layer sets of undominated search states, and the step building one from the next.
#ifndef CERTC_ALLOC_PARETOFRONT_H
#define CERTC_ALLOC_PARETOFRONT_H

#include "alloc/Reduce.h"
#include "alloc/StateLayout.h"

namespace certc::alloc {

/// States of one layer, as packed keys in lexicographically decreasing order:
/// key(I) is what the choices from this layer on can add to each coordinate
/// (saturated at the room), by taking Effects[Choice[I]] of this layer and
/// then the choices behind state Parent[I] of the next layer.
struct Front {
  unsigned Words = 1;
  std::vector<uint64_t> Keys;
  std::vector<uint32_t> Parent;
  std::vector<uint16_t> Choice;

  size_t size() const { return Parent.size(); }
  const uint64_t *key(size_t I) const { return Keys.data() + I * Words; }
  void clear() {
    Keys.clear();
    Parent.clear();
    Choice.clear();
  }
  void push(const uint64_t *Key, uint32_t P, uint16_t C) {
    Keys.insert(Keys.end(), Key, Key + Words);
    Parent.push_back(P);
    Choice.push_back(C);
  }
};

/// Buffers reused from one layer to the next, and the work done so far
/// (candidates plus dominance tests) against a budget.
struct FrontScratch {
  uint64_t Work = 0;
  uint64_t WorkLimit = UINT64_MAX;
  std::vector<uint64_t> Keys;
  std::vector<uint32_t> Order, Merged, Kept;
  std::vector<int32_t> Stairs;
};

/// Out = the maximal elements of { Next[t] + Effects[e] saturated at the room }.
/// Of equal states the one with the smallest (e, t) is kept, so the witness
/// stored for a state prefers earlier options. Returns false, leaving Out
/// unspecified, when the work budget runs out.
bool extendFront(const Front &Next, llvm::ArrayRef<Effect> Effects,
                 const StateLayout &Layout, FrontScratch &Scratch, Front &Out);

} // namespace certc::alloc

#endif
