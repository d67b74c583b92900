// The words of an audit: derivations and reasons, rendered only when a report
// or an embedding asks for them.
#include "eval/Audit.h"

#include <fmt/format.h>

#include <algorithm>

namespace certc::eval {

namespace {
std::string points(const Rational &R) { return R.str() + (R == Rational(1) ? " point" : " points"); }

std::string unitWord(const ir::Policy &P, uint32_t Unit, bool Plural) {
  if (Unit == ir::None)
    return "";
  std::string Name = Plural ? P.Units[Unit].Plural : P.Units[Unit].Singular;
  std::replace(Name.begin(), Name.end(), '_', ' ');
  return Name;
}

std::string unitText(const ir::Policy &P, uint32_t Unit, const Rational &Amount) {
  if (Unit == ir::None)
    return Amount.str();
  return Amount.str() + " " + unitWord(P, Unit, Amount != Rational(1));
}

std::string windowText(const ir::DateWindow &W) {
  if (W.From && W.Until)
    return fmt::format(" (dated {} to {})", W.From->str(), W.Until->addDays(-1).value_or(*W.Until).str());
  if (W.From)
    return fmt::format(" (dated from {})", W.From->str());
  if (W.Until)
    return fmt::format(" (dated before {})", W.Until->str());
  return "";
}

std::string derivationOf(const ir::Policy &P, const Derivation &D) {
  if (!D.Rule)
    return "";
  const ir::Earning &E = *D.Earning;
  std::string Out;
  switch (E.K) {
  case ir::Earning::Kind::Fixed: Out = points(E.Points) + " each"; break;
  case ir::Earning::Kind::Awarded: Out = points(D.Quantity) + " as awarded"; break;
  case ir::Earning::Kind::Rate: {
    Out = fmt::format("{} at {} per {}", unitText(P, E.AmountUnit, D.Quantity), points(E.Points),
                      E.Per == Rational(1) ? unitWord(P, E.RateUnit, false) : unitText(P, E.RateUnit, E.Per));
    const ir::Rounding &Round = D.Rule->Round;
    if (D.Rounded != D.Exact)
      Out += fmt::format(" = {}, rounded {} to {}", D.Exact.str(),
                         Round.M == ir::Rounding::Mode::Down ? "down"
                         : Round.M == ir::Rounding::Mode::Up ? "up"
                                                             : "to the nearest",
                         points(Round.Step));
    Out += " = " + points(D.Rounded);
    break;
  }
  }
  if (D.Limit)
    Out += fmt::format(", at most {} each", points(D.Limit->Max));
  return Out;
}

const ir::Cap *capOf(const ir::Policy &P, const Derivation &D) {
  return D.Rule && D.Rule->Cap != ir::None ? &P.Caps[D.Rule->Cap] : nullptr;
}
} // namespace

std::string derivationText(const ir::Policy &P, const ItemResult &I) {
  // Points that came to zero are a reason, not a derivation of credit.
  return I.Why.K == Reason::Kind::NoPoints ? "" : derivationOf(P, I.How);
}

std::string reasonText(const ir::Policy &P, const Audit &A, const ItemResult &I) {
  const Reason &R = I.Why;
  switch (R.K) {
  case Reason::Kind::None: break;
  case Reason::Kind::Condition: return R.Text.str();
  case Reason::Kind::AfterAuditDate:
    return fmt::format("dated {}, after the audit date {}", R.When ? R.When->str() : "?", A.AsOf.str());
  case Reason::Kind::NoDatedValue:
    return fmt::format("rule `{}` states no value for items dated {}", I.Rule.str(),
                       R.When ? R.When->str() : "without a date");
  case Reason::Kind::NoQuantity:
    return fmt::format("rule `{}` needs a quantity this item does not give", I.Rule.str());
  case Reason::Kind::NegativeQuantity:
    return fmt::format("a negative quantity ({}) earns nothing", R.Quantity.str());
  case Reason::Kind::NoPoints: return fmt::format("earns no points ({})", derivationOf(P, I.How));
  case Reason::Kind::CapReached: {
    const ir::Cap *Cap = capOf(P, I.How);
    return fmt::format("the {}-point cap of `{}` is already reached", Cap ? Cap->Limit.str() : "?",
                       Cap ? Cap->Name : "a cap");
  }
  case Reason::Kind::LeftOut: return "left out by the allocation: crediting it would not change the outcome";
  case Reason::Kind::NoRule: return fmt::format("no rule of this policy credits this `{}` item", I.Kind.str());
  }
  // A credited item: say what lowered its points.
  std::string Notes;
  const Derivation &D = I.How;
  if (D.Limit)
    Notes = fmt::format("reduced from {} to the maximum of {} per item{}", D.Rounded.str(), points(D.Limit->Max),
                        windowText(D.Limit->When));
  if (I.Credited && D.Rule && I.Points != D.Earned) {
    const ir::Cap *Cap = capOf(P, D);
    Notes += fmt::format("{}reduced from {} by the {}-point cap of `{}`", Notes.empty() ? "" : "; ", D.Earned.str(),
                         Cap ? Cap->Limit.str() : "?", Cap ? Cap->Name : "a cap");
  }
  return Notes;
}

} // namespace certc::eval
