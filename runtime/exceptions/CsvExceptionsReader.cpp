// The CSV exceptions file, for staff who keep exceptions in a spreadsheet: a
// header row naming the columns (any order), then one row per exception; an
// empty cell is a field not given.
#include "exceptions/Record.h"

#include "ledger/CsvScanner.h"
#include "ledger/FieldDecoding.h"

namespace certc::exceptions {

ExceptionsFile readExceptionsCsv(const ir::Policy &P, llvm::StringRef FileName, llvm::StringRef Text) {
  ExceptionsFile Out;
  ledger::detail::CsvScanner Scanner(Text);
  ledger::detail::CsvRecord Row;
  std::vector<std::string> Columns;
  if (Scanner.next(Row)) {
    for (size_t C = 0; C < Row.Cells.size(); ++C) {
      llvm::StringRef Name = Row.Cells[C].Text.trim();
      llvm::ArrayRef<llvm::StringRef> Known = detail::fieldNames();
      if (!llvm::is_contained(Known, Name))
        detail::fileError(Out, FileName, Row.Line, static_cast<uint32_t>(C + 1),
                          "unknown column " + ledger::detail::quote(Name) +
                              ledger::detail::didYouMean(Name, {Known.begin(), Known.end()}) +
                              "; no member is audited with this file");
      else if (llvm::is_contained(Columns, Name))
        detail::fileError(Out, FileName, Row.Line, static_cast<uint32_t>(C + 1),
                          "column " + ledger::detail::quote(Name) + " appears twice; no member is audited with this file");
      Columns.push_back(Name.str());
    }
  }
  for (size_t Number = 1; !Out.Unreadable && Scanner.next(Row); ++Number) {
    detail::Record R;
    R.Number = Number;
    R.Line = Row.Line;
    R.Col = 1;
    for (size_t C = 0; C < Row.Cells.size(); ++C) {
      if (C >= Columns.size()) {
        detail::fileError(Out, FileName, Row.Cells[C].Line, static_cast<uint32_t>(C + 1),
                          "row has more cells than the header has columns; no member is audited with this file");
        break;
      }
      if (Row.Cells[C].Text.empty())
        continue;
      detail::RecordField F;
      F.Name = Columns[C];
      F.Text = Row.Cells[C].Text.str();
      F.Line = Row.Cells[C].Line;
      F.Col = static_cast<uint32_t>(C + 1);
      R.Fields.push_back(std::move(F));
    }
    for (const ledger::detail::CsvProblem &Problem : Row.Problems)
      detail::fileError(Out, FileName, Problem.Line, Problem.Cell + 1, Problem.Message);
    if (!Out.Unreadable)
      detail::decodeRecord(P, FileName, R, Out);
  }
  if (Scanner.failed())
    detail::fileError(Out, FileName, Scanner.fatalLine(), Scanner.fatalCell() + 1,
                      Scanner.fatalMessage() + "; no member is audited with this file");
  Out.groupByMember();
  return Out;
}

} // namespace certc::exceptions
