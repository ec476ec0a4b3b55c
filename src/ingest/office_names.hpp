// The offices of a ledger's rows as the site names them: an alias in 承办单位 becomes the
// office's own name (fields/offices.hpp), and names the site does not know are counted so that
// casestat-import and casestat-check can say so.
#pragma once

#include "fields/dictionary.hpp"
#include "fields/offices.hpp"
#include "fields/sheet_reader.hpp"

namespace casestat {

// The extras key that keeps what the ledger said when the office's own name was stored instead.
inline constexpr const char* kOfficeAsWritten = "承办单位（台账原文）";

class OfficeNames {
 public:
  OfficeNames(const Offices& offices, const Dictionary& dictionary);
  // The record itself, or (for an alias) a copy holding the office's own name, with the
  // ledger's word kept in its extras under kOfficeAsWritten. Valid until the next call.
  const Record& apply(const Record& record);
  // Names met since the last take_unknown() that the site does not know (none when the site
  // lists no offices).
  UnknownOffices take_unknown();

 private:
  const Offices& offices_;
  const Field* unit_ = nullptr;
  UnknownOffices unknown_;
  Record renamed_;
};

}  // namespace casestat
