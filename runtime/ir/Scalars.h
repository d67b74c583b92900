// Canonical text of the IR's scalar values, and parsers that accept only that text.
#ifndef CERTC_IR_SCALARS_H
#define CERTC_IR_SCALARS_H

#include "base/Rational.h"

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace certc::ir {

// Each value has exactly one text, so that equal policies serialise to equal bytes.

/// "18", "-3" or "7/2": numerator and denominator in lowest terms, exact for
/// every Rational (unlike Rational::str, which prefers decimals for people).
std::string rationalText(Rational R);
std::optional<Rational> parseRationalText(llvm::StringRef Text);

/// "0x0", "0x1f": lowercase hexadecimal without leading zeros.
std::string maskText(uint64_t Mask);
std::optional<uint64_t> parseMaskText(llvm::StringRef Text);

} // namespace certc::ir

#endif
