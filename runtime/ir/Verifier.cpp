// The verifier: tables first, then expressions, then the entities that use both.
#include "ir/Verifier.h"

#include "ir/ExprChecker.h"
#include "ir/Lookup.h"
#include "ir/Names.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <vector>

namespace certc::ir {

namespace {
llvm::Error makeError(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

std::string quoted(llvm::StringRef Name) { return "'" + Name.str() + "'"; }

bool isPositive(Rational R) { return !R.isNegative() && !R.isZero(); }

/// The Value kind a field of type T holds.
Value::Kind valueKindFor(ValueType T) {
  switch (T) {
  case ValueType::Text:
    return Value::Kind::Text;
  case ValueType::Bool:
    return Value::Kind::Bool;
  case ValueType::Integer:
  case ValueType::Quantity:
    return Value::Kind::Number;
  case ValueType::Date:
    return Value::Kind::Date;
  case ValueType::Enum:
    return Value::Kind::Symbol;
  case ValueType::EnumSet:
    return Value::Kind::Set;
  case ValueType::Awards:
    return Value::Kind::Awards;
  }
  return Value::Kind::Absent;
}

/// Names within one table must be present and distinct: reports, explanations
/// and the compiler's diagnostics refer to entities by name.
template <typename T, typename NameFn>
llvm::Error checkNames(const std::vector<T> &Items, llvm::StringRef What, NameFn Name) {
  llvm::StringMap<size_t> Seen;
  for (size_t I = 0; I < Items.size(); ++I) {
    std::string N = Name(Items[I]);
    if (N.empty())
      return makeError(What + " " + llvm::Twine(I) + ": has no name");
    auto [It, New] = Seen.try_emplace(N, I);
    if (!New)
      return makeError(What + " " + quoted(N) + ": the name is used twice (" + What + " " +
                       llvm::Twine(It->second) + " and " + llvm::Twine(I) + ")");
  }
  return llvm::Error::success();
}

/// Tables are checked before what indexes them, so each check may rely on the
/// earlier ones; the first problem ends the run.
class Verifier {
public:
  explicit Verifier(const Policy &P) : P(P), Exprs(P) {}

  llvm::Error run() {
    using Step = llvm::Error (Verifier::*)();
    for (Step S : {&Verifier::checkHeader, &Verifier::checkSymbols, &Verifier::checkEnums,
                   &Verifier::checkDesignation, &Verifier::checkUnits, &Verifier::checkSources,
                   &Verifier::checkMemberFields, &Verifier::checkKinds, &Verifier::checkConsts,
                   &Verifier::checkArena, &Verifier::checkCategories, &Verifier::checkRequirements,
                   &Verifier::checkSpillovers, &Verifier::checkPrerequisites, &Verifier::checkPeriods,
                   &Verifier::checkCarryOvers, &Verifier::checkCaps, &Verifier::checkCategoryCaps,
                   &Verifier::checkLimits,
                   &Verifier::checkRules})
      if (llvm::Error E = (this->*S)())
        return E;
    return llvm::Error::success();
  }

private:
  const Policy &P;
  ExprChecker Exprs;

  // --- Shared checks ------------------------------------------------------------

  llvm::Error checkLoc(const SourceLoc &L, const llvm::Twine &Who) {
    // Line 0 means "no location" (e.g. implicit fields); then File is unused.
    if (L.Line != 0 && L.File >= P.SourceFiles.size())
      return makeError(Who + ": source location names file " + llvm::Twine(L.File) +
                       ", but there are " + llvm::Twine(P.SourceFiles.size()) + " source files");
    return llvm::Error::success();
  }

  llvm::Error checkSymbol(SymbolId S, const llvm::Twine &Who) {
    if (S >= P.Symbols.size())
      return makeError(Who + ": symbol " + llvm::Twine(S) + " is out of range (" +
                       llvm::Twine(P.Symbols.size()) + " symbols)");
    return llvm::Error::success();
  }

  llvm::Error checkCategory(uint32_t C, const llvm::Twine &Who) {
    if (C >= P.Categories.size())
      return makeError(Who + ": category " + llvm::Twine(C) + " is out of range (" +
                       llvm::Twine(P.Categories.size()) + " categories)");
    return llvm::Error::success();
  }

  llvm::Error checkDesignationSymbol(SymbolId S, const llvm::Twine &Who) {
    if (!enumHas(P, P.DesignationEnum, S))
      return makeError(Who + ": " + quoted(symbolName(P, S)) + " is not a designation");
    return llvm::Error::success();
  }

  /// A value in isolation: a known kind and valid symbols.
  llvm::Error checkValue(const Value &V, const llvm::Twine &Who) {
    if (valueKindName(V.K) == "invalid")
      return makeError(Who + ": unknown value kind " + llvm::Twine(unsigned(V.K)));
    if (V.K == Value::Kind::Symbol)
      return checkSymbol(V.Symbol, Who);
    if (V.K == Value::Kind::Awards)
      for (const Award &A : V.Awards)
        if (llvm::Error E = checkDesignationSymbol(A.Designation, Who))
          return E;
    return llvm::Error::success();
  }

  /// An expression used as Who, evaluated with current kind Kind, of type Wanted.
  llvm::Error checkExpr(ExprId Root, uint32_t Kind, ExprType::Kind Wanted, const llvm::Twine &Who) {
    llvm::Expected<ExprType> T = Exprs.typeOf(Root, Kind);
    if (!T)
      return makeError(Who + ": " + llvm::toString(T.takeError()));
    if (T->K != Wanted)
      return makeError(Who + ": expression " + llvm::Twine(Root) + " has type " +
                       describeType(P, *T) + ", expected " + describeType(P, ExprType{Wanted}));
    return llvm::Error::success();
  }

  llvm::Error checkWindow(const DateWindow &W, const llvm::Twine &Who) {
    if (W.From && W.Until && !(*W.From < *W.Until))
      return makeError(Who + ": window is empty (from " + W.From->str() + " until " +
                       W.Until->str() + ")");
    return llvm::Error::success();
  }

  /// Windows must not overlap, so at most one applies to any date. Sorting by
  /// start keeps this linear in the number of windows after the sort.
  llvm::Error checkDisjoint(size_t Count, llvm::function_ref<const DateWindow &(size_t)> At,
                            const std::string &Who, llvm::StringRef Item) {
    std::vector<size_t> Order(Count);
    std::iota(Order.begin(), Order.end(), 0);
    std::stable_sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
      const std::optional<Date> &FA = At(A).From, &FB = At(B).From;
      return FB && (!FA || *FA < *FB);
    });
    for (size_t I = 1; I < Order.size(); ++I) {
      const DateWindow &Earlier = At(Order[I - 1]), &Later = At(Order[I]);
      if (!Earlier.Until || !Later.From || *Earlier.Until > *Later.From) {
        size_t First = std::min(Order[I - 1], Order[I]);
        size_t Second = std::max(Order[I - 1], Order[I]);
        return makeError(Who + " " + Item + " " + llvm::Twine(Second) + ": window overlaps " +
                         Item + " " + llvm::Twine(First));
      }
    }
    return llvm::Error::success();
  }

  // --- Header and tables --------------------------------------------------------

  llvm::Error checkHeader() {
    if (P.Version != FormatVersion)
      return makeError("policy: IR version " + llvm::Twine(P.Version) +
                       " is not supported (expected " + llvm::Twine(FormatVersion) + ")");
    return llvm::Error::success();
  }

  llvm::Error checkSymbols() {
    // Symbols are interned: equal ids must mean equal names and vice versa.
    return checkNames(P.Symbols, "symbol", [](const std::string &S) { return S; });
  }

  llvm::Error checkEnums() {
    if (llvm::Error E = checkNames(P.Enums, "enum", [](const EnumType &E) { return E.Name; }))
      return E;
    for (const EnumType &E : P.Enums) {
      std::string Who = "enum " + quoted(E.Name);
      // Sets of the enum's values are 64-bit masks.
      if (E.Values.size() > 64)
        return makeError(Who + ": has " + llvm::Twine(E.Values.size()) +
                         " values, more than the 64 a set can hold");
      std::set<SymbolId> Seen;
      for (SymbolId V : E.Values) {
        if (llvm::Error Err = checkSymbol(V, Who))
          return Err;
        if (!Seen.insert(V).second)
          return makeError(Who + ": value " + quoted(P.Symbols[V]) + " appears twice");
      }
    }
    return llvm::Error::success();
  }

  llvm::Error checkDesignation() {
    if (P.DesignationEnum >= P.Enums.size())
      return makeError("policy: designation enum " + llvm::Twine(P.DesignationEnum) +
                       " is out of range (" + llvm::Twine(P.Enums.size()) + " enums)");
    if (P.Designation != None && !enumHas(P, P.DesignationEnum, P.Designation))
      return makeError("policy: designation " + quoted(symbolName(P, P.Designation)) +
                       " is not a value of enum " + quoted(P.Enums[P.DesignationEnum].Name));
    if (P.GoverningField != None &&
        (P.GoverningField >= P.MemberFields.size() || P.MemberFields[P.GoverningField].Type != ValueType::Date))
      return makeError("policy: governing field " + llvm::Twine(P.GoverningField) + " is not a member date field");
    if (P.CountingUnit != None && P.CountingUnit >= P.Units.size())
      return makeError("policy: counting unit " + llvm::Twine(P.CountingUnit) + " is out of range (" +
                       llvm::Twine(P.Units.size()) + " units)");
    if (P.VerdictMet.empty() != P.VerdictNotMet.empty())
      return makeError("policy: verdict words come in pairs (met, not met)");
    if (P.Supersedes.empty() != !P.SupersedesFrom)
      return makeError("policy: a superseded edition needs its end date, and only it");
    return llvm::Error::success();
  }

  llvm::Error checkUnits() {
    if (llvm::Error E = checkNames(P.Units, "unit", [](const Unit &U) { return U.Singular; }))
      return E;
    for (size_t I = 0; I < P.Units.size(); ++I) {
      const Unit &U = P.Units[I];
      std::string Who = "unit " + quoted(U.Singular);
      if (U.Base == None) {
        if (U.PerBase != Rational(1))
          return makeError(Who + ": a base unit must have per_base 1, not " + U.PerBase.str());
        continue;
      }
      if (U.Base >= P.Units.size() || U.Base == I)
        return makeError(Who + ": base unit " + llvm::Twine(U.Base) + " is out of range");
      // One level only: conversions multiply by PerBase once.
      if (P.Units[U.Base].Base != None)
        return makeError(Who + ": base unit " + quoted(P.Units[U.Base].Singular) +
                         " is not itself a base unit");
      if (!isPositive(U.PerBase))
        return makeError(Who + ": per_base must be positive, not " + U.PerBase.str());
    }
    return llvm::Error::success();
  }

  llvm::Error checkSources() {
    return checkNames(P.Sources, "source", [](const SourceDocument &S) { return S.Name; });
  }

  llvm::Error checkField(const Field &F, const std::string &Who) {
    if (valueTypeName(F.Type) == "invalid")
      return makeError(Who + ": unknown value type " + llvm::Twine(unsigned(F.Type)));
    bool IsEnum = F.Type == ValueType::Enum || F.Type == ValueType::EnumSet;
    if (IsEnum && F.Enum >= P.Enums.size())
      return makeError(Who + ": enum " + llvm::Twine(F.Enum) + " is out of range (" +
                       llvm::Twine(P.Enums.size()) + " enums)");
    if (!IsEnum && F.Enum != None)
      return makeError(Who + ": has an enum but holds " + valueTypeName(F.Type) + " values");
    bool IsQuantity = F.Type == ValueType::Quantity;
    if (IsQuantity && F.Unit >= P.Units.size())
      return makeError(Who + ": unit " + llvm::Twine(F.Unit) + " is out of range (" +
                       llvm::Twine(P.Units.size()) + " units)");
    if (!IsQuantity && F.Unit != None)
      return makeError(Who + ": has a unit but holds " + valueTypeName(F.Type) + " values");
    if ((F.IntMin || F.IntMax) && F.Type != ValueType::Integer)
      return makeError(Who + ": has integer bounds but holds " + valueTypeName(F.Type) + " values");
    if (F.IntMin && F.IntMax && *F.IntMin > *F.IntMax)
      return makeError(Who + ": integer bounds are empty (" + llvm::Twine(*F.IntMin) + " > " +
                       llvm::Twine(*F.IntMax) + ")");
    if (llvm::Error E = checkDefault(F, Who))
      return E;
    return checkLoc(F.Loc, Who);
  }

  llvm::Error checkDefault(const Field &F, const std::string &Who) {
    const Value &V = F.Default;
    if (V.K == Value::Kind::Absent)
      return llvm::Error::success();
    if (llvm::Error E = checkValue(V, Who + " default"))
      return E;
    if (V.K != valueKindFor(F.Type))
      return makeError(Who + ": default is a " + valueKindName(V.K) + " but the field holds " +
                       valueTypeName(F.Type) + " values");
    switch (F.Type) {
    case ValueType::Integer:
      if (!V.Number.isInteger() || (F.IntMin && V.Number < Rational(*F.IntMin)) ||
          (F.IntMax && V.Number > Rational(*F.IntMax)))
        return makeError(Who + ": default " + V.Number.str() +
                         " is not a whole number within the field's bounds");
      break;
    case ValueType::Enum:
      if (!enumHas(P, F.Enum, V.Symbol))
        return makeError(Who + ": default " + quoted(symbolName(P, V.Symbol)) +
                         " is not a value of enum " + quoted(P.Enums[F.Enum].Name));
      break;
    case ValueType::EnumSet:
      if (V.Set & ~enumMask(P, F.Enum))
        return makeError(Who + ": default set has positions beyond the values of enum " +
                         quoted(P.Enums[F.Enum].Name));
      break;
    default:
      break;
    }
    return llvm::Error::success();
  }

  llvm::Error checkFields(const std::vector<Field> &Fields, const std::string &Owner) {
    if (llvm::Error E = checkNames(Fields, Owner.empty() ? "member field" : Owner + " field",
                                   [](const Field &F) { return F.Name; }))
      return E;
    for (const Field &F : Fields)
      if (llvm::Error E =
              checkField(F, (Owner.empty() ? "member" : Owner) + " field " + quoted(F.Name)))
        return E;
    return llvm::Error::success();
  }

  llvm::Error checkMemberFields() { return checkFields(P.MemberFields, ""); }

  llvm::Error checkKinds() {
    std::vector<uint32_t> FirstWithName(P.Symbols.size(), None);
    for (size_t I = 0; I < P.Kinds.size(); ++I) {
      const ActivityKind &K = P.Kinds[I];
      if (llvm::Error E = checkSymbol(K.Name, "kind " + llvm::Twine(I)))
        return E;
      std::string Who = "kind " + quoted(P.Symbols[K.Name]);
      // Rules name their kind by symbol, so kind names must be unique.
      if (FirstWithName[K.Name] != None)
        return makeError(Who + ": the name is used twice (kind " +
                         llvm::Twine(FirstWithName[K.Name]) + " and " + llvm::Twine(I) + ")");
      FirstWithName[K.Name] = static_cast<uint32_t>(I);
      if (llvm::Error E = checkFields(K.Fields, Who))
        return E;
      if (K.IsPeriod)
        for (llvm::StringRef Bound : {"start", "end"}) {
          auto It = llvm::find_if(K.Fields, [&](const Field &F) { return F.Name == Bound; });
          if (It == K.Fields.end() || It->Type != ValueType::Date)
            return makeError(Who + ": a period kind needs a date field " + quoted(Bound));
        }
      if (llvm::Error E = checkLoc(K.Loc, Who))
        return E;
    }
    return llvm::Error::success();
  }

  llvm::Error checkConsts() {
    for (size_t I = 0; I < P.Consts.size(); ++I)
      if (llvm::Error E = checkValue(P.Consts[I], "const " + llvm::Twine(I)))
        return E;
    return llvm::Error::success();
  }

  llvm::Error checkArena() { return Exprs.checkArena(); }

  // --- Categories and what combines them ----------------------------------------

  llvm::Error checkCategories() {
    if (llvm::Error E =
            checkNames(P.Categories, "category", [](const Category &C) { return C.Name; }))
      return E;
    for (const Category &C : P.Categories)
      if (llvm::Error E = checkLoc(C.Loc, "category " + quoted(C.Name)))
        return E;
    return llvm::Error::success();
  }

  /// Reports show a title in place of the name, so one of blanks would show nothing.
  static llvm::Error checkTitle(const std::string &Title, const std::string &Who) {
    if (!Title.empty() && llvm::StringRef(Title).trim().empty())
      return makeError(Who + ": the title is blank");
    return llvm::Error::success();
  }

  llvm::Error checkRequirements() {
    if (llvm::Error E =
            checkNames(P.Requirements, "requirement", [](const Requirement &R) { return R.Name; }))
      return E;
    for (const Requirement &R : P.Requirements) {
      std::string Who = "requirement " + quoted(R.Name);
      if (R.Categories.empty())
        return makeError(Who + ": names no categories");
      std::set<uint32_t> Seen;
      for (uint32_t C : R.Categories) {
        if (llvm::Error E = checkCategory(C, Who))
          return E;
        if (!Seen.insert(C).second)
          return makeError(Who + ": names category " + quoted(P.Categories[C].Name) + " twice");
      }
      if (llvm::Error E = checkRequirementScope(R, Who))
        return E;
      if (llvm::Error E = checkTitle(R.Title, Who))
        return E;
      if (llvm::Error E = checkLoc(R.Loc, Who))
        return E;
    }
    return llvm::Error::success();
  }

  /// Its amounts, pro-rating and condition: what makes it depend on the member.
  llvm::Error checkRequirementScope(const Requirement &R, const std::string &Who) {
    if (R.Amounts.empty())
      return makeError(Who + ": states no amount");
    for (size_t I = 0; I < R.Amounts.size(); ++I) {
      std::string AWho = Who + " amount " + std::to_string(I);
      if (llvm::Error E = checkWindow(R.Amounts[I].When, AWho))
        return E;
      if (!isPositive(R.Amounts[I].Amount))
        return makeError(AWho + ": amount must be positive, not " + R.Amounts[I].Amount.str());
    }
    if (llvm::Error E = checkDisjoint(
            R.Amounts.size(), [&](size_t I) -> const DateWindow & { return R.Amounts[I].When; }, Who, "amount"))
      return E;
    if (R.ProRate) {
      for (ExprId Bound : {R.ProRate->From, R.ProRate->To})
        if (llvm::Error E = checkExpr(Bound, None, ExprType::Kind::Date, Who + " pro-rating"))
          return E;
      if (R.ProRate->AtMost && !isPositive(*R.ProRate->AtMost))
        return makeError(Who + ": pro-rating maximum must be positive, not " + R.ProRate->AtMost->str());
    }
    if (R.When != None)
      if (llvm::Error E = checkExpr(R.When, None, ExprType::Kind::Bool, Who + " condition"))
        return E;
    if ((R.When == None) != R.WhenText.empty())
      return makeError(Who + ": a condition and its text go together");
    if (R.EveryNthPeriod != 0 && P.Periods.empty())
      return makeError(Who + ": applies every " + std::to_string(R.EveryNthPeriod) +
                       " periods, but the policy has no compliance period");
    return llvm::Error::success();
  }

  llvm::Error checkCarryOvers() {
    std::set<uint32_t> Seen;
    for (size_t I = 0; I < P.CarryOvers.size(); ++I) {
      const CarryOver &C = P.CarryOvers[I];
      std::string Who = "carry-over " + std::to_string(I);
      if (P.Periods.empty())
        return makeError(Who + ": the policy has no compliance period");
      if (C.Requirement >= P.Requirements.size())
        return makeError(Who + ": requirement " + std::to_string(C.Requirement) + " out of range");
      if (!Seen.insert(C.Requirement).second)
        return makeError(Who + ": requirement " + quoted(P.Requirements[C.Requirement].Name) +
                         " carries over twice");
      if (llvm::Error E = checkCategory(C.Into, Who))
        return E;
      if (!isPositive(C.UpTo))
        return makeError(Who + ": limit must be positive, not " + C.UpTo.str());
      if (C.LastMonths > MaxPeriodMonths)
        return makeError(Who + ": counts the last " + std::to_string(C.LastMonths) + " months, more than " +
                         std::to_string(MaxPeriodMonths));
      if (llvm::Error E = checkLoc(C.Loc, Who))
        return E;
    }
    return llvm::Error::success();
  }

  llvm::Error checkSpillovers() {
    std::set<std::pair<uint32_t, uint32_t>> Seen;
    for (size_t I = 0; I < P.Spillovers.size(); ++I) {
      const Spillover &S = P.Spillovers[I];
      std::string Who = "spillover " + std::to_string(I);
      if (llvm::Error E = checkCategory(S.From, Who))
        return E;
      if (llvm::Error E = checkCategory(S.To, Who))
        return E;
      Who += " (" + P.Categories[S.From].Name + " to " + P.Categories[S.To].Name + ")";
      if (S.From == S.To)
        return makeError(Who + ": spills a category into itself");
      if (!Seen.insert({S.From, S.To}).second)
        return makeError(Who + ": the same spillover is declared twice");
      if (S.Above.isNegative())
        return makeError(Who + ": threshold must not be negative, not " + S.Above.str());
      if (llvm::Error E = checkLoc(S.Loc, Who))
        return E;
    }
    return llvm::Error::success();
  }

  llvm::Error checkPrerequisites() {
    if (llvm::Error E = checkNames(P.Prerequisites, "prerequisite",
                                   [](const Prerequisite &Pr) { return Pr.Name; }))
      return E;
    for (const Prerequisite &Pr : P.Prerequisites) {
      std::string Who = "prerequisite " + quoted(Pr.Name);
      // Prerequisites are about the member: no activity is current.
      if (llvm::Error E = checkExpr(Pr.Test, None, ExprType::Kind::Bool, Who + " test"))
        return E;
      if (llvm::Error E = checkTitle(Pr.Title, Who))
        return E;
      if (llvm::Error E = checkLoc(Pr.Loc, Who))
        return E;
    }
    return llvm::Error::success();
  }

  llvm::Error checkPeriods() {
    for (size_t I = 0; I < P.Periods.size(); ++I) {
      const CompliancePeriod &Pe = P.Periods[I];
      std::string Who = "compliance period " + std::to_string(I);
      if (Pe.LengthMonths == 0 || Pe.LengthMonths > MaxPeriodMonths)
        return makeError(Who + " lasts " + std::to_string(Pe.LengthMonths) + " months, outside 1 to " +
                         std::to_string(MaxPeriodMonths));
      if (Pe.GraceMonths >= Pe.LengthMonths)
        return makeError(Who + " has a grace period no shorter than the period");
      // The anchor and the choice are about the member: no activity is current.
      if (llvm::Error E = checkExpr(Pe.Anchor, None, ExprType::Kind::Date, Who + " anchor"))
        return E;
      if (Pe.When != None)
        if (llvm::Error E = checkExpr(Pe.When, None, ExprType::Kind::Bool, Who + " condition"))
          return E;
      if (Pe.When == None && I + 1 < P.Periods.size())
        return makeError(Who + " applies to every member, so the periods after it never apply");
      if (llvm::Error E = checkLoc(Pe.Loc, Who))
        return E;
    }
    return llvm::Error::success();
  }

  llvm::Error checkCaps() {
    if (llvm::Error E = checkNames(P.Caps, "cap", [](const Cap &C) { return C.Name; }))
      return E;
    for (size_t I = 0; I < P.Caps.size(); ++I) {
      const Cap &C = P.Caps[I];
      std::string Who = "cap " + quoted(C.Name);
      if (!isPositive(C.Limit))
        return makeError(Who + ": limit must be positive, not " + C.Limit.str());
      if (llvm::Error E = checkCategory(C.Category, Who))
        return E;
      if (C.Parent == I)
        return makeError(Who + ": is its own parent cap");
      if (C.Parent != None && C.Parent >= P.Caps.size())
        return makeError(Who + ": parent cap " + llvm::Twine(C.Parent) + " is out of range");
      if (llvm::Error E = checkLoc(C.Loc, Who))
        return E;
    }
    for (const Cap &C : P.Caps) {
      size_t Steps = 0;
      for (uint32_t Up = C.Parent; Up != None; Up = P.Caps[Up].Parent)
        if (++Steps > P.Caps.size())
          return makeError("cap " + quoted(C.Name) + ": parent caps form a cycle");
    }
    // The allocator limits one category per cap; a cap inside another limits a
    // part of the same points, so both must limit the same category.
    for (const Cap &C : P.Caps)
      if (C.Parent != None && P.Caps[C.Parent].Category != C.Category)
        return makeError("cap " + quoted(C.Name) + ": limits category " +
                         quoted(P.Categories[C.Category].Name) + " but is inside cap " +
                         quoted(P.Caps[C.Parent].Name) + ", which limits category " +
                         quoted(P.Categories[P.Caps[C.Parent].Category].Name));
    return llvm::Error::success();
  }

  // A category's cap is the outermost cap of that category.
  llvm::Error checkCategoryCaps() {
    for (const Category &C : P.Categories) {
      if (C.Cap == None)
        continue;
      std::string Who = "category " + quoted(C.Name);
      if (C.Cap >= P.Caps.size())
        return makeError(Who + ": cap " + llvm::Twine(C.Cap) + " is out of range");
      const Cap &Own = P.Caps[C.Cap];
      if (Own.Parent != None || &P.Categories[Own.Category] != &C)
        return makeError(Who + ": its cap " + quoted(Own.Name) +
                         " must limit it alone and sit inside no other cap");
    }
    return llvm::Error::success();
  }

  llvm::Error checkLimits() {
    if (llvm::Error E = checkNames(P.Limits, "limit", [](const Limit &L) { return L.Name; }))
      return E;
    for (const Limit &L : P.Limits) {
      std::string Who = "limit " + quoted(L.Name);
      if (L.IsShare ? !(isPositive(L.Share) && L.Share < Rational(1)) : !isPositive(L.Absolute))
        return makeError(Who + ": " + (L.IsShare ? "share must be in (0, 1), not " + L.Share.str()
                                                 : "limit must be positive, not " + L.Absolute.str()));
      if (L.Categories.empty())
        return makeError(Who + ": limits no category");
      std::set<uint32_t> Seen;
      for (uint32_t C : L.Categories) {
        if (llvm::Error E = checkCategory(C, Who))
          return E;
        if (!Seen.insert(C).second)
          return makeError(Who + ": names category " + quoted(P.Categories[C].Name) + " twice");
      }
      if (llvm::Error E = checkTitle(L.Title, Who))
        return E;
      if (llvm::Error E = checkLoc(L.Loc, Who))
        return E;
    }
    return llvm::Error::success();
  }

  llvm::Error checkRuleLimits(const Rule &R, uint32_t Kind, const std::string &Who) {
    for (const RuleLimit &L : R.Limits) {
      if (L.Limit >= P.Limits.size())
        return makeError(Who + ": limit " + llvm::Twine(L.Limit) + " is out of range (" +
                         llvm::Twine(P.Limits.size()) + " limits)");
      if (L.Filter != None)
        if (llvm::Error E = checkExpr(L.Filter, Kind, ExprType::Kind::Bool, Who + " limit condition"))
          return E;
    }
    return llvm::Error::success();
  }

  // --- Rules --------------------------------------------------------------------

  llvm::Error checkEarning(const Earning &E, uint32_t Kind, const std::string &Who) {
    if (earningKindName(E.K) == "invalid")
      return makeError(Who + ": unknown earning kind " + llvm::Twine(unsigned(E.K)));
    if (llvm::Error Err = checkWindow(E.When, Who))
      return Err;
    switch (E.K) {
    case Earning::Kind::Fixed:
      if (!isPositive(E.Points))
        return makeError(Who + ": points must be positive, not " + E.Points.str());
      if (E.Amount != None)
        return makeError(Who + ": a fixed earning reads no amount");
      break;
    case Earning::Kind::Rate:
      if (!isPositive(E.Points))
        return makeError(Who + ": points must be positive, not " + E.Points.str());
      if (!isPositive(E.Per))
        return makeError(Who + ": per must be positive, not " + E.Per.str());
      if (!isPositive(E.AmountToRateUnit))
        return makeError(Who + ": amount_to_rate_unit must be positive, not " +
                         E.AmountToRateUnit.str());
      if (E.RateUnit >= P.Units.size())
        return makeError(Who + ": rate unit " + llvm::Twine(E.RateUnit) + " is out of range (" +
                         llvm::Twine(P.Units.size()) + " units)");
      if (E.AmountUnit != None) {
        if (llvm::Error Err = checkConversion(E, Who))
          return Err;
      }
      if (E.Amount == None)
        return makeError(Who + ": a rate earning needs an amount");
      return checkExpr(E.Amount, Kind, ExprType::Kind::Number, Who + " amount");
    case Earning::Kind::Awarded:
      if (E.Amount == None)
        return makeError(Who + ": an awarded earning needs an amount");
      return checkExpr(E.Amount, Kind, ExprType::Kind::Number, Who + " amount");
    }
    return llvm::Error::success();
  }

  /// AmountToRateUnit is derived from the two units; a wrong factor would
  /// silently scale every item's points.
  llvm::Error checkConversion(const Earning &E, const std::string &Who) {
    if (E.AmountUnit >= P.Units.size())
      return makeError(Who + ": amount unit " + llvm::Twine(E.AmountUnit) + " is out of range (" +
                       llvm::Twine(P.Units.size()) + " units)");
    auto Root = [&](uint32_t U) { return P.Units[U].Base == None ? U : P.Units[U].Base; };
    const Unit &From = P.Units[E.AmountUnit], &To = P.Units[E.RateUnit];
    if (Root(E.AmountUnit) != Root(E.RateUnit))
      return makeError(Who + ": amount in " + From.Plural + " cannot be converted to " + To.Plural);
    std::optional<Rational> Factor = From.PerBase.div(To.PerBase);
    if (!Factor || *Factor != E.AmountToRateUnit)
      return makeError(Who + ": amount_to_rate_unit is " + E.AmountToRateUnit.str() + " but 1 " +
                       From.Singular + " is " +
                       (Factor ? Factor->str() : std::string("too large")) + " " + To.Plural);
    return llvm::Error::success();
  }

  llvm::Error checkRule(const Rule &R) {
    std::string Who = "rule " + quoted(R.Name);
    if (llvm::Error E = checkLoc(R.Loc, Who))
      return E;
    if (llvm::Error E = checkSymbol(R.Kind, Who + " kind"))
      return E;
    uint32_t Kind = kindIndexOf(P, R.Kind);
    if (Kind == None)
      return makeError(Who + ": " + quoted(P.Symbols[R.Kind]) + " is not an activity kind");
    if (llvm::Error E = checkRuleLimits(R, Kind, Who))
      return E;
    if (R.Filter != None)
      if (llvm::Error E = checkExpr(R.Filter, Kind, ExprType::Kind::Bool, Who + " filter"))
        return E;
    for (size_t I = 0; I < R.Conditions.size(); ++I) {
      const ItemCondition &C = R.Conditions[I];
      std::string CWho = Who + " condition " + std::to_string(I);
      if (llvm::Error E = checkExpr(C.Test, Kind, ExprType::Kind::Bool, CWho))
        return E;
      if (llvm::Error E = checkLoc(C.Loc, CWho))
        return E;
    }
    for (size_t I = 0; I < R.Earnings.size(); ++I)
      if (llvm::Error E = checkEarning(R.Earnings[I], Kind, Who + " earning " + std::to_string(I)))
        return E;
    if (llvm::Error E = checkSplit(R, Kind, Who))
      return E;
    if (llvm::Error E = checkDisjoint(
            R.Earnings.size(), [&](size_t I) -> const DateWindow & { return R.Earnings[I].When; },
            Who, "earning"))
      return E;
    if (roundingModeName(R.Round.M) == "invalid")
      return makeError(Who + ": unknown rounding mode " + llvm::Twine(unsigned(R.Round.M)));
    if (!isPositive(R.Round.Step))
      return makeError(Who + ": rounding step must be positive, not " + R.Round.Step.str());
    for (size_t I = 0; I < R.ItemMax.size(); ++I) {
      std::string LWho = Who + " item max " + std::to_string(I);
      if (llvm::Error E = checkWindow(R.ItemMax[I].When, LWho))
        return E;
      if (!isPositive(R.ItemMax[I].Max))
        return makeError(LWho + ": maximum must be positive, not " + R.ItemMax[I].Max.str());
    }
    if (llvm::Error E = checkDisjoint(
            R.ItemMax.size(), [&](size_t I) -> const DateWindow & { return R.ItemMax[I].When; },
            Who, "item max"))
      return E;
    return checkTargets(R, Who);
  }

  /// A split rule: numeric fields of its kind in one unit, each in one part, at
  /// most one rest, and Targets the parts' categories in order, each once.
  llvm::Error checkSplit(const Rule &R, uint32_t Kind, const std::string &Who) {
    if (R.Split.empty())
      return llvm::Error::success();
    if (!R.Earnings.empty() || R.Round.M != Rounding::Mode::Exact)
      return makeError(Who + ": a rule credited in parts has no earnings and no rounding");
    const std::vector<Field> &Fields = P.Kinds[Kind].Fields;
    std::set<uint32_t> SeenFields;
    std::vector<uint32_t> Union;
    unsigned Rests = 0;
    for (size_t I = 0; I < R.Split.size(); ++I) {
      const SplitPart &Part = R.Split[I];
      std::string PWho = Who + " part " + std::to_string(I);
      if (Part.Field >= Fields.size())
        return makeError(PWho + ": field " + llvm::Twine(Part.Field) + " is out of range (" +
                         llvm::Twine(Fields.size()) + " fields)");
      const Field &F = Fields[Part.Field];
      if (F.Type != ValueType::Quantity && F.Type != ValueType::Integer)
        return makeError(PWho + ": field " + quoted(F.Name) + " is not a number");
      if (F.Unit != Fields[R.Split[0].Field].Unit)
        return makeError(PWho + ": field " + quoted(F.Name) + " is not in the unit of the first part");
      if (!SeenFields.insert(Part.Field).second)
        return makeError(PWho + ": field " + quoted(F.Name) + " is in two parts");
      Rests += Part.Rest;
      if (Part.Targets.empty())
        return makeError(PWho + ": credits no category");
      std::set<uint32_t> SeenTargets;
      for (uint32_t C : Part.Targets) {
        if (llvm::Error E = checkCategory(C, PWho))
          return E;
        if (!SeenTargets.insert(C).second)
          return makeError(PWho + ": targets category " + quoted(P.Categories[C].Name) + " twice");
        if (!llvm::is_contained(Union, C))
          Union.push_back(C);
      }
    }
    if (Rests > 1)
      return makeError(Who + ": has " + llvm::Twine(Rests) + " rest parts");
    if (Union != R.Targets)
      return makeError(Who + ": targets are not its parts' categories");
    return llvm::Error::success();
  }

  llvm::Error checkTargets(const Rule &R, const std::string &Who) {
    if (R.Targets.empty())
      return makeError(Who + ": credits no category");
    std::set<uint32_t> Seen;
    for (uint32_t C : R.Targets) {
      if (llvm::Error E = checkCategory(C, Who))
        return E;
      if (!Seen.insert(C).second)
        return makeError(Who + ": targets category " + quoted(P.Categories[C].Name) + " twice");
    }
    if (R.Cap == None)
      return llvm::Error::success();
    if (R.Cap >= P.Caps.size())
      return makeError(Who + ": cap " + llvm::Twine(R.Cap) + " is out of range (" +
                       llvm::Twine(P.Caps.size()) + " caps)");
    // Caps enclosing R.Cap limit the same category (checkCaps), so checking the
    // innermost covers them all.
    const Cap &C = P.Caps[R.Cap];
    for (uint32_t T : R.Targets)
      if (T != C.Category)
        return makeError(Who + ": targets category " + quoted(P.Categories[T].Name) +
                         " through cap " + quoted(C.Name) + ", which limits only category " +
                         quoted(P.Categories[C.Category].Name));
    return llvm::Error::success();
  }

  llvm::Error checkRules() {
    if (llvm::Error E = checkNames(P.Rules, "rule", [](const Rule &R) { return R.Name; }))
      return E;
    for (const Rule &R : P.Rules)
      if (llvm::Error E = checkRule(R))
        return E;
    return llvm::Error::success();
  }
};
} // namespace

llvm::Error verifyPolicy(const Policy &P) { return Verifier(P).run(); }

} // namespace certc::ir
