// The membership impact as text ("12 members become eligible, 3 no longer
// are") and as JSON.
#include "compare/Impact.h"

#include "llvm/ADT/StringExtras.h"

namespace certc::compare {

namespace {
std::string members(size_t N) { return std::to_string(N) + (N == 1 ? " member" : " members"); }

std::string pointsChange(const CategoryChange &C) {
  return C.Category + " " + C.Old.str() + " -> " + C.New.str();
}

std::string quoted(const std::vector<std::string> &Names) {
  std::vector<std::string> Out;
  for (const std::string &N : Names)
    Out.push_back("`" + N + "`");
  return llvm::join(Out, ", ");
}
} // namespace

void printImpactText(const ImpactReport &R, Date AsOf, llvm::raw_ostream &OS) {
  OS << "\nimpact on " << members(R.Members) << " as of " << AsOf.str() << ": "
     << members(R.BecomeEligible) << (R.BecomeEligible == 1 ? " becomes" : " become") << " eligible, "
     << R.NoLongerEligible << " no longer " << (R.NoLongerEligible == 1 ? "is" : "are") << "\n";
  if (R.OnlyOld || R.OnlyNew)
    OS << "  not compared: " << members(R.OnlyOld) << " read only under the old edition, " << members(R.OnlyNew)
       << " only under the new one\n";
  for (const CategoryTotals &C : R.Categories) {
    OS << "  " << C.Category << ": ";
    if (!C.Gaining && !C.Losing) {
      OS << "no member's points change\n";
      continue;
    }
    OS << members(C.Gaining) << (C.Gaining == 1 ? " gains (" : " gain (") << C.Gained.str() << " points in all), "
       << members(C.Losing) << (C.Losing == 1 ? " loses (" : " lose (") << C.Lost.str() << " points in all)\n";
  }
  for (const Flip &F : R.Flips) {
    OS << "member " << F.Member << (F.BecomesEligible ? " becomes eligible" : " is no longer eligible");
    if (!F.Deciding.empty())
      OS << (F.BecomesEligible ? ": now meets " : ": no longer meets ") << quoted(F.Deciding);
    std::vector<std::string> Points;
    for (const CategoryChange &C : F.Points)
      Points.push_back(pointsChange(C));
    if (!Points.empty())
      OS << " (" << llvm::join(Points, ", ") << ")";
    OS << "\n";
  }
}

void writeImpactJson(const ImpactReport &R, Date AsOf, llvm::json::OStream &J) {
  J.attributeObject("impact", [&] {
    J.attribute("as_of", AsOf.str());
    J.attribute("members", int64_t(R.Members));
    J.attribute("only_old", int64_t(R.OnlyOld));
    J.attribute("only_new", int64_t(R.OnlyNew));
    J.attribute("become_eligible", int64_t(R.BecomeEligible));
    J.attribute("no_longer_eligible", int64_t(R.NoLongerEligible));
    J.attributeArray("categories", [&] {
      for (const CategoryTotals &C : R.Categories)
        J.object([&] {
          J.attribute("category", C.Category);
          J.attribute("members_gaining", int64_t(C.Gaining));
          J.attribute("points_gained", C.Gained.str());
          J.attribute("members_losing", int64_t(C.Losing));
          J.attribute("points_lost", C.Lost.str());
        });
    });
    J.attributeArray("flips", [&] {
      for (const Flip &F : R.Flips)
        J.object([&] {
          J.attribute("member", F.Member);
          J.attribute("becomes_eligible", F.BecomesEligible);
          J.attributeArray("deciding", [&] {
            for (const std::string &D : F.Deciding)
              J.value(D);
          });
          J.attributeArray("points", [&] {
            for (const CategoryChange &C : F.Points)
              J.object([&] {
                J.attribute("category", C.Category);
                J.attribute("old", C.Old.str());
                J.attribute("new", C.New.str());
              });
          });
        });
    });
  });
}

} // namespace certc::compare
