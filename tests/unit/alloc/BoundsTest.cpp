// The search's upper bound with spillover: a point counts once towards a
// requirement and the spill out of its category when the threshold is at or
// above the amount, so typical members are proved optimal without fronts; and
// what a scratch keeps of the fronts between calls.
#include "ProblemBuilder.h"
#include "Reference.h"
#include "alloc/AllocatorInternal.h"
#include "alloc/Bounds.h"
#include "alloc/Search.h"

#include <gtest/gtest.h>

using namespace certc;
using namespace certc::alloc;
using namespace certc::alloc::test;

namespace {
enum : uint32_t { Education = 0, Experience = 1 };

/// The CMC's shape: Education at least 60, Experience at least 50, excess
/// Education counts toward Experience. The member has 50 Education and 40
/// Experience settled and two items that count in either, 8 and 7 points:
/// 15 points for the 20 missing, so the best progress is 90 + 15 = 105.
ProblemBuilder excessEducationMember() {
  ProblemBuilder PB(2);
  PB.item({opt(Education, pts(50))}).item({opt(Experience, pts(40))});
  PB.item({opt(Education, pts(8)), opt(Experience, pts(8))});
  PB.item({opt(Education, pts(7)), opt(Experience, pts(7))});
  PB.require({Education}, pts(60)).require({Experience}, pts(50));
  PB.spill(Education, Experience, pts(60));
  return PB;
}

/// The bound for the whole search of P, from nothing chosen, and the rate
/// of each coordinate.
struct WholeBound {
  int64_t Bound = 0;
  std::vector<int32_t> Rates;
};

WholeBound wholeBound(const Problem &P) {
  ScaledProblem Scaled;
  EXPECT_FALSE(bool(scaleProblem(P, Scaled)));
  Reduction R;
  ReduceBuffers ReduceWork;
  EXPECT_FALSE(bool(reduceProblem(Scaled, R, ReduceWork)));
  Outcome Settled;
  StateEvaluator Eval(Scaled, R, Settled);
  SuffixBoundsBuffers Tables;
  SuffixBounds Bounds(R, Eval, Tables);
  std::vector<int32_t> Zero(R.Room.size(), 0);
  WholeBound Out;
  Out.Bound = Bounds.upperBound(Zero.data(), Bounds.maxSuffix(0), 0, R.Layers.size());
  for (unsigned J = 0; J < Eval.dims(); ++J)
    Out.Rates.push_back(Eval.rate(J));
  return Out;
}
} // namespace

TEST(SpillBound, ExcessCountsOnceSoTheGreedyAnswerNeedsNoFronts) {
  // The earlier bound counted every Education point twice (towards Education
  // and, through the spill, towards Experience) and came to 90 + min(20, 30)
  // = 110, above the greedy 105, so this member built the Pareto fronts. A
  // point below 60 Education counts towards Education only and one above it
  // towards Experience only: the bound is 105 and the greedy answer stands.
  ProblemBuilder PB = excessEducationMember();
  WholeBound B = wholeBound(PB.P);
  EXPECT_EQ(B.Bound, 105);
  EXPECT_EQ(B.Rates, (std::vector<int32_t>{1, 1}));

  SearchStats Stats;
  SearchOptions Options;
  Options.Stats = &Stats;
  llvm::Expected<Solution> S = allocateCreditsWith(PB.P, Options);
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  EXPECT_FALSE(Stats.FrontsBuilt);
  EXPECT_EQ(Stats.GreedyRuns, 1u);
  EXPECT_EQ(checkConsistent(PB.P, *S), "");
  // Both either-or items go to Education (their first option): Education
  // reaches 65, whose excess 5 brings Experience to 45.
  EXPECT_EQ(S->Choice, (std::vector<int32_t>{0, 0, 0, 0}));
  EXPECT_EQ(S->Progress, pts(105));
  EXPECT_EQ(S->SpilledIn, (std::vector<Rational>{pts(0), pts(5)}));

  // The exact fronts alone make the same choices.
  SearchOptions ExactOnly;
  ExactOnly.UseWitnesses = false;
  llvm::Expected<Solution> T = allocateCreditsWith(PB.P, ExactOnly);
  ASSERT_TRUE(bool(T)) << llvm::toString(T.takeError());
  EXPECT_EQ(T->Choice, S->Choice);
  EXPECT_EQ(T->Progress, S->Progress);
}

TEST(SpillBound, APointCountsTwiceBetweenAThresholdBelowTheAmount) {
  // Excess above 30 spills while Education still lacks points up to 60: a
  // point between 30 and 60 counts towards both, and the bound says so.
  ProblemBuilder PB = excessEducationMember();
  PB.P.Spills[0].Above = pts(30);
  WholeBound B = wholeBound(PB.P);
  EXPECT_EQ(B.Rates, (std::vector<int32_t>{2, 1}));
  llvm::Expected<Solution> S = allocateCredits(PB.P);
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  EXPECT_GE(B.Bound * S->Progress.den(), S->Progress.num());
  // Education 65 (both items) spills 35: both requirements met.
  EXPECT_EQ(S->Choice, (std::vector<int32_t>{0, 0, 0, 0}));
  EXPECT_TRUE(S->AllMet);
}

TEST(SpillBound, ACombinationCountsBesideTheSingleRequirement) {
  // Education + Experience at least 110 as well: a point of either category
  // also counts towards the combination.
  ProblemBuilder PB = excessEducationMember();
  PB.require({Education, Experience}, pts(110));
  WholeBound B = wholeBound(PB.P);
  EXPECT_EQ(B.Rates, (std::vector<int32_t>{2, 2}));
  llvm::Expected<Solution> S = allocateCredits(PB.P);
  ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
  EXPECT_EQ(S->Progress, pts(105 + 105));
  EXPECT_EQ(B.Bound, 210);
}

TEST(SearchBuffers, HugeFrontsAreFreedSmallOnesKept) {
  // A scratch keeps its buffers for the next member, but not fronts of the
  // size only the state limits stop: those would stay allocated all run.
  SearchBuffers B;
  B.Fronts.resize(3);
  B.Fronts[0].Keys.resize(1000);
  B.releaseLargeFronts();
  ASSERT_EQ(B.Fronts.size(), 3u);
  EXPECT_GE(B.Fronts[0].Keys.capacity(), 1000u);
  B.Fronts[1].Keys.resize(SearchBuffers::MaxKeptFrontBytes / sizeof(uint64_t) + 1);
  B.releaseLargeFronts();
  EXPECT_TRUE(B.Fronts.empty());
  EXPECT_EQ(B.Fronts.capacity(), 0u);
}
