// diffPolicies: declarations matched by name, aspects compared, renames found,
// and "no change in substance" only when the compiled policies are equal.
#include "compare/PolicyDiff.h"
#include "support/CompileText.h"

#include <gtest/gtest.h>

namespace certc::compare {
namespace {

const std::string Header = "policy \"T\" for CMC edition \"1\" effective 2020-01-01 source guidelines.\n"
                           "category Education.\n"
                           "requirement education: Education at least 10 points cite guidelines, \"S\", \"Q\".\n";

ir::Policy compile(const std::string &Body) {
  testsupport::Compiled C = testsupport::compileText(Header + Body);
  EXPECT_TRUE(C.Policy) << (C.Messages.empty() ? "" : C.Messages[0]);
  return C.Policy ? *C.Policy : ir::Policy();
}

const std::string Dialogue = "rule dialogue: each athenian_dialogue\n"
                             "  earns 2 points before 2013-11-23, 3 points from 2013-11-23\n"
                             "  into Education cite guidelines, \"S\", \"Q\".\n";

TEST(Diff, LayoutAndCommentsAreNoChangeInSubstance) {
  PolicyDiff D = diffPolicies(compile(Dialogue), compile("// a comment\n\n" + Dialogue + "\n// the end\n"));
  EXPECT_TRUE(D.SameSubstance);
  EXPECT_TRUE(D.Changes.empty());
}

TEST(Diff, ADatedValueIsOneChangeOfTheRulesEarnings) {
  std::string Edited = Dialogue;
  Edited.replace(Edited.find("3 points"), 8, "4 points");
  PolicyDiff D = diffPolicies(compile(Dialogue), compile(Edited));
  ASSERT_FALSE(D.SameSubstance);
  ASSERT_EQ(D.Changes.size(), 1u);
  const Change &C = D.Changes[0];
  EXPECT_EQ(C.Subject, "rule");
  EXPECT_EQ(C.Name, "dialogue");
  EXPECT_EQ(C.Aspect, "earns");
  EXPECT_EQ(C.Old, "2 points before 2013-11-23, 3 points from 2013-11-23");
  EXPECT_EQ(C.New, "2 points before 2013-11-23, 4 points from 2013-11-23");
}

TEST(Diff, SameBodyNewNameIsARename) {
  std::string Renamed = Dialogue;
  Renamed.replace(Renamed.find("dialogue:"), 8, "athenian");
  PolicyDiff D = diffPolicies(compile(Dialogue), compile(Renamed));
  ASSERT_EQ(D.Changes.size(), 1u);
  EXPECT_EQ(D.Changes[0].What, Change::Action::Renamed);
  EXPECT_EQ(D.Changes[0].OldName, "dialogue");
  EXPECT_EQ(D.Changes[0].Name, "athenian");
}

TEST(Diff, NewNameAndNewBodyIsARemovalAndAnAddition) {
  std::string Other = "rule cd: each cd_rom_course earns 1 point into Education cite guidelines, \"S\", \"Q\".\n";
  PolicyDiff D = diffPolicies(compile(Dialogue), compile(Other));
  ASSERT_EQ(D.Changes.size(), 2u);
  EXPECT_EQ(D.Changes[0].What, Change::Action::Removed);
  EXPECT_EQ(D.Changes[0].Name, "dialogue");
  EXPECT_EQ(D.Changes[1].What, Change::Action::Added);
  EXPECT_EQ(D.Changes[1].Name, "cd");
}

TEST(Diff, ConditionsAreComparedOneByOne) {
  std::string With = Dialogue;
  With.replace(With.find("  earns"), 0, "  requires assessed else \"no assessment\"\n");
  PolicyDiff D = diffPolicies(compile(Dialogue), compile(With));
  ASSERT_EQ(D.Changes.size(), 1u);
  EXPECT_EQ(D.Changes[0].Aspect, "condition");
  EXPECT_EQ(D.Changes[0].Old, "");
  EXPECT_EQ(D.Changes[0].New, "requires assessed else \"no assessment\"");
}

TEST(Diff, ReorderedRulesAreAChangeInSubstance) {
  std::string Cd = "rule cd: each cd_rom_course earns 1 point into Education cite guidelines, \"S\", \"Q\".\n";
  PolicyDiff D = diffPolicies(compile(Dialogue + Cd), compile(Cd + Dialogue));
  ASSERT_FALSE(D.SameSubstance);
  ASSERT_EQ(D.Changes.size(), 1u);
  EXPECT_EQ(D.Changes[0].Aspect, "order of rules");
  EXPECT_EQ(D.Changes[0].Old, "dialogue, cd");
  EXPECT_EQ(D.Changes[0].New, "cd, dialogue");
}

} // namespace
} // namespace certc::compare
