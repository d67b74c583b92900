// Writing is canonical and reading inverts it.
#include "SamplePolicy.h"
#include "TestSupport.h"

#include "ir/Hash.h"
#include "ir/IRJson.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"

#include <gtest/gtest.h>

using namespace certc::ir;
using namespace certc::ir::test;

namespace {

TEST(IRRoundTrip, SampleVerifies) { EXPECT_EQ(errorText(verifyPolicy(makeSamplePolicy())), ""); }

TEST(IRRoundTrip, WriteReadWriteIsByteIdentical) {
  std::string First = writePolicyJson(makeSamplePolicy());
  llvm::Expected<Policy> Read = readPolicyJson(First, "sample.json");
  ASSERT_EQ(errorText(Read), "");
  EXPECT_EQ(writePolicyJson(*Read), First);
}

TEST(IRRoundTrip, WritingIsDeterministic) {
  EXPECT_EQ(writePolicyJson(makeSamplePolicy()), writePolicyJson(makeSamplePolicy()));
}

TEST(IRRoundTrip, PrintingSurvivesTheRoundTrip) {
  Policy P = makeSamplePolicy();
  llvm::Expected<Policy> Read = readPolicyJson(writePolicyJson(P), "sample.json");
  ASSERT_EQ(errorText(Read), "");
  EXPECT_EQ(printPolicy(*Read), printPolicy(P));
  EXPECT_EQ(errorText(verifyPolicy(*Read)), "");
}

TEST(IRRoundTrip, ReadRestoresTheData) {
  Policy P = makeSamplePolicy();
  llvm::Expected<Policy> Read = readPolicyJson(writePolicyJson(P), "sample.json");
  ASSERT_EQ(errorText(Read), "");
  EXPECT_EQ(Read->Title, P.Title);
  EXPECT_EQ(Read->Effective, P.Effective);
  EXPECT_EQ(Read->Symbols, P.Symbols);
  ASSERT_EQ(Read->Rules.size(), P.Rules.size());
  const Earning &E = Read->Rules[0].Earnings[1];
  EXPECT_EQ(E.Points, P.Rules[0].Earnings[1].Points);
  EXPECT_EQ(E.When.From, P.Rules[0].Earnings[1].When.From);
  EXPECT_FALSE(E.When.Until.has_value());
  EXPECT_EQ(Read->Rules[3].Priority, -2);
  EXPECT_EQ(Read->Exprs.size(), P.Exprs.size());
  EXPECT_EQ(Read->MemberFields[3].Default.K, Value::Kind::Absent);
  EXPECT_EQ(Read->ContentHash, P.ContentHash);
}

TEST(IRRoundTrip, ExtremeValuesRoundTrip) {
  // Values at the edges of their types: the text form must be exact for all.
  Policy P = makeSamplePolicy();
  P.Consts.push_back({});
  P.Consts.back().K = Value::Kind::Number;
  P.Consts.back().Number = *certc::Rational::make(INT64_MAX, INT64_MAX - 1);
  P.Consts.push_back({});
  P.Consts.back().K = Value::Kind::Set;
  P.Consts.back().Set = ~uint64_t(0);
  P.Consts.push_back({});
  P.Consts.back().K = Value::Kind::Text;
  static const char Awkward[] = "quote \" backslash \\ nul \0 tab \t \xc3\xa9";
  P.Consts.back().Text = std::string(Awkward, sizeof(Awkward) - 1);
  P.MemberFields[4].IntMin = INT64_MIN;
  P.MemberFields[4].IntMax = INT64_MAX;
  P.Rules[0].Priority = INT32_MIN;
  Expr Back;
  Back.O = Op::AddDays;
  Back.A = static_cast<uint32_t>(-MaxShiftDays);
  Back.Args = {0};
  P.Exprs.push_back(Back);
  P.ContentHash = computeContentHash(P);
  std::string Text = writePolicyJson(P);
  llvm::Expected<Policy> Read = readPolicyJson(Text, "edge.json");
  ASSERT_EQ(errorText(Read), "");
  EXPECT_EQ(writePolicyJson(*Read), Text);
  EXPECT_EQ(Read->Consts[Read->Consts.size() - 1].Text, P.Consts.back().Text);
  EXPECT_EQ(Read->Exprs.back().A, Back.A);
}

TEST(IRRoundTrip, EditionKeysAreWrittenOnlyWhenStated) {
  Policy P = makeSamplePolicy();
  EXPECT_EQ(writePolicyJson(P).find("supersedes"), std::string::npos);
  EXPECT_EQ(writePolicyJson(P).find("governing_field"), std::string::npos);
  P.Supersedes = "2009";
  P.SupersedesFrom = certc::Date::parse("2013-11-23");
  P.GoverningField = 0; // `joined`, a date
  P.ContentHash = computeContentHash(P);
  EXPECT_EQ(errorText(verifyPolicy(P)), "");
  std::string Text = writePolicyJson(P);
  EXPECT_NE(Text.find("\"supersedes\": \"2009\",\n  \"supersedes_from\": \"2013-11-23\",\n  \"governing_field\": 0,"),
            std::string::npos);
  llvm::Expected<Policy> Read = readPolicyJson(Text, "editions.json");
  ASSERT_EQ(errorText(Read), "");
  EXPECT_EQ(Read->Supersedes, "2009");
  EXPECT_EQ(Read->GoverningField, 0u);
  EXPECT_EQ(writePolicyJson(*Read), Text);
  P.GoverningField = 3; // `awards`: not a governing date
  EXPECT_NE(errorText(verifyPolicy(P)).find("governing field 3 is not a member date field"), std::string::npos);
}

TEST(IRRoundTrip, TextFormUsesNamesAndStrings) {
  std::string Text = writePolicyJson(makeSamplePolicy());
  EXPECT_EQ(Text.rfind("{\n  \"format\": \"certc-ir\",\n  \"version\": " + std::to_string(FormatVersion) + ",\n", 0),
            0u);
  EXPECT_NE(Text.find("\"points\": \"3/2\""), std::string::npos);
  EXPECT_NE(Text.find("\"amount\": \"100\""), std::string::npos);
  EXPECT_NE(Text.find("\"until\": \"2024-01-01\""), std::string::npos);
  EXPECT_NE(Text.find("\"type\": \"enum_set\""), std::string::npos);
  EXPECT_NE(Text.find("\"op\": \"count_activities\""), std::string::npos);
  EXPECT_NE(Text.find("\"cmp\": \"ge\""), std::string::npos);
  EXPECT_NE(Text.find("\"kind\": \"awarded\""), std::string::npos);
  EXPECT_NE(Text.find("\"mode\": \"nearest\""), std::string::npos);
  EXPECT_NE(Text.find("\"mask\": \"0x2\""), std::string::npos);
  EXPECT_NE(Text.find("\"set\": \"0x1\""), std::string::npos);
  EXPECT_EQ(Text.back(), '\n');
}

} // namespace
