// Optimum and preferred choices: greedy witnesses, relaxation bounds, and
// exact suffix Pareto fronts built only when the cheap tests cannot decide.
#include "alloc/Search.h"

#include "alloc/ParetoFront.h"

#include <algorithm>
#include <cstdio> // TRACE
#include <cstdlib> // TRACE
#include <system_error>

namespace certc::alloc {

namespace {

/// Greedy completions cost a pass over the remaining items each; after this
/// many the search relies on exact fronts alone.
constexpr unsigned MaxGreedyRuns = 16;
/// Passes of single-item moves after each greedy completion.
constexpr unsigned MaxLocalSweeps = 3;

// Supplies are sums over items; saturating keeps them meaningful as bounds.
constexpr int64_t SupplyCap = INT64_MAX / 4;
int64_t satAdd(int64_t A, int64_t B) { return std::min(SupplyCap, A + B); }

class Searcher {
public:
  Searcher(const Reduction &R, StateEvaluator &Eval)
      : R(R), Eval(Eval), Layout(R.Room), D(R.Room.size()), L(R.Layers.size()) {}

  llvm::Expected<SearchResult> run();

private:
  using State = std::vector<int32_t>;

  /// Out = A + B saturated at the room (associative, so suffixes compose).
  void combine(const int32_t *A, const int32_t *B, int32_t *Out) const {
    for (size_t J = 0; J < D; ++J)
      Out[J] = static_cast<int32_t>(std::min<int64_t>(int64_t(A[J]) + B[J], R.Room[J]));
  }
  void apply(const int32_t *S, const Effect &E, int32_t *Out) const {
    std::copy(S, S + D, Out);
    if (E.Coord != NoCoord)
      Out[E.Coord] = static_cast<int32_t>(
          std::min<int64_t>(int64_t(Out[E.Coord]) + E.Points, R.Room[E.Coord]));
  }
  bool covers(const int32_t *A, const int32_t *B) const {
    for (size_t J = 0; J < D; ++J)
      if (A[J] < B[J])
        return false;
    return true;
  }
  int64_t progressWith(const int32_t *A, const int32_t *B) {
    combine(A, B, Joined.data());
    return Eval.progress(Joined.data());
  }
  const int32_t *row(const State &Rows, size_t I) const { return Rows.data() + I * D; }
  int32_t *row(State &Rows, size_t I) { return Rows.data() + I * D; }

  void computeMaxSuffix();
  void computeSupply();
  /// Bound on progress from Base when layers [From, To) are still to choose.
  /// Relaxed is Base plus every option of those layers at once.
  int64_t upperBound(const int32_t *Base, const int32_t *Relaxed, size_t From, size_t To);
  int64_t greedyComplete(const int32_t *From, size_t Layer);
  int64_t improveLocally(const int32_t *From, size_t Layer, int64_t Value);
  void commitGreedy(size_t Layer);
  llvm::Error buildFronts(size_t Down, const int32_t *Prefix, size_t PrefixLayer,
                          int64_t &Target, const State *Mix);
  llvm::Error stateLimit(size_t Layer, size_t States) const;

  const Reduction &R;
  StateEvaluator &Eval;
  StateLayout Layout;
  const size_t D, L;
  int64_t Opt = 0;
  /// Row i: what layers i.. could add if every option counted at once, an
  /// upper bound on anything they can really add.
  State MaxSuffix;
  /// Row i: per term, the most that layers i.. can raise it (SupplySuffix),
  /// and the most they can raise all terms together (TotalSuffix).
  std::vector<int64_t> SupplySuffix, TotalSuffix, RangeSupply;
  size_t NumTerms = 0;
  /// The greedy witness: Heur[i] for each layer, HeurSuffix row i the sum of
  /// its effects from layer i on. Scratch copies hold a run until it succeeds.
  std::vector<uint32_t> Heur, TryHeur;
  State HeurSuffix, TrySuffix;
  unsigned GreedyRuns = 0;
  /// Exact suffix fronts, valid for layers >= FrontsFrom.
  std::vector<Front> Fronts;
  size_t FrontsFrom;
  FrontScratch Scratch;
  State Joined, Unpacked;
};

void Searcher::computeMaxSuffix() {
  MaxSuffix.assign((L + 1) * D, 0);
  State Largest(D);
  for (size_t I = L; I-- > 0;) {
    std::fill(Largest.begin(), Largest.end(), 0);
    for (const Effect &E : R.Layers[I].Effects)
      if (E.Coord != NoCoord)
        Largest[E.Coord] = std::max(Largest[E.Coord], E.Points);
    combine(row(MaxSuffix, I + 1), Largest.data(), row(MaxSuffix, I));
  }
}

void Searcher::computeSupply() {
  NumTerms = Eval.numTerms();
  SupplySuffix.assign((L + 1) * NumTerms, 0);
  TotalSuffix.assign(L + 1, 0);
  RangeSupply.assign(NumTerms, 0);
  for (size_t I = L; I-- > 0;) {
    int64_t Total = 0;
    for (size_t T = 0; T < NumTerms; ++T) {
      int64_t Most = 0;
      for (const Effect &E : R.Layers[I].Effects)
        if (E.Coord != NoCoord)
          Most = std::max(Most, int64_t(Eval.multiplicity(T, E.Coord)) * E.Points);
      SupplySuffix[I * NumTerms + T] = satAdd(SupplySuffix[(I + 1) * NumTerms + T], Most);
    }
    for (const Effect &E : R.Layers[I].Effects) {
      if (E.Coord == NoCoord)
        continue;
      int64_t All = 0;
      for (size_t T = 0; T < NumTerms; ++T)
        All += int64_t(Eval.multiplicity(T, E.Coord)) * E.Points;
      Total = std::max(Total, std::min(All, SupplyCap));
    }
    TotalSuffix[I] = satAdd(TotalSuffix[I + 1], Total);
  }
}

int64_t Searcher::upperBound(const int32_t *Base, const int32_t *Relaxed, size_t From,
                             size_t To) {
  // Saturated suffix sums are only subtracted when neither saturated; a
  // saturated one stays an upper bound as it is.
  for (size_t T = 0; T < NumTerms; ++T) {
    int64_t A = SupplySuffix[From * NumTerms + T], B = SupplySuffix[To * NumTerms + T];
    RangeSupply[T] = A == SupplyCap ? A : A - B;
  }
  int64_t Total = TotalSuffix[From] == SupplyCap ? SupplyCap
                                                 : TotalSuffix[From] - TotalSuffix[To];
  return Eval.progressBound(Base, Relaxed, RangeSupply.data(), Total);
}

/// Completes From with layers Layer.. by giving each item the option that
/// raises progress most right now (earliest on ties), into TryHeur/TrySuffix.
int64_t Searcher::greedyComplete(const int32_t *From, size_t Layer) {
  ++GreedyRuns;
  TryHeur.resize(L);
  TrySuffix.assign((L + 1) * D, 0);
  State Cur(From, From + D), Next(D), Best(D);
  int64_t Value = Eval.progress(Cur.data());
  for (size_t I = Layer; I < L; ++I) {
    const std::vector<Effect> &Effects = R.Layers[I].Effects;
    int64_t BestValue = -1;
    for (uint32_t E = 0; E < Effects.size(); ++E) {
      apply(Cur.data(), Effects[E], Next.data());
      int64_t V = Eval.progress(Next.data());
      if (V > BestValue) {
        BestValue = V;
        TryHeur[I] = E;
        Best.swap(Next);
      }
    }
    Cur.swap(Best);
    Value = BestValue;
  }
  Value = improveLocally(From, Layer, Value);
  State Point(D, 0);
  for (size_t I = L; I-- > Layer;) {
    apply(row(TrySuffix, I + 1), R.Layers[I].Effects[TryHeur[I]], Point.data());
    std::copy(Point.begin(), Point.end(), row(TrySuffix, I));
  }
  return Value;
}

/// Moves single items of TryHeur[Layer..] to other options while that
/// strictly raises progress; works on unsaturated sums so moves can be undone.
int64_t Searcher::improveLocally(const int32_t *From, size_t Layer, int64_t Value) {
  std::vector<int64_t> Raw(From, From + D);
  for (size_t I = Layer; I < L; ++I) {
    const Effect &E = R.Layers[I].Effects[TryHeur[I]];
    if (E.Coord != NoCoord)
      Raw[E.Coord] += E.Points;
  }
  State Clamped(D);
  auto valueOf = [&] {
    for (size_t J = 0; J < D; ++J)
      Clamped[J] = static_cast<int32_t>(std::min<int64_t>(Raw[J], R.Room[J]));
    return Eval.progress(Clamped.data());
  };
  auto move = [&](const Effect &E, int64_t Sign) {
    if (E.Coord != NoCoord)
      Raw[E.Coord] += Sign * E.Points;
  };
  for (unsigned Sweep = 0; Sweep < MaxLocalSweeps; ++Sweep) {
    bool Improved = false;
    for (size_t I = Layer; I < L; ++I) {
      const std::vector<Effect> &Effects = R.Layers[I].Effects;
      for (uint32_t E = 0; E < Effects.size(); ++E) {
        if (E == TryHeur[I])
          continue;
        move(Effects[TryHeur[I]], -1);
        move(Effects[E], +1);
        int64_t V = valueOf();
        if (V > Value) {
          Value = V;
          TryHeur[I] = E;
          Improved = true;
        } else {
          move(Effects[E], -1);
          move(Effects[TryHeur[I]], +1);
        }
      }
    }
    if (!Improved)
      break;
  }
  return Value;
}

void Searcher::commitGreedy(size_t Layer) {
  std::copy(TryHeur.begin() + Layer, TryHeur.end(), Heur.begin() + Layer);
  std::copy(TrySuffix.begin() + Layer * D, TrySuffix.end(), HeurSuffix.begin() + Layer * D);
}

llvm::Error Searcher::stateLimit(size_t Layer, size_t States) const {
  return llvm::createStringError(
      std::errc::result_out_of_range,
      "allocation state limit: %zu undominated states at choice %zu of %zu exceed the "
      "documented limits (%zu states per choice, %zu stored words)",
      States, Layer, L, MaxFrontStates, MaxStoredWords);
}

/// Builds Fronts[k] for k in [Down, FrontsFrom). Every prefix that will be
/// combined with Fronts[k] is at most Prefix (the state at PrefixLayer) plus
/// MaxRange(PrefixLayer, k), so states that cannot reach Target even then are
/// dropped: they can be part of no completion the caller will ask about.
///
/// With Mix (row k: what the greedy witness's first k choices add), each new
/// state is also completed by that prefix; a better value raises Target,
/// which is the best known progress and so prunes harder from then on.
llvm::Error Searcher::buildFronts(size_t Down, const int32_t *Prefix, size_t PrefixLayer,
                                  int64_t &Target, const State *Mix) {
  State Bound((L + 1) * D);
  std::copy(Prefix, Prefix + D, row(Bound, PrefixLayer));
  for (size_t K = PrefixLayer; K < L; ++K) {
    State Largest(D, 0);
    for (const Effect &E : R.Layers[K].Effects)
      if (E.Coord != NoCoord)
        Largest[E.Coord] = std::max(Largest[E.Coord], E.Points);
    combine(row(Bound, K), Largest.data(), row(Bound, K + 1));
  }

  const unsigned W = Layout.words();
  std::vector<uint64_t> Top(W);
  Layout.pack(R.Room.data(), Top.data());
  if (Fronts.empty()) {
    Fronts.resize(L + 1);
    std::vector<uint64_t> Zero(W, 0);
    Fronts[L].Words = W;
    Fronts[L].push(Zero.data(), 0, 0);
    FrontsFrom = L;
  }
  size_t Stored = 0;
  for (const Front &F : Fronts)
    Stored += F.Keys.size();
  for (size_t K = FrontsFrom; K-- > Down;) {
    const Front &Next = Fronts[K + 1];
    Front &Out = Fronts[K];
    Out.Words = W;
    Out.clear();
    // Everything saturated stays saturated: the earliest option keeps it.
    if (Next.size() == 1 && Layout.compare(Next.key(0), Top.data()) == 0) {
      Out.push(Top.data(), 0, 0);
    } else {
      if (Next.size() * R.Layers[K].Effects.size() > 4 * MaxFrontStates)
        return stateLimit(K, Next.size() * R.Layers[K].Effects.size());
      extendFront(Next, R.Layers[K].Effects, Layout, Scratch, Out);
      // Drop states that cannot reach the target, keeping the order.
      size_t Kept = 0;
      State Base(D), Relaxed(D);
      for (size_t I = 0; I < Out.size(); ++I) {
        Layout.unpack(Out.key(I), Unpacked.data());
        combine(Prefix, Unpacked.data(), Base.data());
        combine(row(Bound, K), Unpacked.data(), Relaxed.data());
        if (Mix)
          Target = std::max(Target, progressWith(row(*Mix, K), Unpacked.data()));
        if (upperBound(Base.data(), Relaxed.data(), PrefixLayer, K) < Target)
          continue;
        std::copy(Out.key(I), Out.key(I) + W, Out.Keys.begin() + Kept * W);
        Out.Parent[Kept] = Out.Parent[I];
        Out.Choice[Kept] = Out.Choice[I];
        ++Kept;
      }
      Out.Keys.resize(Kept * W);
      Out.Parent.resize(Kept);
      Out.Choice.resize(Kept);
    }
    Stored += Out.Keys.size();
    if (getenv("ALLOC_TRACE")) fprintf(stderr, "layer %zu front %zu\n", K, Out.size()); // TRACE
    if (Out.size() > MaxFrontStates || Stored > MaxStoredWords)
      return stateLimit(K, Out.size());
  }
  FrontsFrom = std::min(FrontsFrom, Down);
  return llvm::Error::success();
}

llvm::Expected<SearchResult> Searcher::run() {
  SearchResult Result;
  Result.Effect.assign(L, 0);
  Joined.resize(D);
  Unpacked.resize(D);
  State S(D, 0);
  if (L == 0) {
    Result.Progress = Eval.progress(S.data());
    return Result;
  }
  computeMaxSuffix();
  computeSupply();
  FrontsFrom = L + 1;

  // The optimum: a greedy assignment proves it when it meets the relaxation's
  // bound; otherwise the exact fronts decide, pruned by the greedy value.
  Heur.assign(L, 0);
  HeurSuffix.assign((L + 1) * D, 0);
  int64_t Greedy = greedyComplete(S.data(), 0);
  commitGreedy(0);
  int64_t Upper = upperBound(S.data(), row(MaxSuffix, 0), 0, L);
  bool ByFront = Greedy < Upper;
  if (getenv("ALLOC_TRACE")) fprintf(stderr, "greedy %lld upper %lld\n", (long long)Greedy, (long long)Upper); // TRACE
  size_t Witness = 0;
  Opt = Greedy;
  if (ByFront) {
    if (getenv("ALLOC_FORCE")) Greedy = atoll(getenv("ALLOC_FORCE"));
    // Rows of what the witness's first k choices add, for mixing.
    State Mix((L + 1) * D, 0);
    for (size_t I = 0; I < L; ++I)
      apply(row(Mix, I), R.Layers[I].Effects[Heur[I]], row(Mix, I + 1));
    if (llvm::Error E = buildFronts(0, S.data(), 0, Greedy, &Mix))
      return E;
    const Front &First = Fronts[0];
    for (size_t T = 0; T < First.size(); ++T) {
      Layout.unpack(First.key(T), Unpacked.data());
      int64_t V = Eval.progress(Unpacked.data());
      if (V > Opt || (V == Opt && First.Choice[T] < First.Choice[Witness]))
        Opt = V, Witness = T;
    }
  }
  Result.Progress = Opt;

  // Invariant: the witness's option at layer I plus its suffix reaches Opt
  // from S. Earlier options are tried cheapest test first.
  State WitnessSuffix(D), WitnessState(D), Trial(D);
  for (size_t I = 0; I < L; ++I) {
    const std::vector<Effect> &Effects = R.Layers[I].Effects;
    uint32_t Chosen;
    size_t NextWitness = 0;
    if (ByFront) {
      Chosen = Fronts[I].Choice[Witness];
      NextWitness = Fronts[I].Parent[Witness];
      Layout.unpack(Fronts[I + 1].key(NextWitness), WitnessSuffix.data());
    } else {
      Chosen = Heur[I];
      std::copy(row(HeurSuffix, I + 1), row(HeurSuffix, I + 1) + D, WitnessSuffix.begin());
    }
    apply(S.data(), Effects[Chosen], WitnessState.data());
    for (uint32_t E = 0; E < Chosen; ++E) {
      apply(S.data(), Effects[E], Trial.data());
      if (covers(Trial.data(), WitnessState.data()) ||
          progressWith(Trial.data(), WitnessSuffix.data()) >= Opt) {
        Chosen = E; // the witness's suffix still completes it
        break;
      }
      combine(Trial.data(), row(MaxSuffix, I + 1), Joined.data());
      if (upperBound(Trial.data(), Joined.data(), I + 1, L) < Opt)
        continue;
      if (getenv("ALLOC_TRACE")) fprintf(stderr, "greedy at layer %zu option %u of %u\n", I, E, Chosen); // TRACE
      if (GreedyRuns < MaxGreedyRuns && greedyComplete(Trial.data(), I + 1) >= Opt) {
        commitGreedy(I + 1);
        Chosen = E;
        ByFront = false;
        break;
      }
      if (FrontsFrom > I + 1)
        if (getenv("ALLOC_TRACE")) fprintf(stderr, "lazy fronts at %zu (greedy runs %u)\n", I, GreedyRuns); // TRACE
        if (llvm::Error Err = buildFronts(I + 1, S.data(), I, Opt, nullptr))
          return Err;
      const Front &Next = Fronts[I + 1];
      bool Reaches = false;
      for (size_t T = 0; T < Next.size() && !Reaches; ++T) {
        Layout.unpack(Next.key(T), Unpacked.data());
        if (progressWith(Trial.data(), Unpacked.data()) >= Opt) {
          Reaches = true;
          NextWitness = T;
        }
      }
      if (getenv("ALLOC_TRACE")) fprintf(stderr, "exact check layer %zu option %u of %u: %d\n", I, E, Chosen, (int)Reaches); // TRACE
      if (Reaches) {
        Chosen = E;
        ByFront = true;
        break;
      }
    }
    apply(S.data(), Effects[Chosen], Trial.data());
    S.swap(Trial);
    Witness = NextWitness;
    Result.Effect[I] = Chosen;
  }
  return Result;
}
} // namespace

llvm::Expected<SearchResult> searchOptimum(const Reduction &R, StateEvaluator &Eval) {
  return Searcher(R, Eval).run();
}

} // namespace certc::alloc
