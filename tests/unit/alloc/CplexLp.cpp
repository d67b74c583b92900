// The allocation problem as a MIP whose optimum is the best progress.
#include "CplexLp.h"

#include <sstream>

namespace certc::alloc::test {

namespace {
/// Accumulates "+ c name" terms with CPLEX LP's line length in mind.
class Terms {
public:
  void add(const Rational &Coefficient, const std::string &Var) {
    Out << (Coefficient.isNegative() ? " - " : " + ");
    Rational Abs = Coefficient.isNegative() ? *Rational(0).sub(Coefficient) : Coefficient;
    Out << Abs.str() << ' ' << Var;
    if (++Count % 8 == 0)
      Out << "\n  ";
  }
  std::string str() const { return Out.str(); }
  bool empty() const { return Count == 0; }

private:
  std::ostringstream Out;
  unsigned Count = 0;
};

std::string x(size_t I, size_t O) { return "x" + std::to_string(I) + "_" + std::to_string(O); }
std::string var(const char *Prefix, size_t I) { return Prefix + std::to_string(I); }
std::string count(size_t I, size_t O) { return "n" + std::to_string(I) + "_" + std::to_string(O); }

std::string writeCountModel(const Problem &P, const std::vector<std::pair<size_t, size_t>> &Fixed);

/// An upper bound on any category's points and so on any spill excess.
Rational totalPoints(const Problem &P) {
  Rational Total;
  for (const Item &It : P.Items)
    for (const Option &O : It.Options)
      Total = *Total.add(O.Points);
  return Total;
}

void writeObjective(std::ostringstream &M, const Problem &P) {
  M << "Maximize\n obj:";
  Terms Objective;
  for (size_t R = 0; R < P.Requirements.size(); ++R)
    Objective.add(1, var("y", R));
  Objective.add(0, "dummy"); // keeps the objective well-formed without requirements
  M << Objective.str() << "\nSubject To\n";
}

/// sp_j <= max(0, cp_from - above): with zs_j = 1, sp_j <= cp_from - above
/// (infeasible for sp_j >= 0 unless cp_from >= above); with zs_j = 0, sp_j <= 0.
/// Then y_r <= requirement points (and y_r <= amount as a bound).
/// Names avoid a leading "e", which LP readers may take for an exponent.
void writeSpillsAndRequirements(std::ostringstream &M, const Problem &P) {
  Rational Total = totalPoints(P);
  for (size_t J = 0; J < P.Spills.size(); ++J) {
    const Spill &S = P.Spills[J];
    Terms A;
    A.add(1, var("sp", J));
    A.add(-1, var("cp", S.From));
    A.add(S.Above, var("zs", J));
    M << " spa" << J << ':' << A.str() << " <= 0\n";
    Terms B;
    B.add(1, var("sp", J));
    B.add(*Rational(0).sub(Total), var("zs", J));
    M << " spb" << J << ':' << B.str() << " <= 0\n";
  }
  for (size_t R = 0; R < P.Requirements.size(); ++R) {
    const Requirement &Req = P.Requirements[R];
    Terms T;
    T.add(1, var("y", R));
    for (uint32_t C : Req.Categories)
      T.add(-1, var("cp", C));
    if (Req.Categories.size() == 1)
      for (size_t J = 0; J < P.Spills.size(); ++J)
        if (P.Spills[J].To == Req.Categories[0])
          T.add(-1, var("sp", J));
    M << " req" << R << ':' << T.str() << " <= 0\n";
  }
}

/// The requirements' bounds, then the binaries, and the end of the model.
void writeRequirementBoundsAndBinaries(std::ostringstream &M, const Problem &P) {
  for (size_t R = 0; R < P.Requirements.size(); ++R)
    M << " 0 <= " << var("y", R) << " <= " << P.Requirements[R].Amount.str() << '\n';
  M << "Binaries\n";
  for (size_t I = 0; I < P.Items.size(); ++I)
    for (size_t O = 0; O < P.Items[I].Options.size(); ++O)
      M << ' ' << x(I, O) << '\n';
  for (size_t J = 0; J < P.Spills.size(); ++J)
    M << ' ' << var("zs", J) << '\n';
  M << "End\n";
}

bool hasSharedLimits(const Problem &P) { return !P.Covered.empty(); }
} // namespace

std::string writeCplexLp(const Problem &P, const std::vector<std::pair<size_t, size_t>> &Fixed) {
  if (hasSharedLimits(P) || !Fixed.empty())
    return writeCountModel(P, Fixed);
  std::ostringstream M;
  writeObjective(M, P);
  // Each item in at most one option.
  for (size_t I = 0; I < P.Items.size(); ++I) {
    if (P.Items[I].Options.empty())
      continue;
    Terms T;
    for (size_t O = 0; O < P.Items[I].Options.size(); ++O)
      T.add(1, x(I, O));
    M << " item" << I << ':' << T.str() << " <= 1\n";
    if (P.Items[I].Pinned >= 0)
      M << " pin" << I << ": " << x(I, P.Items[I].Pinned) << " = 1\n";
  }
  // s_k <= direct points + children's s (and s_k <= limit as a bound).
  for (size_t K = 0; K < P.Caps.size(); ++K) {
    Terms T;
    T.add(1, var("s", K));
    for (size_t I = 0; I < P.Items.size(); ++I)
      for (size_t O = 0; O < P.Items[I].Options.size(); ++O)
        if (P.Items[I].Options[O].Cap == K)
          T.add(*Rational(0).sub(P.Items[I].Options[O].Points), x(I, O));
    for (size_t C = 0; C < P.Caps.size(); ++C)
      if (P.Caps[C].Parent == K)
        T.add(-1, var("s", C));
    M << " cap" << K << ':' << T.str() << " <= 0\n";
  }
  // cp_c <= uncapped points + top-level caps.
  for (size_t C = 0; C < P.NumCategories; ++C) {
    Terms T;
    T.add(1, var("cp", C));
    for (size_t I = 0; I < P.Items.size(); ++I)
      for (size_t O = 0; O < P.Items[I].Options.size(); ++O)
        if (P.Items[I].Options[O].Cap == NoCap && P.Items[I].Options[O].Category == C)
          T.add(*Rational(0).sub(P.Items[I].Options[O].Points), x(I, O));
    for (size_t K = 0; K < P.Caps.size(); ++K)
      if (P.Caps[K].Parent == NoCap && P.Caps[K].Category == C)
        T.add(-1, var("s", K));
    M << " cat" << C << ':' << T.str() << " <= 0\n";
  }
  writeSpillsAndRequirements(M, P);
  M << "Bounds\n dummy = 0\n";
  for (size_t K = 0; K < P.Caps.size(); ++K)
    M << " 0 <= " << var("s", K) << " <= " << P.Caps[K].Limit.str() << '\n';
  writeRequirementBoundsAndBinaries(M, P);
  return M.str();
}

namespace {
/// With limits that cross the cap trees the counts are variables: n[i][o] is
/// what counts from option o of item i, 0 <= n <= points * x; each cap and
/// limit bounds the sum of the counts through it; cp_c is the sum of the counts
/// into c. For fixed x the largest feasible progress is the semantics' F(x).
std::string writeCountModel(const Problem &P, const std::vector<std::pair<size_t, size_t>> &Fixed) {
  std::ostringstream M;
  writeObjective(M, P);
  std::vector<Terms> CapSum(P.Caps.size()), LimitSum(P.Limits.size()), Category(P.NumCategories);
  for (size_t I = 0; I < P.Items.size(); ++I) {
    const Item &It = P.Items[I];
    if (It.Options.empty())
      continue;
    Terms One;
    for (size_t O = 0; O < It.Options.size(); ++O) {
      const Option &Opt = It.Options[O];
      One.add(1, x(I, O));
      Terms Upper;
      Upper.add(1, count(I, O));
      Upper.add(*Rational(0).sub(Opt.Points), x(I, O));
      M << " up" << I << '_' << O << ':' << Upper.str() << " <= 0\n";
      for (uint32_t K = Opt.Cap; K != NoCap; K = P.Caps[K].Parent)
        CapSum[K].add(1, count(I, O));
      Category[Opt.Category].add(-1, count(I, O));
    }
    M << " item" << I << ':' << One.str() << " <= 1\n";
    if (It.Pinned >= 0)
      M << " pin" << I << ": " << x(I, It.Pinned) << " = 1\n";
  }
  for (const auto &[I, O] : Fixed)
    M << " fix" << I << ": " << x(I, O) << " = 1\n";
  for (const Coverage &C : P.Covered)
    LimitSum[C.Limit].add(1, count(C.Item, C.Option));
  for (size_t K = 0; K < P.Caps.size(); ++K)
    if (!CapSum[K].empty())
      M << " cap" << K << ':' << CapSum[K].str() << " <= " << P.Caps[K].Limit.str() << '\n';
  for (size_t L = 0; L < P.Limits.size(); ++L) {
    if (LimitSum[L].empty())
      continue;
    const SharedLimit &Lim = P.Limits[L];
    if (!Lim.IsShare) {
      M << " lim" << L << ':' << LimitSum[L].str() << " <= " << Lim.Absolute.str() << '\n';
      continue;
    }
    Terms Share = std::move(LimitSum[L]);
    for (uint32_t C : Lim.ShareOf)
      Share.add(*Rational(0).sub(Lim.Share), var("cp", C));
    M << " lim" << L << ':' << Share.str() << " <= 0\n";
  }
  for (size_t C = 0; C < P.NumCategories; ++C) {
    Category[C].add(1, var("cp", C));
    M << " cat" << C << ':' << Category[C].str() << " = 0\n";
  }
  writeSpillsAndRequirements(M, P);
  M << "Bounds\n dummy = 0\n";
  writeRequirementBoundsAndBinaries(M, P);
  return M.str();
}
} // namespace

} // namespace certc::alloc::test
