// The JSON ledger reader, split between a structure file and a field-value file.
#ifndef CERTC_LEDGER_JSONLEDGERREADER_H
#define CERTC_LEDGER_JSONLEDGERREADER_H

#include "ledger/ErrorSink.h"
#include "ledger/JsonLexer.h"
#include "ledger/Ledger.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace certc::ledger::detail {

/// Recursion in skipValue is bounded by the depth limit; this keeps a caller's
/// generous limit from turning into a stack overflow.
inline constexpr uint32_t MaxHonouredDepth = 1000;

bool isValueStart(JsonTok K);
/// "an object", "the string `x`", ... for "found ..." in messages.
std::string describe(const JsonToken &T);

/// Where an activity's `id` value is, for duplicate-id reports.
struct IdPlace {
  uint32_t Line = 0, Col = 0;
};

/// Schema-directed recursive descent over JsonLexer tokens: each value is
/// checked against its field as it is read and no document tree is built,
/// which keeps reading fast and positions exact.
class JsonLedgerReader {
public:
  JsonLedgerReader(const LedgerSchema &S, llvm::StringRef File, llvm::StringRef Text,
                   const JsonLedgerPart &Part, const LedgerLimits &Limits, PartResult &Out,
                   MemberSink OnMember)
      : S(S), File(File), Text(Text), Part(Part), Limits(Limits), Out(Out), OnMember(OnMember),
        Errs(Out.Errors, Limits.MaxErrors), Lex(Text, Part.Begin, Part.Line, Part.Col),
        MaxDepth(std::min(Limits.MaxDepth, MaxHonouredDepth)) {
    Errs.setFile(File);
  }

  /// Reads the part; Out's errors are left as reported, unsorted.
  void read();

private:
  // Every read function starts at the current token (Tok) and, when it
  // returns true, leaves Tok just after what it read, with any ledger errors
  // reported. False means a syntax error was reported: JSON cannot be
  // resynchronised reliably, so reading stops there. Depth counts the arrays
  // and objects enclosing Tok.
  bool readTopArray();
  /// Reads ledger entries until the closing `]`, or until the part's end.
  bool readEntries();
  bool atPartEnd() const { return size_t(Tok.Begin - Text.begin()) == Part.End; }
  bool readEntry(uint32_t Depth);
  bool readMember(Member &M, uint32_t Depth);
  bool readActivities(Member &M, std::vector<IdPlace> &IdPlaces, uint32_t Depth);
  bool readActivity(Activity &A, IdPlace &IdAt, uint32_t Depth);
  bool readField(const ir::Field &F, FieldValue &V, uint32_t Depth);
  bool readSet(const ir::Field &F, FieldValue &V, uint32_t Depth);
  bool readAwards(const ir::Field &F, FieldValue &V, uint32_t Depth);
  bool readAward(llvm::SmallVectorImpl<ir::Award> &Awards, uint32_t Depth);
  bool skipValue(uint32_t Depth);
  uint32_t findKind(JsonToken &Key, uint32_t Depth);
  void checkActivityIds(const Member &M, const std::vector<IdPlace> &IdPlaces);
  void keepMember(Member &&M, bool Bad);

  void advance() { Lex.next(Tok); }
  bool readKey(JsonToken &Key);
  bool open(uint32_t Depth);
  bool afterElement(JsonTok Close, bool &More);
  void error(const JsonToken &At, llvm::StringRef Field, std::string Message) {
    if (!Quiet) {
      JsonPlace Where = Lex.place(At);
      Errs.report(Where.Line, Where.Col, Field, std::move(Message));
    }
  }
  /// Gives a member or activity the line and column of At.
  template <typename Item> void setPlace(Item &I, const JsonToken &At) {
    JsonPlace Where = Lex.place(At);
    I.Line = Where.Line;
    I.Col = Where.Col;
  }
  bool syntax(const JsonToken &At, std::string Expected);

  const LedgerSchema &S;
  llvm::StringRef File;
  llvm::StringRef Text;
  const JsonLedgerPart &Part;
  const LedgerLimits &Limits;
  PartResult &Out;
  MemberSink OnMember;
  ErrorSink Errs;
  JsonLexer Lex;
  uint32_t MaxDepth;
  JsonToken Tok;
  bool Quiet = false;         ///< while looking ahead: report nothing
  llvm::StringRef CurField;   ///< named by syntax errors inside a field value
  std::string KeyCopy;        ///< a key with escapes, kept while its value is lexed
  ValueStore *Store = nullptr; ///< the store of the member being read

  struct MemberPlace {
    uint32_t Line = 0;
    size_t Handed = SIZE_MAX; ///< its number, if it was handed to OnMember
  };
  llvm::StringMap<MemberPlace> MemberIds;
  size_t Handed = 0; ///< members handed to OnMember so far
  bool ReachedPartEnd = false; ///< stopped at Part.End, where the next part begins
  size_t ActivitiesOfLastMember = 0;
};

} // namespace certc::ledger::detail

#endif
