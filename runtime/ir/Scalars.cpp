// Canonical scalar texts; parsing re-renders and compares to reject every variant.
#include "ir/Scalars.h"

#include "llvm/ADT/StringExtras.h"

namespace certc::ir {

std::string rationalText(Rational R) {
  std::string Text = std::to_string(R.num());
  if (!R.isInteger())
    Text += "/" + std::to_string(R.den());
  return Text;
}

std::optional<Rational> parseRationalText(llvm::StringRef Text) {
  llvm::StringRef Rest = Text;
  bool Negative = Rest.consume_front("-");
  auto [NumText, DenText] = Rest.split('/');
  uint64_t Num = 0, Den = 1;
  if (NumText.empty() || NumText.getAsInteger(10, Num) || Num > uint64_t(INT64_MAX))
    return std::nullopt;
  if (Rest.contains('/') &&
      (DenText.empty() || DenText.getAsInteger(10, Den) || Den > uint64_t(INT64_MAX)))
    return std::nullopt;
  int64_t SignedNum = static_cast<int64_t>(Num);
  std::optional<Rational> R =
      Rational::make(Negative ? -SignedNum : SignedNum, static_cast<int64_t>(Den));
  // "4/2", "3/1", "-0", "007" and "+3" all differ from the canonical text.
  if (!R || rationalText(*R) != Text)
    return std::nullopt;
  return R;
}

std::string maskText(uint64_t Mask) { return "0x" + llvm::utohexstr(Mask, /*LowerCase=*/true); }

std::optional<uint64_t> parseMaskText(llvm::StringRef Text) {
  llvm::StringRef Digits = Text;
  uint64_t Mask = 0;
  if (!Digits.consume_front("0x") || Digits.empty() || Digits.size() > 16 ||
      Digits.getAsInteger(16, Mask) || maskText(Mask) != Text)
    return std::nullopt;
  return Mask;
}

} // namespace certc::ir
