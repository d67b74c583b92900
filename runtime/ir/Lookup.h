// Bounds-checked lookups into a Policy's tables, for code that cannot trust its indices.
#ifndef CERTC_IR_LOOKUP_H
#define CERTC_IR_LOOKUP_H

#include "ir/IR.h"

#include <cstdint>
#include <string>

namespace certc::ir {

/// The symbol's text, or "#N" for an index outside the table.
std::string symbolName(const Policy &P, SymbolId S);
std::string enumName(const Policy &P, uint32_t Enum);
std::string unitName(const Policy &P, uint32_t Unit, bool Plural);
std::string categoryName(const Policy &P, uint32_t Category);
std::string capName(const Policy &P, uint32_t Cap);
/// The kind's name symbol, for a Policy::Kinds index.
std::string kindName(const Policy &P, uint32_t Kind);

/// How reports and messages name the program: the designation's code, or the
/// quoted title for a program that awards no designation (a maintenance program).
std::string programName(const Policy &P);

/// The Policy::Kinds index of the kind named by symbol Name, or None.
uint32_t kindIndexOf(const Policy &P, SymbolId Name);
/// Whether S is one of Enum's values (false for an invalid Enum).
bool enumHas(const Policy &P, uint32_t Enum, SymbolId S);
/// The bits an Enum's sets may use: one per value (0 for an invalid Enum).
uint64_t enumMask(const Policy &P, uint32_t Enum);

} // namespace certc::ir

#endif
