// Properties of allocateCredits on seeded random problems.
#include "ProblemText.h"
#include "RandomProblem.h"
#include "Reference.h"
#include "alloc/AllocatorInternal.h"
#include "alloc/Reduce.h"
#include "alloc/StateLayout.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace certc;
using namespace certc::alloc;
using namespace certc::alloc::test;

namespace {
RandomShape smallShape() {
  RandomShape Shape;
  Shape.MaxItems = 7;
  return Shape;
}

/// Greedy witnesses and the first-choices shortcut off: every decision goes
/// through the exact Pareto fronts.
SearchOptions exactFrontsOnly() {
  SearchOptions Options;
  Options.UseWitnesses = false;
  Options.UseFirstChoices = false;
  return Options;
}
} // namespace

TEST(AllocatorProperty, MatchesExhaustiveSearchIncludingTieBreak) {
  std::mt19937_64 Rng(7);
  for (int N = 0; N < 400; ++N) {
    Problem P = randomProblem(Rng, smallShape());
    llvm::Expected<Solution> S = allocateCredits(P);
    ASSERT_TRUE(!!S) << llvm::toString(S.takeError());
    ASSERT_EQ(checkConsistent(P, *S), "") << describeProblem(P);
    std::vector<int32_t> Best = bruteForceChoice(P);
    ASSERT_EQ(S->Choice, Best) << describeProblem(P);
  }
}

TEST(AllocatorProperty, PinnedProblemsMatchExhaustiveSearchOnBothPaths) {
  // Exhaustive search enumerates only the vectors that honour the pins.
  std::mt19937_64 Rng(23);
  RandomShape Shape = smallShape();
  Shape.PinPercent = 30;
  SearchOptions ExactOnly = exactFrontsOnly();
  unsigned Pinned = 0;
  for (int N = 0; N < 400; ++N) {
    Problem P = randomProblem(Rng, Shape);
    Pinned += std::count_if(P.Items.begin(), P.Items.end(), [](const Item &It) { return It.Pinned >= 0; });
    std::vector<int32_t> Best = bruteForceChoice(P);
    for (const SearchOptions &Options : {SearchOptions(), ExactOnly}) {
      llvm::Expected<Solution> S = allocateCreditsWith(P, Options);
      ASSERT_TRUE(!!S) << llvm::toString(S.takeError());
      ASSERT_EQ(checkConsistent(P, *S), "") << describeProblem(P);
      ASSERT_EQ(S->Choice, Best) << describeProblem(P);
    }
  }
  EXPECT_GT(Pinned, 300u) << "the shape must actually pin items";
}

TEST(AllocatorProperty, PinningTheOptimumChangesNothingAndPinsNeverHelp) {
  // Pinning an item to the option the optimum gives it leaves the optimum as
  // it is; pinning it elsewhere can only lose progress.
  std::mt19937_64 Rng(29);
  for (int N = 0; N < 300; ++N) {
    Problem P = randomProblem(Rng, smallShape());
    llvm::Expected<Solution> Free = allocateCredits(P);
    ASSERT_TRUE(!!Free);
    for (size_t I = 0; I < P.Items.size(); ++I) {
      for (int32_t O = 0; O < static_cast<int32_t>(P.Items[I].Options.size()); ++O) {
        Problem Q = P;
        Q.Items[I].Pinned = O;
        llvm::Expected<Solution> S = allocateCredits(Q);
        ASSERT_TRUE(!!S);
        ASSERT_EQ(S->Choice[I], O);
        ASSERT_LE(S->Progress, Free->Progress) << describeProblem(Q);
        if (O == Free->Choice[I])
          ASSERT_EQ(S->Choice, Free->Choice) << describeProblem(Q);
      }
    }
  }
}

TEST(AllocatorProperty, ExactFrontsAloneMatchExhaustiveSearch) {
  // The same check with greedy witnesses switched off, so that every decision
  // goes through the exact Pareto fronts.
  std::mt19937_64 Rng(17);
  SearchOptions ExactOnly = exactFrontsOnly();
  for (int N = 0; N < 400; ++N) {
    Problem P = randomProblem(Rng, smallShape());
    llvm::Expected<Solution> S = allocateCreditsWith(P, ExactOnly);
    ASSERT_TRUE(!!S) << llvm::toString(S.takeError());
    ASSERT_EQ(checkConsistent(P, *S), "") << describeProblem(P);
    ASSERT_EQ(S->Choice, bruteForceChoice(P)) << describeProblem(P);
  }
}

TEST(AllocatorProperty, WitnessesAndExactFrontsChooseAlike) {
  // Larger problems than exhaustive search can check: the fast path (greedy
  // witnesses, lazily built fronts) must make exactly the exact path's choices.
  std::mt19937_64 Rng(19);
  RandomShape Shape;
  Shape.MinItems = 20;
  Shape.MaxItems = 60;
  Shape.MaxAmount = 60;
  Shape.MaxCombined = 120;
  SearchOptions ExactOnly = exactFrontsOnly();
  unsigned LazyFronts = 0, FrontsFirst = 0;
  for (int N = 0; N < 300; ++N) {
    Problem P = randomProblem(Rng, Shape);
    SearchStats Stats;
    SearchOptions Fast;
    Fast.Stats = &Stats;
    llvm::Expected<Solution> S = allocateCreditsWith(P, Fast);
    llvm::Expected<Solution> T = allocateCreditsWith(P, ExactOnly);
    ASSERT_TRUE(S && T);
    ASSERT_EQ(checkConsistent(P, *S), "");
    ASSERT_EQ(S->Progress, T->Progress) << describeProblem(P);
    ASSERT_EQ(S->Choice, T->Choice) << describeProblem(P);
    LazyFronts += Stats.FrontsBuilt && Stats.GreedyRuns > 1;
    FrontsFirst += Stats.FrontsBuilt && Stats.GreedyRuns == 1;
  }
  RecordProperty("LazyFronts", LazyFronts);
  RecordProperty("FrontsFirst", FrontsFirst);
  // Both ways of reaching the exact fronts must have been exercised.
  EXPECT_GT(LazyFronts, 0u);
  EXPECT_GT(FrontsFirst, 0u);
}

TEST(AllocatorProperty, FineDenominatorsMatchExhaustiveSearch) {
  // Thousandths give rooms of 15 bits and more, so search states span several
  // packed words; both search paths must still be exact.
  std::mt19937_64 Rng(23);
  RandomShape Shape = smallShape();
  Shape.Denominator = 1000;
  Shape.MaxItems = 8;
  SearchOptions ExactOnly = exactFrontsOnly();
  unsigned SeveralWords = 0;
  for (int N = 0; N < 300; ++N) {
    Problem P = randomProblem(Rng, Shape);
    ScaledProblem Scaled;
    ASSERT_FALSE(bool(scaleProblem(P, Scaled)));
    Reduction Reduced;
    ReduceBuffers ReduceWork;
    ASSERT_FALSE(bool(reduceProblem(Scaled, Reduced, ReduceWork)));
    SeveralWords += StateLayout(Reduced.Room).words() > 1;
    std::vector<int32_t> Best = bruteForceChoice(P);
    for (const SearchOptions &O : {SearchOptions(), ExactOnly}) {
      llvm::Expected<Solution> S = allocateCreditsWith(P, O);
      ASSERT_TRUE(!!S) << llvm::toString(S.takeError());
      ASSERT_EQ(checkConsistent(P, *S), "") << describeProblem(P);
      ASSERT_EQ(S->Choice, Best) << describeProblem(P);
    }
  }
  EXPECT_GT(SeveralWords, 10u);
}

TEST(AllocatorProperty, ItemOrderDoesNotChangeTheOptimum) {
  std::mt19937_64 Rng(11);
  for (int N = 0; N < 300; ++N) {
    Problem P = randomProblem(Rng, RandomShape());
    llvm::Expected<Solution> S = allocateCredits(P);
    ASSERT_TRUE(!!S) << llvm::toString(S.takeError());
    Problem Q = P;
    std::shuffle(Q.Items.begin(), Q.Items.end(), Rng);
    llvm::Expected<Solution> T = allocateCredits(Q);
    ASSERT_TRUE(!!T) << llvm::toString(T.takeError());
    EXPECT_EQ(S->Progress, T->Progress) << describeProblem(P);
    EXPECT_EQ(S->AllMet, T->AllMet);
  }
}

TEST(AllocatorProperty, SameProblemSameSolution) {
  std::mt19937_64 Rng(13);
  for (int N = 0; N < 100; ++N) {
    Problem P = randomProblem(Rng, RandomShape());
    llvm::Expected<Solution> S = allocateCredits(P), T = allocateCredits(P);
    ASSERT_TRUE(S && T);
    EXPECT_EQ(S->Choice, T->Choice);
    EXPECT_EQ(S->Credited, T->Credited);
  }
}

TEST(AllocatorProperty, OneScratchReusedGivesWhatFreshBuffersGive) {
  // A scratch keeps what the last call left in it; nothing of that may leak
  // into the next answer. Problems of every size, with and without exact
  // fronts (exact-only search), pins and limits, share one scratch in turn.
  std::mt19937_64 Rng(29);
  AllocationScratch Shared;
  RandomShape Large;
  Large.MinItems = 20;
  Large.MaxItems = 60;
  Large.MaxAmount = 60;
  RandomShape Pinned;
  Pinned.PinPercent = 25;
  RandomShape Limited;
  Limited.LimitPercent = 50;
  const RandomShape Shapes[] = {smallShape(), Large, Pinned, Limited};
  const SearchOptions Paths[] = {SearchOptions(), exactFrontsOnly()};
  unsigned Fronts = 0;
  for (int N = 0; N < 400; ++N) {
    Problem P = randomProblem(Rng, Shapes[N % 4]);
    SearchStats Stats;
    SearchOptions O = Paths[N / 4 % 2];
    O.Stats = &Stats;
    llvm::Expected<Solution> Reused = allocateCreditsWith(P, O, Shared);
    llvm::Expected<Solution> Fresh = allocateCreditsWith(P, Paths[N / 4 % 2]);
    ASSERT_TRUE(Reused && Fresh);
    Fronts += Stats.FrontsBuilt;
    EXPECT_EQ(Reused->Choice, Fresh->Choice) << describeProblem(P);
    EXPECT_EQ(Reused->Credited, Fresh->Credited);
    EXPECT_EQ(Reused->CategoryPoints, Fresh->CategoryPoints);
    EXPECT_EQ(Reused->SpilledIn, Fresh->SpilledIn);
    EXPECT_EQ(Reused->RequirementPoints, Fresh->RequirementPoints);
    EXPECT_EQ(Reused->Progress, Fresh->Progress);
    EXPECT_EQ(Reused->AllMet, Fresh->AllMet);
  }
  // The shared scratch went through the fronts many times, of many sizes.
  EXPECT_GT(Fronts, 50u);
}

TEST(AllocatorProperty, AScratchMovedFromStillServes) {
  // A pool of scratches moves them around; one left behind by a move must
  // still work, not dereference the buffers it gave away.
  std::mt19937_64 Rng(31);
  AllocationScratch Pooled;
  AllocationScratch Taken(std::move(Pooled));
  for (int N = 0; N < 20; ++N) {
    Problem P = randomProblem(Rng, smallShape());
    llvm::Expected<Solution> FromMoved = allocateCreditsWith(P, SearchOptions(), Pooled);
    llvm::Expected<Solution> FromTaken = allocateCreditsWith(P, SearchOptions(), Taken);
    llvm::Expected<Solution> Fresh = allocateCreditsWith(P, SearchOptions());
    ASSERT_TRUE(FromMoved && FromTaken && Fresh);
    EXPECT_EQ(FromMoved->Choice, Fresh->Choice) << describeProblem(P);
    EXPECT_EQ(FromTaken->Choice, Fresh->Choice) << describeProblem(P);
    EXPECT_EQ(FromMoved->Progress, Fresh->Progress);
  }
}
