// A staff exception to a policy, for one member: credit an item to a category
// (substitution), exclude an item, waive a prerequisite, or grant points to a
// category, each with who granted it, when and why. The file formats that
// hold them are in docs/exceptions-format.md; the readers in runtime/exceptions.
#ifndef CERTC_EVAL_STAFFEXCEPTION_H
#define CERTC_EVAL_STAFFEXCEPTION_H

#include "base/Date.h"
#include "base/Rational.h"
#include "ir/IR.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>

namespace certc::eval {

struct StaffException {
  enum class Action : uint8_t {
    Credit,  ///< Item counts in Category, pinned there (Points, or the rule's points)
    Exclude, ///< Item is not credited
    Waive,   ///< Prerequisite counts as met
    Grant,   ///< Points count in Category, as an item of their own
  };
  Action A = Action::Credit;
  std::string Id;     ///< the record's `id`, or "exception N" (its place in the file)
  std::string Member;
  std::string Item;                   ///< Credit, Exclude: an activity id of the member
  uint32_t Category = ir::None;       ///< Credit, Grant
  uint32_t Prerequisite = ir::None;   ///< Waive
  std::optional<Rational> Points;     ///< Grant; Credit when stated
  std::string By;
  Date On;
  std::string Reason;

  /// Where the record is, and its `member` and `item` values, for the errors
  /// found only when the member is audited.
  std::string File;
  uint32_t Line = 0, Col = 0;
  uint32_t MemberLine = 0, MemberCol = 0;
  uint32_t ItemLine = 0, ItemCol = 0;
};

/// "credit", "exclude", "waive", "grant": the action as the files write it.
llvm::StringRef actionName(StaffException::Action A);

} // namespace certc::eval

#endif
