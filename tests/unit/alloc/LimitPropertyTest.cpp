// Properties of the limit solver on seeded random problems: it agrees with the
// cap-tree search where both apply, limits only ever take points away, and
// the answer is a function of the problem.
#include "ProblemText.h"
#include "RandomProblem.h"
#include "Reference.h"
#include "alloc/LimitSolver.h"

#include <gtest/gtest.h>

using namespace certc;
using namespace certc::alloc;
using namespace certc::alloc::test;

namespace {
RandomShape limitShape() {
  RandomShape Shape;
  Shape.MaxItems = 8;
  Shape.LimitPercent = 100;
  return Shape;
}

/// P with a limit that repeats top-level cap K: it covers exactly the options
/// through K's subtree and allows K's limit, so it changes no count.
Problem withCapRepeated(const Problem &P, uint32_t K) {
  Problem Out = P;
  uint32_t L = static_cast<uint32_t>(Out.Limits.size());
  Out.Limits.push_back(SharedLimit{P.Caps[K].Limit, false, Rational(), {}});
  for (uint32_t I = 0; I < Out.Items.size(); ++I)
    for (uint32_t O = 0; O < Out.Items[I].Options.size(); ++O)
      for (uint32_t At = Out.Items[I].Options[O].Cap; At != NoCap; At = P.Caps[At].Parent)
        if (At == K) {
          Out.Covered.push_back({I, O, L});
          break;
        }
  return Out;
}

bool sameBounds(const std::vector<FullBound> &X, const std::vector<FullBound> &Y) {
  if (X.size() != Y.size())
    return false;
  for (size_t I = 0; I < X.size(); ++I)
    if (X[I].K != Y[I].K || X[I].Index != Y[I].Index)
      return false;
  return true;
}
} // namespace

TEST(AllocatorLimitProperty, RepeatingACapAsALimitGivesTheCapTreeSolution) {
  // The limit solver (forced by a limit that can bind) must choose, count and
  // blame exactly as the proven cap-tree search does.
  std::mt19937_64 Rng(11);
  RandomShape Shape;
  Shape.MaxItems = 8;
  unsigned Compared = 0;
  for (int N = 0; N < 150; ++N) {
    Problem P = randomProblem(Rng, Shape);
    std::optional<uint32_t> TopCap;
    for (uint32_t K = 0; K < P.Caps.size() && !TopCap; ++K)
      if (P.Caps[K].Parent == NoCap)
        TopCap = K;
    if (!TopCap)
      continue;
    Problem Q = withCapRepeated(P, *TopCap);
    if (!hasLimits(withoutSlackLimits(Q)))
      continue;
    ++Compared;
    llvm::Expected<Solution> Tree = allocateCredits(P), Limits = allocateCredits(Q);
    ASSERT_TRUE(!!Tree) << llvm::toString(Tree.takeError());
    ASSERT_TRUE(!!Limits) << llvm::toString(Limits.takeError());
    ASSERT_EQ(checkLimitSolution(Q, *Limits), "") << describeProblem(Q);
    EXPECT_EQ(Limits->Choice, Tree->Choice) << describeProblem(P);
    EXPECT_EQ(Limits->Credited, Tree->Credited) << describeProblem(P);
    EXPECT_EQ(Limits->CategoryPoints, Tree->CategoryPoints) << describeProblem(P);
    EXPECT_EQ(Limits->Progress, Tree->Progress) << describeProblem(P);
    EXPECT_TRUE(sameBounds(Limits->FullAt, Tree->FullAt)) << describeProblem(P);
  }
  EXPECT_GT(Compared, 30u);
}

TEST(AllocatorLimitProperty, LimitsOnlyTakePointsAwayAndSolutionsKeepThem) {
  std::mt19937_64 Rng(12);
  for (int N = 0; N < 150; ++N) {
    Problem P = randomProblem(Rng, limitShape());
    Problem Unlimited = P;
    Unlimited.Limits.clear();
    Unlimited.Covered.clear();
    llvm::Expected<Solution> S = allocateCredits(P), Free = allocateCredits(Unlimited);
    ASSERT_TRUE(!!S) << llvm::toString(S.takeError());
    ASSERT_TRUE(!!Free) << llvm::toString(Free.takeError());
    ASSERT_EQ(checkLimitSolution(P, *S), "") << describeProblem(P);
    EXPECT_LE(S->Progress, Free->Progress) << describeProblem(P);
  }
}

TEST(AllocatorLimitProperty, SameProblemSameSolutionUnderLimits) {
  std::mt19937_64 Rng(13);
  for (int N = 0; N < 40; ++N) {
    Problem P = randomProblem(Rng, limitShape());
    llvm::Expected<Solution> First = allocateCredits(P), Second = allocateCredits(P);
    ASSERT_TRUE(!!First && !!Second);
    EXPECT_EQ(First->Choice, Second->Choice);
    EXPECT_EQ(First->Credited, Second->Credited);
    EXPECT_TRUE(sameBounds(First->FullAt, Second->FullAt));
  }
}
