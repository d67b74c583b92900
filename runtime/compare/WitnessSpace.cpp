// Candidate values: every number and date either edition states (and each
// date's eve, and multiples of the numbers, so that rates reach caps), plus a
// few small numbers and dates relative to the audit date.
#include "compare/WitnessSpace.h"

#include "ir/Lookup.h"

#include "llvm/ADT/STLExtras.h"

#include <set>

namespace certc::compare {

namespace {
using namespace ir;

struct Harvest {
  std::set<Rational> Numbers;
  std::set<Date> Dates;

  void number(const Rational &R) {
    for (int64_t Factor : {1, 2, 4})
      if (std::optional<Rational> Scaled = R.mul(Rational(Factor)))
        if (*Scaled >= Rational(0) && Scaled->str().find('/') == std::string::npos)
          Numbers.insert(*Scaled);
  }
  void date(const std::optional<Date> &D) {
    if (!D)
      return;
    Dates.insert(*D);
    if (std::optional<Date> Eve = D->addDays(-1))
      Dates.insert(*Eve);
  }
  void window(const DateWindow &W) {
    date(W.From);
    date(W.Until);
  }

  void policy(const Policy &P) {
    date(P.Effective);
    for (const Value &V : P.Consts) {
      if (V.K == Value::Kind::Number)
        number(V.Number);
      if (V.K == Value::Kind::Date)
        date(V.DateValue);
    }
    for (const Rule &R : P.Rules) {
      for (const Earning &E : R.Earnings) {
        number(E.Points);
        number(E.Per);
        window(E.When);
      }
      for (const ItemLimit &L : R.ItemMax) {
        number(L.Max);
        window(L.When);
      }
    }
    for (const Cap &C : P.Caps)
      number(C.Limit);
    for (const Requirement &R : P.Requirements)
      for (const RequiredAmount &A : R.Amounts)
        number(A.Amount);
  }
};

std::string quoted(llvm::StringRef S) { return "\"" + S.str() + "\""; }

std::vector<std::string> enumNames(const Policy &P, uint32_t Enum) {
  std::vector<std::string> Names;
  if (Enum < P.Enums.size())
    for (SymbolId V : P.Enums[Enum].Values)
      Names.push_back(symbolName(P, V));
  return Names;
}

class SpaceBuilder {
public:
  SpaceBuilder(const Policy &Old, const Policy &New, Date AsOf) : AsOf(AsOf) {
    H.policy(Old);
    H.policy(New);
    for (int64_t N : {0, 1, 2, 5, 10, 40, 100})
      H.Numbers.insert(Rational(N));
    for (int Years : {1, 2, 3, 5, 10, 20})
      if (std::optional<Date> D = AsOf.addMonths(-12 * Years))
        H.Dates.insert(*D);
    H.Dates.insert(AsOf);
  }

  FieldSpace field(const Policy &P, const Field &F) {
    FieldSpace S{F.Name, {}};
    if (!F.Required)
      S.Candidates.push_back("");
    switch (F.Type) {
    case ValueType::Bool:
      S.Candidates.insert(S.Candidates.end(), {"false", "true"});
      break;
    case ValueType::Integer:
      integers(F, S.Candidates);
      break;
    case ValueType::Quantity:
      for (const Rational &R : H.Numbers)
        S.Candidates.push_back(R.str());
      break;
    case ValueType::Date:
      // An item after the audit date counts for nothing: no candidate is later.
      for (const Date &D : H.Dates)
        if (D <= AsOf)
          S.Candidates.push_back(quoted(D.str()));
      break;
    case ValueType::Enum:
      for (const std::string &Name : enumNames(P, F.Enum))
        S.Candidates.push_back(quoted(Name));
      break;
    case ValueType::EnumSet: {
      std::vector<std::string> Names = enumNames(P, F.Enum);
      S.Candidates.push_back("[]");
      for (const std::string &Name : Names)
        S.Candidates.push_back("[" + quoted(Name) + "]");
      std::string All;
      for (const std::string &Name : Names)
        All += (All.empty() ? "" : ", ") + quoted(Name);
      if (Names.size() > 1)
        S.Candidates.push_back("[" + All + "]");
      break;
    }
    case ValueType::Awards:
      S.Candidates.push_back("[]");
      for (const std::string &Name : enumNames(P, P.DesignationEnum))
        for (int Years : {20, 1})
          if (std::optional<Date> D = AsOf.addMonths(-12 * Years))
            S.Candidates.push_back("[{\"name\": " + quoted(Name) + ", \"awarded\": " + quoted(D->str()) + "}]");
      break;
    case ValueType::Text:
      S.Candidates.insert(S.Candidates.end(), {"\"t1\"", "\"t2\""});
      break;
    }
    return S;
  }

private:
  void integers(const Field &F, std::vector<std::string> &Out) {
    int64_t Low = F.IntMin.value_or(0), High = F.IntMax.value_or(100);
    std::set<int64_t> Values = {Low, High};
    if (High - Low <= 12)
      for (int64_t V = Low; V <= High; ++V)
        Values.insert(V);
    for (const Rational &R : H.Numbers)
      if (R.den() == 1 && R.num() >= Low && R.num() <= High)
        Values.insert(R.num());
    for (int64_t V : Values)
      Out.push_back(std::to_string(V));
  }

  Date AsOf;
  Harvest H;
};

/// The kinds whose activities can change an audit: those a rule reads and
/// those an expression counts or compares.
std::set<std::string> kindsRead(const Policy &P) {
  std::set<std::string> Kinds;
  for (const Rule &R : P.Rules)
    Kinds.insert(symbolName(P, R.Kind));
  for (const Expr &E : P.Exprs)
    if (E.O == Op::CountActivities || E.O == Op::CountDistinct || E.O == Op::NoOtherSame ||
        E.O == Op::NoEarlierSame)
      Kinds.insert(kindName(P, E.A));
  return Kinds;
}
} // namespace

WitnessSpace witnessSpace(const Policy &Old, const Policy &New, Date AsOf) {
  SpaceBuilder Builder(Old, New, AsOf);
  WitnessSpace Space;
  for (const Policy *P : {&Old, &New}) {
    for (const Field &F : P->MemberFields)
      if (F.Name != "id" && llvm::none_of(Space.Member, [&](const FieldSpace &S) { return S.Name == F.Name; }))
        Space.Member.push_back(Builder.field(*P, F));
    std::set<std::string> Read = kindsRead(*P);
    for (const ActivityKind &K : P->Kinds) {
      std::string Name = symbolName(*P, K.Name);
      if (!Read.count(Name) || llvm::any_of(Space.Kinds, [&](const KindSpace &S) { return S.Name == Name; }))
        continue;
      KindSpace KS{Name, {}};
      for (const Field &F : K.Fields)
        KS.Fields.push_back(Builder.field(*P, F));
      Space.Kinds.push_back(std::move(KS));
    }
  }
  return Space;
}

} // namespace certc::compare
