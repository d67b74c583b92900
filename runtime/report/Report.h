// Renders audits: a status update a member can act on, or one JSON object per
// line for tools (schema: docs/run-output.md). Deterministic, byte for byte.
#ifndef CERTC_REPORT_REPORT_H
#define CERTC_REPORT_REPORT_H

#include "eval/Audit.h"

#include "llvm/Support/raw_ostream.h"

namespace certc::report {

void printTextReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A);
void printJsonReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A);

} // namespace certc::report

#endif
