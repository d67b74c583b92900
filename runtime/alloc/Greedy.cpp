// Greedy completion with single-item improvement moves.
#include "alloc/Greedy.h"

#include "alloc/StateOps.h"

namespace certc::alloc {

namespace {
/// Passes of single-item moves after each greedy completion.
constexpr unsigned MaxLocalSweeps = 3;
} // namespace

GreedyWitness::GreedyWitness(const Reduction &R, StateEvaluator &Eval, WitnessBuffers &Buffers)
    : R(R), Eval(Eval), D(R.Room.size()), L(R.Layers.size()), Choice(Buffers.Choice),
      TryChoice(Buffers.TryChoice), Suffix(Buffers.Suffix), TrySuffix(Buffers.TrySuffix) {
  Choice.assign(L, 0);
  TryChoice.assign(L, 0);
  Suffix.assign((L + 1) * D, 0);
  TrySuffix.assign((L + 1) * D, 0);
}

int64_t GreedyWitness::complete(const int32_t *From, size_t Layer) {
  ++Runs;
  StateVector Cur(From, From + D), Next(D), Best(D);
  int64_t Value = Eval.progress(Cur.data());
  for (size_t I = Layer; I < L; ++I) {
    llvm::ArrayRef<Effect> Effects = R.Layers[I].Effects;
    int64_t BestValue = -1;
    for (uint32_t E = 0; E < Effects.size(); ++E) {
      applyEffect(Cur.data(), Effects[E], R.Room, Next.data());
      int64_t V = Eval.progress(Next.data());
      if (V > BestValue) {
        BestValue = V;
        TryChoice[I] = E;
        Best.swap(Next);
      }
    }
    Cur.swap(Best);
    Value = BestValue;
  }
  Value = improveLocally(From, Layer, Value);
  std::fill(TrySuffix.begin() + L * D, TrySuffix.end(), 0);
  for (size_t I = L; I-- > Layer;)
    applyEffect(&TrySuffix[(I + 1) * D], R.Layers[I].Effects[TryChoice[I]], R.Room,
                &TrySuffix[I * D]);
  return Value;
}

/// Moves single items to other options while that strictly raises progress.
/// Works on unsaturated sums, which (unlike saturated ones) can be undone.
int64_t GreedyWitness::improveLocally(const int32_t *From, size_t Layer, int64_t Value) {
  llvm::SmallVector<int64_t, 8> Raw(From, From + D);
  auto move = [&](const Effect &E, int64_t Sign) {
    if (E.Coord != NoCoord)
      Raw[E.Coord] += Sign * E.Points;
  };
  for (size_t I = Layer; I < L; ++I)
    move(R.Layers[I].Effects[TryChoice[I]], +1);
  StateVector Clamped(D);
  auto valueOf = [&] {
    for (size_t J = 0; J < D; ++J)
      Clamped[J] = static_cast<int32_t>(std::min<int64_t>(Raw[J], R.Room[J]));
    return Eval.progress(Clamped.data());
  };
  for (unsigned Sweep = 0; Sweep < MaxLocalSweeps; ++Sweep) {
    bool Improved = false;
    for (size_t I = Layer; I < L; ++I) {
      llvm::ArrayRef<Effect> Effects = R.Layers[I].Effects;
      for (uint32_t E = 0; E < Effects.size(); ++E) {
        if (E == TryChoice[I])
          continue;
        move(Effects[TryChoice[I]], -1);
        move(Effects[E], +1);
        if (int64_t V = valueOf(); V > Value) {
          Value = V;
          TryChoice[I] = E;
          Improved = true;
        } else {
          move(Effects[E], -1);
          move(Effects[TryChoice[I]], +1);
        }
      }
    }
    if (!Improved)
      break;
  }
  return Value;
}

void GreedyWitness::commit(size_t Layer) {
  std::copy(TryChoice.begin() + Layer, TryChoice.end(), Choice.begin() + Layer);
  std::copy(TrySuffix.begin() + Layer * D, TrySuffix.end(), Suffix.begin() + Layer * D);
}

} // namespace certc::alloc
