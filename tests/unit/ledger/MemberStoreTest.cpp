// Members own their field values: they outlive the text they were read from,
// the schema and the policy, and keep their values when moved or copied.
#include "LedgerTestSupport.h"

#include <algorithm>

using namespace certc;
using namespace certc::ledger;
using namespace certc::ledger::test;

namespace {

class MemberStore : public LedgerTest {
protected:
  /// Reads Text against a policy of its own whose `session` has a text
  /// default, then wipes the text and drops the policy and schema.
  std::vector<Member> readAndForget(std::string Text, bool Csv = false, std::string Activities = "") {
    ir::Policy Own = makeTestPolicy();
    Own.Kinds[0].Fields[fieldIndex(Own.Kinds[0].Fields, "session")].Default = textValue("evening");
    LedgerSchema OwnSchema(Own);
    ReadResult R = Csv ? readCsvLedger(OwnSchema, "m.csv", Text, "a.csv", Activities)
                       : readJsonLedger(OwnSchema, "ledger.json", Text);
    EXPECT_TRUE(R.Errors.empty()) << allErrors(R);
    std::fill(Text.begin(), Text.end(), '#');
    std::fill(Activities.begin(), Activities.end(), '#');
    std::vector<Member> Members = std::move(R.Members);
    Members.reserve(Members.capacity() + 16); // moves every member
    return Members;
  }
  static ir::Value textValue(const char *Text) {
    ir::Value V;
    V.K = ir::Value::Kind::Text;
    V.Text = Text;
    return V;
  }
  void expectValues(const Member &M) {
    EXPECT_EQ(memberField(M, "name").Text, "Jane \"JJ\" Smith");
    ASSERT_EQ(memberField(M, "designations").Awards.size(), 2u);
    EXPECT_EQ(memberField(M, "designations").Awards[1].Designation, symbol("MMC"));
    EXPECT_EQ(memberField(M, "designations").Awards[1].Awarded, *Date::fromCivil(2021, 1, 1));
    ASSERT_EQ(M.Activities.size(), 2u);
    EXPECT_EQ(activityField(M.Activities[0], "title").Text, "Records, then elections");
    EXPECT_EQ(activityField(M.Activities[0], "session").Text, "evening");
    EXPECT_EQ(activityField(M.Activities[1], "session").Text, "morning");
    EXPECT_EQ(activityField(M.Activities[1], "hours").Number, *Rational::make(15, 2));
  }
};

TEST_F(MemberStore, JsonMembersOutliveTheirTextSchemaAndPolicy) {
  std::string Text = "[" +
                     ledger("m1",
                            course("a1", ", \"title\": \"Records, then elections\"") + ",\n" +
                                course("a2", ", \"session\": \"morning\""),
                            ", \"name\": \"Jane \\\"JJ\\\" Smith\", \"designations\": ["
                            "{\"name\": \"CMC\", \"awarded\": \"2018-03-15\"}, "
                            "{\"name\": \"MMC\", \"awarded\": \"2021-01-01\"}]") +
                     ",\n" + ledger("m2", "") + "]";
  std::vector<Member> Members = readAndForget(Text);
  ASSERT_EQ(Members.size(), 2u);
  expectValues(Members[0]);
}

TEST_F(MemberStore, CsvMembersOutliveTheirTextSchemaAndPolicy) {
  std::string MembersCsv = "id,name,region,membership,member_since,designations\n"
                           "m1,\"Jane \"\"JJ\"\" Smith\",3,full,2010-05-01,CMC:2018-03-15;MMC:2021-01-01\n";
  std::string ActivitiesCsv = "member_id,id,kind,date,hours,title,session\n"
                              "m1,a1,institute_course,2019-04-02,7.5,\"Records, then elections\",\n"
                              "m1,a2,institute_course,2019-04-02,7.5,,morning\n";
  std::vector<Member> Members = readAndForget(MembersCsv, /*Csv=*/true, ActivitiesCsv);
  ASSERT_EQ(Members.size(), 1u);
  expectValues(Members[0]);
}

TEST_F(MemberStore, CopiedActivitiesKeepTheirValuesWhenTheirMemberIsGone) {
  std::vector<Member> Into = readAndForget(ledger("m1", ""));
  {
    std::vector<Member> From = readAndForget(
        ledger("m2", course("a1", ", \"title\": \"Records, then elections\"") + ",\n" +
                         course("a2", ", \"session\": \"morning\""),
               ", \"name\": \"Jane \\\"JJ\\\" Smith\""));
    ASSERT_EQ(From.size(), 1u);
    ASSERT_EQ(Into.size(), 1u);
    copyActivities(Into[0], From[0].Activities);
  }
  ASSERT_EQ(Into[0].Activities.size(), 2u);
  EXPECT_EQ(activityField(Into[0].Activities[0], "title").Text, "Records, then elections");
  EXPECT_EQ(activityField(Into[0].Activities[0], "session").Text, "evening");
  EXPECT_EQ(activityField(Into[0].Activities[1], "session").Text, "morning");
}

} // namespace
