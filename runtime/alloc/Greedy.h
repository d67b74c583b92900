// Greedy completions of a partial assignment, used as witnesses that an optimum is reachable.
#ifndef CERTC_ALLOC_GREEDY_H
#define CERTC_ALLOC_GREEDY_H

#include "alloc/StateEval.h"

namespace certc::alloc {

/// Holds one assignment of the layers (the witness) with the sums of its
/// suffixes, and computes candidate completions that replace its tail only
/// when committed.
/// The witness's assignment and suffix sums, and those of the completion
/// being tried; reused from one allocation to the next.
struct WitnessBuffers {
  std::vector<uint32_t> Choice, TryChoice;
  std::vector<int32_t> Suffix, TrySuffix;
};

class GreedyWitness {
public:
  GreedyWitness(const Reduction &R, StateEvaluator &Eval, WitnessBuffers &Buffers);

  /// Completes From with layers Layer.. (each item to the option raising
  /// progress most at that point, earliest on ties, then single-item moves
  /// while they help) and returns the progress reached. Does not change the
  /// witness until commit().
  int64_t complete(const int32_t *From, size_t Layer);
  /// Makes the last completion the witness's tail from Layer on.
  void commit(size_t Layer);

  uint32_t choice(size_t Layer) const { return Choice[Layer]; }
  /// What the witness's choices from Layer on add (saturated).
  const int32_t *suffix(size_t Layer) const { return Suffix.data() + Layer * D; }
  unsigned runs() const { return Runs; }

private:
  int64_t improveLocally(const int32_t *From, size_t Layer, int64_t Value);

  const Reduction &R;
  StateEvaluator &Eval;
  const size_t D, L;
  std::vector<uint32_t> &Choice, &TryChoice;
  std::vector<int32_t> &Suffix, &TrySuffix;
  unsigned Runs = 0;
};

} // namespace certc::alloc

#endif
