// Committee-language text for each aspect of each declaration; expressions as
// the IR printer writes them, names instead of indices.
#include "compare/Facets.h"

#include "base/Ordinal.h"
#include "eval/Audit.h"
#include "ir/ExprPrinter.h"
#include "ir/Lookup.h"
#include "ir/Names.h"

#include "llvm/ADT/StringExtras.h"

namespace certc::compare {

using namespace ir;
using eval::pointsText;

std::string windowText(const DateWindow &W) {
  std::string Text;
  if (W.From)
    Text += "from " + W.From->str();
  if (W.Until)
    Text += std::string(W.From ? " " : "") + "before " + W.Until->str();
  return Text;
}

namespace {
std::string withWindow(std::string Text, const DateWindow &W) {
  std::string When = windowText(W);
  return When.empty() ? Text : Text + " " + When;
}

std::string citationText(const Citation &C) {
  std::string Text = C.Document;
  if (!C.Section.empty())
    Text += ", " + quoteText(C.Section);
  if (!C.Quote.empty())
    Text += ": " + quoteText(C.Quote);
  return Text;
}

Facet single(std::string Aspect, std::string Text) {
  Facet F{std::move(Aspect), {}, false};
  if (!Text.empty())
    F.Items.push_back(std::move(Text));
  return F;
}

Facet list(std::string Aspect, std::vector<std::string> Items) { return Facet{std::move(Aspect), std::move(Items), true}; }

Facet citations(const std::vector<Citation> &Cites) {
  std::vector<std::string> Items;
  for (const Citation &C : Cites)
    Items.push_back(citationText(C));
  return list("citation", std::move(Items));
}

std::string categoriesText(const Policy &P, const std::vector<uint32_t> &Categories, llvm::StringRef Sep) {
  std::vector<std::string> Names;
  for (uint32_t C : Categories)
    Names.push_back(categoryName(P, C));
  return llvm::join(Names, Sep);
}

/// What a rate reads: a field, or a period's length ("the period in whole
/// months (pro rata), from later_date(start, awarded_on(CMC))").
std::string amountText(const Policy &P, ExprId Amount, uint32_t Kind) {
  const Expr &E = P.Exprs[Amount];
  if ((E.O != Op::YearsBetween && E.O != Op::MonthsBetween) || E.Args.size() != 2)
    return printExpr(P, Amount, Kind);
  std::string Text = E.O == Op::MonthsBetween ? "the period in whole months (pro rata)" : "the period in whole years";
  auto Clipped = [&](ExprId Bound) { return P.Exprs[Bound].O != Op::ActivityField; };
  if (Clipped(E.Args[0]))
    Text += ", from " + printExpr(P, E.Args[0], Kind);
  if (Clipped(E.Args[1]))
    Text += ", to " + printExpr(P, E.Args[1], Kind);
  return Text;
}

std::string earningText(const Policy &P, const Earning &E, uint32_t Kind) {
  switch (E.K) {
  case Earning::Kind::Fixed:
    return withWindow(pointsText(P, E.Points), E.When);
  case Earning::Kind::Rate:
    return withWindow(pointsText(P, E.Points) + " per " + (E.Per == Rational(1) ? "" : E.Per.str() + " ") +
                          unitName(P, E.RateUnit, E.Per != Rational(1)) + " of " + amountText(P, E.Amount, Kind),
                      E.When);
  case Earning::Kind::Awarded:
    return withWindow(printExpr(P, E.Amount, Kind) + " as awarded", E.When);
  }
  return "?";
}

std::string fieldText(const Policy &P, const Field &F) {
  std::string Text = F.Name + ": " + valueTypeName(F.Type).str();
  if (F.Type == ValueType::Quantity)
    Text += " in " + unitName(P, F.Unit, /*Plural=*/true);
  if (F.Type == ValueType::Enum || F.Type == ValueType::EnumSet)
    Text += " of " + enumName(P, F.Enum);
  if (F.IntMin || F.IntMax)
    Text += " from " + (F.IntMin ? std::to_string(*F.IntMin) : "") + " to " +
            (F.IntMax ? std::to_string(*F.IntMax) : "");
  if (F.Required)
    Text += " required";
  if (F.Default.K != Value::Kind::Absent)
    Text += " default " + printValue(P, F.Default, F.Enum);
  return Text;
}
/// The cap a rule counts under: a group's by name; a rule's own cap (named
/// after the rule) as such, so that renaming the rule is not a change of cap.
std::string capText(const Policy &P, const Rule &R) {
  if (R.Cap == None)
    return "";
  std::string Name = capName(P, R.Cap);
  return Name == R.Name ? "its own" : Name;
}
} // namespace

Facets describeRule(const Policy &P, const Rule &R) {
  uint32_t Kind = kindIndexOf(P, R.Kind);
  std::string Activity = "each " + symbolName(P, R.Kind);
  if (R.Filter != None)
    Activity += " where " + printExpr(P, R.Filter, Kind);
  std::vector<std::string> Conditions, Earnings, Maxima;
  for (const ItemCondition &C : R.Conditions)
    Conditions.push_back("requires " + printExpr(P, C.Test, Kind) + " else " + quoteText(C.Reason));
  for (const Earning &E : R.Earnings)
    Earnings.push_back(earningText(P, E, Kind));
  for (const ItemLimit &L : R.ItemMax)
    Maxima.push_back(withWindow(pointsText(P, L.Max) + " each", L.When));
  // A split rule's parts: "ethics_hours into Ethics", "the rest of hours into General".
  std::vector<std::string> Parts;
  for (const SplitPart &Part : R.Split)
    Parts.push_back((Part.Rest ? "the rest of " : "") + P.Kinds[Kind].Fields[Part.Field].Name + " into " +
                    categoriesText(P, Part.Targets, " or "));
  std::vector<std::string> Limits;
  for (const RuleLimit &L : R.Limits)
    Limits.push_back("`" + P.Limits[L.Limit].Name + "`" +
                     (L.Filter == None ? "" : " for items where " + printExpr(P, L.Filter, Kind)));
  std::string Rounding;
  if (R.Round.M != Rounding::Mode::Exact)
    Rounding = roundingModeName(R.Round.M).str() + " to " + pointsText(P, R.Round.Step);
  return {single("activities", Activity),
          list("condition", Conditions),
          single("earns", llvm::join(Earnings, ", ")),
          list("part", Parts),
          single("rounded", Rounding),
          single("per-item maximum", llvm::join(Maxima, ", ")),
          single("into", R.Split.empty() ? categoriesText(P, R.Targets, " or ") : ""),
          single("cap", capText(P, R)),
          list("counts against limit", Limits),
          single("priority", R.Priority ? std::to_string(R.Priority) : ""),
          citations(R.Cites)};
}

Facets describeRequirement(const Policy &P, const Requirement &R) {
  std::vector<std::string> Amounts;
  for (const RequiredAmount &A : R.Amounts)
    Amounts.push_back(withWindow(pointsText(P, A.Amount), A.When));
  std::string ProRate;
  if (R.ProRate)
    ProRate = "per " + std::string(R.ProRate->RoundUp ? "month or partial month" : "whole month") + " from " +
              printExpr(P, R.ProRate->From, None) + " to " + printExpr(P, R.ProRate->To, None) +
              (R.ProRate->AtMost ? ", at most " + pointsText(P, *R.ProRate->AtMost) : "");
  return {single("needs", categoriesText(P, R.Categories, " + ") + " at least " + llvm::join(Amounts, ", ")),
          single("pro-rated", ProRate),
          single("applies only when", R.WhenText),
          single("applies every", R.EveryNthPeriod ? ordinalText(R.EveryNthPeriod) + " period" : ""),
          single("title", R.Title), citations(R.Cites)};
}

Facets describeCarryOver(const Policy &P, const CarryOver &C) {
  return {single("up to", pointsText(P, C.UpTo)), single("into", categoryName(P, C.Into)),
          single("counts", C.LastMonths ? "the last " + std::to_string(C.LastMonths) + " months of the period"
                                        : "the whole period"),
          citations(C.Cites)};
}

Facets describePrerequisite(const Policy &P, const Prerequisite &Pr) {
  return {single("test", printExpr(P, Pr.Test, None)), single("else", quoteText(Pr.Reason)),
          single("title", Pr.Title), single("staff may waive it", Pr.Waivable ? "yes" : "no"),
          citations(Pr.Cites)};
}

Facets describePeriod(const Policy &P, const CompliancePeriod &Pe) {
  return {single("lasts", std::to_string(Pe.LengthMonths) + " months"),
          single("from", printExpr(P, Pe.Anchor, None)),
          single("grace", std::to_string(Pe.GraceMonths) + " months"),
          single("for", Pe.When == None ? "every member" : printExpr(P, Pe.When, None)), citations(Pe.Cites)};
}

Facets describeCap(const Policy &P, const Cap &C) {
  return {single("at most", pointsText(P, C.Limit) + " in " + categoryName(P, C.Category)),
          single("inside", C.Parent == None ? "" : capName(P, C.Parent)), citations(C.Cites)};
}

Facets describeLimit(const Policy &P, const Limit &L) {
  std::string Amount = L.IsShare ? std::to_string(L.Share.num()) + "/" + std::to_string(L.Share.den()) + " of"
                                 : pointsText(P, L.Absolute) + " of";
  // Which items it covers is read per rule: each rule says under "limits" which of its items count against it.
  return {single("at most", Amount + " " + categoriesText(P, L.Categories, " + ")), single("title", L.Title),
          citations(L.Cites)};
}

Facets describeSpillover(const Policy &P, const Spillover &S) {
  return {single("above", pointsText(P, S.Above)), citations(S.Cites)};
}

Facets describeHeading(const Policy &P) {
  std::vector<std::string> Sources;
  for (const SourceDocument &S : P.Sources)
    Sources.push_back(S.Name + ": " + quoteText(S.Title) + " file " + quoteText(S.File));
  std::string Verdict = P.VerdictMet.empty() ? "" : quoteText(P.VerdictMet) + " else " + quoteText(P.VerdictNotMet);
  return {single("title", quoteText(P.Title)),
          single("designation", P.Designation == None ? "" : symbolName(P, P.Designation)),
          single("verdict words", Verdict), single("counts in", eval::countingUnitName(P, /*Plural=*/true)),
          single("edition", P.Edition.empty() ? "" : quoteText(P.Edition)),
          single("effective", P.Effective ? P.Effective->str() : ""),
          single("supersedes", P.Supersedes.empty() ? "" : quoteText(P.Supersedes) + " from " + P.SupersedesFrom->str()),
          single("governed by", P.GoverningField < P.MemberFields.size() ? P.MemberFields[P.GoverningField].Name : ""),
          list("source", Sources)};
}

Facets describeVocabulary(const Policy &P) {
  std::vector<std::string> Member, Kinds, Enums, Units;
  for (const Field &F : P.MemberFields)
    Member.push_back(fieldText(P, F));
  for (const ActivityKind &K : P.Kinds) {
    std::vector<std::string> Fields;
    for (const Field &F : K.Fields)
      Fields.push_back(fieldText(P, F));
    Kinds.push_back(symbolName(P, K.Name) + (K.IsPeriod ? " period" : "") + " {" + llvm::join(Fields, "; ") + "}");
  }
  for (const EnumType &E : P.Enums) {
    std::vector<std::string> Values;
    for (SymbolId V : E.Values)
      Values.push_back(symbolName(P, V));
    Enums.push_back(E.Name + ": " + llvm::join(Values, ", "));
  }
  for (const Unit &U : P.Units)
    Units.push_back(U.Singular + ", " + U.Plural +
                    (U.Base == None ? "" : " = " + U.PerBase.str() + " " + unitName(P, U.Base, true)));
  return {list("member field", Member), list("activity kind", Kinds), list("enumeration", Enums),
          list("unit", Units)};
}

bool sameLedgerVocabulary(const Policy &A, const Policy &B) {
  if (A.Symbols != B.Symbols)
    return false;
  Facets VA = describeVocabulary(A), VB = describeVocabulary(B);
  for (size_t I = 0; I < VA.size(); ++I)
    if (VA[I].Items != VB[I].Items)
      return false;
  return true;
}

} // namespace certc::compare
