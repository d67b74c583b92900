// The words of an audit: derivations and reasons, written only when a report
// or an embedding asks for them, straight into the caller's stream.
#include "eval/Audit.h"

#include "llvm/Support/raw_ostream.h"

namespace certc::eval {

namespace {
/// "1 point", "7.5 points", "24 hours": an amount in the policy's counting unit.
void writePoints(llvm::raw_ostream &OS, const ir::Policy &P, const Rational &R) {
  if (P.CountingUnit < P.Units.size())
    return unitText(OS, P, P.CountingUnit, R);
  OS << R << (R == Rational(1) ? " point" : " points");
}



void windowText(llvm::raw_ostream &OS, const ir::DateWindow &W) {
  if (W.From && W.Until)
    OS << " (dated " << *W.From << " to " << W.Until->addDays(-1).value_or(*W.Until) << ")";
  else if (W.From)
    OS << " (dated from " << *W.From << ")";
  else if (W.Until)
    OS << " (dated before " << *W.Until << ")";
}

/// " 2022-01-01 to 2023-12-31 (grace to 2024-04-30)": last days, inclusive.
void periodText(llvm::raw_ostream &OS, const PeriodDates &P) {
  OS << ' ' << P.Start << " to " << P.lastDay();
  if (P.hasGrace())
    OS << " (grace to " << P.lastGraceDay() << ")";
}

const char *roundingWords(ir::Rounding::Mode M) {
  switch (M) {
  case ir::Rounding::Mode::Down: return ", rounded down to ";
  case ir::Rounding::Mode::Up: return ", rounded up to ";
  case ir::Rounding::Mode::Nearest: return ", rounded to the nearest ";
  case ir::Rounding::Mode::Exact: break;
  }
  return ", rounded to ";
}

/// "1 contact hour of ethics_hours = 1 point"; a rest part also says what the
/// other parts took.
void partDerivation(llvm::raw_ostream &OS, const ir::Policy &P, const Derivation &D) {
  if (!D.Part) {
    OS << "every part is 0";
    return;
  }
  const ir::Field &F = D.PartKind->Fields[D.Part->Field];
  if (D.Part->Rest) {
    unitText(OS, P, F.Unit, D.Whole);
    OS << " of " << F.Name << ", less ";
    unitText(OS, P, F.Unit, D.Whole.sub(D.Quantity).value_or(Rational()));
    OS << " in its other parts = ";
  }
  std::string InField, InPoints;
  llvm::raw_string_ostream FieldOS(InField), PointsOS(InPoints);
  unitText(FieldOS, P, F.Unit, D.Quantity);
  writePoints(PointsOS, P, D.Quantity);
  OS << FieldOS.str();
  if (!D.Part->Rest)
    OS << " of " << F.Name;
  // A field in the counting unit itself needs no conversion: "2 credits", not "2 credits = 2 credits".
  if (PointsOS.str() != FieldOS.str())
    OS << " = " << PointsOS.str();
}

void derivationOf(llvm::raw_ostream &OS, const ir::Policy &P, const Derivation &D) {
  if (!D.Rule)
    return;
  if (!D.Earning) {
    partDerivation(OS, P, D);
    if (D.Limit) {
      OS << ", at most ";
      writePoints(OS, P, D.Limit->Max);
      OS << " each";
    }
    return;
  }
  const ir::Earning &E = *D.Earning;
  switch (E.K) {
  case ir::Earning::Kind::Fixed:
    writePoints(OS, P, E.Points);
    OS << " each";
    break;
  case ir::Earning::Kind::Awarded:
    writePoints(OS, P, D.Quantity);
    OS << " as awarded";
    break;
  case ir::Earning::Kind::Rate:
    unitText(OS, P, E.AmountUnit, D.Quantity);
    OS << " at ";
    writePoints(OS, P, E.Points);
    OS << " per ";
    if (E.Per == Rational(1))
      unitName(OS, P, E.RateUnit, false);
    else
      unitText(OS, P, E.RateUnit, E.Per);
    if (D.Rounded != D.Exact) {
      OS << " = " << D.Exact << roundingWords(D.Rule->Round.M);
      writePoints(OS, P, D.Rule->Round.Step);
    }
    OS << " = ";
    writePoints(OS, P, D.Rounded);
    break;
  }
  if (D.Limit) {
    OS << ", at most ";
    writePoints(OS, P, D.Limit->Max);
    OS << " each";
  }
}

/// "its parts ethics_hours and law_hours add up to 9 contact hours, more than its
/// hours (8 contact hours)": How.Part is the rest part.
void partsExceedWhole(llvm::raw_ostream &OS, const ir::Policy &P, const Derivation &How, const Rational &Others) {
  if (!How.Part || !How.PartKind)
    return;
  const ir::Field &Whole = How.PartKind->Fields[How.Part->Field];
  OS << "its parts ";
  llvm::SmallVector<llvm::StringRef, 4> Names;
  for (const ir::SplitPart &Part : How.Rule->Split)
    if (!Part.Rest)
      Names.push_back(How.PartKind->Fields[Part.Field].Name);
  for (size_t I = 0; I < Names.size(); ++I)
    OS << (I == 0 ? "" : I + 1 == Names.size() ? " and " : ", ") << Names[I];
  OS << " add up to ";
  unitText(OS, P, Whole.Unit, Others);
  OS << ", more than its " << Whole.Name << " (";
  unitText(OS, P, Whole.Unit, How.Whole);
  OS << ")";
}

/// The counting unit as the adjective of "the 18-point cap", "the 12-contact-hour cap".
std::string unitAdjective(const ir::Policy &P) {
  std::string Unit = P.CountingUnit < P.Units.size() ? P.Units[P.CountingUnit].Singular : "point";
  std::replace(Unit.begin(), Unit.end(), '_', '-');
  return Unit;
}

/// The cap or limit that was full for the item (the allocator says which: with
/// nested caps it need not be the rule's own).
void fullBoundText(llvm::raw_ostream &OS, const ir::Policy &P, const ItemResult &I) {
  if (const ir::Limit *L = I.FullLimit) {
    llvm::StringRef Name = L->Title.empty() ? L->Name : L->Title;
    if (!L->IsShare) {
      OS << "the " << L->Absolute << "-" << unitAdjective(P) << " limit `" << Name << "`";
      return;
    }
    std::optional<Rational> Percent = L->Share.mul(Rational(100));
    OS << "the limit `" << Name << "` (at most ";
    if (Percent && Percent->hasFiniteDecimal())
      OS << *Percent << "%";
    else
      OS << L->Share;
    OS << " of the points counted in ";
    for (size_t C = 0; C < L->Categories.size(); ++C)
      OS << (C ? " + " : "") << P.Categories[L->Categories[C]].Name;
    OS << ")";
    return;
  }
  const ir::Cap *Cap = I.FullCap;
  if (!Cap && I.How.Rule && I.How.Rule->Cap != ir::None)
    Cap = &P.Caps[I.How.Rule->Cap];
  OS << "the " << (Cap ? Cap->Limit.str() : "?") << "-" << unitAdjective(P) << " cap of `" << (Cap ? Cap->Name : "a cap") << "`";
}
} // namespace

void writeDerivation(llvm::raw_ostream &OS, const ir::Policy &P, const ItemResult &I) {
  // Points that came to zero, and parts that add up to more than the item has,
  // are a reason, not a derivation of credit.
  if (I.Why.K != Reason::Kind::NoPoints && I.Why.K != Reason::Kind::PartsExceedWhole)
    derivationOf(OS, P, I.How);
}

void writeReason(llvm::raw_ostream &OS, const ir::Policy &P, const Audit &A, const ItemResult &I) {
  const Reason &R = I.Why;
  switch (R.K) {
  case Reason::Kind::None: break;
  case Reason::Kind::Condition: OS << R.Text; return;
  case Reason::Kind::AfterAuditDate:
    OS << "dated " << (R.When ? R.When->str() : "?") << ", after the audit date " << A.AsOf;
    return;
  case Reason::Kind::NoDatedValue:
    OS << "rule `" << I.Rule << "` states no value for items dated " << (R.When ? R.When->str() : "without a date");
    return;
  case Reason::Kind::NoQuantity: OS << "rule `" << I.Rule << "` needs a quantity this item does not give"; return;
  case Reason::Kind::NegativeQuantity: OS << "a negative quantity (" << R.Quantity << ") earns nothing"; return;
  case Reason::Kind::NoPoints:
    OS << "earns no points (";
    derivationOf(OS, P, I.How);
    OS << ")";
    return;
  case Reason::Kind::CapReached:
    fullBoundText(OS, P, I);
    OS << " is already reached";
    return;
  case Reason::Kind::LeftOut: OS << "left out by the allocation: crediting it would not change the outcome"; return;
  case Reason::Kind::NoRule: OS << "no rule of this policy credits this `" << I.Kind << "` item"; return;
  case Reason::Kind::OutsidePeriod:
    OS << "dated " << (R.When ? R.When->str() : "?") << ", outside the compliance period";
    if (A.Period)
      periodText(OS, *A.Period);
    return;
  case Reason::Kind::UsedByPrevious:
    OS << "dated " << (R.When ? R.When->str() : "?") << ", credited to the previous compliance period";
    if (A.Previous)
      OS << ' ' << A.Previous->Start << " to " << A.Previous->lastDay();
    OS << " in its grace months";
    return;
  case Reason::Kind::Excluded: OS << "excluded by exception `" << (I.Exception ? I.Exception->Id : "?") << "`"; return;
  case Reason::Kind::PartsExceedWhole: partsExceedWhole(OS, P, I.How, R.Quantity); return;
  }
  // A credited item: say what lowered its points.
  const Derivation &D = I.How;
  if (D.Limit) {
    OS << "reduced from " << D.Rounded << " to the maximum of ";
    writePoints(OS, P, D.Limit->Max);
    OS << " per item";
    windowText(OS, D.Limit->When);
  }
  if (I.Credited && D.Rule && I.Points != D.Earned) {
    OS << (D.Limit ? "; " : "") << "reduced from " << D.Earned << " by ";
    fullBoundText(OS, P, I);
  }
  if (I.Exception && I.Exception->A == StaffException::Action::Credit) {
    OS << (D.Limit || (I.Credited && D.Rule && I.Points != D.Earned) ? "; " : "") << "credited to " << I.Category
       << " by exception `" << I.Exception->Id << "`";
    if (I.Exception->Points)
      OS << ", which states its points";
  }
}

// Unit names are identifiers; members read them with spaces.
void unitName(llvm::raw_ostream &OS, const ir::Policy &P, uint32_t Unit, bool Plural) {
  if (Unit == ir::None)
    return;
  // Word by word rather than character by character: every report names units.
  llvm::StringRef Name = Plural ? P.Units[Unit].Plural : P.Units[Unit].Singular;
  for (size_t Start = 0;;) {
    size_t Blank = Name.find('_', Start);
    OS << Name.slice(Start, Blank);
    if (Blank == llvm::StringRef::npos)
      return;
    OS << ' ';
    Start = Blank + 1;
  }
}

void unitText(llvm::raw_ostream &OS, const ir::Policy &P, uint32_t Unit, const Rational &Amount) {
  OS << Amount;
  if (Unit == ir::None)
    return;
  OS << ' ';
  unitName(OS, P, Unit, Amount != Rational(1));
}

std::string partLabel(const ItemResult &I) {
  const Derivation &D = I.How;
  // An item turned down for its parts is whole: How.Part is then its rest part.
  if (!D.Part || !D.PartKind || I.Why.K == Reason::Kind::PartsExceedWhole)
    return "";
  const std::string &Field = D.PartKind->Fields[D.Part->Field].Name;
  return D.Part->Rest ? "the rest of " + Field : Field;
}

std::string pointsText(const ir::Policy &P, const Rational &R) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writePoints(OS, P, R);
  return OS.str();
}

std::string countingUnitName(const ir::Policy &P, bool Plural) {
  if (P.CountingUnit >= P.Units.size())
    return Plural ? "points" : "point";
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  unitName(OS, P, P.CountingUnit, Plural);
  return OS.str();
}

std::string derivationText(const ir::Policy &P, const ItemResult &I) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeDerivation(OS, P, I);
  return OS.str();
}

std::string reasonText(const ir::Policy &P, const Audit &A, const ItemResult &I) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeReason(OS, P, A, I);
  return OS.str();
}

std::string carriedText(const ir::Policy &P, const Audit &A, const CarriedCredit &C) {
  std::string From = "carried over from the previous compliance period";
  if (A.Previous)
    From = "carried over from " + A.Previous->Start.str() + " to " + A.Previous->lastDay().str();
  return From + ": " + pointsText(P, C.Points) + " into " + C.Category.str() + " (excess of " + C.Requirement.str() +
         ": " + pointsText(P, C.Excess) + ")";
}

} // namespace certc::eval
