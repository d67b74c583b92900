// Collects a reader's errors, names members and activities once known, bounds the count.
#ifndef CERTC_LEDGER_ERRORSINK_H
#define CERTC_LEDGER_ERRORSINK_H

#include "ledger/Ledger.h"

#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <string>
#include <vector>

namespace certc::ledger::detail {

class ErrorSink {
public:
  ErrorSink(std::vector<LedgerError> &Out, size_t MaxErrors) : Out(Out), Max(MaxErrors) {}

  /// The file that later reports are about.
  void setFile(llvm::StringRef Name) { File = Name.str(); }

  void report(uint32_t Line, uint32_t Col, llvm::StringRef Member, llvm::StringRef Activity,
              llvm::StringRef Field, std::string Message);
  void report(uint32_t Line, uint32_t Col, llvm::StringRef Field, std::string Message) {
    report(Line, Col, {}, {}, Field, std::move(Message));
  }

  /// Adds an error another sink kept (a part of a file read on its own).
  void add(LedgerError &&E);
  /// Counts N errors another sink did not keep, in the current file.
  void addUnlisted(size_t N);

  /// Errors reported so far, including those not kept. Readers compare counts
  /// to tell whether a member or activity had an error.
  size_t count() const { return Count; }
  /// A position in the kept errors, for naming the ones reported after it.
  size_t mark() const { return Out.size(); }
  /// Fills in the member (activity) id of kept errors since Mark that lack one.
  void nameMember(size_t Mark, llvm::StringRef Id);
  void nameActivity(size_t Mark, llvm::StringRef Id);

  /// Sorts the kept errors by file order (stable, so same-place errors keep
  /// their order) and adds the count of those not kept. Files are ordered as
  /// setFile first named them.
  void finish();

private:
  /// Counts one error; false when it is beyond the limit (counted, not kept).
  bool keep();
  /// Records the current file's place in FileOrder.
  void noteFile();
  void countUnlisted(size_t N);

  std::vector<LedgerError> &Out;
  size_t Max;
  size_t Count = 0;
  std::string File;
  std::vector<std::string> FileOrder;
  /// Errors not kept, by file (in FileOrder's order once finished): the count
  /// must name the file they are in.
  std::vector<std::pair<std::string, size_t>> Unlisted;
};

} // namespace certc::ledger::detail

#endif
