// Lowercase names of the IR's enumerations, shared by the JSON form and the printer.
#ifndef CERTC_IR_NAMES_H
#define CERTC_IR_NAMES_H

#include "ir/IR.h"

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace certc::ir {

// Each name function returns "invalid" for a value outside the enumeration (a
// Policy built by hand can hold one); the parse functions accept only the names.
llvm::StringRef valueTypeName(ValueType T);
std::optional<ValueType> parseValueType(llvm::StringRef Name);

llvm::StringRef valueKindName(Value::Kind K);
std::optional<Value::Kind> parseValueKind(llvm::StringRef Name);

llvm::StringRef cmpName(Cmp C);
std::optional<Cmp> parseCmp(llvm::StringRef Name);
/// The operator as written in printed expressions ("=", "<=", ...).
llvm::StringRef cmpSymbol(Cmp C);

llvm::StringRef earningKindName(Earning::Kind K);
std::optional<Earning::Kind> parseEarningKind(llvm::StringRef Name);

llvm::StringRef roundingModeName(Rounding::Mode M);
std::optional<Rounding::Mode> parseRoundingMode(llvm::StringRef Name);

} // namespace certc::ir

#endif
