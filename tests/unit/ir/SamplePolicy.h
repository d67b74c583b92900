// A small but realistic policy built by hand, shared by the IR tests.
#ifndef CERTC_TESTS_IR_SAMPLEPOLICY_H
#define CERTC_TESTS_IR_SAMPLEPOLICY_H

#include "ir/IR.h"

namespace certc::ir::test {

/// Indices into the sample's tables, so tests can break one thing at a time.
namespace sample {
enum EnumIdx : uint32_t { DesignationEnum, LevelEnum, DeliveryEnum, GovernmentEnum };
enum UnitIdx : uint32_t { Hour, Minute, Point };
enum KindIdx : uint32_t { Course, Conference };
enum CategoryIdx : uint32_t { Education, Experience };
enum CapIdx : uint32_t { OnlineLimit, WebinarLimit };
enum RuleIdx : uint32_t { Athenian, OnlineCourse, ConferenceAttendance, AcademySeries };
// Course fields.
enum CourseField : uint32_t {
  CTitle,
  CDocumented,
  CUsedFor,
  CLevel,
  CHours,
  CDelivery,
  CAssessed,
  CMinutes
};
// Conference fields.
enum ConferenceField : uint32_t {
  FStart,
  FEnd,
  FTitle,
  FDocumented,
  FUsedFor,
  FDays,
  FPointsAwarded
};
// Member fields.
enum MemberField : uint32_t { MJoined, MBirthDate, MGovernments, MAwards, MYearsInOffice };
} // namespace sample

/// Two enums besides designations, member fields, a plain and a period kind,
/// two categories, a combination requirement, a spillover, prerequisites, nested
/// caps and four rules with dated earnings, conditions and citations. Verifies,
/// and carries its content hash.
Policy makeSamplePolicy();

/// Adds E to P's arena and returns its id.
ExprId addExpr(Policy &P, Expr E);
/// Adds a constant and a Const node reading it; returns the node.
ExprId addConst(Policy &P, Value V);
SymbolId symbolId(const Policy &P, const char *Name);

} // namespace certc::ir::test

#endif
