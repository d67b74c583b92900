// A conservative model of what a conjunction of conditions allows, per field:
// enough to prove two rules disjoint or one rule contradictory. Anything the
// model does not understand constrains nothing (so it never invents a conflict).
#ifndef CERTC_CHECK_CONSTRAINTS_H
#define CERTC_CHECK_CONSTRAINTS_H

#include "check/Sema.h"

#include <map>

namespace certc {

struct FieldDomain {
  uint64_t AllowedValues = ~uint64_t(0); ///< enumerations
  std::optional<Rational> Lo, Hi;        ///< numbers and dates (day numbers)
  bool LoOpen = false, HiOpen = false;
  std::optional<bool> MustBe;            ///< bools
  std::optional<bool> Given;
  ast::SMRange LastRange;                ///< the atom that narrowed it last

  bool empty() const;
  void intersect(const FieldDomain &Other);
};

class Constraints {
public:
  /// Adds what E (known true) implies; Kind is the context of E's bare names.
  void add(const ast::Expr &E, const sema::Sema &S, sema::KindId Kind);
  void merge(const Constraints &Other);
  /// The first field whose domain is empty, or null.
  const FieldDomain *contradiction() const;

private:
  void narrow(const std::string &Key, FieldDomain D);
  std::map<std::string, FieldDomain> Fields;
};

} // namespace certc

#endif
