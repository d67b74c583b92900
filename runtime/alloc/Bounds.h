// Upper bounds on the progress that a range of choice layers can still add.
#ifndef CERTC_ALLOC_BOUNDS_H
#define CERTC_ALLOC_BOUNDS_H

#include "alloc/StateEval.h"

namespace certc::alloc {

/// The tables of SuffixBounds, reused from one allocation to the next.
struct SuffixBoundsBuffers {
  std::vector<int32_t> MaxSuffix;
  /// Row i: per term, the most layers i.. can raise it, and the most they can
  /// raise all terms together. Saturating sums; see SupplyCap.
  std::vector<int64_t> SupplySuffix, TotalSuffix, RangeSupply;
};

/// Two relaxations of "each item counts once, in one option", combined:
/// every option at once (which respects rooms and caps), and per-requirement
/// supplies (which respect that an item adds its points once). See
/// docs/allocation.md, "Bounds".
class SuffixBounds {
public:
  SuffixBounds(const Reduction &R, StateEvaluator &Eval, SuffixBoundsBuffers &Tables);

  /// What layers I.. add when every option counts at once.
  const int32_t *maxSuffix(size_t I) const { return T.MaxSuffix.data() + I * R.Room.size(); }

  /// An upper bound on the progress from Base when layers [From, To) are
  /// still to choose; Relaxed must be Base plus every option of those layers
  /// at once (or anything larger).
  int64_t upperBound(const int32_t *Base, const int32_t *Relaxed, size_t From, size_t To);

private:
  const Reduction &R;
  StateEvaluator &Eval;
  size_t NumTerms;
  SuffixBoundsBuffers &T;
};

} // namespace certc::alloc

#endif
