// The witness search: candidates are audited under both editions through the
// ledger reader and the evaluator themselves, so a witness distinguishes the
// editions exactly as `certc run` would. Phases: members without activities;
// one activity of each kind; then random members, and members filled up to
// eligibility with activities that earn points (a verdict can differ only for
// a member near the requirements). The first candidate found is shrunk.
#include "compare/Witness.h"
#include "compare/WitnessSpace.h"

#include "eval/Evaluate.h"
#include "ledger/Ledger.h"
#include "ledger/LedgerSchema.h"

#include "llvm/ADT/STLExtras.h"

#include <chrono>
#include <random>

namespace certc::compare {

std::string witnessLedgerJson(const WitnessMember &M) {
  auto Object = [](const std::vector<WitnessField> &Fields, std::string Out) {
    for (const WitnessField &F : Fields)
      if (!F.Json.empty())
        Out += ", \"" + F.Name + "\": " + F.Json;
    return Out + "}";
  };
  std::string Text = "{\n  \"member\": " + Object(M.Fields, "{\"id\": \"W1\"") + ",\n  \"activities\": [";
  for (size_t I = 0; I < M.Activities.size(); ++I) {
    const WitnessActivity &A = M.Activities[I];
    Text += std::string(I ? "," : "") + "\n    " +
            Object(A.Fields, "{\"id\": \"a" + std::to_string(I + 1) + "\", \"kind\": \"" + A.Kind + "\"");
  }
  return Text + (M.Activities.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

namespace {
struct Edition {
  explicit Edition(const ir::Policy &P) : P(P), Schema(P), Index(P) {}
  const ir::Policy &P;
  ledger::LedgerSchema Schema;
  eval::PolicyIndex Index;
};

WitnessVerdict audit(const Edition &E, llvm::StringRef Json, Date AsOf) {
  WitnessVerdict V;
  ledger::ReadResult R = ledger::readJsonLedger(E.Schema, "witness.json", Json);
  if (!R.Errors.empty() || R.Members.size() != 1)
    return V;
  llvm::Expected<eval::Audit> A = eval::evaluate(E.Index, R.Members[0], AsOf);
  if (!A) {
    llvm::consumeError(A.takeError());
    return V;
  }
  V.Readable = true;
  V.Eligible = A->Eligible;
  for (const eval::CategoryResult &C : A->Categories)
    V.Points.emplace_back(C.Name.str(), C.Points);
  return V;
}

Rational pointsOf(const WitnessVerdict &V, llvm::StringRef Category) {
  for (const auto &[Name, Points] : V.Points)
    if (Name == Category)
      return Points;
  return Rational(0);
}

Rational totalPoints(const WitnessVerdict &V) {
  Rational Sum(0);
  for (const auto &Entry : V.Points)
    if (std::optional<Rational> S = Sum.add(Entry.second))
      Sum = *S;
  return Sum;
}

class WitnessSearch {
public:
  WitnessSearch(const ir::Policy &OldP, const ir::Policy &NewP, Date AsOf, const WitnessBounds &Bounds)
      : Old(OldP), New(NewP), AsOf(AsOf), Bounds(Bounds), Space(witnessSpace(OldP, NewP, AsOf)),
        Rng(Bounds.Seed), Start(std::chrono::steady_clock::now()) {}

  WitnessResult run() {
    std::optional<WitnessMember> Found = search();
    if (Found) {
      shrink(*Found);
      improve(*Found);
    }
    Result.Found = Found;
    if (Found) {
      std::string Json = witnessLedgerJson(*Found);
      Result.Old = audit(Old, Json, AsOf);
      Result.New = audit(New, Json, AsOf);
    }
    Result.Seconds = elapsed();
    return Result;
  }

private:
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  }

  bool outOfBudget() {
    if (Result.Tried >= Bounds.MaxTries)
      return true;
    if (elapsed() >= Bounds.MaxSeconds) {
      Result.TimedOut = true;
      return true;
    }
    return false;
  }

  /// Audits M under both editions; true when they differ. The verdicts are
  /// kept for the guided phases.
  bool differs(const WitnessMember &M, WitnessVerdict *OldVerdict = nullptr) {
    ++Result.Tried;
    std::string Json = witnessLedgerJson(M);
    WitnessVerdict O = audit(Old, Json, AsOf), N = audit(New, Json, AsOf);
    if (OldVerdict)
      *OldVerdict = O;
    return O.Readable && N.Readable && verdictsDiffer(O, N);
  }

  size_t pick(size_t N) { return N ? size_t(Rng() % N) : 0; }

  WitnessField randomField(const FieldSpace &S) {
    unsigned Rank = pick(S.Candidates.size());
    return {S.Name, S.Candidates[Rank], Rank};
  }

  WitnessMember randomMember() {
    WitnessMember M;
    for (const FieldSpace &S : Space.Member)
      M.Fields.push_back(randomField(S));
    return M;
  }

  WitnessActivity randomActivity(const KindSpace &K) {
    WitnessActivity A{K.Name, {}};
    for (const FieldSpace &S : K.Fields)
      A.Fields.push_back(randomField(S));
    return A;
  }

  std::optional<WitnessMember> search() {
    // Members without activities: a prerequisite or a requirement of 0 may differ.
    std::vector<WitnessMember> Bases;
    for (int I = 0; I < 64 && !outOfBudget(); ++I) {
      WitnessMember M = randomMember();
      if (differs(M))
        return M;
      Bases.push_back(std::move(M));
    }
    // One activity of each kind, on a few members: most edits of a rule show
    // on one item. Activities that earn points make up the pool for filling.
    for (int Round = 0; Round < 32 && !outOfBudget(); ++Round)
      for (const KindSpace &K : Space.Kinds) {
        if (outOfBudget())
          break;
        WitnessMember M = Bases[pick(Bases.size())];
        M.Activities.push_back(randomActivity(K));
        WitnessVerdict O;
        if (differs(M, &O))
          return M;
        if (O.Readable && totalPoints(O) > Rational(0))
          Pool.push_back(M.Activities.back());
      }
    while (!outOfBudget() && !Bases.empty() && Bounds.MaxActivities > 0) {
      WitnessMember M = Bases[pick(Bases.size())];
      if (Rng() % 2 && !Pool.empty()) {
        if (std::optional<WitnessMember> Filled = fill(std::move(M), Bounds.MaxActivities))
          return Filled;
        continue;
      }
      size_t Count = 1 + pick(Bounds.MaxActivities);
      for (size_t I = 0; I < Count && !Space.Kinds.empty(); ++I) {
        bool FromPool = !Pool.empty() && Rng() % 2;
        M.Activities.push_back(FromPool ? Pool[pick(Pool.size())] : randomActivity(Space.Kinds[pick(Space.Kinds.size())]));
      }
      if (differs(M))
        return M;
    }
    return std::nullopt;
  }

  /// Spends the rest of the budget looking for a witness with fewer
  /// activities than Best: shrinking finds a local minimum, and a member with
  /// other activities may need fewer.
  void improve(WitnessMember &Best) {
    while (Best.Activities.size() > 1 && !outOfBudget()) {
      size_t Limit = Best.Activities.size() - 1;
      WitnessMember M = randomMember();
      std::optional<WitnessMember> Found;
      if (Rng() % 2 && !Pool.empty()) {
        Found = fill(std::move(M), Limit);
      } else {
        size_t Count = 1 + pick(Limit);
        for (size_t I = 0; I < Count && !Space.Kinds.empty(); ++I) {
          bool FromPool = !Pool.empty() && Rng() % 2;
          M.Activities.push_back(FromPool ? Pool[pick(Pool.size())]
                                          : randomActivity(Space.Kinds[pick(Space.Kinds.size())]));
        }
        if (differs(M))
          Found = std::move(M);
      }
      if (!Found)
        continue;
      shrink(*Found);
      if (Found->Activities.size() < Best.Activities.size())
        Best = std::move(*Found);
    }
  }

  /// Adds pool activities one by one (a random one of the pool's first
  /// candidates, so that different members fill differently) and checks
  /// after each: where a verdict differs, it does so near the requirements.
  std::optional<WitnessMember> fill(WitnessMember M, size_t Limit) {
    while (M.Activities.size() < Limit && !outOfBudget()) {
      M.Activities.push_back(Pool[pick(Pool.size())]);
      WitnessVerdict O;
      if (differs(M, &O))
        return M;
      if (O.Readable && O.Eligible) {
        // Eligible under OLD: member fields decide prerequisites; try others.
        for (int Tweak = 0; Tweak < 8 && !outOfBudget(); ++Tweak) {
          WitnessMember T = M;
          size_t F = pick(T.Fields.size());
          T.Fields[F] = randomField(Space.Member[F]);
          if (differs(T))
            return T;
        }
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // --- Shrinking (delta debugging): fewer activities, then smaller values,
  // until no single removal or lowering keeps the difference.

  void shrink(WitnessMember &M) {
    for (bool Changed = true; Changed;) {
      Changed = removeActivities(M);
      for (size_t A = 0; A < M.Activities.size(); ++A)
        Changed |= lowerFields(M, M.Activities[A].Fields, kindSpace(M.Activities[A].Kind));
      Changed |= lowerFields(M, M.Fields, Space.Member);
    }
  }

  bool removeActivities(WitnessMember &M) {
    bool Changed = false;
    for (size_t I = 0; I < M.Activities.size();) {
      WitnessMember Without = M;
      Without.Activities.erase(Without.Activities.begin() + I);
      if (differs(Without)) {
        M = std::move(Without);
        Changed = true;
      } else {
        ++I;
      }
    }
    return Changed;
  }

  const std::vector<FieldSpace> &kindSpace(llvm::StringRef Kind) const {
    for (const KindSpace &K : Space.Kinds)
      if (K.Name == Kind)
        return K.Fields;
    llvm_unreachable("a witness activity of a kind outside the space");
  }

  /// Lowers each field of Fields (a part of M) to its smallest candidate that
  /// keeps the difference.
  bool lowerFields(WitnessMember &M, std::vector<WitnessField> &Fields, const std::vector<FieldSpace> &Spaces) {
    bool Changed = false;
    for (size_t F = 0; F < Fields.size(); ++F) {
      WitnessField Kept = Fields[F];
      for (unsigned Rank = 0; Rank < Kept.Rank; ++Rank) {
        Fields[F] = {Kept.Name, Spaces[F].Candidates[Rank], Rank};
        if (differs(M)) {
          Changed = true;
          break;
        }
        Fields[F] = Kept;
      }
    }
    return Changed;
  }

  Edition Old, New;
  Date AsOf;
  WitnessBounds Bounds;
  WitnessSpace Space;
  std::mt19937_64 Rng;
  std::chrono::steady_clock::time_point Start;
  std::vector<WitnessActivity> Pool;
  WitnessResult Result;
};
} // namespace

WitnessVerdict auditWitness(const ir::Policy &P, llvm::StringRef LedgerJson, Date AsOf) {
  return audit(Edition(P), LedgerJson, AsOf);
}

bool verdictsDiffer(const WitnessVerdict &A, const WitnessVerdict &B) {
  if (A.Eligible != B.Eligible)
    return true;
  for (const auto &Entry : A.Points)
    if (pointsOf(B, Entry.first) != Entry.second)
      return true;
  for (const auto &Entry : B.Points)
    if (pointsOf(A, Entry.first) != Entry.second)
      return true;
  return false;
}

WitnessResult findWitness(const ir::Policy &Old, const ir::Policy &New, Date AsOf, const WitnessBounds &Bounds) {
  return WitnessSearch(Old, New, AsOf, Bounds).run();
}

} // namespace certc::compare
