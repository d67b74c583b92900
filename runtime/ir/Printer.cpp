// Renders a Policy section by section, two-space indented, one entity per line.
#include "ir/Printer.h"

#include "ir/ExprPrinter.h"
#include "ir/Lookup.h"
#include "ir/Names.h"

#include "llvm/Support/raw_ostream.h"

namespace certc::ir {

namespace {
class Printer {
public:
  Printer(const Policy &P, llvm::raw_ostream &OS) : P(P), OS(OS) {}

  void print() {
    header();
    schema();
    categories();
    requirements();
    spillovers();
    prerequisites();
    periods();
    carryOvers();
    caps();
    limits();
    for (const Rule &R : P.Rules)
      rule(R);
  }

private:
  const Policy &P;
  llvm::raw_ostream &OS;

  std::string loc(const SourceLoc &L) {
    if (L.Line == 0)
      return "";
    std::string File =
        L.File < P.SourceFiles.size() ? P.SourceFiles[L.File] : "#" + std::to_string(L.File);
    return "  @ " + File + ":" + std::to_string(L.Line) + ":" + std::to_string(L.Col);
  }

  /// ` "Education points"` after a name, nothing when there is no title.
  static std::string titled(const std::string &Title) { return Title.empty() ? "" : " " + quoteText(Title); }

  std::string window(const DateWindow &W) {
    std::string Text;
    if (W.From)
      Text += " from " + W.From->str();
    if (W.Until)
      Text += " until " + W.Until->str();
    return Text;
  }

  void cites(const std::vector<Citation> &Cites, llvm::StringRef Indent) {
    for (const Citation &C : Cites) {
      OS << Indent << "cite " << quoteText(C.Document);
      if (!C.Section.empty())
        OS << " section " << quoteText(C.Section);
      if (!C.Quote.empty())
        OS << ": " << quoteText(C.Quote);
      OS << "\n";
    }
  }

  std::string categoryList(const std::vector<uint32_t> &Categories, llvm::StringRef Sep) {
    std::string Text;
    for (size_t I = 0; I < Categories.size(); ++I)
      Text += (I ? Sep.str() : "") + categoryName(P, Categories[I]);
    return Text;
  }

  void header() {
    OS << "policy " << quoteText(P.Title) << "\n";
    if (P.Designation != None)
      OS << "  designation " << symbolName(P, P.Designation) << "\n";
    if (!P.Edition.empty())
      OS << "  edition " << quoteText(P.Edition) << "\n";
    if (P.Effective)
      OS << "  effective " << P.Effective->str() << "\n";
    if (!P.Supersedes.empty())
      OS << "  supersedes " << quoteText(P.Supersedes) << " from "
         << (P.SupersedesFrom ? P.SupersedesFrom->str() : "?") << "\n";
    if (P.GoverningField != None)
      OS << "  governed by "
         << (P.GoverningField < P.MemberFields.size() ? P.MemberFields[P.GoverningField].Name : "#?") << "\n";
    if (!P.VerdictMet.empty())
      OS << "  verdict " << quoteText(P.VerdictMet) << " else " << quoteText(P.VerdictNotMet) << "\n";
    if (P.CountingUnit != None)
      OS << "  counts in " << unitName(P, P.CountingUnit, /*Plural=*/true) << "\n";
    OS << "  ir version " << P.Version << "\n";
    OS << "  content hash " << (P.ContentHash.empty() ? "none" : P.ContentHash) << "\n";
    for (const SourceDocument &S : P.Sources)
      OS << "  source " << S.Name << " " << quoteText(S.Title) << " file " << quoteText(S.File)
         << "\n";
    for (size_t I = 0; I < P.SourceFiles.size(); ++I)
      OS << "  file " << I << " " << quoteText(P.SourceFiles[I]) << "\n";
  }

  std::string typeText(const Field &F) {
    switch (F.Type) {
    case ValueType::Integer: {
      std::string Text = "integer";
      if (F.IntMin || F.IntMax)
        Text += " " + (F.IntMin ? std::to_string(*F.IntMin) : std::string()) + ".." +
                (F.IntMax ? std::to_string(*F.IntMax) : std::string());
      return Text;
    }
    case ValueType::Quantity:
      return "quantity in " + unitName(P, F.Unit, /*Plural=*/true);
    case ValueType::Enum:
      return "enum " + enumName(P, F.Enum);
    case ValueType::EnumSet:
      return "set of " + enumName(P, F.Enum);
    default:
      return valueTypeName(F.Type).str();
    }
  }

  void field(const Field &F) {
    OS << "    " << F.Name << ": " << typeText(F);
    if (F.Required)
      OS << ", required";
    if (F.Default.K != Value::Kind::Absent)
      OS << ", default " << printValue(P, F.Default, F.Enum);
    OS << loc(F.Loc) << "\n";
  }

  void schema() {
    OS << "schema\n";
    for (size_t I = 0; I < P.Enums.size(); ++I) {
      const EnumType &E = P.Enums[I];
      OS << "  enum " << E.Name << ":";
      for (size_t V = 0; V < E.Values.size(); ++V)
        OS << (V ? ", " : " ") << symbolName(P, E.Values[V]);
      OS << (I == P.DesignationEnum ? "  (designations)" : "") << "\n";
    }
    for (const Unit &U : P.Units) {
      OS << "  unit " << U.Singular << "/" << U.Plural;
      if (U.Base == None)
        OS << " (base)";
      else
        OS << " = " << U.PerBase.str() << " " << unitName(P, U.Base, /*Plural=*/true);
      OS << "\n";
    }
    OS << "  member\n";
    for (const Field &F : P.MemberFields)
      field(F);
    for (const ActivityKind &K : P.Kinds) {
      OS << "  kind " << symbolName(P, K.Name) << (K.IsPeriod ? " (period)" : "") << loc(K.Loc)
         << "\n";
      for (const Field &F : K.Fields)
        field(F);
    }
  }

  void categories() {
    OS << "categories\n";
    for (const Category &C : P.Categories)
      OS << "  " << C.Name << loc(C.Loc) << "\n";
  }

  void requirements() {
    OS << "requirements\n";
    for (const Requirement &R : P.Requirements) {
      OS << "  " << R.Name << titled(R.Title) << ": " << categoryList(R.Categories, " + ") << " >= ";
      for (size_t I = 0; I < R.Amounts.size(); ++I)
        OS << (I ? ", " : "") << R.Amounts[I].Amount.str() << window(R.Amounts[I].When);
      if (R.ProRate) {
        OS << " per month from " << printExpr(P, R.ProRate->From, None) << " through "
           << printExpr(P, R.ProRate->To, None) << (R.ProRate->RoundUp ? ", partial months up" : ", whole months");
        if (R.ProRate->AtMost)
          OS << ", at most " << R.ProRate->AtMost->str();
      }
      if (R.When != None)
        OS << " when " << printExpr(P, R.When, None);
      if (R.EveryNthPeriod)
        OS << " every " << R.EveryNthPeriod << " periods";
      OS << loc(R.Loc) << "\n";
      cites(R.Cites, "    ");
    }
  }

  void spillovers() {
    OS << "spillovers\n";
    for (const Spillover &S : P.Spillovers) {
      OS << "  " << categoryName(P, S.From) << " above " << S.Above.str() << " -> "
         << categoryName(P, S.To) << loc(S.Loc) << "\n";
      cites(S.Cites, "    ");
    }
  }

  void prerequisites() {
    OS << "prerequisites\n";
    for (const Prerequisite &Pr : P.Prerequisites) {
      OS << "  " << Pr.Name << titled(Pr.Title) << ": " << printExpr(P, Pr.Test, None) << loc(Pr.Loc) << "\n";
      OS << "    else " << quoteText(Pr.Reason) << (Pr.Waivable ? "" : " not waivable") << "\n";
      cites(Pr.Cites, "    ");
    }
  }

  void periods() {
    if (P.Periods.empty())
      return;
    OS << "compliance periods\n";
    for (const CompliancePeriod &Pe : P.Periods) {
      OS << "  " << Pe.LengthMonths << " months from " << printExpr(P, Pe.Anchor, None);
      if (Pe.GraceMonths)
        OS << ", with " << Pe.GraceMonths << " months of grace";
      if (Pe.When != None)
        OS << " when " << printExpr(P, Pe.When, None);
      OS << loc(Pe.Loc) << "\n";
      cites(Pe.Cites, "    ");
    }
  }

  void carryOvers() {
    if (P.CarryOvers.empty())
      return;
    OS << "carry-overs\n";
    for (const CarryOver &C : P.CarryOvers) {
      OS << "  excess of " << P.Requirements[C.Requirement].Name << " up to " << C.UpTo.str() << " -> "
         << categoryName(P, C.Into);
      if (C.LastMonths)
        OS << " from the last " << C.LastMonths << " months";
      OS << loc(C.Loc) << "\n";
      cites(C.Cites, "    ");
    }
  }

  void caps() {
    OS << "caps\n";
    for (const Cap &C : P.Caps) {
      OS << "  " << C.Name << ": at most " << C.Limit.str() << " in "
         << categoryName(P, C.Category);
      if (C.Parent != None)
        OS << ", inside " << capName(P, C.Parent);
      OS << loc(C.Loc) << "\n";
      cites(C.Cites, "    ");
    }
  }

  void limits() {
    if (P.Limits.empty())
      return;
    OS << "limits\n";
    for (const Limit &L : P.Limits) {
      OS << "  " << L.Name << ": at most ";
      if (L.IsShare)
        OS << L.Share.str() << " of the points counted in";
      else
        OS << L.Absolute.str() << " of";
      for (size_t C = 0; C < L.Categories.size(); ++C)
        OS << (C ? " + " : " ") << categoryName(P, L.Categories[C]);
      if (!L.Title.empty())
        OS << " \"" << L.Title << "\"";
      OS << loc(L.Loc) << "\n";
      cites(L.Cites, "    ");
    }
  }

  std::string points(Rational R) { return R.str() + (R == Rational(1) ? " point" : " points"); }

  void earning(const Earning &E, uint32_t Kind) {
    OS << "  earn ";
    switch (E.K) {
    case Earning::Kind::Fixed:
      OS << points(E.Points) << " per item";
      break;
    case Earning::Kind::Rate:
      OS << points(E.Points) << " per " << E.Per.str() << " "
         << unitName(P, E.RateUnit, E.Per != Rational(1)) << " of " << printExpr(P, E.Amount, Kind);
      // The conversion is worth showing only when the amount is in another unit.
      if (E.AmountToRateUnit != Rational(1) || (E.AmountUnit != None && E.AmountUnit != E.RateUnit))
        OS << " (in " << unitName(P, E.AmountUnit, /*Plural=*/true) << ", times "
           << E.AmountToRateUnit.str() << ")";
      break;
    case Earning::Kind::Awarded:
      OS << "points as awarded: " << printExpr(P, E.Amount, Kind);
      break;
    default:
      OS << "<earning kind " << unsigned(E.K) << ">";
    }
    OS << window(E.When) << "\n";
  }

  void rule(const Rule &R) {
    uint32_t Kind = kindIndexOf(P, R.Kind);
    OS << "rule " << R.Name << loc(R.Loc) << "\n";
    OS << "  kind " << symbolName(P, R.Kind) << "\n";
    if (R.Filter != None)
      OS << "  where " << printExpr(P, R.Filter, Kind) << "\n";
    for (const ItemCondition &C : R.Conditions) {
      OS << "  requires " << printExpr(P, C.Test, Kind) << loc(C.Loc) << "\n";
      OS << "    else " << quoteText(C.Reason) << "\n";
      cites(C.Cites, "    ");
    }
    for (const Earning &E : R.Earnings)
      earning(E, Kind);
    if (R.Round.M != Rounding::Mode::Exact || R.Round.Step != Rational(1))
      OS << "  round " << roundingModeName(R.Round.M) << " to " << R.Round.Step.str() << "\n";
    for (const ItemLimit &L : R.ItemMax)
      OS << "  at most " << points(L.Max) << " per item" << window(L.When) << "\n";
    for (const SplitPart &Part : R.Split)
      OS << "  part " << (Part.Rest ? "rest of " : "") << P.Kinds[Kind].Fields[Part.Field].Name << " credits "
         << categoryList(Part.Targets, " or ") << "\n";
    if (R.Split.empty())
      OS << "  credits " << categoryList(R.Targets, " or ") << "\n";
    if (R.Cap != None)
      OS << "  cap " << capName(P, R.Cap) << "\n";
    for (const RuleLimit &L : R.Limits) {
      OS << "  limit " << P.Limits[L.Limit].Name;
      if (L.Filter != None)
        OS << " where " << printExpr(P, L.Filter, Kind);
      OS << "\n";
    }
    if (R.Priority != 0)
      OS << "  priority " << R.Priority << "\n";
    cites(R.Cites, "  ");
  }
};
} // namespace

std::string printPolicy(const Policy &P) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  Printer(P, OS).print();
  OS.flush();
  return Text;
}

} // namespace certc::ir
