// Bounds-checked table lookups; out-of-range indices render as "#N".
#include "ir/Lookup.h"

#include "llvm/ADT/STLExtras.h"

namespace certc::ir {

namespace {
std::string missing(uint32_t I) { return I == None ? "none" : "#" + std::to_string(I); }
} // namespace

std::string symbolName(const Policy &P, SymbolId S) {
  return S < P.Symbols.size() ? P.Symbols[S] : missing(S);
}

std::string programName(const Policy &P) {
  return P.Designation == None ? "\"" + P.Title + "\"" : symbolName(P, P.Designation);
}

std::string enumName(const Policy &P, uint32_t Enum) {
  return Enum < P.Enums.size() ? P.Enums[Enum].Name : missing(Enum);
}

std::string unitName(const Policy &P, uint32_t Unit, bool Plural) {
  if (Unit >= P.Units.size())
    return missing(Unit);
  return Plural ? P.Units[Unit].Plural : P.Units[Unit].Singular;
}

std::string categoryName(const Policy &P, uint32_t Category) {
  return Category < P.Categories.size() ? P.Categories[Category].Name : missing(Category);
}

std::string capName(const Policy &P, uint32_t Cap) {
  return Cap < P.Caps.size() ? P.Caps[Cap].Name : missing(Cap);
}

std::string kindName(const Policy &P, uint32_t Kind) {
  return Kind < P.Kinds.size() ? symbolName(P, P.Kinds[Kind].Name) : missing(Kind);
}

uint32_t kindIndexOf(const Policy &P, SymbolId Name) {
  for (size_t I = 0; I < P.Kinds.size(); ++I)
    if (P.Kinds[I].Name == Name)
      return static_cast<uint32_t>(I);
  return None;
}

bool enumHas(const Policy &P, uint32_t Enum, SymbolId S) {
  return Enum < P.Enums.size() && llvm::is_contained(P.Enums[Enum].Values, S);
}

uint64_t enumMask(const Policy &P, uint32_t Enum) {
  if (Enum >= P.Enums.size())
    return 0;
  size_t N = P.Enums[Enum].Values.size();
  return N >= 64 ? ~uint64_t(0) : (uint64_t(1) << N) - 1;
}

} // namespace certc::ir
