// The sample policy: a cut-down municipal clerk certification.
#include "SamplePolicy.h"

#include "ir/Hash.h"

#include <cassert>

namespace certc::ir::test {

using namespace sample;

namespace {
Date day(const char *Text) { return *Date::parse(Text); }
Rational ratio(int64_t N, int64_t D) { return *Rational::make(N, D); }

SymbolId intern(Policy &P, const char *Name) {
  for (size_t I = 0; I < P.Symbols.size(); ++I)
    if (P.Symbols[I] == Name)
      return static_cast<SymbolId>(I);
  P.Symbols.push_back(Name);
  return static_cast<SymbolId>(P.Symbols.size() - 1);
}

SourceLoc at(uint32_t Line, uint32_t Col, uint32_t File = 0) { return {File, Line, Col}; }

Field field(const char *Name, ValueType T, SourceLoc L) {
  Field F;
  F.Name = Name;
  F.Type = T;
  F.Loc = L;
  return F;
}

Value symbolValue(SymbolId S) {
  Value V;
  V.K = Value::Kind::Symbol;
  V.Symbol = S;
  return V;
}

Value numberValue(Rational R) {
  Value V;
  V.K = Value::Kind::Number;
  V.Number = R;
  return V;
}

Value dateValue(const char *Text) {
  Value V;
  V.K = Value::Kind::Date;
  V.DateValue = *Date::parse(Text);
  return V;
}

Value boolValue(bool B) {
  Value V;
  V.K = Value::Kind::Bool;
  V.Bool = B;
  return V;
}

Expr node(Op O, std::vector<ExprId> Args = {}, uint32_t A = 0) {
  Expr E;
  E.O = O;
  E.Args = std::move(Args);
  E.A = A;
  return E;
}

Expr compare(Cmp C, ExprId L, ExprId R) {
  Expr E = node(Op::Compare, {L, R});
  E.C = C;
  return E;
}

Citation cite(const char *Section, const char *Quote) {
  return {"IIMC CMC Program Guidelines", Section, Quote};
}

void addSchema(Policy &P) {
  SymbolId Cmc = intern(P, "cmc"), Mmc = intern(P, "mmc");
  P.Enums.push_back({"designation", {Cmc, Mmc}});
  P.Enums.push_back({"level", {intern(P, "introductory"), Cmc, Mmc}});
  P.Enums.push_back({"delivery", {intern(P, "in_person"), intern(P, "online")}});
  P.Enums.push_back({"government", {intern(P, "municipal"), intern(P, "county")}});
  P.DesignationEnum = DesignationEnum;
  P.Designation = Cmc;

  P.Units.push_back({"hour", "hours", None, 1});
  P.Units.push_back({"minute", "minutes", Hour, ratio(1, 60)});
  P.Units.push_back({"point", "points", None, 1});

  Field Joined = field("joined", ValueType::Date, at(3, 3));
  Joined.Required = true;
  P.MemberFields.push_back(Joined);
  P.MemberFields.push_back(field("birth_date", ValueType::Date, at(4, 3)));
  Field Governments = field("governments", ValueType::EnumSet, at(5, 3));
  Governments.Enum = GovernmentEnum;
  Governments.Default.K = Value::Kind::Set;
  Governments.Default.Set = 0x1;
  P.MemberFields.push_back(Governments);
  P.MemberFields.push_back(field("awards", ValueType::Awards, at(6, 3)));
  Field Years = field("years_in_office", ValueType::Integer, at(7, 3));
  Years.IntMin = 0;
  Years.IntMax = 60;
  Years.Default = numberValue(0);
  P.MemberFields.push_back(Years);

  ActivityKind Course;
  Course.Name = intern(P, "course");
  Course.Loc = at(10, 1);
  Field Title = field("title", ValueType::Text, at(2, 3, 1));
  Title.Required = true;
  Field Documented = field("documented", ValueType::Bool, at(3, 3, 1));
  Documented.Default = boolValue(false);
  Field UsedFor = field("used_for", ValueType::Text, at(4, 3, 1));
  Field Level = field("level", ValueType::Enum, at(11, 3));
  Level.Enum = LevelEnum;
  Level.Required = true;
  Field Hours = field("hours", ValueType::Quantity, at(12, 3));
  Hours.Unit = Hour;
  Field Delivery = field("delivery", ValueType::Enum, at(13, 3));
  Delivery.Enum = DeliveryEnum;
  Delivery.Default = symbolValue(intern(P, "in_person"));
  Field Minutes = field("minutes", ValueType::Quantity, at(15, 3));
  Minutes.Unit = Minute;
  Course.Fields = {Title,
                   Documented,
                   UsedFor,
                   Level,
                   Hours,
                   Delivery,
                   field("assessed", ValueType::Bool, at(14, 3)),
                   Minutes};
  P.Kinds.push_back(Course);

  ActivityKind Conference;
  Conference.Name = intern(P, "conference");
  Conference.IsPeriod = true;
  Conference.Loc = at(17, 1);
  Field Days = field("days", ValueType::Integer, at(18, 3));
  Days.IntMin = 1;
  Days.IntMax = 10;
  Field Awarded = field("points_awarded", ValueType::Quantity, at(19, 3));
  Awarded.Unit = Point;
  // Period kinds: start and end first, then own fields, then common fields.
  Conference.Fields = {field("start", ValueType::Date, SourceLoc{}),
                       field("end", ValueType::Date, SourceLoc{}),
                       Title,
                       Documented,
                       UsedFor,
                       Days,
                       Awarded};
  P.Kinds.push_back(Conference);
}

void addCredits(Policy &P) {
  P.Categories.push_back({"education", at(22, 1)});
  P.Categories.push_back({"experience", at(23, 1)});

  P.Requirements.push_back({"total",
                            "Total points",
                            {Education, Experience},
                            {{{}, 100}},
                            std::nullopt,
                            None,
                            "",
                            0,
                            {cite("2.1", "A total of 100 points is required.")},
                            at(25, 1)});
  P.Requirements.push_back({"education_minimum",
                            "",
                            {Education},
                            {{{}, 60}},
                            std::nullopt,
                            None,
                            "",
                            0,
                            {cite("2.2", "At least 60 points must be in education.")},
                            at(26, 1)});
  P.Spillovers.push_back({Education,
                          Experience,
                          60,
                          {cite("2.3", "Education points above 60 count as experience.")},
                          at(27, 1)});

  // membership: years_since(member.joined) >= 2
  ExprId Joined = addExpr(P, node(Op::MemberField, {}, MJoined));
  ExprId Years = addExpr(P, node(Op::YearsBetween, {Joined}));
  ExprId Two = addConst(P, numberValue(2));
  ExprId Member = addExpr(P, compare(Cmp::Ge, Years, Two));
  P.Prerequisites.push_back({"membership",
                             "Two years of membership",
                             Member,
                             "You must have been an IIMC member for two years.",
                             /*Waivable=*/false,
                             {cite("1.1", "Applicants must be members for two years.")},
                             at(29, 1)});
  // not_certified: not holds(cmc)
  ExprId Holds = addExpr(P, node(Op::Holds, {}, symbolId(P, "cmc")));
  ExprId NotHolds = addExpr(P, node(Op::Not, {Holds}));
  P.Prerequisites.push_back(
      {"not_certified", "", NotHolds, "You already hold the CMC.", /*Waivable=*/true, {}, at(30, 1)});

  P.Caps.push_back({"online_limit",
                    20,
                    None,
                    Education,
                    {cite("3.4", "No more than 20 points from online courses.")},
                    at(32, 1)});
  P.Caps.push_back({"webinar_limit", 10, OnlineLimit, Education, {}, at(33, 3)});
}

void addRules(Policy &P) {
  SymbolId CourseSym = symbolId(P, "course"), ConferenceSym = symbolId(P, "conference");

  // athenian: where (level = cmc) and assessed
  {
    Rule R;
    R.Name = "athenian";
    R.Kind = CourseSym;
    R.Loc = at(40, 3);
    ExprId Level = addExpr(P, node(Op::ActivityField, {}, CLevel));
    ExprId Cmc = addConst(P, symbolValue(symbolId(P, "cmc")));
    ExprId IsCmc = addExpr(P, compare(Cmp::Eq, Level, Cmc));
    ExprId Assessed = addExpr(P, node(Op::ActivityField, {}, CAssessed));
    R.Filter = addExpr(P, node(Op::And, {IsCmc, Assessed}));
    ExprId Documented = addExpr(P, node(Op::ActivityField, {}, CDocumented));
    R.Conditions.push_back({Documented,
                            "The course must be documented.",
                            {cite("4.1", "Every activity must be documented.")},
                            at(8, 1, 1)});
    ExprId Hours = addExpr(P, node(Op::ActivityField, {}, CHours));
    Earning Before;
    Before.K = Earning::Kind::Rate;
    Before.When.Until = day("2024-01-01");
    Before.Points = 1;
    Before.Per = 1;
    Before.RateUnit = Hour;
    Before.Amount = Hours;
    Before.AmountUnit = Hour;
    Earning After = Before;
    After.When = {day("2024-01-01"), std::nullopt};
    After.Points = ratio(3, 2);
    R.Earnings = {Before, After};
    R.Round = {Rounding::Mode::Down, ratio(1, 2)};
    R.ItemMax.push_back({{}, 12});
    R.Targets = {Education, Experience};
    R.Priority = 1;
    R.Cites.push_back(cite("4.2", "Athenian courses earn one point per contact hour."));
    P.Rules.push_back(R);
  }
  // online_course: where delivery in {online}, capped
  {
    Rule R;
    R.Name = "online_course";
    R.Kind = CourseSym;
    R.Loc = at(50, 3);
    ExprId Delivery = addExpr(P, node(Op::ActivityField, {}, CDelivery));
    Expr InSet = node(Op::InSet, {Delivery}, DeliveryEnum);
    InSet.Mask = 0x2;
    R.Filter = addExpr(P, InSet);
    ExprId Minutes = addExpr(P, node(Op::ActivityField, {}, CMinutes));
    Earning E;
    E.K = Earning::Kind::Rate;
    E.Points = 2;
    E.Per = 3;
    E.RateUnit = Hour;
    E.Amount = Minutes;
    E.AmountUnit = Minute;
    E.AmountToRateUnit = ratio(1, 60);
    R.Earnings = {E};
    R.Targets = {Education};
    R.Cap = OnlineLimit;
    P.Rules.push_back(R);
  }
  // conference_attendance: awarded points, once per title, within three years
  {
    Rule R;
    R.Name = "conference_attendance";
    R.Kind = ConferenceSym;
    R.Loc = at(60, 3);
    Expr Once = node(Op::NoEarlierSame, {}, Conference);
    Once.Pairs = {{FTitle, FTitle}};
    R.Conditions.push_back({addExpr(P, Once), "Each conference counts once.", {}, at(61, 5)});
    ExprId Start = addExpr(P, node(Op::ActivityField, {}, FStart));
    Expr Later = node(Op::AddMonths, {Start}, 36);
    ExprId Expires = addExpr(P, Later);
    ExprId Audit = addExpr(P, node(Op::AuditDate));
    R.Conditions.push_back({addExpr(P, compare(Cmp::Ge, Expires, Audit)),
                            "Conferences count for three years.",
                            {cite("5.1", "Attendance counts for 36 months.")},
                            at(62, 5)});
    Earning E;
    E.K = Earning::Kind::Awarded;
    E.Amount = addExpr(P, node(Op::ActivityField, {}, FPointsAwarded));
    R.Earnings = {E};
    R.ItemMax.push_back({{std::nullopt, day("2023-01-01")}, 8});
    R.ItemMax.push_back({{day("2023-01-01"), std::nullopt}, 10});
    R.Targets = {Experience};
    P.Rules.push_back(R);
  }
  // academy_series: count(course where level = mmc) >= 3 and member.governments contains county
  {
    Rule R;
    R.Name = "academy_series";
    R.Kind = CourseSym;
    R.Loc = at(70, 3);
    ExprId Level = addExpr(P, node(Op::ActivityField, {}, CLevel));
    ExprId Mmc = addConst(P, symbolValue(symbolId(P, "mmc")));
    ExprId IsMmc = addExpr(P, compare(Cmp::Eq, Level, Mmc));
    ExprId Count = addExpr(P, node(Op::CountActivities, {IsMmc}, Course));
    ExprId Three = addConst(P, numberValue(3));
    ExprId Enough = addExpr(P, compare(Cmp::Ge, Count, Three));
    ExprId Governments = addExpr(P, node(Op::MemberField, {}, MGovernments));
    ExprId County = addExpr(P, node(Op::SetContains, {Governments}, 1));
    R.Filter = addExpr(P, node(Op::And, {Enough, County}));
    Earning Early;
    Early.When = {day("2022-01-01"), day("2023-01-01")};
    Early.Points = 5;
    Earning Late;
    Late.When = {day("2023-01-01"), std::nullopt};
    Late.Points = 4;
    R.Earnings = {Late, Early};
    R.Round = {Rounding::Mode::Nearest, 1};
    R.Targets = {Education};
    R.Cap = WebinarLimit;
    R.Priority = -2;
    P.Rules.push_back(R);
  }
}
} // namespace

ExprId addExpr(Policy &P, Expr E) {
  P.Exprs.push_back(std::move(E));
  return static_cast<ExprId>(P.Exprs.size() - 1);
}

ExprId addConst(Policy &P, Value V) {
  P.Consts.push_back(std::move(V));
  return addExpr(P, node(Op::Const, {}, static_cast<uint32_t>(P.Consts.size() - 1)));
}

SymbolId symbolId(const Policy &P, const char *Name) {
  for (size_t I = 0; I < P.Symbols.size(); ++I)
    if (P.Symbols[I] == Name)
      return static_cast<SymbolId>(I);
  assert(false && "unknown symbol");
  return None;
}

/// Added last, so that the constants of the other parts keep their indices.
void addPeriods(Policy &P) {
  // compliance period: 2 years from the later of member.joined and 2020-01-01,
  // with 4 months of grace, for members with governments
  ExprId From2020 = addConst(P, dateValue("2020-01-01"));
  ExprId Anchor = addExpr(P, node(Op::LaterDate, {addExpr(P, node(Op::MemberField, {}, MJoined)), From2020}));
  ExprId WithGovernments = addExpr(P, node(Op::SetSize, {addExpr(P, node(Op::MemberField, {}, MGovernments))}));
  ExprId HasGovernments = addExpr(P, compare(Cmp::Ge, WithGovernments, addConst(P, numberValue(1))));
  P.Periods.push_back({24, Anchor, 4, HasGovernments, {cite("1.2", "Credits are reported every two years.")},
                       at(31, 1)});
}

Policy makeSamplePolicy() {
  Policy P;
  P.Title = "IIMC Certified Municipal Clerk";
  P.Edition = "2024";
  P.Effective = day("2024-01-01");
  P.Sources.push_back({"cmc_guidelines", "IIMC CMC Program Guidelines", "cmc_guidelines.pdf"});
  P.SourceFiles = {"policies/iimc/cmc.cert", "stdlib/common.cert"};
  addSchema(P);
  addCredits(P);
  addRules(P);
  addPeriods(P);
  P.ContentHash = computeContentHash(P);
  return P;
}

} // namespace certc::ir::test
