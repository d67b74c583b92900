// Type and unit checking of expressions. Bare names read the current activity's
// fields in rules, the member's fields in prerequisites.
#include "check/Checker.h"

namespace certc {

using namespace sema;
using K = ast::Expr::Kind;

namespace {
bool isOrdered(const Type &T) { return T.K == Type::Kind::Number || T.K == Type::Kind::Date; }
} // namespace

bool Checker::checkCondition(const ast::Expr &E, Context C) {
  Type T = checkExpr(E, C);
  if (T.isError())
    return false;
  if (T.K != Type::Kind::Bool) {
    Diags.report(diag::ConditionNotBool, E.Range, S.typeName(T));
    return false;
  }
  return true;
}

Type Checker::checkExpr(const ast::Expr &E, Context C) {
  auto Record = [&](Type T) {
    S.ExprTypes[{&E, C.Kind.Index}] = T;
    return T;
  };
  auto FieldType = [&](const ast::Name &N, bool Member) -> Type {
    if (Member || C.Kind.isNone()) {
      auto It = S.MemberFieldIndex.find(N.Text);
      if (It != S.MemberFieldIndex.end()) {
        S.FieldOf[{&N, None}] = It->second;
        return S.MemberFields[It->second.Index].Ty;
      }
      std::vector<llvm::StringRef> Names;
      for (const FieldInfo &F : S.MemberFields)
        Names.push_back(F.Name);
      reportUnknown("member field", N, Names);
      return Type::error();
    }
    const KindInfo &Kind = S.Kinds[C.Kind.Index];
    auto It = Kind.FieldIndex.find(N.Text);
    if (It != Kind.FieldIndex.end()) {
      S.FieldOf[{&N, C.Kind.Index}] = It->second;
      return Kind.Fields[It->second.Index].Ty;
    }
    std::vector<llvm::StringRef> Names;
    for (const FieldInfo &F : Kind.Fields)
      Names.push_back(F.Name);
    reportUnknown(fmt::format("field of `{}`", Kind.Decl->Kind.Text), N, Names);
    if (S.MemberFieldIndex.count(N.Text))
      Diags.note(N.Range, fmt::format("the member has a field `{0}`: write `member.{0}`", N.Text));
    return Type::error();
  };
  // `level = cmc`: a bare name opposite an enumeration is one of its values.
  auto AsEnumValue = [&](const ast::Expr &Operand, const Type &Other) -> std::optional<Type> {
    if (Operand.K != K::Name || Other.K != Type::Kind::Symbol)
      return std::nullopt;
    const EnumInfo &En = S.Enums[Other.Enum.Index];
    auto It = En.Positions.find(Operand.Names[0].Text);
    if (It == En.Positions.end())
      return std::nullopt;
    S.EnumLiterals[&Operand] = It->second;
    S.ExprTypes[{&Operand, C.Kind.Index}] = Other;
    return Other;
  };

  switch (E.K) {
  case K::Name:
    return Record(FieldType(E.Names[0], false));
  case K::MemberField:
    return Record(FieldType(E.Names[0], true));
  case K::Number: {
    UnitId Unit;
    if (E.Unit && (Unit = lookupUnit(*E.Unit)).isNone())
      return Record(Type::error());
    return Record(Type::number(Unit, E.Amount.isInteger()));
  }
  case K::DateLit:
    return Record(Type::date());
  case K::Bool:
    return Record(Type::boolean());
  case K::Text:
    return Record(Type::text());
  case K::Not:
  case K::And:
  case K::Or: {
    bool Ok = true;
    for (const ast::ExprPtr &Kid : E.Kids)
      Ok &= checkCondition(*Kid, C);
    return Record(Ok ? Type::boolean() : Type::error());
  }
  case K::Compare: {
    const ast::Expr &L = *E.Kids[0], &R = *E.Kids[1];
    Type LT, RT;
    if (L.K == K::Name && R.K != K::Name) {
      RT = checkExpr(R, C);
      auto V = AsEnumValue(L, RT);
      LT = V ? *V : checkExpr(L, C);
    } else {
      LT = checkExpr(L, C);
      auto V = AsEnumValue(R, LT);
      RT = V ? *V : checkExpr(R, C);
    }
    if (LT.isError() || RT.isError())
      return Record(Type::error());
    bool Equality = E.Op == ast::CompareOp::Eq || E.Op == ast::CompareOp::Ne;
    if (LT.K != RT.K || ((LT.K == Type::Kind::Symbol) && LT.Enum != RT.Enum)) {
      Diags.report(diag::CompareDifferentTypes, E.Range, S.typeName(LT), S.typeName(RT));
      return Record(Type::error());
    }
    if (LT.K == Type::Kind::Text || LT.K == Type::Kind::Set || LT.K == Type::Kind::Awards) {
      Diags.report(diag::CompareUncomparable, E.Range, S.typeName(LT));
      return Record(Type::error());
    }
    if (!Equality && !isOrdered(LT)) {
      Diags.report(diag::CompareUnordered, E.Range, S.typeName(LT));
      return Record(Type::error());
    }
    // Literals are converted when lowered; two measured values must share a unit.
    if (LT.K == Type::Kind::Number && !LT.Unit.isNone() && !RT.Unit.isNone() && LT.Unit != RT.Unit &&
        L.K != K::Number && R.K != K::Number) {
      Diags.report(diag::CompareUnitsWithoutLiteral, E.Range, S.unitName(LT.Unit), S.unitName(RT.Unit));
      return Record(Type::error());
    }
    if (LT.K == Type::Kind::Number && !LT.Unit.isNone() && !RT.Unit.isNone() &&
        !S.conversion(RT.Unit, LT.Unit)) {
      Diags.report(diag::CompareIncompatibleUnits, E.Range, S.unitName(LT.Unit), S.unitName(RT.Unit));
      return Record(Type::error());
    }
    return Record(Type::boolean());
  }
  case K::InSet:
  case K::Contains:
  case K::Within: {
    Type T = checkExpr(*E.Kids[0], C);
    if (T.isError())
      return Record(T);
    Type::Kind Want = E.K == K::InSet ? Type::Kind::Symbol : Type::Kind::Set;
    if (T.K != Want) {
      Diags.report(diag::EnumOperandType, E.Kids[0]->Range,
                   E.K == K::InSet ? "in" : (E.K == K::Contains ? "contains" : "within"),
                   Want == Type::Kind::Symbol ? "a value of an enumeration" : "a set", S.typeName(T));
      return Record(Type::error());
    }
    bool Ok = true;
    for (const ast::Name &N : E.Names)
      Ok &= !lookupEnumValue(T.Enum, N).isNone();
    return Record(Ok ? Type::boolean() : Type::error());
  }
  case K::InRange: {
    Type T = checkExpr(*E.Kids[0], C);
    if (T.isError())
      return Record(T);
    if (T.K != Type::Kind::Number) {
      Diags.report(diag::RangeOfNonNumber, E.Kids[0]->Range, S.typeName(T));
      return Record(Type::error());
    }
    if (E.Amount2 < E.Amount) {
      Diags.report(diag::EmptyRange, E.Range, E.Amount.str(), E.Amount2.str());
      return Record(Type::error());
    }
    return Record(Type::boolean());
  }
  case K::IsGiven: {
    const ast::Expr &Kid = *E.Kids[0];
    if (Kid.K != K::Name && Kid.K != K::MemberField) {
      Diags.report(diag::GivenOfNonField, Kid.Range);
      return Record(Type::error());
    }
    return Record(checkExpr(Kid, C).isError() ? Type::error() : Type::boolean());
  }
  case K::InWindow: {
    bool Ok = true;
    for (const ast::ExprPtr &Kid : E.Kids) {
      Type T = checkExpr(*Kid, C);
      if (!T.isError() && T.K != Type::Kind::Date) {
        Diags.report(diag::WindowOfNonDate, Kid->Range, S.typeName(T));
        Ok = false;
      }
      Ok &= !T.isError();
    }
    return Record(Ok ? Type::boolean() : Type::error());
  }
  case K::Holds:
    return Record(lookupDesignation(E.Names[0], InPrerequisite).isNone() ? Type::error()
                                                                          : Type::boolean());
  case K::AwardedOn:
    return Record(lookupDesignation(E.Names[0], InPrerequisite).isNone() ? Type::error()
                                                                          : Type::date());
  case K::AuditDate:
    return Record(Type::date());
  case K::NoSame: {
    if (C.Kind.isNone()) {
      Diags.report(diag::ActivityComparisonOutsideRule, E.Range);
      return Record(Type::error());
    }
    KindId Other = lookupKind(E.Names[0]);
    if (Other.isNone())
      return Record(Type::error());
    bool Ok = true;
    for (size_t I = 1; I < E.Names.size(); ++I) {
      Type Here = FieldType(E.Names[I], false);
      const KindInfo &OK = S.Kinds[Other.Index];
      auto It = OK.FieldIndex.find(E.Names[I].Text);
      if (It == OK.FieldIndex.end()) {
        std::vector<llvm::StringRef> Names;
        for (const FieldInfo &F : OK.Fields)
          Names.push_back(F.Name);
        reportUnknown(fmt::format("field of `{}`", OK.Decl->Kind.Text), E.Names[I], Names);
        Ok = false;
        continue;
      }
      S.FieldOf[{&E.Names[I], Other.Index}] = It->second;
      if (!Here.isError() && OK.Fields[It->second.Index].Ty.K != Here.K) {
        Diags.report(diag::SameFieldTypeDiffers, E.Names[I].Range, E.Names[I].Text, S.typeName(Here),
                     S.typeName(OK.Fields[It->second.Index].Ty), OK.Decl->Kind.Text);
        Ok = false;
      }
      Ok &= !Here.isError();
    }
    return Record(Ok ? Type::boolean() : Type::error());
  }
  case K::CountOf: {
    Type T = FieldType(E.Names[0], false);
    if (T.isError())
      return Record(T);
    if (T.K != Type::Kind::Set) {
      Diags.report(diag::CountOfNonSet, E.Names[0].Range, S.typeName(T));
      return Record(Type::error());
    }
    return Record(Type::number(UnitId::none(), true));
  }
  case K::NumberOf: {
    KindId Kind = lookupKind(E.Names[0]);
    if (Kind.isNone())
      return Record(Type::error());
    if (!E.Kids.empty() && !checkCondition(*E.Kids[0], Context{Kind}))
      return Record(Type::error());
    return Record(Type::number(UnitId::none(), true));
  }
  case K::YearsSince: {
    Type T = checkExpr(*E.Kids[0], C);
    if (!T.isError() && T.K != Type::Kind::Date) {
      Diags.report(diag::YearsSinceNonDate, E.Kids[0]->Range, S.typeName(T));
      return Record(Type::error());
    }
    return Record(T.isError() ? T : Type::number(S.YearUnit, true));
  }
  case K::Shift: {
    Type T = checkExpr(*E.Kids[0], C);
    if (T.isError())
      return Record(T);
    if (T.K != Type::Kind::Date) {
      Diags.report(diag::ShiftOfNonDate, E.Kids[0]->Range, S.typeName(T));
      return Record(Type::error());
    }
    UnitId Unit = lookupUnit(*E.Unit);
    if (Unit.isNone())
      return Record(Type::error());
    if ((Unit != S.DayUnit && Unit != S.MonthUnit && Unit != S.YearUnit) || !E.Amount.isInteger()) {
      Diags.report(diag::DateShiftUnit, E.Range, E.Amount.str(), E.Unit->Text);
      return Record(Type::error());
    }
    // Bounded here, not only by the IR verifier: lowering stores the shift in
    // 32 bits, where a larger amount would wrap to a different, valid shift.
    int64_t Limit = Unit == S.DayUnit ? MaxDateShiftDays : Unit == S.MonthUnit ? MaxDateShiftMonths : MaxDateShiftYears;
    if (E.Amount.num() > Limit || E.Amount.num() < -Limit) {
      Diags.report(diag::DateShiftTooLarge, E.Range, MaxDateShiftYears, MaxDateShiftMonths, MaxDateShiftDays,
                   E.Amount.str(), E.Unit->Text);
      return Record(Type::error());
    }
    return Record(Type::date());
  }
  }
  return Record(Type::error());
}

} // namespace certc
