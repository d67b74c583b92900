// Loading a compiled policy and auditing members through certc::Policy.
#include "ApiTestSupport.h"

#include <algorithm>

using namespace certc;
using namespace certc::test;

namespace {

const eval::CategoryResult &category(const eval::Audit &A, const std::string &Name) {
  auto It = std::find_if(A.Categories.begin(), A.Categories.end(),
                         [&](const eval::CategoryResult &C) { return C.Name == Name; });
  EXPECT_NE(It, A.Categories.end()) << Name;
  return *It;
}

const eval::ItemResult &item(const eval::Audit &A, const std::string &Id) {
  auto It = std::find_if(A.Items.begin(), A.Items.end(),
                         [&](const eval::ItemResult &I) { return I.Id == Id; });
  EXPECT_NE(It, A.Items.end()) << Id;
  return *It;
}

TEST(Policy, LoadsCompiledIRFromTextAndFile) {
  auto FromText = Policy::load(policyText(), "cmc.ir.json");
  ASSERT_TRUE(bool(FromText)) << llvm::toString(FromText.takeError());
  auto FromFile = Policy::loadFile(CERTC_TEST_POLICY_IR);
  ASSERT_TRUE(bool(FromFile)) << llvm::toString(FromFile.takeError());

  const Policy &P = **FromText;
  EXPECT_EQ(P.title(), "IIMC Certified Municipal Clerk");
  EXPECT_EQ(P.designation(), "CMC");
  EXPECT_EQ(P.contentHash().size(), 64u);
  EXPECT_EQ(P.contentHash(), (*FromFile)->contentHash());
  EXPECT_FALSE(P.ir().Rules.empty());
  EXPECT_STREQ(runtimeVersion(), CERTC_TEST_VERSION);
}

TEST(Policy, JsonReportIsByteForByteWhatCertcRunPrints) {
  LedgerAudits R = cmc()->evaluateJson(ledgerText(), "maria-lopez.json", date("2026-11-23"));
  ASSERT_TRUE(R.ok()) << R.errorText();
  ASSERT_EQ(R.Audits.size(), 1u);
  EXPECT_EQ(cmc()->toJson(R.Audits[0]), runReport());
}

TEST(Policy, AuditHoldsTheVerdictPointsAndExplanations) {
  LedgerAudits R = cmc()->evaluateJson(ledgerText(), "maria-lopez.json", date("2026-11-23"));
  ASSERT_TRUE(R.ok()) << R.errorText();
  const eval::Audit &A = R.Audits[0];
  EXPECT_EQ(A.Member, "M-1001");
  EXPECT_EQ(A.Designation, "CMC");
  EXPECT_EQ(A.AsOf, date("2026-11-23"));
  EXPECT_FALSE(A.Eligible);

  const eval::CategoryResult &Education = category(A, "Education");
  EXPECT_EQ(Education.Points, Rational(61));
  EXPECT_EQ(Education.Required, std::optional<Rational>(60));
  const eval::CategoryResult &Experience = category(A, "Experience");
  EXPECT_EQ(Experience.Points, *Rational::parse("43.5"));
  EXPECT_EQ(Experience.SpilledIn, Rational(1));
  EXPECT_EQ(A.Missing, std::vector<std::string>{"Experience: 6.5 more points"});

  const eval::ItemResult &Employment = item(A, "a07");
  EXPECT_TRUE(Employment.Credited);
  EXPECT_EQ(Employment.Rule, "full_time_clerk");
  EXPECT_EQ(Employment.Points, Rational(40));
  std::string Note = eval::reasonText(cmc()->ir(), A, Employment);
  EXPECT_NE(Note.find("cap"), std::string::npos) << Note;
  EXPECT_FALSE(Employment.Cites.empty());
  const eval::ItemResult &Undocumented = item(A, "a09");
  EXPECT_FALSE(Undocumented.Credited);
  EXPECT_EQ(eval::reasonText(cmc()->ir(), A, Undocumented), "no supporting documentation was provided");

  std::string Text = cmc()->toText(A);
  EXPECT_NE(Text.find("Verdict: NOT YET ELIGIBLE"), std::string::npos) << Text;
}

TEST(Policy, EvaluatingAReadMemberEqualsEvaluatingTheLedger) {
  ledger::ReadResult Read = cmc()->readJson(ledgerText(), "maria-lopez.json");
  ASSERT_TRUE(Read.Errors.empty());
  ASSERT_EQ(Read.Members.size(), 1u);
  llvm::Expected<eval::Audit> A = cmc()->evaluate(Read.Members[0], date("2026-11-23"));
  ASSERT_TRUE(bool(A)) << llvm::toString(A.takeError());
  EXPECT_EQ(cmc()->toJson(*A), runReport());
}

TEST(Policy, TheAuditDateCounts) {
  // Employment from 2012-01-09: 3 whole years by 2015-06-01, 12 points.
  LedgerAudits R = cmc()->evaluateJson(ledgerText(), "maria-lopez.json", date("2015-06-01"));
  ASSERT_TRUE(R.ok()) << R.errorText();
  EXPECT_EQ(R.Audits[0].AsOf, date("2015-06-01"));
  EXPECT_EQ(item(R.Audits[0], "a07").Points, Rational(12));
}

TEST(Policy, AuditsEveryMemberOfAnArrayInLedgerOrder) {
  std::string Second = ledgerText();
  Second.replace(Second.find("M-1001"), 6, "M-1002");
  LedgerAudits R =
      cmc()->evaluateJson("[" + Second + "," + ledgerText() + "]", "two.json", date("2026-11-23"));
  ASSERT_TRUE(R.ok()) << R.errorText();
  ASSERT_EQ(R.Audits.size(), 2u);
  EXPECT_EQ(R.Audits[0].Member, "M-1002");
  EXPECT_EQ(R.Audits[1].Member, "M-1001");
  EXPECT_EQ(cmc()->toJson(R.Audits[1]), runReport());
}

TEST(Policy, AnEmptyLedgerHasNoAuditsAndNoErrors) {
  LedgerAudits R = cmc()->evaluateJson("[]", "empty.json", date("2026-11-23"));
  EXPECT_TRUE(R.ok()) << R.errorText();
  EXPECT_TRUE(R.Audits.empty());
}

TEST(Policy, ReadsCsvLedgers) {
  std::string Members = "id,region,membership,member_since,position,core_duties,ethics_affirmed,enrolled\n"
                        "M-7,4,full,2019-02-01,clerk,records_management;elections,true,CMC\n";
  std::string Activities = "member_id,id,kind,date,hours,assessed,level\n"
                           "M-7,a1,institute_course,2020-06-15,36,true,cmc\n";
  LedgerAudits R = cmc()->evaluateCsv("members.csv", Members, "activities.csv", Activities,
                                      date("2026-11-23"));
  ASSERT_TRUE(R.ok()) << R.errorText();
  ASSERT_EQ(R.Audits.size(), 1u);
  EXPECT_EQ(R.Audits[0].Member, "M-7");
  EXPECT_EQ(item(R.Audits[0], "a1").Points, Rational(18));
}

TEST(Policy, OutlivesTheLoadersReference) {
  std::weak_ptr<const Policy> Weak;
  std::shared_ptr<const Policy> Kept;
  {
    auto P = Policy::load(policyText(), "cmc.ir.json");
    ASSERT_TRUE(bool(P));
    Weak = *P;
    Kept = *P;
  }
  LedgerAudits R = Kept->evaluateJson(ledgerText(), "maria-lopez.json", date("2026-11-23"));
  EXPECT_EQ(Kept->toJson(R.Audits.at(0)), runReport());
  Kept.reset();
  EXPECT_TRUE(Weak.expired());
}

} // namespace
