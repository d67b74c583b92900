// A witness that two editions differ: a smallest member ledger (fewest
// activities, then smallest values) on which OLD and NEW give different
// verdicts or points, built from the policies' declared vocabulary, found by a
// bounded random and guided search and shrunk by delta debugging.
#ifndef CERTC_COMPARE_WITNESS_H
#define CERTC_COMPARE_WITNESS_H

#include "base/Date.h"
#include "ir/IR.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace certc::compare {

struct WitnessBounds {
  unsigned MaxActivities = 8; ///< activities of one candidate member
  uint64_t MaxTries = 20000;  ///< candidate members audited under both editions
  double MaxSeconds = 10;     ///< wall time, whichever bound comes first
  uint64_t Seed = 1;
};

/// One field of a candidate: its name and its JSON text; Rank orders the
/// field's candidate values (0 is the smallest: absent for an optional field).
struct WitnessField {
  std::string Name, Json;
  unsigned Rank = 0;
};

struct WitnessActivity {
  std::string Kind;
  std::vector<WitnessField> Fields;
};

struct WitnessMember {
  std::vector<WitnessField> Fields; ///< member fields, `id` first
  std::vector<WitnessActivity> Activities;
};

/// What one edition decides for a candidate.
struct WitnessVerdict {
  bool Readable = false; ///< the edition reads the ledger (its vocabulary has every field)
  bool Eligible = false;
  std::vector<std::pair<std::string, Rational>> Points; ///< by category, the edition's order
};

struct WitnessResult {
  std::optional<WitnessMember> Found;
  WitnessVerdict Old, New; ///< for Found
  uint64_t Tried = 0;      ///< candidates audited
  double Seconds = 0;
  bool TimedOut = false;   ///< stopped by MaxSeconds rather than MaxTries
};

/// Searches for a member on whom Old and New differ on audit date AsOf.
/// Deterministic for a given seed unless MaxSeconds cuts the search short.
WitnessResult findWitness(const ir::Policy &Old, const ir::Policy &New, Date AsOf, const WitnessBounds &Bounds);

/// The member as a ledger `certc run` reads: one JSON object.
std::string witnessLedgerJson(const WitnessMember &M);

/// Reads the ledger under P and audits it on AsOf.
WitnessVerdict auditWitness(const ir::Policy &P, llvm::StringRef LedgerJson, Date AsOf);

/// Whether two verdicts differ: eligibility, or the points of a category
/// (a category only one edition has counts as 0 in the other).
bool verdictsDiffer(const WitnessVerdict &A, const WitnessVerdict &B);

} // namespace certc::compare

#endif
