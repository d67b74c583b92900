// Bad IR, bad ledgers and members that do not fit the policy give errors that
// say where, never crashes.
#include "ApiTestSupport.h"

#include "ir/Hash.h"
#include "ir/IRJson.h"

#include <random>

using namespace certc;
using namespace certc::test;

namespace {

std::string loadError(llvm::StringRef Text) {
  auto P = Policy::load(Text, "bad.json");
  if (P)
    return "";
  return llvm::toString(P.takeError());
}

TEST(PolicyErrors, MalformedIRIsAnErrorNamingTheFile) {
  std::string Half = policyText().substr(0, policyText().size() / 2);
  for (std::string Text : {std::string(), std::string("{"), std::string("null"), std::string("[]"),
                           std::string("{\"format\": \"certc-ir\"}"), std::string("\xff\xfe\x00", 3), Half}) {
    std::string Error = loadError(Text);
    EXPECT_FALSE(Error.empty()) << "accepted: " << Text.substr(0, 40);
    EXPECT_NE(Error.find("bad.json"), std::string::npos) << Error;
  }
}

TEST(PolicyErrors, AnEditedIRFailsItsContentHash) {
  std::string Text = policyText();
  size_t At = Text.find("IIMC Certified Municipal Clerk");
  ASSERT_NE(At, std::string::npos);
  Text[At] = 'X';
  EXPECT_FALSE(loadError(Text).empty());
}

TEST(PolicyErrors, AnInconsistentIRIsRejectedByTheVerifier) {
  // Well-formed and correctly hashed, but a rule credits a category that does not exist.
  llvm::Expected<ir::Policy> P = ir::readPolicyJson(policyText(), "cmc.ir.json");
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  P->Rules[0].Targets = {uint32_t(P->Categories.size() + 5)};
  P->ContentHash = ir::computeContentHash(*P);
  std::string Error = loadError(ir::writePolicyJson(*P));
  EXPECT_NE(Error.find("bad.json: IR rejected"), std::string::npos) << Error;
}

TEST(PolicyErrors, RandomDamageNeverCrashes) {
  std::mt19937 Random(20261123);
  const std::string &Good = policyText();
  for (int Round = 0; Round < 200; ++Round) {
    std::string Text = Good;
    for (int Edit = 0; Edit < 3; ++Edit)
      Text[Random() % Text.size()] = static_cast<char>(Random() % 128);
    auto P = Policy::load(Text, "damaged.json");
    if (!P)
      llvm::consumeError(P.takeError());
  }
}

TEST(PolicyErrors, AMissingFileIsAnError) {
  auto P = Policy::loadFile("/nonexistent/cmc.ir.json");
  ASSERT_FALSE(bool(P));
  std::string Error = llvm::toString(P.takeError());
  EXPECT_NE(Error.find("cannot read `/nonexistent/cmc.ir.json`"), std::string::npos) << Error;
}

TEST(LedgerErrors, AWrongFieldNamesFileLineColumnMemberActivityAndField) {
  std::string Text = ledgerWith("\"hours\": 36, \"assessed\"", "\"hours\": \"lots\", \"assessed\"");
  LedgerAudits R = cmc()->evaluateJson(Text, "maria.json", date("2026-11-23"));
  EXPECT_TRUE(R.Audits.empty()); // a member with an error is never audited
  ASSERT_EQ(R.Errors.size(), 1u) << R.errorText();
  const ledger::LedgerError &E = R.Errors[0];
  EXPECT_EQ(E.File, "maria.json");
  EXPECT_EQ(E.Line, 9u);
  EXPECT_GT(E.Col, 0u);
  EXPECT_EQ(E.Member, "M-1001");
  EXPECT_EQ(E.Activity, "a01");
  EXPECT_EQ(E.Field, "hours");
  EXPECT_FALSE(E.Message.empty());
  EXPECT_EQ(R.errorText().rfind("maria.json:9:", 0), 0u) << R.errorText();
}

TEST(LedgerErrors, OneBadMemberDoesNotStopTheOthers) {
  std::string Bad = ledgerWith("\"kind\": \"conference\"", "\"kind\": \"banquet\"");
  Bad.replace(Bad.find("M-1001"), 6, "M-BAD");
  LedgerAudits R = cmc()->evaluateJson("[" + Bad + ",\n" + ledgerText() + "]", "two.json",
                                       date("2026-11-23"));
  ASSERT_EQ(R.Audits.size(), 1u);
  EXPECT_EQ(cmc()->toJson(R.Audits[0]), runReport());
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.Errors[0].Member, "M-BAD");
  EXPECT_EQ(R.Errors[0].Activity, "a08");
}

TEST(LedgerErrors, HostileLedgersAreErrors) {
  std::vector<std::string> Ledgers = {"", "{", "not json", "\"member\"", "{\"member\": 3}",
                                      std::string(100000, '['), std::string("{\"member\": {\"id\": \"\xff\"}}")};
  for (const std::string &Text : Ledgers) {
    LedgerAudits R = cmc()->evaluateJson(Text, "hostile.json", date("2026-11-23"));
    EXPECT_FALSE(R.ok()) << Text.substr(0, 40);
    EXPECT_TRUE(R.Audits.empty());
    for (const ledger::LedgerError &E : R.Errors)
      EXPECT_EQ(E.File, "hostile.json");
  }
}

TEST(LedgerErrors, LimitsApply) {
  ledger::LedgerLimits Limits;
  Limits.MaxActivitiesPerMember = 3;
  LedgerAudits R = cmc()->evaluateJson(ledgerText(), "maria.json", date("2026-11-23"), Limits);
  EXPECT_FALSE(R.ok());
  EXPECT_TRUE(R.Audits.empty());
}

class HandBuiltMember : public ::testing::Test {
protected:
  void SetUp() override {
    ledger::ReadResult Read = cmc()->readJson(ledgerText(), "maria.json");
    ASSERT_EQ(Read.Members.size(), 1u);
    M = std::move(Read.Members[0]);
  }

  std::string error() {
    llvm::Expected<eval::Audit> A = cmc()->evaluate(M, date("2026-11-23"));
    if (A)
      return "";
    return llvm::toString(A.takeError());
  }

  ledger::Member M;
};

TEST_F(HandBuiltMember, WrongMemberFieldCount) {
  M.Fields = M.Fields.drop_back();
  EXPECT_NE(error().find("member M-1001"), std::string::npos) << error();
}

TEST_F(HandBuiltMember, UnknownKind) {
  M.Activities[2].Kind = 9999;
  EXPECT_NE(error().find("activity a03"), std::string::npos) << error();
}

TEST_F(HandBuiltMember, WrongActivityFieldCount) {
  M.Activities[0].Fields = M.Activities[0].Fields.take_front(1);
  EXPECT_NE(error().find("activity a01"), std::string::npos) << error();
}

TEST_F(HandBuiltMember, ValueOfTheWrongKind) {
  const ir::Policy &P = cmc()->ir();
  const ir::ActivityKind &K = P.Kinds[M.Activities[0].Kind];
  for (size_t F = 0; F < K.Fields.size(); ++F)
    if (K.Fields[F].Name == "hours") {
      M.Activities[0].Fields[F].setText("36");
    }
  EXPECT_NE(error().find("activity a01, field hours"), std::string::npos) << error();
}

TEST_F(HandBuiltMember, SymbolOutsideItsEnumeration) {
  const ir::Policy &P = cmc()->ir();
  for (size_t F = 0; F < P.MemberFields.size(); ++F)
    if (P.MemberFields[F].Name == "membership")
      M.Fields[F].Symbol = 123456;
  EXPECT_NE(error().find("field membership"), std::string::npos) << error();
}

TEST_F(HandBuiltMember, SetBeyondItsEnumeration) {
  const ir::Policy &P = cmc()->ir();
  for (size_t F = 0; F < P.MemberFields.size(); ++F)
    if (P.MemberFields[F].Name == "core_duties")
      M.Fields[F].Set = ~uint64_t(0);
  EXPECT_NE(error().find("field core_duties"), std::string::npos) << error();
}

TEST_F(HandBuiltMember, AbsentValuesAreFine) {
  for (ledger::Activity &A : M.Activities)
    for (ledger::FieldValue &V : A.Fields)
      V = ledger::FieldValue();
  EXPECT_EQ(error(), "");
}

} // namespace
