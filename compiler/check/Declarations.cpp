// Collects the declarations of every file of a module into one scope and resolves
// the schema: units, enumerations, designations, member and activity fields.
#include "check/Checker.h"

#include "llvm/ADT/StringSet.h"

namespace certc {

using namespace sema;

bool DeclaredNames::add(const ast::Name &N, llvm::StringRef As) {
  auto [It, Inserted] = First.try_emplace(N.Text, N.Range);
  if (Inserted)
    return true;
  Diags.report(diag::DuplicateName, N.Range, As.empty() ? What : As.str(), N.Text);
  Diags.note(It->second, "previously declared here");
  return false;
}

void Checker::reportUnknown(llvm::StringRef What, const ast::Name &N,
                            const std::vector<llvm::StringRef> &Candidates) {
  llvm::StringRef Best;
  unsigned BestDistance = 3;
  for (llvm::StringRef C : Candidates) {
    unsigned D = llvm::StringRef(N.Text).edit_distance(C, true, BestDistance);
    if (D < BestDistance || (D == BestDistance && !Best.empty() && C < Best && D < 3)) {
      BestDistance = D;
      Best = C;
    }
  }
  std::string Hint = Best.empty() ? "" : fmt::format("; did you mean `{}`?", Best.str());
  Diags.report(diag::UnknownName, N.Range, What.str(), N.Text, Hint);
}

void Checker::reportUnknownField(const KindInfo &Kind, const ast::Name &N) {
  std::vector<llvm::StringRef> Names;
  for (const FieldInfo &F : Kind.Fields)
    Names.push_back(F.Name);
  reportUnknown(fmt::format("field of `{}`", Kind.Decl->Kind.Text), N, Names);
}

template <typename Map> static std::vector<llvm::StringRef> keysOf(const Map &M) {
  std::vector<llvm::StringRef> Keys;
  for (const auto &E : M)
    Keys.push_back(E.getKey());
  return Keys;
}

UnitId Checker::lookupUnit(const ast::Name &N) {
  auto It = S.UnitByName.find(N.Text);
  if (It != S.UnitByName.end())
    return S.UnitOf[&N] = It->second;
  reportUnknown("unit", N, keysOf(S.UnitByName));
  return UnitId::none();
}

CategoryId Checker::lookupCategory(const ast::Name &N) {
  auto It = S.CategoryByName.find(N.Text);
  if (It != S.CategoryByName.end())
    return S.CategoryOf[&N] = It->second;
  if (auto Agg = S.AggregateByName.find(N.Text); Agg != S.AggregateByName.end()) {
    std::string Members;
    for (const ast::Name &M : S.Aggregates[Agg->second].Decl->Members)
      Members += (Members.empty() ? "`" : ", `") + M.Text + "`";
    Diags.report(diag::AggregateEarnsNothing, N.Range, N.Text, Members);
    return CategoryId::none();
  }
  reportUnknown("category", N, keysOf(S.CategoryByName));
  return CategoryId::none();
}

KindId Checker::lookupKind(const ast::Name &N) {
  auto It = S.KindByName.find(N.Text);
  if (It != S.KindByName.end())
    return S.KindOf[&N] = It->second;
  reportUnknown("activity kind", N, keysOf(S.KindByName));
  return KindId::none();
}

EnumValueId Checker::lookupDesignation(const ast::Name &N, bool InPrerequisiteContext) {
  const EnumInfo &E = S.Enums[S.DesignationEnum.Index];
  auto It = E.Positions.find(N.Text);
  if (It != E.Positions.end())
    return S.EnumValueOf[{&N, S.DesignationEnum.Index}] = It->second;
  if (InPrerequisiteContext) {
    std::vector<llvm::StringRef> Names(E.Values.begin(), E.Values.end());
    llvm::StringRef Best;
    unsigned BestDistance = 3;
    for (llvm::StringRef C : Names) {
      unsigned D = llvm::StringRef(N.Text).edit_distance(C, true, 3);
      if (D < BestDistance) {
        BestDistance = D;
        Best = C;
      }
    }
    Diags.report(diag::UndeclaredDesignationInPrerequisite, N.Range, N.Text,
                 Best.empty() ? "" : fmt::format("; did you mean `{}`?", Best.str()));
    return EnumValueId::none();
  }
  reportUnknown("designation", N, std::vector<llvm::StringRef>(E.Values.begin(), E.Values.end()));
  return EnumValueId::none();
}

EnumValueId Checker::lookupEnumValue(EnumId Enum, const ast::Name &N) {
  if (Enum == S.DesignationEnum)
    return lookupDesignation(N, InPrerequisite);
  const EnumInfo &E = S.Enums[Enum.Index];
  auto It = E.Positions.find(N.Text);
  if (It != E.Positions.end())
    return S.EnumValueOf[{&N, Enum.Index}] = It->second;
  reportUnknown(fmt::format("value of `{}`", E.Name), N,
                std::vector<llvm::StringRef>(E.Values.begin(), E.Values.end()));
  return EnumValueId::none();
}

bool Checker::lookupSource(const ast::Name &N) {
  auto It = S.SourceByName.find(N.Text);
  if (It != S.SourceByName.end()) {
    S.SourceOf[&N] = It->second;
    return true;
  }
  reportUnknown("source document", N, keysOf(S.SourceByName));
  return false;
}

void Checker::collectDeclarations(const LoadedModule &Module) {
  DeclaredNames Sources(Diags, "source document"), Units(Diags, "unit"), Enums(Diags, "enumeration"),
      Designations(Diags, "designation"), Kinds(Diags, "activity kind"), Categories(Diags, "category");
  for (const ast::File &F : Module.Files)
    S.Files.push_back(&F);
  const ast::File &Root = Module.Files.back();
  for (const ast::File &F : Module.Files) {
    if (F.Header && &F != &Root) {
      Diags.report(diag::ImportedPolicyHeader, F.Header->Range);
    }
    for (const ast::SourceDecl &D : F.Sources)
      if (Sources.add(D.SourceName)) {
        S.SourceByName[D.SourceName.Text] = SourceId(static_cast<uint32_t>(S.Sources.size()));
        S.Sources.push_back(&D);
      }
    for (const ast::UnitDecl &D : F.Units) {
      bool Fresh = Units.add(D.Singular);
      if (D.Plural.Text != D.Singular.Text)
        Fresh &= Units.add(D.Plural);
      if (!Fresh)
        continue;
      UnitId Id(static_cast<uint32_t>(S.Units.size()));
      S.Units.push_back({&D, UnitId::none(), 1});
      S.UnitByName[D.Singular.Text] = Id;
      S.UnitByName[D.Plural.Text] = Id;
    }
    for (const ast::EnumDecl &D : F.Enums) {
      if (!Enums.add(D.EnumName))
        continue;
      EnumInfo E{D.EnumName.Text, {}, {}, D.Range};
      DeclaredNames Values(Diags, fmt::format("value of `{}`", D.EnumName.Text));
      for (const ast::Name &V : D.Values)
        if (Values.add(V)) {
          E.Positions[V.Text] = EnumValueId(static_cast<uint32_t>(E.Values.size()));
          E.Values.push_back(V.Text);
        }
      if (E.Values.size() > 64)
        Diags.report(diag::TooManyEnumValues, D.EnumName.Range, D.EnumName.Text, E.Values.size());
      S.EnumByName[E.Name] = EnumId(static_cast<uint32_t>(S.Enums.size()));
      S.Enums.push_back(std::move(E));
    }
    for (const ast::DesignationDecl &D : F.Designations)
      if (Designations.add(D.Code))
        S.Designations.push_back(&D);
    for (const ast::ActivityDecl &D : F.Activities)
      if (Kinds.add(D.Kind)) {
        S.KindByName[D.Kind.Text] = KindId(static_cast<uint32_t>(S.Kinds.size()));
        S.Kinds.push_back({&D, {}, {}, {}, {}});
      }
    for (const ast::Name &C : F.Categories)
      if (Categories.add(C)) {
        S.CategoryByName[C.Text] = CategoryId(static_cast<uint32_t>(S.Categories.size()));
        S.Categories.push_back(&C);
      }
    for (const ast::CategoryDecl &D : F.CategoryDecls)
      if (!D.Members.empty() && Categories.add(D.CategoryName)) {
        S.AggregateByName[D.CategoryName.Text] = static_cast<uint32_t>(S.Aggregates.size());
        S.Aggregates.push_back({&D, {}, false});
      }
    if (F.Header)
      S.Header = &*F.Header;
  }

  // Designations form the enumeration that `holds`, `enrolled` and awards use.
  EnumInfo Designation{"designation", {}, {}, {}};
  for (const ast::DesignationDecl *D : S.Designations) {
    Designation.Positions[D->Code.Text] = EnumValueId(static_cast<uint32_t>(Designation.Values.size()));
    Designation.Values.push_back(D->Code.Text);
  }
  S.DesignationEnum = EnumId(static_cast<uint32_t>(S.Enums.size()));
  S.Enums.push_back(std::move(Designation));
}

void Checker::resolveSchema() {
  // Units: resolve each definition to its base, guarding against cycles.
  for (uint32_t I = 0; I < S.Units.size(); ++I) {
    uint32_t Cur = I;
    Rational Factor = 1;
    llvm::StringSet<> Seen;
    bool Ok = true;
    while (S.Units[Cur].Decl->Definition) {
      const ast::Quantity &Def = *S.Units[Cur].Decl->Definition;
      if (!Seen.insert(S.Units[Cur].Decl->Singular.Text).second) {
        if (Cur == I)
          Diags.report(diag::UnitDefinedInTermsOfItself, Def.Range, S.Units[I].Decl->Singular.Text);
        Ok = false;
        break;
      }
      if (Def.Amount <= Rational(0)) {
        if (Cur == I)
          Diags.report(diag::NotPositive, Def.Range, "a unit's size", Def.Amount.str());
        Ok = false;
        break;
      }
      auto It = S.UnitByName.find(Def.Unit.Text);
      if (It == S.UnitByName.end()) {
        if (Cur == I)
          reportUnknown("unit", Def.Unit, keysOf(S.UnitByName));
        Ok = false;
        break;
      }
      auto Next = Factor.mul(Def.Amount);
      if (!Next) {
        Ok = false;
        break;
      }
      Factor = *Next;
      Cur = It->second.Index;
    }
    if (Ok && Cur != I) {
      S.Units[I].Base = UnitId(Cur);
      S.Units[I].PerBase = Factor;
    }
  }
  auto UnitNamed = [&](llvm::StringRef Name) {
    auto It = S.UnitByName.find(Name);
    return It == S.UnitByName.end() ? UnitId::none() : It->second;
  };
  // A policy counts in the unit its requirements are stated in ("at least 24
  // hours"), points when it states none.
  S.CountingUnit = UnitNamed("point");
  for (auto F = S.Files.rbegin(); F != S.Files.rend(); ++F)
    for (auto R = (*F)->Requirements.rbegin(); R != (*F)->Requirements.rend(); ++R)
      if (UnitId Stated = R->Amounts.empty() ? UnitId::none() : UnitNamed(R->Amounts.front().Amount.Unit.Text);
          !Stated.isNone())
        S.CountingUnit = Stated;
  S.YearUnit = UnitNamed("year");
  S.MonthUnit = UnitNamed("month");
  S.DayUnit = UnitNamed("day");

  auto ResolveType = [&](const ast::TypeRef &T) -> Type {
    const std::string &Base = T.Base.Text;
    if (T.IsList) {
      if (Base == "awards")
        return Type::awards();
      Diags.report(diag::ListOfNonAwards, T.Range, Base);
      return Type::error();
    }
    if (T.IsSet) {
      if (Base == "designation")
        return Type::set(S.DesignationEnum);
      auto It = S.EnumByName.find(Base);
      if (It != S.EnumByName.end())
        return Type::set(It->second);
      reportUnknown("enumeration", T.Base, keysOf(S.EnumByName));
      return Type::error();
    }
    if (T.Min && Base != "integer")
      Diags.report(diag::RangeOnNonInteger, T.Range);
    if (Base == "text") return Type::text();
    if (Base == "bool") return Type::boolean();
    if (Base == "date") return Type::date();
    if (Base == "integer") return Type::number(UnitId::none(), true);
    if (Base == "designation") return Type::symbol(S.DesignationEnum);
    if (auto It = S.EnumByName.find(Base); It != S.EnumByName.end())
      return Type::symbol(It->second);
    if (auto It = S.UnitByName.find(Base); It != S.UnitByName.end())
      return Type::number(It->second);
    std::vector<llvm::StringRef> Candidates = {"text", "bool", "date", "integer", "designation"};
    for (const auto &E : S.EnumByName)
      Candidates.push_back(E.getKey());
    for (const auto &U : S.UnitByName)
      Candidates.push_back(U.getKey());
    reportUnknown("type", T.Base, Candidates);
    return Type::error();
  };

  auto CheckDefault = [&](const ast::FieldDecl &F, const Type &T) {
    if (!F.Default || T.isError())
      return;
    const ast::Literal &L = *F.Default;
    using LK = ast::Literal::Kind;
    bool Ok = false;
    switch (T.K) {
    case Type::Kind::Bool: Ok = L.K == LK::Bool; break;
    case Type::Kind::Number: Ok = L.K == LK::Number && (!T.Integer || L.Number.isInteger()); break;
    case Type::Kind::Date: Ok = L.K == LK::DateLit; break;
    case Type::Kind::Text: Ok = L.K == LK::Text; break;
    case Type::Kind::Symbol: Ok = L.K == LK::Symbol; break;
    case Type::Kind::Set: Ok = L.K == LK::Set; break;
    case Type::Kind::Awards: Ok = L.K == LK::Set && L.Symbols.empty(); break;
    case Type::Kind::Error: break;
    }
    if (!Ok) {
      Diags.report(diag::DefaultTypeMismatch, L.Range, F.FieldName.Text, S.typeName(T));
      return;
    }
    if (T.K == Type::Kind::Symbol || T.K == Type::Kind::Set)
      for (const ast::Name &V : L.Symbols)
        lookupEnumValue(T.Enum, V);
    if (F.Required)
      Diags.report(diag::DefaultOfRequiredField, L.Range, F.FieldName.Text);
  };

  auto AddFields = [&](const std::vector<ast::FieldDecl> &Decls, std::vector<FieldInfo> &Out,
                       llvm::StringMap<FieldId> &Index, DeclaredNames &Names) {
    for (const ast::FieldDecl &F : Decls) {
      if (!Names.add(F.FieldName))
        continue;
      Type T = ResolveType(F.Type);
      CheckDefault(F, T);
      Index[F.FieldName.Text] = FieldId(static_cast<uint32_t>(Out.size()));
      Out.push_back({&F, F.FieldName.Text, T, F.Required, F.Range});
    }
  };

  DeclaredNames MemberNames(Diags, "member field");
  for (const ast::File *F : S.Files)
    AddFields(F->MemberFields, S.MemberFields, S.MemberFieldIndex, MemberNames);

  // Common fields are resolved once, not once per kind.
  std::vector<const ast::FieldDecl *> Common;
  std::vector<Type> CommonTypes;
  DeclaredNames CommonNames(Diags, "common activity field");
  for (const ast::File *F : S.Files)
    for (const ast::FieldDecl &D : F->CommonFields)
      if (CommonNames.add(D.FieldName)) {
        Common.push_back(&D);
        CommonTypes.push_back(ResolveType(D.Type));
        CheckDefault(D, CommonTypes.back());
      }

  for (KindInfo &K : S.Kinds) {
    DeclaredNames Names(Diags, fmt::format("field of `{}`", K.Decl->Kind.Text));
    if (K.Decl->IsPeriod) {
      // Periods always have these two; `end` absent means "to the audit date".
      for (FieldId *Id : {&K.Start, &K.End}) {
        const char *Name = Id == &K.Start ? "start" : "end";
        Names.add({Name, K.Decl->Kind.Range});
        *Id = K.FieldIndex[Name] = FieldId(static_cast<uint32_t>(K.Fields.size()));
        K.Fields.push_back({nullptr, Name, Type::date(), Id == &K.Start, K.Decl->Kind.Range});
      }
    }
    AddFields(K.Decl->Fields, K.Fields, K.FieldIndex, Names);
    for (size_t I = 0; I < Common.size(); ++I) {
      const ast::FieldDecl *D = Common[I];
      if (K.FieldIndex.count(D->FieldName.Text)) {
        Diags.report(diag::DuplicateName, K.Fields[K.FieldIndex[D->FieldName.Text].Index].Range,
                     fmt::format("field of `{}`", K.Decl->Kind.Text), D->FieldName.Text);
        Diags.note(D->FieldName.Range, "every activity already has this field");
        continue;
      }
      K.FieldIndex[D->FieldName.Text] = FieldId(static_cast<uint32_t>(K.Fields.size()));
      K.Fields.push_back({D, D->FieldName.Text, CommonTypes[I], D->Required, D->Range});
    }
  }
}

} // namespace certc
