// Exact rational arithmetic with overflow detection.
#include "base/Rational.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

namespace certc {

namespace {
using Wide = __int128;

std::optional<Rational> fromWide(Wide N, Wide D) {
  if (D == 0)
    return std::nullopt;
  if (D < 0) {
    N = -N;
    D = -D;
  }
  // Points are small: reducing in 64 bits spares the 128-bit divisions
  // (__modti3 was 1.5% of a typical audit). INT64_MIN is left to the wide path,
  // which may still reduce it into range.
  if (N > INT64_MIN && N <= INT64_MAX && D <= INT64_MAX)
    return Rational::make(static_cast<int64_t>(N), static_cast<int64_t>(D));
  Wide A = N < 0 ? -N : N, B = D;
  while (B != 0) {
    Wide T = A % B;
    A = B;
    B = T;
  }
  if (A > 1) {
    N /= A;
    D /= A;
  }
  if (N > INT64_MAX || N < -INT64_MAX || D > INT64_MAX)
    return std::nullopt;
  return Rational::make(static_cast<int64_t>(N), static_cast<int64_t>(D));
}

Wide floorDiv(Wide A, Wide B) {
  Wide Q = A / B;
  if ((A % B != 0) && ((A < 0) != (B < 0)))
    --Q;
  return Q;
}
} // namespace

std::optional<Rational> Rational::make(int64_t N, int64_t D) {
  if (D == 1 && N != INT64_MIN) // whole numbers, most points: no gcd to take
    return Rational(N, 1, true);
  if (D == 0 || N == INT64_MIN || D == INT64_MIN)
    return std::nullopt;
  if (D < 0) {
    N = -N;
    D = -D;
  }
  int64_t G = std::gcd(N < 0 ? -N : N, D);
  if (G > 1) {
    N /= G;
    D /= G;
  }
  return Rational(N, D, true);
}

std::optional<Rational> Rational::parse(llvm::StringRef Text) {
  if (Text.empty())
    return std::nullopt;
  bool Negative = Text.consume_front("-");
  auto [WholePart, Rest] = Text.split('.');
  if (WholePart.contains('/')) {
    auto [NumText, DenText] = WholePart.split('/');
    if (Text.contains('.'))
      return std::nullopt;
    uint64_t N, D;
    if (NumText.empty() || DenText.empty() || NumText.getAsInteger(10, N) ||
        DenText.getAsInteger(10, D) || N > INT64_MAX || D > INT64_MAX)
      return std::nullopt;
    return make(Negative ? -static_cast<int64_t>(N) : static_cast<int64_t>(N),
                static_cast<int64_t>(D));
  }
  if (WholePart.empty() || WholePart.find_first_not_of("0123456789") != llvm::StringRef::npos)
    return std::nullopt;
  bool HasDot = Text.contains('.');
  if (HasDot && (Rest.empty() || Rest.find_first_not_of("0123456789") != llvm::StringRef::npos))
    return std::nullopt;
  if (WholePart.size() + Rest.size() > 18)
    return std::nullopt;
  uint64_t Digits = 0;
  for (char C : WholePart.str() + Rest.str())
    Digits = Digits * 10 + static_cast<uint64_t>(C - '0');
  int64_t Scale = 1;
  for (size_t I = 0; I < Rest.size(); ++I)
    Scale *= 10;
  int64_t N = static_cast<int64_t>(Digits);
  return make(Negative ? -N : N, Scale);
}

std::optional<Rational> Rational::add(Rational O) const {
  int64_t Sum;
  if (Den == 1 && O.Den == 1 && !__builtin_add_overflow(Num, O.Num, &Sum) && Sum != INT64_MIN)
    return Rational(Sum, 1, true);
  return fromWide(Wide(Num) * O.Den + Wide(O.Num) * Den, Wide(Den) * O.Den);
}
std::optional<Rational> Rational::sub(Rational O) const {
  int64_t Difference;
  if (Den == 1 && O.Den == 1 && !__builtin_sub_overflow(Num, O.Num, &Difference) && Difference != INT64_MIN)
    return Rational(Difference, 1, true);
  return fromWide(Wide(Num) * O.Den - Wide(O.Num) * Den, Wide(Den) * O.Den);
}
std::optional<Rational> Rational::mul(Rational O) const {
  int64_t Product;
  if (Den == 1 && O.Den == 1 && !__builtin_mul_overflow(Num, O.Num, &Product) && Product != INT64_MIN)
    return Rational(Product, 1, true);
  return fromWide(Wide(Num) * O.Num, Wide(Den) * O.Den);
}
std::optional<Rational> Rational::div(Rational O) const {
  if (O.Num == 0)
    return std::nullopt;
  return fromWide(Wide(Num) * O.Den, Wide(Den) * O.Num);
}

std::optional<Rational> Rational::floorTo(Rational Step) const {
  if (Step.Num <= 0)
    return std::nullopt;
  // floor((N/D) / (SN/SD)) * SN/SD
  Wide Q = floorDiv(Wide(Num) * Step.Den, Wide(Den) * Step.Num);
  return fromWide(Q * Step.Num, Wide(Step.Den));
}
std::optional<Rational> Rational::ceilTo(Rational Step) const {
  if (Step.Num <= 0)
    return std::nullopt;
  Wide Q = -floorDiv(-Wide(Num) * Step.Den, Wide(Den) * Step.Num);
  return fromWide(Q * Step.Num, Wide(Step.Den));
}
std::optional<Rational> Rational::roundTo(Rational Step) const {
  if (Step.Num <= 0)
    return std::nullopt;
  // floor(x/step + 1/2) = floor((2*N*SD + D*SN) / (2*D*SN))
  Wide Q = floorDiv(2 * Wide(Num) * Step.Den + Wide(Den) * Step.Num,
                    2 * Wide(Den) * Step.Num);
  return fromWide(Q * Step.Num, Wide(Step.Den));
}

int Rational::compare(Rational O) const {
  if (Den == O.Den)
    return Num < O.Num ? -1 : (Num > O.Num ? 1 : 0);
  Wide L = Wide(Num) * O.Den, R = Wide(O.Num) * Den;
  return L < R ? -1 : (L > R ? 1 : 0);
}

bool Rational::hasFiniteDecimal() const {
  int64_t D = Den;
  while (D % 2 == 0)
    D /= 2;
  while (D % 5 == 0)
    D /= 5;
  return D == 1;
}

void Rational::print(llvm::raw_ostream &OS) const {
  if (Den == 1) {
    OS << Num;
    return;
  }
  int64_t D = Den;
  int Twos = 0, Fives = 0;
  while (D % 2 == 0) { D /= 2; ++Twos; }
  while (D % 5 == 0) { D /= 5; ++Fives; }
  if (D != 1) {
    OS << Num << '/' << Den;
    return;
  }
  // Long division: the remainder stays below Den, so no step overflows even
  // for the 62 decimal places of 1/2^62.
  uint64_t Abs = Num < 0 ? 0 - static_cast<uint64_t>(Num) : static_cast<uint64_t>(Num);
  uint64_t Remainder = Abs % static_cast<uint64_t>(Den);
  if (Num < 0)
    OS << '-';
  OS << Abs / static_cast<uint64_t>(Den) << '.';
  for (int Places = std::max(Twos, Fives); Places > 0; --Places) {
    unsigned __int128 Shifted = static_cast<unsigned __int128>(Remainder) * 10;
    OS << static_cast<char>('0' + static_cast<int>(Shifted / static_cast<uint64_t>(Den)));
    Remainder = static_cast<uint64_t>(Shifted % static_cast<uint64_t>(Den));
  }
}

std::string Rational::str() const {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  print(OS);
  return Text;
}

} // namespace certc
