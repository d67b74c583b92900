// Ledger discovery and reading for the `run` and `test` verbs.
#include "driver/LedgerFiles.h"
#include "base/InputFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace certc {

namespace {
/// The size of the parts a large JSON file is read in with several jobs:
/// about as many members as a batch, so that reading is spread over the
/// jobs even for a file of a few megabytes.
constexpr size_t PartBytes = 256 << 10;

ledger::LedgerError fileError(llvm::StringRef Path, std::string Message) {
  ledger::LedgerError E;
  E.File = Path.str();
  E.Message = std::move(Message);
  return E;
}

void addFile(llvm::StringRef Path, bool Explicit, std::vector<LedgerSource> &Out,
             std::vector<ledger::LedgerError> &Errors) {
  if (Path.endswith(".json")) {
    Out.push_back({Path.str(), ""});
    return;
  }
  if (Path.endswith(".members.csv")) {
    std::string Activities = Path.drop_back(strlen(".members.csv")).str() + ".activities.csv";
    if (!llvm::sys::fs::exists(Activities))
      Errors.push_back(fileError(Path, "CSV ledger has no activities file `" + Activities + "`"));
    else
      Out.push_back({Path.str(), Activities});
    return;
  }
  if (Path.endswith(".activities.csv")) {
    if (Explicit) {
      std::string Members = Path.drop_back(strlen(".activities.csv")).str() + ".members.csv";
      if (!llvm::sys::fs::exists(Members))
        Errors.push_back(fileError(Path, "CSV ledger has no members file `" + Members + "`"));
      else
        Out.push_back({Members, Path.str()});
    }
    return;
  }
  if (Explicit)
    Errors.push_back(fileError(Path, "not a ledger: expected a .json file or a .members.csv/.activities.csv pair"));
}
} // namespace

std::vector<LedgerSource> findLedgers(const std::vector<std::string> &Paths,
                                      std::vector<ledger::LedgerError> &Errors) {
  std::vector<LedgerSource> Out;
  for (const std::string &Path : Paths) {
    if (!llvm::sys::fs::is_directory(Path)) {
      // The system's reason when it is not simply missing (a symlink loop,
      // a folder on the way that cannot be searched).
      std::error_code EC = llvm::sys::fs::access(Path, llvm::sys::fs::AccessMode::Exist);
      if (EC) {
        Errors.push_back(fileError(Path, EC == std::errc::no_such_file_or_directory ? "no such file or folder"
                                                                                     : "cannot read: " + EC.message()));
        continue;
      }
      addFile(Path, true, Out, Errors);
      continue;
    }
    std::vector<std::string> Entries;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Path, EC), End; It != End && !EC; It.increment(EC))
      if (llvm::sys::fs::is_regular_file(It->path()))
        Entries.push_back(It->path());
    if (EC)
      Errors.push_back(fileError(Path, "cannot list folder: " + EC.message()));
    std::sort(Entries.begin(), Entries.end());
    for (const std::string &E : Entries)
      addFile(E, false, Out, Errors);
  }
  // Naming both files of a CSV pair, or a file twice, must not audit it twice.
  std::vector<LedgerSource> Unique;
  for (LedgerSource &S : Out)
    if (std::none_of(Unique.begin(), Unique.end(), [&](const LedgerSource &U) {
          return llvm::sys::fs::equivalent(U.Path, S.Path);
        }))
      Unique.push_back(std::move(S));
  return Unique;
}

ledger::LedgerError memberInSeveralFiles(const ledger::Member &M, const std::string &Other) {
  ledger::LedgerError E;
  E.File = M.File;
  E.Line = M.Line;
  E.Col = M.Col;
  E.Member = M.Id;
  E.Field = "id";
  E.Message = "member id is also used in `" + Other + "`; auditing either record alone would be wrong";
  return E;
}

ledger::StreamResult streamLedger(const ledger::LedgerSchema &Schema, const LedgerSource &Source,
                                  ledger::MemberSink OnMember, llvm::function_ref<void(bool)> OnStart,
                                  std::optional<ReadPartsFn> ReadParts) {
  ledger::StreamResult Result;
  const size_t MaxBytes = ledger::LedgerLimits().fileByteLimit();
  auto Read = [&](llvm::StringRef Path) -> std::unique_ptr<llvm::MemoryBuffer> {
    InputFile In = readInputFile(Path, MaxBytes);
    if (In.TooLarge)
      Result.Errors.push_back(fileError(Path, "the file has " + std::to_string(In.Size) + " bytes; the limit is " +
                                                  std::to_string(MaxBytes) + "; no member was read"));
    else if (!In.Buffer)
      Result.Errors.push_back(fileError(Path, "cannot read: " + In.Error));
    return std::move(In.Buffer);
  };
  auto Main = Read(Source.Path);
  auto Activities = Main && !Source.ActivitiesCsv.empty() ? Read(Source.ActivitiesCsv) : nullptr;
  bool IsJson = Source.ActivitiesCsv.empty();
  // A CSV pair ties activities to members by id anywhere in the file, so it is
  // read whole, repeated ids settled, before the first member is handed over.
  // The scans pass over the whole file before it is read: the pages behind
  // them are released, so that the file is never all in memory at once.
  std::optional<ReleaseBehind> Scanned;
  if (Main)
    Scanned.emplace(*Main);
  auto ScannedUpTo = [&](size_t Offset) { Scanned->doneUpTo(Offset); };
  bool MayWithdraw = Main && IsJson && !ledger::jsonMemberIdsAreDistinct(Main->getBuffer(), ScannedUpTo);
  OnStart(MayWithdraw);
  if (!Main || (!IsJson && !Activities))
    return Result;
  if (IsJson && ReadParts && !MayWithdraw) {
    std::vector<ledger::JsonLedgerPart> Parts = ledger::splitJsonLedger(Main->getBuffer(), PartBytes, ScannedUpTo);
    if (Parts.size() > 1)
      return ledger::joinJsonLedgerParts(Source.Path, (*ReadParts)(*Main, Parts), {});
  }
  if (IsJson)
    return ledger::streamJsonLedger(Schema, Source.Path, Main->getBuffer(), {}, OnMember);
  ledger::ReadResult Csv = ledger::readCsvLedger(Schema, Source.Path, Main->getBuffer(),
                                                 Source.ActivitiesCsv, Activities->getBuffer());
  for (ledger::Member &M : Csv.Members)
    OnMember(std::move(M));
  Result.Errors = std::move(Csv.Errors);
  return Result;
}

const std::string *BatchMemberIds::otherFile(llvm::StringRef Id, size_t File) const {
  auto It = Files.find(Id);
  if (It == Files.end())
    return nullptr;
  for (uint32_t F : It->second)
    if (F != File)
      return &Paths[F];
  return nullptr;
}

bool BatchMemberIds::inFile(size_t File) const {
  for (const auto &Entry : Files)
    if (llvm::is_contained(Entry.second, File))
      return true;
  return false;
}

BatchMemberIds memberIdsInSeveralFiles(const ledger::LedgerSchema &Schema, const std::vector<LedgerSource> &Sources) {
  BatchMemberIds Out;
  if (Sources.size() < 2)
    return Out;
  llvm::StringMap<uint32_t> FirstFile;
  for (uint32_t F = 0; F < Sources.size(); ++F) {
    Out.Paths.push_back(Sources[F].Path);
    // Errors are reported by the reading that audits.
    streamLedger(
        Schema, Sources[F],
        [&](ledger::Member &&M) {
          auto [It, New] = FirstFile.try_emplace(M.Id, F);
          if (New || It->second == F)
            return;
          std::vector<uint32_t> &Users = Out.Files[M.Id];
          if (Users.empty())
            Users.push_back(It->second);
          if (Users.back() != F)
            Users.push_back(F);
        },
        [](bool) {});
  }
  return Out;
}

ledger::ReadResult readLedger(const ledger::LedgerSchema &Schema, const LedgerSource &Source) {
  ledger::ReadResult Result;
  ledger::StreamResult Streamed =
      streamLedger(Schema, Source, [&](ledger::Member &&M) { Result.Members.push_back(std::move(M)); },
                   [](bool) {});
  ledger::dropWithdrawn(Result.Members, Streamed.Withdrawn);
  Result.Errors = std::move(Streamed.Errors);
  return Result;
}

} // namespace certc
