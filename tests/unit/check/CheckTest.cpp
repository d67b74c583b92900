// The checker's analyses, through the library API: what a committee member would
// see as an error or as a clean policy.
#include "support/CompileText.h"

#include <gtest/gtest.h>

using certc::testsupport::compileText;

namespace {
const char *Header = "policy \"T\" for CMC source guidelines.\ncategory Education.\n";

bool has(const certc::testsupport::Compiled &C, const std::string &Code) {
  return std::find(C.Codes.begin(), C.Codes.end(), Code) != C.Codes.end();
}
} // namespace

TEST(Check, DisjointEnumFiltersDoNotDoubleCount) {
  auto C = compileText(std::string(Header) +
                       "rule a: each online_course where format = webinar earns 1 point into Education cite guidelines, \"s\", \"q\".\n"
                       "rule b: each online_course where format in {fully_online, hybrid} earns 1 point into Education cite guidelines, \"s\", \"q\".\n");
  EXPECT_FALSE(has(C, "E0010")) << (C.Messages.empty() ? "" : C.Messages[0]);
  EXPECT_TRUE(C.Policy.has_value());
}

TEST(Check, OverlappingRulesDoubleCountUnlessPrioritised) {
  std::string Rules = "rule a: each online_course where format = webinar earns 1 point into Education cite guidelines, \"s\", \"q\".\n"
                      "rule b: each online_course where assessed earns 2 points into Education cite guidelines, \"s\", \"q\"";
  EXPECT_TRUE(has(compileText(std::string(Header) + Rules + ".\n"), "E0010"));
  EXPECT_FALSE(has(compileText(std::string(Header) + Rules + " priority 1.\n"), "E0010"));
}

TEST(Check, IntervalConditionsAreDisjointAtTheBoundary) {
  auto C = compileText(std::string(Header) +
                       "rule short: each conference where hours < 4 hours earns 1 point into Education cite guidelines, \"s\", \"q\".\n"
                       "rule long: each conference where hours at least 4 hours earns 2 points into Education cite guidelines, \"s\", \"q\".\n");
  EXPECT_FALSE(has(C, "E0010"));
}

TEST(Check, ContradictoryConditionsAreReported) {
  auto C = compileText(std::string(Header) +
                       "rule never: each conference where hours at least 8 hours and hours < 4 hours earns 1 point into Education cite guidelines, \"s\", \"q\".\n");
  EXPECT_TRUE(has(C, "E0009"));
}

TEST(Check, UnitsConvertThroughTheirBase) {
  // 6 hours = 360 minutes = 7.2 contact hours: a threshold in hours on a field in
  // contact hours is converted, not compared as a bare number.
  auto C = compileText(std::string(Header) +
                       "rule r: each institute_course where hours at least 6 hours earns 1 point into Education cite guidelines, \"s\", \"q\".\n");
  ASSERT_TRUE(C.Policy.has_value());
  bool Found = false;
  for (const certc::ir::Value &V : C.Policy->Consts)
    Found |= V.K == certc::ir::Value::Kind::Number && V.Number == *certc::Rational::make(36, 5);
  EXPECT_TRUE(Found);
}

TEST(Check, CapsMakeARequirementUnreachable) {
  auto C = compileText(std::string(Header) +
                       "requirement education: Education at least 60 points cite guidelines, \"s\", \"q\".\n"
                       "rule r: each athenian_dialogue earns 3 points into Education at most 18 points cite guidelines, \"s\", \"q\".\n");
  ASSERT_TRUE(has(C, "E0011"));
}

TEST(Check, DatedValuesMustNotLeaveGaps) {
  auto C = compileText(std::string(Header) +
                       "rule r: each athenian_dialogue earns 2 points before 2013-11-23, 3 points from 2013-11-24 into Education cite guidelines, \"s\", \"q\".\n");
  EXPECT_TRUE(has(C, "E0008"));
}

TEST(Check, UnknownNamesSuggestTheClosest) {
  auto C = compileText(std::string(Header) +
                       "rule r: each athenian_dialoge earns 2 points into Education cite guidelines, \"s\", \"q\".\n");
  ASSERT_TRUE(has(C, "E0002"));
  EXPECT_NE(C.Messages[0].find("did you mean `athenian_dialogue`"), std::string::npos) << C.Messages[0];
}

TEST(Check, CarryOverNamesARequirementOrItsOneCategory) {
  std::string Base = std::string(Header) +
                     "category Experience.\n"
                     "compliance period: 2 years from 2022-01-01 cite guidelines, \"s\", \"q\".\n"
                     "requirement total: Education + Experience at least 10 points cite guidelines, \"s\", \"q\".\n"
                     "requirement education: Education at least 4 points cite guidelines, \"s\", \"q\".\n"
                     "rule r: each cd_rom_course earns 1 point into Education cite guidelines, \"s\", \"q\".\n"
                     "rule x: each conference earns 1 point per day into Experience cite guidelines, \"s\", \"q\".\n";
  // By the requirement's name, into another category.
  auto ByName = compileText(Base + "carry over: excess total up to 3 points into Experience cite guidelines, \"s\", \"q\".\n");
  ASSERT_TRUE(ByName.Policy.has_value()) << (ByName.Messages.empty() ? "" : ByName.Messages[0]);
  ASSERT_EQ(ByName.Policy->CarryOvers.size(), 1u);
  EXPECT_EQ(ByName.Policy->Requirements[ByName.Policy->CarryOvers[0].Requirement].Name, "total");
  EXPECT_EQ(ByName.Policy->Categories[ByName.Policy->CarryOvers[0].Into].Name, "Experience");
  // By its one category, kept there.
  auto ByCategory =
      compileText(Base + "carry over: excess Education up to 3 points, keeping its category from the last 6 months "
                         "cite guidelines, \"s\", \"q\".\n");
  ASSERT_TRUE(ByCategory.Policy.has_value()) << (ByCategory.Messages.empty() ? "" : ByCategory.Messages[0]);
  EXPECT_EQ(ByCategory.Policy->Requirements[ByCategory.Policy->CarryOvers[0].Requirement].Name, "education");
  EXPECT_EQ(ByCategory.Policy->Categories[ByCategory.Policy->CarryOvers[0].Into].Name, "Education");
  EXPECT_EQ(ByCategory.Policy->CarryOvers[0].LastMonths, 6u);
  // Experience has no requirement of its own: nothing says what is excess.
  EXPECT_TRUE(has(compileText(Base + "carry over: excess Experience up to 3 points into Education cite guidelines, "
                                     "\"s\", \"q\".\n"),
                  "E0020"));
}

TEST(Check, RequirementsThatDependOnTheMemberLowerTheirParts) {
  auto C = compileText(std::string(Header) +
                       "compliance period: 2 years from 2022-01-01 cite guidelines, \"s\", \"q\".\n"
                       "requirement e: Education at least 1.5 points before 2022-01-01, 1 point from 2022-01-01\n"
                       "  when period number > 1\n  and member.region = 4 every 2nd period cite guidelines, \"s\", \"q\".\n"
                       "rule r: each cd_rom_course earns 1 point into Education cite guidelines, \"s\", \"q\".\n");
  ASSERT_TRUE(C.Policy.has_value()) << (C.Messages.empty() ? "" : C.Messages[0]);
  const certc::ir::Requirement &R = C.Policy->Requirements[0];
  ASSERT_EQ(R.Amounts.size(), 2u);
  EXPECT_EQ(R.Amounts[0].Amount, *certc::Rational::make(3, 2));
  EXPECT_EQ(R.Amounts[1].When.From->str(), "2022-01-01");
  EXPECT_EQ(R.EveryNthPeriod, 2u);
  // The condition's words, on one line, for the report.
  EXPECT_EQ(R.WhenText, "period number > 1 and member.region = 4");
}

namespace {
const char *Course = "category Ethics.\ncategory General.\n"
                     "activity course {\n  date: date required\n  hours: contact_hours required\n"
                     "  ethics_hours: contact_hours default 0\n}\n";
} // namespace

TEST(Check, ASplitLowersToItsPartsWithTheirCategories) {
  auto C = compileText(std::string(Header) + Course +
                       "rule parts: each course earns ethics_hours into Ethics or Education, the rest of hours into "
                       "General cite guidelines, \"s\", \"q\".\n");
  ASSERT_TRUE(C.Policy.has_value()) << (C.Messages.empty() ? "" : C.Messages[0]);
  const certc::ir::Rule &R = C.Policy->Rules.back();
  ASSERT_EQ(R.Split.size(), 2u);
  EXPECT_TRUE(R.Earnings.empty());
  EXPECT_FALSE(R.Split[0].Rest);
  EXPECT_TRUE(R.Split[1].Rest);
  EXPECT_EQ(R.Split[0].Targets.size(), 2u);
  // The rule's targets are its parts' categories, each once, in order.
  ASSERT_EQ(R.Targets.size(), 3u);
  EXPECT_EQ(C.Policy->Categories[R.Targets[2]].Name, "General");
}

TEST(Check, ASplitAndAWholeRuleCreditingOneCategoryNeedAPriority) {
  std::string Rules = std::string(Header) + Course +
                      "rule parts: each course earns ethics_hours into Ethics, the rest of hours into General "
                      "cite guidelines, \"s\", \"q\".\n"
                      "rule whole: each course earns 1 point into General cite guidelines, \"s\", \"q\"";
  EXPECT_TRUE(has(compileText(Rules + ".\n"), "E0010"));
  EXPECT_FALSE(has(compileText(Rules + " priority 1.\n"), "E0010"));
}
