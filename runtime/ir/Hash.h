// The content hash that ties a compiled IR file to what the compiler wrote.
#ifndef CERTC_IR_HASH_H
#define CERTC_IR_HASH_H

#include "ir/IR.h"

#include <string>

namespace certc::ir {

/// Lowercase hex SHA-256 of writePolicyJson(P) with P.ContentHash cleared. It
/// depends only on the policy's content, so it also names a policy in reports.
std::string computeContentHash(const Policy &P);

} // namespace certc::ir

#endif
