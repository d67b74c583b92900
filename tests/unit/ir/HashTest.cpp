// The content hash covers everything and the reader enforces it.
#include "SamplePolicy.h"
#include "TestSupport.h"

#include "ir/Hash.h"
#include "ir/IRJson.h"

#include <functional>
#include <gtest/gtest.h>

using namespace certc::ir;
using namespace certc::ir::test;

namespace {

TEST(IRHash, IsLowercaseHexSha256) {
  std::string Hash = computeContentHash(makeSamplePolicy());
  ASSERT_EQ(Hash.size(), 64u);
  EXPECT_EQ(Hash.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(IRHash, IgnoresTheStoredHash) {
  Policy P = makeSamplePolicy();
  std::string Hash = computeContentHash(P);
  P.ContentHash = "something else";
  EXPECT_EQ(computeContentHash(P), Hash);
  EXPECT_EQ(makeSamplePolicy().ContentHash, Hash);
}

TEST(IRHash, ChangesWhenAnyRuleChanges) {
  const std::string Original = computeContentHash(makeSamplePolicy());
  std::vector<std::pair<const char *, std::function<void(Rule &)>>> Edits = {
      {"name", [](Rule &R) { R.Name += "x"; }},
      {"kind", [](Rule &R) { R.Kind = 0; }},
      {"filter", [](Rule &R) { R.Filter = 0; }},
      {"condition reason", [](Rule &R) { R.Conditions[0].Reason += "."; }},
      {"condition citation", [](Rule &R) { R.Conditions[0].Cites[0].Quote += "!"; }},
      {"earning points", [](Rule &R) { R.Earnings[0].Points = 2; }},
      {"earning window",
       [](Rule &R) { R.Earnings[0].When.Until = *certc::Date::parse("2024-01-02"); }},
      {"earning kind", [](Rule &R) { R.Earnings[0].K = Earning::Kind::Awarded; }},
      {"rounding", [](Rule &R) { R.Round.M = Rounding::Mode::Up; }},
      {"item max", [](Rule &R) { R.ItemMax[0].Max = 13; }},
      {"targets", [](Rule &R) { R.Targets.pop_back(); }},
      {"cap", [](Rule &R) { R.Cap = 0; }},
      {"priority", [](Rule &R) { R.Priority = 2; }},
      {"citation", [](Rule &R) { R.Cites[0].Section = "4.3"; }},
      {"location", [](Rule &R) { R.Loc.Col += 1; }},
  };
  for (auto &[What, Edit] : Edits) {
    Policy P = makeSamplePolicy();
    Edit(P.Rules[0]);
    EXPECT_NE(computeContentHash(P), Original) << "editing the rule's " << What;
  }
}

TEST(IRHash, ReaderRejectsATamperedFile) {
  std::string Text = writePolicyJson(makeSamplePolicy());
  std::string Needle = "\"points\": \"3/2\"";
  size_t At = Text.find(Needle);
  ASSERT_NE(At, std::string::npos);
  Text.replace(At, Needle.size(), "\"points\": \"5/2\"");
  llvm::Expected<Policy> Read = readPolicyJson(Text, "cmc.ir.json");
  EXPECT_EQ(errorText(Read),
            "cmc.ir.json: content hash mismatch: the IR was modified after it was compiled");
  // The same file is well-formed: only the hash check rejects it.
  llvm::Expected<Policy> Unchecked = readPolicyJsonIgnoringHash(Text, "cmc.ir.json");
  EXPECT_EQ(errorText(Unchecked), "");
}

TEST(IRHash, ReaderAcceptsReformattedContent) {
  // The hash is over the content, not the bytes: whitespace does not matter.
  std::string Text = writePolicyJson(makeSamplePolicy());
  std::string Compact;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString && C == '\\') {
      Compact += C;
      Compact += Text[++I];
      continue;
    }
    if (C == '"')
      InString = !InString;
    if (InString || (C != ' ' && C != '\n'))
      Compact += C;
  }
  llvm::Expected<Policy> Read = readPolicyJson(Compact, "compact.json");
  ASSERT_EQ(errorText(Read), "");
  EXPECT_EQ(writePolicyJson(*Read), Text);
}

TEST(IRHash, ReaderRejectsAMissingHash) {
  Policy P = makeSamplePolicy();
  P.ContentHash.clear();
  llvm::Expected<Policy> Read = readPolicyJson(writePolicyJson(P), "cmc.ir.json");
  std::string Message = errorText(Read);
  EXPECT_TRUE(contains(Message, "content_hash: missing")) << Message;
}

} // namespace
