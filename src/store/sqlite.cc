#include "store/sqlite.h"

#include <sqlite3.h>

#include <mutex>

namespace dyad {

SqliteDb::SqliteDb(const std::string& path, bool read_only, bool create) : path_(path) {
  // Memory statistics cost a global mutex on every allocation, shared by all connections;
  // dyad never reads them. Only possible before SQLite initialises (else a no-op).
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  // Each connection is used by one thread at a time; SQLite's own mutexes are not needed.
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw StoreError("cannot open store " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(db_, 1);
}

SqliteDb::~SqliteDb() { sqlite3_close_v2(db_); }

void SqliteDb::Exec(const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw StoreError("store " + path_ + ": " + msg);
  }
}

bool SqliteDb::TryExec(const char* sql) noexcept {
  return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool SqliteDb::autocommit() const { return sqlite3_get_autocommit(db_) != 0; }

int64_t SqliteDb::QueryInt(const char* sql) {
  SqliteStatement st(*this, sql);
  if (!st.Step()) throw StoreError("store " + path_ + ": no result for: " + sql);
  return st.ColumnInt(0);
}

int64_t SqliteDb::changes() const { return sqlite3_changes64(db_); }

int64_t SqliteDb::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

SqliteStatement::SqliteStatement(SqliteDb& db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v3(db.handle(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    throw StoreError("store " + db.path() + ": " + sqlite3_errmsg(db.handle()) + " in: " +
                     std::string(sql));
  }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

void SqliteStatement::Fail(int rc) const {
  std::string msg = sqlite3_errmsg(db_.handle());
  if (msg.empty() || msg == "not an error") msg = sqlite3_errstr(rc);
  const char* sql = sqlite3_sql(stmt_);
  throw StoreError("store " + db_.path() + ": " + msg + (sql ? std::string(" in: ") + sql : ""));
}

void SqliteStatement::Bind(int index, std::string_view text) {
  int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8);
  if (rc != SQLITE_OK) Fail(rc);
}

void SqliteStatement::BindStatic(int index, std::string_view text) {
  int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC,
                               SQLITE_UTF8);
  if (rc != SQLITE_OK) Fail(rc);
}

void SqliteStatement::BindBlob(int index, std::string_view bytes) {
  int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) Fail(rc);
}

void SqliteStatement::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) Fail(rc);
}

void SqliteStatement::Bind(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) Fail(rc);
}

void SqliteStatement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) Fail(rc);
}

bool SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Leave the statement reusable even though this step failed.
  sqlite3_reset(stmt_);
  Fail(rc);
}

void SqliteStatement::Run() {
  Step();
  Reset();
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t SqliteStatement::ColumnInt(int col) const { return sqlite3_column_int64(stmt_, col); }

double SqliteStatement::ColumnDouble(int col) const { return sqlite3_column_double(stmt_, col); }

int SqliteStatement::ColumnCount() const { return sqlite3_column_count(stmt_); }

std::string_view SqliteStatement::ColumnText(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

std::string_view SqliteStatement::ColumnBlob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (p == nullptr) return {};
  return {static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

bool SqliteStatement::ColumnIsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

}  // namespace dyad
