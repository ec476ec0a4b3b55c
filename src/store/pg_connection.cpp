#include "store/pg_connection.hpp"

#include <unistd.h>

#include <charconv>
#include <memory>
#include <random>

namespace casestat {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_uri(std::string_view db) { return starts_with(db, "postgresql://") || starts_with(db, "postgres://"); }

// libpq's own words, on one line, without the trailing newline.
std::string one_line(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

struct ConninfoOptions {
  PQconninfoOption* options = nullptr;
  ~ConninfoOptions() { PQconninfoFree(options); }
};

}  // namespace

bool is_connection_string(std::string_view db) {
  if (is_uri(db)) return true;
  // A keyword string names at least one keyword=value; a file name with '=' and a space in it
  // would be a strange store name, and libpq must accept it as a whole.
  if (db.find('=') == std::string_view::npos) return false;
  std::string text(db);
  ConninfoOptions parsed;
  char* error = nullptr;
  parsed.options = PQconninfoParse(text.c_str(), &error);
  PQfreemem(error);
  return parsed.options != nullptr;
}

std::string redact_connection(std::string_view db) {
  std::string out(db);
  if (is_uri(db)) {
    size_t start = out.find("://") + 3;
    size_t end = out.find_first_of("/?", start);
    if (end == std::string::npos) end = out.size();
    size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
    for (size_t key = out.find("password="); key != std::string::npos; key = out.find("password=", key + 1)) {
      size_t value = key + 9;
      size_t stop = out.find('&', value);
      out.replace(value, (stop == std::string::npos ? out.size() : stop) - value, "***");
    }
    return out;
  }
  // Keyword strings: rebuilt from libpq's own parse, so that quoting cannot hide a password.
  if (!holds_password(out)) return out;
  ConninfoOptions parsed;
  char* error = nullptr;
  parsed.options = PQconninfoParse(out.c_str(), &error);
  PQfreemem(error);
  if (!parsed.options) return out.find("password") == std::string::npos ? out : "(a connection string)";
  std::string rebuilt;
  for (PQconninfoOption* o = parsed.options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string_view keyword = o->keyword;
    rebuilt += (rebuilt.empty() ? "" : " ") + std::string(keyword) + "=" + (keyword == "password" ? "***" : o->val);
  }
  return rebuilt;
}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
  if (this != &other) {
    PQclear(result_);
    result_ = other.result_;
    other.result_ = nullptr;
  }
  return *this;
}

std::string_view PgResult::text(int row, int column) const {
  return {PQgetvalue(result_, row, column), static_cast<size_t>(PQgetlength(result_, row, column))};
}

int64_t PgResult::integer(int row, int column) const {
  std::string_view s = text(row, column);
  int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool holds_password(const std::string& conninfo) {
  ConninfoOptions parsed;
  char* error = nullptr;
  parsed.options = PQconninfoParse(conninfo.c_str(), &error);
  PQfreemem(error);
  if (!parsed.options) return conninfo.find("password") != std::string::npos;
  for (PQconninfoOption* o = parsed.options; o->keyword; ++o)
    if (std::string_view(o->keyword) == "password" && o->val) return true;
  return false;
}

PgConnection::PgConnection(const std::string& conninfo) : name_(redact_connection(conninfo)) {
  if (holds_password(conninfo))
    usage_error("--db {}: a connection string must not hold the password; put it in ~/.pgpass, PGPASSWORD or a "
                "service file (PGSERVICEFILE) instead",
                name_);
  conn_ = PQconnectdb(conninfo.c_str());
  if (!conn_) system_error("cannot connect to the store {}: out of memory", name_);
  // The destructor does not run for a constructor that throws: the handle is closed here.
  auto refuse = [&](bool connecting) {
    std::string why = one_line(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    if (connecting) system_error("cannot connect to the store {}: {}", name_, why);
    system_error("cannot speak UTF-8 with the store {}: {}", name_, why);
  };
  if (PQstatus(conn_) != CONNECTION_OK) refuse(true);
  if (PQsetClientEncoding(conn_, "UTF8") != 0) refuse(false);
  // Notices (such as "relation already exists, skipping") are not for the clerk.
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
}

void PgConnection::fail(const PGresult* result, const char* doing_msgid) const {
  const char* doing = _(doing_msgid);
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state ? state : "";
  std::string why = result ? one_line(PQresultErrorMessage(result)) : one_line(PQerrorMessage(conn_));
  if (why.empty()) why = one_line(PQerrorMessage(conn_));
  if (sqlstate == "42501")
    throw PgFailure(Exit::system,
                    translate("the store {} refused {} to this role ({}): {}", name_, doing, PQuser(conn_), why),
                    sqlstate);
  throw PgFailure(Exit::system, translate("the store {} failed while {}: {}", name_, doing, why), sqlstate);
}

PgResult PgConnection::exec(std::string_view sql, const char* doing) {
  std::string text(sql);
  PgResult result(PQexec(conn_, text.c_str()));
  auto status = PQresultStatus(result.handle());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result.handle(), doing);
  return result;
}

PgResult PgConnection::exec(std::string_view sql, const PgParams& params, const char* doing) {
  std::string text(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  PgResult result(PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                               nullptr, nullptr, 0));
  auto status = PQresultStatus(result.handle());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result.handle(), doing);
  return result;
}

void PgConnection::copy_begin(std::string_view sql) {
  std::string text(sql);
  PgResult result(PQexec(conn_, text.c_str()));
  if (PQresultStatus(result.handle()) != PGRES_COPY_IN) fail(result.handle(), N_("writing records"));
}

void PgConnection::copy_put(std::string_view data) {
  if (PQputCopyData(conn_, data.data(), static_cast<int>(data.size())) != 1) fail(nullptr, N_("writing records"));
}

void PgConnection::copy_end() {
  if (PQputCopyEnd(conn_, nullptr) != 1) fail(nullptr, N_("writing records"));
  PgResult result(PQgetResult(conn_));
  if (PQresultStatus(result.handle()) != PGRES_COMMAND_OK) {
    PgResult rest;
    while (PGresult* more = PQgetResult(conn_)) rest = PgResult(more);
    fail(result.handle(), N_("writing records"));
  }
  while (PGresult* more = PQgetResult(conn_)) PQclear(more);
}

PgTransaction::PgTransaction(PgConnection& conn, std::string_view begin) : conn_(conn) {
  conn_.exec(begin, N_("starting a transaction"));
}

PgTransaction::~PgTransaction() {
  if (!done_) PQclear(PQexec(conn_.handle(), "ROLLBACK"));
}

void PgTransaction::commit() {
  done_ = true;
  conn_.exec("COMMIT", N_("committing"));
}

void retry_transaction(const std::function<void()>& work) {
  static thread_local std::minstd_rand random(static_cast<unsigned>(::getpid()));
  constexpr int kAttempts = 100;
  for (int attempt = 1;; ++attempt) {
    try {
      work();
      return;
    } catch (const PgFailure& e) {
      if (!e.retryable() || attempt >= kAttempts) throw;
      // A random pause, growing with the attempts, so that the racing transactions part.
      unsigned most = 5000u * static_cast<unsigned>(std::min(attempt, 20));
      ::usleep(1000 + static_cast<useconds_t>(random() % most));
    }
  }
}

void append_copy_text(std::string& line, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\': line += "\\\\"; break;
      case '\t': line += "\\t"; break;
      case '\n': line += "\\n"; break;
      case '\r': line += "\\r"; break;
      default: line += c;
    }
  }
}

}  // namespace casestat
