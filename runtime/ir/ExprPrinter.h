// Readable text for IR expressions and values, e.g. "(level = cmc) and assessed".
#ifndef CERTC_IR_EXPRPRINTER_H
#define CERTC_IR_EXPRPRINTER_H

#include "ir/IR.h"

#include <string>

namespace certc::ir {

/// Renders expression Root. Kind is the current activity kind (a Policy::Kinds
/// index, None outside rules), which names activity fields. Safe on unverified
/// policies: bad references print as "<expr N>" or "<field N>", and output is
/// bounded by the verifier's depth and size limits ("..." beyond them).
std::string printExpr(const Policy &P, ExprId Root, uint32_t Kind);

/// Renders a value; Enum (or None) names the values of Set values.
std::string printValue(const Policy &P, const Value &V, uint32_t Enum = None);

/// S in double quotes, with quotes, backslashes and control characters escaped.
std::string quoteText(const std::string &S);

} // namespace certc::ir

#endif
