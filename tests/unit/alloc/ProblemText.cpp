// Human-readable dump of an allocation Problem.
#include "ProblemText.h"

#include <sstream>

namespace certc::alloc::test {

namespace {
std::string capName(uint32_t Cap) {
  return Cap == NoCap ? std::string("-") : "cap" + std::to_string(Cap);
}
} // namespace

std::string describeProblem(const Problem &P) {
  std::ostringstream Out;
  Out << "categories: " << P.NumCategories << '\n';
  for (size_t K = 0; K < P.Caps.size(); ++K)
    Out << "cap" << K << ": limit " << P.Caps[K].Limit.str() << " on c"
        << P.Caps[K].Category << " parent " << capName(P.Caps[K].Parent) << '\n';
  for (size_t L = 0; L < P.Limits.size(); ++L) {
    const SharedLimit &Lim = P.Limits[L];
    Out << "limit" << L << ": ";
    if (Lim.IsShare) {
      Out << "share " << Lim.Share.str() << " of";
      for (uint32_t C : Lim.ShareOf)
        Out << " c" << C;
    } else {
      Out << "at most " << Lim.Absolute.str();
    }
    Out << '\n';
  }
  for (size_t I = 0; I < P.Items.size(); ++I) {
    Out << "item" << I << ':';
    for (size_t O = 0; O < P.Items[I].Options.size(); ++O) {
      const Option &Opt = P.Items[I].Options[O];
      Out << " {c" << Opt.Category << ' ' << Opt.Points.str() << ' ' << capName(Opt.Cap);
      for (const Coverage &C : P.Covered)
        if (C.Item == I && C.Option == O)
          Out << " limit" << C.Limit;
      Out << '}';
    }
    if (P.Items[I].Pinned >= 0)
      Out << " pinned to " << P.Items[I].Pinned;
    Out << '\n';
  }
  for (const Requirement &R : P.Requirements) {
    Out << "require";
    for (uint32_t C : R.Categories)
      Out << " c" << C;
    Out << " >= " << R.Amount.str() << '\n';
  }
  for (const Spill &S : P.Spills)
    Out << "spill c" << S.From << " above " << S.Above.str() << " to c" << S.To << '\n';
  return Out.str();
}

std::string describeChoice(const std::vector<int32_t> &Choice) {
  std::ostringstream Out;
  Out << '[';
  for (size_t I = 0; I < Choice.size(); ++I)
    Out << (I ? " " : "") << Choice[I];
  Out << ']';
  return Out.str();
}

} // namespace certc::alloc::test
