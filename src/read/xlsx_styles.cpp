#include "read/xlsx_styles.hpp"

#include <cctype>

namespace casestat {

bool is_date_format(int id, std::string_view code) {
  if (code.empty())
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
  // Only the first section decides (positive numbers).
  bool in_quote = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (in_quote) {
      if (c == '"') in_quote = false;
      continue;
    }
    switch (c) {
      case '"': in_quote = true; break;
      case '\\': case '_': case '*': ++i; break;  // an escaped char, a space the width of one, a fill
      case ';': return false;
      case '[': {
        size_t close = code.find(']', i);
        if (close == std::string_view::npos) return false;
        std::string_view inside = code.substr(i + 1, close - i - 1);
        // [h], [mm], [ss]: elapsed time, a duration; still a time of day count, read as a date/time
        if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 'm' || inside[0] == 'M' ||
                                inside[0] == 's' || inside[0] == 'S') &&
            inside.find_first_not_of("hHmMsS") == std::string_view::npos)
          return true;
        i = close;
        break;
      }
      default: {
        char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's') return true;
        // "General" has an 'e', 'n', 'r', 'a', 'l' and no date letter; E+ is scientific
      }
    }
  }
  return false;
}

}  // namespace casestat
