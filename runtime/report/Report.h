// Renders audits: a status update a member can act on, or one JSON object per
// line for tools (schema: docs/run-output.md). Deterministic, byte for byte.
#ifndef CERTC_REPORT_REPORT_H
#define CERTC_REPORT_REPORT_H

#include "eval/Audit.h"

#include "llvm/Support/raw_ostream.h"

namespace certc::report {

/// The version of the JSON lines' schema (`report_version`, docs/run-output.md):
/// bumped whenever a key is added, removed or changes meaning. Version 1 had
/// no `report_version` key.
inline constexpr unsigned RunReportVersion = 3;

/// Which of several editions audited the member, and the date that chose it.
struct EditionUsed {
  llvm::StringRef Edition;
  Date GoverningDate;
  llvm::StringRef GoverningField; ///< empty: the audit date chose
};

class ReportFragments;

/// Edition, when given, is named in the report (a run over several editions).
void printTextReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A,
                     const EditionUsed *Edition = nullptr);
void printJsonReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A,
                     const EditionUsed *Edition = nullptr);
/// The same reports, byte for byte, with what is constant per policy copied
/// from Fragments (of the policy A was audited against) rather than rendered:
/// for a caller that reports many members.
void printTextReport(llvm::raw_ostream &OS, const ReportFragments &Fragments, const eval::Audit &A,
                     const EditionUsed *Edition = nullptr);
void printJsonReport(llvm::raw_ostream &OS, const ReportFragments &Fragments, const eval::Audit &A,
                     const EditionUsed *Edition = nullptr);

} // namespace certc::report

#endif
