// Reads CSV ledgers (a members file and an activities file) with the same rules as JSON.
#include "ledger/Ledger.h"

#include "ledger/CsvScanner.h"
#include "ledger/ErrorSink.h"
#include "ledger/FieldDecoding.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <numeric>

namespace certc::ledger {

namespace {
using namespace detail;

// Columns are reported 1-based; NotFound means the row has no such column.
uint32_t columnNumber(uint32_t Col) { return Col == NotFound ? 0 : Col + 1; }

class CsvLedgerReader {
public:
  CsvLedgerReader(const LedgerSchema &S, const LedgerLimits &Limits, ReadResult &Out)
      : S(S), Limits(Limits), Out(Out), Errs(Out.Errors, Limits.MaxErrors) {}

  void read(llvm::StringRef MembersFile, llvm::StringRef MembersText,
            llvm::StringRef ActivitiesFile, llvm::StringRef ActivitiesText);

private:
  struct MemberState {
    Member M;
    bool Bad = false;
    size_t ActivityCount = 0;       ///< including those beyond the limit
    std::vector<uint32_t> IdLines;  ///< parallel to M.Activities
  };

  /// A header row: trimmed column names (copied, since an unescaped name lives
  /// in the record that the next row reuses) and where each name first appears.
  struct Header {
    std::vector<std::string> Names;
    llvm::StringMap<uint32_t> Columns;
    std::string name(uint32_t Col) const {
      return Col < Names.size() ? Names[Col] : std::string();
    }
    uint32_t column(llvm::StringRef Name) const {
      auto It = Columns.find(Name);
      return It == Columns.end() ? NotFound : It->second;
    }
  };

  // Each returns false on an error that leaves the file unreadable.
  bool readHeader(CsvScanner &Scanner, CsvRecord &R, Header &H, llvm::StringRef What);
  bool readMembers(llvm::StringRef File, llvm::StringRef Text);
  void readMemberRow(const CsvRecord &R, const Header &H, const std::vector<uint32_t> &ColField,
                     uint32_t IdCol, llvm::StringRef File);
  bool readActivities(llvm::StringRef Text);
  void readActivityRow(const CsvRecord &R, const Header &H,
                       const std::vector<std::vector<uint32_t>> &ColField,
                       const std::vector<bool> &Known);
  void checkActivityIds(MemberState &St);
  bool withinSizeLimit(llvm::StringRef Text);
  void fatal(const CsvScanner &Scanner);
  /// Reports the scanner's problems and a wrong cell count for one row.
  void reportRowShape(const CsvRecord &R, const Header &H, llvm::StringRef Member,
                      llvm::StringRef Activity);

  const LedgerSchema &S;
  const LedgerLimits &Limits;
  ReadResult &Out;
  ErrorSink Errs;
  std::vector<MemberState> Members;
  llvm::StringMap<uint32_t> MemberIndex; ///< id -> first row with it
  uint32_t MemberCol = NotFound, IdCol = NotFound, KindCol = NotFound; ///< activities file
  std::vector<uint8_t> Seen;
};

bool CsvLedgerReader::withinSizeLimit(llvm::StringRef Text) {
  size_t MaxBytes = Limits.fileByteLimit();
  if (Text.size() <= MaxBytes)
    return true;
  Errs.report(0, 0, "",
              "the file has " + std::to_string(Text.size()) + " bytes; the limit is " +
                  std::to_string(MaxBytes) + "; no member was read");
  return false;
}

void CsvLedgerReader::fatal(const CsvScanner &Scanner) {
  Errs.report(Scanner.fatalLine(), Scanner.fatalCell() + 1, "",
              Scanner.fatalMessage() + "; no member was read, since a partly read CSV "
                                       "ledger may miss activities");
}

bool CsvLedgerReader::readHeader(CsvScanner &Scanner, CsvRecord &R, Header &H,
                                 llvm::StringRef What) {
  if (!Scanner.next(R)) {
    if (Scanner.failed())
      fatal(Scanner);
    else
      Errs.report(0, 0, "", "the file is empty; expected a header row of " + What.str());
    return false;
  }
  for (const CsvProblem &P : R.Problems)
    Errs.report(P.Line, P.Cell + 1, "", P.Message);
  for (uint32_t C = 0; C < R.Cells.size(); ++C) {
    llvm::StringRef Name = R.Cells[C].Text.trim(" \t");
    H.Names.push_back(Name.str());
    auto [It, New] = H.Columns.try_emplace(Name, C);
    if (!New)
      Errs.report(R.Line, C + 1, Name,
                  "duplicate column; it is also column " + std::to_string(It->second + 1));
  }
  return true;
}

bool CsvLedgerReader::readMembers(llvm::StringRef File, llvm::StringRef Text) {
  if (!withinSizeLimit(Text))
    return false;
  CsvScanner Scanner(Text);
  CsvRecord R;
  Header H;
  if (!readHeader(Scanner, R, H, "member field names"))
    return false;
  uint32_t HeaderLine = R.Line;
  const std::vector<ir::Field> &Fields = S.policy().MemberFields;
  uint32_t IdField = S.memberIdField();
  std::vector<uint32_t> ColField(H.Names.size(), NotFound);
  uint32_t IdCol = NotFound;
  for (uint32_t C = 0; C < H.Names.size(); ++C) {
    llvm::StringRef Name = H.Names[C];
    if (H.column(Name) != C)
      continue; // a duplicate, already reported
    uint32_t F = S.memberField(Name);
    if (F != NotFound)
      ColField[C] = F;
    if (F == IdField && (F != NotFound || Name == "id"))
      IdCol = C;
    else if (F == NotFound)
      Errs.report(HeaderLine, C + 1, Name,
                  "unknown column: not a member field" + didYouMeanField(Name, Fields));
  }
  bool Usable = true;
  if (IdCol == NotFound) {
    Errs.report(HeaderLine, 0, "id", "the members file has no `id` column; no member was read");
    Usable = false;
  }
  for (uint32_t F = 0; F < Fields.size(); ++F)
    if (F != IdField && Fields[F].Required && !H.Columns.count(Fields[F].Name)) {
      Errs.report(HeaderLine, 0, Fields[F].Name,
                  "the members file has no column for this required field; no member "
                  "was read");
      Usable = false;
    }
  if (!Usable)
    return false;
  while (Scanner.next(R))
    readMemberRow(R, H, ColField, IdCol, File);
  if (Scanner.failed()) {
    fatal(Scanner);
    return false;
  }
  return true;
}

void CsvLedgerReader::reportRowShape(const CsvRecord &R, const Header &H,
                                     llvm::StringRef Member, llvm::StringRef Activity) {
  for (const CsvProblem &P : R.Problems)
    Errs.report(P.Line, P.Cell + 1, Member, Activity, H.name(P.Cell), P.Message);
  if (R.Cells.size() != H.Names.size())
    Errs.report(R.Line, 0, Member, Activity, "",
                "the row has " + std::to_string(R.Cells.size()) + " cells but the header has " +
                    std::to_string(H.Names.size()));
}

void CsvLedgerReader::readMemberRow(const CsvRecord &R, const Header &H,
                                    const std::vector<uint32_t> &ColField, uint32_t IdCol,
                                    llvm::StringRef File) {
  size_t Before = Errs.count();
  MemberState St;
  Member &M = St.M;
  M.File = File.str();
  M.Line = R.Line;
  M.Col = 1;
  M.Fields = M.Store.copyOf(S.memberDefaults());
  if (IdCol < R.Cells.size())
    M.Id = R.Cells[IdCol].Text.str();
  const std::vector<ir::Field> &Fields = S.policy().MemberFields;
  uint32_t IdField = S.memberIdField();
  auto Error = [&](uint32_t Line, uint32_t Col, llvm::StringRef Field, std::string Message) {
    Errs.report(Line, columnNumber(Col), M.Id, "", Field, std::move(Message));
  };

  reportRowShape(R, H, M.Id, "");
  Seen.assign(Fields.size(), 0);
  uint32_t Cells = std::min<uint32_t>(R.Cells.size(), H.Names.size());
  for (uint32_t C = 0; C < Cells; ++C) {
    const CsvCell &Cell = R.Cells[C];
    if (Cell.Text.empty() || C == IdCol)
      continue;
    uint32_t F = ColField[C];
    if (F == NotFound) {
      Error(Cell.Line, C, H.Names[C], "a value in a column that is not read (see the header)");
      continue;
    }
    Seen[F] = 1;
    if (std::string Why = decodeText(S, Fields[F], Cell.Text, M.Fields[F], M.Store); !Why.empty())
      Error(Cell.Line, C, Fields[F].Name, std::move(Why));
  }
  if (M.Id.empty()) {
    Error(R.Line, IdCol, "id", "missing member id");
  } else if (std::string Why = controlCharacterIn("member id", M.Id); !Why.empty()) {
    Error(R.Line, IdCol, "id", std::move(Why));
  } else if (IdField != NotFound) {
    if (std::string Why = decodeText(S, Fields[IdField], M.Id, M.Fields[IdField], M.Store); !Why.empty())
      Error(R.Line, IdCol, "id", std::move(Why));
  }
  for (uint32_t F = 0; F < Fields.size(); ++F)
    if (F != IdField && Fields[F].Required && !Seen[F])
      Error(R.Line, H.column(Fields[F].Name), Fields[F].Name, "missing required field");

  St.Bad = Errs.count() != Before;
  if (!M.Id.empty()) {
    auto [It, New] = MemberIndex.try_emplace(M.Id, static_cast<uint32_t>(Members.size()));
    if (!New) {
      // Two rows for one member: auditing either alone would be wrong.
      MemberState &First = Members[It->second];
      Error(R.Line, IdCol, "id",
            "member id is also used at line " + std::to_string(First.M.Line) +
                "; neither row is read");
      First.Bad = true;
      St.Bad = true;
    }
  }
  Members.push_back(std::move(St));
}

bool CsvLedgerReader::readActivities(llvm::StringRef Text) {
  if (!withinSizeLimit(Text))
    return false;
  CsvScanner Scanner(Text);
  CsvRecord R;
  Header H;
  if (!readHeader(Scanner, R, H, "`member_id,id,kind` and activity field names"))
    return false;
  uint32_t HeaderLine = R.Line;
  size_t NumKinds = S.policy().Kinds.size();
  std::vector<std::vector<uint32_t>> ColField(NumKinds,
                                              std::vector<uint32_t>(H.Names.size(), NotFound));
  std::vector<bool> Known(H.Names.size(), false);
  for (uint32_t C = 0; C < H.Names.size(); ++C) {
    llvm::StringRef Name = H.Names[C];
    if (H.column(Name) != C)
      continue; // a duplicate, already reported
    if (Name == "member_id" || Name == "id" || Name == "kind") {
      (Name == "member_id" ? MemberCol : Name == "id" ? IdCol : KindCol) = C;
      Known[C] = true;
      continue;
    }
    for (uint32_t K = 0; K < NumKinds; ++K)
      if ((ColField[K][C] = S.kindField(K, Name)) != NotFound)
        Known[C] = true;
    if (!Known[C])
      Errs.report(HeaderLine, C + 1, Name, "unknown column: no activity kind has this field");
  }
  bool Usable = true;
  for (auto [Col, Name] : {std::pair{MemberCol, "member_id"}, std::pair{IdCol, "id"},
                           std::pair{KindCol, "kind"}})
    if (Col == NotFound) {
      Errs.report(HeaderLine, 0, Name,
                  std::string("the activities file has no `") + Name +
                      "` column; no member was read");
      Usable = false;
    }
  if (!Usable)
    return false;
  while (Scanner.next(R))
    readActivityRow(R, H, ColField, Known);
  if (Scanner.failed()) {
    fatal(Scanner);
    return false;
  }
  for (MemberState &St : Members)
    checkActivityIds(St);
  return true;
}

void CsvLedgerReader::readActivityRow(const CsvRecord &R, const Header &H,
                                      const std::vector<std::vector<uint32_t>> &ColField,
                                      const std::vector<bool> &Known) {
  auto CellText = [&](uint32_t Col) {
    return Col < R.Cells.size() ? R.Cells[Col].Text : llvm::StringRef();
  };
  llvm::StringRef MemberId = CellText(MemberCol), KindName = CellText(KindCol).trim(" \t");
  Activity A;
  A.Id = CellText(IdCol).str();
  A.Line = R.Line;
  A.Col = 1;
  size_t Before = Errs.count();
  auto Error = [&](uint32_t Line, uint32_t Col, llvm::StringRef Field, std::string Message) {
    Errs.report(Line, columnNumber(Col), MemberId, A.Id, Field, std::move(Message));
  };

  reportRowShape(R, H, MemberId, A.Id);
  MemberState *Owner = nullptr;
  if (MemberId.empty()) {
    Error(R.Line, MemberCol, "member_id", "missing member id");
  } else if (auto It = MemberIndex.find(MemberId); It != MemberIndex.end()) {
    Owner = &Members[It->second];
  } else {
    Error(R.Line, MemberCol, "member_id", "no row of the members file has this member id");
  }
  if (A.Id.empty())
    Error(R.Line, IdCol, "id", "missing activity id");
  else if (std::string Why = controlCharacterIn("activity id", A.Id); !Why.empty())
    Error(R.Line, IdCol, "id", std::move(Why));
  uint32_t Kind = NotFound;
  if (KindName.empty()) {
    Error(R.Line, KindCol, "kind", "missing activity kind");
  } else if ((Kind = S.kind(KindName)) == NotFound) {
    Error(R.Line, KindCol, "kind",
          "unknown activity kind " + quote(KindName) + didYouMeanKind(S, KindName));
  }

  // Without a valid kind the other cells cannot be checked; the kind's own
  // error explains why the activity is not read. A row that is not kept (of
  // no member, or beyond the limit) is still checked, its values kept until
  // the row is done.
  ValueStore RowNotKept;
  bool Kept = Owner && Owner->ActivityCount < Limits.MaxActivitiesPerMember;
  ValueStore &Store = Kept ? Owner->M.Store : RowNotKept;
  if (Kind != NotFound) {
    const std::vector<ir::Field> &Fields = S.policy().Kinds[Kind].Fields;
    A.Kind = Kind;
    A.Fields = Store.copyOf(S.kindDefaults(Kind));
    Seen.assign(Fields.size(), 0);
    uint32_t Cells = std::min<uint32_t>(R.Cells.size(), H.Names.size());
    for (uint32_t C = 0; C < Cells; ++C) {
      const CsvCell &Cell = R.Cells[C];
      if (Cell.Text.empty() || C == MemberCol || C == IdCol || C == KindCol)
        continue;
      uint32_t F = ColField[Kind][C];
      if (F == NotFound) {
        Error(Cell.Line, C, H.Names[C],
              Known[C] ? "kind " + quote(KindName) + " has no such field; leave the cell empty"
                       : std::string("a value in a column that is not read (see the header)"));
        continue;
      }
      Seen[F] = 1;
      if (std::string Why = decodeText(S, Fields[F], Cell.Text, A.Fields[F], Store); !Why.empty())
        Error(Cell.Line, C, Fields[F].Name, std::move(Why));
    }
    for (uint32_t F = 0; F < Fields.size(); ++F)
      if (Fields[F].Required && !Seen[F])
        Error(R.Line, H.column(Fields[F].Name), Fields[F].Name, "missing required field");
    if (std::string Why = checkPeriod(S, Kind, A.Fields); !Why.empty())
      Error(R.Line, H.column("end"), "end", std::move(Why));
  }

  if (!Owner)
    return;
  if (++Owner->ActivityCount > Limits.MaxActivitiesPerMember) {
    if (Owner->ActivityCount == Limits.MaxActivitiesPerMember + 1)
      Error(R.Line, NotFound, "",
            "more than " + std::to_string(Limits.MaxActivitiesPerMember) +
                " activities; that is the limit for one member");
    Owner->Bad = true;
    return;
  }
  if (Errs.count() != Before)
    Owner->Bad = true;
  Owner->M.Activities.push_back(std::move(A));
  Owner->IdLines.push_back(R.Line);
}

void CsvLedgerReader::checkActivityIds(MemberState &St) {
  const std::vector<Activity> &Acts = St.M.Activities;
  std::vector<uint32_t> Order(Acts.size());
  std::iota(Order.begin(), Order.end(), 0);
  std::stable_sort(Order.begin(), Order.end(),
                   [&](uint32_t L, uint32_t R) { return Acts[L].Id < Acts[R].Id; });
  for (size_t I = 1, First = 0; I < Order.size(); ++I) {
    if (Acts[Order[I]].Id != Acts[Order[First]].Id) {
      First = I;
      continue;
    }
    if (Acts[Order[I]].Id.empty())
      continue;
    Errs.report(St.IdLines[Order[I]], columnNumber(IdCol), St.M.Id, Acts[Order[I]].Id, "id",
                "duplicate activity id; it is also used at line " +
                    std::to_string(St.IdLines[Order[First]]));
    St.Bad = true;
  }
}

void CsvLedgerReader::read(llvm::StringRef MembersFile, llvm::StringRef MembersText,
                           llvm::StringRef ActivitiesFile, llvm::StringRef ActivitiesText) {
  Errs.setFile(MembersFile);
  bool Ok = readMembers(MembersFile, MembersText);
  if (Ok) {
    Errs.setFile(ActivitiesFile);
    Ok = readActivities(ActivitiesText);
  }
  if (Ok)
    for (MemberState &St : Members)
      if (!St.Bad)
        Out.Members.push_back(std::move(St.M));
  Errs.finish();
}

} // namespace

ReadResult readCsvLedger(const LedgerSchema &Schema, llvm::StringRef MembersFile,
                         llvm::StringRef MembersText, llvm::StringRef ActivitiesFile,
                         llvm::StringRef ActivitiesText, const LedgerLimits &Limits) {
  ReadResult Result;
  CsvLedgerReader(Schema, Limits, Result)
      .read(MembersFile, MembersText, ActivitiesFile, ActivitiesText);
  return Result;
}

ReadResult readCsvLedger(const ir::Policy &P, llvm::StringRef MembersFile,
                         llvm::StringRef MembersText, llvm::StringRef ActivitiesFile,
                         llvm::StringRef ActivitiesText) {
  return readCsvLedger(LedgerSchema(P), MembersFile, MembersText, ActivitiesFile,
                       ActivitiesText);
}

} // namespace certc::ledger
