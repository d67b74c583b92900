// Reads JSON ledger structure: ledger objects, members, activities and cross-field checks.
#include "ledger/JsonLedgerReader.h"

#include "ledger/FieldDecoding.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallVector.h"

#include <numeric>

namespace certc::ledger {

namespace detail {

bool JsonLedgerReader::readMember(Member &M, uint32_t Depth) {
  JsonToken Open = Tok;
  if (!open(Depth))
    return false;
  advance();
  setPlace(M, Open);
  M.Fields = M.Store.copyOf(S.memberDefaults());
  const std::vector<ir::Field> &Fields = S.policy().MemberFields;
  llvm::SmallVector<uint8_t, 32> Seen(Fields.size(), 0);
  uint32_t IdField = S.memberIdField();
  bool IdGiven = false, IdBad = false;
  JsonToken IdAt;

  if (Tok.Kind == JsonTok::RBrace)
    advance();
  else
    for (bool More = true; More;) {
      JsonToken Key;
      if (!readKey(Key))
        return false;
      uint32_t Idx = S.memberField(Key.Text);
      CurField = {};
      if (Idx == NotFound && IdField == NotFound && Key.Text == "id") {
        // The policy has no `id` field: the id is structural, as for activities.
        if (IdGiven) {
          error(Key, "id", "field given more than once");
        } else {
          IdGiven = true;
          IdAt = Tok;
          if (Tok.Kind == JsonTok::String) {
            M.Id = Tok.Text.str();
          } else if (isValueStart(Tok.Kind)) {
            error(Tok, "id", "expected the member id as a string, found " + describe(Tok));
            IdBad = true;
          }
        }
        if (!skipValue(Depth + 1))
          return false;
      } else if (Idx == NotFound) {
        error(Key, Key.Text, "unknown member field" + didYouMeanField(Key.Text, Fields));
        if (!skipValue(Depth + 1))
          return false;
      } else if (Seen[Idx]) {
        error(Key, Fields[Idx].Name, "field given more than once");
        if (!skipValue(Depth + 1))
          return false;
      } else {
        Seen[Idx] = 1;
        size_t Before = Errs.count();
        if (Idx == IdField)
          IdAt = Tok;
        if (!readField(Fields[Idx], M.Fields[Idx], Depth + 1))
          return false;
        if (Idx == IdField) {
          IdGiven = true;
          IdBad = Errs.count() != Before;
        }
      }
      CurField = {};
      if (!afterElement(JsonTok::RBrace, More))
        return false;
    }

  if (IdField != NotFound && IdGiven && !IdBad &&
      M.Fields[IdField].K == ir::Value::Kind::Text)
    M.Id = M.Fields[IdField].Text.str();
  if (!IdGiven)
    error(Open, "id", "missing member id");
  else if (!IdBad && M.Id.empty())
    error(IdAt, "id", "the member id must be a non-empty string");
  else if (std::string Why = controlCharacterIn("member id", M.Id); !IdBad && !Why.empty())
    error(IdAt, "id", std::move(Why));
  for (uint32_t I = 0; I < Fields.size(); ++I)
    if (I != IdField && Fields[I].Required && !Seen[I])
      error(Open, Fields[I].Name, "missing required field");
  return true;
}

uint32_t JsonLedgerReader::findKind(JsonToken &Key, uint32_t Depth) {
  // The kind decides what the other fields mean, but JSON objects are
  // unordered: scan the rest of the object for it, then come back.
  Quiet = true;
  Lex.rewindTo(Key);
  advance();
  uint32_t Found = NotFound;
  while (Tok.Kind == JsonTok::String) {
    bool IsKind = Tok.Text == "kind";
    advance();
    if (Tok.Kind != JsonTok::Colon)
      break;
    advance();
    if (IsKind) {
      if (Tok.Kind == JsonTok::String)
        Found = S.kind(Tok.Text);
      break;
    }
    if (!skipValue(Depth) || Tok.Kind != JsonTok::Comma)
      break;
    advance();
  }
  Quiet = false;
  // Read the key again: the scan may have reused the buffer an escaped key
  // was copied to. It was read without error before, so it reads again.
  Lex.rewindTo(Key);
  advance();
  readKey(Key);
  return Found;
}

bool JsonLedgerReader::readActivity(Activity &A, IdPlace &IdAt, uint32_t Depth) {
  JsonToken Open = Tok;
  if (!open(Depth))
    return false;
  advance();
  setPlace(A, Open);
  uint32_t Kind = NotFound;
  bool IdGiven = false, KindGiven = false, KindSearched = false, KindFromLookahead = false;
  const std::vector<ir::Field> *Fields = nullptr;
  llvm::SmallVector<uint8_t, 32> Seen;
  auto SetKind = [&](uint32_t K) {
    Kind = K;
    A.Kind = K;
    A.Fields = Store->copyOf(S.kindDefaults(K));
    Fields = &S.policy().Kinds[K].Fields;
    Seen.assign(Fields->size(), 0);
  };

  if (Tok.Kind == JsonTok::RBrace)
    advance();
  else
    for (bool More = true; More;) {
      JsonToken Key;
      if (!readKey(Key))
        return false;
      CurField = {};
      if (Key.Text == "id") {
        if (IdGiven) {
          error(Key, "id", "field given more than once");
        } else if (Tok.Kind == JsonTok::String) {
          IdGiven = true;
          A.Id = Tok.Text.str();
          JsonPlace At = Lex.place(Tok);
          IdAt = {At.Line, At.Col};
          if (A.Id.empty())
            error(Tok, "id", "the activity id must be a non-empty string");
          else if (std::string Why = controlCharacterIn("activity id", A.Id); !Why.empty())
            error(Tok, "id", std::move(Why));
        } else {
          IdGiven = true;
          if (isValueStart(Tok.Kind))
            error(Tok, "id", "expected the activity id as a string, found " + describe(Tok));
        }
        if (!skipValue(Depth + 1))
          return false;
      } else if (Key.Text == "kind") {
        if (KindGiven) {
          error(Key, "kind", "field given more than once");
        } else if (KindFromLookahead) {
          KindGiven = true; // already read, and known to be a valid kind name
        } else if (Tok.Kind == JsonTok::String) {
          KindGiven = true;
          uint32_t K = S.kind(Tok.Text);
          if (K == NotFound)
            error(Tok, "kind",
                  "unknown activity kind " + quote(Tok.Text) + didYouMeanKind(S, Tok.Text));
          else
            SetKind(K);
        } else {
          KindGiven = true;
          if (isValueStart(Tok.Kind))
            error(Tok, "kind", "expected the activity kind as a string, found " + describe(Tok));
        }
        if (!skipValue(Depth + 1))
          return false;
      } else {
        if (Kind == NotFound && !KindGiven && !KindSearched) {
          KindSearched = true;
          if (uint32_t K = findKind(Key, Depth + 1); K != NotFound) {
            SetKind(K);
            KindFromLookahead = true;
          }
        }
        uint32_t Idx = Kind == NotFound ? NotFound : S.kindField(Kind, Key.Text);
        if (Kind == NotFound) {
          // Without a valid kind the field cannot be checked; the kind's own
          // error explains why the activity is not read.
          if (!skipValue(Depth + 1))
            return false;
        } else if (Idx == NotFound) {
          error(Key, Key.Text,
                "unknown field for kind " + quote(S.kindName(Kind)) +
                    didYouMeanField(Key.Text, *Fields));
          if (!skipValue(Depth + 1))
            return false;
        } else if (Seen[Idx]) {
          error(Key, (*Fields)[Idx].Name, "field given more than once");
          if (!skipValue(Depth + 1))
            return false;
        } else {
          Seen[Idx] = 1;
          if (!readField((*Fields)[Idx], A.Fields[Idx], Depth + 1))
            return false;
        }
      }
      CurField = {};
      if (!afterElement(JsonTok::RBrace, More))
        return false;
    }

  if (!IdGiven)
    error(Open, "id", "missing activity id");
  if (!KindGiven)
    error(Open, "kind", "missing activity kind");
  if (Kind != NotFound) {
    for (uint32_t I = 0; I < Fields->size(); ++I)
      if ((*Fields)[I].Required && !Seen[I])
        error(Open, (*Fields)[I].Name, "missing required field");
    if (std::string Why = checkPeriod(S, Kind, A.Fields); !Why.empty())
      error(Open, "end", std::move(Why));
  }
  return true;
}

bool JsonLedgerReader::readActivities(Member &M, std::vector<IdPlace> &IdPlaces,
                                      uint32_t Depth) {
  if (!open(Depth))
    return false;
  advance();
  if (Tok.Kind == JsonTok::RBracket) {
    advance();
    return true;
  }
  // Members of one file tend to be alike: growing the vector from the last
  // member's size spares most of the reallocations.
  M.Activities.reserve(std::min(ActivitiesOfLastMember, Limits.MaxActivitiesPerMember));
  size_t Count = 0;
  for (bool More = true; More;) {
    if (Tok.Kind == JsonTok::LBrace && ++Count > Limits.MaxActivitiesPerMember) {
      if (Count == Limits.MaxActivitiesPerMember + 1)
        error(Tok, "",
              "more than " + std::to_string(Limits.MaxActivitiesPerMember) +
                  " activities; that is the limit for one member");
      if (!skipValue(Depth + 1))
        return false;
    } else if (Tok.Kind == JsonTok::LBrace) {
      size_t Mark = Errs.mark();
      Activity &A = M.Activities.emplace_back();
      IdPlace &IdAt = IdPlaces.emplace_back();
      bool Ok = readActivity(A, IdAt, Depth + 1);
      Errs.nameActivity(Mark, A.Id);
      if (!Ok)
        return false;
    } else {
      if (isValueStart(Tok.Kind))
        error(Tok, "", "expected an activity object, found " + describe(Tok));
      if (!skipValue(Depth + 1))
        return false;
    }
    if (!afterElement(JsonTok::RBracket, More))
      return false;
  }
  ActivitiesOfLastMember = M.Activities.size();
  return true;
}

void JsonLedgerReader::checkActivityIds(const Member &M, const std::vector<IdPlace> &IdPlaces) {
  // Sorting beats a hash set for the few dozen activities of a typical member.
  std::vector<uint32_t> Order(M.Activities.size());
  std::iota(Order.begin(), Order.end(), 0);
  auto IdOf = [&](uint32_t I) -> const std::string & { return M.Activities[I].Id; };
  std::stable_sort(Order.begin(), Order.end(),
                   [&](uint32_t L, uint32_t R) { return IdOf(L) < IdOf(R); });
  for (size_t I = 1, First = 0; I < Order.size(); ++I) {
    if (IdOf(Order[I]) != IdOf(Order[First])) {
      First = I;
      continue;
    }
    if (IdOf(Order[I]).empty())
      continue;
    const IdPlace &At = IdPlaces[Order[I]];
    Errs.report(At.Line, At.Col, "", IdOf(Order[I]), "id",
                "duplicate activity id; it is also used at line " +
                    std::to_string(IdPlaces[Order[First]].Line));
  }
}

void JsonLedgerReader::keepMember(Member &&M, bool Bad) {
  if (!M.Id.empty()) {
    auto [It, New] = MemberIds.try_emplace(M.Id, MemberPlace{M.Line});
    if (!New) {
      // Two records for one member: auditing either alone would be wrong.
      Errs.report(M.Line, M.Col, M.Id, "", "id",
                  "member id is also used at line " + std::to_string(It->second.Line) +
                      "; neither record is read");
      if (It->second.Handed != SIZE_MAX)
        Out.Withdrawn.push_back(It->second.Handed);
      It->second.Handed = SIZE_MAX; // a third record must not withdraw it again
      return;
    }
    if (!Bad)
      It->second.Handed = Handed;
  }
  if (Bad)
    return;
  ++Handed;
  OnMember(std::move(M));
}

bool JsonLedgerReader::readEntry(uint32_t Depth) {
  JsonToken Open = Tok;
  if (!open(Depth))
    return false;
  advance();
  size_t Mark = Errs.mark(), Before = Errs.count();
  Member M;
  Store = &M.Store;
  // M is moved out or dies with this call: nothing may write into it after.
  auto ForgetStore = llvm::make_scope_exit([&] { Store = nullptr; });
  M.File = File.str();
  setPlace(M, Open);
  std::vector<IdPlace> IdPlaces;
  bool SawMember = false, SawActivities = false;
  auto Abandon = [&] {
    Errs.nameMember(Mark, M.Id);
    return false;
  };

  if (Tok.Kind == JsonTok::RBrace)
    advance();
  else
    for (bool More = true; More;) {
      JsonToken Key;
      if (!readKey(Key))
        return Abandon();
      bool IsMember = Key.Text == "member", IsActivities = Key.Text == "activities";
      JsonTok Wanted = IsMember ? JsonTok::LBrace : JsonTok::LBracket;
      bool &Saw = IsMember ? SawMember : SawActivities;
      if (!IsMember && !IsActivities) {
        error(Key, "",
              "unknown key " + quote(Key.Text) +
                  "; a ledger object has only `member` and `activities`");
      } else if (Saw) {
        error(Key, "", quote(Key.Text) + " is given more than once");
      } else if (Tok.Kind == Wanted) {
        Saw = true;
        bool Ok = IsMember ? readMember(M, Depth + 1)
                           : readActivities(M, IdPlaces, Depth + 1);
        if (!Ok)
          return Abandon();
        if (!afterElement(JsonTok::RBrace, More))
          return Abandon();
        continue;
      } else {
        Saw = true;
        if (isValueStart(Tok.Kind))
          error(Tok, "",
                std::string("expected ") +
                    (IsMember ? "the member object" : "the array of activities") +
                    ", found " + describe(Tok));
      }
      if (!skipValue(Depth + 1) || !afterElement(JsonTok::RBrace, More))
        return Abandon();
    }

  if (!SawMember)
    error(Open, "", "the ledger object has no `member`");
  checkActivityIds(M, IdPlaces);
  Errs.nameMember(Mark, M.Id);
  keepMember(std::move(M), Errs.count() != Before);
  return true;
}

bool JsonLedgerReader::readTopArray() {
  if (!open(0))
    return false;
  advance();
  if (Tok.Kind == JsonTok::RBracket) {
    advance();
    return true;
  }
  return readEntries();
}

bool JsonLedgerReader::readEntries() {
  for (bool More = true; More;) {
    // Where the next part begins, the reader is where reading the whole file
    // would be: between two entries of the top-level array.
    if (Tok.Kind == JsonTok::LBrace && atPartEnd()) {
      ReachedPartEnd = true;
      return true;
    }
    if (Tok.Kind == JsonTok::LBrace) {
      if (!readEntry(1))
        return false;
    } else {
      if (isValueStart(Tok.Kind))
        error(Tok, "", "expected a ledger object {\"member\": ..., \"activities\": [...]}, found " +
                           describe(Tok));
      if (!skipValue(1))
        return false;
    }
    if (!afterElement(JsonTok::RBracket, More))
      return false;
  }
  return true;
}

void JsonLedgerReader::read() {
  size_t MaxBytes = Limits.fileByteLimit();
  Out.EndsReading = true;
  if (Text.size() > MaxBytes) {
    if (Part.Begin == 0)
      Errs.report(0, 0, "",
                  "the file has " + std::to_string(Text.size()) + " bytes; the limit is " +
                      std::to_string(MaxBytes));
    Out.ErrorCount = Errs.count();
    return;
  }
  advance();
  bool Ok;
  if (Part.Begin != 0)
    Ok = readEntries(); // the top-level array was opened by the first part
  else if (Tok.Kind == JsonTok::LBrace)
    Ok = readEntry(0);
  else if (Tok.Kind == JsonTok::LBracket)
    Ok = readTopArray();
  else if (Tok.Kind == JsonTok::End) {
    JsonPlace At = Lex.place(Tok);
    Errs.report(At.Line, At.Col, "",
                "the file is empty; expected a ledger object or an array of them");
    Ok = false;
  } else
    Ok = syntax(Tok, "a ledger object {\"member\": ..., \"activities\": [...]} or an array of them");
  if (Ok && !ReachedPartEnd && Tok.Kind != JsonTok::End)
    syntax(Tok, "the end of the file after the ledger");
  Out.ErrorCount = Errs.count();
  Out.Handed = Handed;
  Out.EndsReading = !ReachedPartEnd;
}

} // namespace detail

PartResult readJsonLedgerPart(const LedgerSchema &Schema, llvm::StringRef FileName, llvm::StringRef Text,
                              const JsonLedgerPart &Part, const LedgerLimits &Limits, MemberSink OnMember) {
  PartResult Result;
  detail::JsonLedgerReader(Schema, FileName, Text, Part, Limits, Result, OnMember).read();
  return Result;
}

StreamResult joinJsonLedgerParts(llvm::StringRef FileName, std::vector<PartResult> &&Parts,
                                 const LedgerLimits &Limits) {
  StreamResult Result;
  detail::ErrorSink Errs(Result.Errors, Limits.MaxErrors);
  Errs.setFile(FileName);
  size_t HandedBefore = 0;
  for (PartResult &Part : Parts) {
    // Each part kept its first errors as reported; the file keeps the first
    // of all, in the same order, before sorting them by place.
    for (LedgerError &E : Part.Errors)
      Errs.add(std::move(E));
    Errs.addUnlisted(Part.ErrorCount - Part.Errors.size());
    for (size_t I : Part.Withdrawn)
      Result.Withdrawn.push_back(HandedBefore + I);
    HandedBefore += Part.Handed;
    if (Part.EndsReading)
      break;
  }
  Errs.finish();
  return Result;
}

StreamResult streamJsonLedger(const LedgerSchema &Schema, llvm::StringRef FileName,
                              llvm::StringRef Text, const LedgerLimits &Limits,
                              MemberSink OnMember) {
  JsonLedgerPart Whole{0, static_cast<uint32_t>(std::min<size_t>(Text.size(), UINT32_MAX)), 1, 1};
  std::vector<PartResult> Parts;
  Parts.push_back(readJsonLedgerPart(Schema, FileName, Text, Whole, Limits, OnMember));
  return joinJsonLedgerParts(FileName, std::move(Parts), Limits);
}

ReadResult readJsonLedger(const LedgerSchema &Schema, llvm::StringRef FileName,
                          llvm::StringRef Text, const LedgerLimits &Limits) {
  ReadResult Result;
  StreamResult Streamed = streamJsonLedger(Schema, FileName, Text, Limits, [&](Member &&M) {
    Result.Members.push_back(std::move(M));
  });
  Result.Errors = std::move(Streamed.Errors);
  dropWithdrawn(Result.Members, Streamed.Withdrawn);
  return Result;
}

void dropWithdrawn(std::vector<Member> &Members, llvm::ArrayRef<size_t> Withdrawn) {
  if (Withdrawn.empty())
    return;
  std::vector<bool> Gone(Members.size());
  for (size_t I : Withdrawn)
    Gone[I] = true;
  size_t Kept = 0;
  for (size_t I = 0; I < Members.size(); ++I) {
    if (Gone[I])
      continue;
    // Moving a member onto itself would empty it (a fuzzer finding).
    if (Kept != I)
      Members[Kept] = std::move(Members[I]);
    ++Kept;
  }
  Members.resize(Kept);
}

ReadResult readJsonLedger(const ir::Policy &P, llvm::StringRef FileName, llvm::StringRef Text) {
  return readJsonLedger(LedgerSchema(P), FileName, Text);
}

} // namespace certc::ledger
