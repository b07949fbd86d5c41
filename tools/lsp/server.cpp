// The server loop: reads framed JSON-RPC messages, dispatches them to the features, answers.
#include "tools/lsp/server.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "tools/lsp/features.hpp"

namespace baomi::lsp {

namespace {

using nlohmann::json;

// JSON-RPC and LSP error codes.
enum error_code {
  parse_error = -32700,
  invalid_request = -32600,
  method_not_found = -32601,
  invalid_params = -32602,
  internal_error = -32603,
  server_not_initialized = -32002,
};

position position_of(const json& p) {
  return {p.at("line").get<std::uint32_t>(), p.at("character").get<std::uint32_t>()};
}

class server {
 public:
  server(std::ostream& out, file_list baseline, const char* version)
      : m_out(out), m_workspace(std::move(baseline)), m_version(version) {}

  // Handles one message; false once `exit` was received.
  bool handle(const json& message) {
    auto method = message.value("method", std::string());
    bool is_request = message.contains("id");
    const json params = message.value("params", json::object());
    if (method == "exit") return false;
    if (!is_request) {
      notify(method, params);
      return true;
    }
    const auto& id = message.at("id");
    if (method.empty()) {
      reply_error(id, invalid_request, "not a request");
      return true;
    }
    if (!m_initialized && method != "initialize") {
      reply_error(id, server_not_initialized, "the server is not initialized");
      return true;
    }
    try {
      if (method == "initialize") {
        reply(id, initialize(params));
      } else if (method == "shutdown") {
        m_shut_down = true;
        reply(id, nullptr);
      } else if (const auto* doc = document_of(params); doc == nullptr && requests().count(method)) {
        reply_error(id, invalid_params, "the document is not open");
      } else if (auto it = requests().find(method); it != requests().end()) {
        reply(id, it->second(m_workspace, *doc, params));
      } else {
        reply_error(id, method_not_found, "unknown method " + method);
      }
    } catch (const std::exception& e) {
      reply_error(id, internal_error, e.what());
    }
    return true;
  }

  bool shut_down() const { return m_shut_down; }

  void send(const json& message) { write_message(m_out, message.dump()); }
  void reply_error(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

 private:
  using request_handler = std::function<json(workspace&, const document&, const json&)>;

  static const std::map<std::string, request_handler>& requests() {
    static const std::map<std::string, request_handler> table = {
        {"textDocument/hover",
         [](workspace& ws, const document& d, const json& p) { return hover(ws, d, position_of(p.at("position"))); }},
        {"textDocument/definition", [](workspace& ws, const document& d,
                                       const json& p) { return definition(ws, d, position_of(p.at("position"))); }},
        {"textDocument/completion", [](workspace& ws, const document& d,
                                       const json& p) { return completion(ws, d, position_of(p.at("position"))); }},
        {"textDocument/documentSymbol",
         [](workspace& ws, const document& d, const json&) { return document_symbols(ws, d); }},
        {"textDocument/formatting", [](workspace& ws, const document& d, const json&) { return formatting(ws, d); }},
    };
    return table;
  }

  const document* document_of(const json& params) const {
    if (!params.contains("textDocument")) return nullptr;
    return m_workspace.find(params.at("textDocument").value("uri", std::string()));
  }

  void reply(const json& id, json result) { send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }

  json initialize(const json& params) {
    m_initialized = true;
    std::string root;
    if (params.contains("rootUri") && params["rootUri"].is_string()) root = path_of_uri(params["rootUri"]);
    if (root.empty() && params.contains("workspaceFolders") && params["workspaceFolders"].is_array() &&
        !params["workspaceFolders"].empty()) {
      root = path_of_uri(params["workspaceFolders"][0].value("uri", std::string()));
    }
    if (!root.empty()) m_workspace.set_root(root);
    // The seed documents for cite hovers: initializationOptions.sources, else ../shared/seeds beside
    // the workspace (where `tests/cite_quotes.sh` looks).
    std::string sources;
    if (params.contains("initializationOptions") && params["initializationOptions"].is_object()) {
      sources = params["initializationOptions"].value("sources", std::string());
    }
    std::error_code ec;
    if (sources.empty() && !root.empty() && std::filesystem::is_directory(root + "/../shared/seeds", ec)) {
      sources = root + "/../shared/seeds";
    }
    m_workspace.set_sources(sources);
    m_links.load(m_workspace.root());
    return {{"capabilities",
             {{"positionEncoding", "utf-16"},
              {"textDocumentSync", {{"openClose", true}, {"change", 2}}},
              {"hoverProvider", true},
              {"definitionProvider", true},
              {"completionProvider", {{"triggerCharacters", json::array({"."})}}},
              {"documentFormattingProvider", true},
              {"documentSymbolProvider", true}}},
            {"serverInfo", {{"name", "baomi"}, {"version", m_version}}}};
  }

  void notify(const std::string& method, const json& params) {
    if (method == "textDocument/didOpen") {
      const auto& d = params.at("textDocument");
      auto root = m_workspace.root();
      m_workspace.open(d.at("uri").get<std::string>(), d.at("text").get<std::string>(), d.value("version", 0L));
      if (m_workspace.root() != root) m_links.load(m_workspace.root());
      publish_all();
    } else if (method == "textDocument/didChange") {
      auto uri = params.at("textDocument").at("uri").get<std::string>();
      long version = params.at("textDocument").value("version", 0L);
      for (const auto& c : params.at("contentChanges")) {
        std::optional<std::pair<position, position>> range;
        if (c.contains("range")) range = {{position_of(c["range"]["start"]), position_of(c["range"]["end"])}};
        m_workspace.change(uri, range, c.at("text").get<std::string>(), version);
      }
      publish_all();
    } else if (method == "textDocument/didClose") {
      auto uri = params.at("textDocument").at("uri").get<std::string>();
      m_workspace.close(uri);
      send({{"jsonrpc", "2.0"},
            {"method", "textDocument/publishDiagnostics"},
            {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
      publish_all();
    }
    // Other notifications (initialized, didSave, $/cancelRequest, …) need nothing.
  }

  // Every open document's diagnostics: a change in one (a schema) can change the others'.
  void publish_all() {
    for (const auto& [uri, doc] : m_workspace.documents()) {
      send({{"jsonrpc", "2.0"},
            {"method", "textDocument/publishDiagnostics"},
            {"params", diagnostics(m_workspace, doc, m_links)}});
    }
  }

  std::ostream& m_out;
  workspace m_workspace;
  diagnostic_links m_links;
  std::string m_version;
  bool m_initialized = false;
  bool m_shut_down = false;
};

}  // namespace

int serve(std::istream& in, std::ostream& out, std::ostream& log, file_list baseline, const char* version) {
  server s(out, std::move(baseline), version);
  while (true) {
    auto message = read_message(in);
    if (message.status == read_status::end_of_input) break;
    if (message.status == read_status::bad_header) {
      log << "baomi lsp: " << message.error << "\n";
      break;  // the stream cannot be resynchronised
    }
    json parsed = json::parse(message.body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      s.reply_error(nullptr, parse_error, "the message is not a JSON object");
      continue;
    }
    try {
      if (!s.handle(parsed)) return s.shut_down() ? 0 : 1;
    } catch (const std::exception& e) {
      log << "baomi lsp: " << e.what() << "\n";  // a malformed notification: nothing to answer
    }
  }
  return 1;
}

}  // namespace baomi::lsp
