// One exception record as either file format writes it (named text fields
// with their places), decoded once for both formats.
#ifndef CERTC_EXCEPTIONS_RECORD_H
#define CERTC_EXCEPTIONS_RECORD_H

#include "exceptions/Exceptions.h"

#include <string>
#include <vector>

namespace certc::exceptions::detail {

struct RecordField {
  std::string Name;
  std::string Text;
  /// Why the value is not text or a number ("an object"), when it is not: JSON only.
  std::string WrongType;
  bool IsNumber = false; ///< a JSON number (its source text is Text)
  uint32_t Line = 0, Col = 0;
};

struct Record {
  size_t Number = 0; ///< 1-based, in the file
  uint32_t Line = 0, Col = 0;
  std::vector<RecordField> Fields;
};

/// The field names a record may have.
llvm::ArrayRef<llvm::StringRef> fieldNames();

/// Checks R against the policy and appends the exception, or its errors, to Out.
void decodeRecord(const ir::Policy &P, llvm::StringRef FileName, const Record &R, ExceptionsFile &Out);

/// A file-level error (syntax, header): the file cannot be used.
void fileError(ExceptionsFile &Out, llvm::StringRef FileName, uint32_t Line, uint32_t Col, std::string Message);

} // namespace certc::exceptions::detail

#endif
