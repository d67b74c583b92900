// Parse tree to AST. The tree is known to be complete (no syntax errors), so
// every child the grammar requires is present.
#include "parse/AstBuilder.h"
#include "base/Ordinal.h"

#include "llvm/ADT/STLExtras.h"

#include <map>

#include "parse/Antlr.h"

namespace certc {

namespace {
using P = CertParser;
using antlr4::ParserRuleContext;
using antlr4::tree::TerminalNode;

class AstBuilder {
public:
  AstBuilder(const SourcePositions &Pos, DiagnosticEngine &Diags) : Pos(Pos), Diags(Diags) {}

  bool failed() const { return Failed; }

  void file(P::FileContext *Ctx, ast::File &Out) {
    for (P::DeclContext *D : Ctx->decl())
      decl(D, Out);
    Out.Root.Range = range(Ctx);
  }

private:
  llvm::SMRange range(ParserRuleContext *Ctx) const {
    auto *Stop = Ctx->getStop() ? Ctx->getStop() : Ctx->getStart();
    return Pos.range(Ctx->getStart()->getStartIndex(), Stop->getStopIndex());
  }
  llvm::SMRange range(TerminalNode *N) const {
    return Pos.range(N->getSymbol()->getStartIndex(), N->getSymbol()->getStopIndex());
  }
  llvm::SMRange range(antlr4::Token *T) const {
    return Pos.range(T->getStartIndex(), T->getStopIndex());
  }

  ast::Name name(P::IdentContext *Ctx) { return {Ctx->getText(), range(Ctx)}; }
  ast::Name name(P::NameContext *Ctx) {
    if (TerminalNode *Quoted = Ctx->STRING())
      return quotedName(Quoted);
    std::string Text;
    for (TerminalNode *Word : Ctx->ID())
      Text += (Text.empty() ? "" : " ") + Word->getText();
    return {Text, range(Ctx)};
  }

  /// `"Ways of Working"`: the text between the quotes names the category, so
  /// it must be something a member can read in a report.
  ast::Name quotedName(TerminalNode *Quoted) {
    ast::Name N{string(Quoted), range(Quoted)};
    if (const char *Problem = unreadableText(N.Text)) {
      Diags.report(diag::BlankQuotedName, N.Range, Quoted->getText(), Problem);
      Failed = true;
    }
    return N;
  }

  /// Why a text given for members to read cannot be shown, or null when it can.
  static const char *unreadableText(llvm::StringRef Text) {
    if (llvm::any_of(Text, [](char C) { return static_cast<unsigned char>(C) < 0x20 || C == 0x7f; }))
      return "holds a control character (a tab)";
    if (Text.trim().empty())
      return Text.empty() ? "is empty" : "is only blanks";
    return nullptr;
  }

  // Labelled tokens (`title=STRING`) are Tokens; unlabelled ones TerminalNodes.
  std::string string(TerminalNode *N) { return string(N->getSymbol()); }
  std::string string(antlr4::Token *T) {
    std::string Raw = T->getText();
    std::string Out;
    for (size_t I = 1; I + 1 < Raw.size(); ++I) {
      if (Raw[I] == '\\' && I + 2 < Raw.size())
        ++I;
      Out += Raw[I];
    }
    return Out;
  }

  /// An optional `title=STRING`: absent when the declaration has none.
  std::optional<ast::Text> title(antlr4::Token *T) {
    if (!T)
      return std::nullopt;
    return ast::Text{string(T), range(T)};
  }

  Rational amount(P::AmountContext *Ctx) {
    std::string Text = Ctx->getText();
    if (auto R = Rational::parse(Text))
      return *R;
    Diags.report(diag::InvalidLiteral, range(Ctx), "number", Text);
    Diags.note({}, "a number has at most 18 digits, and a fraction `A/B` a denominator other than 0");
    Failed = true;
    return 0;
  }

  Date date(TerminalNode *N) { return date(N->getSymbol()); }
  Date date(antlr4::Token *T) {
    if (auto D = Date::parse(T->getText()))
      return *D;
    Diags.report(diag::InvalidLiteral, range(T), "date", T->getText());
    Failed = true;
    return Date();
  }

  ast::Quantity quantity(P::QuantityContext *Ctx) {
    return {amount(Ctx->amount()), name(Ctx->ident()), range(Ctx)};
  }

  ast::Window window(P::WindowContext *Ctx) {
    ast::Window W;
    W.Range = range(Ctx);
    if (auto *B = dynamic_cast<P::BeforeWindowContext *>(Ctx)) {
      W.Until = date(B->DATE());
    } else if (auto *F = dynamic_cast<P::FromWindowContext *>(Ctx)) {
      W.From = date(F->fromDate);
      if (F->endDate) {
        Date End = date(F->endDate);
        // [From, Until): `through` includes its date, `before` does not.
        bool Through = F->endKind->getText() == "through";
        W.Until = Through ? End.addDays(1).value_or(End) : End;
      }
    }
    return W;
  }

  std::vector<ast::Citation> cites(const std::vector<P::CiteContext *> &Ctxs) {
    std::vector<ast::Citation> Out;
    for (P::CiteContext *C : Ctxs)
      Out.push_back({name(C->source), string(C->section), string(C->quote), range(C)});
    return Out;
  }

  void category(P::CategoryDeclContext *C, ast::File &Out) {
    ast::Name Name = name(C->categoryName);
    if (C->members.empty())
      Out.Categories.push_back(Name);
    if (C->members.empty() && !C->quantity())
      return;
    ast::CategoryDecl Decl{Name, {}, std::nullopt, cites(C->cite()), range(C)};
    for (P::NameContext *M : C->members)
      Decl.Members.push_back(name(M));
    if (C->quantity())
      Decl.Cap = quantity(C->quantity());
    Out.CategoryDecls.push_back(std::move(Decl));
  }

  ast::LimitDecl limit(P::LimitDeclContext *C) {
    ast::LimitDecl L;
    L.LimitName = name(C->limitName);
    L.Title = title(C->title);
    P::LimitAmountContext *A = C->limitAmount();
    L.AmountRange = range(A);
    if (auto *Abs = dynamic_cast<P::AbsoluteLimitContext *>(A))
      L.Absolute = quantity(Abs->quantity());
    else if (dynamic_cast<P::HalfShareContext *>(A))
      L.Share = *Rational::make(1, 2);
    else if (auto *Pct = dynamic_cast<P::PercentShareContext *>(A))
      L.Share = amount(Pct->amount()).div(Rational(100)).value_or(Rational(0));
    else if (auto *Frac = dynamic_cast<P::FractionShareContext *>(A))
      L.Share = amount(Frac->amount());
    L.Of = name(C->of);
    if (C->expr())
      L.Where = expr(C->expr());
    L.Cites = cites(C->cite());
    L.Range = range(C);
    return L;
  }

  void decl(P::DeclContext *D, ast::File &Out) {
    if (auto *C = D->policyHeader())
      return header(C, Out);
    if (auto *C = D->importDecl())
      return Out.Imports.push_back({string(C->STRING()), range(C)});
    if (auto *C = D->sourceDecl())
      return Out.Sources.push_back(
          {name(C->ident()), string(C->title), string(C->path), range(C)});
    if (auto *C = D->unitDecl())
      return unit(C, Out);
    if (auto *C = D->enumDecl()) {
      ast::EnumDecl E{name(C->enumName), {}, range(C)};
      for (P::IdentContext *V : C->values)
        E.Values.push_back(name(V));
      return Out.Enums.push_back(std::move(E));
    }
    if (auto *C = D->designationDecl())
      return Out.Designations.push_back({name(C->ident()), string(C->STRING()), range(C)});
    if (auto *C = D->memberDecl()) {
      Out.MemberDecls.push_back(range(C));
      for (auto *F : C->fieldDecl())
        Out.MemberFields.push_back(field(F));
      return;
    }
    if (auto *C = D->commonFieldsDecl()) {
      for (auto *F : C->fieldDecl())
        Out.CommonFields.push_back(field(F));
      return;
    }
    if (auto *C = D->activityDecl()) {
      ast::ActivityDecl A{name(C->ident()), C->period != nullptr, {}, range(C)};
      for (auto *F : C->fieldDecl())
        A.Fields.push_back(field(F));
      return Out.Activities.push_back(std::move(A));
    }
    if (auto *C = D->categoryDecl())
      return category(C, Out);
    if (auto *C = D->limitDecl())
      return Out.Limits.push_back(limit(C));
    if (auto *C = D->requirementDecl())
      return Out.Requirements.push_back(requirement(C));
    if (auto *C = D->carryOverDecl())
      return Out.CarryOvers.push_back(carryOver(C));
    if (auto *C = D->spillDecl())
      return Out.Spills.push_back({name(C->source), name(C->target), cites(C->cite()), range(C)});
    if (auto *C = D->prerequisiteDecl())
      return Out.Prerequisites.push_back({name(C->prerequisiteName), title(C->title), expr(C->expr()),
                                          string(C->reason), C->notWaivable != nullptr, cites(C->cite()), range(C)});
    if (auto *C = D->compliancePeriodDecl())
      return Out.Periods.push_back(compliancePeriod(C));
    if (auto *C = D->everyItemDecl())
      return Out.Root.Conditions.push_back(everyItem(C));
    if (auto *C = D->groupDecl())
      return Out.Root.Groups.push_back(group(C));
    if (auto *C = D->ruleDecl())
      return Out.Root.Rules.push_back(rule(C));
  }

  void header(P::PolicyHeaderContext *C, ast::File &Out) {
    ast::PolicyHeader H;
    H.Title = string(C->title);
    if (C->designation)
      H.Designation = name(C->designation);
    H.Range = range(C);
    for (P::HeaderClauseContext *Clause : C->headerClause()) {
      if (auto *E = dynamic_cast<P::EditionClauseContext *>(Clause))
        H.Edition = string(E->STRING());
      else if (auto *F = dynamic_cast<P::EffectiveClauseContext *>(Clause))
        H.Effective = date(F->DATE());
      else if (auto *S = dynamic_cast<P::HeaderSourceClauseContext *>(Clause))
        H.Source = name(S->ident());
      else if (auto *Sup = dynamic_cast<P::SupersedesClauseContext *>(Clause)) {
        H.Supersedes = string(Sup->STRING());
        H.SupersedesFrom = date(Sup->DATE());
        H.SupersedesRange = range(Sup);
      } else if (auto *G = dynamic_cast<P::GovernedByClauseContext *>(Clause)) {
        H.GoverningField = name(G->ident());
      } else if (auto *V = dynamic_cast<P::VerdictClauseContext *>(Clause)) {
        H.VerdictMet = verdictWords(V->met);
        H.VerdictNotMet = verdictWords(V->notMet);
      }
    }
    if (Out.Header) {
      Diags.report(diag::DuplicateName, range(C), "policy header", H.Title);
      Diags.note(Out.Header->Range, "the first policy header is here");
      Failed = true;
      return;
    }
    Out.Header = std::move(H);
  }

  ast::Text verdictWords(antlr4::Token *T) {
    ast::Text Words{string(T), range(T)};
    if (const char *Problem = unreadableText(Words.Value)) {
      Diags.report(diag::BlankVerdictWords, Words.Range, T->getText(), Problem);
      Failed = true;
    }
    return Words;
  }

  void unit(P::UnitDeclContext *C, ast::File &Out) {
    ast::UnitDecl U{name(C->singular), name(C->plural), std::nullopt, range(C)};
    if (C->amount())
      U.Definition = ast::Quantity{amount(C->amount()), name(C->baseUnit), range(C->amount())};
    Out.Units.push_back(std::move(U));
  }

  ast::FieldDecl field(P::FieldDeclContext *C) {
    ast::FieldDecl F;
    F.FieldName = name(C->ident());
    F.Range = range(C);
    P::TypeRefContext *T = C->typeRef();
    F.Type.Range = range(T);
    if (auto *N = dynamic_cast<P::NamedTypeContext *>(T)) {
      F.Type.Base = name(N->ident());
      if (N->lowest) {
        F.Type.Min = amount(N->lowest);
        F.Type.Max = amount(N->highest);
      }
    } else if (auto *S = dynamic_cast<P::SetTypeContext *>(T)) {
      F.Type.Base = name(S->ident());
      F.Type.IsSet = true;
    } else if (auto *L = dynamic_cast<P::ListTypeContext *>(T)) {
      F.Type.Base = name(L->ident());
      F.Type.IsList = true;
    }
    for (P::FieldModifierContext *M : C->fieldModifier()) {
      if (dynamic_cast<P::RequiredModifierContext *>(M))
        F.Required = true;
      else if (auto *D = dynamic_cast<P::DefaultModifierContext *>(M))
        F.Default = literal(D->literal());
    }
    return F;
  }

  ast::Literal literal(P::LiteralContext *C) {
    ast::Literal L;
    L.Range = range(C);
    std::string Text = C->getText();
    if (Text == "true" || Text == "false") {
      L.K = ast::Literal::Kind::Bool;
      L.BoolValue = Text == "true";
    } else if (C->amount()) {
      L.K = ast::Literal::Kind::Number;
      L.Number = amount(C->amount());
    } else if (C->DATE()) {
      L.K = ast::Literal::Kind::DateLit;
      L.DateValue = date(C->DATE());
    } else if (C->STRING()) {
      L.K = ast::Literal::Kind::Text;
      L.Text = string(C->STRING());
    } else if (C->symbol) {
      L.K = ast::Literal::Kind::Symbol;
      L.Symbols.push_back(name(C->symbol));
    } else {
      L.K = ast::Literal::Kind::Set;
      for (P::IdentContext *I : C->members)
        L.Symbols.push_back(name(I));
    }
    return L;
  }

  ast::EveryItem everyItem(P::EveryItemDeclContext *C) {
    ast::EveryItem E;
    for (auto *Clause : C->itemClause()) {
      if (Clause->condition())
        E.Conditions.push_back(condition(Clause->condition()));
      else
        E.Parts.push_back(countedPart(Clause->countedPart()));
    }
    E.Cites = cites(C->cite());
    E.Range = range(C);
    return E;
  }

  ast::CompliancePeriod compliancePeriod(P::CompliancePeriodDeclContext *C) {
    ast::CompliancePeriod Period;
    Period.Length = quantity(C->length);
    Period.Anchor = operand(C->anchor);
    if (C->grace)
      Period.Grace = quantity(C->grace);
    if (C->when)
      Period.When = expr(C->when);
    Period.Cites = cites(C->cite());
    Period.Range = range(C);
    return Period;
  }

  ast::Requirement requirement(P::RequirementDeclContext *C) {
    ast::Requirement R;
    R.RequirementName = name(C->requirementName);
    R.Title = title(C->title);
    for (auto *N : C->name())
      R.Categories.push_back(name(N));
    for (P::RequiredAmountContext *A : C->requiredAmount())
      R.Amounts.push_back({quantity(A->quantity()), A->window() ? window(A->window()) : ast::Window{}, range(A)});
    if (P::ProRatingContext *Pr = C->proRating()) {
      ast::ProRating &Out = R.ProRate.emplace();
      Out.PerUnit = name(Pr->perUnit);
      Out.From = operand(Pr->from);
      Out.To = operand(Pr->to);
      Out.RoundUp = Pr->direction->getText() == "up";
      if (Pr->most)
        Out.AtMost = quantity(Pr->most);
      Out.Range = range(Pr);
    }
    // One `when` and one `every Nth period`: a second would silently replace the first.
    for (P::RequirementScopeContext *Scope : C->requirementScope()) {
      bool Again = false;
      if (auto *W = dynamic_cast<P::RequirementWhenContext *>(Scope)) {
        Again = R.When != nullptr;
        R.When = expr(W->expr());
      } else if (auto *N = dynamic_cast<P::RequirementEveryNthContext *>(Scope)) {
        Again = R.EveryNth != 0;
        R.EveryNth = ordinal(N);
        R.EveryRange = range(N);
      }
      if (Again) {
        Diags.report(diag::DuplicateName, range(Scope), "clause of requirement", R.RequirementName.Text);
        Failed = true;
      }
    }
    R.Cites = cites(C->cite());
    R.Range = range(C);
    return R;
  }

  /// `3rd`: the number, when its suffix is the English one for it (1st, 2nd,
  /// 3rd, 4th, 11th, 21st, ...); reports E0020 otherwise and returns 0.
  uint32_t ordinal(P::RequirementEveryNthContext *C) {
    std::string Digits = C->ordinal->getText(), Suffix = C->suffix->getText();
    uint64_t N = 0;
    bool Whole = Digits.find('.') == std::string::npos && Digits.size() <= 6;
    for (char D : Digits)
      N = Whole ? N * 10 + uint64_t(D - '0') : 0;
    if (!Whole || N == 0 || Suffix != ordinalSuffix(N)) {
      Diags.report(diag::BadOrdinal, range(C), Digits + Suffix);
      Failed = true;
      return 0;
    }
    return static_cast<uint32_t>(N);
  }

  ast::CarryOver carryOver(P::CarryOverDeclContext *C) {
    ast::CarryOver Out;
    Out.From = name(C->source);
    Out.UpTo = quantity(C->upTo);
    if (C->target)
      Out.Into = name(C->target);
    if (C->months)
      Out.LastMonths = quantity(C->months);
    Out.Cites = cites(C->cite());
    Out.Range = range(C);
    return Out;
  }

  ast::CountedPart countedPart(P::CountedPartContext *C) {
    ast::CountedPart Part;
    Part.From = operand(C->operand());
    if (C->measure)
      Part.Measure = name(C->measure);
    Part.Range = range(C);
    return Part;
  }

  ast::Condition condition(P::ConditionContext *C) {
    return {expr(C->expr()), string(C->STRING()), range(C)};
  }

  ast::Group group(P::GroupDeclContext *C) {
    ast::Group G;
    G.GroupName = name(C->ident());
    G.Range = range(C);
    if (C->expr())
      G.Where = expr(C->expr());
    if (C->quantity())
      G.Cap = quantity(C->quantity());
    G.Cites = cites(C->cite());
    for (P::GroupMemberContext *M : C->groupMember()) {
      if (auto *E = M->everyItemDecl())
        G.Conditions.push_back(everyItem(E));
      else if (auto *R = M->ruleDecl())
        G.Rules.push_back(rule(R));
      else if (auto *Sub = M->groupDecl())
        G.Groups.push_back(group(Sub));
    }
    return G;
  }

  ast::Rule rule(P::RuleDeclContext *C) {
    ast::Rule R;
    R.RuleName = name(C->ruleName);
    R.Kind = name(C->kind);
    R.Range = range(C);
    if (C->expr())
      R.Filter = expr(C->expr());
    // One `earns` (with its dated values), one `into` (with its `or`), one
    // rounding and one priority: a second would silently change the meaning.
    std::map<std::string, ParserRuleContext *> Single;
    for (P::RuleClauseContext *Clause : C->ruleClause()) {
      std::string Word = Clause->getStart()->getText();
      if (Word == "earns" || Word == "into" || Word == "rounded" || Word == "priority") {
        auto [It, Fresh] = Single.try_emplace(Word, Clause);
        if (!Fresh) {
          Diags.report(diag::DuplicateName, range(Clause), fmt::format("`{}` clause in rule", Word), R.RuleName.Text);
          Diags.note(range(It->second), "the first one is here; a rule has one");
          Failed = true;
          continue;
        }
      }
      if (auto *Cond = dynamic_cast<P::ConditionClauseContext *>(Clause)) {
        R.Conditions.push_back(condition(Cond->condition()));
      } else if (auto *E = dynamic_cast<P::EarnsClauseContext *>(Clause)) {
        for (P::DatedEarningContext *DE : E->datedEarning())
          R.Earnings.push_back(earning(DE));
      } else if (auto *Split = dynamic_cast<P::SplitClauseContext *>(Clause)) {
        for (P::SplitPartContext *SP : Split->splitPart())
          R.Split.push_back(splitPart(SP));
      } else if (auto *Rd = dynamic_cast<P::RoundingClauseContext *>(Clause)) {
        ast::Rounding Round;
        std::string Dir = Rd->direction->getText();
        Round.Dir = Dir == "down"  ? ast::Rounding::Direction::Down
                    : Dir == "up" ? ast::Rounding::Direction::Up
                                  : ast::Rounding::Direction::Nearest;
        Round.Step = quantity(Rd->quantity());
        Round.Range = range(Rd);
        R.Round = std::move(Round);
      } else if (auto *I = dynamic_cast<P::IntoClauseContext *>(Clause)) {
        for (auto *N : I->name())
          R.Targets.push_back(name(N));
      } else if (auto *L = dynamic_cast<P::LimitClauseContext *>(Clause)) {
        for (P::LimitContext *LC : L->limit()) {
          ast::Limit Lim{quantity(LC->quantity()), LC->each != nullptr, {}, range(LC)};
          if (LC->window())
            Lim.When = window(LC->window());
          R.Limits.push_back(std::move(Lim));
        }
      } else if (auto *Pr = dynamic_cast<P::PriorityClauseContext *>(Clause)) {
        Rational Value = amount(Pr->amount());
        if (!Value.isInteger() || Value.num() > 1000000) {
          Diags.report(diag::InvalidLiteral, range(Pr->amount()), "priority", Value.str());
          Failed = true;
        }
        R.Priority = {{static_cast<int32_t>(Value.isInteger() ? Value.num() % 1000001 : 0), range(Pr)}};
      } else if (auto *Ci = dynamic_cast<P::CiteClauseContext *>(Clause)) {
        auto More = cites({Ci->cite()});
        R.Cites.insert(R.Cites.end(), More.begin(), More.end());
      } else if (auto *Part = dynamic_cast<P::CountedPartClauseContext *>(Clause)) {
        R.Parts.push_back(countedPart(Part->countedPart()));
      }
    }
    return R;
  }

  ast::SplitPart splitPart(P::SplitPartContext *C) {
    ast::SplitPart Part{name(C->field), C->rest != nullptr, {}, range(C)};
    for (auto *N : C->name())
      Part.Targets.push_back(name(N));
    return Part;
  }

  ast::Earning earning(P::DatedEarningContext *C) {
    ast::Earning E;
    E.Range = range(C);
    if (C->window())
      E.When = window(C->window());
    if (C->proRata)
      E.ProRata = name(C->proRata);
    if (auto *A = dynamic_cast<P::AwardedContext *>(C->earning())) {
      E.K = ast::Earning::Kind::Awarded;
      E.AwardedField = name(A->ident());
      return E;
    }
    auto *F = dynamic_cast<P::FixedOrRateContext *>(C->earning());
    E.Points = quantity(F->quantity());
    if (!F->perUnit)
      return E;
    E.K = ast::Earning::Kind::Rate;
    E.PerAmount = F->perAmount ? amount(F->perAmount) : Rational(1);
    E.PerUnit = name(F->perUnit);
    if (F->ofField)
      E.OfField = name(F->ofField);
    return E;
  }

  // Expressions -------------------------------------------------------------

  ast::ExprPtr make(ast::Expr::Kind K, ParserRuleContext *Ctx) {
    return std::make_unique<ast::Expr>(K, range(Ctx));
  }

  ast::ExprPtr expr(P::ExprContext *C) {
    if (C->andExpr().size() == 1)
      return andExpr(C->andExpr(0));
    auto E = make(ast::Expr::Kind::Or, C);
    for (auto *A : C->andExpr())
      E->Kids.push_back(andExpr(A));
    return E;
  }

  ast::ExprPtr andExpr(P::AndExprContext *C) {
    if (C->notExpr().size() == 1)
      return notExpr(C->notExpr(0));
    auto E = make(ast::Expr::Kind::And, C);
    for (auto *N : C->notExpr())
      E->Kids.push_back(notExpr(N));
    return E;
  }

  ast::ExprPtr notExpr(P::NotExprContext *C) {
    if (auto *N = dynamic_cast<P::NegationContext *>(C)) {
      auto E = make(ast::Expr::Kind::Not, C);
      E->Kids.push_back(notExpr(N->notExpr()));
      return E;
    }
    return predicate(dynamic_cast<P::PredicateExprContext *>(C)->predicate());
  }

  static ast::CompareOp compareOp(const std::string &Text) {
    if (Text == "=") return ast::CompareOp::Eq;
    if (Text == "!=") return ast::CompareOp::Ne;
    if (Text == "<" || Text == "before") return ast::CompareOp::Lt;
    if (Text == "<=" || Text == "atmost" || Text == "onorbefore") return ast::CompareOp::Le;
    if (Text == ">" || Text == "after") return ast::CompareOp::Gt;
    return ast::CompareOp::Ge; // ">=", "at least", "on or after"
  }

  ast::ExprPtr predicate(P::PredicateContext *C) {
    using K = ast::Expr::Kind;
    if (auto *X = dynamic_cast<P::ComparePredicateContext *>(C)) {
      auto E = make(K::Compare, C);
      E->Op = compareOp(X->compareOp()->getText());
      E->Kids.push_back(operand(X->lhs));
      E->Kids.push_back(operand(X->rhs));
      return E;
    }
    if (auto *X = dynamic_cast<P::InSetPredicateContext *>(C)) {
      auto E = make(K::InSet, C);
      E->Kids.push_back(operand(X->operand()));
      for (auto *I : X->ident())
        E->Names.push_back(name(I));
      return E;
    }
    if (auto *X = dynamic_cast<P::InRangePredicateContext *>(C)) {
      auto E = make(K::InRange, C);
      E->Kids.push_back(operand(X->operand()));
      E->Amount = amount(X->low);
      E->RangeHigh = amount(X->high);
      return E;
    }
    if (auto *X = dynamic_cast<P::InTextRangePredicateContext *>(C)) {
      auto E = make(K::InTextRange, C);
      E->Kids.push_back(operand(X->operand()));
      E->Text = string(X->lowText);
      E->HighText = string(X->highText);
      return E;
    }
    if (auto *X = dynamic_cast<P::ContainsPredicateContext *>(C)) {
      auto E = make(K::Contains, C);
      E->Kids.push_back(operand(X->operand()));
      E->Names.push_back(name(X->ident()));
      return E;
    }
    if (auto *X = dynamic_cast<P::WithinPredicateContext *>(C)) {
      auto E = make(K::Within, C);
      E->Kids.push_back(operand(X->operand()));
      for (auto *I : X->ident())
        E->Names.push_back(name(I));
      return E;
    }
    if (auto *X = dynamic_cast<P::GivenPredicateContext *>(C)) {
      auto E = make(K::IsGiven, C);
      E->NotGiven = X->neg != nullptr;
      E->Kids.push_back(operand(X->operand()));
      return E;
    }
    if (auto *X = dynamic_cast<P::WindowPredicateContext *>(C)) {
      auto E = make(K::InWindow, C);
      E->Kids.push_back(operand(X->subject));
      E->Kids.push_back(operand(X->fromDate));
      if (X->endDate) {
        E->Kids.push_back(operand(X->endDate));
        E->EndExclusive = X->endKind->getText() == "before";
      }
      return E;
    }
    if (auto *X = dynamic_cast<P::HoldsPredicateContext *>(C)) {
      auto E = make(K::Holds, C);
      E->Names.push_back(name(X->ident()));
      return E;
    }
    if (auto *X = dynamic_cast<P::NoSamePredicateContext *>(C)) {
      auto E = make(K::NoSame, C);
      E->Earlier = X->which->getText() == "earlier";
      E->Names.push_back(name(X->kind));
      for (P::IdentContext *F : X->fields)
        E->Names.push_back(name(F));
      return E;
    }
    if (auto *X = dynamic_cast<P::ParenPredicateContext *>(C))
      return expr(X->expr());
    return operand(dynamic_cast<P::TruthPredicateContext *>(C)->operand());
  }

  ast::ExprPtr operand(P::OperandContext *C) {
    using K = ast::Expr::Kind;
    if (auto *X = dynamic_cast<P::ShiftOperandContext *>(C)) {
      auto E = make(K::Shift, C);
      E->Minus = X->sign->getText() == "-";
      ast::Quantity Q = quantity(X->quantity());
      E->Amount = Q.Amount;
      E->Unit = Q.Unit;
      E->Kids.push_back(operand(X->operand()));
      return E;
    }
    if (auto *X = dynamic_cast<P::MemberFieldOperandContext *>(C)) {
      auto E = make(K::MemberField, C);
      E->Names.push_back(name(X->ident()));
      return E;
    }
    if (auto *X = dynamic_cast<P::CountOperandContext *>(C)) {
      auto E = make(K::CountOf, C);
      E->Names.push_back(name(X->ident()));
      return E;
    }
    if (auto *X = dynamic_cast<P::NumberOfOperandContext *>(C)) {
      auto E = make(K::NumberOf, C);
      E->Names.push_back(name(X->ident()));
      if (X->expr())
        E->Kids.push_back(expr(X->expr()));
      return E;
    }
    if (auto *X = dynamic_cast<P::NumberOfDistinctOperandContext *>(C)) {
      auto E = make(K::NumberOf, C);
      E->Distinct = true;
      E->Names.push_back(name(X->kind));
      for (P::IdentContext *Field : X->fields)
        E->Names.push_back(name(Field));
      if (X->expr())
        E->Kids.push_back(expr(X->expr()));
      return E;
    }
    if (auto *X = dynamic_cast<P::NumberOfAllOperandContext *>(C)) {
      auto E = make(K::NumberOf, C);
      E->Names.push_back(name(X->ident()));
      return E;
    }
    if (auto *X = dynamic_cast<P::YearsSinceOperandContext *>(C)) {
      auto E = make(K::YearsSince, C);
      E->Kids.push_back(operand(X->operand()));
      return E;
    }
    if (auto *X = dynamic_cast<P::AwardedOperandContext *>(C)) {
      auto E = make(K::AwardedOn, C);
      E->Names.push_back(name(X->ident()));
      return E;
    }
    if (dynamic_cast<P::AuditDateOperandContext *>(C))
      return make(K::AuditDate, C);
    if (auto *X = dynamic_cast<P::PeriodBoundOperandContext *>(C)) {
      auto E = make(K::PeriodBound, C);
      E->PeriodEnd = X->bound->getText() == "end";
      return E;
    }
    if (dynamic_cast<P::PeriodNumberOperandContext *>(C))
      return make(K::PeriodNumber, C);
    if (auto *X = dynamic_cast<P::MonthEdgeOperandContext *>(C)) {
      auto E = make(K::MonthEdge, C);
      E->LastDay = X->edge->getText() == "last";
      E->Kids.push_back(operand(X->operand()));
      return E;
    }
    if (auto *X = dynamic_cast<P::MonthOfOperandContext *>(C)) {
      auto E = make(K::MonthOf, C);
      E->Kids.push_back(operand(X->operand()));
      return E;
    }
    if (auto *X = dynamic_cast<P::FirstLetterOperandContext *>(C)) {
      auto E = make(K::FirstLetter, C);
      E->Kids.push_back(operand(X->operand()));
      return E;
    }
    if (auto *X = dynamic_cast<P::QuantityOperandContext *>(C)) {
      auto E = make(K::Number, C);
      ast::Quantity Q = quantity(X->quantity());
      E->Amount = Q.Amount;
      E->Unit = Q.Unit;
      return E;
    }
    if (auto *X = dynamic_cast<P::AmountOperandContext *>(C)) {
      auto E = make(K::Number, C);
      E->Amount = amount(X->amount());
      return E;
    }
    if (auto *X = dynamic_cast<P::DateOperandContext *>(C)) {
      auto E = make(K::DateLit, C);
      E->DateValue = date(X->DATE());
      return E;
    }
    if (dynamic_cast<P::BoolOperandContext *>(C)) {
      auto E = make(K::Bool, C);
      E->BoolValue = C->getText() == "true";
      return E;
    }
    if (auto *X = dynamic_cast<P::StringOperandContext *>(C)) {
      auto E = make(K::Text, C);
      E->Text = string(X->STRING());
      return E;
    }
    auto E = make(K::Name, C);
    E->Names.push_back(name(dynamic_cast<P::NameOperandContext *>(C)->ident()));
    return E;
  }

  const SourcePositions &Pos;
  DiagnosticEngine &Diags;
  bool Failed = false;
};
} // namespace

std::optional<ast::File> buildAst(antlr4::tree::ParseTree *Tree, const std::string &Path,
                                  unsigned BufferId, const SourcePositions &Pos,
                                  DiagnosticEngine &Diags) {
  ast::File Out;
  Out.Path = Path;
  Out.BufferId = BufferId;
  AstBuilder Builder(Pos, Diags);
  Builder.file(static_cast<P::FileContext *>(Tree), Out);
  if (Builder.failed())
    return std::nullopt;
  return Out;
}

} // namespace certc
