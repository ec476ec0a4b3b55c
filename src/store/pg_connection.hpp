// RAII for a PostgreSQL store through libpq: a connection, results, transactions retried on
// serialization failures, and connection strings that never show their password.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace casestat {

// Is this --db a PostgreSQL connection string rather than a file? postgresql:// and
// postgres:// URIs, and libpq's keyword strings ("host=/run/pg dbname=province").
bool is_connection_string(std::string_view db);

// The connection string as it may be shown in a message or a log: a password (in a URI's user
// part, as ?password=, or as password=...) is replaced by ***.
std::string redact_connection(std::string_view db);
// Does it name a password (in a URI's user part, ?password= or password=)?
bool holds_password(const std::string& conninfo);

// A failure of the server, with its SQLSTATE (40001 serialization failure, 40P01 deadlock,
// 42501 permission denied, ...), said with the store's redacted name.
class PgFailure : public Error {
 public:
  PgFailure(Exit code, const std::string& message, std::string sqlstate)
      : Error(code, message), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }
  // The transaction lost a race with another one and may simply be run again.
  bool retryable() const { return sqlstate_ == "40001" || sqlstate_ == "40P01" || sqlstate_ == "23505"; }

 private:
  std::string sqlstate_;
};

class PgResult {
 public:
  explicit PgResult(PGresult* result = nullptr) : result_(result) {}
  ~PgResult() { PQclear(result_); }
  PgResult(PgResult&& other) noexcept : result_(other.result_) { other.result_ = nullptr; }
  PgResult& operator=(PgResult&& other) noexcept;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;

  int rows() const { return PQntuples(result_); }
  int columns() const { return PQnfields(result_); }
  bool is_null(int row, int column) const { return PQgetisnull(result_, row, column) == 1; }
  std::string_view text(int row, int column) const;
  int64_t integer(int row, int column) const;  // 0 for NULL
  PGresult* handle() const { return result_; }

 private:
  PGresult* result_;
};

using PgParams = std::vector<std::optional<std::string>>;  // std::nullopt: NULL

class PgConnection {
 public:
  // Connects; a connection string that holds a password is refused (usage): passwords come
  // from libpq's own means (~/.pgpass, PGPASSWORD, a service file), never from --db.
  explicit PgConnection(const std::string& conninfo);
  ~PgConnection() { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  const std::string& name() const { return name_; }  // redacted, for messages
  // One statement (or several without parameters); throws PgFailure naming `doing`, a message
  // marked N_("...") and said in the user's language.
  PgResult exec(std::string_view sql, const char* doing = N_("querying"));
  PgResult exec(std::string_view sql, const PgParams& params, const char* doing = N_("querying"));
  // COPY ... FROM STDIN: begin, put lines of COPY's text format, end (which throws on failure).
  void copy_begin(std::string_view sql);
  void copy_put(std::string_view data);
  void copy_end();
  PGconn* handle() const { return conn_; }

 private:
  [[noreturn]] void fail(const PGresult* result, const char* doing) const;
  PGconn* conn_ = nullptr;
  std::string name_;
};

// BEGIN ... COMMIT; rolled back unless commit() was called (a failed or killed client leaves
// nothing: the server rolls back a transaction whose connection is gone).
class PgTransaction {
 public:
  explicit PgTransaction(PgConnection& conn, std::string_view begin = "BEGIN");
  ~PgTransaction();
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;
  void commit();

 private:
  PgConnection& conn_;
  bool done_ = false;
};

// Runs `work` (which opens its own PgTransaction) again when it lost a race with another
// transaction (serialization failure, deadlock, a unique key taken meanwhile): the user never
// sees those, only a failure that stays after many attempts.
void retry_transaction(const std::function<void()>& work);

// COPY's text format: backslash, tab, newline and carriage return escaped.
void append_copy_text(std::string& line, std::string_view text);

}  // namespace casestat
