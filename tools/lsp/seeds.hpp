// Finding a `cite` quote in its seed document (a folder of `ID_….txt` files, as `baomi lint
// --sources` reads), for the hover of a cite: where the quote is and the text around it.
#pragma once

#include <optional>
#include <string>

namespace baomi::lsp {

struct seed_passage {
  std::string file;      // the document's file name
  std::size_t line = 0;  // 1-based line where the quote starts
  std::string context;   // the quote with up to `context_chars` code points either side, on its lines
};

/// Looks for `quote` in the document of source `id` under `folder`, comparing with whitespace removed
/// (as `baomi lint --sources` does). `found` is false when the document is there but the quote is not;
/// nullopt when there is no document for `id`.
struct seed_lookup {
  bool found = false;
  seed_passage passage;
  std::string file;
};
std::optional<seed_lookup> find_in_seed(const std::string& folder, const std::string& id, const std::string& quote,
                                        std::size_t context_chars = 40);

}  // namespace baomi::lsp
