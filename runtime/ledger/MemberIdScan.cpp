// Finds whether any member id of a JSON ledger repeats, before the reader
// starts. `certc run` writes reports as soon as they are ready only when none
// does: a repeated id withdraws a record the reader handed over long before.
//
// It runs over every file before the reader does, so it tokenises nothing.
// Without a backslash in the text, strings end at the next quote and every
// member key is the literal `"member"`: a substring search finds them all
// (other hits only add ids, which can only make the answer "may repeat").
// With escapes it follows strings and brackets. Along any prefix of valid JSON
// both see the same structure the reader does, and the reader withdraws members
// only among those it read before a syntax error, so neither validates. Where
// the answer cannot be had cheaply (a key or id written with escapes), it is
// "may repeat", which only delays the reports.
#include "ledger/ByteScan.h"
#include "ledger/Ledger.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <cstring>

namespace certc::ledger {

namespace {
using detail::skipSpace;
using detail::skipTo;

/// What a container is, by where it stands: only ledger entries and their
/// `member` objects matter.
enum class Role : uint8_t { TopArray, Entry, Member, Other };

struct Level {
  Role R;
  bool IsObject;
  bool ExpectKey = false; ///< objects: the next string is a key
  bool KeyIsMember = false, KeyIsId = false;
};

constexpr detail::ByteSet Structural("{}[],\""), StringEnds("\"\\");

/// The general pass, for text with escapes.
bool idsAreDistinctFollowingEscapes(llvm::StringRef Text) {
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
      if (!Stack.empty())
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
          return true;
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
  return true;
}

/// Adds the `id` values at the top level of the object that starts at P, in
/// text without backslashes; false when one is already in Ids.
bool addObjectIds(const char *P, const char *End, llvm::StringSet<> &Ids) {
  unsigned Depth = 0;
  bool ExpectKey = false, KeyIsId = false;
  while ((P = skipTo(P, End, Structural)) != End) {
    switch (char C = *P++) {
    case '{':
    case '[': ExpectKey = ++Depth == 1 && C == '{'; break;
    case '}':
    case ']':
      if (--Depth == 0)
        return true;
      break;
    case ',': ExpectKey = Depth == 1; break;
    case '"': {
      const char *Close = static_cast<const char *>(std::memchr(P, '"', End - P));
      if (!Close)
        return true;
      llvm::StringRef S(P, Close - P);
      P = Close + 1;
      if (Depth != 1)
        break;
      if (ExpectKey) {
        ExpectKey = false;
        KeyIsId = S == "id";
      } else if (KeyIsId && !Ids.insert(S).second) {
        return false;
      }
      break;
    }
    }
  }
  return true;
}

/// Whether Text has a backslash, told to ScannedUpTo as the search moves on.
bool hasBackslash(llvm::StringRef Text, llvm::function_ref<void(size_t)> ScannedUpTo) {
  constexpr size_t Step = 1 << 20;
  for (size_t From = 0; From < Text.size(); From += Step) {
    if (Text.substr(From, Step).contains('\\'))
      return true;
    if (ScannedUpTo)
      ScannedUpTo(std::min(From + Step, Text.size()));
  }
  return false;
}
} // namespace

bool jsonMemberIdsAreDistinct(llvm::StringRef Text, llvm::function_ref<void(size_t)> ScannedUpTo) {
  if (hasBackslash(Text, ScannedUpTo))
    return idsAreDistinctFollowingEscapes(Text);
  llvm::StringSet<> Ids;
  const llvm::StringRef Key = "\"member\"";
  const char *End = Text.end();
  for (const char *Hit = Text.begin();
       (Hit = static_cast<const char *>(memmem(Hit, End - Hit, Key.data(), Key.size())));) {
    Hit += Key.size();
    const char *P = skipSpace(Hit, End);
    // A key is followed by a colon; the string "member" as a value is not.
    if (P == End || *P != ':')
      continue;
    P = skipSpace(P + 1, End);
    if (P != End && *P == '{' && !addObjectIds(P, End, Ids))
      return false;
    if (ScannedUpTo)
      ScannedUpTo(Hit - Text.begin());
  }
  return true;
}

} // namespace certc::ledger
