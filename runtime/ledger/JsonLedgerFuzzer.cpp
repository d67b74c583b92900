// libFuzzer target for the JSON ledger reader against the CMC schema. Besides
// not crashing, it checks two promises `certc run` relies on: when the
// member-id scan finds no repeat, the reader withdraws nothing (so reports
// may be written early), and then reading the file in parts, split where
// entries begin (`--jobs N`), reads the same members and reports the same
// errors as reading it whole.
#include "ledger/FuzzSchema.inc"
#include "ledger/ReadInParts.inc"

#include <cstdio>
#include <cstdlib>

using namespace certc;

namespace {
std::string describe(const ledger::ReadResult &R) {
  std::string Out;
  for (const ledger::Member &M : R.Members)
    Out += "member " + M.Id + " at " + std::to_string(M.Line) + ":" + std::to_string(M.Col) + ", " +
           std::to_string(M.Activities.size()) + " activities\n";
  for (const ledger::LedgerError &E : R.Errors)
    Out += E.str() + "\n";
  return Out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  const ledger::LedgerSchema &Schema = ledger::fuzzSchema();
  ledger::ReadResult Whole;
  ledger::StreamResult R = ledger::streamJsonLedger(
      Schema, "fuzz.json", Text, {}, [&](ledger::Member &&M) { Whole.Members.push_back(std::move(M)); });
  if (!ledger::jsonMemberIdsAreDistinct(Text))
    return 0;
  if (!R.Withdrawn.empty()) {
    fprintf(stderr, "the member-id scan found no repeat, but the reader withdrew %zu of %zu members\n",
            R.Withdrawn.size(), Whole.Members.size());
    abort();
  }
  Whole.Errors = std::move(R.Errors);
  // One byte per part: a part for every entry.
  std::string Expected = describe(Whole), InParts = describe(ledger::readJsonLedgerInParts(Schema, "fuzz.json", Text, 1));
  if (Expected != InParts) {
    fprintf(stderr, "reading in parts differs from reading whole:\n--- whole\n%s--- in parts\n%s", Expected.c_str(),
            InParts.c_str());
    abort();
  }
  return 0;
}
