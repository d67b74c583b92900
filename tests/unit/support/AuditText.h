// Audits one member of an in-memory ledger against in-memory policy text, for
// unit tests of the evaluator and the reports.
#ifndef CERTC_TESTS_AUDITTEXT_H
#define CERTC_TESTS_AUDITTEXT_H

#include "eval/Audit.h"
#include "ir/IR.h"

#include <string>

namespace certc::testsupport {

/// Audit refers into Policy; moving an AuditRun keeps that valid because the
/// referenced names and rules live in the policy's vectors, whose storage moves.
struct AuditRun {
  ir::Policy Policy;
  eval::Audit Audit;
};

/// The policy text (see compileText) and a JSON ledger of exactly one member.
/// A fixture that does not compile, read or audit fails the test and stops the
/// test binary: nothing after it could use what is missing.
AuditRun auditText(const std::string &PolicyText, const std::string &Ledger, const char *AsOf);

} // namespace certc::testsupport

#endif
