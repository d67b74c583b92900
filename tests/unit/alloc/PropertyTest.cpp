// Properties of allocateCredits on seeded random problems: exact optimum and
// preferred tie-break (against exhaustive search), order independence,
// determinism.
#include "ProblemText.h"
#include "RandomProblem.h"
#include "Reference.h"

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
