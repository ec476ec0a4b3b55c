// Translations in a context (msgctxt, core/i18n.hpp), for an English word that two places use
// with different meanings: "error" as a message's kind ("错误") and "1 error" counted ("1 个错误").
//   pgettext_("count", "error")   the translation (xgettext keyword pgettext_:1c,2)
//   NC_("count", "error")         marks one for xgettext (keyword NC_:1c,2)
#pragma once

namespace casestat {

const char* pgettext_(const char* context, const char* msgid);

constexpr const char* NC_(const char* /*context*/, const char* msgid) { return msgid; }

}  // namespace casestat
