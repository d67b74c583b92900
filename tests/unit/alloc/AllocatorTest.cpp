// Behaviour of allocateCredits that a member or an auditor would notice.
#include "ProblemBuilder.h"
#include "alloc/AllocatorInternal.h"
#include "Reference.h"

#include <gtest/gtest.h>

using namespace certc;
using namespace certc::alloc;
using namespace certc::alloc::test;

namespace {
enum : uint32_t { A = 0, B = 1, C = 2 };

Solution solve(const Problem &P) {
  llvm::Expected<Solution> S = allocateCredits(P);
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return Solution();
  }
  EXPECT_EQ(checkConsistent(P, *S), "");
  return std::move(*S);
}

std::string errorOf(const Problem &P) {
  llvm::Expected<Solution> S = allocateCredits(P);
  if (S)
    return "";
  return llvm::toString(S.takeError());
}
} // namespace

TEST(Allocator, EitherOrItemGoesWhereItCompletesARequirement) {
  ProblemBuilder PB(2);
  PB.item({opt(A, pts(10))}).item({opt(A, pts(5)), opt(B, pts(5))});
  PB.require({A}, pts(10)).require({B}, pts(5));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{0, 1}));
  EXPECT_TRUE(S.AllMet);
  EXPECT_EQ(S.Progress, pts(15));
  EXPECT_EQ(S.CategoryPoints, (std::vector<Rational>{pts(10), pts(5)}));
}

TEST(Allocator, PrefersTheEarlierOptionWhenBothAreOptimal) {
  ProblemBuilder PB(2);
  PB.item({opt(A, pts(3)), opt(B, pts(3))});
  PB.require({A}, pts(10)).require({B}, pts(10));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{0}));
}

TEST(Allocator, PinnedItemTakesItsOptionAndTheRestMakeUpForIt) {
  // Staff credit the first item to B; the allocator must then send the
  // either-or item to A, where it still completes A's requirement.
  ProblemBuilder PB(2);
  PB.item({opt(A, pts(5)), opt(B, pts(5))}).pin(1);
  PB.item({opt(A, pts(5)), opt(B, pts(5))});
  PB.require({A}, pts(5)).require({B}, pts(5));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{1, 0}));
  EXPECT_TRUE(S.AllMet);
}

TEST(Allocator, PinOverridesTheOptimum) {
  // Without the pin the item goes to A, where it meets the requirement; the
  // pin wins even though the member is then further from eligibility.
  ProblemBuilder PB(2);
  PB.item({opt(A, pts(5)), opt(B, pts(5))}).pin(1);
  PB.require({A}, pts(5));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{1}));
  EXPECT_FALSE(S.AllMet);
  EXPECT_EQ(S.Progress, pts(0));
}

TEST(Allocator, PinnedItemThroughAFullCapIsStillPinned) {
  ProblemBuilder PB(1);
  uint32_t Cap = PB.cap(A, pts(4));
  PB.item({opt(A, pts(4), Cap)});
  PB.item({opt(A, pts(3), Cap), opt(A, pts(2))}).pin(0);
  PB.require({A}, pts(10));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{0, 0}));
  EXPECT_EQ(S.Credited[1], pts(0)) << "the cap was full; the uncapped option would have earned 2";
}

TEST(Allocator, CombinationRequirementSumsItsCategories) {
  ProblemBuilder PB(3);
  PB.item({opt(A, pts(6))}).item({opt(B, pts(6))}).item({opt(A, pts(6)), opt(C, pts(6))});
  PB.require({A}, pts(5)).require({B, C}, pts(12));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.Choice[2], 1) << "A is already met; only C still counts";
  EXPECT_EQ(S.RequirementPoints[1], pts(12));
  EXPECT_TRUE(S.AllMet);
}

TEST(Allocator, CombinationRequirementIgnoresSpillover) {
  ProblemBuilder PB(3);
  PB.item({opt(A, pts(20))}).item({opt(B, pts(4))});
  PB.spill(A, B, pts(5));
  PB.require({B}, pts(10)).require({B, C}, pts(10));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.SpilledIn[B], pts(15));
  EXPECT_EQ(S.RequirementPoints, (std::vector<Rational>{pts(19), pts(4)}));
  EXPECT_EQ(S.Progress, pts(14));
  EXPECT_FALSE(S.AllMet);
}

TEST(Allocator, SpilloverCountsTowardsTheReceivingCategory) {
  // Putting 4 more into A spills 6 into B; putting 2 into B gives B only 4.
  ProblemBuilder PB(2);
  PB.item({opt(A, pts(12))}).item({opt(B, pts(2)), opt(A, pts(4))});
  PB.spill(A, B, pts(10));
  PB.require({A}, pts(10)).require({B}, pts(5));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.Choice[1], 1);
  EXPECT_EQ(S.SpilledIn[B], pts(6));
  EXPECT_EQ(S.CategoryPoints[B], pts(0));
  EXPECT_TRUE(S.AllMet);
}

TEST(Allocator, NestedCapsLimitInnerAndOuterTotals) {
  ProblemBuilder PB(2);
  uint32_t Outer = PB.cap(A, pts(10));
  uint32_t Inner = PB.cap(A, pts(4), Outer);
  PB.item({opt(A, pts(3), Inner)}).item({opt(A, pts(3), Inner)});
  PB.item({opt(A, pts(3), Inner)}).item({opt(A, pts(5), Outer)});
  PB.item({opt(A, pts(7, 2))});
  PB.require({A}, pts(20));
  Solution S = solve(PB.P);
  // Inner: min(4, 9) = 4; outer: min(10, 4 + 5) = 9; plus 3.5 uncapped.
  EXPECT_EQ(S.CategoryPoints[A], pts(25, 2));
  EXPECT_EQ(S.Credited, (std::vector<Rational>{pts(3), pts(1), pts(0), pts(5), pts(7, 2)}));
}

TEST(Allocator, FullCapSendsAnEitherOrItemElsewhere) {
  ProblemBuilder PB(2);
  uint32_t Outer = PB.cap(A, pts(10));
  uint32_t Inner = PB.cap(A, pts(4), Outer);
  PB.item({opt(A, pts(4), Inner)}).item({opt(A, pts(6), Inner), opt(B, pts(1, 2))});
  PB.require({A}, pts(10)).require({B}, pts(1));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.Choice[1], 1) << "the inner cap is full, so A gains nothing";
  EXPECT_EQ(S.Progress, pts(9, 2));
}

TEST(Allocator, OrderOfItemsWithEqualOptionsDoesNotChangeTotals) {
  auto build = [](bool Reversed) {
    ProblemBuilder PB(3);
    std::vector<std::vector<Option>> Items = {
        {opt(A, pts(3)), opt(B, pts(3))}, {opt(A, pts(3)), opt(B, pts(3))},
        {opt(A, pts(3)), opt(B, pts(3))}, {opt(B, pts(5, 2)), opt(C, pts(5, 2))},
        {opt(B, pts(5, 2)), opt(C, pts(5, 2))}, {opt(C, pts(1))}};
    if (Reversed)
      std::reverse(Items.begin(), Items.end());
    for (auto &Options : Items) {
      Item It;
      It.Options.assign(Options.begin(), Options.end());
      PB.P.Items.push_back(std::move(It));
    }
    PB.require({A}, pts(6)).require({B}, pts(5)).require({C}, pts(3));
    return PB.P;
  };
  Solution Forward = solve(build(false)), Backward = solve(build(true));
  EXPECT_EQ(Forward.CategoryPoints, Backward.CategoryPoints);
  EXPECT_EQ(Forward.RequirementPoints, Backward.RequirementPoints);
  EXPECT_EQ(Forward.Progress, Backward.Progress);
  EXPECT_TRUE(Forward.AllMet);
}

TEST(Allocator, FindsTheOptimumWhereGreedyPlacementFails) {
  // Placing each item in item order where it helps most right now puts item 0
  // in A and item 1 in B, after which item 2 (A only) is wasted and C is short.
  ProblemBuilder PB(3);
  PB.item({opt(A, pts(4)), opt(B, pts(4))});
  PB.item({opt(B, pts(3)), opt(C, pts(3))});
  PB.item({opt(A, pts(4))});
  PB.item({opt(B, pts(1)), opt(C, pts(1))});
  PB.require({A}, pts(4)).require({B}, pts(4)).require({C}, pts(4));
  Solution S = solve(PB.P);
  EXPECT_TRUE(S.AllMet);
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{1, 1, 0, 1}));
}

TEST(Allocator, MeetsEverythingWhenOnlyAPartitionDoes) {
  // Two categories needing 10 each from items 6, 5, 4, 3, 2: only {6,4} / {5,3,2}
  // (or its mirror) meets both; crediting in order as needed gives 6+5 / 4+3+2.
  ProblemBuilder PB(2);
  for (int64_t V : {6, 5, 4, 3, 2})
    PB.item({opt(A, pts(V)), opt(B, pts(V))});
  PB.require({A}, pts(10)).require({B}, pts(10));
  Solution S = solve(PB.P);
  EXPECT_TRUE(S.AllMet);
  EXPECT_EQ(S.Progress, pts(20));
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{0, 1, 0, 1, 1}));
}

TEST(Allocator, UnmetRequirementsStillMaximiseProgress) {
  ProblemBuilder PB(2);
  PB.item({opt(A, pts(3)), opt(B, pts(5))});
  PB.require({A}, pts(10)).require({B}, pts(4));
  Solution S = solve(PB.P);
  EXPECT_FALSE(S.AllMet);
  EXPECT_EQ(S.Choice[0], 1) << "B gains 4 of its 5 points, A would gain 3";
  EXPECT_EQ(S.Progress, pts(4));
}

TEST(Allocator, ItemsWithoutOptionsAreNotCredited) {
  ProblemBuilder PB(1);
  PB.P.Items.push_back(Item{});
  PB.item({opt(A, pts(1))});
  PB.require({A}, pts(1));
  Solution S = solve(PB.P);
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{-1, 0}));
}

TEST(Allocator, EmptyProblem) {
  Solution S = solve(Problem());
  EXPECT_TRUE(S.AllMet);
  EXPECT_EQ(S.Progress, pts(0));
}

TEST(Allocator, ThirdsAreExact) {
  ProblemBuilder PB(2);
  for (int I = 0; I < 3; ++I)
    PB.item({opt(A, pts(1, 3)), opt(B, pts(1, 3))});
  PB.require({A}, pts(2, 3)).require({B}, pts(1, 3));
  Solution S = solve(PB.P);
  EXPECT_TRUE(S.AllMet);
  EXPECT_EQ(S.Progress, pts(1));
}

TEST(Allocator, CommonDenominatorOverflowIsAnError) {
  ProblemBuilder PB(2);
  PB.item({opt(A, pts(1, 1000000007)), opt(B, pts(1))});
  PB.item({opt(A, pts(1, 998244353))});
  PB.item({opt(B, pts(1, 1000000009))});
  PB.require({A}, pts(1));
  EXPECT_NE(errorOf(PB.P).find("exact arithmetic beyond 64 bits"), std::string::npos);
}

TEST(Allocator, HugePointsAreAnError) {
  ProblemBuilder PB(1);
  for (int I = 0; I < 8; ++I)
    PB.item({opt(A, pts(INT64_MAX / 4))});
  PB.require({A}, pts(1));
  EXPECT_NE(errorOf(PB.P).find("exact arithmetic beyond 64 bits"), std::string::npos);
}

TEST(Allocator, StateSpaceLimitIsAnError) {
  // Six requirements that the items can just about fill, items with two
  // options of distinct odd eighths: meeting them is a hard packing problem
  // whose undominated states grow without bound. The allocator must say so
  // within its limits rather than stall. (With the default limits this takes
  // about a second of optimised code; tests use smaller ones.)
  ProblemBuilder PB(6);
  int64_t Supply = 0;
  for (int I = 0; I < 240; ++I) {
    uint32_t X = I % 6, Y = (I + 1 + I / 6 % 5) % 6;
    int64_t V = 2 * ((37 * I) % 61) + 41;
    Supply += V;
    PB.item({opt(X, pts(V, 8)), opt(Y, pts(V + 2, 8))});
  }
  for (uint32_t Cat = 0; Cat < 6; ++Cat)
    PB.require({Cat}, pts(Supply / 6 + 3, 8));
  SearchOptions Small;
  Small.MaxWork = uint64_t(1) << 22;
  llvm::Expected<Solution> S = allocateCreditsWith(PB.P, Small);
  ASSERT_FALSE(S);
  EXPECT_NE(llvm::toString(S.takeError()).find("allocation state limit"), std::string::npos);
  Small = SearchOptions();
  Small.MaxStoredWords = 1000;
  S = allocateCreditsWith(PB.P, Small);
  ASSERT_FALSE(S);
  EXPECT_NE(llvm::toString(S.takeError()).find("allocation state limit"), std::string::npos);
}

TEST(Allocator, PinOutOfRangeIsAnError) {
  ProblemBuilder PB(1);
  PB.item({opt(A, pts(1))}).pin(1);
  EXPECT_EQ(errorOf(PB.P), "invalid allocation problem: item 0 is pinned to option 1 of 1");
  PB.P.Items[0].Pinned = -2;
  EXPECT_EQ(errorOf(PB.P), "invalid allocation problem: item 0 is pinned to option -2 of 1");
}

TEST(Allocator, MalformedProblemsAreErrors) {
  {
    ProblemBuilder PB(1);
    PB.item({opt(B, pts(1))});
    EXPECT_NE(errorOf(PB.P).find("unknown category"), std::string::npos);
  }
  {
    ProblemBuilder PB(1);
    uint32_t K0 = PB.cap(A, pts(1));
    uint32_t K1 = PB.cap(A, pts(1), K0);
    PB.P.Caps[K0].Parent = K1;
    EXPECT_NE(errorOf(PB.P).find("own ancestor"), std::string::npos);
  }
  {
    ProblemBuilder PB(2);
    uint32_t K = PB.cap(A, pts(1));
    PB.item({opt(B, pts(1), K)});
    EXPECT_NE(errorOf(PB.P).find("cap of another category"), std::string::npos);
  }
  {
    ProblemBuilder PB(1);
    PB.item({opt(A, pts(-1))});
    EXPECT_NE(errorOf(PB.P).find("negative"), std::string::npos);
  }
  {
    ProblemBuilder PB(2);
    PB.require({A, A}, pts(1));
    EXPECT_NE(errorOf(PB.P).find("twice"), std::string::npos);
  }
}

TEST(Allocator, OneScratchServesPoliciesWithDifferentCapsInTurn) {
  // `certc run` keeps one scratch per job across members of several editions,
  // and the scratch keeps the last caps it scaled: each policy's problem must
  // still be solved under its own caps, and at its own scale.
  auto TwoItemsUnderNestedCaps = [](Rational InnerLimit, Rational SecondItem) {
    ProblemBuilder PB(1);
    uint32_t Outer = PB.cap(A, pts(10));
    uint32_t Inner = PB.cap(A, InnerLimit, Outer);
    PB.item({opt(A, pts(3), Inner)}).item({opt(A, SecondItem, Inner)});
    PB.require({A}, pts(8));
    return PB.P;
  };
  const Problem Strict = TwoItemsUnderNestedCaps(pts(4), pts(3));
  const Problem Loose = TwoItemsUnderNestedCaps(pts(6), pts(3));
  const Problem Halves = TwoItemsUnderNestedCaps(pts(4), pts(3, 2)); // scale 2, Strict's caps
  struct Expected {
    const Problem &P;
    std::vector<Rational> Credited;
    Rational Total;
  };
  const Expected StrictAnswer{Strict, {pts(3), pts(1)}, pts(4)};
  const Expected HalvesAnswer{Halves, {pts(3), pts(1)}, pts(4)};
  const Expected InTurn[] = {StrictAnswer, {Loose, {pts(3), pts(3)}, pts(6)}, StrictAnswer,
                             HalvesAnswer, StrictAnswer, HalvesAnswer};
  AllocationScratch Shared;
  for (const Expected &E : InTurn) {
    llvm::Expected<Solution> S = allocateCredits(E.P, Shared);
    ASSERT_TRUE(bool(S)) << llvm::toString(S.takeError());
    EXPECT_EQ(S->Credited, E.Credited);
    EXPECT_EQ(S->CategoryPoints, (std::vector<Rational>{E.Total}));
    EXPECT_EQ(S->Progress, E.Total);
  }
}
