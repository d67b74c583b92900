// Shared limits and honest blame: what a member reads when a cap across
// categories, a filtered cap or a share limit decides what counts.
#include "ProblemBuilder.h"
#include "Reference.h"

#include <gtest/gtest.h>

using namespace certc;
using namespace certc::alloc;
using namespace certc::alloc::test;

namespace {
enum : uint32_t { A = 0, B = 1 };

Solution solveWithLimits(const Problem &P) {
  llvm::Expected<Solution> S = allocateCredits(P);
  if (!S) {
    ADD_FAILURE() << llvm::toString(S.takeError());
    return Solution();
  }
  EXPECT_EQ(checkLimitSolution(P, *S), "");
  return std::move(*S);
}

FullBound capBound(uint32_t K) { return {FullBound::Kind::Cap, K}; }
FullBound limitBound(uint32_t L) { return {FullBound::Kind::Limit, L}; }
bool operator==(const FullBound &X, const FullBound &Y) { return X.K == Y.K && X.Index == Y.Index; }
} // namespace

TEST(AllocatorLimits, ShareLimitCountsOnlyTheShareAndTheRequirementSaysSo) {
  // Total = A + B at least 25; at most half of the total from self-study (the
  // B item). 11.25 points of A allow 11.25 of self-study: 22.5 count, not 30.
  ProblemBuilder PB(2);
  uint32_t SelfStudy = PB.share(pts(1, 2), {A, B});
  PB.item({opt(A, pts(45, 4))}).item({opt(B, pts(75, 4), NoCap, {SelfStudy})});
  PB.require({A, B}, pts(25));
  Solution S = solveWithLimits(PB.P);
  EXPECT_EQ(S.RequirementPoints, (std::vector<Rational>{pts(45, 2)}));
  EXPECT_EQ(S.Credited, (std::vector<Rational>{pts(45, 4), pts(45, 4)}));
  EXPECT_FALSE(S.AllMet);
  EXPECT_TRUE(S.FullAt[1] == limitBound(SelfStudy));
}

TEST(AllocatorLimits, CapAcrossCategoriesSendsTheEitherOrItemWhereItStillCounts) {
  // At most 10 points from A and B together by self-study; the first item has
  // filled it in A, so the either-or item counts only outside it, in B.
  ProblemBuilder PB(2);
  uint32_t SelfStudy = PB.limit(pts(10));
  PB.item({opt(A, pts(10), NoCap, {SelfStudy})});
  PB.item({opt(A, pts(6), NoCap, {SelfStudy}), opt(B, pts(6))});
  PB.require({A}, pts(10)).require({B}, pts(6));
  Solution S = solveWithLimits(PB.P);
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{0, 1}));
  EXPECT_TRUE(S.AllMet);
}

TEST(AllocatorLimits, FilteredCapOverlappingAGroupCapCountsTheMostBothAllow) {
  // A 12-point group cap over the first two items, a 5-point filtered limit
  // over the first and the third: the group's second item counts 8, so at most
  // 8 + 5 = 13 count. Item order then decides: the first item counts what the
  // group leaves (4), the third the rest of the filtered limit (1).
  ProblemBuilder PB(1);
  uint32_t Group = PB.cap(A, pts(12));
  uint32_t PreAward = PB.limit(pts(5));
  PB.item({opt(A, pts(8), Group, {PreAward})});
  PB.item({opt(A, pts(8), Group)});
  PB.item({opt(A, pts(5), NoCap, {PreAward})});
  PB.require({A}, pts(30));
  Solution S = solveWithLimits(PB.P);
  EXPECT_EQ(S.CategoryPoints, (std::vector<Rational>{pts(13)}));
  EXPECT_EQ(S.Credited, (std::vector<Rational>{pts(4), pts(8), pts(1)}));
  // Caps are named before limits when both are full.
  EXPECT_TRUE(S.FullAt[0] == capBound(Group));
  EXPECT_TRUE(S.FullAt[1] == FullBound());
  EXPECT_TRUE(S.FullAt[2] == limitBound(PreAward));
}

TEST(AllocatorLimits, PinnedItemKeepsItsOptionUnderLimits) {
  ProblemBuilder PB(2);
  uint32_t L = PB.limit(pts(4));
  PB.item({opt(A, pts(5), NoCap, {L}), opt(B, pts(5))}).pin(0);
  PB.item({opt(A, pts(5), NoCap, {L}), opt(B, pts(5))});
  PB.require({A}, pts(5)).require({B}, pts(5));
  Solution S = solveWithLimits(PB.P);
  EXPECT_EQ(S.Choice, (std::vector<int32_t>{0, 1}));
  EXPECT_EQ(S.Credited, (std::vector<Rational>{pts(4), pts(5)}));
}

TEST(AllocatorLimits, LimitThatCannotBindChangesNothing) {
  ProblemBuilder PB(2);
  uint32_t Loose = PB.limit(pts(100));
  PB.item({opt(A, pts(5), NoCap, {Loose}), opt(B, pts(5))});
  PB.require({B}, pts(5));
  llvm::Expected<Solution> S = allocateCredits(PB.P);
  ASSERT_TRUE(!!S) << llvm::toString(S.takeError());
  EXPECT_EQ(S->Choice, (std::vector<int32_t>{1}));
  EXPECT_EQ(checkConsistent(PB.P, *S), "");
}

TEST(AllocatorBlame, NestedCapsNameTheCapThatWasFull) {
  // A 25-point group cap holds an 8-point rule cap. The group is filled by an
  // item outside the rule; the rule's item then counts nothing, and what was
  // full is the group's cap, not the rule's (0 of its 8 used).
  ProblemBuilder PB(1);
  uint32_t Group = PB.cap(A, pts(25));
  uint32_t Practitioner = PB.cap(A, pts(8), Group);
  PB.item({opt(A, pts(25), Group)}).item({opt(A, pts(3), Practitioner)});
  PB.require({A}, pts(40));
  llvm::Expected<Solution> S = allocateCredits(PB.P);
  ASSERT_TRUE(!!S) << llvm::toString(S.takeError());
  EXPECT_EQ(S->Credited[1], pts(0));
  EXPECT_TRUE(S->FullAt[1] == capBound(Group));
  EXPECT_TRUE(S->FullAt[0] == FullBound());
}

TEST(AllocatorBlame, InnerCapFullIsNamedWhenTheOuterHasRoom) {
  ProblemBuilder PB(1);
  uint32_t Group = PB.cap(A, pts(25));
  uint32_t Practitioner = PB.cap(A, pts(8), Group);
  PB.item({opt(A, pts(10), Practitioner)});
  PB.require({A}, pts(40));
  llvm::Expected<Solution> S = allocateCredits(PB.P);
  ASSERT_TRUE(!!S) << llvm::toString(S.takeError());
  EXPECT_EQ(S->Credited[0], pts(8));
  EXPECT_TRUE(S->FullAt[0] == capBound(Practitioner));
}

TEST(AllocatorLimits, InvalidLimitsAreRejected) {
  ProblemBuilder PB(1);
  PB.item({opt(A, pts(1), NoCap, {3})});
  llvm::Expected<Solution> S = allocateCredits(PB.P);
  ASSERT_FALSE(!!S);
  EXPECT_NE(llvm::toString(S.takeError()).find("names an unknown limit"), std::string::npos);
}
