// The operator table: what each Op uses, shared by the JSON form, verifier and printer.
#ifndef CERTC_IR_OPINFO_H
#define CERTC_IR_OPINFO_H

#include "ir/IR.h"

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>

namespace certc::ir {

/// One row per operator; a single table keeps the writer, reader, verifier and
/// printer in agreement about which Expr members an operator uses.
struct OpInfo {
  const char *Name; ///< lowercase name, used in JSON
  const char *AKey; ///< JSON key of Expr::A, or nullptr when A is unused
  bool ASigned;     ///< A holds an int32 (AddMonths, AddDays)
  bool HasCmp;      ///< Expr::C is used
  bool HasMask;     ///< Expr::Mask is used
  bool HasPairs;    ///< Expr::Pairs is used
  uint32_t MinArgs;
  uint32_t MaxArgs; ///< UINT32_MAX: unbounded; 0: Expr::Args is unused
};

/// The operator's row, or nullptr for a value outside Op.
const OpInfo *opInfo(Op O);
std::optional<Op> parseOp(llvm::StringRef Name);
/// The operator's name, "invalid" outside Op.
llvm::StringRef opName(Op O);

} // namespace certc::ir

#endif
