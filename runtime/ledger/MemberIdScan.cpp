// A byte-level pass over a JSON ledger that finds whether any member id repeats.
// `certc run` writes reports as soon as they are ready only when none does: a
// repeated id withdraws a record the reader handed over long before.
//
// The pass runs before the reader over every file, so it tokenises nothing: it
// follows strings and brackets only. Along any prefix of valid JSON it sees the
// same structure the reader does, and the reader withdraws members only among
// those it read before a syntax error, so the scan needs no validation of its
// own. Where it cannot tell cheaply (a key or id written with escapes), it
// answers "may repeat", which only delays the reports.
#include "ledger/Ledger.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

namespace certc::ledger {

namespace {
/// What a container is, by where it stands: only ledger entries and their
/// `member` objects matter.
enum class Role : uint8_t { TopArray, Entry, Member, Other };

struct Level {
  Role R;
  bool IsObject;
  bool ExpectKey = false; ///< objects: the next string is a key
  bool KeyIsMember = false, KeyIsId = false;
};

/// A set of bytes to stop at, for tight skipping loops.
struct ByteSet {
  bool Has[256] = {};
  constexpr ByteSet(const char *Bytes) {
    for (; *Bytes; ++Bytes)
      Has[static_cast<unsigned char>(*Bytes)] = true;
  }
};
constexpr ByteSet Structural("{}[],\""), StringEnds("\"\\");

const char *skipTo(const char *P, const char *End, const ByteSet &Stops) {
  while (P != End && !Stops.Has[static_cast<unsigned char>(*P)])
    ++P;
  return P;
}
} // namespace

bool jsonMemberIdsAreDistinct(llvm::StringRef Text) {
  const char *P = Text.begin(), *End = Text.end();
  llvm::SmallVector<Level, 8> Stack;
  llvm::StringSet<> Ids;
  while ((P = skipTo(P, End, Structural)) != End) {
    char C = *P++;
    Level *Top = Stack.empty() ? nullptr : &Stack.back();
    switch (C) {
    case '{':
    case '[': {
      bool IsObject = C == '{';
      Role R = Role::Other;
      if (!Top)
        R = IsObject ? Role::Entry : Role::TopArray;
      else if (Top->R == Role::TopArray && IsObject)
        R = Role::Entry;
      else if (Top->R == Role::Entry && Top->IsObject && Top->KeyIsMember && IsObject)
        R = Role::Member;
      Stack.push_back({R, IsObject, IsObject});
      break;
    }
    case '}':
    case ']':
      if (Stack.empty())
        return false;
      Stack.pop_back();
      break;
    case ',':
      if (Top && Top->IsObject)
        Top->ExpectKey = true;
      break;
    case '"': {
      const char *Start = P;
      bool Escaped = false;
      for (;;) {
        P = skipTo(P, End, StringEnds);
        if (P == End)
          return false;
        if (*P == '"')
          break;
        Escaped = true;
        P += P + 1 == End ? 1 : 2; // the escaped byte cannot end the string
      }
      llvm::StringRef S(Start, P - Start);
      ++P;
      if (Top && Top->IsObject && Top->ExpectKey) {
        Top->ExpectKey = false;
        // Only keys of entries and member objects decide anything.
        if (Escaped && (Top->R == Role::Entry || Top->R == Role::Member))
          return false;
        Top->KeyIsMember = S == "member";
        Top->KeyIsId = S == "id";
      } else if (Top && Top->R == Role::Member && Top->KeyIsId &&
                 (Escaped || !Ids.insert(S).second)) {
        return false;
      }
      break;
    }
    }
  }
  return Stack.empty();
}

} // namespace certc::ledger
