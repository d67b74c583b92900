// Pareto filtering: the next front shifted by each option, merged, then swept once.
#include "alloc/ParetoFront.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace certc::alloc {

namespace {

class Builder {
public:
  Builder(const Front &Next, llvm::ArrayRef<Effect> Effects, const StateLayout &Layout,
          FrontScratch &S)
      : Next(Next), Effects(Effects), Layout(Layout), S(S), W(Layout.words()),
        N(Next.size()) {}

  bool run(Front &Out) {
    S.Work += uint64_t(N) * Effects.size();
    if (S.Work > S.WorkLimit)
      return false;
    makeCandidates();
    mergeGroups();
    if (!sweep())
      return false;
    Out.Words = W;
    Out.clear();
    Out.Keys.reserve(S.Kept.size() * W);
    Out.Parent.reserve(S.Kept.size());
    Out.Choice.reserve(S.Kept.size());
    for (uint32_t C : S.Kept)
      Out.push(key(C), C % N, static_cast<uint16_t>(C / N));
    return true;
  }

private:
  /// Candidate C = (effect C / N, parent C % N): numbering by (effect, parent)
  /// makes the tie-break "smallest (e, t)" the same as "smallest index".
  const uint64_t *key(uint32_t C) const { return S.Keys.data() + size_t(C) * W; }

  bool before(uint32_t A, uint32_t B) const {
    int Cmp = Layout.compare(key(A), key(B));
    return Cmp != 0 ? Cmp > 0 : A < B;
  }

  void makeCandidates() {
    const size_t M = N * Effects.size();
    S.Keys.resize(M * W);
    S.Order.resize(M);
    for (size_t E = 0; E < Effects.size(); ++E) {
      const Effect &Eff = Effects[E];
      uint64_t *Dest = S.Keys.data() + E * N * W;
      std::copy(Next.Keys.begin(), Next.Keys.end(), Dest);
      bool Sorted = true;
      for (size_t T = 0; T < N; ++T) {
        uint64_t *K = Dest + T * W;
        if (Eff.Coord != NoCoord)
          Layout.addSaturated(K, Eff.Coord, Eff.Points);
        if (T > 0 && Layout.compare(K - W, K) < 0)
          Sorted = false;
      }
      uint32_t *Group = S.Order.data() + E * N;
      std::iota(Group, Group + N, static_cast<uint32_t>(E * N));
      // Shifting keeps the order except where saturation makes a coordinate
      // equal and later coordinates then decide; rare, so sort only then.
      if (!Sorted)
        std::sort(Group, Group + N, [&](uint32_t A, uint32_t B) { return before(A, B); });
    }
  }

  /// Groups are sorted and in effect order, so a stable merge keeps ties in
  /// (effect, parent) order.
  void mergeGroups() {
    const size_t M = S.Order.size();
    if (Effects.size() > 4) {
      S.Merged = S.Order;
      std::sort(S.Merged.begin(), S.Merged.end(),
                [&](uint32_t A, uint32_t B) { return before(A, B); });
      return;
    }
    // Merge group after group, alternating between two buffers.
    S.Merged.resize(M);
    S.Kept.resize(M); // free until the sweep
    std::vector<uint32_t> *Into = &S.Merged, *From = &S.Kept;
    if (Effects.size() % 2 == 0)
      std::swap(Into, From);
    std::copy(S.Order.begin(), S.Order.begin() + N, Into->begin());
    for (size_t E = 1; E < Effects.size(); ++E) {
      std::swap(Into, From);
      std::merge(From->begin(), From->begin() + E * N, S.Order.begin() + E * N,
                 S.Order.begin() + (E + 1) * N, Into->begin(),
                 [&](uint32_t A, uint32_t B) { return before(A, B); });
    }
  }

  /// In lexicographically decreasing order every dominator of a state comes
  /// first, so a state is kept iff no kept state dominates it.
  bool sweep() {
    S.Kept.clear();
    const unsigned D = Layout.dims();
    if (D <= 1) {
      if (!S.Merged.empty())
        S.Kept.push_back(S.Merged.front());
    } else if (D == 2) {
      int32_t Best = -1;
      for (uint32_t C : S.Merged)
        if (int32_t V = Layout.get(key(C), 1); V > Best) {
          Best = V;
          S.Kept.push_back(C);
        }
    } else if (D == 3) {
      sweepThree();
    } else {
      for (uint32_t C : S.Merged) {
        const uint64_t *K = key(C);
        // Recently kept states are the likeliest dominators.
        size_t I = S.Kept.size();
        while (I > 0 && !Layout.dominates(key(S.Kept[I - 1]), K))
          --I;
        // The only quadratic step: charge the tests made, stop over budget.
        S.Work += S.Kept.size() - I + 1;
        if (S.Work > S.WorkLimit)
          return false;
        if (I == 0)
          S.Kept.push_back(C);
      }
    }
    return true;
  }

  /// Three coordinates: the earlier candidates all have x0 at least as large,
  /// so dominance reduces to the staircase of kept (x1, x2). Stairs[x1] is the
  /// largest x2 kept with a first coordinate >= x1 (or -1).
  void sweepThree() {
    int32_t Room1 = 0;
    for (uint32_t C : S.Merged)
      Room1 = std::max(Room1, Layout.get(key(C), 1));
    // A dense staircase costs its length; use it only when the sweep is longer.
    if (Room1 > (1 << 20) || size_t(Room1) > 16 * S.Merged.size() + 256) {
      sweepThreeSparse();
      return;
    }
    S.Stairs.assign(size_t(Room1) + 1, -1);
    for (uint32_t C : S.Merged) {
      int32_t X1 = Layout.get(key(C), 1), X2 = Layout.get(key(C), 2);
      if (S.Stairs[X1] >= X2)
        continue;
      S.Kept.push_back(C);
      for (int32_t I = X1; I >= 0 && S.Stairs[I] < X2; --I)
        S.Stairs[I] = X2;
    }
  }

  void sweepThreeSparse() {
    // Keys increase while values decrease, so the first key >= x1 carries the
    // largest x2 among keys >= x1.
    std::map<int32_t, int32_t> Steps;
    for (uint32_t C : S.Merged) {
      int32_t X1 = Layout.get(key(C), 1), X2 = Layout.get(key(C), 2);
      auto It = Steps.lower_bound(X1);
      if (It != Steps.end() && It->second >= X2)
        continue;
      S.Kept.push_back(C);
      auto Up = Steps.upper_bound(X1), Down = Up;
      while (Down != Steps.begin() && std::prev(Down)->second <= X2)
        --Down;
      Steps.erase(Down, Up);
      Steps[X1] = X2;
    }
  }

  const Front &Next;
  llvm::ArrayRef<Effect> Effects;
  const StateLayout &Layout;
  FrontScratch &S;
  const unsigned W;
  const size_t N;
};
} // namespace

bool extendFront(const Front &Next, llvm::ArrayRef<Effect> Effects,
                 const StateLayout &Layout, FrontScratch &Scratch, Front &Out) {
  return Builder(Next, Effects, Layout, Scratch).run(Out);
}

} // namespace certc::alloc
