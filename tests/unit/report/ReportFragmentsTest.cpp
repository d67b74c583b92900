// The constant parts of the reports, rendered once per policy: the reports
// made from them are byte for byte those rendered whole, and an audit the
// fragments do not belong to is rendered whole rather than given another
// policy's text.
#include "report/Report.h"
#include "report/ReportBuffer.h"
#include "report/ReportFragments.h"

#include "support/AuditText.h"

#include <gtest/gtest.h>

using namespace certc;
using namespace certc::report;

namespace {
// Quotes and backslashes in titles and citations, so that escaping matters.
const char *Policy =
    "policy \"Clerks \\\"& Co\\\"\" for CMC source guidelines.\n"
    "category Education.\n"
    "category Experience.\n"
    "requirement experience \"Experience \\\\ points\": Experience at least 9 points\n"
    "  cite guidelines, \"Requirements\", \"Attain \\\"nine\\\" points.\".\n"
    "requirement education: Education at least 3 points.\n"
    "prerequisite ethics \"Code of Ethics\": ethics_affirmed else \"must affirm the Code\"\n"
    "  cite guidelines, \"Ethics\", \"Affirm the Code.\" cite guidelines, \"Ethics, again\", \"Twice.\".\n"
    "rule abroad: each study_abroad earns points as awarded into Experience\n"
    "  cite guidelines, \"Study abroad\", \"Points as awarded.\".\n"
    "rule dialogue: each athenian_dialogue requires documented else \"no supporting documentation\"\n"
    "  cite guidelines, \"Documentation\", \"Keep the \\\"proof\\\".\"\n"
    "  earns 4 points into Education cite guidelines, \"Dialogues\", \"2 points each\".\n";

testsupport::AuditRun sample() {
  return testsupport::auditText(
      Policy,
      R"({"member": {"id": "M1", "region": 4, "membership": "full", "member_since": "2015-01-01",
          "position": "clerk"}, "activities": [
          {"id": "x", "kind": "study_abroad", "date": "2020-01-01", "points": 7},
          {"id": "d", "kind": "athenian_dialogue", "date": "2020-01-01", "assessed": true, "documented": false},
          {"id": "e", "kind": "athenian_dialogue", "date": "2021-01-01", "assessed": true}]})",
      "2026-11-23");
}

template <typename Print> std::string render(Print P) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  P(OS);
  return OS.str();
}

std::string json(const ir::Policy &P, const eval::Audit &A) {
  return render([&](llvm::raw_ostream &OS) { printJsonReport(OS, P, A); });
}
std::string json(const ReportFragments &F, const eval::Audit &A) {
  return render([&](llvm::raw_ostream &OS) { printJsonReport(OS, F, A); });
}
std::string text(const ir::Policy &P, const eval::Audit &A) {
  return render([&](llvm::raw_ostream &OS) { printTextReport(OS, P, A); });
}
std::string text(const ReportFragments &F, const eval::Audit &A) {
  return render([&](llvm::raw_ostream &OS) { printTextReport(OS, F, A); });
}
} // namespace

TEST(ReportFragments, ReportsAreThoseRenderedWhole) {
  testsupport::AuditRun R = sample();
  ReportFragments F(R.Policy);
  std::string Json = json(R.Policy, R.Audit);
  EXPECT_EQ(json(F, R.Audit), Json);
  EXPECT_EQ(text(F, R.Audit), text(R.Policy, R.Audit));
  // The escaped policy text is in the report, once per place it is cited.
  EXPECT_NE(Json.find(R"("title":"Experience \\ points")"), std::string::npos) << Json;
  EXPECT_NE(Json.find(R"("quote":"Keep the \"proof\"."})"), std::string::npos) << Json;
}

TEST(ReportFragments, CitationsAreRenderedOncePerList) {
  testsupport::AuditRun R = sample();
  ReportFragments F(R.Policy);
  const ir::Prerequisite &Ethics = R.Policy.Prerequisites.front();
  EXPECT_EQ(F.jsonCitations(Ethics.Cites),
            R"([{"source":"IIMC Education Guidelines","section":"Ethics","quote":"Affirm the Code."},)"
            R"({"source":"IIMC Education Guidelines","section":"Ethics, again","quote":"Twice."}])");
  // The status update's line names the first citation only.
  EXPECT_EQ(F.textSeeLine(Ethics.Cites),
            "      see IIMC Education Guidelines, \"Ethics\": \"Affirm the Code.\"\n");
  EXPECT_EQ(F.programHeading(), "Clerks \"& Co\" (CMC)");
  // Names items carry: rules, categories, activity kinds.
  EXPECT_EQ(F.jsonName(R.Policy.Rules.front().Name), "\"abroad\"");
  EXPECT_EQ(F.jsonName(R.Policy.Categories.back().Name), "\"Experience\"");
}

TEST(ReportFragments, TextNotOfThePolicyIsRenderedWhole) {
  testsupport::AuditRun R = sample();
  ReportFragments F(R.Policy);
  // Equal citations in another list, and a part of one: not the policy's lists.
  std::vector<ir::Citation> Copy = R.Policy.Prerequisites.front().Cites;
  EXPECT_EQ(F.jsonCitations(Copy), "");
  EXPECT_EQ(F.jsonCitations(llvm::ArrayRef<ir::Citation>(R.Policy.Prerequisites.front().Cites).take_front()), "");
  EXPECT_EQ(F.jsonCitations({}), "");
  // Equal text elsewhere, and a part of a name, are not the policy's names.
  std::string RuleName = R.Policy.Rules.front().Name;
  EXPECT_EQ(F.jsonName(RuleName), "");
  EXPECT_EQ(F.jsonName(llvm::StringRef(R.Policy.Rules.front().Name).drop_back()), "");
  // A requirement in another place of the list.
  ASSERT_GE(R.Audit.Requirements.size(), 2u);
  EXPECT_NE(F.jsonRequirementStart(R.Audit.Requirements[0], 0), "");
  EXPECT_EQ(F.jsonRequirementStart(R.Audit.Requirements[0], 1), "");
  EXPECT_EQ(F.jsonRequirementStart(R.Audit.Requirements[0], 99), "");

  // Fragments of a policy with other words: an audit of the sample policy
  // still gets its own words, rendered.
  testsupport::AuditRun Other = sample();
  Other.Policy.Prerequisites.front().Cites.front().Quote = "Other words.";
  Other.Policy.Prerequisites.front().Title = "Other title";
  ReportFragments OtherFragments(Other.Policy);
  std::string Json = json(R.Policy, R.Audit);
  std::string Mixed = render([&](llvm::raw_ostream &OS) {
    printJsonReport(OS, OtherFragments, R.Audit); // the wrong policy's fragments
  });
  EXPECT_EQ(Mixed.find("Other words."), std::string::npos) << Mixed;
  EXPECT_EQ(Mixed.find("Other title"), std::string::npos) << Mixed;
}

TEST(ReportBuffer, HoldsWhatWasWrittenSmallOrLarge) {
  ReportBuffer B;
  std::string Expected;
  std::string Large(100 << 10, 'x'); // larger than the free space lent at once
  for (int I = 0; I < 50; ++I) {
    B << "report " << I << '\n';
    Expected += "report " + std::to_string(I) + "\n";
    EXPECT_EQ(B.tell(), Expected.size());
    if (I % 10 == 0) {
      B << Large;
      Expected += Large;
    }
  }
  EXPECT_EQ(B.text(), Expected);
  B.clear();
  EXPECT_EQ(B.text(), "");
  B.reserve(1 << 20);
  B << "after clear";
  EXPECT_EQ(B.text(), "after clear");
  EXPECT_EQ(B.tell(), 11u);
}
