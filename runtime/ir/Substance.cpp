// Clears every SourceLoc of a policy, and the layout of the words reports quote;
// equality is then that of the canonical JSON.
#include "ir/Substance.h"
#include "ir/IRJson.h"

namespace certc::ir {

namespace {
template <typename Range> void clearLocations(Range &Items) {
  for (auto &Item : Items)
    Item.Loc = SourceLoc();
}
} // namespace

Policy withoutSourcePositions(Policy P) {
  P.SourceFiles.clear();
  P.ContentHash.clear();
  clearLocations(P.MemberFields);
  clearLocations(P.Kinds);
  for (ActivityKind &Kind : P.Kinds)
    clearLocations(Kind.Fields);
  clearLocations(P.Categories);
  clearLocations(P.Requirements);
  // A condition's words are as the text lays them out (`period number>1`).
  for (Requirement &R : P.Requirements)
    R.WhenText = R.When == None ? "" : "-";
  clearLocations(P.CarryOvers);
  clearLocations(P.Spillovers);
  clearLocations(P.Prerequisites);
  clearLocations(P.Periods);
  clearLocations(P.Caps);
  clearLocations(P.Limits);
  clearLocations(P.Rules);
  for (Rule &R : P.Rules)
    clearLocations(R.Conditions);
  return P;
}

bool sameSubstance(const Policy &A, const Policy &B) {
  return writePolicyJson(withoutSourcePositions(A)) == writePolicyJson(withoutSourcePositions(B));
}

} // namespace certc::ir
