// RFC 4180 records: commas, optional quotes (holding commas, line breaks, ""), CRLF or LF.
#include "ledger/CsvScanner.h"

#include "ledger/Utf8.h"

#include <cstring>

namespace certc::ledger::detail {

CsvScanner::CsvScanner(llvm::StringRef Text) : P(Text.begin()), End(Text.end()) {
  if (Text.startswith("\xEF\xBB\xBF"))
    P += 3;
}

void CsvScanner::skipLineEnd() {
  if (P == End)
    return;
  if (*P == '\r' && P + 1 != End && P[1] == '\n')
    ++P;
  ++P;
  ++Line;
}

bool CsvScanner::next(CsvRecord &R) {
  R.Cells.clear();
  R.Problems.clear();
  R.Storage.clear();
  if (failed())
    return false;
  while (P != End && (*P == '\n' || *P == '\r'))
    skipLineEnd();
  if (P == End)
    return false;
  R.Line = Line;

  // Cells unescaped into Storage are located by offset until the record is
  // complete, since Storage may reallocate while it grows.
  struct Pending {
    size_t Cell, Offset, Size;
  };
  std::vector<Pending> Unescaped;
  auto Problem = [&](std::string Message) {
    R.Problems.push_back({static_cast<uint32_t>(R.Cells.size()), Line, std::move(Message)});
  };

  while (true) {
    CsvCell Cell;
    Cell.Line = Line;
    if (P != End && *P == '"') {
      const char *Start = ++P;
      bool Escaped = false;
      while (true) {
        const char *Quote =
            static_cast<const char *>(std::memchr(P, '"', static_cast<size_t>(End - P)));
        for (const char *Q = P, *Stop = Quote ? Quote : End; Q != Stop; ++Q)
          if (*Q == '\n' || (*Q == '\r' && (Q + 1 == End || Q[1] != '\n')))
            ++Line;
        if (!Quote) {
          Fatal = "the quoted cell starting here is never closed; the rest of the file "
                  "was not read";
          FatalLine = Cell.Line;
          FatalCell = static_cast<uint32_t>(R.Cells.size());
          P = End;
          return false;
        }
        P = Quote + 1;
        if (P != End && *P == '"') {
          Escaped = true;
          ++P;
          continue;
        }
        break;
      }
      llvm::StringRef Raw(Start, static_cast<size_t>(P - 1 - Start));
      if (Escaped) {
        size_t Offset = R.Storage.size();
        for (size_t I = 0; I < Raw.size(); ++I) {
          R.Storage += Raw[I];
          if (Raw[I] == '"')
            ++I; // the second quote of ""
        }
        Unescaped.push_back({R.Cells.size(), Offset, R.Storage.size() - Offset});
      } else {
        Cell.Text = Raw;
      }
      if (!atLineEnd() && *P != ',') {
        Problem("unexpected text after the closing quote; a quoted cell must end at a comma "
                "or the end of the line");
        while (!atLineEnd() && *P != ',')
          ++P;
      }
    } else {
      const char *Start = P;
      while (!atLineEnd() && *P != ',')
        ++P;
      Cell.Text = llvm::StringRef(Start, static_cast<size_t>(P - Start));
      if (Cell.Text.contains('"'))
        Problem("a quote inside an unquoted cell; quote the whole cell and double the "
                "quotes inside it");
    }
    R.Cells.push_back(Cell);
    if (P != End && *P == ',') {
      ++P;
      continue;
    }
    skipLineEnd();
    break;
  }

  for (const Pending &U : Unescaped)
    R.Cells[U.Cell].Text = llvm::StringRef(R.Storage.data() + U.Offset, U.Size);
  for (uint32_t I = 0; I < R.Cells.size(); ++I)
    if (findInvalidUtf8(R.Cells[I].Text) != llvm::StringRef::npos)
      R.Problems.push_back({I, R.Cells[I].Line, "the cell is not valid UTF-8 text"});
  return true;
}

} // namespace certc::ledger::detail
