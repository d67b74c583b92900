// The operator table, in the order of enum Op.
#include "ir/OpInfo.h"

#include <iterator>

namespace certc::ir {

namespace {
constexpr uint32_t Many = UINT32_MAX;

// Name, A key, A signed, cmp, mask, pairs, min args, max args.
const OpInfo Table[] = {
    {"const", "const", false, false, false, false, 0, 0},
    {"activity_field", "field", false, false, false, false, 0, 0},
    {"member_field", "field", false, false, false, false, 0, 0},
    {"audit_date", nullptr, false, false, false, false, 0, 0},
    {"not", nullptr, false, false, false, false, 1, 1},
    {"and", nullptr, false, false, false, false, 1, Many},
    {"or", nullptr, false, false, false, false, 1, Many},
    {"compare", nullptr, false, true, false, false, 2, 2},
    {"in_set", "enum", false, false, true, false, 1, 1},
    {"set_contains", "position", false, false, false, false, 1, 1},
    {"set_within", nullptr, false, false, true, false, 1, 1},
    {"is_given", nullptr, false, false, false, false, 1, 1},
    {"set_size", nullptr, false, false, false, false, 1, 1},
    {"years_between", nullptr, false, false, false, false, 1, 2},
    {"holds", "designation", false, false, false, false, 0, 0},
    {"awarded_on", "designation", false, false, false, false, 0, 0},
    {"add_months", "months", true, false, false, false, 1, 1},
    {"add_days", "days", true, false, false, false, 1, 1},
    {"count_activities", "kind", false, false, false, false, 0, 1},
    {"no_other_same", "kind", false, false, false, true, 0, 0},
    {"no_earlier_same", "kind", false, false, false, true, 0, 0},
    {"count_distinct", "kind", false, false, false, true, 0, 1},
    {"later_date", nullptr, false, false, false, false, 2, 2},
    {"period_start", nullptr, false, false, false, false, 0, 0},
    {"period_end", nullptr, false, false, false, false, 0, 0},
    {"months_between", nullptr, false, false, false, false, 2, 2},
    {"earlier_date", nullptr, false, false, false, false, 2, 2},
    {"period_number", nullptr, false, false, false, false, 0, 0},
    {"first_day_of_month", nullptr, false, false, false, false, 1, 1},
    {"last_day_of_month", nullptr, false, false, false, false, 1, 1},
    {"month_of", nullptr, false, false, false, false, 1, 1},
    {"first_letter", nullptr, false, false, false, false, 1, 1},
    {"text_in_range", nullptr, false, false, false, false, 3, 3},
};
static_assert(std::size(Table) == size_t(Op::TextInRange) + 1,
              "every Op needs a row in the table");
} // namespace

const OpInfo *opInfo(Op O) {
  size_t I = static_cast<size_t>(O);
  return I < std::size(Table) ? &Table[I] : nullptr;
}

std::optional<Op> parseOp(llvm::StringRef Name) {
  for (size_t I = 0; I < std::size(Table); ++I)
    if (Name == Table[I].Name)
      return static_cast<Op>(I);
  return std::nullopt;
}

llvm::StringRef opName(Op O) {
  const OpInfo *Info = opInfo(O);
  return Info ? Info->Name : "invalid";
}

} // namespace certc::ir
