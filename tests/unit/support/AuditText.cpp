// Compiles, reads and audits in memory; any failure ends the test binary.
#include "support/AuditText.h"
#include "support/CompileText.h"

#include "eval/Evaluate.h"
#include "ledger/Ledger.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace certc::testsupport {

AuditRun auditText(const std::string &PolicyText, const std::string &Ledger, const char *AsOf) {
  Compiled C = compileText(PolicyText);
  if (!C.Policy) {
    ADD_FAILURE() << "policy does not compile: " << (C.Messages.empty() ? "" : C.Messages[0]);
    std::exit(1);
  }
  AuditRun R{std::move(*C.Policy), {}};
  eval::PolicyIndex Index(R.Policy);
  ledger::ReadResult Read = ledger::readJsonLedger(R.Policy, "t.json", Ledger);
  if (!Read.Errors.empty() || Read.Members.size() != 1) {
    ADD_FAILURE() << "ledger does not read: " << (Read.Errors.empty() ? "" : Read.Errors[0].str());
    std::exit(1);
  }
  auto A = eval::evaluate(Index, Read.Members[0], *Date::parse(AsOf));
  if (!A) {
    ADD_FAILURE() << llvm::toString(A.takeError());
    std::exit(1);
  }
  R.Audit = std::move(*A);
  return R;
}

} // namespace certc::testsupport
