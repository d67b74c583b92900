// Name tables for the IR's enumerations, in declaration order.
#include "ir/Names.h"

#include <iterator>

namespace certc::ir {

namespace {
template <typename EnumT, size_t N> llvm::StringRef nameIn(EnumT V, const char *const (&Names)[N]) {
  size_t I = static_cast<size_t>(V);
  return I < N ? Names[I] : "invalid";
}

template <typename EnumT, size_t N>
std::optional<EnumT> lookupIn(llvm::StringRef Name, const char *const (&Names)[N]) {
  for (size_t I = 0; I < N; ++I)
    if (Name == Names[I])
      return static_cast<EnumT>(I);
  return std::nullopt;
}

const char *const ValueTypeNames[] = {"text", "bool", "integer",  "quantity",
                                      "date", "enum", "enum_set", "awards"};
const char *const ValueKindNames[] = {"absent", "bool",   "number", "date",
                                      "text",   "symbol", "set",    "awards"};
const char *const CmpNames[] = {"eq", "ne", "lt", "le", "gt", "ge"};
const char *const CmpSymbols[] = {"=", "!=", "<", "<=", ">", ">="};
const char *const EarningKindNames[] = {"fixed", "rate", "awarded"};
const char *const RoundingModeNames[] = {"exact", "down", "up", "nearest"};

static_assert(std::size(ValueTypeNames) == size_t(ValueType::Awards) + 1);
static_assert(std::size(ValueKindNames) == size_t(Value::Kind::Awards) + 1);
static_assert(std::size(CmpNames) == size_t(Cmp::Ge) + 1);
static_assert(std::size(EarningKindNames) == size_t(Earning::Kind::Awarded) + 1);
static_assert(std::size(RoundingModeNames) == size_t(Rounding::Mode::Nearest) + 1);
} // namespace

llvm::StringRef valueTypeName(ValueType T) { return nameIn(T, ValueTypeNames); }
std::optional<ValueType> parseValueType(llvm::StringRef Name) {
  return lookupIn<ValueType>(Name, ValueTypeNames);
}

llvm::StringRef valueKindName(Value::Kind K) { return nameIn(K, ValueKindNames); }
std::optional<Value::Kind> parseValueKind(llvm::StringRef Name) {
  return lookupIn<Value::Kind>(Name, ValueKindNames);
}

llvm::StringRef cmpName(Cmp C) { return nameIn(C, CmpNames); }
std::optional<Cmp> parseCmp(llvm::StringRef Name) { return lookupIn<Cmp>(Name, CmpNames); }
llvm::StringRef cmpSymbol(Cmp C) { return nameIn(C, CmpSymbols); }

llvm::StringRef earningKindName(Earning::Kind K) { return nameIn(K, EarningKindNames); }
std::optional<Earning::Kind> parseEarningKind(llvm::StringRef Name) {
  return lookupIn<Earning::Kind>(Name, EarningKindNames);
}

llvm::StringRef roundingModeName(Rounding::Mode M) { return nameIn(M, RoundingModeNames); }
std::optional<Rounding::Mode> parseRoundingMode(llvm::StringRef Name) {
  return lookupIn<Rounding::Mode>(Name, RoundingModeNames);
}

} // namespace certc::ir
