// Thin RAII wrappers over the SQLite C API: a connection and a prepared statement.
// Every failure throws StoreError with SQLite's message and the statement's purpose,
// so callers never check return codes.
#ifndef DYAD_STORE_SQLITE_H_
#define DYAD_STORE_SQLITE_H_

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace dyad {

// Any failure of the store: cannot open, newer schema, I/O error, constraint violation.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SqliteDb {
 public:
  // Opens (creating when `create`) the database file at `path`; read_only opens it
  // without write access. Throws StoreError naming the path.
  SqliteDb(const std::string& path, bool read_only, bool create);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements without results (DDL, PRAGMA, BEGIN/COMMIT).
  void Exec(const char* sql);
  // Exec that reports failure by its result: for ROLLBACK on paths already failing.
  bool TryExec(const char* sql) noexcept;
  // True when no transaction is open (SQLite rolls back by itself after some errors).
  bool autocommit() const;
  // The integer a single-row, single-column query returns (PRAGMA user_version, count).
  int64_t QueryInt(const char* sql);

  int64_t changes() const;
  int64_t last_insert_rowid() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// A prepared statement. Bind parameters are 1-based like SQLite's; columns 0-based.
// Step() returns true while a row is available; Reset() makes it reusable.
class SqliteStatement {
 public:
  SqliteStatement(SqliteDb& db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // The bound text is copied (SQLITE_TRANSIENT) unless it outlives the step: use
  // BindStatic for text that stays valid until Reset().
  void Bind(int index, std::string_view text);
  void BindStatic(int index, std::string_view text);
  void BindBlob(int index, std::string_view bytes);  // copied
  void Bind(int index, int64_t value);
  void Bind(int index, double value);
  void BindNull(int index);

  bool Step();
  // Steps a statement expected to return no rows (INSERT, UPDATE) and resets it.
  void Run();
  void Reset();

  int ColumnCount() const;
  int64_t ColumnInt(int col) const;
  double ColumnDouble(int col) const;
  std::string_view ColumnText(int col) const;  // valid until the next Step/Reset
  std::string_view ColumnBlob(int col) const;  // valid until the next Step/Reset
  bool ColumnIsNull(int col) const;

 private:
  [[noreturn]] void Fail(int rc) const;

  SqliteDb& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace dyad

#endif  // DYAD_STORE_SQLITE_H_
