// Exact point arithmetic. Points, rates and quantities are rationals over 64-bit
// integers; every operation reports overflow instead of producing a wrong number.
#ifndef CERTC_BASE_RATIONAL_H
#define CERTC_BASE_RATIONAL_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>

namespace certc {

class Rational {
public:
  Rational() = default;
  /*implicit*/ Rational(int64_t Whole) : Num(Whole), Den(1) {}

  /// Builds Num/Den in lowest terms; nullopt when Den is zero or on overflow.
  static std::optional<Rational> make(int64_t Num, int64_t Den);
  /// Parses "12", "-3", "7.5", "0.125" or "1/2" exactly; nullopt when malformed
  /// or too large.
  static std::optional<Rational> parse(llvm::StringRef Text);

  int64_t num() const { return Num; }
  int64_t den() const { return Den; }
  bool isZero() const { return Num == 0; }
  bool isNegative() const { return Num < 0; }
  bool isInteger() const { return Den == 1; }
  /// Whether the value is a finite decimal (its denominator divides a power of ten).
  bool hasFiniteDecimal() const;

  std::optional<Rational> add(Rational Other) const;
  std::optional<Rational> sub(Rational Other) const;
  std::optional<Rational> mul(Rational Other) const;
  std::optional<Rational> div(Rational Other) const;
  /// Largest multiple of Step not above this value (Step > 0).
  std::optional<Rational> floorTo(Rational Step) const;
  /// Smallest multiple of Step not below this value (Step > 0).
  std::optional<Rational> ceilTo(Rational Step) const;
  /// Nearest multiple of Step, halves rounded up (Step > 0).
  std::optional<Rational> roundTo(Rational Step) const;

  int compare(Rational Other) const;
  bool operator==(Rational O) const { return Num == O.Num && Den == O.Den; }
  bool operator!=(Rational O) const { return !(*this == O); }
  bool operator<(Rational O) const { return compare(O) < 0; }
  bool operator<=(Rational O) const { return compare(O) <= 0; }
  bool operator>(Rational O) const { return compare(O) > 0; }
  bool operator>=(Rational O) const { return compare(O) >= 0; }

  /// Decimal text when the value has a finite decimal expansion ("7.5", "18"),
  /// otherwise a fraction ("7/3"). The only place points become text.
  void print(llvm::raw_ostream &OS) const;
  std::string str() const;

private:
  Rational(int64_t N, int64_t D, bool) : Num(N), Den(D) {}
  int64_t Num = 0;
  int64_t Den = 1;
};

inline llvm::raw_ostream &operator<<(llvm::raw_ostream &OS, const Rational &R) {
  R.print(OS);
  return OS;
}

} // namespace certc

#endif
