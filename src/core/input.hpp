// The one input layer: a file named on the command line, or "-" for standard input.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace casestat {

// An input file. Standard input is copied to a private temporary file on first use, because
// xlsx (zip) and xls readers need to seek; the copy is removed when the Input is destroyed.
class Input {
 public:
  explicit Input(std::string argument);  // a path, or "-"
  ~Input();
  Input(Input&&) noexcept;
  Input& operator=(Input&&) = delete;
  Input(const Input&) = delete;

  bool is_stdin() const { return argument_ == "-"; }
  // The argument as given: a path, or "-".
  const std::string& argument() const { return argument_; }
  // The name used in messages: the path as the user typed it, or "Standard Input".
  const std::string& display_name() const { return display_; }
  // A path a library can open (the temporary copy for standard input). Throws Error when the
  // file does not exist or cannot be read.
  const std::filesystem::path& path();
  // The whole content (for hashing and for CSV).
  std::string read_all();

 private:
  std::string argument_;
  std::string display_;
  std::filesystem::path path_;
  bool temp_ = false;
};

// No file arguments means standard input.
std::vector<std::string> inputs_or_stdin(std::vector<std::string> files);

// Reads a whole file; a system error names the file.
std::string read_file(const std::filesystem::path& path, const std::string& display_name);

}  // namespace casestat
