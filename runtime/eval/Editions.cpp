#include "eval/Editions.h"

namespace certc::eval {

namespace {
/// The edition that supersedes Editions[I], if any (the first, in set order).
std::optional<size_t> supersededBy(llvm::ArrayRef<EditionFacts> Editions, size_t I) {
  for (size_t J = 0; J < Editions.size(); ++J)
    if (J != I && !Editions[J].Supersedes.empty() && Editions[J].Supersedes == Editions[I].Edition)
      return J;
  return std::nullopt;
}

/// [start, end) of an edition; an absent end is open.
struct Interval {
  Date Start;
  std::optional<Date> End;
};

std::optional<Interval> inForce(llvm::ArrayRef<EditionFacts> Editions, size_t I) {
  if (!Editions[I].Effective)
    return std::nullopt;
  Interval In{*Editions[I].Effective, std::nullopt};
  if (std::optional<size_t> Next = supersededBy(Editions, I))
    In.End = Editions[*Next].SupersedesFrom;
  return In;
}
} // namespace

std::vector<EditionProblem> checkEditions(llvm::ArrayRef<EditionFacts> Editions) {
  using K = EditionProblem::Kind;
  std::vector<EditionProblem> Problems;
  if (Editions.size() < 2)
    return Problems;
  for (size_t I = 0; I < Editions.size(); ++I) {
    const EditionFacts &E = Editions[I];
    if (!E.Effective) {
      Problems.push_back({K::Undated, I, I, {}, {}});
      continue;
    }
    if (E.Supersedes.empty())
      continue;
    size_t Old = Editions.size();
    for (size_t J = 0; J < Editions.size(); ++J)
      if (J != I && Editions[J].Edition == E.Supersedes)
        Old = J;
    if (Old == Editions.size()) {
      Problems.push_back({K::SupersededMissing, I, I, {}, {}});
      continue;
    }
    // The old edition ends on SupersedesFrom; this one starts on Effective.
    if (*E.Effective < *E.SupersedesFrom)
      Problems.push_back({K::Overlap, Old, I, *E.Effective, *E.SupersedesFrom});
    else if (*E.SupersedesFrom < *E.Effective)
      Problems.push_back({K::Gap, Old, I, *E.SupersedesFrom, *E.Effective});
  }
  // Editions in force at once for another reason: two that nothing supersedes
  // (both open-ended), or two superseding the same edition.
  for (size_t I = 0; I < Editions.size(); ++I)
    for (size_t J = I + 1; J < Editions.size(); ++J) {
      std::optional<Interval> A = inForce(Editions, I), B = inForce(Editions, J);
      if (!A || !B)
        continue;
      bool Chained = Editions[I].Supersedes == Editions[J].Edition || Editions[J].Supersedes == Editions[I].Edition;
      if (Chained)
        continue; // reported above, by the dates of the supersedes clause
      Date From = std::max(A->Start, B->Start);
      std::optional<Date> Until = !A->End ? B->End : !B->End ? A->End : std::min(*A->End, *B->End);
      if (!Until || From < *Until)
        Problems.push_back({K::Overlap, I, J, From, Until.value_or(From)});
    }
  return Problems;
}

std::optional<size_t> editionInForce(llvm::ArrayRef<EditionFacts> Editions, Date D) {
  std::optional<size_t> Found;
  for (size_t I = 0; I < Editions.size(); ++I) {
    std::optional<Interval> In = inForce(Editions, I);
    bool Covers = Editions.size() == 1 || (In && In->Start <= D && (!In->End || D < *In->End));
    if (!Covers)
      continue;
    if (Found)
      return std::nullopt;
    Found = I;
  }
  return Found;
}

std::string describeEditionProblem(const EditionProblem &P, llvm::ArrayRef<EditionFacts> Editions,
                                   llvm::StringRef Designation) {
  const std::string &A = Editions[P.First].Edition, &B = Editions[P.Second].Edition;
  switch (P.K) {
  case EditionProblem::Kind::Overlap:
    return "editions `" + A + "` and `" + B + "` of " + Designation.str() + " are both in force from " +
           P.From.str() + (P.Until == P.From ? std::string(" on") : " until " + P.Until.str());
  case EditionProblem::Kind::Gap:
    return "no edition of " + Designation.str() + " is in force from " + P.From.str() + " until " + P.Until.str() +
           ": `" + A + "` ends before `" + B + "` takes effect";
  case EditionProblem::Kind::SupersededMissing:
    return "edition `" + A + "` of " + Designation.str() + " supersedes `" + Editions[P.First].Supersedes +
           "`, which none of the editions given is";
  case EditionProblem::Kind::Undated:
    return "edition `" + A + "` of " + Designation.str() + " states no `effective` date, so it cannot be placed among the others";
  }
  return "";
}

} // namespace certc::eval
