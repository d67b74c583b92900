// Interval, value-set and presence domains per field, intersected atom by atom.
#include "check/Constraints.h"

namespace certc {

using K = ast::Expr::Kind;

bool FieldDomain::empty() const {
  if (AllowedValues == 0)
    return true;
  if (Given && !*Given && (MustBe || Lo || Hi || AllowedValues != ~uint64_t(0)))
    return true;
  if (Lo && Hi) {
    int C = Lo->compare(*Hi);
    if (C > 0 || (C == 0 && (LoOpen || HiOpen)))
      return true;
  }
  return false;
}

void FieldDomain::intersect(const FieldDomain &O) {
  AllowedValues &= O.AllowedValues;
  if (O.Lo && (!Lo || *O.Lo > *Lo || (*O.Lo == *Lo && O.LoOpen))) {
    Lo = O.Lo;
    LoOpen = O.LoOpen;
  }
  if (O.Hi && (!Hi || *O.Hi < *Hi || (*O.Hi == *Hi && O.HiOpen))) {
    Hi = O.Hi;
    HiOpen = O.HiOpen;
  }
  if (O.MustBe) {
    if (MustBe && *MustBe != *O.MustBe)
      AllowedValues = 0; // true and false at once
    MustBe = O.MustBe;
  }
  if (O.Given) {
    if (Given && *Given != *O.Given)
      AllowedValues = 0;
    Given = O.Given;
  }
  LastRange = O.LastRange;
}

void Constraints::narrow(const std::string &Key, FieldDomain D) {
  auto [It, Fresh] = Fields.try_emplace(Key, D);
  if (!Fresh)
    It->second.intersect(D);
}

void Constraints::merge(const Constraints &Other) {
  for (const auto &[Key, D] : Other.Fields)
    narrow(Key, D);
}

const FieldDomain *Constraints::contradiction() const {
  for (const auto &[Key, D] : Fields)
    if (D.empty())
      return &D;
  return nullptr;
}

namespace {
std::optional<std::string> fieldKey(const ast::Expr &E, sema::KindId Kind) {
  if (E.K == K::PeriodNumber)
    return "period number";
  if (E.K == K::MemberField || (E.K == K::Name && Kind.isNone()))
    return "m:" + E.Names[0].Text;
  if (E.K == K::Name)
    return "a:" + E.Names[0].Text;
  return std::nullopt;
}

/// A literal's value on the scale the field is compared on.
std::optional<Rational> scalar(const ast::Expr &Lit, const ast::Expr &Field, const sema::Sema &S,
                               sema::KindId Kind) {
  if (Lit.K == K::DateLit)
    return Rational(Lit.DateValue.dayNumber());
  if (Lit.K != K::Number)
    return std::nullopt;
  sema::Type FT = S.typeOf(&Field, {Kind});
  if (!Lit.Unit || FT.Unit.isNone())
    return Lit.Amount;
  auto It = S.UnitByName.find(Lit.Unit->Text);
  if (It == S.UnitByName.end())
    return std::nullopt;
  auto Factor = S.conversion(It->second, FT.Unit);
  return Factor ? Lit.Amount.mul(*Factor) : std::nullopt;
}

ast::CompareOp mirror(ast::CompareOp Op) {
  switch (Op) {
  case ast::CompareOp::Lt: return ast::CompareOp::Gt;
  case ast::CompareOp::Le: return ast::CompareOp::Ge;
  case ast::CompareOp::Gt: return ast::CompareOp::Lt;
  case ast::CompareOp::Ge: return ast::CompareOp::Le;
  default: return Op;
  }
}
} // namespace

void Constraints::add(const ast::Expr &E, const sema::Sema &S, sema::KindId Kind) {
  FieldDomain D;
  D.LastRange = E.Range;
  switch (E.K) {
  case K::And:
    for (const ast::ExprPtr &Kid : E.Kids)
      add(*Kid, S, Kind);
    return;
  case K::Name:
  case K::MemberField:
    if (auto Key = fieldKey(E, Kind)) {
      D.MustBe = true;
      narrow(*Key, D);
    }
    return;
  case K::Not: {
    const ast::Expr &Kid = *E.Kids[0];
    auto Key = fieldKey(Kid, Kind);
    if (Key && S.typeOf(&Kid, {Kind}).K == sema::Type::Kind::Bool) {
      D.MustBe = false;
      narrow(*Key, D);
    } else if (Kid.K == K::IsGiven) {
      if (auto GivenKey = fieldKey(*Kid.Kids[0], Kind)) {
        D.Given = Kid.NotGiven;
        narrow(*GivenKey, D);
      }
    } else if (Kid.K == K::InSet) {
      if (auto SetKey = fieldKey(*Kid.Kids[0], Kind)) {
        sema::Type T = S.typeOf(Kid.Kids[0].get(), {Kind});
        if (T.K != sema::Type::Kind::Symbol)
          return;
        for (const ast::Name &N : Kid.Names) {
          auto It = S.Enums[T.Enum.Index].Positions.find(N.Text);
          if (It != S.Enums[T.Enum.Index].Positions.end())
            D.AllowedValues &= ~(uint64_t(1) << It->second.Index);
        }
        narrow(*SetKey, D);
      }
    }
    return;
  }
  case K::IsGiven:
    if (auto Key = fieldKey(*E.Kids[0], Kind)) {
      D.Given = !E.NotGiven;
      narrow(*Key, D);
    }
    return;
  case K::InSet: {
    auto Key = fieldKey(*E.Kids[0], Kind);
    sema::Type T = S.typeOf(E.Kids[0].get(), {Kind});
    if (!Key || T.K != sema::Type::Kind::Symbol)
      return;
    uint64_t Mask = 0;
    for (const ast::Name &N : E.Names) {
      auto It = S.Enums[T.Enum.Index].Positions.find(N.Text);
      if (It != S.Enums[T.Enum.Index].Positions.end())
        Mask |= uint64_t(1) << It->second.Index;
    }
    D.AllowedValues = Mask;
    D.Given = true;
    narrow(*Key, D);
    return;
  }
  case K::InRange:
    if (auto Key = fieldKey(*E.Kids[0], Kind)) {
      D.Lo = E.Amount;
      D.Hi = E.RangeHigh;
      D.Given = true;
      narrow(*Key, D);
    }
    return;
  case K::InWindow: {
    auto Key = fieldKey(*E.Kids[0], Kind);
    if (!Key)
      return;
    if (E.Kids[1]->K == K::DateLit)
      D.Lo = Rational(E.Kids[1]->DateValue.dayNumber());
    if (E.Kids.size() == 3 && E.Kids[2]->K == K::DateLit) {
      D.Hi = Rational(E.Kids[2]->DateValue.dayNumber());
      D.HiOpen = E.EndExclusive;
    }
    D.Given = true;
    narrow(*Key, D);
    return;
  }
  case K::Compare: {
    const ast::Expr *Field = E.Kids[0].get(), *Lit = E.Kids[1].get();
    ast::CompareOp Op = E.Op;
    if (!fieldKey(*Field, Kind) || S.EnumLiterals.count(Field)) {
      std::swap(Field, Lit);
      Op = mirror(Op);
    }
    auto Key = fieldKey(*Field, Kind);
    if (!Key || S.EnumLiterals.count(Field))
      return;
    D.Given = true;
    if (auto Value = S.EnumLiterals.find(Lit); Value != S.EnumLiterals.end()) {
      uint64_t Bit = uint64_t(1) << Value->second.Index;
      if (Op == ast::CompareOp::Eq)
        D.AllowedValues = Bit;
      else if (Op == ast::CompareOp::Ne)
        D.AllowedValues = ~Bit;
    } else if (Lit->K == K::Bool) {
      if (Op == ast::CompareOp::Eq || Op == ast::CompareOp::Ne)
        D.MustBe = (Op == ast::CompareOp::Eq) == Lit->BoolValue;
    } else if (auto V = scalar(*Lit, *Field, S, Kind)) {
      switch (Op) {
      case ast::CompareOp::Eq: D.Lo = D.Hi = V; break;
      case ast::CompareOp::Lt: D.Hi = V; D.HiOpen = true; break;
      case ast::CompareOp::Le: D.Hi = V; break;
      case ast::CompareOp::Gt: D.Lo = V; D.LoOpen = true; break;
      case ast::CompareOp::Ge: D.Lo = V; break;
      case ast::CompareOp::Ne: break;
      }
    }
    narrow(*Key, D);
    return;
  }
  default:
    return;
  }
}

} // namespace certc
