// Expression checks for the verifier: the arena's shape, then types in context.
#ifndef CERTC_IR_EXPRCHECKER_H
#define CERTC_IR_EXPRCHECKER_H

#include "ir/IR.h"

#include "llvm/Support/Error.h"
#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace certc::ir {

/// What the verifier knows about an expression's value.
struct ExprType {
  enum class Kind : uint8_t { Absent, Bool, Number, Date, Text, Symbol, Set, Awards };
  Kind K = Kind::Absent;
  uint32_t Enum = None;   ///< Symbol, Set: the enumeration; None for constants
  SymbolId Symbol = None; ///< a Symbol constant: which symbol
};

/// The type of values of a field (its Type must be a valid ValueType).
ExprType fieldType(const Field &F);

class ExprChecker {
public:
  /// P's symbols, enums, units, fields, kinds and consts must already be verified.
  explicit ExprChecker(const Policy &P) : P(P) {}

  /// Context-free checks of every node: a known operator with the right number
  /// of operands, each before the node itself (so the arena is acyclic), indices
  /// that do not depend on the context, and the depth and size limits. Must
  /// succeed before typeOf is used, which relies on it.
  llvm::Error checkArena();

  /// The type of Root evaluated with current activity kind Kind (an index into
  /// Policy::Kinds; None where there is no current activity, as in prerequisites).
  llvm::Expected<ExprType> typeOf(ExprId Root, uint32_t Kind);

private:
  const Policy &P;
  std::map<std::pair<ExprId, uint32_t>, ExprType> Memo;

  llvm::Error checkNode(ExprId Id);
  llvm::Expected<ExprType> compute(ExprId Id, uint32_t Kind);
  llvm::Expected<ExprType> computeCompare(ExprId Id, uint32_t Kind);
  llvm::Expected<ExprType> computeSameFields(ExprId Id, uint32_t Kind);
  llvm::Error expectOperand(ExprId Id, size_t Operand, uint32_t Kind, ExprType::Kind Wanted,
                            ExprType *Out = nullptr);
  llvm::Error fail(ExprId Id, const llvm::Twine &Msg) const;
};

/// "number", "symbol of enum 'level'", ... for messages.
std::string describeType(const Policy &P, const ExprType &T);

} // namespace certc::ir

#endif
