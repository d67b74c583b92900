// One test per verifier rule: break the sample once, expect the entity named.
#include "SamplePolicy.h"
#include "TestSupport.h"

#include "ir/Verifier.h"

#include <functional>
#include "llvm/ADT/STLExtras.h"

#include <gtest/gtest.h>

using namespace certc::ir;
using namespace certc::ir::test;
using namespace certc::ir::test::sample;
using certc::Date;
using certc::Rational;

namespace {

/// Applies Edit to the sample and expects an error containing Expected, in which
/// "{last}" stands for the id of the last expression in the arena after the edit.
::testing::AssertionResult rejects(const std::function<void(Policy &)> &Edit,
                                   std::string Expected) {
  Policy P = makeSamplePolicy();
  Edit(P);
  size_t At = Expected.find("{last}");
  if (At != std::string::npos)
    Expected.replace(At, 6, std::to_string(P.Exprs.size() - 1));
  std::string Message = errorText(verifyPolicy(P));
  if (contains(Message, Expected))
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected an error containing\n  " << Expected
                                       << "\ngot\n  " << (Message.empty() ? "success" : Message);
}

Expr makeExpr(Op O, std::vector<ExprId> Args = {}, uint32_t A = 0) {
  Expr E;
  E.O = O;
  E.Args = std::move(Args);
  E.A = A;
  return E;
}

Expr makeCompare(Cmp C, ExprId L, ExprId R) {
  Expr E = makeExpr(Op::Compare, {L, R});
  E.C = C;
  return E;
}

Value number(int64_t N) {
  Value V;
  V.K = Value::Kind::Number;
  V.Number = N;
  return V;
}

Date day(const char *Text) { return *Date::parse(Text); }

/// Uses E as rule Which's filter.
void setFilter(Policy &P, uint32_t Which, Expr E) { P.Rules[Which].Filter = addExpr(P, E); }

// --- Header and tables --------------------------------------------------------

TEST(IRVerifier, AcceptsTheSample) { EXPECT_EQ(errorText(verifyPolicy(makeSamplePolicy())), ""); }

TEST(IRVerifier, Version) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Version = FormatVersion + 1; },
                      "policy: IR version " + std::to_string(FormatVersion + 1) + " is not supported (expected " +
                          std::to_string(FormatVersion) + ")"));
}

TEST(IRVerifier, SymbolsAreUnique) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Symbols.push_back("cmc"); },
                      "symbol 'cmc': the name is used twice"));
}

TEST(IRVerifier, EnumsHoldAtMost64Values) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        for (int I = 0; I < 62; ++I) {
          P.Symbols.push_back("extra_" + std::to_string(I));
          P.Enums[LevelEnum].Values.push_back(static_cast<SymbolId>(P.Symbols.size() - 1));
        }
      },
      "enum 'level': has 65 values, more than the 64 a set can hold"));
}

TEST(IRVerifier, EnumValuesAreSymbols) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Enums[LevelEnum].Values.push_back(999); },
                      "enum 'level': symbol 999 is out of range"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Enums[LevelEnum].Values.push_back(symbolId(P, "cmc")); },
                      "enum 'level': value 'cmc' appears twice"));
}

TEST(IRVerifier, DesignationIsAValueOfTheDesignationEnum) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Designation = symbolId(P, "introductory"); },
                      "policy: designation 'introductory' is not a value of enum 'designation'"));
  EXPECT_TRUE(rejects([](Policy &P) { P.DesignationEnum = None; },
                      "policy: designation enum 4294967295 is out of range"));
}

TEST(IRVerifier, UnitsConvertToABaseUnit) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Units[Minute].Base = 7; },
                      "unit 'minute': base unit 7 is out of range"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Units[Point].Base = Minute; },
                      "unit 'point': base unit 'minute' is not itself a base unit"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Units[Minute].PerBase = 0; },
                      "unit 'minute': per_base must be positive, not 0"));
}

TEST(IRVerifier, FieldIndicesAreInRange) {
  EXPECT_TRUE(rejects([](Policy &P) { P.MemberFields[MGovernments].Enum = 9; },
                      "member field 'governments': enum 9 is out of range (4 enums)"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Kinds[Course].Fields[CHours].Unit = None; },
                      "kind 'course' field 'hours': unit 4294967295 is out of range"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Kinds[Course].Fields[CTitle].Unit = Hour; },
                      "kind 'course' field 'title': has a unit but holds text values"));
}

TEST(IRVerifier, FieldDefaultsFitTheField) {
  EXPECT_TRUE(rejects(
      [](Policy &P) { P.MemberFields[MYearsInOffice].Default.K = Value::Kind::Date; },
      "member field 'years_in_office': default is a date but the field holds integer values"));
  EXPECT_TRUE(rejects([](Policy &P) { P.MemberFields[MYearsInOffice].Default.Number = 61; },
                      "member field 'years_in_office': default 61 is not a whole number within "
                      "the field's bounds"));
  EXPECT_TRUE(rejects(
      [](Policy &P) { P.Kinds[Course].Fields[CDelivery].Default.Symbol = symbolId(P, "county"); },
      "kind 'course' field 'delivery': default 'county' is not a value of enum 'delivery'"));
  EXPECT_TRUE(rejects([](Policy &P) { P.MemberFields[MGovernments].Default.Set = 0x4; },
                      "member field 'governments': default set has positions beyond"));
  EXPECT_TRUE(rejects([](Policy &P) { P.MemberFields[MYearsInOffice].IntMin = 70; },
                      "member field 'years_in_office': integer bounds are empty (70 > 60)"));
}

TEST(IRVerifier, FieldNamesAreUnique) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Kinds[Course].Fields[CAssessed].Name = "title"; },
                      "kind 'course' field 'title': the name is used twice"));
}

TEST(IRVerifier, KindsAreNamedUniquely) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Kinds[Conference].Name = 999; },
                      "kind 1: symbol 999 is out of range"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Kinds[Conference].Name = P.Kinds[Course].Name; },
                      "kind 'course': the name is used twice (kind 0 and 1)"));
}

TEST(IRVerifier, PeriodKindsHaveStartAndEnd) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Kinds[Conference].Fields[FEnd].Type = ValueType::Text; },
                      "kind 'conference': a period kind needs a date field 'end'"));
}

TEST(IRVerifier, ConstantSymbolsAreInRange) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        for (Value &V : P.Consts)
          if (V.K == Value::Kind::Symbol) {
            V.Symbol = 999;
            break;
          }
      },
      "const 1: symbol 999 is out of range"));
}

TEST(IRVerifier, SourceLocationsNameSourceFiles) {
  EXPECT_TRUE(
      rejects([](Policy &P) { P.Rules[Athenian].Loc.File = 5; },
              "rule 'athenian': source location names file 5, but there are 2 source files"));
}

// --- Expressions ----------------------------------------------------------------

TEST(IRVerifier, ArenaIsAcyclic) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        Expr &Filter = P.Exprs[P.Rules[Athenian].Filter];
        Filter.Args[1] = P.Rules[Athenian].Filter;
      },
      "(and): operand "));
  Policy P = makeSamplePolicy();
  ExprId Filter = P.Rules[Athenian].Filter;
  P.Exprs[Filter].Args[1] = Filter + 1;
  EXPECT_EQ(errorText(verifyPolicy(P)),
            "expr " + std::to_string(Filter) + " (and): operand " + std::to_string(Filter + 1) +
                " does not precede it (operands must come first, so that the arena is acyclic)");
}

TEST(IRVerifier, OperatorsHaveTheirArity) {
  Policy P = makeSamplePolicy();
  ExprId Not = P.Prerequisites[1].Test;
  P.Exprs[Not].Args.push_back(0);
  EXPECT_EQ(errorText(verifyPolicy(P)),
            "expr " + std::to_string(Not) + " (not): takes 1 operands, has 2");
  EXPECT_TRUE(rejects([](Policy &P) { addExpr(P, makeExpr(Op::And)); },
                      "(and): takes at least 1 operands, has 0"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        addExpr(P, makeExpr(Op::YearsBetween, {0, 1, 2}));
      },
      "(years_between): takes 1 or 2 operands, has 3"));
  EXPECT_TRUE(rejects([](Policy &P) { addExpr(P, makeExpr(static_cast<Op>(200))); },
                      "(invalid): unknown operator 200"));
}

TEST(IRVerifier, ExpressionIndicesAreInRange) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[Athenian].Filter = 9999; },
                      "rule 'athenian' filter: expression 9999 is out of range"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[Athenian].Conditions[0].Test = None; },
                      "rule 'athenian' condition 0: expression 4294967295 is out of range"));
  EXPECT_TRUE(rejects([](Policy &P) { addExpr(P, makeExpr(Op::Const, {}, 50)); },
                      "(const): constant 50 is out of range"));
  EXPECT_TRUE(rejects([](Policy &P) { addExpr(P, makeExpr(Op::MemberField, {}, 5)); },
                      "(member_field): member field 5 is out of range (5 member fields)"));
  EXPECT_TRUE(rejects([](Policy &P) { addExpr(P, makeExpr(Op::CountActivities, {}, 2)); },
                      "(count_activities): kind 2 is out of range (2 kinds)"));
}

TEST(IRVerifier, ConditionsAreBooleans) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Rules[Athenian].Filter = addExpr(P, makeExpr(Op::ActivityField, {}, CHours));
      },
      "rule 'athenian' filter: expression {last} has type number, expected bool"));
}

TEST(IRVerifier, CompareOperandsHaveTheSameType) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Level = addExpr(P, makeExpr(Op::ActivityField, {}, CLevel));
        ExprId Two = addConst(P, number(2));
        setFilter(P, Athenian, makeCompare(Cmp::Eq, Level, Two));
      },
      "rule 'athenian' filter: expr {last} (compare): compares symbol of enum 'level' with "
      "number"));
}

TEST(IRVerifier, CompareOrdersOnlyNumbersAndDates) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Level = P.Exprs[P.Exprs[P.Rules[Athenian].Filter].Args[0]].Args[0];
        ExprId Cmc = P.Exprs[P.Exprs[P.Rules[Athenian].Filter].Args[0]].Args[1];
        setFilter(P, Athenian, makeCompare(Cmp::Lt, Level, Cmc));
      },
      "(compare): orders symbol values; only = and != apply to them"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Title = addExpr(P, makeExpr(Op::ActivityField, {}, CTitle));
        setFilter(P, Athenian, makeCompare(Cmp::Lt, Title, Title));
      },
      "(compare): orders text values; only = and != apply to them"));
}

TEST(IRVerifier, CompareSymbolsWithinTheirEnum) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Level = addExpr(P, makeExpr(Op::ActivityField, {}, CLevel));
        Value Online;
        Online.K = Value::Kind::Symbol;
        Online.Symbol = symbolId(P, "online");
        setFilter(P, Athenian, makeCompare(Cmp::Eq, addConst(P, Online), Level));
      },
      "rule 'athenian' filter: expr {last} (compare): symbol 'online' is not a value of enum "
      "'level'"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Level = addExpr(P, makeExpr(Op::ActivityField, {}, CLevel));
        ExprId Delivery = addExpr(P, makeExpr(Op::ActivityField, {}, CDelivery));
        setFilter(P, Athenian, makeCompare(Cmp::Ne, Level, Delivery));
      },
      "compares symbol of enum 'level' with symbol of enum 'delivery'"));
}

TEST(IRVerifier, InSetNeedsAnEnumOperandOfItsEnum) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Assessed = addExpr(P, makeExpr(Op::ActivityField, {}, CAssessed));
        Expr In = makeExpr(Op::InSet, {Assessed}, LevelEnum);
        setFilter(P, Athenian, In);
      },
      "rule 'athenian' filter: expr {last} (in_set): operand 0 has type bool, expected symbol"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Level = addExpr(P, makeExpr(Op::ActivityField, {}, CLevel));
        setFilter(P, Athenian, makeExpr(Op::InSet, {Level}, DeliveryEnum));
      },
      "(in_set): tests symbol of enum 'level' against a set of enum 'delivery'"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Level = addExpr(P, makeExpr(Op::ActivityField, {}, CLevel));
        Expr In = makeExpr(Op::InSet, {Level}, LevelEnum);
        In.Mask = 0x8;
        setFilter(P, Athenian, In);
      },
      "(in_set): mask has bits beyond the 3 values of enum 'level'"));
}

TEST(IRVerifier, SetOperatorsNeedSets) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Joined = addExpr(P, makeExpr(Op::MemberField, {}, MJoined));
        P.Prerequisites[0].Test = addExpr(P, makeExpr(Op::SetSize, {Joined}));
      },
      "prerequisite 'membership' test: expr {last} (set_size): operand 0 has type date, expected "
      "set"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Governments = addExpr(P, makeExpr(Op::MemberField, {}, MGovernments));
        P.Prerequisites[0].Test = addExpr(P, makeExpr(Op::SetContains, {Governments}, 2));
      },
      "prerequisite 'membership' test: expr {last} (set_contains): uses positions beyond the "
      "values of enum 'government'"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Governments = addExpr(P, makeExpr(Op::MemberField, {}, MGovernments));
        Expr Within = makeExpr(Op::SetWithin, {Governments});
        Within.Mask = 0x7;
        P.Prerequisites[0].Test = addExpr(P, Within);
      },
      "(set_within): uses positions beyond the values of enum 'government'"));
}

TEST(IRVerifier, DateArithmeticNeedsDatesAndBoundedShifts) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Years = addExpr(P, makeExpr(Op::MemberField, {}, MYearsInOffice));
        P.Prerequisites[0].Test = addExpr(P, makeExpr(Op::AddMonths, {Years}, 6));
      },
      "prerequisite 'membership' test: expr {last} (add_months): operand 0 has type number, "
      "expected date"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        addExpr(P, makeExpr(Op::AddDays, {0}, static_cast<uint32_t>(-(MaxShiftDays + 1))));
      },
      "(add_days): shifts by -3660001 days, more than the 3660000 a date can move"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId Title = addExpr(P, makeExpr(Op::MemberField, {}, MYearsInOffice));
        P.Prerequisites[0].Test = addExpr(P, makeExpr(Op::YearsBetween, {Title}));
      },
      "(years_between): operand 0 has type number, expected date"));
}

TEST(IRVerifier, ActivityFieldsOnlyInRuleContexts) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Prerequisites[0].Test = addExpr(P, makeExpr(Op::ActivityField, {}, CAssessed));
      },
      "prerequisite 'membership' test: expr {last} (activity_field): reads an activity field "
      "where there is no current activity"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        Expr Same = makeExpr(Op::NoOtherSame, {}, Course);
        P.Prerequisites[0].Test = addExpr(P, Same);
      },
      "prerequisite 'membership' test: expr {last} (no_other_same): compares with the current "
      "activity where there is none"));
}

TEST(IRVerifier, ActivityFieldsBelongToTheRuleKind) {
  // Course has 8 fields, conference 7: field 7 exists only for courses.
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Rules[ConferenceAttendance].Earnings[0].Amount =
            addExpr(P, makeExpr(Op::ActivityField, {}, CMinutes));
      },
      "rule 'conference_attendance' earning 0 amount: expr {last} (activity_field): field 7 is "
      "not a field of kind 'conference'"));
}

TEST(IRVerifier, CountFiltersReadTheCountedKind) {
  // Inside the count, the counted conference is current, whatever the rule's kind.
  Policy Broken = makeSamplePolicy();
  ExprId Minutes = addExpr(Broken, makeExpr(Op::ActivityField, {}, CMinutes));
  ExprId Given = addExpr(Broken, makeExpr(Op::IsGiven, {Minutes}));
  ExprId Count = addExpr(Broken, makeExpr(Op::CountActivities, {Given}, Conference));
  setFilter(Broken, Athenian, makeCompare(Cmp::Gt, Count, addConst(Broken, number(0))));
  EXPECT_EQ(errorText(verifyPolicy(Broken)),
            "rule 'athenian' filter: expr " + std::to_string(Minutes) +
                " (activity_field): field 7 is not a field of kind 'conference'");
  // The same count works from a prerequisite: the filter has its own current activity.
  Policy P = makeSamplePolicy();
  ExprId Days = addExpr(P, makeExpr(Op::ActivityField, {}, FDays));
  ExprId DaysGiven = addExpr(P, makeExpr(Op::IsGiven, {Days}));
  ExprId Held = addExpr(P, makeExpr(Op::CountActivities, {DaysGiven}, Conference));
  P.Prerequisites[0].Test = addExpr(P, makeCompare(Cmp::Gt, Held, addConst(P, number(0))));
  EXPECT_EQ(errorText(verifyPolicy(P)), "");
}

TEST(IRVerifier, SameFieldPairsHaveOneType) {
  Policy P = makeSamplePolicy();
  ExprId Once = P.Rules[ConferenceAttendance].Conditions[0].Test;
  P.Exprs[Once].Pairs[0].second = FDays;
  EXPECT_EQ(errorText(verifyPolicy(P)),
            "rule 'conference_attendance' condition 0: expr " + std::to_string(Once) +
                " (no_earlier_same): pairs field 'title' (text) with field 'days' (integer) "
                "of a different type");
  P.Exprs[Once].Pairs[0].second = 7;
  EXPECT_EQ(errorText(verifyPolicy(P)),
            "expr " + std::to_string(Once) +
                " (no_earlier_same): field 7 is not a field of kind 'conference'");
}

TEST(IRVerifier, HoldsNamesADesignation) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Exprs[P.Exprs[P.Prerequisites[1].Test].Args[0]].A = symbolId(P, "online");
      },
      "(holds): symbol 'online' is not a designation"));
}

TEST(IRVerifier, ExpressionsHaveBoundedDepth) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId E = addExpr(P, makeExpr(Op::ActivityField, {}, CAssessed));
        for (unsigned I = 0; I < MaxExprDepth; ++I)
          E = addExpr(P, makeExpr(Op::Not, {E}));
      },
      "(not): nests deeper than 256 levels"));
}

TEST(IRVerifier, ExpressionsHaveBoundedSize) {
  // Each node uses the previous one twice: 2^20 nodes when unfolded.
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        ExprId E = addExpr(P, makeExpr(Op::ActivityField, {}, CAssessed));
        for (int I = 0; I < 20; ++I)
          E = addExpr(P, makeExpr(Op::And, {E, E}));
        P.Rules[Athenian].Filter = E;
      },
      "(and): has more than 65536 nodes counting shared operands at each use"));
}

// --- Categories, requirements, spillovers, prerequisites, caps -----------------

TEST(IRVerifier, NamesAreUnique) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Categories[1].Name = "education"; },
                      "category 'education': the name is used twice (category 0 and 1)"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[AcademySeries].Name = "athenian"; },
                      "rule 'athenian': the name is used twice (rule 0 and 3)"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Caps[1].Name = "online_limit"; },
                      "cap 'online_limit': the name is used twice (cap 0 and 1)"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Requirements[1].Name = "total"; },
                      "requirement 'total': the name is used twice (requirement 0 and 1)"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Prerequisites[1].Name = "membership"; },
                      "prerequisite 'membership': the name is used twice"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[OnlineCourse].Name = ""; }, "rule 1: has no name"));
}

TEST(IRVerifier, RequirementsAreWellFormed) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Requirements[0].Categories.push_back(2); },
                      "requirement 'total': category 2 is out of range (2 categories)"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Requirements[0].Categories = {Education, Education};
      },
      "requirement 'total': names category 'education' twice"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Requirements[0].Categories.clear(); },
                      "requirement 'total': names no categories"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Requirements[1].Amounts[0].Amount = 0; },
                      "requirement 'education_minimum' amount 0: amount must be positive, not 0"));
}

TEST(IRVerifier, RequirementsThatDependOnTheMemberAreWellFormed) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Requirements[0].Amounts.clear(); }, "requirement 'total': states no amount"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Requirements[0].Amounts = {{{std::nullopt, Date::parse("2024-01-01")}, 2},
                                     {{Date::parse("2023-01-01"), std::nullopt}, 1}};
      },
      "requirement 'total' amount 1: window overlaps amount 0"));
  EXPECT_TRUE(rejects(
                  [](Policy &P) {
                    P.Periods.clear();
                    P.Requirements[0].EveryNthPeriod = 3;
                  },
                      "requirement 'total': applies every 3 periods, but the policy has no compliance period"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Requirements[0].WhenText = "period number > 1"; },
                      "requirement 'total': a condition and its text go together"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Periods.clear();
        P.CarryOvers.push_back({0, 0, 2, 0, {}, {}});
      },
      "carry-over 0: the policy has no compliance period"));
  EXPECT_TRUE(rejects([](Policy &P) { P.CarryOvers = {{0, 0, 2, 0, {}, {}}, {0, 1, 1, 0, {}, {}}}; },
                      "carry-over 1: requirement 'total' carries over twice"));
}

TEST(IRVerifier, TitlesAreAbsentOrShowSomething) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Requirements[0].Title = " \t "; },
                      "requirement 'total': the title is blank"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Prerequisites[1].Title = " "; },
                      "prerequisite 'not_certified': the title is blank"));
  Policy Untitled = makeSamplePolicy();
  Untitled.Requirements[0].Title.clear();
  EXPECT_EQ(errorText(verifyPolicy(Untitled)), "");
}

TEST(IRVerifier, SpilloversAreWellFormed) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Spillovers[0].To = Education; },
                      "spillover 0 (education to education): spills a category into itself"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Spillovers[0].From = None; },
                      "spillover 0: category 4294967295 is out of range"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Spillovers[0].Above = -1; },
                      "spillover 0 (education to experience): threshold must not be negative"));
  EXPECT_TRUE(
      rejects([](Policy &P) { P.Spillovers.push_back(P.Spillovers[0]); },
              "spillover 1 (education to experience): the same spillover is declared twice"));
}

TEST(IRVerifier, CapsAreWellFormed) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Caps[OnlineLimit].Limit = 0; },
                      "cap 'online_limit': limit must be positive, not 0"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Caps[OnlineLimit].Category = 2; },
                      "cap 'online_limit': category 2 is out of range"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Caps[WebinarLimit].Parent = 5; },
                      "cap 'webinar_limit': parent cap 5 is out of range"));
  // It used to say "parent cap 1 is out of range" of a valid index.
  EXPECT_TRUE(rejects([](Policy &P) { P.Caps[WebinarLimit].Parent = WebinarLimit; },
                      "cap 'webinar_limit': is its own parent cap"));
}

TEST(IRVerifier, CapParentsAreAcyclic) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Caps[OnlineLimit].Parent = WebinarLimit; },
                      "cap 'online_limit': parent caps form a cycle"));
}

TEST(IRVerifier, NestedCapsLimitOneCategory) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Caps[WebinarLimit].Category = Experience; },
                      "cap 'webinar_limit': limits category 'experience' but is inside cap "
                      "'online_limit', which limits category 'education'"));
}

// --- Rules ----------------------------------------------------------------------

TEST(IRVerifier, RuleKindIsAnActivityKind) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[Athenian].Kind = symbolId(P, "cmc"); },
                      "rule 'athenian': 'cmc' is not an activity kind"));
}

TEST(IRVerifier, RulesThroughACapTargetItsCategory) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[Athenian].Cap = OnlineLimit; },
                      "rule 'athenian': targets category 'experience' through cap "
                      "'online_limit', which limits only category 'education'"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[Athenian].Cap = 7; },
                      "rule 'athenian': cap 7 is out of range (2 caps)"));
}

TEST(IRVerifier, TargetsAreNonEmptyAndUnique) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[Athenian].Targets.clear(); },
                      "rule 'athenian': credits no category"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Rules[Athenian].Targets = {Experience, Experience};
      },
      "rule 'athenian': targets category 'experience' twice"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Rules[Athenian].Targets = {Experience, 2};
      },
      "rule 'athenian': category 2 is out of range (2 categories)"));
}

TEST(IRVerifier, EarningWindowsAreDisjoint) {
  EXPECT_TRUE(
      rejects([](Policy &P) { P.Rules[Athenian].Earnings[1].When.From = day("2023-12-31"); },
              "rule 'athenian' earning 1: window overlaps earning 0"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[AcademySeries].Earnings[1].When.Until.reset(); },
                      "rule 'academy_series' earning 1: window overlaps earning 0"));
  EXPECT_TRUE(rejects(
      [](Policy &P) { P.Rules[Athenian].Earnings.push_back(P.Rules[Athenian].Earnings[0]); },
      "rule 'athenian' earning 2: window overlaps earning 0"));
}

TEST(IRVerifier, WindowsAreNonEmpty) {
  EXPECT_TRUE(rejects(
      [](Policy &P) { P.Rules[AcademySeries].Earnings[1].When.Until = day("2022-01-01"); },
      "rule 'academy_series' earning 1: window is empty (from 2022-01-01 until 2022-01-01)"));
}

TEST(IRVerifier, ItemMaxWindowsAreDisjoint) {
  EXPECT_TRUE(rejects(
      [](Policy &P) { P.Rules[ConferenceAttendance].ItemMax[0].When.Until = day("2023-06-01"); },
      "rule 'conference_attendance' item max 1: window overlaps item max 0"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[ConferenceAttendance].ItemMax[1].Max = 0; },
                      "rule 'conference_attendance' item max 1: maximum must be positive, not 0"));
}

TEST(IRVerifier, EarningsArePositive) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[AcademySeries].Earnings[0].Points = 0; },
                      "rule 'academy_series' earning 0: points must be positive, not 0"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[OnlineCourse].Earnings[0].Per = -3; },
                      "rule 'online_course' earning 0: per must be positive, not -3"));
  EXPECT_TRUE(
      rejects([](Policy &P) { P.Rules[OnlineCourse].Earnings[0].Points = *Rational::make(-1, 2); },
              "rule 'online_course' earning 0: points must be positive, not -0.5"));
}

TEST(IRVerifier, RateEarningsAreComplete) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[OnlineCourse].Earnings[0].RateUnit = 3; },
                      "rule 'online_course' earning 0: rate unit 3 is out of range (3 units)"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[OnlineCourse].Earnings[0].Amount = None; },
                      "rule 'online_course' earning 0: a rate earning needs an amount"));
  EXPECT_TRUE(rejects(
      [](Policy &P) { P.Rules[OnlineCourse].Earnings[0].AmountToRateUnit = 60; },
      "rule 'online_course' earning 0: amount_to_rate_unit is 60 but 1 minute is 1/60 hours"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[OnlineCourse].Earnings[0].AmountUnit = Point; },
                      "rule 'online_course' earning 0: amount in points cannot be converted to "
                      "hours"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Rules[OnlineCourse].Earnings[0].Amount =
            addExpr(P, makeExpr(Op::ActivityField, {}, CTitle));
      },
      "rule 'online_course' earning 0 amount: expression {last} has type text, expected number"));
}

TEST(IRVerifier, FixedAndAwardedEarningsReadTheirAmount) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[AcademySeries].Earnings[0].Amount = 0; },
                      "rule 'academy_series' earning 0: a fixed earning reads no amount"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[ConferenceAttendance].Earnings[0].Amount = None; },
                      "rule 'conference_attendance' earning 0: an awarded earning needs an "
                      "amount"));
}

TEST(IRVerifier, RoundingStepIsPositive) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[Athenian].Round.Step = 0; },
                      "rule 'athenian': rounding step must be positive, not 0"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Rules[Athenian].Round.M = static_cast<Rounding::Mode>(9); },
                      "rule 'athenian': unknown rounding mode 9"));
}

} // namespace

TEST(IRVerifier, CompliancePeriodsAreWellFormed) {
  EXPECT_TRUE(rejects([](Policy &P) { P.Periods[0].LengthMonths = 0; },
                      "compliance period 0 lasts 0 months, outside 1 to 1200"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Periods[0].GraceMonths = 24; },
                      "compliance period 0 has a grace period no shorter than the period"));
  EXPECT_TRUE(rejects([](Policy &P) { P.Periods[0].Anchor = P.Periods[0].When; },
                      "compliance period 0 anchor"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        P.Periods.push_back(P.Periods[0]);
        P.Periods[0].When = None;
      },
      "compliance period 0 applies to every member, so the periods after it never apply"));
}

// --- Credit in parts ------------------------------------------------------------

namespace {
/// Makes rule athenian (course items into education or experience) credit in
/// Parts instead of earning: course field 0 is `title` (text), 4 `hours` and 7
/// `minutes`.
void splitAthenian(Policy &P, std::vector<SplitPart> Parts) {
  Rule &R = P.Rules[Athenian];
  R.Earnings.clear();
  R.Round = {};
  R.Split = std::move(Parts);
  R.Targets.clear();
  for (const SplitPart &Part : R.Split)
    for (uint32_t C : Part.Targets)
      if (!llvm::is_contained(R.Targets, C))
        R.Targets.push_back(C);
}
} // namespace

TEST(IRVerifier, AcceptsASplit) {
  Policy P = makeSamplePolicy();
  splitAthenian(P, {{7, false, {Education}}, {4, true, {Experience, Education}}});
  P.Kinds[0].Fields[7].Unit = P.Kinds[0].Fields[4].Unit; // both in hours
  EXPECT_EQ(errorText(verifyPolicy(P)), "");
}

TEST(IRVerifier, SplitPartsAreNumbersInOneUnitEachInOnePart) {
  EXPECT_TRUE(rejects([](Policy &P) { splitAthenian(P, {{0, false, {Education}}}); },
                      "rule 'athenian' part 0: field 'title' is not a number"));
  EXPECT_TRUE(rejects([](Policy &P) { splitAthenian(P, {{4, false, {Education}}, {7, true, {Experience}}}); },
                      "rule 'athenian' part 1: field 'minutes' is not in the unit of the first part"));
  EXPECT_TRUE(rejects([](Policy &P) { splitAthenian(P, {{4, false, {Education}}, {4, true, {Experience}}}); },
                      "rule 'athenian' part 1: field 'hours' is in two parts"));
  EXPECT_TRUE(rejects([](Policy &P) { splitAthenian(P, {{4, true, {}}}); }, "rule 'athenian' part 0: credits no category"));
  EXPECT_TRUE(rejects([](Policy &P) { splitAthenian(P, {{4, true, {Education, Education}}}); },
                      "rule 'athenian' part 0: targets category 'education' twice"));
  EXPECT_TRUE(rejects([](Policy &P) { splitAthenian(P, {{40, true, {Education}}}); },
                      "rule 'athenian' part 0: field 40 is out of range (8 fields)"));
}

TEST(IRVerifier, ASplitRuleHasNoEarningsAndItsPartsCategoriesAsTargets) {
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        std::vector<Earning> Earnings = P.Rules[Athenian].Earnings;
        splitAthenian(P, {{4, true, {Education}}});
        P.Rules[Athenian].Earnings = Earnings;
      },
      "rule 'athenian': a rule credited in parts has no earnings and no rounding"));
  EXPECT_TRUE(rejects(
      [](Policy &P) {
        splitAthenian(P, {{4, true, {Education}}});
        P.Rules[Athenian].Targets = {Experience};
      },
      "rule 'athenian': targets are not its parts' categories"));
}
