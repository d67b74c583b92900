// Text in conditions: `first letter of NAME` and `TEXT in "A" to "L"` (for
// compliance periods by last-name group); `=` and `!=` on texts are in
// handleCompare.
#include "check/Checker.h"

namespace certc {

using namespace sema;

Type Checker::handleFirstLetter(const ast::Expr &E, Context C) {
  Type T = operandOfKind(*E.Kids[0], C, Type::Kind::Text, diag::FirstLetterOfNonText);
  return T.isError() ? T : Type::text();
}

Type Checker::handleInTextRange(const ast::Expr &E, Context C) {
  Type T = operandOfKind(*E.Kids[0], C, Type::Kind::Text, diag::TextRangeOfNonText);
  if (T.isError())
    return T;
  // The evaluator ignores the case of a-z; so does this check.
  if (llvm::StringRef(E.HighText).compare_insensitive(E.Text) < 0) {
    Diags.report(diag::EmptyRange, E.Range, "\"" + E.Text + "\"", "\"" + E.HighText + "\"");
    return Type::error();
  }
  return Type::boolean();
}

} // namespace certc
