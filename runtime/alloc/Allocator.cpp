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

llvm::Expected<Solution> allocateCredits(const Problem &P) {
  return allocateCreditsWith(P, SearchOptions());
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
} // namespace

llvm::Expected<Solution> allocateCreditsWith(const Problem &P, const SearchOptions &Options) {
  if (llvm::Error E = validateProblem(P))
    return E;
  // Limits that can bind need the exact limit solver; every other problem,
  // including one whose limits cannot bind, takes the search below.
  if (!P.Limits.empty()) {
    Problem Tight = withoutSlackLimits(P);
    if (hasLimits(Tight))
      return allocateWithLimits(Tight);
    Tight.Limits.clear();
    return allocateCreditsWith(Tight, Options);
  }
  if (hasPins(P)) {
    llvm::Expected<Solution> S = allocateCreditsWith(withPinsApplied(P), Options);
    if (S)
      for (size_t I = 0; I < P.Items.size(); ++I)
        if (P.Items[I].Pinned >= 0)
          S->Choice[I] = P.Items[I].Pinned;
    return S;
  }
  llvm::Expected<ScaledProblem> Scaled = scaleProblem(P);
  if (!Scaled)
    return Scaled.takeError();
  // Every item in its first option is the smallest choice vector of all; when
  // it meets every requirement it is the preferred optimum, with no search.
  // Most members fail this test, so it evaluates the sums alone and builds
  // the Solution only on success.
  if (Options.UseFirstChoices) {
    RawSums First(*Scaled);
    for (size_t I = 0; I < Scaled->numItems(); ++I)
      if (!Scaled->item(I).empty())
        First.add(Scaled->item(I).front());
    if (evaluate(*Scaled, First).AllMet) {
      std::vector<int32_t> Choice(P.Items.size());
      for (size_t I = 0; I < P.Items.size(); ++I)
        Choice[I] = P.Items[I].Options.empty() ? -1 : 0;
      return buildSolution(*Scaled, Choice);
    }
  }
  llvm::Expected<Reduction> Reduced = reduceProblem(*Scaled);
  if (!Reduced)
    return Reduced.takeError();
  StateEvaluator Eval(*Scaled, *Reduced);
  llvm::Expected<SearchResult> Found = searchOptimum(*Reduced, Eval, Options);
  if (!Found)
    return Found.takeError();

  std::vector<int32_t> Choice = Reduced->Choice;
  for (size_t L = 0; L < Reduced->Layers.size(); ++L) {
    const ChoiceLayer &Layer = Reduced->Layers[L];
    Choice[Layer.Item] = static_cast<int32_t>(Layer.Effects[Found->Effect[L]].Option);
  }
  Solution S = buildSolution(*Scaled, Choice);
  // The search's saturated arithmetic must agree with the reference semantics;
  // a mismatch is a bug, reported rather than returned as a wrong answer.
  if (S.Progress != unscale(Found->Progress, Scaled->Scale))
    return llvm::createStringError(std::make_error_code(std::errc::state_not_recoverable),
                                   "allocation internal error: search progress %s "
                                   "differs from evaluated progress %s",
                                   unscale(Found->Progress, Scaled->Scale).str().c_str(),
                                   S.Progress.str().c_str());
  return S;
}

} // namespace certc::alloc
