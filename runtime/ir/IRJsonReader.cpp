// Reads IR JSON into a Policy: exact keys and types, errors naming the JSON path.
#include "ir/IRJson.h"

#include "base/InputFile.h"
#include "ir/Hash.h"
#include "ir/JsonReader.h"
#include "ir/Names.h"
#include "ir/OpInfo.h"
#include "ir/StrictJson.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/JSON.h"

namespace certc::ir {

namespace json = llvm::json;

namespace {
llvm::Error makeError(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

/// Reads one IR document into a Policy.
class Reader : public JsonReader<Reader> {
public:
  explicit Reader(llvm::StringRef FileName) : JsonReader(FileName) {}

  llvm::Expected<Policy> read(llvm::StringRef Text, bool CheckHash) {
    if (llvm::Error E = checkIRText(Text, FileName))
      return E;
    llvm::Expected<json::Value> Doc = parseStrictJson(Text, MaxJsonDepth);
    if (!Doc)
      return makeError(FileName + ":" + llvm::toString(Doc.takeError()));
    const json::Object *Top = Doc->getAsObject();
    if (!Top)
      return makeError(FileName + ": not a certc IR file (expected a JSON object)");
    // Format and version come first: a file of another version may differ in
    // every other key, and the version message is the one worth showing.
    llvm::Optional<llvm::StringRef> Format = Top->getString("format");
    if (!Format || *Format != FormatTag)
      return makeError(FileName + ": not a certc IR file (\"format\" is not \"" + FormatTag +
                       "\")");
    const json::Value *VersionValue = Top->get("version");
    llvm::Optional<int64_t> Version;
    if (VersionValue)
      Version = VersionValue->getAsInteger();
    if (!Version)
      return makeError(FileName + ": version: expected an integer");
    if (*Version != int64_t(FormatVersion))
      return makeError(FileName + ": IR version " + llvm::Twine(*Version) +
                       " is not supported (expected " + llvm::Twine(FormatVersion) + ")");

    Policy P;
    policy(*Top, P);
    if (Failure)
      return makeError(*Failure);
    if (CheckHash) {
      if (P.ContentHash.empty())
        return makeError(FileName + ": content_hash: missing; the IR was not written by certc");
      if (computeContentHash(P) != P.ContentHash)
        return makeError(FileName +
                         ": content hash mismatch: the IR was modified after it was compiled");
    }
    return P;
  }

private:
  // --- Entities ---------------------------------------------------------------

  void readLoc(const json::Value &V, const JsonPath &Where, SourceLoc &L) {
    const json::Object *O = object(V, Where, {"file", "line", "col"});
    if (!O)
      return;
    get(*O, Where, "file", L.File, &Reader::readU32);
    get(*O, Where, "line", L.Line, &Reader::readU32);
    get(*O, Where, "col", L.Col, &Reader::readU32);
  }

  void readCitation(const json::Value &V, const JsonPath &Where, Citation &C) {
    const json::Object *O = object(V, Where, {"document", "section", "quote"});
    if (!O)
      return;
    get(*O, Where, "document", C.Document, &Reader::readString);
    get(*O, Where, "section", C.Section, &Reader::readString);
    get(*O, Where, "quote", C.Quote, &Reader::readString);
  }

  void readSource(const json::Value &V, const JsonPath &Where, SourceDocument &S) {
    const json::Object *O = object(V, Where, {"name", "title", "file"});
    if (!O)
      return;
    get(*O, Where, "name", S.Name, &Reader::readString);
    get(*O, Where, "title", S.Title, &Reader::readString);
    get(*O, Where, "file", S.File, &Reader::readString);
  }

  void readEnum(const json::Value &V, const JsonPath &Where, EnumType &E) {
    const json::Object *O = object(V, Where, {"name", "values"});
    if (!O)
      return;
    get(*O, Where, "name", E.Name, &Reader::readString);
    getList(*O, Where, "values", E.Values, &Reader::readIndex);
  }

  void readUnit(const json::Value &V, const JsonPath &Where, Unit &U) {
    const json::Object *O = object(V, Where, {"singular", "plural", "base", "per_base"});
    if (!O)
      return;
    get(*O, Where, "singular", U.Singular, &Reader::readString);
    get(*O, Where, "plural", U.Plural, &Reader::readString);
    get(*O, Where, "base", U.Base, &Reader::readIndex);
    get(*O, Where, "per_base", U.PerBase, &Reader::readRational);
  }

  void readAward(const json::Value &V, const JsonPath &Where, Award &A) {
    const json::Object *O = object(V, Where, {"designation", "awarded"});
    if (!O)
      return;
    get(*O, Where, "designation", A.Designation, &Reader::readIndex);
    get(*O, Where, "awarded", A.Awarded, &Reader::readDate);
  }

  /// The keys depend on the kind: only the member the kind uses is present.
  void readValue(const json::Value &V, const JsonPath &Where, Value &Out) {
    const json::Object *O = asObject(V, Where);
    if (!O)
      return;
    get(*O, Where, "kind", Out.K, &Reader::readName<Value::Kind, parseValueKind>);
    if (Failure)
      return;
    static const llvm::StringRef Members[] = {"",     "bool",   "number", "date",
                                              "text", "symbol", "set",    "awards"};
    llvm::StringRef Member = Members[static_cast<size_t>(Out.K)];
    llvm::SmallVector<llvm::StringRef, 2> Keys = {"kind"};
    if (!Member.empty())
      Keys.push_back(Member);
    if (!checkKeys(*O, Where, Keys))
      return;
    switch (Out.K) {
    case Value::Kind::Absent:
      break;
    case Value::Kind::Bool:
      get(*O, Where, "bool", Out.Bool, &Reader::readBool);
      break;
    case Value::Kind::Number:
      get(*O, Where, "number", Out.Number, &Reader::readRational);
      break;
    case Value::Kind::Date:
      get(*O, Where, "date", Out.DateValue, &Reader::readDate);
      break;
    case Value::Kind::Text:
      get(*O, Where, "text", Out.Text, &Reader::readString);
      break;
    case Value::Kind::Symbol:
      get(*O, Where, "symbol", Out.Symbol, &Reader::readIndex);
      break;
    case Value::Kind::Set:
      get(*O, Where, "set", Out.Set, &Reader::readMask);
      break;
    case Value::Kind::Awards:
      getList(*O, Where, "awards", Out.Awards, &Reader::readAward);
      break;
    }
  }

  void readField(const json::Value &V, const JsonPath &Where, Field &F) {
    const json::Object *O = object(
        V, Where,
        {"name", "type", "enum", "unit", "required", "default", "int_min", "int_max", "loc"});
    if (!O)
      return;
    get(*O, Where, "name", F.Name, &Reader::readString);
    get(*O, Where, "type", F.Type, &Reader::readName<ValueType, parseValueType>);
    get(*O, Where, "enum", F.Enum, &Reader::readIndex);
    get(*O, Where, "unit", F.Unit, &Reader::readIndex);
    get(*O, Where, "required", F.Required, &Reader::readBool);
    get(*O, Where, "default", F.Default, &Reader::readValue);
    get(*O, Where, "int_min", F.IntMin, &Reader::readOptionalInt64);
    get(*O, Where, "int_max", F.IntMax, &Reader::readOptionalInt64);
    get(*O, Where, "loc", F.Loc, &Reader::readLoc);
  }

  void readKind(const json::Value &V, const JsonPath &Where, ActivityKind &K) {
    const json::Object *O = object(V, Where, {"name", "is_period", "fields", "loc"});
    if (!O)
      return;
    get(*O, Where, "name", K.Name, &Reader::readIndex);
    get(*O, Where, "is_period", K.IsPeriod, &Reader::readBool);
    getList(*O, Where, "fields", K.Fields, &Reader::readField);
    get(*O, Where, "loc", K.Loc, &Reader::readLoc);
  }

  // Keys written only when used (a category's cap, limits) are optional here.
  const json::Object *objectWithOptional(const json::Value &V, const JsonPath &Where,
                                         std::initializer_list<llvm::StringRef> Required,
                                         llvm::StringRef Optional) {
    const json::Object *O = asObject(V, Where);
    if (!O)
      return nullptr;
    llvm::SmallVector<llvm::StringRef, 16> Keys(Required.begin(), Required.end());
    if (O->get(Optional))
      Keys.push_back(Optional);
    return checkKeys(*O, Where, Keys) ? O : nullptr;
  }

  void readCategory(const json::Value &V, const JsonPath &Where, Category &C) {
    const json::Object *O = objectWithOptional(V, Where, {"name", "loc"}, "cap");
    if (!O)
      return;
    get(*O, Where, "name", C.Name, &Reader::readString);
    get(*O, Where, "loc", C.Loc, &Reader::readLoc);
    if (O->get("cap"))
      get(*O, Where, "cap", C.Cap, &Reader::readIndex);
  }

  void readLimit(const json::Value &V, const JsonPath &Where, Limit &L) {
    const json::Object *O = asObject(V, Where);
    if (!O)
      return;
    L.IsShare = O->get("share") != nullptr;
    if (!checkKeys(*O, Where, {"name", "title", L.IsShare ? "share" : "absolute", "categories", "cites", "loc"}))
      return;
    get(*O, Where, "name", L.Name, &Reader::readString);
    get(*O, Where, "title", L.Title, &Reader::readString);
    if (L.IsShare)
      get(*O, Where, "share", L.Share, &Reader::readRational);
    else
      get(*O, Where, "absolute", L.Absolute, &Reader::readRational);
    getList(*O, Where, "categories", L.Categories, &Reader::readIndex);
    getList(*O, Where, "cites", L.Cites, &Reader::readCitation);
    get(*O, Where, "loc", L.Loc, &Reader::readLoc);
  }

  void readRuleLimit(const json::Value &V, const JsonPath &Where, RuleLimit &L) {
    const json::Object *O = object(V, Where, {"limit", "filter"});
    if (!O)
      return;
    get(*O, Where, "limit", L.Limit, &Reader::readIndex);
    get(*O, Where, "filter", L.Filter, &Reader::readIndex);
  }

  void readRequirement(const json::Value &V, const JsonPath &Where, Requirement &R) {
    const json::Object *O = object(V, Where,
                                   {"name", "title", "categories", "amounts", "pro_rate", "when", "when_text",
                                    "every_nth_period", "cites", "loc"});
    if (!O)
      return;
    get(*O, Where, "name", R.Name, &Reader::readString);
    get(*O, Where, "title", R.Title, &Reader::readString);
    getList(*O, Where, "categories", R.Categories, &Reader::readIndex);
    getList(*O, Where, "amounts", R.Amounts, &Reader::readRequiredAmount);
    get(*O, Where, "pro_rate", R.ProRate, &Reader::readProRating);
    get(*O, Where, "when", R.When, &Reader::readIndex);
    get(*O, Where, "when_text", R.WhenText, &Reader::readString);
    get(*O, Where, "every_nth_period", R.EveryNthPeriod, &Reader::readU32);
    getList(*O, Where, "cites", R.Cites, &Reader::readCitation);
    get(*O, Where, "loc", R.Loc, &Reader::readLoc);
  }

  void readRequiredAmount(const json::Value &V, const JsonPath &Where, RequiredAmount &A) {
    const json::Object *O = object(V, Where, {"from", "until", "amount"});
    if (!O)
      return;
    get(*O, Where, "from", A.When.From, &Reader::readOptionalDate);
    get(*O, Where, "until", A.When.Until, &Reader::readOptionalDate);
    get(*O, Where, "amount", A.Amount, &Reader::readRational);
  }

  void readOptionalRational(const json::Value &V, const JsonPath &Where, std::optional<Rational> &Out) {
    if (V.getAsNull())
      return Out.reset();
    readRational(V, Where, Out.emplace());
  }

  void readProRating(const json::Value &V, const JsonPath &Where, std::optional<ProRating> &Out) {
    if (V.getAsNull())
      return Out.reset();
    const json::Object *O = object(V, Where, {"from", "to", "round_up", "at_most"});
    if (!O)
      return;
    ProRating &Pr = Out.emplace();
    get(*O, Where, "from", Pr.From, &Reader::readIndex);
    get(*O, Where, "to", Pr.To, &Reader::readIndex);
    get(*O, Where, "round_up", Pr.RoundUp, &Reader::readBool);
    get(*O, Where, "at_most", Pr.AtMost, &Reader::readOptionalRational);
  }

  void readCarryOver(const json::Value &V, const JsonPath &Where, CarryOver &C) {
    const json::Object *O =
        object(V, Where, {"requirement", "into", "up_to", "last_months", "cites", "loc"});
    if (!O)
      return;
    get(*O, Where, "requirement", C.Requirement, &Reader::readIndex);
    get(*O, Where, "into", C.Into, &Reader::readIndex);
    get(*O, Where, "up_to", C.UpTo, &Reader::readRational);
    get(*O, Where, "last_months", C.LastMonths, &Reader::readU32);
    getList(*O, Where, "cites", C.Cites, &Reader::readCitation);
    get(*O, Where, "loc", C.Loc, &Reader::readLoc);
  }

  void readSpillover(const json::Value &V, const JsonPath &Where, Spillover &S) {
    const json::Object *O = object(V, Where, {"from", "to", "above", "cites", "loc"});
    if (!O)
      return;
    get(*O, Where, "from", S.From, &Reader::readIndex);
    get(*O, Where, "to", S.To, &Reader::readIndex);
    get(*O, Where, "above", S.Above, &Reader::readRational);
    getList(*O, Where, "cites", S.Cites, &Reader::readCitation);
    get(*O, Where, "loc", S.Loc, &Reader::readLoc);
  }

  void readPrerequisite(const json::Value &V, const JsonPath &Where, Prerequisite &Pr) {
    const json::Object *O = object(V, Where, {"name", "title", "test", "reason", "waivable", "cites", "loc"});
    if (!O)
      return;
    get(*O, Where, "name", Pr.Name, &Reader::readString);
    get(*O, Where, "title", Pr.Title, &Reader::readString);
    get(*O, Where, "test", Pr.Test, &Reader::readIndex);
    get(*O, Where, "reason", Pr.Reason, &Reader::readString);
    get(*O, Where, "waivable", Pr.Waivable, &Reader::readBool);
    getList(*O, Where, "cites", Pr.Cites, &Reader::readCitation);
    get(*O, Where, "loc", Pr.Loc, &Reader::readLoc);
  }

  void readPeriod(const json::Value &V, const JsonPath &Where, CompliancePeriod &Pe) {
    const json::Object *O =
        object(V, Where, {"length_months", "anchor", "grace_months", "when", "cites", "loc"});
    if (!O)
      return;
    get(*O, Where, "length_months", Pe.LengthMonths, &Reader::readIndex);
    get(*O, Where, "anchor", Pe.Anchor, &Reader::readIndex);
    get(*O, Where, "grace_months", Pe.GraceMonths, &Reader::readIndex);
    get(*O, Where, "when", Pe.When, &Reader::readIndex);
    getList(*O, Where, "cites", Pe.Cites, &Reader::readCitation);
    get(*O, Where, "loc", Pe.Loc, &Reader::readLoc);
  }

  void readCap(const json::Value &V, const JsonPath &Where, Cap &C) {
    const json::Object *O =
        object(V, Where, {"name", "limit", "parent", "category", "cites", "loc"});
    if (!O)
      return;
    get(*O, Where, "name", C.Name, &Reader::readString);
    get(*O, Where, "limit", C.Limit, &Reader::readRational);
    get(*O, Where, "parent", C.Parent, &Reader::readIndex);
    get(*O, Where, "category", C.Category, &Reader::readIndex);
    getList(*O, Where, "cites", C.Cites, &Reader::readCitation);
    get(*O, Where, "loc", C.Loc, &Reader::readLoc);
  }

  void readCondition(const json::Value &V, const JsonPath &Where, ItemCondition &C) {
    const json::Object *O = object(V, Where, {"test", "reason", "cites", "loc"});
    if (!O)
      return;
    get(*O, Where, "test", C.Test, &Reader::readIndex);
    get(*O, Where, "reason", C.Reason, &Reader::readString);
    getList(*O, Where, "cites", C.Cites, &Reader::readCitation);
    get(*O, Where, "loc", C.Loc, &Reader::readLoc);
  }

  void readEarning(const json::Value &V, const JsonPath &Where, Earning &E) {
    const json::Object *O = object(V, Where,
                                   {"kind", "from", "until", "points", "per", "rate_unit", "amount",
                                    "amount_to_rate_unit", "amount_unit"});
    if (!O)
      return;
    get(*O, Where, "kind", E.K, &Reader::readName<Earning::Kind, parseEarningKind>);
    get(*O, Where, "from", E.When.From, &Reader::readOptionalDate);
    get(*O, Where, "until", E.When.Until, &Reader::readOptionalDate);
    get(*O, Where, "points", E.Points, &Reader::readRational);
    get(*O, Where, "per", E.Per, &Reader::readRational);
    get(*O, Where, "rate_unit", E.RateUnit, &Reader::readIndex);
    get(*O, Where, "amount", E.Amount, &Reader::readIndex);
    get(*O, Where, "amount_to_rate_unit", E.AmountToRateUnit, &Reader::readRational);
    get(*O, Where, "amount_unit", E.AmountUnit, &Reader::readIndex);
  }

  void readSplitPart(const json::Value &V, const JsonPath &Where, SplitPart &Part) {
    const json::Object *O = object(V, Where, {"field", "rest", "targets"});
    if (!O)
      return;
    get(*O, Where, "field", Part.Field, &Reader::readIndex);
    get(*O, Where, "rest", Part.Rest, &Reader::readBool);
    getList(*O, Where, "targets", Part.Targets, &Reader::readIndex);
  }

  void readRounding(const json::Value &V, const JsonPath &Where, Rounding &R) {
    const json::Object *O = object(V, Where, {"mode", "step"});
    if (!O)
      return;
    get(*O, Where, "mode", R.M, &Reader::readName<Rounding::Mode, parseRoundingMode>);
    get(*O, Where, "step", R.Step, &Reader::readRational);
  }

  void readItemLimit(const json::Value &V, const JsonPath &Where, ItemLimit &L) {
    const json::Object *O = object(V, Where, {"from", "until", "max"});
    if (!O)
      return;
    get(*O, Where, "from", L.When.From, &Reader::readOptionalDate);
    get(*O, Where, "until", L.When.Until, &Reader::readOptionalDate);
    get(*O, Where, "max", L.Max, &Reader::readRational);
  }

  void readRule(const json::Value &V, const JsonPath &Where, Rule &R) {
    const json::Object *O = objectWithOptional(V, Where,
                                               {"name", "kind", "filter", "conditions", "earnings", "split",
                                                "rounding", "item_max", "targets", "cap", "priority", "cites", "loc"},
                                               "limits");
    if (!O)
      return;
    if (O->get("limits"))
      getList(*O, Where, "limits", R.Limits, &Reader::readRuleLimit);
    get(*O, Where, "name", R.Name, &Reader::readString);
    get(*O, Where, "kind", R.Kind, &Reader::readIndex);
    get(*O, Where, "filter", R.Filter, &Reader::readIndex);
    getList(*O, Where, "conditions", R.Conditions, &Reader::readCondition);
    getList(*O, Where, "earnings", R.Earnings, &Reader::readEarning);
    getList(*O, Where, "split", R.Split, &Reader::readSplitPart);
    get(*O, Where, "rounding", R.Round, &Reader::readRounding);
    getList(*O, Where, "item_max", R.ItemMax, &Reader::readItemLimit);
    getList(*O, Where, "targets", R.Targets, &Reader::readIndex);
    get(*O, Where, "cap", R.Cap, &Reader::readIndex);
    get(*O, Where, "priority", R.Priority, &Reader::readInt32);
    getList(*O, Where, "cites", R.Cites, &Reader::readCitation);
    get(*O, Where, "loc", R.Loc, &Reader::readLoc);
  }

  void readPair(const json::Value &V, const JsonPath &Where, std::pair<uint32_t, uint32_t> &Out) {
    const json::Array *A = V.getAsArray();
    if (!A || A->size() != 2) {
      fail(Where, "expected a pair [field, field]");
      return;
    }
    readU32((*A)[0], Where.index(0), Out.first);
    readU32((*A)[1], Where.index(1), Out.second);
  }

  /// The keys depend on the operator: only the members it uses are present.
  void readExpr(const json::Value &V, const JsonPath &Where, Expr &E) {
    const json::Object *O = asObject(V, Where);
    if (!O)
      return;
    get(*O, Where, "op", E.O, &Reader::readName<Op, parseOp>);
    if (Failure)
      return;
    const OpInfo &Info = *opInfo(E.O);
    llvm::SmallVector<llvm::StringRef, 6> Keys = {"op"};
    if (Info.HasCmp)
      Keys.push_back("cmp");
    if (Info.AKey)
      Keys.push_back(Info.AKey);
    if (Info.HasMask)
      Keys.push_back("mask");
    if (Info.MaxArgs > 0)
      Keys.push_back("args");
    if (Info.HasPairs)
      Keys.push_back("pairs");
    if (!checkKeys(*O, Where, Keys))
      return;
    if (Info.HasCmp)
      get(*O, Where, "cmp", E.C, &Reader::readName<Cmp, parseCmp>);
    if (Info.AKey && Info.ASigned) {
      int32_t Signed = 0;
      get(*O, Where, Info.AKey, Signed, &Reader::readInt32);
      E.A = static_cast<uint32_t>(Signed);
    } else if (Info.AKey) {
      get(*O, Where, Info.AKey, E.A, &Reader::readU32);
    }
    if (Info.HasMask)
      get(*O, Where, "mask", E.Mask, &Reader::readMask);
    if (Info.MaxArgs > 0)
      getList(*O, Where, "args", E.Args, &Reader::readU32);
    if (Info.HasPairs)
      getList(*O, Where, "pairs", E.Pairs, &Reader::readPair);
  }

  void policy(const json::Object &O, Policy &P) {
    JsonPath Root;
    std::vector<llvm::StringRef> Keys = {"format",
                    "version",
                    "content_hash",
                    "title",
                    "designation",
                    "edition",
                    "effective",
                    "sources",
                    "source_files",
                    "symbols",
                    "designation_enum",
                    "counting_unit",
                    "enums",
                    "units",
                    "member_fields",
                    "kinds",
                    "categories",
                    "requirements",
                    "spillovers",
                    "prerequisites",
                    "periods",
                    "carry_overs",
                    "caps",
                    "rules",
                    "exprs",
                    "consts"};
    // The edition keys are present only when the policy states them.
    bool HasSupersedes = O.get("supersedes"), HasGoverning = O.get("governing_field");
    if (HasSupersedes)
      Keys.insert(Keys.end(), {"supersedes", "supersedes_from"});
    if (HasGoverning)
      Keys.push_back("governing_field");
    bool HasVerdict = O.get("verdict_met");
    if (HasVerdict)
      Keys.insert(Keys.end(), {"verdict_met", "verdict_not_met"});
    bool HasLimits = O.get("limits");
    if (HasLimits)
      Keys.push_back("limits");
    if (!checkKeys(O, Root, Keys))
      return;
    P.Version = FormatVersion; // checked before
    get(O, Root, "content_hash", P.ContentHash, &Reader::readString);
    get(O, Root, "title", P.Title, &Reader::readString);
    get(O, Root, "designation", P.Designation, &Reader::readIndex);
    get(O, Root, "edition", P.Edition, &Reader::readString);
    get(O, Root, "effective", P.Effective, &Reader::readOptionalDate);
    if (HasSupersedes) {
      get(O, Root, "supersedes", P.Supersedes, &Reader::readString);
      get(O, Root, "supersedes_from", P.SupersedesFrom, &Reader::readOptionalDate);
    }
    if (HasGoverning)
      get(O, Root, "governing_field", P.GoverningField, &Reader::readIndex);
    if (HasVerdict) {
      get(O, Root, "verdict_met", P.VerdictMet, &Reader::readString);
      get(O, Root, "verdict_not_met", P.VerdictNotMet, &Reader::readString);
    }
    get(O, Root, "counting_unit", P.CountingUnit, &Reader::readIndex);
    getList(O, Root, "sources", P.Sources, &Reader::readSource);
    getList(O, Root, "source_files", P.SourceFiles, &Reader::readString);
    getList(O, Root, "symbols", P.Symbols, &Reader::readString);
    get(O, Root, "designation_enum", P.DesignationEnum, &Reader::readIndex);
    getList(O, Root, "enums", P.Enums, &Reader::readEnum);
    getList(O, Root, "units", P.Units, &Reader::readUnit);
    getList(O, Root, "member_fields", P.MemberFields, &Reader::readField);
    getList(O, Root, "kinds", P.Kinds, &Reader::readKind);
    getList(O, Root, "categories", P.Categories, &Reader::readCategory);
    getList(O, Root, "requirements", P.Requirements, &Reader::readRequirement);
    getList(O, Root, "spillovers", P.Spillovers, &Reader::readSpillover);
    getList(O, Root, "prerequisites", P.Prerequisites, &Reader::readPrerequisite);
    getList(O, Root, "periods", P.Periods, &Reader::readPeriod);
    getList(O, Root, "carry_overs", P.CarryOvers, &Reader::readCarryOver);
    getList(O, Root, "caps", P.Caps, &Reader::readCap);
    if (HasLimits)
      getList(O, Root, "limits", P.Limits, &Reader::readLimit);
    getList(O, Root, "rules", P.Rules, &Reader::readRule);
    getList(O, Root, "exprs", P.Exprs, &Reader::readExpr);
    getList(O, Root, "consts", P.Consts, &Reader::readValue);
  }
};
} // namespace

llvm::Error checkIRSize(uint64_t Bytes, llvm::StringRef FileName) {
  if (Bytes <= MaxIRFileBytes)
    return llvm::Error::success();
  return makeError(FileName + ": file is " + llvm::Twine(Bytes) + " bytes, over the " +
                   llvm::Twine(MaxIRFileBytes) + " byte limit for IR files");
}

llvm::Error checkIRText(llvm::StringRef Text, llvm::StringRef FileName) {
  if (llvm::Error E = checkIRSize(Text.size(), FileName))
    return E;
  // Objects are counted by their opening braces outside strings; the text
  // need not be valid JSON for the count to bound what parsing it allocates.
  size_t Objects = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if (C == '{' && ++Objects > MaxIRObjects) {
      return makeError(FileName + ": more than " + llvm::Twine(MaxIRObjects) +
                       " JSON objects, the limit for IR files");
    }
  }
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readIRFile(llvm::StringRef Path) {
  InputFile In = readInputFile(Path, MaxIRFileBytes);
  if (In.TooLarge)
    return checkIRSize(In.Size, Path);
  if (!In.Buffer)
    return makeError("cannot read `" + Path + "`: " + In.Error);
  return std::move(In.Buffer);
}

llvm::Expected<Policy> readPolicyJson(llvm::StringRef Text, llvm::StringRef FileName) {
  return Reader(FileName).read(Text, /*CheckHash=*/true);
}

llvm::Expected<Policy> readPolicyJsonIgnoringHash(llvm::StringRef Text, llvm::StringRef FileName) {
  return Reader(FileName).read(Text, /*CheckHash=*/false);
}

} // namespace certc::ir
