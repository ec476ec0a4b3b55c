#include "core/i18n.hpp"
#include "core/i18n_context.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace casestat {

namespace {
constexpr const char* kDomain = "casestat";

std::string locale_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("CASESTAT_LOCALEDIR"); env && *env) return env;
  // bin/../share/locale: an installed tree wherever it was put, and the build tree, whose
  // build/share/locale holds the catalogs compiled from po/.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path beside = exe.parent_path().parent_path() / "share" / "locale";
    if (fs::is_directory(beside, ec)) return beside.string();
  }
  return CASESTAT_INSTALL_LOCALEDIR;
}
}  // namespace

void init_messages() {
  // Only the language of messages comes from the environment. LC_CTYPE, LC_NUMERIC, LC_COLLATE
  // and the rest stay "C": strtod, printf, strcoll and the character classes then behave the
  // same for every user, and gettext writes UTF-8 (bind_textdomain_codeset) whatever LC_CTYPE
  // says. A locale that is not installed leaves messages in English.
  if (std::setlocale(LC_MESSAGES, "") == nullptr) return;
  const std::string dir = locale_dir();
  ::bindtextdomain(kDomain, dir.c_str());
  ::bind_textdomain_codeset(kDomain, "UTF-8");
  ::textdomain(kDomain);
}

const char* _(const char* msgid) { return ::dgettext(kDomain, msgid); }

const char* ngettext_(const char* singular, const char* plural, unsigned long n) {
  return ::dngettext(kDomain, singular, plural, n);
}

const char* pgettext_(const char* context, const char* msgid) {
  const std::string key = std::string(context) + '\004' + msgid;
  const char* text = ::dgettext(kDomain, key.c_str());
  return text == key.c_str() ? msgid : text;
}

std::string translated_format(std::string_view english) {
  const std::string id(english);
  const char* text = ::dgettext(kDomain, id.c_str());
  return text == id.c_str() ? id : std::string(text);
}

}  // namespace casestat
