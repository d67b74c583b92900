// English ordinals ("1st", "2nd", "3rd", "11th", "21st"): how policies write
// `every 3rd period` and how reports word it back.
#ifndef CERTC_BASE_ORDINAL_H
#define CERTC_BASE_ORDINAL_H

#include <cstdint>
#include <string>

namespace certc {

inline const char *ordinalSuffix(uint64_t N) {
  if (N % 100 >= 11 && N % 100 <= 13)
    return "th";
  switch (N % 10) {
  case 1: return "st";
  case 2: return "nd";
  case 3: return "rd";
  default: return "th";
  }
}

inline std::string ordinalText(uint64_t N) { return std::to_string(N) + ordinalSuffix(N); }

} // namespace certc

#endif
