// JSON records (the ones dyad's writers produce) as Python objects and as the columns of
// a table, for the pandas DataFrames of the dyad package.
#ifndef DYAD_PYTHON_COLUMNS_H_
#define DYAD_PYTHON_COLUMNS_H_

#include <pybind11/pybind11.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dyad::python {

namespace py = pybind11;

// The value as Python objects: objects become dicts, arrays lists, null None.
py::object ToPython(const nlohmann::json& j);

// Flattens records into columns: a nested object's members become columns named
// "parent_member" ({"source": {"code": ...}} -> "source_code"), a two-number array named
// "span" (or "…_span") two columns "…_begin" and "…_end"; other arrays, and the members
// named in `keep` (such as "metadata"), stay whole as Python lists and dicts. Columns
// appear in the order first met; a record without a column has None there.
class Columns {
 public:
  explicit Columns(std::set<std::string> keep = {}) : keep_(std::move(keep)) {}

  void Add(const nlohmann::json& record);
  size_t rows() const { return rows_; }
  // {name: list} in column order (a dict keeps insertion order).
  py::dict ToDict();

 private:
  void AddValue(const std::string& name, py::object value);
  void Flatten(const std::string& prefix, const nlohmann::json& j);

  std::set<std::string> keep_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<py::list> columns_;
  size_t rows_ = 0;
};

}  // namespace dyad::python

#endif  // DYAD_PYTHON_COLUMNS_H_
