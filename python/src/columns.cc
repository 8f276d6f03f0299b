#include "columns.h"

#include <string_view>
#include <utility>

namespace dyad::python {

py::object ToPython(const nlohmann::json& j) {
  using T = nlohmann::json::value_t;
  switch (j.type()) {
    case T::null:
    case T::discarded:
      return py::none();
    case T::boolean:
      return py::bool_(j.get<bool>());
    case T::number_integer:
      return py::int_(j.get<int64_t>());
    case T::number_unsigned:
      return py::int_(j.get<uint64_t>());
    case T::number_float:
      return py::float_(j.get<double>());
    case T::string: {
      const std::string& s = j.get_ref<const std::string&>();
      // Stored text is valid UTF-8; "replace" keeps a stray byte from failing a query.
      PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
      if (o == nullptr) throw py::error_already_set();
      return py::reinterpret_steal<py::object>(o);
    }
    case T::array: {
      py::list l;
      for (const nlohmann::json& v : j) l.append(ToPython(v));
      return py::object(std::move(l));
    }
    case T::object: {
      py::dict d;
      for (auto it = j.begin(); it != j.end(); ++it) d[py::str(it.key())] = ToPython(it.value());
      return py::object(std::move(d));
    }
    case T::binary:
      break;
  }
  return py::none();
}

namespace {

bool IsSpan(std::string_view name, const nlohmann::json& j) {
  bool span_name = name == "span" || (name.size() > 5 && name.substr(name.size() - 5) == "_span");
  return span_name && j.is_array() && j.size() == 2 && j[0].is_number() && j[1].is_number();
}

}  // namespace

void Columns::AddValue(const std::string& name, py::object value) {
  auto it = index_.find(name);
  size_t c;
  if (it == index_.end()) {
    c = names_.size();
    index_.emplace(name, c);
    names_.push_back(name);
    py::list column;
    for (size_t r = 0; r < rows_; ++r) column.append(py::none());
    columns_.push_back(std::move(column));
  } else {
    c = it->second;
  }
  py::list& column = columns_[c];
  // A record gives each column once; a repeated name (which flattening cannot make from
  // well-formed records) overwrites.
  if (py::len(column) > rows_) {
    column[rows_] = std::move(value);
  } else {
    column.append(std::move(value));
  }
}

void Columns::Flatten(const std::string& prefix, const nlohmann::json& j) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    std::string name = prefix.empty() ? it.key() : prefix + "_" + it.key();
    const nlohmann::json& v = it.value();
    if (keep_.count(name) != 0) {
      AddValue(name, ToPython(v));
    } else if (v.is_object()) {
      Flatten(name, v);
    } else if (IsSpan(name, v)) {
      AddValue(name + "_begin", ToPython(v[0]));
      AddValue(name + "_end", ToPython(v[1]));
    } else {
      AddValue(name, ToPython(v));
    }
  }
}

void Columns::Add(const nlohmann::json& record) {
  if (record.is_object()) Flatten("", record);
  ++rows_;
  for (py::list& column : columns_) {
    if (py::len(column) < rows_) column.append(py::none());
  }
}

py::dict Columns::ToDict() {
  py::dict d;
  for (size_t c = 0; c < names_.size(); ++c) d[py::str(names_[c])] = columns_[c];
  return d;
}

}  // namespace dyad::python
