// A small hand-built policy with every field shape the ledger readers handle.
#ifndef CERTC_TESTS_LEDGER_TESTPOLICY_H
#define CERTC_TESTS_LEDGER_TESTPOLICY_H

#include "ledger/Ledger.h"

#include <gtest/gtest.h>
#include <string>

namespace certc::ledger::test {

inline ir::Field field(const char *Name, ir::ValueType Type, bool Required = false,
                       uint32_t Enum = ir::None) {
  ir::Field F;
  F.Name = Name;
  F.Type = Type;
  F.Required = Required;
  F.Enum = Enum;
  return F;
}

inline ir::Value boolValue(bool B) {
  ir::Value V;
  V.K = ir::Value::Kind::Bool;
  V.Bool = B;
  return V;
}

inline ir::Value emptySet() {
  ir::Value V;
  V.K = ir::Value::Kind::Set;
  return V;
}

/// Member fields: id, name, region (1..11), membership, member_since,
/// core_duties, ethics_affirmed, enrolled, designations. Kinds:
/// institute_course (date, hours, assessed, level, session) and the period
/// kind employment (start, end, schedule); both with title, documented, used_for.
inline ir::Policy makeTestPolicy() {
  using ir::ValueType;
  ir::Policy P;
  auto Symbol = [&](const char *Name) {
    P.Symbols.push_back(Name);
    return static_cast<ir::SymbolId>(P.Symbols.size() - 1);
  };
  auto Enum = [&](const char *Name, std::initializer_list<const char *> Values) {
    ir::EnumType E;
    E.Name = Name;
    for (const char *V : Values)
      E.Values.push_back(Symbol(V));
    P.Enums.push_back(E);
    return static_cast<uint32_t>(P.Enums.size() - 1);
  };
  uint32_t Designation = Enum("designation", {"CMC", "MMC"});
  P.DesignationEnum = Designation;
  uint32_t Membership = Enum("membership", {"full", "associate", "retired"});
  uint32_t Duty = Enum("duty", {"elections", "records_management", "financial_management"});
  uint32_t Level = Enum("level", {"cmc", "mmc"});
  uint32_t Schedule = Enum("schedule", {"full_time", "part_time"});
  P.Units.push_back({"hour", "hours", ir::None, 1});

  ir::Field Region = field("region", ValueType::Integer, true);
  Region.IntMin = 1;
  Region.IntMax = 11;
  ir::Field Duties = field("core_duties", ValueType::EnumSet, false, Duty);
  Duties.Default = emptySet();
  ir::Field Ethics = field("ethics_affirmed", ValueType::Bool);
  Ethics.Default = boolValue(false);
  ir::Field Enrolled = field("enrolled", ValueType::EnumSet, false, Designation);
  Enrolled.Default = emptySet();
  ir::Field Held = field("designations", ValueType::Awards);
  Held.Default.K = ir::Value::Kind::Awards;
  P.MemberFields = {field("id", ValueType::Text, true),
                    field("name", ValueType::Text),
                    Region,
                    field("membership", ValueType::Enum, true, Membership),
                    field("member_since", ValueType::Date, true),
                    Duties,
                    Ethics,
                    Enrolled,
                    Held};

  ir::Field Documented = field("documented", ValueType::Bool);
  Documented.Default = boolValue(true);
  ir::Field UsedFor = field("used_for", ValueType::EnumSet, false, Designation);
  UsedFor.Default = emptySet();
  std::vector<ir::Field> Common = {field("title", ValueType::Text), Documented, UsedFor};

  ir::ActivityKind Course;
  Course.Name = Symbol("institute_course");
  Course.Fields = Common;
  ir::Field Hours = field("hours", ValueType::Quantity, true);
  Hours.Unit = 0;
  ir::Field Assessed = field("assessed", ValueType::Bool);
  Assessed.Default = boolValue(false);
  for (ir::Field F : {field("date", ValueType::Date, true), Hours, Assessed,
                      field("level", ValueType::Enum, false, Level),
                      field("session", ValueType::Text)})
    Course.Fields.push_back(F);

  ir::ActivityKind Employment;
  Employment.Name = Symbol("employment");
  Employment.IsPeriod = true;
  Employment.Fields = Common;
  for (ir::Field F : {field("start", ValueType::Date, true), field("end", ValueType::Date),
                      field("schedule", ValueType::Enum, true, Schedule)})
    Employment.Fields.push_back(F);

  P.Kinds = {Course, Employment};
  return P;
}

/// Line and column (1-based, in bytes) of the first occurrence of Needle.
struct Place {
  uint32_t Line = 0, Col = 0;
};
inline Place placeOf(const std::string &Text, const std::string &Needle, size_t From = 0) {
  size_t At = Text.find(Needle, From);
  EXPECT_NE(At, std::string::npos) << "test text lacks " << Needle;
  if (At == std::string::npos)
    return {};
  Place P{1, 1};
  for (size_t I = 0; I < At; ++I) {
    if (Text[I] == '\n') {
      ++P.Line;
      P.Col = 1;
    } else {
      ++P.Col;
    }
  }
  return P;
}

/// Index of a field by name, so tests read like the ledger.
inline size_t fieldIndex(const std::vector<ir::Field> &Fields, const std::string &Name) {
  for (size_t I = 0; I < Fields.size(); ++I)
    if (Fields[I].Name == Name)
      return I;
  ADD_FAILURE() << "no field " << Name;
  return 0;
}

inline std::string allErrors(const ReadResult &R) {
  std::string S;
  for (const LedgerError &E : R.Errors)
    S += E.str() + "\n";
  return S;
}

} // namespace certc::ledger::test

#endif
