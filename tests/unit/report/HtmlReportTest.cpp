// The member's report as a page: escaping, the bars' numbers, the sections a
// member reads, and that the page needs nothing but itself.
#include "report/HtmlReport.h"

#include "support/AuditText.h"

#include <gtest/gtest.h>

using namespace certc;
using namespace certc::report;

namespace {
const char *Policy =
    "policy \"Clerks <&> Co\" for CMC source guidelines.\n"
    "category Education.\n"
    "category Experience.\n"
    "requirement experience \"Experience points\": Experience at least 9 points\n"
    "  cite guidelines, \"Requirements\", \"Attain nine points in Experience.\".\n"
    "requirement education: Education at least 3 points cite guidelines, \"s\", \"Three 'points'\".\n"
    "prerequisite ethics \"IIMC Code of Ethics\": ethics_affirmed else \"must affirm the <Code>\"\n"
    "  cite guidelines, \"Ethics\", \"Affirm the Code.\".\n"
    "rule abroad: each study_abroad earns points as awarded into Experience\n"
    "  cite guidelines, \"Study abroad\", \"Points as awarded.\".\n"
    "rule dialogue: each athenian_dialogue requires documented else \"no supporting documentation\"\n"
    "  earns 4 points into Education cite guidelines, \"Dialogues\", \"2 points each\".\n";

std::string page(const testsupport::AuditRun &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  beginHtmlPage(OS, R.Policy, R.Audit.AsOf);
  printHtmlReport(OS, R.Policy, R.Audit);
  endHtmlPage(OS, 1);
  return OS.str();
}

testsupport::AuditRun sample() {
  return testsupport::auditText(
      Policy,
      R"({"member": {"id": "M<1>", "region": 4, "membership": "full", "member_since": "2015-01-01",
          "position": "clerk"}, "activities": [
          {"id": "x", "kind": "study_abroad", "date": "2020-01-01", "points": 7},
          {"id": "d", "kind": "athenian_dialogue", "date": "2020-01-01", "assessed": true, "documented": false},
          {"id": "e", "kind": "athenian_dialogue", "date": "2021-01-01", "assessed": true}]})",
      "2026-11-23");
}

bool has(const std::string &Page, const std::string &Text) { return Page.find(Text) != std::string::npos; }
} // namespace

TEST(HtmlReport, EscapesMarkupQuotesAndControlBytes) {
  EXPECT_EQ(escapeHtml("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
  EXPECT_EQ(escapeHtml("line\nbreak\x1b[2J"), "line\\x0Abreak\\x1B[2J");
  EXPECT_EQ(escapeHtml("caf\xc3\xa9"), "caf\xc3\xa9");
}

TEST(HtmlReport, ExplanationsSetQuotedNamesAsCode) {
  EXPECT_EQ(htmlExplanation("reduced from 56 by the 40-point cap of `full_time_clerk`"),
            "reduced from 56 by the 40-point cap of <code>full_time_clerk</code>");
  EXPECT_EQ(htmlExplanation("rule `a<b>` and `c`"), "rule <code>a&lt;b&gt;</code> and <code>c</code>");
  EXPECT_EQ(htmlExplanation("an odd ` backtick"), "an odd ` backtick");
  EXPECT_EQ(htmlExplanation("plain"), "plain");
}

TEST(HtmlReport, BarsShowTheWholePercentReached) {
  EXPECT_EQ(percentReached(0, 60), 0u);
  EXPECT_EQ(percentReached(*Rational::make(87, 2), 50), 87u); // 43.5 of 50
  EXPECT_EQ(percentReached(2, 3), 66u);                        // rounded down, never up to "done"
  EXPECT_EQ(percentReached(*Rational::make(599, 10), 60), 99u);
  EXPECT_EQ(percentReached(60, 60), 100u);
  EXPECT_EQ(percentReached(61, 60), 100u);
}

TEST(HtmlReport, EveryTextFromThePolicyAndLedgerIsEscaped) {
  std::string P = page(sample());
  EXPECT_TRUE(has(P, "<h1>Clerks &lt;&amp;&gt; Co (CMC)</h1>"));
  EXPECT_TRUE(has(P, "Member M&lt;1&gt;</h2>"));
  EXPECT_TRUE(has(P, "must affirm the &lt;Code&gt;"));
  EXPECT_TRUE(has(P, "<q>Three &#39;points&#39;</q>"));
  EXPECT_FALSE(has(P, "<1>"));
  EXPECT_FALSE(has(P, "<Code>"));
  // The member id becomes an anchor of safe characters.
  EXPECT_TRUE(has(P, "<h2 id=\"member-M.3c1.3e\">"));
}

TEST(HtmlReport, ABarPerPointRequirementWithItsNumbersInText) {
  std::string P = page(sample());
  EXPECT_TRUE(has(P, "<h4 id=\"member-M.3c1.3e-req-1\">Experience points</h4>")) << P;
  EXPECT_TRUE(has(P, "role=\"progressbar\" aria-labelledby=\"member-M.3c1.3e-req-1\" aria-valuemin=\"0\" "
                     "aria-valuemax=\"9\" aria-valuenow=\"7\" aria-valuetext=\"7 points of 9 required\">"
                     "<span class=\"fill\" style=\"width:77%\"></span>"))
      << P;
  EXPECT_TRUE(has(P, "<span class=\"state\">Not met</span>: 7 points of 9 required</p>"));
  // Without a title, the requirement's name; beyond the amount, a full bar.
  EXPECT_TRUE(has(P, "<h4 id=\"member-M.3c1.3e-req-2\">education</h4>"));
  EXPECT_TRUE(has(P, "aria-valuemax=\"3\" aria-valuenow=\"3\" aria-valuetext=\"4 points of 3 required\">"
                     "<span class=\"fill\" style=\"width:100%\"></span>"));
  EXPECT_TRUE(has(P, "<span class=\"state\">Met</span>: 4 points of 3 required</p>"));
  EXPECT_TRUE(has(P, "<cite>IIMC Education Guidelines</cite>, section \u201cRequirements\u201d: "
                     "<q>Attain nine points in Experience.</q>"))
      << P;
}

TEST(HtmlReport, SectionsComeInTheOrderAMemberReadsThem) {
  std::string P = page(sample());
  std::vector<std::string> Order = {"<h2 ", "Verdict: <strong>Not yet eligible</strong>", "<h3>Still needed</h3>",
                                    "<h3>Point requirements</h3>", "<h3>Prerequisites</h3>",
                                    "<h3>Points by category</h3>", "<h3>Credited items</h3>",
                                    "<h3>Not credited</h3>", "</section>"};
  size_t At = 0;
  for (const std::string &Part : Order) {
    size_t Found = P.find(Part, At);
    ASSERT_NE(Found, std::string::npos) << Part << " missing or out of order";
    At = Found;
  }
  // The not-credited item with its reason and the guideline behind the rule.
  EXPECT_TRUE(has(P, "<tr><th scope=\"row\">d</th><td><code>athenian_dialogue</code></td>"
                     "<td>no supporting documentation</td>"));
  EXPECT_TRUE(has(P, "<span class=\"state\">Not met</span>: IIMC Code of Ethics \u2014 must affirm the"));
}

TEST(HtmlReport, ThePageIsSelfContainedAndTheSameEveryTime) {
  std::string P = page(sample());
  EXPECT_EQ(P, page(sample()));
  EXPECT_EQ(P.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_TRUE(has(P, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(has(P, "@media print"));
  for (const char *External : {"<script", "<link", "src=", "href=", "url(", "@import"})
    EXPECT_FALSE(has(P, External)) << External;
  EXPECT_EQ(P.substr(P.size() - 16), "</body>\n</html>\n");
}

TEST(HtmlReport, AnEmptyPageSaysSo) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  testsupport::AuditRun R = sample();
  beginHtmlPage(OS, R.Policy, R.Audit.AsOf);
  endHtmlPage(OS, 0);
  EXPECT_TRUE(has(OS.str(), "<p>No member was audited.</p>\n</main>"));
}

namespace {
/// A maintenance program: no designation, hours, its own verdict words.
testsupport::AuditRun maintenance() {
  return testsupport::auditText(
      "policy \"Upkeep\" verdict \"compliant\" else \"not compliant\".\n"
      "category Education.\n"
      "requirement ce: Education at least 24 hours cite guidelines, \"s\", \"q\".\n"
      "rule course: each institute_course earns 1 hour per contact_hour into Education at most 30 hours "
      "cite guidelines, \"s\", \"q\".\n",
      R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": "2015-01-01",
          "position": "clerk"}, "activities": [
          {"id": "i", "kind": "institute_course", "date": "2020-01-01", "hours": 30, "assessed": true, "level": "cmc"},
          {"id": "j", "kind": "institute_course", "date": "2021-01-01", "hours": 12, "assessed": true, "level": "cmc"}]})",
      "2026-11-23");
}
} // namespace

TEST(HtmlReport, AMaintenanceProgramSpeaksInItsOwnWords) {
  std::string Page = page(maintenance());
  EXPECT_TRUE(has(Page, "<h1>Upkeep</h1>")) << Page;
  EXPECT_TRUE(has(Page, "Verdict: <strong>compliant</strong> as of 2026-11-23")) << Page;
  EXPECT_TRUE(has(Page, "<h3>Hour requirements</h3>")) << Page;
  EXPECT_TRUE(has(Page, "<h3>Hours by category</h3>")) << Page;
  EXPECT_TRUE(has(Page, "30 hours of 24 required")) << Page;
  EXPECT_TRUE(has(Page, "the 30-hour cap of <code>course</code>")) << Page;
  EXPECT_FALSE(has(Page, "points")) << Page;
}
