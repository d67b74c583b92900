// The staff tests' policy, compiled once per fixture.
#include "StaffPolicy.h"

#include "support/CompileText.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace certc::stafftest {

namespace {
const char *PolicyText = R"(policy "Staff" for CMC source guidelines.
category Education.
category Experience.
requirement education: Education at least 10 points cite guidelines, "s", "q".
requirement experience: Experience at least 4 points cite guidelines, "s", "q".
prerequisite ethics: ethics_affirmed else "must affirm the Code" not waivable cite guidelines, "s", "q".
prerequisite two_years: years since member_since at least 2 years else "two years" cite guidelines, "s", "q".
rule institute: each institute_course earns 1 point per 2 contact_hours into Education at most 8 points
  cite guidelines, "s", "q".
rule conference: each conference where hours is given earns 1 point per 4 hours into Education or Experience
  cite guidelines, "s", "q".
rule clerk_years: each employment where role = clerk earns 2 points per year into Experience
  cite guidelines, "s", "q".
)";
} // namespace

std::unique_ptr<Fixture> makeFixture(const std::string &Activities, const std::string &MemberSince) {
  testsupport::Compiled C = testsupport::compileText(PolicyText);
  if (!C.Policy) {
    ADD_FAILURE() << "policy does not compile: " << (C.Messages.empty() ? "" : C.Messages[0]);
    std::exit(1);
  }
  auto F = std::make_unique<Fixture>();
  F->Policy = std::move(*C.Policy);
  F->Index = std::make_unique<eval::PolicyIndex>(F->Policy);
  std::string Ledger = R"({"member": {"id": "m1", "region": 4, "membership": "full", "member_since": ")" + MemberSince +
                       R"(", "position": "clerk", "ethics_affirmed": true}, "activities": [)" + Activities + "]}";
  ledger::ReadResult Read = ledger::readJsonLedger(F->Policy, "t.json", Ledger);
  if (!Read.Errors.empty() || Read.Members.size() != 1) {
    ADD_FAILURE() << "ledger does not read: " << (Read.Errors.empty() ? "" : Read.Errors[0].str());
    std::exit(1);
  }
  F->Member = std::move(Read.Members[0]);
  return F;
}

} // namespace certc::stafftest
