#include "render/text_template.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

#include "core/error.hpp"
#include "core/input.hpp"
#include "core/paths.hpp"

namespace casestat::render {

namespace fs = std::filesystem;
using nlohmann::json;
using Kind = TemplateTag::Kind;

int line_of(const std::string& text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

namespace {

std::string trim_ascii(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string open_tag(const TemplateTag& tag) {
  return std::string("{{") + (tag.kind == Kind::inverted ? "^" : "#") + tag.name + "}}";
}

}  // namespace

TemplateTag read_tag(std::string_view body_text, bool triple, int line) {
  std::string body = trim_ascii(body_text);
  TemplateTag tag{Kind::variable, "", line, 0, ""};
  if (triple) {
    tag.kind = Kind::unescaped;
    tag.name = body;
  } else if (!body.empty()) {
    switch (body[0]) {
      case '#': tag.kind = Kind::section; break;
      case '^': tag.kind = Kind::inverted; break;
      case '/': tag.kind = Kind::close; break;
      case '>': tag.kind = Kind::partial; break;
      case '&': tag.kind = Kind::unescaped; break;
      case '!': tag.kind = Kind::comment; break;
      case '=': tag.kind = Kind::delimiter; break;
      default: tag.kind = Kind::variable; break;
    }
    tag.name = tag.kind == Kind::variable ? body : trim_ascii(std::string_view(body).substr(1));
  }
  return tag;
}

std::string tag_place(const std::string& display, const TemplateTag& tag) {
  if (!tag.context.empty()) return fmt::format("{}: {}", display, tag.context);
  return fmt::format("{}: line {}", display, tag.line);
}

// Follows kainjow's parser (mustache.hpp, parser::parse) tag for tag, so that what passes here
// parses there; kainjow only reports a byte offset and stops at the first problem.
TemplateFile scan_template(std::string display, std::string text) {
  TemplateFile file{std::move(display), std::move(text), {}};
  const std::string& t = file.text;
  std::string begin = "{{", end = "}}";
  std::vector<TemplateTag> open;
  size_t pos = 0;
  // Lines are counted on from the previous tag, so that scanning stays linear in the file.
  size_t counted_to = 0;
  int line = 1;
  while (true) {
    size_t start = t.find(begin, pos);
    if (start == std::string::npos) break;
    line += static_cast<int>(std::count(t.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                        t.begin() + static_cast<std::ptrdiff_t>(start), '\n'));
    counted_to = start;
    size_t text_before = start - pos;
    size_t contents = start + begin.size();
    bool triple = begin == "{{" && end == "}}" && contents < t.size() && t[contents] == '{';
    const std::string close_delim = triple ? "}}}" : end;
    if (triple) ++contents;
    size_t stop = t.find(close_delim, contents);
    if (stop == std::string::npos)
      data_error("{}: line {}: a tag opened here is never closed (no {})", file.display, line, close_delim);
    std::string body = trim_ascii(std::string_view(t).substr(contents, stop - contents));
    pos = stop + close_delim.size();

    TemplateTag tag{Kind::variable, "", line, text_before, ""};
    if (!triple && !body.empty() && body[0] == '=') {
      // {{=<% %>=}}: new delimiters, neither empty nor holding spaces or '='.
      std::string inner = body.size() >= 2 && body.back() == '=' ? trim_ascii(body.substr(1, body.size() - 2)) : "";
      size_t space = inner.find(' ');
      std::string b = space == std::string::npos ? "" : inner.substr(0, space);
      std::string e = space == std::string::npos ? "" : trim_ascii(inner.substr(space + 1));
      auto valid = [](const std::string& d) {
        return !d.empty() && d.find('=') == std::string::npos &&
               std::none_of(d.begin(), d.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
      };
      if (!valid(b) || !valid(e))
        data_error("{}: line {}: cannot read the delimiter change {}{}{}: write it as {{{{=<% %>=}}}}", file.display,
                   line, begin, body, end);
      begin = b;
      end = e;
      tag.kind = Kind::delimiter;
      file.tags.push_back(tag);
      continue;
    }
    tag = read_tag(body, triple, line);
    tag.text_before = text_before;
    if (tag.name.empty() && tag.kind != Kind::comment)
      data_error("{}: line {}: empty tag {}{}{}: it needs a name", file.display, line, begin, body, end);

    if (tag.kind == Kind::section || tag.kind == Kind::inverted) {
      if (open.size() >= kMaxSectionDepth)
        data_error("{}: line {}: sections nest more than {} deep here (is a {{{{/...}}}} missing?)", file.display, line,
                   kMaxSectionDepth);
      open.push_back(tag);
    } else if (tag.kind == Kind::close) {
      if (open.empty())
        data_error("{}: line {}: {{{{/{}}}}} closes a section that was never opened", file.display, line, tag.name);
      if (open.back().name != tag.name)
        data_error("{}: line {}: {{{{/{}}}}} found while section {} (line {}) is still open: close it first with "
                   "{{{{/{}}}}}",
                   file.display, line, tag.name, open_tag(open.back()), open.back().line, open.back().name);
      open.pop_back();
    }
    file.tags.push_back(tag);
  }
  if (!open.empty())
    data_error("{}: line {}: section {} is never closed (no {{{{/{}}}}})", file.display, open.back().line,
               open_tag(open.back()), open.back().name);

  // Anything kainjow still refuses is reported with its line (a backstop: the checks above
  // should already have said it better).
  kainjow::mustache::mustache parsed{file.text};
  if (!parsed.is_valid()) {
    std::string message = parsed.error_message();
    size_t at = message.rfind(" at ");
    if (at != std::string::npos) {
      size_t offset = std::strtoull(message.c_str() + at + 4, nullptr, 10);
      data_error("{}: line {}: {}", file.display, line_of(file.text, offset), message.substr(0, at));
    }
    data_error("{}: {}", file.display, message);
  }
  return file;
}

namespace {

std::vector<std::string> split_name(const std::string& name) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    parts.push_back(name.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return parts;
}

// Resolves a name as kainjow does: in the innermost scope that holds the whole dotted path.
const json* resolve(const std::vector<const json*>& scopes, const std::string& name) {
  if (name == ".") return scopes.back();
  auto parts = split_name(name);
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
    const json* node = *it;
    for (const auto& part : parts) {
      if (!node->is_object() || !node->contains(part)) {
        node = nullptr;
        break;
      }
      node = &(*node)[part];
    }
    if (node) return node;
  }
  return nullptr;
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

void collect_paths(const json& node, const std::string& prefix, int depth, std::set<std::string>& out) {
  if (!node.is_object() || depth > 4) return;
  for (const auto& [key, child] : node.items()) {
    std::string path = prefix.empty() ? key : prefix + "." + key;
    out.insert(path);
    collect_paths(child, path, depth + 1, out);
  }
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : sep) + item;
  return out;
}

// "(did you mean pil.filed.display?)", or what the nearest existing prefix holds.
std::string suggestion(const std::vector<const json*>& scopes, const std::string& name) {
  std::set<std::string> paths;
  for (const json* scope : scopes) collect_paths(*scope, "", 0, paths);
  size_t best = std::string::npos;
  std::vector<std::string> close;
  for (const auto& p : paths) {
    size_t d = edit_distance(p, name);
    if (d < best) {
      best = d;
      close.clear();
    }
    if (d == best) close.push_back(p);
  }
  if (best != std::string::npos && best <= std::max<size_t>(2, name.size() / 4)) {
    if (close.size() > 5) close.resize(5);
    return " (did you mean " + join(close, ", ") + "?)";
  }
  auto parts = split_name(name);
  for (size_t n = parts.size() - 1; n >= 1; --n) {
    std::vector<std::string> prefix(parts.begin(), parts.begin() + static_cast<std::ptrdiff_t>(n));
    const json* node = resolve(scopes, join(prefix, "."));
    if (node && node->is_object()) {
      std::vector<std::string> keys;
      for (const auto& [key, child] : node->items()) keys.push_back(key);
      return " (" + join(prefix, ".") + " has: " + join(keys, ", ") + ")";
    }
  }
  std::vector<std::string> keys;
  for (const auto& [key, child] : scopes.back()->items()) keys.push_back(key);
  std::string site_hint = parts.size() == 1 ? "; a site setting is set in templates/site.toml or with --set " + name + "=VALUE" : "";
  if (keys.size() > 40) return site_hint.empty() ? "" : " (" + site_hint.substr(2) + ")";
  return " (names here: " + join(keys, ", ") + site_hint + ")";
}

// The names under an object, for "pil.filed is not a value: use pil.filed.display".
std::string value_names(const json& node, const std::string& name) {
  std::vector<std::string> keys;
  for (const auto& [key, child] : node.items())
    if (child.is_null()) keys.push_back(name + "." + key);
  if (keys.size() > 8) keys.resize(8);
  return join(keys, ", ");
}

}  // namespace

TextTemplate::TextTemplate(const fs::path& file, std::string display)
    : path_(file), escaping_(escaping_for(file)), escape_(escaper(escaping_)) {
  if (display.empty()) display = file.string();
  main_ = scan_template(display, read_file(file, display));
  fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  note_used_file(file);
  std::vector<fs::path> candidates = {folder, folder / ".." / "partials"};
  if (fs::path site = site_dir(); !site.empty()) candidates.insert(candidates.begin(), site / "partials");
  candidates.push_back(templates_dir() / "partials");
  std::error_code ec;
  for (const auto& dir : candidates) {
    fs::path canonical = fs::weakly_canonical(dir, ec);
    if (ec) canonical = dir.lexically_normal();
    bool seen = false;
    for (const auto& known : partial_dirs_)
      if (fs::weakly_canonical(known, ec) == canonical) seen = true;
    if (!seen) partial_dirs_.push_back(dir.lexically_normal());
  }
}

TextTemplate::TextTemplate(TemplateFile file, std::function<std::string(const std::string&)> escape)
    : main_(std::move(file)), escaping_(Escaping::none), escape_(std::move(escape)) {}

TextTemplate::~TextTemplate() = default;
TextTemplate::TextTemplate(TextTemplate&&) noexcept = default;

const TemplateFile& TextTemplate::partial(const std::string& name, const TemplateFile& from, int line) {
  auto known = partials_.find(name);
  if (known != partials_.end()) return *known->second;
  std::vector<std::string> looked;
  for (const auto& dir : partial_dirs_) {
    fs::path candidate = dir / (name + ".mustache");
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
      note_used_file(candidate);
      std::string text = read_file(candidate, candidate.string());
      auto file = std::make_unique<TemplateFile>(scan_template(candidate.string(), std::move(text)));
      return *(partials_[name] = std::move(file));
    }
    looked.push_back(dir.string());
  }
  // A misspelt partial name: offer the partials that are there and close to it.
  std::vector<std::string> close;
  for (const auto& dir : partial_dirs_) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      fs::path p = it->path();
      if (p.extension() != ".mustache" || p.stem().has_extension()) continue;  // not bulletin.md.mustache
      std::string candidate = p.stem().string();
      if (edit_distance(candidate, name) <= 2 && std::find(close.begin(), close.end(), candidate) == close.end())
        close.push_back(candidate);
    }
  }
  std::sort(close.begin(), close.end());
  data_error("{}: line {}: unknown partial {{{{> {}}}}}: no {}.mustache in {}{}", from.display, line, name, name,
             join(looked, ", "), close.empty() ? "" : " (did you mean " + join(close, ", ") + "?)");
}

void TextTemplate::check_tags(const TemplateFile& file, std::vector<const json*>& scopes, int depth,
                              uint64_t repeats, Cost& cost) {
  size_t base_depth = scopes.size();
  static const json kNothing = json::object();  // what an inverted section adds: nothing new
  // How often the tags at each open section's level render: a list section multiplies.
  std::vector<uint64_t> levels = {repeats};
  auto times = [](uint64_t a, uint64_t b) { return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b; };
  for (const auto& tag : file.tags) {
    uint64_t now = levels.back();
    cost.tags = cost.tags > UINT64_MAX - now ? UINT64_MAX : cost.tags + now;
    uint64_t text = times(now, tag.text_before);
    cost.bytes = cost.bytes > UINT64_MAX - text ? UINT64_MAX : cost.bytes + text;
    if (cost.tags > kMaxRenderedTags || cost.bytes > kMaxRenderedBytes)
      data_error("{}: line {}: the template would render {} here (partials and sections over lists repeat what "
                 "they hold): is a partial included in itself, or a list section inside another?",
                 file.display, tag.line,
                 cost.tags > kMaxRenderedTags ? translate("more than {} tags", kMaxRenderedTags)
                                              : translate("more than {} MiB", kMaxRenderedBytes >> 20));
    switch (tag.kind) {
      case Kind::comment:
      case Kind::delimiter:
        break;
      case Kind::close:
        scopes.pop_back();
        if (levels.size() > 1) levels.pop_back();
        break;
      case Kind::partial: {
        if (depth >= kMaxPartialDepth)
          data_error("{}: line {}: partials nest more than {} deep: does {{{{> {}}}}} include itself?", file.display,
                     tag.line, kMaxPartialDepth, tag.name);
        const TemplateFile& included = partial(tag.name, file, tag.line);
        check_tags(included, scopes, depth + 1, now, cost);
        break;
      }
      case Kind::variable:
      case Kind::unescaped:
      case Kind::section:
      case Kind::inverted: {
        const json* node = resolve(scopes, tag.name);
        if (!node) data_error("{}: unknown name {}{}", tag_place(file.display, tag), tag.name, suggestion(scopes, tag.name));
        if (tag.kind == Kind::variable || tag.kind == Kind::unescaped) {
          if (node->is_array())
            data_error("{}: {} is a list, not a value: go through it with {{{{#{}}}}}...{{{{/{}}}}}",
                       tag_place(file.display, tag), tag.name, tag.name, tag.name);
          if (node->is_object())
            data_error("{}: {} is not a value: use one of its values ({})", tag_place(file.display, tag), tag.name,
                       value_names(*node, tag.name));
        } else if (tag.kind == Kind::inverted) {
          scopes.push_back(&kNothing);
          levels.push_back(now);
        } else if (node->is_array()) {
          scopes.push_back(node->empty() ? &kNothing : &(*node)[0]);
          std::string last = tag.name.substr(tag.name.rfind('.') + 1);
          auto size = cost.list_sizes.find(last);
          levels.push_back(times(now, size == cost.list_sizes.end() ? 1 : std::max<uint64_t>(1, size->second)));
        } else {
          scopes.push_back(node);
          levels.push_back(now);
        }
        break;
      }
    }
  }
  if (scopes.size() != base_depth) scopes.resize(base_depth);  // cannot happen: scan_template nests
}

namespace {

void collect_list_sizes(const json& node, std::map<std::string, uint64_t>& sizes, int depth) {
  if (depth > 32) return;
  if (node.is_array()) {
    for (const auto& item : node) collect_list_sizes(item, sizes, depth + 1);
  } else if (node.is_object()) {
    for (const auto& [key, child] : node.items()) {
      if (child.is_array()) sizes[key] = std::max<uint64_t>(sizes[key], child.size());
      collect_list_sizes(child, sizes, depth + 1);
    }
  }
}

}  // namespace

void TextTemplate::check(const json& shape, const json* data) {
  std::vector<const json*> scopes = {&shape};
  Cost cost;
  if (data) collect_list_sizes(*data, cost.list_sizes, 0);
  check_tags(main_, scopes, 0, 1, cost);
}

namespace {

// Marks where a standalone tag line was (see standalone_lines); removed from the output.
constexpr char kKeep = '\x1f';

// The Mustache spec removes a line that holds only a section, inverted, closing, comment or
// partial tag (and white space), newline included. kainjow does so only when the section is
// rendered: a skipped {{#groups}} line (an empty list) leaves a blank line, which would end a
// Markdown table early. So such lines are joined to the next one here, and a kKeep mark after
// the tag keeps kainjow from also dropping the next line when it is blank.
std::string standalone_lines(const std::string& text) {
  if (text.find("{{=") != std::string::npos) return text;  // other delimiters: as kainjow does
  std::string out;
  out.reserve(text.size() + 64);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    size_t next = eol == std::string::npos ? text.size() : eol + 1;
    std::string_view line(text.data() + pos, (eol == std::string::npos ? text.size() : eol) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string trimmed = trim_ascii(line);
    bool standalone = trimmed.size() > 4 && trimmed.compare(0, 2, "{{") == 0 &&
                      trimmed.compare(trimmed.size() - 2, 2, "}}") == 0 &&
                      std::string_view("#^/!>").find(trimmed[2]) != std::string_view::npos &&
                      trimmed.find("{{", 2) == std::string::npos && trimmed.find("}}") == trimmed.size() - 2;
    if (standalone) {
      out += trimmed;
      out += kKeep;
    } else {
      out.append(text, pos, next - pos);
    }
    pos = next;
  }
  return out;
}

// kainjow looks partials up among the data's names; we give them from the template's folders
// instead, so a partial can never be shadowed by (or shadow) an indicator id.
class PartialContext : public kainjow::mustache::context<std::string> {
 public:
  PartialContext(const kainjow::mustache::data* data, const std::map<std::string, kainjow::mustache::data>& partials)
      : context(data), partials_(partials) {}
  const kainjow::mustache::data* get_partial(const std::string& name) const override {
    auto it = partials_.find(name);
    return it == partials_.end() ? nullptr : &it->second;
  }

 private:
  const std::map<std::string, kainjow::mustache::data>& partials_;
};

}  // namespace

namespace {

// Where kainjow writes the rendered text: stops it once the text passes kMaxRenderedBytes
// (the estimate in check() bounds the tags, not how long the values are).
class BoundedText {
 public:
  explicit BoundedText(const std::string& display) : display_(display) {}
  BoundedText& operator<<(const std::string& piece) {
    if (piece.size() > kMaxRenderedBytes - text_.size())
      data_error("{}: the rendered text passed {} MiB: are the values or the template far larger than a bulletin?",
                 display_, kMaxRenderedBytes >> 20);
    text_ += piece;
    return *this;
  }
  std::string& text() { return text_; }

 private:
  const std::string& display_;
  std::string text_;
};

}  // namespace

std::string TextTemplate::render(const TextModel& model) {
  check(model.shape, &model.data);
  kainjow::mustache::mustache tmpl{standalone_lines(main_.text)};
  if (!tmpl.is_valid()) data_error("{}: {}", main_.display, tmpl.error_message());
  tmpl.set_custom_escape(escape_);
  std::map<std::string, kainjow::mustache::data> partials;
  for (const auto& [name, file] : partials_) partials.emplace(name, kainjow::mustache::data(standalone_lines(file->text)));
  kainjow::mustache::data root = to_mustache(model.data);
  PartialContext context(&root, partials);
  BoundedText rendered(main_.display);
  tmpl.render(context, rendered);
  if (!tmpl.is_valid()) data_error("{}: {}", main_.display, tmpl.error_message());
  std::string& out = rendered.text();
  out.erase(std::remove(out.begin(), out.end(), kKeep), out.end());
  return std::move(out);
}

}  // namespace casestat::render
