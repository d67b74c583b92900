// The C API: load, audit, free; bad input gives 1 and a message, never a crash.
#include "ApiTestSupport.h"

#include "certc/certc.h"

#include <cstring>

using namespace certc::test;

namespace {

/// Owns the strings the C API returns.
struct CString {
  char *S = nullptr;
  ~CString() { certc_string_free(S); }
  std::string str() const { return S ? S : "(null)"; }
};

struct CPolicy {
  certc_policy *P = nullptr;
  ~CPolicy() { certc_policy_free(P); }
};

TEST(CApi, RoundTrip) {
  CString LoadError;
  CPolicy P{certc_policy_load(policyText().data(), policyText().size(), &LoadError.S)};
  ASSERT_NE(P.P, nullptr) << LoadError.str();
  EXPECT_EQ(LoadError.S, nullptr);

  CString Lines, Errors;
  int Status = certc_audit_json(P.P, ledgerText().data(), ledgerText().size(), "2026-11-23", &Lines.S,
                                &Errors.S);
  EXPECT_EQ(Status, 0) << Errors.str();
  EXPECT_EQ(Errors.S, nullptr);
  ASSERT_NE(Lines.S, nullptr);
  EXPECT_EQ(Lines.str(), runReport());
}

TEST(CApi, VersionMatchesTheCxxApi) { EXPECT_STREQ(certc_version(), certc::runtimeVersion()); }

TEST(CApi, BadIRGivesNullAndAMessage) {
  CString Error;
  const char *Text = "{\"format\": \"certc-ir\"";
  EXPECT_EQ(certc_policy_load(Text, std::strlen(Text), &Error.S), nullptr);
  ASSERT_NE(Error.S, nullptr);
  EXPECT_NE(Error.str().find("policy"), std::string::npos) << Error.str();
  // The error pointer is optional, and NULL text is bad input, not a crash.
  EXPECT_EQ(certc_policy_load(Text, std::strlen(Text), nullptr), nullptr);
  EXPECT_EQ(certc_policy_load(nullptr, 10, nullptr), nullptr);
  EXPECT_EQ(certc_policy_load(nullptr, 0, nullptr), nullptr);
}

class CApiAudit : public ::testing::Test {
protected:
  void SetUp() override {
    P.P = certc_policy_load(policyText().data(), policyText().size(), nullptr);
    ASSERT_NE(P.P, nullptr);
  }
  int audit(const std::string &Ledger, const char *AsOf) {
    return certc_audit_json(P.P, Ledger.data(), Ledger.size(), AsOf, &Lines.S, &Errors.S);
  }
  CPolicy P;
  CString Lines, Errors;
};

TEST_F(CApiAudit, LedgerErrorsSayWhere) {
  std::string Ledger = ledgerWith("\"hours\": 36, \"assessed\"", "\"hours\": \"lots\", \"assessed\"");
  EXPECT_EQ(audit(Ledger, "2026-11-23"), 1);
  EXPECT_EQ(Lines.str(), "");
  EXPECT_EQ(Errors.str().rfind("ledger:9:", 0), 0u) << Errors.str();
  EXPECT_NE(Errors.str().find("member M-1001, activity a01, field hours: "), std::string::npos)
      << Errors.str();
}

TEST_F(CApiAudit, GoodMembersAreAuditedNextToBadOnes) {
  std::string Bad = ledgerWith("\"kind\": \"conference\"", "\"kind\": \"banquet\"");
  Bad.replace(Bad.find("M-1001"), 6, "M-BAD"); // two members may not share an id
  EXPECT_EQ(audit("[" + Bad + "," + ledgerText() + "]", "2026-11-23"), 1);
  EXPECT_EQ(Lines.str(), runReport());
  EXPECT_NE(Errors.str().find("activity a08"), std::string::npos) << Errors.str();
}

TEST_F(CApiAudit, ABadDateIsBadInput) {
  EXPECT_EQ(audit(ledgerText(), "2026-02-30"), 1);
  EXPECT_NE(Errors.str().find("2026-02-30"), std::string::npos) << Errors.str();
  EXPECT_EQ(Lines.str(), "");
}

TEST_F(CApiAudit, NoDateMeansToday) {
  EXPECT_EQ(audit(ledgerText(), nullptr), 0) << Errors.str();
  EXPECT_NE(Lines.str().find("\"member\":\"M-1001\""), std::string::npos);
}

TEST_F(CApiAudit, NullArgumentsAreBadInput) {
  EXPECT_EQ(certc_audit_json(nullptr, "[]", 2, "2026-11-23", &Lines.S, &Errors.S), 1);
  EXPECT_NE(Errors.str().find("policy is NULL"), std::string::npos);
  certc_string_free(Lines.S);
  certc_string_free(Errors.S);
  Lines.S = Errors.S = nullptr;
  EXPECT_EQ(certc_audit_json(P.P, nullptr, 5, "2026-11-23", &Lines.S, &Errors.S), 1);
  // Output pointers are optional.
  EXPECT_EQ(certc_audit_json(P.P, "[]", 2, "2026-11-23", nullptr, nullptr), 0);
  EXPECT_EQ(certc_audit_json(P.P, "{", 1, "2026-11-23", nullptr, nullptr), 1);
}

TEST_F(CApiAudit, TextNeedNotBeNulTerminated) {
  std::string Padded = ledgerText() + "garbage after the ledger";
  EXPECT_EQ(certc_audit_json(P.P, Padded.data(), ledgerText().size(), "2026-11-23", &Lines.S, &Errors.S), 0)
      << Errors.str();
  EXPECT_EQ(Lines.str(), runReport());
}

TEST(CApi, FreeingNullIsANoOp) {
  certc_policy_free(nullptr);
  certc_string_free(nullptr);
}

} // namespace
