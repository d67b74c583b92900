// The reader rejects malformed input with a message naming the file and JSON path.
#include "SamplePolicy.h"
#include "TestSupport.h"

#include "ir/Hash.h"
#include "ir/IRJson.h"

#include <gtest/gtest.h>

using namespace certc::ir;
using namespace certc::ir::test;

namespace {

/// The message of reading Text (hash not checked, so edits reach the checks).
std::string readError(const std::string &Text) {
  llvm::Expected<Policy> Read = readPolicyJsonIgnoringHash(Text, "p.json");
  return errorText(Read);
}

/// The sample's JSON with the first occurrence of From replaced by To.
std::string edited(const std::string &From, const std::string &To) {
  std::string Text = writePolicyJson(makeSamplePolicy());
  size_t At = Text.find(From);
  EXPECT_NE(At, std::string::npos) << From;
  if (At != std::string::npos)
    Text.replace(At, From.size(), To);
  return Text;
}

TEST(IRReader, RejectsOtherVersionsClearly) {
  Policy P = makeSamplePolicy();
  P.Version = FormatVersion + 1;
  P.ContentHash = computeContentHash(P);
  llvm::Expected<Policy> Read = readPolicyJson(writePolicyJson(P), "new.ir.json");
  EXPECT_EQ(errorText(Read), "new.ir.json: IR version " + std::to_string(FormatVersion + 1) +
                                 " is not supported (expected " + std::to_string(FormatVersion) + ")");
  // The version is checked before the keys, which another version may change.
  EXPECT_EQ(readError("{\"format\": \"certc-ir\", \"version\": 7, \"rules\": 3}"),
            "p.json: IR version 7 is not supported (expected " + std::to_string(FormatVersion) + ")");
  EXPECT_EQ(readError("{\"format\": \"certc-ir\", \"version\": \"1\"}"),
            "p.json: version: expected an integer");
}

TEST(IRReader, RejectsOtherFormats) {
  EXPECT_EQ(readError("{\"format\": \"certc-ledger\", \"version\": 1}"),
            "p.json: not a certc IR file (\"format\" is not \"certc-ir\")");
  EXPECT_EQ(readError("[1, 2]"), "p.json: not a certc IR file (expected a JSON object)");
  EXPECT_EQ(readError(edited("\"format\": \"certc-ir\"", "\"formats\": \"certc-ir\"")),
            "p.json: not a certc IR file (\"format\" is not \"certc-ir\")");
}

TEST(IRReader, NamesThePathOfAWrongValue) {
  EXPECT_EQ(readError(edited("\"points\": \"3/2\"", "\"points\": \"one and a half\"")),
            "p.json: rules[0].earnings[1].points: expected a rational in lowest terms, such "
            "as \"7/2\" or \"18\"");
  std::string Message = readError(edited("\"points\": \"3/2\"", "\"points\": 1.5"));
  EXPECT_TRUE(contains(Message, ": numbers in certc IR are whole numbers")) << Message;
  EXPECT_EQ(readError(edited("\"name\": \"athenian\"", "\"name\": null")),
            "p.json: rules[0].name: expected a string");
}

TEST(IRReader, RejectsNonCanonicalScalars) {
  for (const char *Bad : {"\"6/4\"", "\"1.5\"", "\"+3\"", "\"03\"", "\"3/1\"", "\"-0\"", "\"1/0\"",
                          "\"9223372036854775808\"", "3"}) {
    std::string Message =
        readError(edited("\"points\": \"3/2\"", std::string("\"points\": ") + Bad));
    EXPECT_TRUE(contains(Message, "rules[0].earnings[1].points: expected a rational")) << Bad;
  }
  for (const char *Bad :
       {"\"2024-1-01\"", "\"2024-02-30\"", "\"0000-01-01\"", "\"2024-01-01T00\"", "20240101"}) {
    std::string Message =
        readError(edited("\"until\": \"2024-01-01\"", std::string("\"until\": ") + Bad));
    EXPECT_TRUE(contains(Message, "rules[0].earnings[0].until: expected a date")) << Bad;
  }
  for (const char *Bad :
       {"\"0x02\"", "\"0X2\"", "\"2\"", "\"0x\"", "\"0x2A\"", "\"0x10000000000000000\""}) {
    std::string Message = readError(edited("\"mask\": \"0x2\"", std::string("\"mask\": ") + Bad));
    EXPECT_TRUE(contains(Message, "].mask: expected a bit mask")) << Bad << ": " << Message;
  }
}

TEST(IRReader, RejectsMissingAndExtraKeys) {
  EXPECT_EQ(readError(edited("\"priority\": 1,", "")),
            "p.json: rules[0]: missing key \"priority\"");
  EXPECT_EQ(readError(edited("\"priority\": 1,", "\"priority\": 1, \"bonus\": 2, \"aaa\": 1,")),
            "p.json: rules[0].aaa: unexpected key");
  EXPECT_EQ(readError(edited("\"title\": \"IIMC", "\"titel\": \"IIMC")),
            "p.json: missing key \"title\"");
  // An operator has exactly the keys it uses.
  std::string Message =
      readError(edited("\"op\": \"audit_date\"", "\"op\": \"audit_date\", \"args\": []"));
  EXPECT_EQ(Message.rfind("p.json: exprs[", 0), 0u) << Message;
  EXPECT_TRUE(contains(Message, "].args: unexpected key")) << Message;
  Message = readError(edited("\"op\": \"compare\",", "\"op\": \"compare\", \"cmp\": \"eq\","));
  EXPECT_TRUE(contains(Message, "duplicate key \"cmp\"")) << Message;
}

TEST(IRReader, RejectsWrongTypes) {
  EXPECT_EQ(readError(edited("\"priority\": 1", "\"priority\": \"1\"")),
            "p.json: rules[0].priority: expected an integer");
  EXPECT_EQ(readError(edited("\"priority\": 1", "\"priority\": 2147483648")),
            "p.json: rules[0].priority: integer 2147483648 is out of range [-2147483648, "
            "2147483647]");
  EXPECT_EQ(readError(edited("\"is_period\": false", "\"is_period\": 0")),
            "p.json: kinds[0].is_period: expected true or false");
  EXPECT_EQ(readError(edited("\"targets\": [\n        0,\n        1\n      ]",
                             "\"targets\": {\"a\": 0}")),
            "p.json: rules[0].targets: expected an array");
  EXPECT_EQ(readError(edited("\"cap\": null", "\"cap\": -1")),
            "p.json: rules[0].cap: integer -1 is out of range [0, 4294967294]");
  EXPECT_EQ(readError(edited("\"cap\": null", "\"cap\": 4294967295")),
            "p.json: rules[0].cap: integer 4294967295 is out of range [0, 4294967294]");
  std::string Message = readError(edited("\"op\": \"and\"", "\"op\": \"xor\""));
  EXPECT_TRUE(contains(Message, "].op: unknown name \"xor\"")) << Message;
  EXPECT_EQ(readError(edited("\"title\": \"IIMC Certified Municipal Clerk\"", "\"title\": 5")),
            "p.json: title: expected a string");
}

TEST(IRReader, RejectsMalformedJson) {
  EXPECT_EQ(readError(""), "p.json:1:1: unexpected end of input");
  EXPECT_EQ(readError("{\"format\": \"certc-ir\",}"), "p.json:1:23: expected a string key");
  EXPECT_EQ(readError("{\"a\": 1, \"a\": 2}"), "p.json:1:10: duplicate key \"a\"");
  EXPECT_EQ(readError("{\"a\": 1.5}"), "p.json:1:7: numbers in certc IR are whole numbers");
  EXPECT_EQ(readError("{\"a\": 99999999999999999999}"),
            "p.json:1:7: integer out of the 64-bit range");
  EXPECT_EQ(readError("{\"a\": \"\xff\"}"), "p.json:1:8: invalid UTF-8");
  EXPECT_EQ(readError("{\"a\": \"\\ud800\"}"), "p.json:1:8: unpaired surrogate in \\u escape");
  EXPECT_EQ(readError("{} {}"), "p.json:1:4: unexpected text after the JSON value");
  EXPECT_EQ(readError("{\"a\": tru}"), "p.json:1:7: invalid literal");
  EXPECT_EQ(readError("{\n  \"a\": [1,\n  2"), "p.json:3:4: unexpected end of input");
}

TEST(IRReader, LimitsNestingDepth) {
  // Deep enough to overflow the stack of an unbounded recursive parser.
  std::string Deep(1 << 20, '[');
  EXPECT_EQ(readError(Deep), "p.json:1:17: nesting deeper than 16 levels");
  std::string DeepObject;
  for (int I = 0; I < 100000; ++I)
    DeepObject += "{\"a\":";
  EXPECT_TRUE(contains(readError(DeepObject), "nesting deeper than 16 levels"));
}

TEST(IRReader, LimitsSize) {
  std::string Huge(MaxIRFileBytes + 1, ' ');
  EXPECT_EQ(readError(Huge), "p.json: file is 67108865 bytes, over the 67108864 byte limit for IR files");
}

TEST(IRReader, AcceptsEscapesInStrings) {
  Policy P = makeSamplePolicy();
  P.Title = "Clerk \xe2\x80\x94 \xf0\x9f\x93\x9c";
  P.ContentHash = computeContentHash(P);
  std::string Text = writePolicyJson(P);
  // Replace the raw characters with escapes: the same string, so the same hash.
  size_t At = Text.find("\xe2\x80\x94");
  Text.replace(At, 3, "\\u2014");
  At = Text.find("\xf0\x9f\x93\x9c");
  Text.replace(At, 4, "\\ud83d\\udcdc");
  llvm::Expected<Policy> Read = readPolicyJson(Text, "p.json");
  ASSERT_EQ(errorText(Read), "");
  EXPECT_EQ(Read->Title, P.Title);
}

} // namespace
