// allocateCredits: validate, scale, settle forced items, search, report.
#include "alloc/Allocator.h"
#include "alloc/AllocatorInternal.h"

#include "alloc/Credit.h"
#include "alloc/LimitSolver.h"
#include "alloc/Scale.h"
#include "alloc/Search.h"
#include "alloc/Validate.h"

#include <algorithm>
#include <system_error>

namespace certc::alloc {

struct AllocationScratch::Buffers {
  ScaledProblem Scaled;
  RawSums FirstChoices;
  Outcome FirstOutcome;
  Reduction Reduced;
  ReduceBuffers Reduce;
  Outcome Settled;
  SearchBuffers Search;
  SearchResult Found;
  CreditBuffers Credit;
};

AllocationScratch::AllocationScratch() : B(std::make_unique<Buffers>()) {}
AllocationScratch::~AllocationScratch() = default;
AllocationScratch::AllocationScratch(AllocationScratch &&) noexcept = default;
AllocationScratch &AllocationScratch::operator=(AllocationScratch &&) noexcept = default;
AllocationScratch::Buffers &AllocationScratch::buffers() {
  if (!B)
    B = std::make_unique<Buffers>();
  return *B;
}

llvm::Expected<Solution> allocateCredits(const Problem &P, AllocationScratch &Scratch) {
  return allocateCreditsWith(P, SearchOptions(), Scratch);
}

llvm::Expected<Solution> allocateCredits(const Problem &P) {
  AllocationScratch Scratch;
  return allocateCredits(P, Scratch);
}

llvm::Expected<Solution> allocateCreditsWith(const Problem &P, const SearchOptions &Options) {
  AllocationScratch Scratch;
  return allocateCreditsWith(P, Options, Scratch);
}

namespace {
bool hasPins(const Problem &P) {
  return std::any_of(P.Items.begin(), P.Items.end(), [](const Item &It) { return It.Pinned >= 0; });
}

/// P with every pinned item reduced to its pinned option. An item with one
/// option always takes it (crediting never lowers progress), and the other
/// items' options are unchanged, so the preferred optimum of this problem,
/// with each pinned item's choice put back, is the preferred optimum of P
/// among the assignments that honour the pins.
Problem withPinsApplied(const Problem &P) {
  Problem Out = P;
  for (Item &It : Out.Items)
    if (It.Pinned >= 0) {
      Option Pinned = It.Options[It.Pinned];
      It.Options.assign(1, Pinned);
      It.Pinned = -1;
    }
  return Out;
}

/// Scale, first choices, reduction, search and report, for a validated P
/// whose limits (if any) cannot bind and whose items are not pinned.
llvm::Expected<Solution> searchOnTrees(const Problem &P, const SearchOptions &Options,
                                       AllocationScratch::Buffers &B) {
  ScaledProblem &Scaled = B.Scaled;
  if (llvm::Error E = scaleProblem(P, Scaled))
    return E;
  // Every item in its first option is the smallest choice vector of all; when
  // it meets every requirement it is the preferred optimum, with no search.
  // Most members fail this test, so it evaluates the sums alone and builds
  // the Solution only on success.
  if (Options.UseFirstChoices) {
    B.FirstChoices.reset(Scaled);
    for (size_t I = 0; I < Scaled.numItems(); ++I)
      if (!Scaled.item(I).empty())
        B.FirstChoices.add(Scaled.item(I).front());
    evaluate(Scaled, B.FirstChoices, B.FirstOutcome);
    if (B.FirstOutcome.AllMet) {
      std::vector<int32_t> Choice(P.Items.size());
      for (size_t I = 0; I < P.Items.size(); ++I)
        Choice[I] = P.Items[I].Options.empty() ? -1 : 0;
      return buildSolution(P, Scaled, std::move(Choice), B.Credit);
    }
  }
  Reduction &Reduced = B.Reduced;
  if (llvm::Error E = reduceProblem(Scaled, Reduced, B.Reduce))
    return E;
  StateEvaluator Eval(Scaled, Reduced, B.Settled);
  SearchResult &Found = B.Found;
  if (llvm::Error E = searchOptimum(Reduced, Eval, Options, B.Search, Found))
    return E;

  std::vector<int32_t> Choice = Reduced.Choice;
  for (size_t L = 0; L < Reduced.Layers.size(); ++L) {
    const ChoiceLayer &Layer = Reduced.Layers[L];
    Choice[Layer.Item] = static_cast<int32_t>(Layer.Effects[Found.Effect[L]].Option);
  }
  Solution S = buildSolution(P, Scaled, std::move(Choice), B.Credit);
  // The search's saturated arithmetic must agree with the reference semantics;
  // a mismatch is a bug, reported rather than returned as a wrong answer.
  if (S.Progress != unscale(Found.Progress, Scaled.Scale))
    return llvm::createStringError(std::make_error_code(std::errc::state_not_recoverable),
                                   "allocation internal error: search progress %s "
                                   "differs from evaluated progress %s",
                                   unscale(Found.Progress, Scaled.Scale).str().c_str(),
                                   S.Progress.str().c_str());
  return S;
}
} // namespace

llvm::Expected<Solution> allocateCreditsWith(const Problem &P, const SearchOptions &Options,
                                             AllocationScratch &Scratch) {
  if (llvm::Error E = validateProblem(P))
    return E;
  // Limits that can bind need the exact limit solver; every other problem,
  // including one whose limits cannot bind (they change no count), takes the
  // search on the cap trees, which ignores limits.
  if (!P.Limits.empty() && someLimitBinds(P))
    return allocateWithLimits(withoutSlackLimits(P));
  if (!hasPins(P))
    return searchOnTrees(P, Options, Scratch.buffers());
  llvm::Expected<Solution> S = searchOnTrees(withPinsApplied(P), Options, Scratch.buffers());
  if (S)
    for (size_t I = 0; I < P.Items.size(); ++I)
      if (P.Items[I].Pinned >= 0)
        S->Choice[I] = P.Items[I].Pinned;
  return S;
}

} // namespace certc::alloc
