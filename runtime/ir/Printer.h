// The human-readable form of a policy's IR (`certc build --emit=ir`).
#ifndef CERTC_IR_PRINTER_H
#define CERTC_IR_PRINTER_H

#include "ir/IR.h"

#include <string>

namespace certc::ir {

/// Header, schema, categories, requirements, spillovers, prerequisites, caps and
/// rules, with expressions as readable text and source locations as
/// file:line:col. Deterministic, and safe on unverified policies (bad indices
/// print as "#N").
std::string printPolicy(const Policy &P);

} // namespace certc::ir

#endif
