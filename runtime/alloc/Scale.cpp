// Scaling a Problem's rationals to integers over a common denominator.
#include "alloc/Scale.h"

#include <algorithm>
#include <numeric>
#include <system_error>

namespace certc::alloc {

namespace {
using Wide = __int128;

/// Largest magnitude any intermediate sum may reach; a quarter of int64 leaves
/// headroom for the additions that saturation performs before clamping.
constexpr Wide MaxMagnitude = Wide(INT64_MAX) / 4;

llvm::Error tooLarge(const llvm::Twine &What) {
  return llvm::createStringError(std::make_error_code(std::errc::value_too_large),
                                 "allocation needs exact arithmetic beyond 64 bits: " +
                                     What);
}

class Scaler {
public:
  llvm::Error addDenominator(const Rational &R) {
    // Integers, the scale itself, then divisors of it: the common cases,
    // cheaper than a gcd (and the first two than a division).
    if (R.den() == 1 || R.den() == Scale || Scale % R.den() == 0)
      return llvm::Error::success();
    int64_t G = std::gcd(Scale, R.den());
    Wide Next = Wide(Scale / G) * R.den();
    if (Next > MaxMagnitude)
      return tooLarge("the common denominator of all points exceeds 2^61");
    Scale = static_cast<int64_t>(Next);
    return llvm::Error::success();
  }
  /// Callers check the magnitude of the sums; a single value is at most the
  /// sum it belongs to, so this only guards the multiplication itself.
  std::optional<int64_t> scale(const Rational &R) const {
    int64_t Factor = R.den() == 1 ? Scale : R.den() == Scale ? 1 : Scale / R.den();
    Wide V = Wide(R.num()) * Factor;
    if (V > MaxMagnitude || V < -MaxMagnitude)
      return std::nullopt;
    return static_cast<int64_t>(V);
  }
  int64_t Scale = 1;
};

llvm::Error collectDenominators(const Problem &P, Scaler &S) {
  for (const Item &It : P.Items)
    for (const Option &O : It.Options)
      if (llvm::Error E = S.addDenominator(O.Points))
        return E;
  for (const CapLimit &C : P.Caps)
    if (llvm::Error E = S.addDenominator(C.Limit))
      return E;
  for (const Requirement &R : P.Requirements)
    if (llvm::Error E = S.addDenominator(R.Amount))
      return E;
  for (const Spill &Sp : P.Spills)
    if (llvm::Error E = S.addDenominator(Sp.Above))
      return E;
  return llvm::Error::success();
}

/// Deepest first, in index order within a depth. Caps nest a level or two, so
/// one pass per depth is cheaper than a sort.
void orderCapsChildrenFirst(const std::vector<ScaledCap> &Caps, std::vector<uint32_t> &Order) {
  // Policies have a handful of caps: the depths fit inline.
  llvm::SmallVector<uint32_t, 16> Depth(Caps.size(), 0);
  uint32_t Deepest = 0;
  for (size_t K = 0; K < Caps.size(); ++K) {
    for (uint32_t At = Caps[K].Parent; At != NoCap; At = Caps[At].Parent)
      ++Depth[K];
    Deepest = std::max(Deepest, Depth[K]);
  }
  Order.clear();
  for (uint32_t D = Deepest + 1; D-- > 0;)
    for (size_t K = 0; K < Caps.size(); ++K)
      if (Depth[K] == D)
        Order.push_back(static_cast<uint32_t>(K));
}
bool sameCap(const CapLimit &A, const CapLimit &B) {
  return A.Limit == B.Limit && A.Category == B.Category && A.Parent == B.Parent;
}

/// Out's caps and their order, scaled again only when the caps or the scale
/// differ from those Out holds: comparing is cheaper than scaling and ordering.
llvm::Error scaleCaps(const std::vector<CapLimit> &Caps, const Scaler &S, ScaledProblem &Out) {
  if (Out.CapsScale == S.Scale &&
      std::equal(Caps.begin(), Caps.end(), Out.CapsScaledFrom.begin(), Out.CapsScaledFrom.end(),
                 sameCap))
    return llvm::Error::success();
  Out.CapsScale = 0; // what follows may fail half-way
  Out.Caps.clear();
  for (const CapLimit &C : Caps) {
    std::optional<int64_t> V = S.scale(C.Limit);
    if (!V)
      return tooLarge("a cap's limit");
    Out.Caps.push_back({*V, C.Category, C.Parent});
  }
  orderCapsChildrenFirst(Out.Caps, Out.CapsChildrenFirst);
  Out.CapsScaledFrom = Caps;
  Out.CapsScale = S.Scale;
  return llvm::Error::success();
}
} // namespace

Rational unscale(int64_t Value, int64_t Scale) {
  // Integer points (Scale 1) are the common case and need no gcd.
  if (Scale == 1)
    return Rational(Value);
  // Scale > 0 and both fit in int64, so make() cannot fail.
  return *Rational::make(Value, Scale);
}

llvm::Error scaleProblem(const Problem &P, ScaledProblem &Out) {
  Scaler S;
  if (llvm::Error E = collectDenominators(P, S))
    return E;

  Out.Scale = S.Scale;
  Out.NumCategories = P.NumCategories;
  // Bound every later sum: category points never exceed the sum over items of
  // their largest option, spillover into one category never exceeds that
  // total once per spill, and progress never exceeds the sum of amounts.
  Wide TotalPoints = 0, TotalAmounts = 0, MaxAbove = 0;
  size_t NumOptions = 0;
  for (const Item &It : P.Items)
    NumOptions += It.Options.size();
  if (NumOptions > UINT32_MAX)
    return tooLarge("the number of options");
  Out.Options.clear();
  Out.Options.reserve(NumOptions);
  Out.ItemStart.assign(1, 0);
  Out.ItemStart.reserve(P.Items.size() + 1);
  for (const Item &It : P.Items) {
    int64_t Largest = 0;
    for (const Option &O : It.Options) {
      std::optional<int64_t> V = S.scale(O.Points);
      if (!V)
        return tooLarge("an item's points");
      Largest = std::max(Largest, *V);
      // Field by field in place: a temporary built field by field and then
      // copied whole is a failed store forwarding per option (a third of
      // this function's time).
      ScaledOption &Scaled = Out.Options.emplace_back();
      Scaled.Category = O.Category;
      Scaled.Points = *V;
      Scaled.Cap = O.Cap;
    }
    TotalPoints += Largest;
    if (TotalPoints > MaxMagnitude)
      return tooLarge("the total of all items' points");
    Out.ItemStart.push_back(static_cast<uint32_t>(Out.Options.size()));
  }
  if (llvm::Error E = scaleCaps(P.Caps, S, Out))
    return E;
  Out.Requirements.clear();
  for (const Requirement &R : P.Requirements) {
    std::optional<int64_t> V = S.scale(R.Amount);
    if (!V)
      return tooLarge("a requirement's amount");
    TotalAmounts += *V;
    if (TotalAmounts > MaxMagnitude)
      return tooLarge("the total of all requirement amounts");
    Out.Requirements.push_back({R.Categories, *V});
  }
  Out.Spills.clear();
  for (const Spill &Sp : P.Spills) {
    std::optional<int64_t> V = S.scale(Sp.Above);
    if (!V)
      return tooLarge("a spill threshold");
    MaxAbove = std::max(MaxAbove, Wide(*V));
    Out.Spills.push_back({Sp.From, Sp.To, *V});
  }
  // Requirement points: category points plus, per spill, at most the total.
  Wide Worst = TotalPoints * Wide(P.Spills.size() + 1);
  if (Worst + TotalAmounts + MaxAbove > MaxMagnitude)
    return tooLarge("points plus spillover");
  return llvm::Error::success();
}

} // namespace certc::alloc
