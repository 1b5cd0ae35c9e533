// The `galley` command line: commands, flags, help, reports and exit codes.
#include "galley/cli.h"

#include <algorithm>
#include <map>

#include "galley/galley.h"
#include "json_value.h"
#include "render/writer.h"

namespace galley::cli {
namespace {

constexpr int kOk = 0, kFindings = 1, kRefused = 2;

constexpr const char* kUsage =
    "Usage: galley <command> [options] [FILE…]\n"
    "\n"
    "Commands:\n"
    "  format FILE…   Render articles as HTML, Markdown, JSON, JSON-LD or text\n"
    "  check FILE…    Report editorial findings (exit 1 when an error is found)\n"
    "  fix FILE…      Apply every automatic fix\n"
    "  rules          List the rules\n"
    "\n"
    "Run 'galley <command> --help' for the options of a command. '-' reads standard input.\n";

constexpr const char* kCommonOptions =
    "  --input MODE          auto (default), markdown, text or json\n"
    "  --profile NAME        news (default), blog or minimal\n"
    "  --config FILE         JSON rule configuration ({\"profile\", \"rules\"})\n"
    "  --locale LANG         en (default), de or fr\n"
    "  --max-input-bytes N   refuse larger input (default 8388608)\n";

constexpr const char* kFormatHelp =
    "Usage: galley format FILE… [--to FORMAT] [options]\n"
    "\n"
    "Render each article. With several files, outputs follow one another.\n"
    "\n"
    "Options:\n"
    "  --to FORMAT           html (default), markdown, json, jsonld or text;\n"
    "                        json prints the whole result (article, diagnostics, stats)\n"
    "  --document            html: a whole page with the default stylesheet\n"
    "  --allow-raw-html      html: pass raw HTML through the sanitiser instead of escaping it\n"
    "  --class-prefix P      html: class name prefix (default galley-)\n"
    "  --no-typography       do not apply typographic quotes and dashes\n"
    "  --layout L            source (default) or standard part order\n";

constexpr const char* kCheckHelp =
    "Usage: galley check FILE… [--format stylish|json|sarif] [options]\n"
    "\n"
    "Report what the rules find. Exits 1 when a finding has severity error.\n"
    "\n"
    "Options:\n"
    "  --format F            stylish (default), json or sarif\n";

constexpr const char* kFixHelp =
    "Usage: galley fix FILE… [--stdout | --write] [options]\n"
    "\n"
    "Apply every automatic fix, re-check and repeat until nothing fixable is left.\n"
    "Prints the fixed text (--stdout, the default) or rewrites the files (--write).\n"
    "Exits 1 when an error-severity finding remains.\n"
    "\n"
    "Options:\n"
    "  --stdout              print the fixed text (default)\n"
    "  --write               rewrite each file in place\n";

constexpr const char* kRulesHelp =
    "Usage: galley rules [--format text|json|markdown]\n"
    "\n"
    "List every rule with its default severities and whether it can fix.\n"
    "--format markdown prints the rule documentation (docs/rules.md).\n";

struct Args {
  std::string command;
  std::vector<std::string> files;
  std::string to = "html";
  std::string report = "stylish";
  bool write = false;
  bool help = false;
  bool version = false;
  std::string config_path;
  std::string options_json;  // built from flags
  std::vector<std::pair<std::string, std::string>> option_pairs;
};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string json_string(std::string_view s) {
  std::string out;
  render::append_json_string(out, s);
  return out;
}

// Parses flags; returns an error message or empty.
std::string parse_args(const std::vector<std::string>& argv, Args& a) {
  size_t i = 0;
  if (i < argv.size() && !starts_with(argv[i], "-")) a.command = argv[i++];
  const auto value = [&](const std::string& flag, std::string& out) -> std::string {
    if (i + 1 >= argv.size()) return "Option " + flag + " needs a value.";
    out = argv[++i];
    return "";
  };
  for (; i < argv.size(); ++i) {
    std::string arg = argv[i];
    std::string inline_value;
    bool has_inline = false;
    if (starts_with(arg, "--") && arg.find('=') != std::string::npos) {
      inline_value = arg.substr(arg.find('=') + 1);
      arg = arg.substr(0, arg.find('='));
      has_inline = true;
    }
    const auto take = [&](std::string& out) -> std::string {
      if (has_inline) {
        out = inline_value;
        return "";
      }
      return value(arg, out);
    };
    std::string v, err;
    if (arg == "-h" || arg == "--help") {
      a.help = true;
    } else if (arg == "--version" || arg == "-v") {
      a.version = true;
    } else if (arg == "--to") {
      err = take(a.to);
    } else if (arg == "--format") {
      err = take(a.report);
    } else if (arg == "--write") {
      a.write = true;
    } else if (arg == "--stdout") {
      a.write = false;
    } else if (arg == "--config") {
      err = take(a.config_path);
    } else if (arg == "--input" || arg == "--profile" || arg == "--locale" || arg == "--layout" ||
               arg == "--class-prefix") {
      err = take(v);
      const std::string key = arg == "--class-prefix" ? "classPrefix" : arg.substr(2);
      a.option_pairs.emplace_back(key, json_string(v));
    } else if (arg == "--max-input-bytes") {
      err = take(v);
      if (err.empty() && (v.empty() || v.find_first_not_of("0123456789") != std::string::npos)) {
        err = "Option --max-input-bytes needs a number; got '" + v + "'.";
      }
      a.option_pairs.emplace_back("maxInputBytes", v);
    } else if (arg == "--document") {
      a.option_pairs.emplace_back("document", "true");
    } else if (arg == "--allow-raw-html") {
      a.option_pairs.emplace_back("allowRawHtml", "true");
    } else if (arg == "--no-typography") {
      a.option_pairs.emplace_back("typography", "false");
    } else if (arg == "-" || !starts_with(arg, "-")) {
      a.files.push_back(arg);
    } else {
      return "Unknown option '" + arg + "'. Run 'galley " + (a.command.empty() ? "" : a.command + " ") + "--help'.";
    }
    if (!err.empty()) return err;
  }
  return "";
}

std::string options_json(const Args& a) {
  std::string out = "{";
  for (size_t i = 0; i < a.option_pairs.size(); ++i) {
    if (i) out += ',';
    out += json_string(a.option_pairs[i].first) + ":" + a.option_pairs[i].second;
  }
  return out + "}";
}

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    default: return "note";
  }
}

struct FileDiagnostics {
  std::string path;
  std::vector<Diagnostic> diagnostics;
};

void stylish(const std::vector<FileDiagnostics>& files, std::string& out) {
  size_t errors = 0, warnings = 0, infos = 0, fixable = 0;
  for (const FileDiagnostics& f : files) {
    if (f.diagnostics.empty()) continue;
    out += (f.path == "-" ? "<stdin>" : f.path) + "\n";
    size_t pos_w = 0, sev_w = 0, msg_w = 0;
    for (const Diagnostic& d : f.diagnostics) {
      pos_w = std::max(pos_w, (std::to_string(d.line) + ":" + std::to_string(d.column)).size());
      sev_w = std::max(sev_w, std::string(severity_name(d.severity)).size());
      msg_w = std::max(msg_w, std::min<size_t>(d.message.size(), 100));
    }
    for (const Diagnostic& d : f.diagnostics) {
      const std::string pos = std::to_string(d.line) + ":" + std::to_string(d.column);
      out += "  " + std::string(pos_w - pos.size(), ' ') + pos + "  " + pad(severity_name(d.severity), sev_w) +
             "  " + pad(d.message, msg_w) + "  " + d.rule + (d.fix ? " (fixable)" : "") + "\n";
      errors += d.severity == Severity::error;
      warnings += d.severity == Severity::warning;
      infos += d.severity == Severity::info;
      fixable += d.fix ? 1 : 0;
    }
    out += "\n";
  }
  const size_t total = errors + warnings + infos;
  if (total == 0) {
    out += "No problems found.\n";
    return;
  }
  out += std::to_string(total) + (total == 1 ? " problem" : " problems") + " (" + std::to_string(errors) +
         (errors == 1 ? " error, " : " errors, ") + std::to_string(warnings) +
         (warnings == 1 ? " warning, " : " warnings, ") + std::to_string(infos) + " info)\n";
  if (fixable) out += std::to_string(fixable) + " can be fixed with 'galley fix'.\n";
}

void json_report(const std::vector<FileDiagnostics>& files, std::string& out) {
  out += "[";
  for (size_t i = 0; i < files.size(); ++i) {
    if (i) out += ",";
    out += "{\"file\":" + json_string(files[i].path) + ",\"diagnostics\":" + diagnostics_to_json(files[i].diagnostics) + "}";
  }
  out += "]\n";
}

void sarif_report(const std::vector<FileDiagnostics>& files, std::string& out) {
  std::string s;
  render::JsonWriter w(s, true);
  w.begin_object();
  w.key("$schema");
  w.string("https://json.schemastore.org/sarif-2.1.0.json");
  w.key("version");
  w.string("2.1.0");
  w.key("runs");
  w.begin_array();
  w.begin_object();
  w.key("tool");
  w.begin_object();
  w.key("driver");
  w.begin_object();
  w.key("name");
  w.string("galley");
  w.key("version");
  w.string(version());
  w.key("rules");
  w.begin_array();
  for (const RuleInfo& r : rule_catalogue()) {
    w.begin_object();
    w.key("id");
    w.string(r.id);
    w.key("shortDescription");
    w.begin_object();
    w.key("text");
    w.string(r.summary);
    w.end_object();
    w.key("fullDescription");
    w.begin_object();
    w.key("text");
    w.string(r.rationale);
    w.end_object();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_object();
  w.key("columnKind");
  w.string("utf16CodeUnits");
  w.key("results");
  w.begin_array();
  for (const FileDiagnostics& f : files) {
    for (const Diagnostic& d : f.diagnostics) {
      w.begin_object();
      w.key("ruleId");
      w.string(d.rule);
      w.key("level");
      w.string(sarif_level(d.severity));
      w.key("message");
      w.begin_object();
      w.key("text");
      w.string(d.message);
      w.end_object();
      w.key("locations");
      w.begin_array();
      w.begin_object();
      w.key("physicalLocation");
      w.begin_object();
      w.key("artifactLocation");
      w.begin_object();
      w.key("uri");
      w.string(f.path == "-" ? "stdin" : f.path);
      w.end_object();
      w.key("region");
      w.begin_object();
      w.key("startLine");
      w.integer(d.line);
      w.key("startColumn");
      w.integer(d.column);
      w.key("endLine");
      w.integer(d.end_line);
      w.key("endColumn");
      w.integer(std::max(d.end_column, d.line == d.end_line ? d.column + 1 : d.end_column));
      w.end_object();
      w.end_object();
      w.end_object();
      w.end_array();
      w.end_object();
    }
  }
  w.end_array();
  w.end_object();
  w.end_array();
  w.end_object();
  out += s + "\n";
}

int refuse(Io& io, const std::string& message) {
  io.err += "galley: " + message + "\n";
  return kRefused;
}

int refuse(Io& io, const std::string& file, const Error& e) {
  io.err += "galley: " + (file.empty() ? "" : (file == "-" ? "<stdin>" : file) + ": ") + error_code_name(e.code) +
            ": " + e.message + "\n";
  return kRefused;
}

void rules_text(std::string& out) {
  size_t id_w = 0;
  for (const RuleInfo& r : rule_catalogue()) id_w = std::max(id_w, r.id.size());
  out += pad("rule", id_w) + "  news     blog     minimal  fix  summary\n";
  for (const RuleInfo& r : rule_catalogue()) {
    out += pad(r.id, id_w) + "  " + pad(severity_name(r.news), 7) + "  " + pad(severity_name(r.blog), 7) + "  " +
           pad(severity_name(r.minimal), 7) + "  " + (r.fixable ? "yes" : "   ") + "  " + r.summary + "\n";
  }
}

}  // namespace

int run(const std::vector<std::string>& argv, Io& io) {
  Args a;
  const std::string err = parse_args(argv, a);
  if (a.version) {
    io.out += std::string(version()) + "\n";
    return kOk;
  }
  if (a.command.empty() || (a.help && a.command.empty())) {
    (a.help ? io.out : io.err) += kUsage;
    return a.help ? kOk : kRefused;
  }
  const std::map<std::string, std::string> helps = {
      {"format", std::string(kFormatHelp) + kCommonOptions},
      {"check", std::string(kCheckHelp) + kCommonOptions},
      {"fix", std::string(kFixHelp) + kCommonOptions},
      {"rules", kRulesHelp},
  };
  const auto help = helps.find(a.command);
  if (help == helps.end()) return refuse(io, "unknown command '" + a.command + "'.\n\n" + kUsage);
  if (a.help) {
    io.out += help->second;
    return kOk;
  }
  if (!err.empty()) return refuse(io, err);

  if (a.command == "rules") {
    if (a.report == "json") {
      io.out += rules_to_json();
    } else if (a.report == "text" || a.report == "stylish") {
      rules_text(io.out);
    } else if (a.report == "markdown") {
      io.out += rules_to_markdown();
    } else {
      return refuse(io, "--format for rules must be text, json or markdown; got '" + a.report + "'.");
    }
    return kOk;
  }

  Result<Options> options = parse_options(options_json(a));
  if (!options) return refuse(io, "", options.error());
  if (!a.config_path.empty()) {
    const std::optional<std::string> config = io.read(a.config_path);
    if (!config) return refuse(io, "cannot read config file '" + a.config_path + "'.");
    Result<Options> configured = apply_config(*config, options.value());
    if (!configured) return refuse(io, a.config_path, configured.error());
    options = std::move(configured);
  }
  if (a.files.empty()) return refuse(io, "no input files; pass FILE… or '-' for standard input.");

  if (a.command == "format") {
    constexpr std::pair<const char*, unsigned> kTo[] = {{"html", kOutputHtml},
                                                         {"markdown", kOutputMarkdown},
                                                         {"json", kOutputJson},
                                                         {"jsonld", kOutputJsonLd},
                                                         {"text", kOutputText}};
    unsigned output = 0;
    for (const auto& [name, bit] : kTo) {
      if (a.to == name) output = bit;
    }
    if (!output) return refuse(io, "--to must be html, markdown, json, jsonld or text; got '" + a.to + "'.");
    options->outputs = output;
    for (const std::string& file : a.files) {
      const std::optional<std::string> src = io.read(file);
      if (!src) return refuse(io, "cannot read '" + file + "'.");
      Result<FormatResult> r = format(*src, options.value());
      if (!r) return refuse(io, file, r.error());
      switch (output) {
        case kOutputHtml: io.out += r->html; break;
        case kOutputMarkdown: io.out += r->markdown; break;
        case kOutputJson: io.out += result_to_json(r.value()) + "\n"; break;
        case kOutputJsonLd: io.out += r->jsonld; break;
        default: io.out += r->text; break;
      }
    }
    return kOk;
  }

  if (a.command == "check") {
    if (a.report != "stylish" && a.report != "json" && a.report != "sarif") {
      return refuse(io, "--format must be stylish, json or sarif; got '" + a.report + "'.");
    }
    std::vector<FileDiagnostics> files;
    bool error = false;
    for (const std::string& file : a.files) {
      const std::optional<std::string> src = io.read(file);
      if (!src) return refuse(io, "cannot read '" + file + "'.");
      Result<FormatResult> r = check(*src, options.value());
      if (!r) return refuse(io, file, r.error());
      for (const Diagnostic& d : r->diagnostics) error = error || d.severity == Severity::error;
      files.push_back({file, std::move(r->diagnostics)});
    }
    if (a.report == "json") {
      json_report(files, io.out);
    } else if (a.report == "sarif") {
      sarif_report(files, io.out);
    } else {
      stylish(files, io.out);
    }
    return error ? kFindings : kOk;
  }

  // fix
  bool error = false;
  for (const std::string& file : a.files) {
    const std::optional<std::string> src = io.read(file);
    if (!src) return refuse(io, "cannot read '" + file + "'.");
    Result<FixResult> r = fix(*src, options.value());
    if (!r) return refuse(io, file, r.error());
    for (const Diagnostic& d : r->remaining) error = error || d.severity == Severity::error;
    if (a.write && file != "-") {
      if (r->source != *src && !io.write(file, r->source)) return refuse(io, "cannot write '" + file + "'.");
      io.err += file + ": " + std::to_string(r->applied.size()) + " fixes applied, " +
                std::to_string(r->remaining.size()) + " findings left.\n";
    } else {
      io.out += r->source;
    }
  }
  return error ? kFindings : kOk;
}

namespace {

class MemoryIo : public Io {
 public:
  std::map<std::string, std::string> files;
  std::optional<std::string> stdin_text;
  std::map<std::string, std::string> writes;
  std::optional<std::string> read(const std::string& path) override {
    if (path == "-") return stdin_text;
    const auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  bool write(const std::string& path, std::string_view contents) override {
    writes[path] = std::string(contents);
    return true;
  }
};

}  // namespace

std::string run_json(std::string_view request) {
  MemoryIo io;
  std::vector<std::string> args;
  int code = kRefused;
  Result<nlohmann::ordered_json> parsed = detail::parse_json(request, ErrorCode::invalid_options, "The CLI request");
  if (!parsed || !parsed.value().is_object()) {
    io.err += "galley: the command-line request is malformed.\n";
  } else {
    const nlohmann::ordered_json& req = parsed.value();
    if (req.contains("args") && req["args"].is_array()) {
      for (const auto& a : req["args"]) {
        if (a.is_string()) args.push_back(a.get<std::string>());
      }
    }
    if (req.contains("files") && req["files"].is_object()) {
      for (auto it = req["files"].begin(); it != req["files"].end(); ++it) {
        if (it.value().is_string()) io.files[it.key()] = it.value().get<std::string>();
      }
    }
    if (req.contains("stdin") && req["stdin"].is_string()) io.stdin_text = req["stdin"].get<std::string>();
    code = run(args, io);
  }
  std::string out;
  render::JsonWriter w(out);
  w.begin_object();
  w.key("code");
  w.integer(code);
  w.key("stdout");
  w.string(io.out);
  w.key("stderr");
  w.string(io.err);
  w.key("writes");
  w.begin_object();
  for (const auto& [path, contents] : io.writes) {
    w.key(path);
    w.string(contents);
  }
  w.end_object();
  w.end_object();
  return out;
}

}  // namespace galley::cli
