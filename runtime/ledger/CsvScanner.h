// Splits RFC 4180 CSV text into records of cells, keeping the line each cell starts on.
#ifndef CERTC_LEDGER_CSVSCANNER_H
#define CERTC_LEDGER_CSVSCANNER_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <vector>

namespace certc::ledger::detail {

struct CsvCell {
  llvm::StringRef Text; ///< unquoted and unescaped
  uint32_t Line = 0;    ///< where the cell starts
};

/// A malformed cell; the record is still returned so the row can be named.
struct CsvProblem {
  uint32_t Cell = 0; ///< 0-based
  uint32_t Line = 0;
  std::string Message;
};

struct CsvRecord {
  std::vector<CsvCell> Cells;
  std::vector<CsvProblem> Problems;
  uint32_t Line = 0;
  std::string Storage; ///< cells whose quotes had to be unescaped
};

class CsvScanner {
public:
  /// Text must outlive the records; a leading UTF-8 byte order mark (which
  /// spreadsheets write) is skipped.
  explicit CsvScanner(llvm::StringRef Text);

  /// Reads the next record, skipping blank lines. False at the end of the
  /// text, or after a fatal error: an unterminated quoted cell, which leaves
  /// the rest of the file unreadable.
  bool next(CsvRecord &R);

  bool failed() const { return !Fatal.empty(); }
  const std::string &fatalMessage() const { return Fatal; }
  uint32_t fatalLine() const { return FatalLine; }
  uint32_t fatalCell() const { return FatalCell; }

private:
  bool atLineEnd() const { return P == End || *P == '\n' || *P == '\r'; }
  void skipLineEnd();

  const char *P;
  const char *End;
  uint32_t Line = 1;
  std::string Fatal;
  uint32_t FatalLine = 0, FatalCell = 0;
};

} // namespace certc::ledger::detail

#endif
