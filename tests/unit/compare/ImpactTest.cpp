// measureImpact: outcomes paired by member id, flips both ways with the
// requirements that decide them, per-category totals, exact sums.
#include "compare/Impact.h"

#include <gtest/gtest.h>

namespace certc::compare {
namespace {

const EditionShape Shape{{"Education", "Experience"}, {"ethics", "education", "experience"}};

MemberOutcome outcome(std::string Id, bool Eligible, Rational Education, Rational Experience, std::vector<bool> Met) {
  return {std::move(Id), Eligible, {Education, Experience}, std::move(Met)};
}

TEST(Impact, FlipsBothWaysWithTheRequirementsThatDecideThem) {
  std::vector<MemberOutcome> Old = {outcome("A", false, 58, 50, {true, false, true}),
                                    outcome("B", true, 61, 50, {true, true, true}),
                                    outcome("C", true, 70, 50, {true, true, true})};
  std::vector<MemberOutcome> New = {outcome("A", true, 61, 50, {true, true, true}),
                                    outcome("B", false, 59, 49, {true, false, false}),
                                    outcome("C", true, 72, 50, {true, true, true})};
  llvm::Expected<ImpactReport> R = measureImpact(Shape, Old, Shape, New);
  ASSERT_TRUE(bool(R)) << llvm::toString(R.takeError());
  EXPECT_EQ(R->Members, 3u);
  EXPECT_EQ(R->BecomeEligible, 1u);
  EXPECT_EQ(R->NoLongerEligible, 1u);
  ASSERT_EQ(R->Flips.size(), 2u);
  EXPECT_EQ(R->Flips[0].Member, "A");
  EXPECT_TRUE(R->Flips[0].BecomesEligible);
  EXPECT_EQ(R->Flips[0].Deciding, std::vector<std::string>{"education"});
  ASSERT_EQ(R->Flips[0].Points.size(), 1u);
  EXPECT_EQ(R->Flips[0].Points[0].Old, Rational(58));
  EXPECT_EQ(R->Flips[0].Points[0].New, Rational(61));
  EXPECT_EQ(R->Flips[1].Member, "B");
  EXPECT_FALSE(R->Flips[1].BecomesEligible);
  EXPECT_EQ(R->Flips[1].Deciding, (std::vector<std::string>{"education", "experience"}));
  // C gains without a flip: counted in the totals only.
  ASSERT_EQ(R->Categories.size(), 2u);
  EXPECT_EQ(R->Categories[0].Category, "Education");
  EXPECT_EQ(R->Categories[0].Gaining, 2u);
  EXPECT_EQ(R->Categories[0].Gained, Rational(5));
  EXPECT_EQ(R->Categories[0].Losing, 1u);
  EXPECT_EQ(R->Categories[0].Lost, Rational(2));
  EXPECT_EQ(R->Categories[1].Losing, 1u);
  EXPECT_EQ(R->Categories[1].Lost, Rational(1));
}

TEST(Impact, ARequirementOnlyOneEditionHasDecidesWhenItIsTheDifference) {
  EditionShape NewShape = Shape;
  NewShape.Requirements.push_back("region");
  std::vector<MemberOutcome> Old = {outcome("A", true, 60, 50, {true, true, true})};
  std::vector<MemberOutcome> New = {outcome("A", false, 60, 50, {true, true, true, false})};
  llvm::Expected<ImpactReport> R = measureImpact(Shape, Old, NewShape, New);
  ASSERT_TRUE(bool(R));
  ASSERT_EQ(R->Flips.size(), 1u);
  EXPECT_EQ(R->Flips[0].Deciding, std::vector<std::string>{"region"});
  EXPECT_TRUE(R->Flips[0].Points.empty());
}

TEST(Impact, MembersReadUnderOneEditionOnlyAreCountedNotCompared) {
  std::vector<MemberOutcome> Old = {outcome("A", true, 60, 50, {true, true, true}),
                                    outcome("B", true, 60, 50, {true, true, true})};
  std::vector<MemberOutcome> New = {outcome("B", true, 60, 50, {true, true, true}),
                                    outcome("C", true, 60, 50, {true, true, true})};
  llvm::Expected<ImpactReport> R = measureImpact(Shape, Old, Shape, New);
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(R->Members, 1u);
  EXPECT_EQ(R->OnlyOld, 1u);
  EXPECT_EQ(R->OnlyNew, 1u);
}

TEST(Impact, SumsAreExactAndOverflowIsAnError) {
  std::vector<MemberOutcome> Old = {outcome("A", true, 0, 0, {true, true, true}),
                                    outcome("B", true, 0, 0, {true, true, true})};
  std::vector<MemberOutcome> New = {outcome("A", true, *Rational::make(1, 3), 0, {true, true, true}),
                                    outcome("B", true, *Rational::make(1, 6), 0, {true, true, true})};
  llvm::Expected<ImpactReport> R = measureImpact(Shape, Old, Shape, New);
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(R->Categories[0].Gained, *Rational::make(1, 2));

  Rational Huge(INT64_MAX / 2);
  std::vector<MemberOutcome> Big = {outcome("A", true, Huge, 0, {true, true, true}),
                                    outcome("B", true, Huge, 0, {true, true, true}),
                                    outcome("C", true, Huge, 0, {true, true, true})};
  std::vector<MemberOutcome> Zero = {outcome("A", true, 0, 0, {true, true, true}),
                                     outcome("B", true, 0, 0, {true, true, true}),
                                     outcome("C", true, 0, 0, {true, true, true})};
  llvm::Expected<ImpactReport> Overflow = measureImpact(Shape, Zero, Shape, Big);
  ASSERT_FALSE(bool(Overflow));
  EXPECT_NE(llvm::toString(Overflow.takeError()).find("overflow"), std::string::npos);
}

} // namespace
} // namespace certc::compare
