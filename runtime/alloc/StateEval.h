// Progress of a search state, specialised to what the open choices can still change.
#ifndef CERTC_ALLOC_STATEEVAL_H
#define CERTC_ALLOC_STATEEVAL_H

#include "alloc/Reduce.h"

#include "llvm/ADT/SmallVector.h"

namespace certc::alloc {

class StateEvaluator {
public:
  /// Settled is a buffer for the outcome of the settled points (reused).
  StateEvaluator(const ScaledProblem &P, const Reduction &R, Outcome &Settled);

  /// Progress when the open choices add State[j] to coordinate j on top of the
  /// settled points. Equals evaluate() on the corresponding raw sums.
  int64_t progress(const int32_t *State);

  /// Requirements the open choices can affect ("terms"), and how many times a
  /// point added at coordinate J can count towards term T: once if J's
  /// category is named by it, plus once per spill from that category into a
  /// single-category term.
  size_t numTerms() const { return Terms.size(); }
  int32_t multiplicity(size_t T, unsigned J) const { return Multiplicity[T * dims() + J]; }
  /// The most one point added at coordinate J can raise progress, all terms
  /// together. At most the sum of its multiplicities, and less where they
  /// cannot all count at once: a point counts towards its category's
  /// single-category requirements only below their amounts, and spills only
  /// from its threshold on, so with the threshold at or above the amount
  /// ("excess counts toward") it counts once, not twice. See
  /// docs/allocation.md, "Bounds".
  int32_t rate(unsigned J) const { return Rate[J]; }

  /// An upper bound on the progress reachable from Base by further choices
  /// that can raise term T by at most Supply[T], all terms together by at
  /// most Total, and each coordinate at most to Relaxed (Base plus every
  /// remaining option at once): progress(Base) plus the lesser of Total and
  /// the sum over terms of min(what the term lacks, its supply, what Relaxed
  /// adds to it).
  int64_t progressBound(const int32_t *Base, const int32_t *Relaxed, const int64_t *Supply,
                        int64_t Total);

  unsigned dims() const { return static_cast<unsigned>(CoordNode.size()); }

private:
  struct CapStep {
    uint32_t Cap;
    int64_t Limit;
    int64_t Constant; ///< settled direct points plus settled children's credit
    uint32_t Coord;   ///< NoCoord when no choice attaches directly
    uint32_t Parent;  ///< NoCap, or the parent cap (also involved)
  };
  struct RequirementTerm {
    llvm::ArrayRef<uint32_t> Categories; ///< the requirement's, in P
    int64_t Amount;
  };
  // Sized by the policy (caps, categories, requirements), which is small:
  // inline storage spares the heap for typical problems.
  template <typename T> using PolicyVector = llvm::SmallVector<T, 8>;

  const ScaledProblem &P;
  llvm::ArrayRef<uint32_t> CoordNode; ///< R's, which outlives the evaluator
  PolicyVector<CapStep> Steps; ///< involved caps, children first
  PolicyVector<uint32_t> InvolvedCategories;
  PolicyVector<int64_t> CategoryConstant; ///< per category, settled part
  PolicyVector<uint32_t> CategoryCoord;   ///< per category: uncapped coordinate
  PolicyVector<RequirementTerm> Terms;    ///< requirements the choices can affect
  /// Per category: indices into P.Spills of spills into it.
  PolicyVector<llvm::SmallVector<uint32_t, 2>> SpillsInto;
  PolicyVector<int32_t> Multiplicity; ///< Terms.size() x dims()
  PolicyVector<int32_t> Rate;         ///< per coordinate
  int64_t ConstantProgress = 0;
  // Scratch, reused across calls.
  PolicyVector<int64_t> CapValue;
  PolicyVector<int64_t> Points;
  PolicyVector<int64_t> TermPoints, RelaxedTermPoints;

  /// The most one point added to category C raises the terms at once.
  int32_t categoryRate(uint32_t C) const;
  /// Fills TermPoints and returns the progress.
  int64_t evaluateTerms(const int32_t *State);
};

} // namespace certc::alloc

#endif
