// Checks on raw policy bytes made before ANTLR sees them: size, encoding, nesting.
#ifndef CERTC_PARSE_INPUTCHECK_H
#define CERTC_PARSE_INPUTCHECK_H

#include "diag/Diagnostics.h"

namespace certc {

/// Reports E0016 and returns false when Text is too large, is not UTF-8 text, or
/// nests brackets or `not` deeper than the stated limits.
bool checkPolicyInput(llvm::StringRef Text, DiagnosticEngine &Diags);

} // namespace certc

#endif
