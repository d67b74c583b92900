// JSON ledgers: what is read, and how each schema error is reported.
#include "LedgerTestSupport.h"

using namespace certc;
using namespace certc::ledger;
using namespace certc::ledger::test;

namespace {

using JsonLedger = LedgerTest;

TEST_F(JsonLedger, ReadsAValidLedgerWithDefaultsFilled) {
  std::string T = R"({
  "member": {
    "id": "m1",
    "region": 3,
    "membership": "full",
    "member_since": "2010-05-01",
    "core_duties": ["elections", "financial_management"],
    "designations": [{"name": "CMC", "awarded": "2018-03-15"}]
  },
  "activities": [
    {"id": "a1", "kind": "institute_course", "date": "2019-04-02", "hours": 7.5, "level": "mmc"},
    {"id": "a2", "kind": "employment", "start": "2012-01-01", "schedule": "full_time",
     "title": "Town clerk \u00e9\n", "used_for": ["MMC"]}
  ]
}
)";
  ReadResult R = readJson(T);
  ASSERT_TRUE(R.Errors.empty()) << allErrors(R);
  ASSERT_EQ(R.Members.size(), 1u);
  const Member &M = R.Members[0];
  EXPECT_EQ(M.Id, "m1");
  EXPECT_EQ(M.File, "ledger.json");
  EXPECT_EQ(M.Line, 2u);
  EXPECT_EQ(M.Col, 13u);
  EXPECT_EQ(memberField(M, "id").Text, "m1");
  EXPECT_EQ(memberField(M, "region").Number, Rational(3));
  EXPECT_EQ(memberField(M, "membership").Symbol, symbol("full"));
  EXPECT_EQ(memberField(M, "member_since").DateValue, *Date::fromCivil(2010, 5, 1));
  EXPECT_EQ(memberField(M, "core_duties").K, ir::Value::Kind::Set);
  EXPECT_EQ(memberField(M, "core_duties").Set, 0b101u); // positions 0 and 2
  ASSERT_EQ(memberField(M, "designations").Awards.size(), 1u);
  EXPECT_EQ(memberField(M, "designations").Awards[0].Designation, symbol("CMC"));
  EXPECT_EQ(memberField(M, "designations").Awards[0].Awarded, *Date::fromCivil(2018, 3, 15));
  // Defaults: absent optional fields take the field's Default, which may be Absent.
  EXPECT_EQ(memberField(M, "ethics_affirmed").K, ir::Value::Kind::Bool);
  EXPECT_FALSE(memberField(M, "ethics_affirmed").Bool);
  EXPECT_EQ(memberField(M, "enrolled").K, ir::Value::Kind::Set);
  EXPECT_EQ(memberField(M, "enrolled").Set, 0u);
  EXPECT_EQ(memberField(M, "name").K, ir::Value::Kind::Absent);

  ASSERT_EQ(M.Activities.size(), 2u);
  const Activity &A1 = M.Activities[0];
  EXPECT_EQ(A1.Id, "a1");
  EXPECT_EQ(A1.Kind, 0u);
  EXPECT_EQ(A1.Line, 11u);
  EXPECT_EQ(A1.Col, 5u);
  ASSERT_EQ(A1.Fields.size(), P.Kinds[0].Fields.size());
  EXPECT_EQ(activityField(A1, "hours").Number, *Rational::make(15, 2));
  EXPECT_EQ(activityField(A1, "level").Symbol, symbol("mmc"));
  EXPECT_TRUE(activityField(A1, "documented").Bool);
  EXPECT_FALSE(activityField(A1, "assessed").Bool);
  EXPECT_EQ(activityField(A1, "session").K, ir::Value::Kind::Absent);

  const Activity &A2 = M.Activities[1];
  EXPECT_EQ(A2.Kind, 1u);
  EXPECT_EQ(activityField(A2, "start").DateValue, *Date::fromCivil(2012, 1, 1));
  EXPECT_EQ(activityField(A2, "end").K, ir::Value::Kind::Absent);
  EXPECT_EQ(activityField(A2, "title").Text, "Town clerk \xC3\xA9\n");
  EXPECT_EQ(activityField(A2, "used_for").Set, 0b10u);
}

TEST_F(JsonLedger, ReadsAnArrayOfLedgersInOrder) {
  std::string T = "[" + ledger("m1", course("a1")) + ",\n" + ledger("m2", "") + "]";
  ReadResult R = readJson(T);
  ASSERT_TRUE(R.Errors.empty()) << allErrors(R);
  ASSERT_EQ(R.Members.size(), 2u);
  EXPECT_EQ(R.Members[0].Id, "m1");
  EXPECT_EQ(R.Members[0].Activities.size(), 1u);
  EXPECT_EQ(R.Members[1].Id, "m2");
  EXPECT_TRUE(R.Members[1].Activities.empty());
  EXPECT_TRUE(readJson("[]").Errors.empty());
}

TEST_F(JsonLedger, AcceptsKeysInAnyOrder) {
  // The kind after the fields it governs, and the member after the activities.
  std::string T = R"({"activities": [
    {"hours": 3, "date": "2019-04-02", "id": "a1", "kind": "institute_course"}
  ], "member": {"member_since": "2010-05-01", "membership": "full", "region": 3, "id": "m1"}})";
  ReadResult R = readJson(T);
  ASSERT_TRUE(R.Errors.empty()) << allErrors(R);
  ASSERT_EQ(R.Members.size(), 1u);
  EXPECT_EQ(activityField(R.Members[0].Activities[0], "hours").Number, Rational(3));
}

TEST_F(JsonLedger, ErrorsNameAMemberDeclaredAfterItsActivities) {
  std::string T = R"({"activities": [
    {"hours": "x", "id": "a1", "kind": "institute_course", "date": "2019-04-02"}
  ], "member": {"id": "m7", "region": 3, "membership": "full", "member_since": "2010-05-01"}})";
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"x\""), "m7", "a1", "hours",
                   "expected a number, found the string `x`");
}

TEST_F(JsonLedger, UnknownFieldsAreErrors) {
  std::string T = ledger("m1", course("a1"), ", \"regoin\": 4");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"regoin\""), "m1", "", "regoin",
                   "unknown member field (did you mean `region`?)");

  T = ledger("m1", course("a1", ", \"hourz\": 1"));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"hourz\""), "m1", "a1", "hourz",
                   "unknown field for kind `institute_course` (did you mean `hours`?)");

  T = ledger("m1", course("a1")) + "";
  T.insert(1, "\"notes\": 1, ");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"notes\""), "m1", "", "",
                   "unknown key `notes`; a ledger object has only `member` and `activities`");
}

TEST_F(JsonLedger, WrongTypesAreErrors) {
  std::string T = ledger("m1", course("a1", ", \"assessed\": \"yes\""));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"yes\""), "m1", "a1", "assessed",
                   "expected true or false, found the string `yes`");

  T = ledger("m1", course("a1"), ", \"core_duties\": \"elections\"");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"elections\""), "m1", "", "core_duties",
                   "expected an array of strings");

  T = ledger("m1", course("a1", ", \"title\": {\"a\": [1]}"));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "{\"a\""), "m1", "a1", "title",
                   "expected a string, found an object");
}

TEST_F(JsonLedger, MissingRequiredFieldsAreErrors) {
  std::string T = R"({"member": {"id": "m1", "membership": "full", "member_since": "2010-05-01"},
 "activities": []})";
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "{\"id\""), "m1", "", "region",
                   "missing required field");

  T = ledger("m1", R"({"id": "a1", "kind": "institute_course", "date": "2019-04-02"})");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "{\"id\": \"a1\""), "m1", "a1", "hours",
                   "missing required field");

  T = ledger("m1", R"({"kind": "institute_course", "date": "2019-04-02", "hours": 1})");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "{\"kind\""), "m1", "", "id", "missing activity id");

  T = ledger("m1", R"({"id": "a1", "date": "2019-04-02", "hours": 1})");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "{\"id\": \"a1\""), "m1", "a1", "kind",
                   "missing activity kind");

  T = R"({"activities": []})";
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "{"), "", "", "", "has no `member`");
}

TEST_F(JsonLedger, UnknownKindIsAnError) {
  std::string T = ledger("m1", R"({"id": "a9", "kind": "institute_cours", "hours": "x"})");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"institute_cours\""), "m1", "a9", "kind",
                   "unknown activity kind `institute_cours` (did you mean `institute_course`?)");
}

TEST_F(JsonLedger, DuplicateActivityIdsAreErrors) {
  std::string T = ledger("m1", course("a1") + ",\n" + course("a2") + ",\n" + course("a1"));
  size_t Second = T.find("\"a1\"", T.find("\"a1\"") + 1);
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"a1\"", Second), "m1", "a1", "id",
                   "duplicate activity id; it is also used at line 3");
}

TEST_F(JsonLedger, UnparseableDatesAreErrors) {
  std::string T = replaced(ledger("m1", ""), "2010-05-01", "2010-5-1");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"2010-5-1\""), "m1", "", "member_since",
                   "`2010-5-1` is not a date written YYYY-MM-DD");
  T = ledger("m1", R"({"id": "a1", "kind": "institute_course", "date": "2019-02-30", "hours": 1})");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"2019-02-30\""), "m1", "a1", "date",
                   "`2019-02-30` is not a calendar date");
  T = ledger("m1", R"({"id": "a1", "kind": "institute_course", "date": "4/2/2019", "hours": 1})");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"4/2/2019\""), "m1", "a1", "date",
                   "`4/2/2019` is not a date written YYYY-MM-DD");
}

TEST_F(JsonLedger, IntegersMustBeWholeAndInRange) {
  std::string T = replaced(ledger("m1", ""), "3,", "12,");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "12,"), "m1", "", "region",
                   "`12` is out of range: must be from 1 to 11");
  T = replaced(ledger("m1", ""), "3,", "2.5,");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "2.5"), "m1", "", "region",
                   "expected a whole number, found `2.5`");
  T = replaced(ledger("m1", ""), "3,", "3.0,");
  EXPECT_TRUE(readJson(T).Errors.empty()) << "3.0 is whole";
}

TEST_F(JsonLedger, EnumSetAndAwardValuesMustBeDeclared) {
  std::string T = ledger("m1", course("a1", ", \"level\": \"phd\""));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"phd\""), "m1", "a1", "level",
                   "`phd` is not one of cmc or mmc");
  T = ledger("m1", course("a1", ", \"used_for\": [\"CMC\", \"CMC\"]"));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"CMC\"]"), "m1", "a1", "used_for",
                   "`CMC` is listed more than once");
  T = ledger("m1", "", ", \"designations\": [{\"name\": \"XYZ\", \"awarded\": \"2018-03-15\"}]");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "\"XYZ\""), "m1", "", "designations",
                   "`XYZ` is not a designation; expected CMC or MMC");
  T = ledger("m1", "", ", \"designations\": [{\"name\": \"CMC\"}]");
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "{\"name\""), "m1", "", "designations",
                   "the award has no `awarded` date");
}

TEST_F(JsonLedger, NumbersMustBeFiniteExactAndPlain) {
  std::string T = ledger("m1", replaced(course("a1"), "7.5", "NaN"));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "NaN"), "m1", "a1", "hours", "is not a finite number");
  T = ledger("m1", replaced(course("a1"), "7.5", "-Infinity"));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "-Infinity"), "m1", "a1", "hours",
                   "`-Infinity` is not a finite number");
  T = ledger("m1", replaced(course("a1"), "7.5", "1.5e3"));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "1.5e3"), "m1", "a1", "hours",
                   "exponent notation is not supported");
  T = ledger("m1", replaced(course("a1"), "7.5", "99999999999999999999"));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "9999"), "m1", "a1", "hours",
                   "has more than 18 digits");
  T = ledger("m1", replaced(course("a1"), "7.5", "0.1"));
  ReadResult R = readJson(T);
  ASSERT_EQ(R.Members.size(), 1u) << allErrors(R);
  EXPECT_EQ(activityField(R.Members[0].Activities[0], "hours").Number, *Rational::make(1, 10));
}

TEST_F(JsonLedger, NullMeansNotGivenForOptionalFields) {
  std::string T = ledger("m1", course("a1", ", \"assessed\": null, \"session\": null"));
  ReadResult R = readJson(T);
  ASSERT_EQ(R.Members.size(), 1u) << allErrors(R);
  EXPECT_FALSE(activityField(R.Members[0].Activities[0], "assessed").Bool);
  T = ledger("m1", replaced(course("a1"), "7.5", "null"));
  EXPECT_ONE_ERROR(readJson(T), placeOf(T, "null"), "m1", "a1", "hours",
                   "required field is null");
}

TEST_F(JsonLedger, ABadMemberDoesNotStopTheNext) {
  std::string T = "[" + ledger("m1", course("a1")) + ",\n" +
                  ledger("m2", course("a1", ", \"hours\": 2")) + ",\n" +
                  ledger("m3", course("a1")) + "]";
  ReadResult R = readJson(T);
  ASSERT_EQ(R.Members.size(), 2u) << allErrors(R);
  EXPECT_EQ(R.Members[0].Id, "m1");
  EXPECT_EQ(R.Members[1].Id, "m3");
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_EQ(R.Errors[0].Member, "m2");
  EXPECT_EQ(R.Errors[0].Message, "field given more than once");
}

TEST_F(JsonLedger, EveryErrorOfAMemberIsReported) {
  std::string T = ledger("m1", course("a1", ", \"level\": \"x\"") + ",\n" +
                                   R"({"id": "a2", "kind": "employment", "start": "2015-01-01",
                                       "end": "2014-01-01", "schedule": "full_time"})",
                         ", \"ethics_affirmed\": 1");
  ReadResult R = readJson(T);
  EXPECT_TRUE(R.Members.empty());
  ASSERT_EQ(R.Errors.size(), 3u) << allErrors(R);
  // Sorted by place in the file, each naming its member and activity.
  EXPECT_EQ(R.Errors[0].Field, "ethics_affirmed");
  EXPECT_EQ(R.Errors[0].Message, "expected true or false, found the number `1`");
  EXPECT_EQ(R.Errors[1].Field, "level");
  EXPECT_EQ(R.Errors[1].Activity, "a1");
  EXPECT_EQ(R.Errors[2].Activity, "a2");
  EXPECT_EQ(R.Errors[2].Field, "end");
  EXPECT_EQ(R.Errors[2].Message, "the period ends (2014-01-01) before it starts (2015-01-01)");
  for (const LedgerError &E : R.Errors)
    EXPECT_EQ(E.Member, "m1");
}

TEST_F(JsonLedger, DuplicateMemberIdsRejectBothRecords) {
  std::string T = "[" + ledger("m1", "") + ",\n" + ledger("m2", "") + ",\n" + ledger("m1", "") + "]";
  ReadResult R = readJson(T);
  ASSERT_EQ(R.Members.size(), 1u) << allErrors(R);
  EXPECT_EQ(R.Members[0].Id, "m2");
  EXPECT_ONE_ERROR(R, placeOf(T, "{\"id\": \"m1\"", T.rfind("{\"member\"")), "m1", "", "id",
                   "member id is also used at line 1; neither record is read");
}

TEST_F(JsonLedger, StreamingHandsMembersOverAsReadAndWithdrawsLaterDuplicates) {
  std::string T = "[" + ledger("m1", course("a1")) + ",\n" + ledger("m2", "") + ",\n" + ledger("m1", "") +
                  ",\n" + ledger("m3", "") + "]";
  std::vector<std::string> Handed;
  StreamResult R = streamJsonLedger(S, "ledger.json", T, {}, [&](Member &&M) { Handed.push_back(M.Id); });
  // m1 was handed over before its second record was read; it is withdrawn by
  // its number, and the second record is never handed over.
  EXPECT_EQ(Handed, (std::vector<std::string>{"m1", "m2", "m3"}));
  EXPECT_EQ(R.Withdrawn, std::vector<size_t>{0});
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_EQ(R.Errors[0].Member, "m1");

  std::vector<Member> Members(3);
  for (size_t I = 0; I < 3; ++I)
    Members[I].Id = Handed[I];
  dropWithdrawn(Members, R.Withdrawn);
  ASSERT_EQ(Members.size(), 2u);
  EXPECT_EQ(Members[0].Id, "m2");
  EXPECT_EQ(Members[1].Id, "m3");
}

TEST_F(JsonLedger, MemberIdScanFindsRepeatsOnlyWhereTheReaderWould) {
  EXPECT_TRUE(jsonMemberIdsAreDistinct("[" + ledger("m1", course("a1")) + "," + ledger("m2", course("a1")) + "]"));
  EXPECT_TRUE(jsonMemberIdsAreDistinct(ledger("m1", "")));
  EXPECT_TRUE(jsonMemberIdsAreDistinct("[]"));
  // Activity ids and other "id" keys are not member ids.
  EXPECT_TRUE(jsonMemberIdsAreDistinct(R"([{"member": {"id": "m1"}, "activities": [{"id": "m2"}]},
                                          {"member": {"id": "m2", "x": {"id": "m1"}}, "activities": []}])"));
  EXPECT_FALSE(jsonMemberIdsAreDistinct("[" + ledger("m1", "") + "," + ledger("m2", "") + "," + ledger("m1", "") + "]"));
  // Strings are followed through their escapes; brackets inside them do not count.
  EXPECT_TRUE(jsonMemberIdsAreDistinct(R"([{"member": {"id": "m1", "name": "a \"}{[\\"}},
                                          {"member": {"id": "m2"}}])"));
  // When the scan cannot tell cheaply, it says "may repeat": the reader
  // compares ids and keys decoded ("a\u0062" is "ab").
  EXPECT_FALSE(jsonMemberIdsAreDistinct(R"([{"member": {"id": "ab"}}, {"member": {"id": "a\u0062"}}])"));
  EXPECT_FALSE(jsonMemberIdsAreDistinct(R"([{"member": {"id": "m1"}}, {"\u006dember": {"id": "m1"}}])"));
  // Repeats are found with and without escapes elsewhere in the text, and
  // "member" as a value is not a key.
  EXPECT_FALSE(jsonMemberIdsAreDistinct(R"([{"member": {"id": "m1", "name": "a\nb"}}, {"member": {"id": "m1"}}])"));
  EXPECT_TRUE(jsonMemberIdsAreDistinct(R"([{"member": {"id": "m1", "role": "member"}}, {"member": {"id": "m2"}}])"));
  EXPECT_FALSE(jsonMemberIdsAreDistinct(R"([{"member": {"role": "member", "id": "m1"}}, {"member" :
                                           {"x": [{"id": "m2"}], "id": "m1"}}])"));
  // Malformed text needs no answer of its own: the reader withdraws only among
  // the members it read before the error, whose ids the scan has seen.
  EXPECT_FALSE(jsonMemberIdsAreDistinct(R"([{"member": {"id": "m1"}}, {"member": {"id": "m1"})"));

  // Whenever the scan finds no repeat, the reader withdraws nothing.
  std::string T = "[" + ledger("m1", course("a1")) + "," + ledger("m2", "") + "]";
  ASSERT_TRUE(jsonMemberIdsAreDistinct(T));
  EXPECT_TRUE(streamJsonLedger(S, "ledger.json", T, {}, [](Member &&) {}).Withdrawn.empty());
}

TEST_F(JsonLedger, MembersBeforeAWithdrawnOneKeepTheirValues) {
  // eval_fuzzer found that members before the first withdrawn one were moved
  // onto themselves, which emptied their fields and activities.
  std::string T = "[" + ledger("m0", course("a1")) + ",\n" + ledger("m1", "") + ",\n" + ledger("m1", "") + "]";
  ReadResult R = readJson(T);
  ASSERT_EQ(R.Members.size(), 1u) << allErrors(R);
  EXPECT_EQ(R.Members[0].Id, "m0");
  EXPECT_EQ(R.Members[0].Fields.size(), P.MemberFields.size());
  ASSERT_EQ(R.Members[0].Activities.size(), 1u);
  EXPECT_EQ(R.Members[0].Activities[0].Id, "a1");
}

TEST_F(JsonLedger, ErrorMessagesLeaveOutEmptyParts) {
  LedgerError E;
  E.File = "l.json";
  E.Line = 4;
  E.Col = 7;
  E.Member = "m1";
  E.Activity = "a1";
  E.Field = "hours";
  E.Message = "expected a number";
  EXPECT_EQ(E.str(), "l.json:4:7: error: member m1, activity a1, field hours: expected a number");
  E.Activity.clear();
  E.Col = 0;
  EXPECT_EQ(E.str(), "l.json:4: error: member m1, field hours: expected a number");
  E.Member.clear();
  E.Field.clear();
  E.Line = 0;
  EXPECT_EQ(E.str(), "l.json: error: expected a number");

  std::string T = ledger("m1", course("a1", ", \"hours\": 1"));
  ReadResult R = readJson(T);
  ASSERT_EQ(R.Errors.size(), 1u);
  Place At = placeOf(T, "\"hours\": 1");
  EXPECT_EQ(R.Errors[0].str(), "ledger.json:" + std::to_string(At.Line) + ":" +
                                   std::to_string(At.Col) +
                                   ": error: member m1, activity a1, field hours: field given "
                                   "more than once");
}

TEST_F(JsonLedger, ReusesOneSchemaAndAcceptsAPolicyDirectly) {
  std::string T = ledger("m1", course("a1"));
  ReadResult FromPolicy = readJsonLedger(P, "p.json", T);
  ASSERT_EQ(FromPolicy.Members.size(), 1u) << allErrors(FromPolicy);
  EXPECT_EQ(FromPolicy.Members[0].File, "p.json");
  for (int I = 0; I < 3; ++I)
    EXPECT_EQ(readJson(T).Members.size(), 1u);
}

} // namespace
