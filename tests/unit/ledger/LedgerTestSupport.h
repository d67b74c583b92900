// Test fixture for the ledger readers: the test policy, its schema, error checks.
#ifndef CERTC_TESTS_LEDGER_LEDGERTESTSUPPORT_H
#define CERTC_TESTS_LEDGER_LEDGERTESTSUPPORT_H

#include "TestPolicy.h"

namespace certc::ledger::test {

class LedgerTest : public ::testing::Test {
protected:
  ir::Policy P = makeTestPolicy();
  LedgerSchema S{P};

  ReadResult readJson(const std::string &Text, const LedgerLimits &Limits = {}) {
    return readJsonLedger(S, "ledger.json", Text, Limits);
  }
  ReadResult readCsv(const std::string &Members, const std::string &Activities,
                     const LedgerLimits &Limits = {}) {
    return readCsvLedger(S, "members.csv", Members, "activities.csv", Activities, Limits);
  }

  const FieldValue &memberField(const Member &M, const std::string &Name) {
    return checkedField(M.Fields, fieldIndex(P.MemberFields, Name));
  }
  const FieldValue &activityField(const Activity &A, const std::string &Name) {
    return checkedField(A.Fields, fieldIndex(P.Kinds.at(A.Kind).Fields, Name));
  }
  static const FieldValue &checkedField(llvm::ArrayRef<FieldValue> Fields, size_t I) {
    static const FieldValue Missing;
    if (I < Fields.size())
      return Fields[I];
    ADD_FAILURE() << "field " << I << " of " << Fields.size();
    return Missing;
  }
  ir::SymbolId symbol(const std::string &Name) {
    for (size_t I = 0; I < P.Symbols.size(); ++I)
      if (P.Symbols[I] == Name)
        return static_cast<ir::SymbolId>(I);
    ADD_FAILURE() << "no symbol " << Name;
    return ir::None;
  }

public:
  /// One JSON ledger object for member Id with the given activity objects;
  /// MemberExtra is spliced into the member object after the required fields.
  static std::string ledger(const std::string &Id, const std::string &Activities,
                            const std::string &MemberExtra = "") {
    return "{\"member\": {\"id\": \"" + Id +
           "\", \"region\": 3, \"membership\": \"full\", \"member_since\": \"2010-05-01\"" +
           MemberExtra + "},\n \"activities\": [\n" + Activities + "\n]}";
  }
  /// S with the first From replaced by To.
  static std::string replaced(std::string S, const std::string &From, const std::string &To) {
    size_t At = S.find(From);
    EXPECT_NE(At, std::string::npos) << From;
    return At == std::string::npos ? S : S.replace(At, From.size(), To);
  }
  static std::string course(const std::string &Id, const std::string &Extra = "") {
    return "{\"id\": \"" + Id +
           "\", \"kind\": \"institute_course\", \"date\": \"2019-04-02\", \"hours\": 7.5" +
           Extra + "}";
  }
};

/// Checks that R holds exactly one error and that it says what is expected.
#define EXPECT_ONE_ERROR(R, At, MemberId, ActivityId, FieldName, MessagePart)                 \
  do {                                                                                        \
    const ::certc::ledger::ReadResult &Result_ = (R);                                         \
    ASSERT_EQ(Result_.Errors.size(), 1u) << ::certc::ledger::test::allErrors(Result_);        \
    const ::certc::ledger::LedgerError &E_ = Result_.Errors[0];                               \
    ::certc::ledger::test::Place At_ = (At);                                                  \
    EXPECT_EQ(E_.Line, At_.Line) << E_.str();                                                 \
    EXPECT_EQ(E_.Col, At_.Col) << E_.str();                                                   \
    EXPECT_EQ(E_.Member, MemberId) << E_.str();                                               \
    EXPECT_EQ(E_.Activity, ActivityId) << E_.str();                                           \
    EXPECT_EQ(E_.Field, FieldName) << E_.str();                                               \
    EXPECT_NE(E_.Message.find(MessagePart), std::string::npos) << E_.str();                   \
  } while (false)

} // namespace certc::ledger::test

#endif
