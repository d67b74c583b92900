// A lexer-only pass over a JSON ledger that finds whether any member id repeats.
// `certc run` writes reports as soon as they are ready only when none does: a
// repeated id withdraws a record the reader handed over long before.
#include "ledger/JsonLexer.h"
#include "ledger/Ledger.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

namespace certc::ledger {

using detail::JsonLexer;
using detail::JsonTok;
using detail::JsonToken;

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
} // namespace

bool jsonMemberIdsAreDistinct(llvm::StringRef Text) {
  JsonLexer Lex(Text);
  JsonToken Tok;
  llvm::SmallVector<Level, 8> Stack;
  llvm::StringSet<> Ids;
  for (;;) {
    Lex.next(Tok);
    Level *Top = Stack.empty() ? nullptr : &Stack.back();
    switch (Tok.Kind) {
    case JsonTok::LBrace:
    case JsonTok::LBracket: {
      bool IsObject = Tok.Kind == JsonTok::LBrace;
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
    case JsonTok::RBrace:
    case JsonTok::RBracket:
      if (Stack.empty())
        return false;
      Stack.pop_back();
      break;
    case JsonTok::Comma:
      if (Top && Top->IsObject)
        Top->ExpectKey = true;
      break;
    case JsonTok::String:
      if (Top && Top->IsObject && Top->ExpectKey) {
        Top->ExpectKey = false;
        Top->KeyIsMember = Tok.Text == "member";
        Top->KeyIsId = Tok.Text == "id";
      } else if (Top && Top->R == Role::Member && Top->KeyIsId && !Ids.insert(Tok.Text).second) {
        return false;
      }
      break;
    case JsonTok::End: return Stack.empty();
    case JsonTok::Invalid:
    case JsonTok::NonFinite: return false;
    default: break;
    }
  }
}

} // namespace certc::ledger
