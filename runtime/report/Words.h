// The policy's own words in every report: how the program is named, what the
// verdict says and what amounts are counted in (language.md, the policy header).
#ifndef CERTC_REPORT_WORDS_H
#define CERTC_REPORT_WORDS_H

#include "ir/IR.h"

#include <string>

namespace certc::report {

/// "IIMC Certified Municipal Clerk (CMC)", or the title alone for a program
/// that awards no designation.
std::string programHeading(const ir::Policy &P);

/// The policy's verdict words (`verdict "compliant" else "not compliant"`) as
/// written, or Default's eligible / not yet eligible.
enum class VerdictCase { Upper, Sentence };
std::string verdictWords(const ir::Policy &P, bool Eligible, VerdictCase Default);

/// "Points", "Hours", "Contact hours": the counting unit as a heading.
std::string unitHeading(const ir::Policy &P, bool Plural);

} // namespace certc::report

#endif
