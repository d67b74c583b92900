// A small policy and ledger shared by the staff tests: an either-or rule, a
// capped rate rule, a waivable and a not waivable prerequisite.
#ifndef CERTC_TESTS_STAFF_STAFFPOLICY_H
#define CERTC_TESTS_STAFF_STAFFPOLICY_H

#include "eval/Audit.h"
#include "eval/PolicyIndex.h"
#include "ledger/Ledger.h"

#include <memory>
#include <string>

namespace certc::stafftest {

struct Fixture {
  ir::Policy Policy;
  std::unique_ptr<eval::PolicyIndex> Index;
  ledger::Member Member;
};

/// The policy with the member whose activities (JSON array elements) are given.
std::unique_ptr<Fixture> makeFixture(const std::string &Activities, const std::string &MemberSince = "2015-01-01");

inline Date auditDate() { return *Date::parse("2026-11-23"); }

} // namespace certc::stafftest

#endif
