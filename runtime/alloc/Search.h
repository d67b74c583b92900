// The exact search: optimal progress, then the earliest option per item that keeps it.
#ifndef CERTC_ALLOC_SEARCH_H
#define CERTC_ALLOC_SEARCH_H

#include "alloc/Bounds.h"
#include "alloc/Greedy.h"
#include "alloc/ParetoFront.h"

namespace certc::alloc {

/// What the search did, for tests and measurements.
struct SearchStats {
  int64_t Optimum = 0;
  unsigned GreedyRuns = 0;
  bool FrontsBuilt = false;
  size_t LargestFront = 0;
  size_t StoredStates = 0;
  uint64_t Work = 0;
};

/// The documented limits, and switches that only tests change.
struct SearchOptions {
  /// Undominated states kept for one choice.
  size_t MaxFrontStates = size_t(1) << 20;
  /// 64-bit words of packed states kept over all choices (128 MiB).
  size_t MaxStoredWords = size_t(1) << 24;
  /// Candidate states generated plus dominance tests made.
  uint64_t MaxWork = uint64_t(1) << 30;
  /// Off: decide everything with exact fronts (no greedy witnesses), so that
  /// tests can check the exact path on its own.
  bool UseWitnesses = true;
  /// Off: search even when every item's first option meets every requirement
  /// (see allocateCredits), so that tests check the search on those problems too.
  bool UseFirstChoices = true;
  SearchStats *Stats = nullptr;
};

struct SearchResult {
  /// Per layer: the chosen index into the layer's Effects.
  std::vector<uint32_t> Effect;
  /// The optimal progress (scaled).
  int64_t Progress = 0;
};

/// What the search works in, reused from one allocation to the next.
struct SearchBuffers {
  SuffixBoundsBuffers Bounds;
  WitnessBuffers Witness;
  std::vector<Front> Fronts;
  FrontScratch FrontWork;
  /// Row k: the largest prefix combined with Fronts[k]; and what the greedy
  /// witness's first k choices add.
  std::vector<int32_t> PrefixBound, Mix;

  /// Fronts kept between calls are worth at most this many bytes: a rare
  /// member whose fronts reach the state limits (up to 128 MiB) must not hold
  /// that memory for the rest of a run.
  static constexpr size_t MaxKeptFrontBytes = size_t(1) << 20;
  /// Frees the fronts and their work buffers when they hold more than
  /// MaxKeptFrontBytes (searchOptimum does it after every search).
  void releaseLargeFronts();
};

/// Fills Result (reusing its buffers).
llvm::Error searchOptimum(const Reduction &R, StateEvaluator &Eval, const SearchOptions &Options,
                          SearchBuffers &Buffers, SearchResult &Result);

} // namespace certc::alloc

#endif
