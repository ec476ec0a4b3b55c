// Messages in the user's language: GNU gettext (libintl in glibc), text domain "casestat".
// English is the source language and the fallback. The catalogs are po/*.po, compiled into
// share/locale/LANG/LC_MESSAGES/casestat.mo (po/CMakeLists.txt).
//
//   casestat::cli::run calls init_messages() once; before it (and in the unit tests, which
//   never call it) every _() returns its English argument.
//   _("text")   the translation of a message (xgettext keyword)
//   N_("text")  marks a message for xgettext whose translation is looked up later
//
// Only the words of messages follow the language (LC_MESSAGES): numbers, parsing, sorting
// and character classes stay as in the "C" locale, so what a tool writes for machines (JSON,
// CSV, the store, exit codes) is the same in every language.
#pragma once

#include <string>
#include <string_view>

namespace casestat {

// Chooses the language of messages from LANGUAGE, LC_ALL, LC_MESSAGES and LANG, and the folder
// of the catalogs: $CASESTAT_LOCALEDIR, else share/locale beside the executable's bin/ (the
// build tree's build/share/locale too), else the installed one.
void init_messages();

// The translation of `msgid`, or `msgid` itself.
const char* _(const char* msgid);
// The translation with plural forms (English: n == 1 picks `singular`).
const char* ngettext_(const char* singular, const char* plural, unsigned long n);

constexpr const char* N_(const char* msgid) { return msgid; }

// The translation of a fmt format string, used with fmt::runtime: the English format when the
// translation does not format the same arguments (a catalog mistake must not hide the message).
std::string translated_format(std::string_view english);

}  // namespace casestat
