// Splits a large JSON ledger where its entries begin, so that `certc run
// --jobs N` reads, audits and renders the parts on N threads.
//
// The places are guesses, found as fast as the member-id scan finds member
// keys: a `{"member"` that follows a comma. A guess costs nothing when wrong,
// because only the reader decides: a part's reader stops at its end only if
// it arrives there between two entries of the top-level array, in the state
// reading the whole file would have there (JsonLedgerReader::readEntries),
// and otherwise reads on to the end of the file, which voids the parts after
// it. A wrong guess (an object with a `member` key nested deeper, malformed
// text) therefore loses only parallelism, never a member or an error.
#include "ledger/ByteScan.h"
#include "ledger/Ledger.h"

#include <cstring>

namespace certc::ledger {

namespace {
bool isSpace(char C) { return C == ' ' || C == '\n' || C == '\r' || C == '\t'; }

/// The `{` that begins the entry whose first key is at Key, if it follows a
/// comma (the first entry needs no part of its own); else null.
const char *entryBefore(const char *Begin, const char *Key) {
  const char *P = Key;
  while (P != Begin && isSpace(P[-1]))
    --P;
  if (P == Begin || P[-1] != '{')
    return nullptr;
  const char *Brace = --P;
  while (P != Begin && isSpace(P[-1]))
    --P;
  return P != Begin && P[-1] == ',' ? Brace : nullptr;
}
} // namespace

std::vector<JsonLedgerPart> splitJsonLedger(llvm::StringRef Text, size_t PartBytes,
                                            llvm::function_ref<void(size_t)> ScannedUpTo) {
  std::vector<JsonLedgerPart> Parts;
  const uint32_t Size = static_cast<uint32_t>(std::min<size_t>(Text.size(), UINT32_MAX));
  const char *Begin = Text.begin(), *End = Begin + Size;
  JsonLedgerPart Current{0, Size, 1, 1};
  const char *First = Begin + (Text.startswith("\xEF\xBB\xBF") ? 3 : 0);
  First = detail::skipSpace(First, End);
  // Only an array of entries has entries to split at.
  if (First != End && *First == '[') {
    const llvm::StringRef Key = "\"member\"";
    const char *LineStart = Begin, *Counted = Begin;
    uint32_t Line = 1;
    for (const char *From = Begin + std::min<size_t>(PartBytes, Size); From < End;) {
      const char *Hit = static_cast<const char *>(memmem(From, End - From, Key.data(), Key.size()));
      if (!Hit)
        break;
      From = Hit + Key.size();
      const char *Entry = entryBefore(Begin, Hit);
      if (!Entry || uint32_t(Entry - Begin) <= Current.Begin)
        continue;
      for (const char *NL; (NL = static_cast<const char *>(memchr(Counted, '\n', Entry - Counted)));
           Counted = NL + 1)
        ++Line, LineStart = NL + 1;
      Counted = Entry;
      Current.End = uint32_t(Entry - Begin);
      Parts.push_back(Current);
      Current = {Current.End, Size, Line, uint32_t(Entry - LineStart) + 1};
      From = Entry + std::min<size_t>(PartBytes, End - Entry);
      if (ScannedUpTo)
        ScannedUpTo(Entry - Begin);
    }
  }
  Parts.push_back(Current);
  return Parts;
}

} // namespace certc::ledger
