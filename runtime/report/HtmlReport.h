// The member's report as one self-contained HTML page: inline CSS, no scripts,
// no external assets, so that staff can mail or print it as it is. Each member
// is a section with a progress bar per point requirement, the prerequisites,
// the credited items with their derivation, the items not credited with the
// reason, and the guideline text behind each rule and requirement. Layout:
// docs/run-output.md. Deterministic, byte for byte.
#ifndef CERTC_REPORT_HTMLREPORT_H
#define CERTC_REPORT_HTMLREPORT_H

#include "eval/Audit.h"

#include "llvm/Support/raw_ostream.h"

namespace certc::report {

/// The page's head, its style and the policy's heading: once, before the first member.
void beginHtmlPage(llvm::raw_ostream &OS, const ir::Policy &P, Date AsOf);
/// One member's section; independent of the other members, so members can be
/// rendered in parallel and joined in ledger order.
void printHtmlReport(llvm::raw_ostream &OS, const ir::Policy &P, const eval::Audit &A);
/// Closes the page; says so when no member was audited.
void endHtmlPage(llvm::raw_ostream &OS, size_t MembersShown);

/// S with `&`, `<`, `>`, `"` and `'` written as character references, and
/// control bytes as `\xNN` text, so that no input can add markup or hide text.
std::string escapeHtml(llvm::StringRef S);

/// An explanation (a reason, a note) escaped, with the names it quotes in
/// backticks (``the 40-point cap of `full_time_clerk` ``) set as <code>.
std::string htmlExplanation(llvm::StringRef S);

/// The width of a requirement's bar: the whole percent of Required that Points
/// reach, from 0 to 100 (more than Required shows a full bar).
unsigned percentReached(const Rational &Points, const Rational &Required);

} // namespace certc::report

#endif
