// Lowers Sema's tables and expressions into the IR's flat tables and expression
// arena (children before parents, so the arena is acyclic by construction).
// Every name was resolved by the checker: lowering reads Sema's typed ids
// (Sema::categoryOf, fieldOf, ...) and looks up no name itself.
#include "lower/Lower.h"
#include "check/Check.h"
#include "ir/Verifier.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace certc {

using namespace sema;

// The checker bounds date shifts (E0016) so that every shift it accepts fits
// the IR's 32-bit operand and passes the verifier.
static_assert(MaxDateShiftMonths <= ir::MaxShiftMonths && MaxDateShiftDays <= ir::MaxShiftDays,
              "the checker must accept no date shift the IR verifier rejects");
using K = ast::Expr::Kind;

namespace {
class Lowering {
public:
  Lowering(const Sema &S, const llvm::SourceMgr &SM, llvm::StringRef StdlibDir)
      : S(S), SM(SM), StdlibDir(StdlibDir) {}

  ir::Policy run() {
    sourceFiles();
    if (S.Header) {
      P.Title = S.Header->Title;
      if (S.Header->Designation)
        P.Designation = symbol(S.Header->Designation->Text);
      P.Edition = S.Header->Edition;
      P.Effective = S.Header->Effective;
      P.Supersedes = S.Header->Supersedes;
      P.SupersedesFrom = S.Header->SupersedesFrom;
      if (S.Header->GoverningField)
        P.GoverningField = S.fieldOf(*S.Header->GoverningField, KindId()).Index;
      if (S.Header->VerdictMet) {
        P.VerdictMet = S.Header->VerdictMet->Value;
        P.VerdictNotMet = S.Header->VerdictNotMet->Value;
      }
    }
    for (const ast::SourceDecl *Src : S.Sources)
      P.Sources.push_back({Src->SourceName.Text, Src->Title, Src->File});
    std::sort(P.Sources.begin(), P.Sources.end(),
              [](const ir::SourceDocument &A, const ir::SourceDocument &B) { return A.Name < B.Name; });
    for (const EnumInfo &E : S.Enums) {
      ir::EnumType T{E.Name, {}};
      for (const std::string &V : E.Values)
        T.Values.push_back(symbol(V));
      P.Enums.push_back(std::move(T));
    }
    P.DesignationEnum = S.DesignationEnum.Index;
    P.CountingUnit = S.CountingUnit.Index;
    for (const UnitInfo &U : S.Units)
      P.Units.push_back({U.Decl->Singular.Text, U.Decl->Plural.Text, U.Base.Index, U.PerBase});
    for (const FieldInfo &F : S.MemberFields)
      P.MemberFields.push_back(field(F));
    for (const KindInfo &Kind : S.Kinds) {
      ir::ActivityKind A{symbol(Kind.Decl->Kind.Text), Kind.Decl->IsPeriod, {}, loc(Kind.Decl->Range)};
      for (const FieldInfo &F : Kind.Fields)
        A.Fields.push_back(field(F));
      P.Kinds.push_back(std::move(A));
    }
    for (size_t C = 0; C < S.Categories.size(); ++C)
      P.Categories.push_back({S.Categories[C]->Text, loc(S.Categories[C]->Range), S.CategoryCaps[C].Index});
    for (const RequirementInfo &R : S.Requirements)
      P.Requirements.push_back(requirement(R));
    for (const SpillInfo &Sp : S.Spills) {
      ir::Spillover Out{Sp.From.Index, Sp.To.Index, 0, cites(Sp.Decl->Cites), loc(Sp.Decl->Range)};
      // The first amount; the evaluator replaces it by the member's own.
      for (const ir::Requirement &R : P.Requirements)
        if (R.Categories.size() == 1 && R.Categories[0] == Out.From)
          Out.Above = R.Amounts.front().Amount;
      P.Spillovers.push_back(std::move(Out));
    }
    for (const CarryOverInfo &C : S.CarryOvers)
      P.CarryOvers.push_back({C.Requirement, C.Into.Index, pointsOf(C.Decl->UpTo), C.LastMonths,
                              cites(C.Decl->Cites), loc(C.Decl->Range)});
    for (const ast::Prerequisite *Pre : S.Prerequisites)
      P.Prerequisites.push_back({Pre->PrerequisiteName.Text, titleOf(Pre->Title), expr(*Pre->Test, KindId::none()),
                                 Pre->Reason, !Pre->NotWaivable, cites(Pre->Cites), loc(Pre->Range)});
    for (const PeriodInfo &Pe : S.Periods)
      P.Periods.push_back({Pe.LengthMonths, expr(*Pe.Decl->Anchor, KindId::none()), Pe.GraceMonths,
                           Pe.Decl->When ? expr(*Pe.Decl->When, KindId::none()) : ir::None,
                           cites(Pe.Decl->Cites), loc(Pe.Decl->Range)});
    for (const CapInfo &C : S.Caps)
      P.Caps.push_back({C.Name, C.Limit, C.Parent.Index, C.Category.Index,
                        C.Cites ? cites(*C.Cites) : std::vector<ir::Citation>{},
                        loc(C.Range)});
    for (const RuleInfo &R : S.Rules)
      P.Rules.push_back(rule(R));
    limits();
    return std::move(P);
  }

private:
  ir::SymbolId symbol(llvm::StringRef Name) {
    auto [It, Fresh] = Symbols.try_emplace(Name, static_cast<ir::SymbolId>(P.Symbols.size()));
    if (Fresh)
      P.Symbols.push_back(Name.str());
    return It->second;
  }

  void sourceFiles() {
    // Imports beside the root are named as if the root's folder prefixed them.
    llvm::SmallString<256> RootDir(llvm::sys::path::parent_path(S.Files.back()->Path));
    llvm::SmallString<256> Cwd;
    if (llvm::sys::path::is_absolute(RootDir) && !llvm::sys::fs::current_path(Cwd))
      llvm::sys::path::replace_path_prefix(RootDir, Cwd.str().str() + "/", "");
    llvm::sys::path::remove_dots(RootDir, true);
    for (const ast::File *F : S.Files) {
      llvm::StringRef Path = F->Path;
      llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
      llvm::SmallString<256> Name(F == S.Files.back() ? Path : llvm::StringRef());
      if (F == S.Files.back()) {
        // The hash covers these names: `./a.cert`, `a.cert` and an absolute path
        // under the working folder must give the same IR.
        llvm::SmallString<256> Cwd;
        if (llvm::sys::path::is_absolute(Name) && !llvm::sys::fs::current_path(Cwd))
          llvm::sys::path::replace_path_prefix(Name, Cwd.str().str() + "/", "");
        llvm::sys::path::remove_dots(Name, /*remove_dot_dot=*/true);
      }
      if (F != S.Files.back()) {
        bool InStdlib = llvm::sys::fs::equivalent(Dir, StdlibDir);
        Name = InStdlib ? llvm::StringRef("stdlib") : llvm::StringRef(RootDir);
        llvm::sys::path::append(Name, llvm::sys::path::filename(Path));
      }
      BufferFile[F->BufferId] = static_cast<uint32_t>(P.SourceFiles.size());
      P.SourceFiles.push_back(std::string(Name));
    }
  }

  ir::SourceLoc loc(ast::SMRange R) const {
    if (!R.Start.isValid())
      return {};
    unsigned Buf = SM.FindBufferContainingLoc(R.Start);
    auto [Line, Col] = SM.getLineAndColumn(R.Start, Buf);
    auto It = BufferFile.find(Buf);
    return {It == BufferFile.end() ? 0u : It->second, Line, Col};
  }

  std::vector<ir::Citation> cites(const std::vector<ast::Citation> &In) const {
    std::vector<ir::Citation> Out;
    for (const ast::Citation &C : In)
      Out.push_back({S.Sources[S.sourceOf(C.Source).Index]->Title, C.Section, C.Quote});
    return Out;
  }

  static std::string titleOf(const std::optional<ast::Text> &Title) { return Title ? Title->Value : ""; }

  ir::Requirement requirement(const RequirementInfo &R) {
    const ast::Requirement &D = *R.Decl;
    ir::Requirement Out;
    Out.Name = D.RequirementName.Text;
    Out.Title = titleOf(D.Title);
    for (CategoryId C : R.Categories)
      Out.Categories.push_back(C.Index);
    for (const ast::RequiredAmount &A : D.Amounts)
      Out.Amounts.push_back({{A.When.From, A.When.Until}, pointsOf(A.Amount)});
    if (D.ProRate) {
      ir::ProRating &Pr = Out.ProRate.emplace();
      Pr.From = expr(*D.ProRate->From, KindId::none());
      Pr.To = expr(*D.ProRate->To, KindId::none());
      Pr.RoundUp = D.ProRate->RoundUp;
      if (D.ProRate->AtMost)
        Pr.AtMost = pointsOf(*D.ProRate->AtMost);
    }
    if (D.When) {
      Out.When = expr(*D.When, KindId::none());
      // Reports quote the condition as the committee wrote it, on one line.
      llvm::StringRef Written(D.When->Range.Start.getPointer(),
                              D.When->Range.End.getPointer() - D.When->Range.Start.getPointer());
      for (char C : Written)
        if (!llvm::isSpace(C))
          Out.WhenText += C;
        else if (Out.WhenText.back() != ' ')
          Out.WhenText += ' ';
    }
    Out.EveryNthPeriod = D.EveryNth;
    Out.Cites = cites(D.Cites);
    Out.Loc = loc(D.Range);
    return Out;
  }

  Rational pointsOf(const ast::Quantity &Q) const {
    return Q.Amount.mul(*S.conversion(S.unitOf(Q.Unit), S.CountingUnit)).value_or(Q.Amount);
  }

  ir::ValueType valueType(const Type &T) const {
    switch (T.K) {
    case Type::Kind::Bool: return ir::ValueType::Bool;
    case Type::Kind::Number: return T.Unit.isNone() ? ir::ValueType::Integer : ir::ValueType::Quantity;
    case Type::Kind::Date: return ir::ValueType::Date;
    case Type::Kind::Symbol: return ir::ValueType::Enum;
    case Type::Kind::Set: return ir::ValueType::EnumSet;
    case Type::Kind::Awards: return ir::ValueType::Awards;
    default: return ir::ValueType::Text;
    }
  }

  ir::Field field(const FieldInfo &F) {
    ir::Field Out;
    Out.Name = F.Name;
    Out.Type = valueType(F.Ty);
    Out.Enum = F.Ty.Enum.Index;
    Out.Unit = F.Ty.Unit.Index;
    Out.Required = F.Required;
    Out.Loc = loc(F.Range);
    if (F.Decl && F.Decl->Type.Min) {
      Out.IntMin = F.Decl->Type.Min->num();
      Out.IntMax = F.Decl->Type.Max->num();
    }
    if (F.Decl && F.Decl->Default)
      Out.Default = literal(*F.Decl->Default, F.Ty);
    return Out;
  }

  ir::Value literal(const ast::Literal &L, const Type &T) {
    ir::Value V;
    using LK = ast::Literal::Kind;
    switch (L.K) {
    case LK::Bool: V.K = ir::Value::Kind::Bool; V.Bool = L.BoolValue; break;
    case LK::Number: V.K = ir::Value::Kind::Number; V.Number = L.Number; break;
    case LK::DateLit: V.K = ir::Value::Kind::Date; V.DateValue = L.DateValue; break;
    case LK::Text: V.K = ir::Value::Kind::Text; V.Text = L.Text; break;
    case LK::Symbol: V.K = ir::Value::Kind::Symbol; V.Symbol = symbol(L.Symbols[0].Text); break;
    case LK::Set:
      if (T.K == Type::Kind::Awards) {
        V.K = ir::Value::Kind::Awards;
        break;
      }
      V.K = ir::Value::Kind::Set;
      V.Set = mask(T.Enum, L.Symbols);
      break;
    }
    return V;
  }

  // Expressions ---------------------------------------------------------------

  ir::ExprId push(ir::Expr E) {
    P.Exprs.push_back(std::move(E));
    return static_cast<ir::ExprId>(P.Exprs.size() - 1);
  }
  ir::ExprId constant(ir::Value V) {
    P.Consts.push_back(std::move(V));
    ir::Expr E;
    E.O = ir::Op::Const;
    E.A = static_cast<uint32_t>(P.Consts.size() - 1);
    return push(std::move(E));
  }
  ir::ExprId numberConst(Rational R) {
    ir::Value V;
    V.K = ir::Value::Kind::Number;
    V.Number = R;
    return constant(V);
  }
  ir::ExprId textConst(const std::string &Text) {
    ir::Value V;
    V.K = ir::Value::Kind::Text;
    V.Text = Text;
    return constant(V);
  }
  ir::ExprId dateConst(Date D) {
    ir::Value V;
    V.K = ir::Value::Kind::Date;
    V.DateValue = D;
    return constant(V);
  }
  ir::ExprId node(ir::Op O, std::vector<ir::ExprId> Args, uint32_t A = 0) {
    ir::Expr E;
    E.O = O;
    E.A = A;
    E.Args = std::move(Args);
    return push(std::move(E));
  }
  ir::ExprId compare(ir::Cmp C, ir::ExprId L, ir::ExprId R) {
    ir::Expr E;
    E.O = ir::Op::Compare;
    E.C = C;
    E.Args = {L, R};
    return push(std::move(E));
  }
  uint64_t mask(EnumId Enum, const std::vector<ast::Name> &Names) const {
    uint64_t M = 0;
    for (const ast::Name &N : Names)
      M |= uint64_t(1) << S.enumValueOf(N, Enum).Index;
    return M;
  }
  ir::ExprId fieldRead(const ast::Name &N, KindId Kind) {
    return node(Kind.isNone() ? ir::Op::MemberField : ir::Op::ActivityField, {}, S.fieldOf(N, Kind).Index);
  }

  /// A number literal on the scale of the value it is compared with.
  ir::ExprId operand(const ast::Expr &E, const Type &Other, KindId Kind) {
    if (E.K == K::Number && E.Unit && Other.K == Type::Kind::Number && !Other.Unit.isNone()) {
      Rational Factor = S.conversion(S.unitOf(*E.Unit), Other.Unit).value_or(1);
      return numberConst(E.Amount.mul(Factor).value_or(E.Amount));
    }
    return expr(E, Kind);
  }

  ir::ExprId expr(const ast::Expr &E, KindId Kind) {
    Context C{Kind};
    switch (E.K) {
    case K::Name:
      if (auto It = S.EnumLiterals.find(&E); It != S.EnumLiterals.end()) {
        Type T = S.typeOf(&E, C);
        ir::Value V;
        V.K = ir::Value::Kind::Symbol;
        V.Symbol = symbol(S.Enums[T.Enum.Index].Values[It->second.Index]);
        return constant(V);
      }
      return fieldRead(E.Names[0], Kind);
    case K::MemberField:
      return fieldRead(E.Names[0], KindId::none());
    case K::Number:
      return numberConst(E.Amount);
    case K::DateLit:
      return dateConst(E.DateValue);
    case K::Bool: {
      ir::Value V;
      V.K = ir::Value::Kind::Bool;
      V.Bool = E.BoolValue;
      return constant(V);
    }
    case K::Text:
      return textConst(E.Text);
    case K::Not:
      return node(ir::Op::Not, {expr(*E.Kids[0], Kind)});
    case K::And:
    case K::Or: {
      std::vector<ir::ExprId> Args;
      for (const ast::ExprPtr &Kid : E.Kids)
        Args.push_back(expr(*Kid, Kind));
      return node(E.K == K::And ? ir::Op::And : ir::Op::Or, std::move(Args));
    }
    case K::Compare: {
      Type LT = S.typeOf(E.Kids[0].get(), C), RT = S.typeOf(E.Kids[1].get(), C);
      ir::ExprId L = operand(*E.Kids[0], RT, Kind);
      ir::ExprId R = operand(*E.Kids[1], LT, Kind);
      static const ir::Cmp Map[] = {ir::Cmp::Eq, ir::Cmp::Ne, ir::Cmp::Lt, ir::Cmp::Le, ir::Cmp::Gt, ir::Cmp::Ge};
      return compare(Map[static_cast<int>(E.Op)], L, R);
    }
    case K::InSet: {
      Type T = S.typeOf(E.Kids[0].get(), C);
      ir::Expr Out;
      Out.O = ir::Op::InSet;
      Out.A = T.Enum.Index;
      Out.Mask = mask(T.Enum, E.Names);
      Out.Args = {expr(*E.Kids[0], Kind)};
      return push(std::move(Out));
    }
    case K::InRange: {
      ir::ExprId X = expr(*E.Kids[0], Kind);
      return node(ir::Op::And, {compare(ir::Cmp::Ge, X, numberConst(E.Amount)),
                                compare(ir::Cmp::Le, X, numberConst(E.RangeHigh))});
    }
    case K::Contains: {
      Type T = S.typeOf(E.Kids[0].get(), C);
      return node(ir::Op::SetContains, {expr(*E.Kids[0], Kind)}, S.enumValueOf(E.Names[0], T.Enum).Index);
    }
    case K::Within: {
      Type T = S.typeOf(E.Kids[0].get(), C);
      ir::Expr Out;
      Out.O = ir::Op::SetWithin;
      Out.A = T.Enum.Index;
      Out.Mask = mask(T.Enum, E.Names);
      Out.Args = {expr(*E.Kids[0], Kind)};
      return push(std::move(Out));
    }
    case K::IsGiven: {
      ir::ExprId Given = node(ir::Op::IsGiven, {expr(*E.Kids[0], Kind)});
      return E.NotGiven ? node(ir::Op::Not, {Given}) : Given;
    }
    case K::InWindow: {
      ir::ExprId X = expr(*E.Kids[0], Kind);
      std::vector<ir::ExprId> Parts = {compare(ir::Cmp::Ge, X, expr(*E.Kids[1], Kind))};
      if (E.Kids.size() == 3)
        Parts.push_back(compare(E.EndExclusive ? ir::Cmp::Lt : ir::Cmp::Le, X, expr(*E.Kids[2], Kind)));
      return Parts.size() == 1 ? Parts[0] : node(ir::Op::And, std::move(Parts));
    }
    case K::Holds:
      return node(ir::Op::Holds, {}, symbol(E.Names[0].Text));
    case K::AwardedOn:
      return node(ir::Op::AwardedOn, {}, symbol(E.Names[0].Text));
    case K::AuditDate:
      return node(ir::Op::AuditDate, {});
    case K::PeriodBound:
      return node(E.PeriodEnd ? ir::Op::PeriodEnd : ir::Op::PeriodStart, {});
    case K::PeriodNumber:
      return node(ir::Op::PeriodNumber, {});
    case K::MonthEdge:
      return node(E.LastDay ? ir::Op::LastDayOfMonth : ir::Op::FirstDayOfMonth, {expr(*E.Kids[0], Kind)});
    case K::MonthOf:
      return node(ir::Op::MonthOf, {expr(*E.Kids[0], Kind)});
    case K::FirstLetter:
      return node(ir::Op::FirstLetter, {expr(*E.Kids[0], Kind)});
    case K::InTextRange:
      return node(ir::Op::TextInRange, {expr(*E.Kids[0], Kind), textConst(E.Text), textConst(E.HighText)});
    case K::NoSame: {
      KindId Other = S.kindOf(E.Names[0]);
      ir::Expr Out;
      Out.O = E.Earlier ? ir::Op::NoEarlierSame : ir::Op::NoOtherSame;
      Out.A = Other.Index;
      for (size_t I = 1; I < E.Names.size(); ++I)
        Out.Pairs.push_back({S.fieldOf(E.Names[I], Kind).Index, S.fieldOf(E.Names[I], Other).Index});
      return push(std::move(Out));
    }
    case K::CountOf:
      return node(ir::Op::SetSize, {fieldRead(E.Names[0], Kind)});
    case K::NumberOf: {
      KindId Counted = S.kindOf(E.Names[0]);
      ir::Expr Out;
      Out.O = E.Distinct ? ir::Op::CountDistinct : ir::Op::CountActivities;
      Out.A = Counted.Index;
      if (!E.Kids.empty())
        Out.Args.push_back(expr(*E.Kids[0], Counted));
      for (size_t I = 1; I < E.Names.size(); ++I) {
        uint32_t Field = S.fieldOf(E.Names[I], Counted).Index;
        Out.Pairs.push_back({Field, Field});
      }
      return push(std::move(Out));
    }
    case K::YearsSince:
      return node(ir::Op::YearsBetween, {expr(*E.Kids[0], Kind)});
    case K::Shift: {
      UnitId Unit = S.unitOf(*E.Unit);
      int64_t N = E.Amount.num() * (E.Minus ? -1 : 1);
      ir::ExprId Base = expr(*E.Kids[0], Kind);
      if (Unit == S.DayUnit)
        return node(ir::Op::AddDays, {Base}, static_cast<uint32_t>(static_cast<int32_t>(N)));
      int64_t Months = Unit == S.YearUnit ? N * 12 : N;
      return node(ir::Op::AddMonths, {Base}, static_cast<uint32_t>(static_cast<int32_t>(Months)));
    }
    }
    return numberConst(0);
  }

  ir::Rule rule(const RuleInfo &R) {
    const ast::Rule &D = *R.Decl;
    ir::Rule Out;
    Out.Name = D.RuleName.Text;
    Out.Kind = symbol(D.Kind.Text);
    Out.Loc = loc(D.Range);
    Out.Cites = cites(D.Cites);
    std::vector<ir::ExprId> Filters;
    for (const ast::Expr *F : R.Filters)
      Filters.push_back(expr(*F, R.Kind));
    if (Filters.size() == 1)
      Out.Filter = Filters[0];
    else if (!Filters.empty())
      Out.Filter = node(ir::Op::And, std::move(Filters));
    for (const auto &[Cond, Every] : R.Conditions)
      Out.Conditions.push_back({expr(*Cond->Test, R.Kind), Cond->Reason,
                                Every ? cites(Every->Cites) : Out.Cites, loc(Cond->Range)});
    for (size_t I = 0; I < D.Earnings.size(); ++I) {
      const ast::Earning &E = D.Earnings[I];
      ir::Earning Out2;
      Out2.When = {E.When.From, E.When.Until};
      switch (E.K) {
      case ast::Earning::Kind::Fixed:
        Out2.K = ir::Earning::Kind::Fixed;
        Out2.Points = pointsOf(E.Points);
        break;
      case ast::Earning::Kind::Awarded:
        Out2.K = ir::Earning::Kind::Awarded;
        Out2.Amount = node(ir::Op::ActivityField, {}, R.Earnings[I].Field.Index);
        break;
      case ast::Earning::Kind::Rate: {
        Out2.K = ir::Earning::Kind::Rate;
        Out2.Points = pointsOf(E.Points);
        Out2.Per = E.PerAmount;
        Out2.RateUnit = S.unitOf(E.PerUnit).Index;
        Out2.AmountToRateUnit = R.Earnings[I].Factor;
        const KindInfo &Kind = S.Kinds[R.Kind.Index];
        if (R.Earnings[I].PeriodYears) {
          // `counts only from D`: the period starts at the later of its start and D.
          ir::ExprId Start = node(ir::Op::ActivityField, {}, Kind.Start.Index);
          for (const ast::CountedPart *Part : R.Parts)
            Start = node(ir::Op::LaterDate, {Start, expr(*Part->From, R.Kind)});
          ir::ExprId End = node(ir::Op::ActivityField, {}, Kind.End.Index);
          // With compliance periods, only the part inside the member's period counts.
          if (!S.Periods.empty()) {
            Start = node(ir::Op::LaterDate, {Start, node(ir::Op::PeriodStart, {})});
            End = node(ir::Op::EarlierDate, {End, node(ir::Op::AddDays, {node(ir::Op::PeriodEnd, {})}, 1)});
          }
          bool InMonths = R.Earnings[I].InMonths;
          Out2.Amount = node(InMonths ? ir::Op::MonthsBetween : ir::Op::YearsBetween, {Start, End});
          Out2.AmountUnit = (InMonths ? S.MonthUnit : S.YearUnit).Index;
        } else {
          FieldId Field = R.Earnings[I].Field;
          Out2.Amount = node(ir::Op::ActivityField, {}, Field.Index);
          Out2.AmountUnit = Kind.Fields[Field.Index].Ty.Unit.Index;
        }
        break;
      }
      }
      Out.Earnings.push_back(std::move(Out2));
    }
    for (const SplitPartInfo &Part : R.Split) {
      ir::SplitPart &Out2 = Out.Split.emplace_back();
      Out2.Field = Part.Field.Index;
      Out2.Rest = Part.Decl->Rest;
      for (CategoryId T : Part.Targets)
        Out2.Targets.push_back(T.Index);
    }
    if (D.Round) {
      static const ir::Rounding::Mode Modes[] = {ir::Rounding::Mode::Down, ir::Rounding::Mode::Up,
                                                 ir::Rounding::Mode::Nearest};
      Out.Round = {Modes[static_cast<int>(D.Round->Dir)], pointsOf(D.Round->Step)};
    }
    for (const ast::Limit &L : D.Limits)
      if (L.Each)
        Out.ItemMax.push_back({{L.When.From, L.When.Until}, pointsOf(L.Max)});
    for (CategoryId T : R.Targets)
      Out.Targets.push_back(T.Index);
    Out.Cap = R.Cap.Index;
    Out.Priority = D.Priority ? D.Priority->first : 0;
    return Out;
  }

  // Limits, and on each rule they cover, their condition read in its kind.
  void limits() {
    for (const LimitInfo &L : S.Limits) {
      uint32_t Index = static_cast<uint32_t>(P.Limits.size());
      ir::Limit Out;
      Out.Name = L.Name;
      if (L.Decl) {
        Out.Title = titleOf(L.Decl->Title);
        Out.IsShare = !L.Decl->Absolute;
        Out.Absolute = L.Decl->Absolute ? pointsOf(*L.Decl->Absolute) : Rational(0);
        Out.Share = Out.IsShare ? L.Decl->Share : Rational(0);
        Out.Cites = cites(L.Decl->Cites);
        Out.Loc = loc(L.Decl->Range);
      } else {
        Out.Absolute = pointsOf(*L.Aggregate->Cap);
        Out.Cites = cites(L.Aggregate->Cites);
        Out.Loc = loc(L.Aggregate->Range);
      }
      for (CategoryId C : L.Categories)
        Out.Categories.push_back(C.Index);
      P.Limits.push_back(std::move(Out));
      for (uint32_t R : L.Rules)
        P.Rules[R].Limits.push_back({Index, L.Where ? expr(*L.Where, S.Rules[R].Kind) : ir::None});
    }
  }

  const Sema &S;
  const llvm::SourceMgr &SM;
  std::string StdlibDir;
  ir::Policy P;
  llvm::StringMap<ir::SymbolId> Symbols;
  llvm::DenseMap<unsigned, uint32_t> BufferFile;
};
} // namespace

ir::Policy lowerPolicy(const Sema &S, const llvm::SourceMgr &SM, llvm::StringRef StdlibDir) {
  return Lowering(S, SM, StdlibDir).run();
}

} // namespace certc
