// The witness in `certc diff`'s output: how each edition judges it and the
// ledger itself, or the bounds within which none was found.
#include "compare/Witness.h"
#include "compare/WitnessReport.h"

#include "llvm/ADT/StringExtras.h"

namespace certc::compare {

namespace {
std::string verdictText(const WitnessVerdict &V) {
  std::vector<std::string> Points;
  for (const auto &[Category, P] : V.Points)
    Points.push_back(Category + " " + P.str());
  return std::string(V.Eligible ? "eligible" : "not eligible") + "; " + llvm::join(Points, ", ");
}

std::string boundsText(const WitnessResult &R, const WitnessBounds &B) {
  std::string Text = std::to_string(R.Tried) + " candidate members of at most " + std::to_string(B.MaxActivities) +
                     " activities tried";
  if (R.TimedOut)
    Text += ", stopped by the time limit of " + llvm::formatv("{0}", B.MaxSeconds).str() + " s";
  return Text;
}
} // namespace

void printWitnessText(const WitnessResult &R, const WitnessBounds &B, llvm::raw_ostream &OS) {
  if (!R.Found) {
    OS << "\nno witness: no member on whom the editions differ was found (" << boundsText(R, B) << ")\n";
    return;
  }
  size_t N = R.Found->Activities.size();
  OS << "\nwitness: a member with " << N << (N == 1 ? " activity" : " activities")
     << " on whom the editions differ (" << boundsText(R, B) << "; no activity can be left out and no value lowered)\n"
     << "  old: " << verdictText(R.Old) << "\n"
     << "  new: " << verdictText(R.New) << "\n"
     << witnessLedgerJson(*R.Found);
}

void writeWitnessJson(const WitnessResult &R, const WitnessBounds &B, llvm::json::OStream &J) {
  auto Verdict = [&](const WitnessVerdict &V) {
    J.object([&] {
      J.attribute("eligible", V.Eligible);
      J.attributeObject("points", [&] {
        for (const auto &[Category, P] : V.Points)
          J.attribute(Category, P.str());
      });
    });
  };
  J.attributeObject("witness", [&] {
    J.attribute("found", R.Found.has_value());
    J.attribute("tried", int64_t(R.Tried));
    J.attribute("max_activities", int64_t(B.MaxActivities));
    J.attribute("timed_out", R.TimedOut);
    if (!R.Found)
      return;
    J.attributeBegin("old");
    Verdict(R.Old);
    J.attributeEnd();
    J.attributeBegin("new");
    Verdict(R.New);
    J.attributeEnd();
    llvm::Expected<llvm::json::Value> Ledger = llvm::json::parse(witnessLedgerJson(*R.Found));
    if (Ledger)
      J.attribute("ledger", std::move(*Ledger));
    else
      llvm::consumeError(Ledger.takeError());
  });
}

} // namespace certc::compare
