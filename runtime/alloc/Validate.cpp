// Structural checks on an allocation Problem.
#include "alloc/Validate.h"

#include <system_error>

namespace certc::alloc {

namespace {
llvm::Error invalid(const llvm::Twine &Message) {
  return llvm::createStringError(std::make_error_code(std::errc::invalid_argument),
                                 "invalid allocation problem: " + Message);
}

llvm::Error checkCaps(const Problem &P) {
  const size_t NumCaps = P.Caps.size();
  for (size_t K = 0; K < NumCaps; ++K) {
    const CapLimit &C = P.Caps[K];
    if (C.Limit.isNegative())
      return invalid("cap " + llvm::Twine(K) + " has a negative limit");
    if (C.Category >= P.NumCategories)
      return invalid("cap " + llvm::Twine(K) + " limits an unknown category");
    if (C.Parent == NoCap)
      continue;
    if (C.Parent >= NumCaps)
      return invalid("cap " + llvm::Twine(K) + " has an unknown parent");
    if (P.Caps[C.Parent].Category != C.Category)
      return invalid("cap " + llvm::Twine(K) +
                     " limits a different category than its parent");
  }
  // A parent chain longer than the number of caps must revisit a cap.
  for (size_t K = 0; K < NumCaps; ++K) {
    uint32_t At = static_cast<uint32_t>(K);
    for (size_t Steps = 0; At != NoCap; ++Steps) {
      if (Steps > NumCaps)
        return invalid("cap " + llvm::Twine(K) + " is its own ancestor");
      At = P.Caps[At].Parent;
    }
  }
  return llvm::Error::success();
}

llvm::Error checkItems(const Problem &P) {
  for (size_t I = 0; I < P.Items.size(); ++I) {
    const Item &It = P.Items[I];
    // Choices are stored in 16 bits inside the search's state tables.
    if (It.Options.size() > UINT16_MAX)
      return invalid("item " + llvm::Twine(I) + " has too many options");
    if (It.Pinned < -1 || It.Pinned >= static_cast<int64_t>(It.Options.size()))
      return invalid("item " + llvm::Twine(I) + " is pinned to option " + llvm::Twine(It.Pinned) +
                     " of " + llvm::Twine(It.Options.size()));
    for (size_t O = 0; O < It.Options.size(); ++O) {
      const Option &Opt = It.Options[O];
      // The message is built only on failure: this loop runs for every option.
      auto fail = [&](const char *What) {
        return invalid("item " + llvm::Twine(I) + " option " + llvm::Twine(O) + What);
      };
      if (Opt.Points.isNegative())
        return fail(" has negative points");
      if (Opt.Category >= P.NumCategories)
        return fail(" names an unknown category");
      if (Opt.Cap == NoCap)
        continue;
      if (Opt.Cap >= P.Caps.size())
        return fail(" names an unknown cap");
      if (P.Caps[Opt.Cap].Category != Opt.Category)
        return fail(" goes through a cap of another category");
    }
  }
  return llvm::Error::success();
}

llvm::Error checkLimits(const Problem &P) {
  for (size_t L = 0; L < P.Limits.size(); ++L) {
    const SharedLimit &Lim = P.Limits[L];
    if (Lim.Absolute.isNegative())
      return invalid("limit " + llvm::Twine(L) + " has a negative amount");
    if (Lim.IsShare && (Lim.Share.isNegative() || Lim.Share > Rational(1)))
      return invalid("limit " + llvm::Twine(L) + " has a share outside [0, 1]");
    for (uint32_t C : Lim.ShareOf)
      if (C >= P.NumCategories)
        return invalid("limit " + llvm::Twine(L) + " names an unknown category");
  }
  for (const Coverage &C : P.Covered)
    if (C.Limit >= P.Limits.size() || C.Item >= P.Items.size() || C.Option >= P.Items[C.Item].Options.size())
      return invalid("item " + llvm::Twine(C.Item) + " option " + llvm::Twine(C.Option) +
                     " names an unknown limit, or no such option exists");
  return llvm::Error::success();
}

llvm::Error checkRequirementsAndSpills(const Problem &P) {
  // One set of marks for all requirements, each unmarking what it marked.
  std::vector<bool> Seen(P.NumCategories, false);
  for (size_t R = 0; R < P.Requirements.size(); ++R) {
    const Requirement &Req = P.Requirements[R];
    if (Req.Amount.isNegative())
      return invalid("requirement " + llvm::Twine(R) + " has a negative amount");
    for (uint32_t C : Req.Categories) {
      if (C >= P.NumCategories)
        return invalid("requirement " + llvm::Twine(R) + " names an unknown category");
      if (Seen[C])
        return invalid("requirement " + llvm::Twine(R) + " lists a category twice");
      Seen[C] = true;
    }
    for (uint32_t C : Req.Categories)
      Seen[C] = false;
  }
  for (size_t S = 0; S < P.Spills.size(); ++S) {
    const Spill &Sp = P.Spills[S];
    if (Sp.From >= P.NumCategories || Sp.To >= P.NumCategories)
      return invalid("spill " + llvm::Twine(S) + " names an unknown category");
    if (Sp.Above.isNegative())
      return invalid("spill " + llvm::Twine(S) + " has a negative threshold");
  }
  return llvm::Error::success();
}
} // namespace

llvm::Error validateProblem(const Problem &P) {
  if (llvm::Error E = checkCaps(P))
    return E;
  if (llvm::Error E = checkLimits(P))
    return E;
  if (llvm::Error E = checkItems(P))
    return E;
  return checkRequirementsAndSpills(P);
}

} // namespace certc::alloc
