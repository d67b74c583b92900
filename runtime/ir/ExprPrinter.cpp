// Expression rendering; operands of "and", "or" and "not" are parenthesised unless atoms.
#include "ir/ExprPrinter.h"

#include "ir/Lookup.h"
#include "ir/Names.h"
#include "ir/Verifier.h"

#include "llvm/ADT/StringExtras.h"

namespace certc::ir {

namespace {
/// Binding strength of a rendered expression.
enum Prec : int { Logical = 1, Predicate = 2, Shift = 3, Atom = 4 };

struct Rendered {
  std::string Text;
  int Strength;
};

std::string setText(const Policy &P, uint64_t Mask, uint32_t Enum) {
  std::string Text = "{";
  bool First = true;
  for (unsigned Bit = 0; Bit < 64; ++Bit) {
    if (!(Mask & (uint64_t(1) << Bit)))
      continue;
    Text += First ? "" : ", ";
    First = false;
    if (Enum < P.Enums.size() && Bit < P.Enums[Enum].Values.size())
      Text += symbolName(P, P.Enums[Enum].Values[Bit]);
    else
      Text += "#" + std::to_string(Bit);
  }
  return Text + "}";
}

class ExprPrinter {
public:
  ExprPrinter(const Policy &P) : P(P) {}

  Rendered render(ExprId Id, uint32_t Kind, unsigned Depth) {
    if (Id >= P.Exprs.size())
      return {"<expr " + std::to_string(Id) + ">", Atom};
    if (Depth > MaxExprDepth || Budget == 0)
      return {"...", Atom};
    --Budget;
    const Expr &E = P.Exprs[Id];
    // An operand must come before its node; anything else could be a cycle.
    auto Arg = [&](size_t I, int Needed, uint32_t ArgKind) -> std::string {
      if (I >= E.Args.size())
        return "<missing>";
      if (E.Args[I] >= Id)
        return "<expr " + std::to_string(E.Args[I]) + ">";
      Rendered R = render(E.Args[I], ArgKind, Depth + 1);
      return R.Strength < Needed ? "(" + R.Text + ")" : R.Text;
    };
    auto Joined = [&](llvm::StringRef Sep, int Needed) {
      std::string Text;
      for (size_t I = 0; I < E.Args.size(); ++I)
        Text += (I ? Sep.str() : "") + Arg(I, Needed, Kind);
      return Text;
    };

    switch (E.O) {
    case Op::Const:
      if (E.A >= P.Consts.size())
        return {"<const " + std::to_string(E.A) + ">", Atom};
      return {printValue(P, P.Consts[E.A]), Atom};
    case Op::ActivityField:
      return {activityField(Kind, E.A), Atom};
    case Op::MemberField:
      return {"member." + memberField(E.A), Atom};
    case Op::AuditDate:
      return {"audit_date", Atom};
    case Op::PeriodStart:
      return {"period_start", Atom};
    case Op::PeriodEnd:
      return {"period_end", Atom};
    case Op::PeriodNumber:
      return {"period_number", Atom};
    case Op::FirstDayOfMonth:
      return {"first_day_of_month(" + Arg(0, Logical, Kind) + ")", Atom};
    case Op::LastDayOfMonth:
      return {"last_day_of_month(" + Arg(0, Logical, Kind) + ")", Atom};
    case Op::MonthOf:
      return {"month_of(" + Arg(0, Logical, Kind) + ")", Atom};
    case Op::FirstLetter:
      return {"first_letter(" + Arg(0, Logical, Kind) + ")", Atom};
    case Op::TextInRange:
      return {Arg(0, Shift, Kind) + " in " + Arg(1, Shift, Kind) + " to " + Arg(2, Shift, Kind) + " ignoring case",
              Predicate};
    case Op::Not:
      return {"not " + Arg(0, Atom, Kind), Predicate};
    case Op::And:
      return {Joined(" and ", Atom), Logical};
    case Op::Or:
      return {Joined(" or ", Atom), Logical};
    case Op::Compare:
      return {Arg(0, Shift, Kind) + " " + cmpSymbol(E.C).str() + " " + Arg(1, Shift, Kind),
              Predicate};
    case Op::InSet:
      return {Arg(0, Shift, Kind) + " in " + setText(P, E.Mask, E.A), Predicate};
    case Op::SetContains: {
      uint32_t Enum = setEnum(E, Kind);
      std::string Value = "#" + std::to_string(E.A);
      if (Enum < P.Enums.size() && E.A < P.Enums[Enum].Values.size())
        Value = symbolName(P, P.Enums[Enum].Values[E.A]);
      return {Arg(0, Shift, Kind) + " contains " + Value, Predicate};
    }
    case Op::SetWithin:
      return {Arg(0, Shift, Kind) + " within " + setText(P, E.Mask, setEnum(E, Kind)), Predicate};
    case Op::IsGiven:
      return {Arg(0, Shift, Kind) + " is given", Predicate};
    case Op::SetSize:
      return {"size(" + Arg(0, Logical, Kind) + ")", Atom};
    case Op::YearsBetween:
      if (E.Args.size() == 1)
        return {"years_since(" + Arg(0, Logical, Kind) + ")", Atom};
      return {"years_between(" + Joined(", ", Logical) + ")", Atom};
    case Op::Holds:
      return {"holds(" + symbolName(P, E.A) + ")", Atom};
    case Op::AwardedOn:
      return {"awarded_on(" + symbolName(P, E.A) + ")", Atom};
    case Op::AddMonths:
    case Op::AddDays: {
      int64_t N = static_cast<int32_t>(E.A);
      std::string Unit = E.O == Op::AddMonths ? " month" : " day";
      if (N != 1 && N != -1)
        Unit += "s";
      return {Arg(0, Atom, Kind) + (N < 0 ? " - " : " + ") + std::to_string(N < 0 ? -N : N) + Unit,
              Shift};
    }
    case Op::CountActivities:
      if (E.Args.empty())
        return {"count(" + kindName(P, E.A) + ")", Atom};
      return {"count(" + kindName(P, E.A) + " where " + Arg(0, Logical, E.A) + ")", Atom};
    case Op::CountDistinct: {
      std::string Text = "count_distinct(" + kindName(P, E.A);
      if (!E.Args.empty())
        Text += " where " + Arg(0, Logical, E.A);
      for (size_t I = 0; I < E.Pairs.size(); ++I)
        Text += (I ? ", " : " by ") + activityField(E.A, E.Pairs[I].first);
      return {Text + ")", Atom};
    }
    case Op::LaterDate:
      return {"later_date(" + Joined(", ", Logical) + ")", Atom};
    case Op::EarlierDate:
      return {"earlier_date(" + Joined(", ", Logical) + ")", Atom};
    case Op::MonthsBetween:
      return {"months_between(" + Joined(", ", Logical) + ")", Atom};
    case Op::NoOtherSame:
    case Op::NoEarlierSame: {
      std::string Text = E.O == Op::NoOtherSame ? "no other " : "no earlier ";
      Text += kindName(P, E.A);
      for (size_t I = 0; I < E.Pairs.size(); ++I) {
        std::string Mine = activityField(Kind, E.Pairs[I].first);
        std::string Theirs = activityField(E.A, E.Pairs[I].second);
        Text += I ? ", " : " with same ";
        Text += Mine == Theirs ? Mine : Mine + " as " + Theirs;
      }
      return {Text, Predicate};
    }
    }
    return {"<op " + std::to_string(unsigned(E.O)) + ">", Atom};
  }

private:
  const Policy &P;
  uint64_t Budget = MaxExprTreeSize;

  std::string activityField(uint32_t Kind, uint32_t Field) {
    if (Kind < P.Kinds.size() && Field < P.Kinds[Kind].Fields.size())
      return P.Kinds[Kind].Fields[Field].Name;
    return "<field " + std::to_string(Field) + ">";
  }

  std::string memberField(uint32_t Field) {
    if (Field < P.MemberFields.size())
      return P.MemberFields[Field].Name;
    return "<field " + std::to_string(Field) + ">";
  }

  /// The enum of a set operand, when it is a field (its values get names).
  uint32_t setEnum(const Expr &E, uint32_t Kind) {
    if (E.Args.empty() || E.Args[0] >= P.Exprs.size())
      return None;
    const Expr &Operand = P.Exprs[E.Args[0]];
    const Field *F = nullptr;
    if (Operand.O == Op::MemberField && Operand.A < P.MemberFields.size())
      F = &P.MemberFields[Operand.A];
    else if (Operand.O == Op::ActivityField && Kind < P.Kinds.size() &&
             Operand.A < P.Kinds[Kind].Fields.size())
      F = &P.Kinds[Kind].Fields[Operand.A];
    return F && F->Type == ValueType::EnumSet ? F->Enum : None;
  }
};
} // namespace

std::string quoteText(const std::string &S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\') {
      Out += '\\';
      Out += C;
    } else if (C == '\n') {
      Out += "\\n";
    } else if (static_cast<unsigned char>(C) < 0x20 || C == 0x7f) {
      Out += "\\x";
      Out += llvm::hexdigit(static_cast<unsigned char>(C) >> 4, /*LowerCase=*/true);
      Out += llvm::hexdigit(static_cast<unsigned char>(C) & 15, /*LowerCase=*/true);
    } else {
      Out += C;
    }
  }
  return Out + "\"";
}

std::string printValue(const Policy &P, const Value &V, uint32_t Enum) {
  switch (V.K) {
  case Value::Kind::Absent:
    return "absent";
  case Value::Kind::Bool:
    return V.Bool ? "true" : "false";
  case Value::Kind::Number:
    return V.Number.str();
  case Value::Kind::Date:
    return V.DateValue.str();
  case Value::Kind::Text:
    return quoteText(V.Text);
  case Value::Kind::Symbol:
    return symbolName(P, V.Symbol);
  case Value::Kind::Set:
    return setText(P, V.Set, Enum);
  case Value::Kind::Awards: {
    std::string Text = "[";
    for (size_t I = 0; I < V.Awards.size(); ++I)
      Text += (I ? ", " : "") + symbolName(P, V.Awards[I].Designation) + " on " +
              V.Awards[I].Awarded.str();
    return Text + "]";
  }
  }
  return "<value kind " + std::to_string(unsigned(V.K)) + ">";
}

std::string printExpr(const Policy &P, ExprId Root, uint32_t Kind) {
  return ExprPrinter(P).render(Root, Kind, 0).Text;
}

} // namespace certc::ir
