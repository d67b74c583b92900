// Forced choices, saturation rooms and search coordinates.
#include "alloc/Reduce.h"

#include <algorithm>
#include <system_error>

namespace certc::alloc {

namespace {

/// Settling rounds; each round's result is exact, more only shrink the search.
constexpr unsigned MaxRounds = 8;

/// Category points beyond Bound[c] cannot change progress: every requirement
/// naming c is met by c alone, and every spill out of c already meets the
/// single-category requirements it feeds.
void categoryBounds(const ScaledProblem &P, std::vector<int64_t> &Bound,
                    std::vector<int64_t> &SingleAmount) {
  Bound.assign(P.NumCategories, 0);
  SingleAmount.assign(P.NumCategories, -1);
  for (const ScaledRequirement &R : P.Requirements) {
    for (uint32_t C : R.Categories)
      Bound[C] = std::max(Bound[C], R.Amount);
    if (R.Categories.size() == 1)
      SingleAmount[R.Categories.front()] =
          std::max(SingleAmount[R.Categories.front()], R.Amount);
  }
  for (const ScaledSpill &S : P.Spills)
    if (SingleAmount[S.To] >= 0)
      Bound[S.From] = std::max(Bound[S.From], S.Above + SingleAmount[S.To]);
}

/// Room of every attachment node given the points already settled: the least
/// headroom of the caps on its path and of its category's bound.
void nodeRooms(const ScaledProblem &P, const RawSums &Base, ReduceBuffers &B) {
  const std::vector<int64_t> &Bound = B.Bound;
  const Outcome &Settled = B.SettledOutcome;
  evaluate(P, Base, B.SettledOutcome);
  const size_t NumCaps = P.Caps.size();
  std::vector<int64_t> &Room = B.Room;
  Room.resize(NumCaps + P.NumCategories);
  for (unsigned C = 0; C < P.NumCategories; ++C)
    Room[NumCaps + C] = std::max<int64_t>(0, Bound[C] - Settled.CategoryPoints[C]);
  for (size_t K = 0; K < NumCaps; ++K) {
    int64_t R = Room[NumCaps + P.Caps[K].Category];
    for (uint32_t At = static_cast<uint32_t>(K); At != NoCap; At = P.Caps[At].Parent)
      R = std::min(R, P.Caps[At].Limit - Settled.CapCredited[At]);
    Room[K] = R;
  }
}

uint32_t attachNode(const ScaledProblem &P, const ScaledOption &O) {
  return O.Cap == NoCap ? static_cast<uint32_t>(P.Caps.size()) + O.Category : O.Cap;
}

/// The options of an item that no earlier option dominates. Coord holds the
/// attachment node here; coordinates are numbered once all layers are known.
void survivingEffects(const ScaledProblem &P, llvm::ArrayRef<ScaledOption> Options,
                      const std::vector<int64_t> &Room, EffectList &Kept) {
  Kept.clear();
  for (size_t O = 0; O < Options.size(); ++O) {
    uint32_t Node = attachNode(P, Options[O]);
    // Rooms above 2^31-1 are rejected later; clamping first keeps the cast defined.
    int64_t Points = std::min({Options[O].Points, Room[Node], int64_t(INT32_MAX)});
    Effect E{static_cast<uint32_t>(O), Points > 0 ? Node : NoCoord,
             static_cast<int32_t>(Points)};
    // An earlier option at least as good is preferred and never worse.
    bool Dominated = std::any_of(Kept.begin(), Kept.end(), [&](const Effect &K) {
      return E.Coord == NoCoord || (K.Coord == E.Coord && K.Points >= E.Points);
    });
    if (!Dominated)
      Kept.push_back(E);
  }
}
} // namespace

llvm::Error reduceProblem(const ScaledProblem &P, Reduction &Out, ReduceBuffers &B) {
  const size_t NumItems = P.numItems();
  Out.Choice.assign(NumItems, -1);
  Out.Base.reset(P);
  Out.CoordNode.clear();
  Out.Room.clear();
  Out.Layers.clear();
  std::vector<bool> &Settled = B.Settled;
  Settled.assign(NumItems, false);
  for (size_t I = 0; I < NumItems; ++I) {
    // Crediting never lowers progress, so a lone option is always taken.
    if (P.item(I).size() <= 1) {
      Settled[I] = true;
      if (P.item(I).size() == 1) {
        Out.Choice[I] = 0;
        Out.Base.add(P.item(I).front());
      }
    }
  }
  categoryBounds(P, B.Bound, B.SingleAmount);
  // Settling items shrinks rooms, which can settle more items.
  const std::vector<int64_t> &Room = B.Room;
  for (unsigned Round = 0; Round < MaxRounds; ++Round) {
    nodeRooms(P, Out.Base, B);
    bool Changed = false;
    for (size_t I = 0; I < NumItems; ++I) {
      if (Settled[I])
        continue;
      survivingEffects(P, P.item(I), Room, B.Effects);
      if (B.Effects.size() == 1) {
        // Option 0 always survives; alone, it dominates every other option.
        Settled[I] = true;
        Out.Choice[I] = 0;
        Out.Base.add(P.item(I).front());
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }

  // The open items become layers; Coord holds the node until numbered.
  std::vector<uint32_t> &CoordOfNode = B.CoordOfNode;
  CoordOfNode.assign(Room.size(), NoCoord);
  for (size_t I = 0; I < NumItems; ++I) {
    if (Settled[I])
      continue;
    Out.Layers.push_back({static_cast<uint32_t>(I), {}});
    survivingEffects(P, P.item(I), Room, Out.Layers.back().Effects);
    for (const Effect &E : Out.Layers.back().Effects)
      if (E.Coord != NoCoord)
        CoordOfNode[E.Coord] = 0;
  }
  // Number the attachment nodes that some open choice can still fill.
  for (size_t Node = 0; Node < Room.size(); ++Node) {
    if (CoordOfNode[Node] == NoCoord)
      continue;
    if (Room[Node] > INT32_MAX)
      return llvm::createStringError(
          std::errc::value_too_large,
          "allocation state limit: a category or cap has %lld scaled points of "
          "room left, more than 2^31-1",
          static_cast<long long>(Room[Node]));
    CoordOfNode[Node] = static_cast<uint32_t>(Out.CoordNode.size());
    Out.CoordNode.push_back(static_cast<uint32_t>(Node));
    Out.Room.push_back(static_cast<int32_t>(Room[Node]));
  }
  for (ChoiceLayer &Layer : Out.Layers)
    for (Effect &E : Layer.Effects)
      if (E.Coord != NoCoord)
        E.Coord = CoordOfNode[E.Coord];
  return llvm::Error::success();
}

} // namespace certc::alloc
