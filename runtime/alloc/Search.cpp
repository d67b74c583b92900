// Optimum and preferred choices via greedy witnesses, bounds and exact suffix Pareto fronts.
#include "alloc/Search.h"

#include "alloc/StateOps.h"

#include <system_error>

namespace certc::alloc {

namespace {

/// Greedy completions cost a pass over the remaining items each; after this
/// many the search relies on exact fronts alone.
constexpr unsigned MaxGreedyRuns = 16;

class Searcher {
public:
  Searcher(const Reduction &R, StateEvaluator &Eval, const SearchOptions &Options,
           SearchBuffers &Buffers)
      : R(R), Eval(Eval), Options(Options), Layout(R.Room), Bounds(R, Eval, Buffers.Bounds),
        Witness(R, Eval, Buffers.Witness), D(R.Room.size()), L(R.Layers.size()),
        Fronts(Buffers.Fronts), Scratch(Buffers.FrontWork), Bound(Buffers.PrefixBound),
        Mix(Buffers.Mix), Base(D), Relaxed(D), Joined(D), Unpacked(D) {
    Scratch.Work = 0;
    Scratch.WorkLimit = Options.MaxWork;
  }

  llvm::Error run(SearchResult &Result);
  SearchStats stats() const {
    SearchStats S = Stats;
    S.GreedyRuns = Witness.runs();
    S.Work = Scratch.Work;
    return S;
  }

private:
  using State = std::vector<int32_t>;

  int64_t progressWith(const int32_t *A, const int32_t *B) {
    combineStates(A, B, R.Room, Joined.data());
    return Eval.progress(Joined.data());
  }
  bool mayRunGreedy() const {
    return Options.UseWitnesses && Witness.runs() < MaxGreedyRuns;
  }
  llvm::Error buildFronts(size_t Down, const int32_t *Prefix, size_t PrefixLayer,
                          int64_t &Target, const State *Mix);
  void pruneFront(Front &Out, size_t K, const int32_t *Prefix, size_t PrefixLayer,
                  int64_t &Target, const State *Mix);
  bool frontReaches(const int32_t *Trial, size_t Layer, size_t &Found);
  llvm::Error stateLimit(size_t Layer, size_t States) const;

  const Reduction &R;
  StateEvaluator &Eval;
  const SearchOptions &Options;
  StateLayout Layout;
  SuffixBounds Bounds;
  GreedyWitness Witness;
  const size_t D, L;
  SearchStats Stats;
  /// Exact suffix fronts, valid for layers >= FrontsFrom (none: SIZE_MAX).
  std::vector<Front> &Fronts;
  size_t FrontsFrom = SIZE_MAX;
  /// Set by findOptimum when the fronts (not the greedy witness) prove it:
  /// then state FrontWitness of Fronts[0] reaches the optimum.
  bool ByFront = false;
  size_t FrontWitness = 0;
  FrontScratch &Scratch;
  /// Row k: the largest prefix combined with Fronts[k] (set by buildFronts).
  State &Bound;
  /// Row k: what the greedy witness's first k choices add.
  State &Mix;
  StateVector Base, Relaxed, Joined, Unpacked;
};

llvm::Error Searcher::stateLimit(size_t Layer, size_t States) const {
  return llvm::createStringError(
      std::errc::result_out_of_range,
      "allocation state limit: the exact search needs more than the documented "
      "limits (%zu states per choice, %zu stored words, %llu steps) at choice %zu of "
      "%zu (%zu undominated states); see docs/allocation.md, \"Limits\"",
      Options.MaxFrontStates, Options.MaxStoredWords,
      static_cast<unsigned long long>(Options.MaxWork), Layer, L, States);
}

/// Drops from Out (Fronts[K]) the states that cannot reach Target. A prefix
/// later combined with them is at most Prefix plus every option of layers
/// [PrefixLayer, K) at once (row K of Bound), so the bound covers every
/// completion the caller will ask about. With Mix (row k: what the greedy
/// witness's first k choices add), each state is also completed by that
/// prefix, and a better value raises Target, the best progress known.
void Searcher::pruneFront(Front &Out, size_t K, const int32_t *Prefix, size_t PrefixLayer,
                          int64_t &Target, const State *Mix) {
  const unsigned W = Layout.words();
  size_t Kept = 0;
  for (size_t I = 0; I < Out.size(); ++I) {
    Layout.unpack(Out.key(I), Unpacked.data());
    if (Mix)
      Target = std::max(Target, progressWith(&(*Mix)[K * D], Unpacked.data()));
    combineStates(Prefix, Unpacked.data(), R.Room, Base.data());
    combineStates(&Bound[K * D], Unpacked.data(), R.Room, Relaxed.data());
    if (Bounds.upperBound(Base.data(), Relaxed.data(), PrefixLayer, K) < Target)
      continue;
    // Compacting in place keeps the lexicographic order.
    std::copy(Out.key(I), Out.key(I) + W, Out.Keys.begin() + Kept * W);
    Out.Parent[Kept] = Out.Parent[I];
    Out.Choice[Kept] = Out.Choice[I];
    ++Kept;
  }
  Out.Keys.resize(Kept * W);
  Out.Parent.resize(Kept);
  Out.Choice.resize(Kept);
}

/// Builds Fronts[k] for k in [Down, FrontsFrom), each pruned by pruneFront.
llvm::Error Searcher::buildFronts(size_t Down, const int32_t *Prefix, size_t PrefixLayer,
                                  int64_t &Target, const State *Mix) {
  Stats.FrontsBuilt = true;
  Bound.resize((L + 1) * D);
  StateVector Largest(D);
  std::copy(Prefix, Prefix + D, Bound.begin() + PrefixLayer * D);
  for (size_t K = PrefixLayer; K < L; ++K) {
    largestEffects(R.Layers[K], Largest);
    combineStates(&Bound[K * D], Largest.data(), R.Room, &Bound[(K + 1) * D]);
  }

  const unsigned W = Layout.words();
  llvm::SmallVector<uint64_t, 4> Top(W);
  Layout.pack(R.Room.data(), Top.data());
  if (FrontsFrom == SIZE_MAX) {
    Fronts.resize(L + 1);
    for (Front &F : Fronts)
      F.clear();
    llvm::SmallVector<uint64_t, 4> Zero(W, 0);
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
    if (Next.size() == 1 && Layout.compare(Next.key(0), Top.data()) == 0) {
      // Everything saturated stays saturated: the earliest option keeps it.
      Out.push(Top.data(), 0, 0);
    } else {
      // Candidates are materialised, so their number is bounded as well.
      size_t Candidates = Next.size() * R.Layers[K].Effects.size();
      if (Candidates > 4 * Options.MaxFrontStates ||
          !extendFront(Next, R.Layers[K].Effects, Layout, Scratch, Out))
        return stateLimit(K, Next.size());
      pruneFront(Out, K, Prefix, PrefixLayer, Target, Mix);
    }
    Stored += Out.Keys.size();
    Stats.LargestFront = std::max(Stats.LargestFront, Out.size());
    Stats.StoredStates += Out.size();
    if (Out.size() > Options.MaxFrontStates || Stored > Options.MaxStoredWords)
      return stateLimit(K, Out.size());
  }
  FrontsFrom = std::min(FrontsFrom, Down);
  return llvm::Error::success();
}

/// Whether some state of Fronts[Layer] completes Trial to the optimum (Opt is
/// the target every front was pruned against, or a lower one); Found is it.
bool Searcher::frontReaches(const int32_t *Trial, size_t Layer, size_t &Found) {
  const Front &F = Fronts[Layer];
  for (size_t T = 0; T < F.size(); ++T) {
    Layout.unpack(F.key(T), Unpacked.data());
    if (progressWith(Trial, Unpacked.data()) >= Stats.Optimum) {
      Found = T;
      return true;
    }
  }
  return false;
}

llvm::Error Searcher::run(SearchResult &Result) {
  Result.Effect.assign(L, 0);
  StateVector S(D, 0);
  if (L == 0) {
    Result.Progress = Stats.Optimum = Eval.progress(S.data());
    return llvm::Error::success();
  }

  // The optimum. A greedy assignment proves it when it meets the upper bound;
  // otherwise exact fronts over all layers decide, pruned by the best
  // progress known (progress is never negative, so 0 is a safe start).
  int64_t Best = 0;
  if (Options.UseWitnesses) {
    Best = Witness.complete(S.data(), 0);
    Witness.commit(0);
  }
  ByFront = !Options.UseWitnesses ||
            Best < Bounds.upperBound(S.data(), Bounds.maxSuffix(0), 0, L);
  if (ByFront) {
    Mix.assign((L + 1) * D, 0);
    for (size_t I = 0; I < L; ++I)
      applyEffect(&Mix[I * D], R.Layers[I].Effects[Witness.choice(I)], R.Room,
                  &Mix[(I + 1) * D]);
    if (llvm::Error E =
            buildFronts(0, S.data(), 0, Best, Options.UseWitnesses ? &Mix : nullptr))
      return E;
    // The best state of Fronts[0] is the optimum (pruning kept every state
    // that can reach it); among optimal ones prefer the earliest first choice.
    const Front &First = Fronts[0];
    int64_t FrontBest = -1;
    for (size_t T = 0; T < First.size(); ++T) {
      Layout.unpack(First.key(T), Unpacked.data());
      int64_t V = Eval.progress(Unpacked.data());
      if (V > FrontBest || (V == FrontBest && First.Choice[T] < First.Choice[FrontWitness]))
        FrontBest = V, FrontWitness = T;
    }
    Best = FrontBest;
  }
  const int64_t Opt = Stats.Optimum = Result.Progress = Best;

  // Forward pass. Invariant: the witness's option at layer I followed by its
  // suffix reaches Opt from S. Earlier options are tried cheapest test first.
  StateVector WitnessSuffix(D), WitnessState(D), Trial(D);
  for (size_t I = 0; I < L; ++I) {
    llvm::ArrayRef<Effect> Effects = R.Layers[I].Effects;
    uint32_t Chosen;
    size_t NextWitness = 0;
    if (ByFront) {
      Chosen = Fronts[I].Choice[FrontWitness];
      NextWitness = Fronts[I].Parent[FrontWitness];
      Layout.unpack(Fronts[I + 1].key(NextWitness), WitnessSuffix.data());
    } else {
      Chosen = Witness.choice(I);
      std::copy(Witness.suffix(I + 1), Witness.suffix(I + 1) + D, WitnessSuffix.begin());
    }
    applyEffect(S.data(), Effects[Chosen], R.Room, WitnessState.data());
    for (uint32_t E = 0; E < Chosen; ++E) {
      applyEffect(S.data(), Effects[E], R.Room, Trial.data());
      // The witness's own suffix may already complete the earlier option.
      if (coversState(Trial.data(), WitnessState.data(), D) ||
          progressWith(Trial.data(), WitnessSuffix.data()) >= Opt) {
        Chosen = E;
        break;
      }
      combineStates(Trial.data(), Bounds.maxSuffix(I + 1), R.Room, Joined.data());
      if (Bounds.upperBound(Trial.data(), Joined.data(), I + 1, L) < Opt)
        continue;
      if (mayRunGreedy() && Witness.complete(Trial.data(), I + 1) >= Opt) {
        Witness.commit(I + 1);
        Chosen = E;
        ByFront = false;
        break;
      }
      // Only an exact answer is left: build the fronts once, pruned for
      // every prefix the rest of this pass can have.
      if (FrontsFrom > I + 1) {
        int64_t Target = Opt;
        if (llvm::Error Err = buildFronts(I + 1, S.data(), I, Target, nullptr))
          return Err;
      }
      if (frontReaches(Trial.data(), I + 1, NextWitness)) {
        Chosen = E;
        ByFront = true;
        break;
      }
    }
    applyEffect(S.data(), Effects[Chosen], R.Room, Trial.data());
    S.swap(Trial);
    FrontWitness = NextWitness;
    Result.Effect[I] = Chosen;
  }
  return llvm::Error::success();
}
} // namespace

void SearchBuffers::releaseLargeFronts() {
  size_t Bytes = sizeof(int32_t) * (FrontWork.Order.capacity() + FrontWork.Merged.capacity() +
                                    FrontWork.Kept.capacity() + FrontWork.Stairs.capacity()) +
                 sizeof(uint64_t) * FrontWork.Keys.capacity();
  for (const Front &F : Fronts)
    Bytes += sizeof(uint64_t) * F.Keys.capacity() + sizeof(uint32_t) * F.Parent.capacity() +
             sizeof(uint16_t) * F.Choice.capacity();
  if (Bytes > MaxKeptFrontBytes) {
    Fronts = std::vector<Front>();
    FrontWork = FrontScratch();
  }
}

llvm::Error searchOptimum(const Reduction &R, StateEvaluator &Eval, const SearchOptions &Options,
                          SearchBuffers &Buffers, SearchResult &Result) {
  llvm::Error E = [&] {
    Searcher S(R, Eval, Options, Buffers);
    llvm::Error Run = S.run(Result);
    if (Options.Stats)
      *Options.Stats = S.stats();
    return Run;
  }();
  Buffers.releaseLargeFronts();
  return E;
}

} // namespace certc::alloc
