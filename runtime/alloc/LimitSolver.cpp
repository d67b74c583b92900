// The exact solver for problems with shared limits. The points that count are
// variables: each credited option counts between 0 and its points, every cap
// and limit bounds the sum of what counts through it, and the progress of a
// choice vector is the most those counts allow (an LP for fixed choices). Z3
// decides, over exact rationals, in lexicographic order: the best progress,
// then each item's option (earliest preferred, in item order), then the points
// counted in all, then each item's count in item order; each stage is fixed
// before the next (Z3's own multi-objective mode does not return a model
// optimal for the later objectives). The result is re-checked here in Rational
// arithmetic; a mismatch is reported, never returned.
#include "alloc/LimitSolver.h"

#include <z3++.h>

#include <algorithm>
#include <system_error>

namespace certc::alloc {

namespace {
llvm::Error solverError(const llvm::Twine &Message) {
  return llvm::createStringError(std::make_error_code(std::errc::state_not_recoverable),
                                 "allocation internal error: " + Message);
}

/// Z3's deterministic resource limit per optimisation or check: a problem
/// beyond it is an error for that member, never an unbounded run (the limits
/// of docs/allocation.md). Problems of a member's size use a few percent of it.
constexpr unsigned ResourceLimit = 400000000;

llvm::Error overflowError() {
  return llvm::createStringError(std::make_error_code(std::errc::value_too_large),
                                 "allocation needs exact arithmetic beyond 64 bits");
}

/// Sums and products that remember an overflow instead of wrapping.
struct Exact {
  bool Overflow = false;
  Rational add(Rational A, Rational B) { return check(A.add(B)); }
  Rational sub(Rational A, Rational B) { return check(A.sub(B)); }
  Rational mul(Rational A, Rational B) { return check(A.mul(B)); }
  Rational check(std::optional<Rational> R) {
    Overflow |= !R;
    return R.value_or(Rational(0));
  }
};

/// What the choice vector and the counts give, evaluated in Rational.
struct Counted {
  std::vector<Rational> CategoryPoints, SpilledIn, RequirementPoints;
  Rational Progress;
  bool AllMet = true;
};

Counted evaluateCounts(const Problem &P, const std::vector<int32_t> &Choice, const std::vector<Rational> &Count,
                       Exact &X) {
  Counted Out;
  Out.CategoryPoints.assign(P.NumCategories, Rational(0));
  Out.SpilledIn.assign(P.NumCategories, Rational(0));
  for (size_t I = 0; I < P.Items.size(); ++I)
    if (Choice[I] >= 0) {
      uint32_t C = P.Items[I].Options[Choice[I]].Category;
      Out.CategoryPoints[C] = X.add(Out.CategoryPoints[C], Count[I]);
    }
  for (const Spill &Sp : P.Spills)
    if (Out.CategoryPoints[Sp.From] > Sp.Above)
      Out.SpilledIn[Sp.To] = X.add(Out.SpilledIn[Sp.To], X.sub(Out.CategoryPoints[Sp.From], Sp.Above));
  for (const Requirement &R : P.Requirements) {
    Rational Have(0);
    for (uint32_t C : R.Categories)
      Have = X.add(Have, Out.CategoryPoints[C]);
    if (R.Categories.size() == 1)
      Have = X.add(Have, Out.SpilledIn[R.Categories[0]]);
    Out.RequirementPoints.push_back(Have);
    Out.Progress = X.add(Out.Progress, std::min(Have, R.Amount));
    Out.AllMet &= Have >= R.Amount;
  }
  return Out;
}

/// The bound of every cap and limit an option counts against, and what counts
/// against each, for the re-check and for naming the bound that was full.
struct Bounds {
  std::vector<Rational> CapUsed, LimitUsed, LimitBound;
  /// Per item: the limits its chosen option counts against, in policy order.
  std::vector<llvm::SmallVector<uint32_t, 2>> LimitsOfChoice;
};

Bounds usedBounds(const Problem &P, const std::vector<int32_t> &Choice, const std::vector<Rational> &Count,
                  const Counted &Totals, Exact &X) {
  Bounds B;
  B.CapUsed.assign(P.Caps.size(), Rational(0));
  B.LimitUsed.assign(P.Limits.size(), Rational(0));
  B.LimitsOfChoice.resize(P.Items.size());
  for (const Coverage &C : P.Covered)
    if (Choice[C.Item] == static_cast<int32_t>(C.Option)) {
      B.LimitsOfChoice[C.Item].push_back(C.Limit);
      B.LimitUsed[C.Limit] = X.add(B.LimitUsed[C.Limit], Count[C.Item]);
    }
  for (size_t I = 0; I < P.Items.size(); ++I) {
    if (Choice[I] < 0)
      continue;
    const Option &O = P.Items[I].Options[Choice[I]];
    for (uint32_t K = O.Cap; K != NoCap; K = P.Caps[K].Parent)
      B.CapUsed[K] = X.add(B.CapUsed[K], Count[I]);
  }
  for (const SharedLimit &L : P.Limits) {
    if (!L.IsShare) {
      B.LimitBound.push_back(L.Absolute);
      continue;
    }
    Rational Base(0);
    for (uint32_t C : L.ShareOf)
      Base = X.add(Base, Totals.CategoryPoints[C]);
    B.LimitBound.push_back(X.mul(L.Share, Base));
  }
  return B;
}

/// Z3's text of an exact numeral ("7", "15/2") as a Rational.
std::optional<Rational> rationalOf(const z3::expr &Value) {
  std::string Text;
  if (!Value.is_numeral(Text))
    return std::nullopt;
  return Rational::parse(Text);
}

class LimitModel {
public:
  explicit LimitModel(const Problem &P) : P(P), Fixed(Ctx) {}

  llvm::Expected<Solution> solve() {
    build();
    // 1. The best progress.
    std::optional<z3::model> Best = optimise(*ProgressTerm);
    if (!Best)
      return noSolution();
    std::optional<Rational> Optimum = rationalOf(Best->eval(*ProgressTerm, true));
    if (!Optimum)
      return overflowError();
    Fixed.push_back(*ProgressTerm == num(*Optimum));
    // 2. Each item's earliest option that still reaches it, in item order. The
    // current model's option is known to; only earlier ones need a check.
    z3::solver Check(Ctx);
    Check.set(limits());
    for (const z3::expr &E : Fixed)
      Check.add(E);
    for (size_t I = 0; I < P.Items.size(); ++I) {
      if (P.Items[I].Options.size() < 2 || P.Items[I].Pinned >= 0)
        continue;
      int64_t Current = 0;
      if (!Best->eval(Choice[I], true).is_numeral_i64(Current))
        return noSolution();
      for (int64_t O = 0; O < Current; ++O) {
        Check.push();
        Check.add(Choice[I] == static_cast<int>(O));
        z3::check_result Result = Check.check();
        if (Result == z3::sat)
          Best = Check.get_model();
        Check.pop();
        if (Result == z3::unknown)
          return noSolution();
        if (Result == z3::sat) {
          Current = O;
          break;
        }
      }
      Check.add(Choice[I] == static_cast<int>(Current));
      Fixed.push_back(Choice[I] == static_cast<int>(Current));
    }
    // 3. The most points counted in all, then 4. each item's count in item order.
    if (!(Best = fixAtOptimum(*TotalTerm)))
      return noSolution();
    for (size_t I = 0; I < P.Items.size(); ++I) {
      if (Counts[I].empty())
        continue;
      z3::expr Count = sumOf(Counts[I]);
      std::optional<Rational> Now = rationalOf(Best->eval(Count, true));
      // An item counting all the points of every option it could have cannot count more.
      if (Now && *Now >= largestPoints(I)) {
        Fixed.push_back(Count == num(*Now));
        continue;
      }
      if (!(Best = fixAtOptimum(Count)))
        return noSolution();
    }
    return readSolution(*Best, *Optimum);
  }

private:
  z3::expr num(const Rational &R) {
    return Ctx.real_val((std::to_string(R.num()) + "/" + std::to_string(R.den())).c_str());
  }

  llvm::Error noSolution() {
    return llvm::createStringError(std::make_error_code(std::errc::state_not_recoverable),
                                   "allocation state limit: the limit solver found no answer within its "
                                   "resource limit");
  }

  z3::params limits() {
    z3::params Params(Ctx);
    Params.set("rlimit", ResourceLimit);
    return Params;
  }

  Rational largestPoints(size_t I) const {
    Rational Most(0);
    for (const Option &O : P.Items[I].Options)
      Most = std::max(Most, O.Points);
    return Most;
  }

  /// A model maximising Objective under every constraint fixed so far.
  std::optional<z3::model> optimise(const z3::expr &Objective) {
    z3::optimize Opt(Ctx);
    Opt.set(limits());
    for (const z3::expr &E : Fixed)
      Opt.add(E);
    Opt.maximize(Objective);
    if (Opt.check() != z3::sat)
      return std::nullopt;
    return Opt.get_model();
  }

  /// Maximises Objective and keeps it at its maximum from now on.
  std::optional<z3::model> fixAtOptimum(const z3::expr &Objective) {
    std::optional<z3::model> M = optimise(Objective);
    if (!M)
      return std::nullopt;
    Fixed.push_back(Objective == M->eval(Objective, true));
    return M;
  }

  void build() {
    const size_t N = P.Items.size();
    std::vector<z3::expr> CapSum(P.Caps.size(), num(0)), LimitSum(P.Limits.size(), num(0)),
        CategorySum(P.NumCategories, num(0));
    z3::expr Total = num(0);
    for (size_t I = 0; I < N; ++I) {
      const Item &It = P.Items[I];
      Choice.push_back(Ctx.int_val(It.Pinned >= 0 ? It.Pinned : 0));
      Counts.emplace_back();
      if (It.Options.size() > 1 && It.Pinned < 0) {
        Choice[I] = Ctx.int_const(("ch" + std::to_string(I)).c_str());
        Fixed.push_back(Choice[I] >= 0 && Choice[I] < static_cast<int>(It.Options.size()));
      }
      for (size_t O = 0; O < It.Options.size(); ++O) {
        const Option &Opt = It.Options[O];
        z3::expr C = Ctx.real_const(("cnt" + std::to_string(I) + "_" + std::to_string(O)).c_str());
        Counts[I].push_back(C);
        bool Possible = It.Pinned < 0 || It.Pinned == static_cast<int32_t>(O);
        Fixed.push_back(C >= 0);
        Fixed.push_back(C <= (Possible ? z3::ite(Choice[I] == static_cast<int>(O), num(Opt.Points), num(0)) : num(0)));
        for (uint32_t K = Opt.Cap; K != NoCap; K = P.Caps[K].Parent)
          CapSum[K] = CapSum[K] + C;
        CategorySum[Opt.Category] = CategorySum[Opt.Category] + C;
        Total = Total + C;
      }
    }
    for (const Coverage &Cov : P.Covered)
      LimitSum[Cov.Limit] = LimitSum[Cov.Limit] + Counts[Cov.Item][Cov.Option];
    for (size_t K = 0; K < P.Caps.size(); ++K)
      Fixed.push_back(CapSum[K] <= num(P.Caps[K].Limit));
    for (size_t L = 0; L < P.Limits.size(); ++L) {
      const SharedLimit &Lim = P.Limits[L];
      if (!Lim.IsShare) {
        Fixed.push_back(LimitSum[L] <= num(Lim.Absolute));
        continue;
      }
      z3::expr Base = num(0);
      for (uint32_t C : Lim.ShareOf)
        Base = Base + CategorySum[C];
      Fixed.push_back(LimitSum[L] <= num(Lim.Share) * Base);
    }
    std::vector<z3::expr> SpillIn(P.NumCategories, num(0));
    for (size_t S = 0; S < P.Spills.size(); ++S) {
      const Spill &Sp = P.Spills[S];
      z3::expr Excess = Ctx.real_const(("sp" + std::to_string(S)).c_str());
      z3::expr From = CategorySum[Sp.From];
      Fixed.push_back(Excess >= 0);
      Fixed.push_back(Excess <= z3::ite(From >= num(Sp.Above), From - num(Sp.Above), num(0)));
      SpillIn[Sp.To] = SpillIn[Sp.To] + Excess;
    }
    z3::expr Progress = num(0);
    for (size_t R = 0; R < P.Requirements.size(); ++R) {
      const Requirement &Req = P.Requirements[R];
      z3::expr Have = num(0);
      for (uint32_t C : Req.Categories)
        Have = Have + CategorySum[C];
      if (Req.Categories.size() == 1)
        Have = Have + SpillIn[Req.Categories[0]];
      z3::expr Met = Ctx.real_const(("req" + std::to_string(R)).c_str());
      Fixed.push_back(Met <= num(Req.Amount));
      Fixed.push_back(Met <= Have);
      Progress = Progress + Met;
    }
    ProgressTerm = Progress;
    TotalTerm = Total;
  }

  z3::expr sumOf(const std::vector<z3::expr> &Terms) {
    z3::expr S = num(0);
    for (const z3::expr &T : Terms)
      S = S + T;
    return S;
  }

  llvm::Expected<Solution> readSolution(const z3::model &M, const Rational &Optimum) {
    const size_t N = P.Items.size();
    Solution S;
    S.Choice.assign(N, -1);
    S.Credited.assign(N, Rational(0));
    S.FullAt.assign(N, FullBound());
    for (size_t I = 0; I < N; ++I) {
      if (P.Items[I].Options.empty())
        continue;
      int64_t Chosen = 0;
      if (!M.eval(Choice[I], true).is_numeral_i64(Chosen) || Chosen < 0 ||
          Chosen >= static_cast<int64_t>(P.Items[I].Options.size()))
        return solverError("the limit solver chose no option for item " + llvm::Twine(I));
      S.Choice[I] = static_cast<int32_t>(Chosen);
      std::optional<Rational> Count = rationalOf(M.eval(Counts[I][Chosen], true));
      if (!Count)
        return overflowError();
      S.Credited[I] = *Count;
    }
    return checked(std::move(S), Optimum);
  }

  /// Fills in the totals in Rational, checks every bound and the optimum, and
  /// names what was full for each item that counted less than its points.
  llvm::Expected<Solution> checked(Solution S, const Rational &Optimum) {
    Exact X;
    Counted Totals = evaluateCounts(P, S.Choice, S.Credited, X);
    Bounds B = usedBounds(P, S.Choice, S.Credited, Totals, X);
    if (X.Overflow)
      return overflowError();
    for (size_t K = 0; K < P.Caps.size(); ++K)
      if (B.CapUsed[K] > P.Caps[K].Limit)
        return solverError("the limit solver overfilled cap " + llvm::Twine(K));
    for (size_t L = 0; L < P.Limits.size(); ++L)
      if (B.LimitUsed[L] > B.LimitBound[L])
        return solverError("the limit solver overfilled limit " + llvm::Twine(L));
    if (Totals.Progress != Optimum)
      return solverError("limit solver progress " + Optimum.str() + " differs from evaluated progress " +
                         Totals.Progress.str());
    for (size_t I = 0; I < P.Items.size(); ++I) {
      if (S.Choice[I] < 0)
        continue;
      const Option &O = P.Items[I].Options[S.Choice[I]];
      if (S.Credited[I] >= O.Points)
        continue;
      S.FullAt[I] = fullBoundOf(O, B.LimitsOfChoice[I], B);
    }
    S.CategoryPoints = std::move(Totals.CategoryPoints);
    S.SpilledIn = std::move(Totals.SpilledIn);
    S.RequirementPoints = std::move(Totals.RequirementPoints);
    S.Progress = Totals.Progress;
    S.AllMet = Totals.AllMet;
    return S;
  }

  /// The first full bound of the option: its caps from the innermost out, then
  /// its limits in policy order. One exists: the counts are lexicographically
  /// greatest, so an item counting less than its points is stopped by one.
  FullBound fullBoundOf(const Option &O, llvm::ArrayRef<uint32_t> Limits, const Bounds &B) {
    for (uint32_t K = O.Cap; K != NoCap; K = P.Caps[K].Parent)
      if (B.CapUsed[K] == P.Caps[K].Limit)
        return {FullBound::Kind::Cap, K};
    for (uint32_t L : Limits)
      if (B.LimitUsed[L] == B.LimitBound[L])
        return {FullBound::Kind::Limit, L};
    return {};
  }

  const Problem &P;
  z3::context Ctx;
  /// The constraints, and each stage's result once decided.
  z3::expr_vector Fixed;
  std::vector<z3::expr> Choice;
  std::vector<std::vector<z3::expr>> Counts;
  std::optional<z3::expr> ProgressTerm, TotalTerm;
};
} // namespace

bool hasLimits(const Problem &P) { return !P.Covered.empty(); }

namespace {
/// Per limit of P: whether it can never bind.
std::vector<bool> slackLimits(const Problem &P) {
  // The most each limit could see: every item in its largest option naming it.
  // The evaluator lists an item's options together; were they apart, an item
  // would count more than once here, which only keeps a limit that is slack.
  std::vector<std::optional<Rational>> Most(P.Limits.size(), Rational(0));
  std::vector<Rational> Largest(P.Limits.size(), Rational(0));
  std::vector<uint32_t> LargestOf(P.Limits.size(), UINT32_MAX);
  for (const Coverage &C : P.Covered) {
    if (LargestOf[C.Limit] != C.Item) {
      if (Most[C.Limit])
        Most[C.Limit] = Most[C.Limit]->add(Largest[C.Limit]);
      Largest[C.Limit] = Rational(0);
      LargestOf[C.Limit] = C.Item;
    }
    Largest[C.Limit] = std::max(Largest[C.Limit], P.Items[C.Item].Options[C.Option].Points);
  }
  for (size_t L = 0; L < P.Limits.size(); ++L)
    if (Most[L])
      Most[L] = Most[L]->add(Largest[L]);
  std::vector<bool> Slack(P.Limits.size());
  for (size_t L = 0; L < P.Limits.size(); ++L)
    Slack[L] = Most[L] && (Most[L]->isZero() || (!P.Limits[L].IsShare && *Most[L] <= P.Limits[L].Absolute));
  return Slack;
}
} // namespace

bool someLimitBinds(const Problem &P) {
  std::vector<bool> Slack = slackLimits(P);
  return std::any_of(P.Covered.begin(), P.Covered.end(),
                     [&](const Coverage &C) { return !Slack[C.Limit]; });
}

Problem withoutSlackLimits(const Problem &P) {
  std::vector<bool> Slack = slackLimits(P);
  Problem Out = P;
  Out.Covered.erase(std::remove_if(Out.Covered.begin(), Out.Covered.end(),
                                   [&](const Coverage &C) { return Slack[C.Limit]; }),
                    Out.Covered.end());
  return Out;
}

llvm::Expected<Solution> allocateWithLimits(const Problem &P) {
  try {
    return LimitModel(P).solve();
  } catch (const z3::exception &E) {
    return solverError(llvm::Twine("the limit solver failed: ") + E.msg());
  }
}

} // namespace certc::alloc
