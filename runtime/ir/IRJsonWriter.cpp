// Writes a Policy as canonical JSON: fixed key order, one text per value.
#include "ir/IRJson.h"

#include "ir/Names.h"
#include "ir/OpInfo.h"
#include "ir/Scalars.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace certc::ir {

namespace json = llvm::json;

namespace {
class Writer {
public:
  explicit Writer(llvm::raw_ostream &OS) : J(OS, /*IndentSize=*/2) {}

  void policy(const Policy &P) {
    J.object([&] {
      J.attribute("format", FormatTag);
      J.attribute("version", int64_t(P.Version));
      text("content_hash", P.ContentHash);
      text("title", P.Title);
      index("designation", P.Designation);
      text("edition", P.Edition);
      date("effective", P.Effective);
      // Edition keys are written only when stated, so that a policy without
      // editions has the same IR (and hash) as before they existed.
      if (!P.Supersedes.empty()) {
        text("supersedes", P.Supersedes);
        date("supersedes_from", P.SupersedesFrom);
      }
      if (P.GoverningField != None)
        index("governing_field", P.GoverningField);
      if (!P.VerdictMet.empty()) {
        text("verdict_met", P.VerdictMet);
        text("verdict_not_met", P.VerdictNotMet);
      }
      index("counting_unit", P.CountingUnit);
      list("sources", P.Sources, &Writer::source);
      list("source_files", P.SourceFiles, &Writer::string);
      list("symbols", P.Symbols, &Writer::string);
      index("designation_enum", P.DesignationEnum);
      list("enums", P.Enums, &Writer::enumType);
      list("units", P.Units, &Writer::unit);
      list("member_fields", P.MemberFields, &Writer::field);
      list("kinds", P.Kinds, &Writer::kind);
      list("categories", P.Categories, &Writer::category);
      list("requirements", P.Requirements, &Writer::requirement);
      list("spillovers", P.Spillovers, &Writer::spillover);
      list("prerequisites", P.Prerequisites, &Writer::prerequisite);
      list("periods", P.Periods, &Writer::period);
      list("carry_overs", P.CarryOvers, &Writer::carryOver);
      list("caps", P.Caps, &Writer::cap);
      if (!P.Limits.empty())
        list("limits", P.Limits, &Writer::limit);
      list("rules", P.Rules, &Writer::rule);
      list("exprs", P.Exprs, &Writer::expr);
      list("consts", P.Consts, &Writer::value);
    });
  }

private:
  json::OStream J;

  // json::Value would replace invalid UTF-8 anyway (or assert, in builds with
  // assertions); doing it here makes the result independent of the LLVM build.
  static std::string utf8(llvm::StringRef S) {
    return json::isUTF8(S) ? S.str() : json::fixUTF8(S);
  }

  template <typename T>
  void list(llvm::StringRef Key, const std::vector<T> &Items, void (Writer::*Item)(const T &)) {
    J.attributeArray(Key, [&] {
      for (const T &I : Items)
        (this->*Item)(I);
    });
  }

  void text(llvm::StringRef Key, llvm::StringRef S) { J.attribute(Key, utf8(S)); }
  void string(const std::string &S) { J.value(utf8(S)); }
  void number(const uint32_t &N) { J.value(int64_t(N)); }
  void index(llvm::StringRef Key, uint32_t I) {
    if (I == None)
      J.attribute(Key, nullptr);
    else
      J.attribute(Key, int64_t(I));
  }
  void indexList(llvm::StringRef Key, const std::vector<uint32_t> &Items) {
    list(Key, Items, &Writer::number);
  }
  void rational(llvm::StringRef Key, Rational R) { J.attribute(Key, rationalText(R)); }
  void date(llvm::StringRef Key, const std::optional<Date> &D) {
    if (D)
      J.attribute(Key, D->str());
    else
      J.attribute(Key, nullptr);
  }
  void window(const DateWindow &W) {
    date("from", W.From);
    date("until", W.Until);
  }

  void loc(const SourceLoc &L) {
    J.attributeObject("loc", [&] {
      J.attribute("file", int64_t(L.File));
      J.attribute("line", int64_t(L.Line));
      J.attribute("col", int64_t(L.Col));
    });
  }

  void citation(const Citation &C) {
    J.object([&] {
      text("document", C.Document);
      text("section", C.Section);
      text("quote", C.Quote);
    });
  }
  void cites(const std::vector<Citation> &Cites) { list("cites", Cites, &Writer::citation); }

  void source(const SourceDocument &S) {
    J.object([&] {
      text("name", S.Name);
      text("title", S.Title);
      text("file", S.File);
    });
  }

  void enumType(const EnumType &E) {
    J.object([&] {
      text("name", E.Name);
      indexList("values", E.Values);
    });
  }

  void unit(const Unit &U) {
    J.object([&] {
      text("singular", U.Singular);
      text("plural", U.Plural);
      index("base", U.Base);
      rational("per_base", U.PerBase);
    });
  }

  void award(const Award &A) {
    J.object([&] {
      index("designation", A.Designation);
      J.attribute("awarded", A.Awarded.str());
    });
  }

  // Only the member that the kind gives meaning to is written.
  void value(const Value &V) {
    J.object([&] {
      J.attribute("kind", valueKindName(V.K));
      switch (V.K) {
      case Value::Kind::Absent:
        break;
      case Value::Kind::Bool:
        J.attribute("bool", V.Bool);
        break;
      case Value::Kind::Number:
        rational("number", V.Number);
        break;
      case Value::Kind::Date:
        J.attribute("date", V.DateValue.str());
        break;
      case Value::Kind::Text:
        text("text", V.Text);
        break;
      case Value::Kind::Symbol:
        index("symbol", V.Symbol);
        break;
      case Value::Kind::Set:
        J.attribute("set", maskText(V.Set));
        break;
      case Value::Kind::Awards:
        list("awards", V.Awards, &Writer::award);
        break;
      }
    });
  }

  void field(const Field &F) {
    J.object([&] {
      text("name", F.Name);
      J.attribute("type", valueTypeName(F.Type));
      index("enum", F.Enum);
      index("unit", F.Unit);
      J.attribute("required", F.Required);
      J.attributeBegin("default");
      value(F.Default);
      J.attributeEnd();
      optionalInt("int_min", F.IntMin);
      optionalInt("int_max", F.IntMax);
      loc(F.Loc);
    });
  }
  void optionalInt(llvm::StringRef Key, const std::optional<int64_t> &I) {
    if (I)
      J.attribute(Key, *I);
    else
      J.attribute(Key, nullptr);
  }

  void kind(const ActivityKind &K) {
    J.object([&] {
      index("name", K.Name);
      J.attribute("is_period", K.IsPeriod);
      list("fields", K.Fields, &Writer::field);
      loc(K.Loc);
    });
  }

  // Keys of the category structure are written only when used, so that a
  // policy without them keeps its IR (and hash).
  void category(const Category &C) {
    J.object([&] {
      text("name", C.Name);
      loc(C.Loc);
      if (C.Cap != None)
        index("cap", C.Cap);
    });
  }

  void limit(const Limit &L) {
    J.object([&] {
      text("name", L.Name);
      text("title", L.Title);
      if (L.IsShare)
        rational("share", L.Share);
      else
        rational("absolute", L.Absolute);
      indexList("categories", L.Categories);
      cites(L.Cites);
      loc(L.Loc);
    });
  }

  void ruleLimit(const RuleLimit &L) {
    J.object([&] {
      index("limit", L.Limit);
      index("filter", L.Filter);
    });
  }

  void requirement(const Requirement &R) {
    J.object([&] {
      text("name", R.Name);
      text("title", R.Title);
      indexList("categories", R.Categories);
      list("amounts", R.Amounts, &Writer::requiredAmount);
      if (R.ProRate)
        J.attributeObject("pro_rate", [&] {
          index("from", R.ProRate->From);
          index("to", R.ProRate->To);
          J.attribute("round_up", R.ProRate->RoundUp);
          if (R.ProRate->AtMost)
            rational("at_most", *R.ProRate->AtMost);
          else
            J.attribute("at_most", nullptr);
        });
      else
        J.attribute("pro_rate", nullptr);
      index("when", R.When);
      text("when_text", R.WhenText);
      J.attribute("every_nth_period", int64_t(R.EveryNthPeriod));
      cites(R.Cites);
      loc(R.Loc);
    });
  }

  void requiredAmount(const RequiredAmount &A) {
    J.object([&] {
      window(A.When);
      rational("amount", A.Amount);
    });
  }

  void carryOver(const CarryOver &C) {
    J.object([&] {
      index("requirement", C.Requirement);
      index("into", C.Into);
      rational("up_to", C.UpTo);
      J.attribute("last_months", int64_t(C.LastMonths));
      cites(C.Cites);
      loc(C.Loc);
    });
  }

  void spillover(const Spillover &S) {
    J.object([&] {
      index("from", S.From);
      index("to", S.To);
      rational("above", S.Above);
      cites(S.Cites);
      loc(S.Loc);
    });
  }

  void prerequisite(const Prerequisite &Pr) {
    J.object([&] {
      text("name", Pr.Name);
      text("title", Pr.Title);
      index("test", Pr.Test);
      text("reason", Pr.Reason);
      J.attribute("waivable", Pr.Waivable);
      cites(Pr.Cites);
      loc(Pr.Loc);
    });
  }

  void period(const CompliancePeriod &Pe) {
    J.object([&] {
      J.attribute("length_months", int64_t(Pe.LengthMonths));
      index("anchor", Pe.Anchor);
      J.attribute("grace_months", int64_t(Pe.GraceMonths));
      index("when", Pe.When);
      cites(Pe.Cites);
      loc(Pe.Loc);
    });
  }

  void cap(const Cap &C) {
    J.object([&] {
      text("name", C.Name);
      rational("limit", C.Limit);
      index("parent", C.Parent);
      index("category", C.Category);
      cites(C.Cites);
      loc(C.Loc);
    });
  }

  void condition(const ItemCondition &C) {
    J.object([&] {
      index("test", C.Test);
      text("reason", C.Reason);
      cites(C.Cites);
      loc(C.Loc);
    });
  }

  void earning(const Earning &E) {
    J.object([&] {
      J.attribute("kind", earningKindName(E.K));
      window(E.When);
      rational("points", E.Points);
      rational("per", E.Per);
      index("rate_unit", E.RateUnit);
      index("amount", E.Amount);
      rational("amount_to_rate_unit", E.AmountToRateUnit);
      index("amount_unit", E.AmountUnit);
    });
  }

  void splitPart(const SplitPart &Part) {
    J.object([&] {
      index("field", Part.Field);
      J.attribute("rest", Part.Rest);
      indexList("targets", Part.Targets);
    });
  }

  void itemLimit(const ItemLimit &L) {
    J.object([&] {
      window(L.When);
      rational("max", L.Max);
    });
  }

  void rule(const Rule &R) {
    J.object([&] {
      text("name", R.Name);
      index("kind", R.Kind);
      index("filter", R.Filter);
      list("conditions", R.Conditions, &Writer::condition);
      list("earnings", R.Earnings, &Writer::earning);
      list("split", R.Split, &Writer::splitPart);
      J.attributeObject("rounding", [&] {
        J.attribute("mode", roundingModeName(R.Round.M));
        rational("step", R.Round.Step);
      });
      list("item_max", R.ItemMax, &Writer::itemLimit);
      indexList("targets", R.Targets);
      index("cap", R.Cap);
      if (!R.Limits.empty())
        list("limits", R.Limits, &Writer::ruleLimit);
      J.attribute("priority", int64_t(R.Priority));
      cites(R.Cites);
      loc(R.Loc);
    });
  }

  void pair(const std::pair<uint32_t, uint32_t> &Pair) {
    J.array([&] {
      J.value(int64_t(Pair.first));
      J.value(int64_t(Pair.second));
    });
  }

  // Only the members the operator gives meaning to are written (OpInfo).
  void expr(const Expr &E) {
    const OpInfo *Info = opInfo(E.O);
    J.object([&] {
      J.attribute("op", opName(E.O));
      if (!Info)
        return;
      if (Info->HasCmp)
        J.attribute("cmp", cmpName(E.C));
      if (Info->AKey)
        J.attribute(Info->AKey, Info->ASigned ? int64_t(static_cast<int32_t>(E.A)) : int64_t(E.A));
      if (Info->HasMask)
        J.attribute("mask", maskText(E.Mask));
      if (Info->MaxArgs > 0)
        indexList("args", E.Args);
      if (Info->HasPairs)
        list("pairs", E.Pairs, &Writer::pair);
    });
  }
};
} // namespace

std::string writePolicyJson(const Policy &P) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  {
    Writer W(OS);
    W.policy(P);
  }
  OS << "\n";
  OS.flush();
  return Text;
}

} // namespace certc::ir
