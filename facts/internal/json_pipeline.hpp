// Private to the loader: the JSON reader on a thread of its own, its events replayed in order.
#pragma once

#include "facts/internal/json_input.hpp"

namespace baomi::facts {

class snapshot_handler;

/// Reads `input` with read_json on a second thread into blocks of events (values, texts and places
/// copied), which the calling thread replays into `handler` in the order read, setting `place` as
/// read_json would. The handler sees the same events with the same places as in
/// read_json(input, handler, place), so the store and the issues are the same; the two threads only
/// overlap tokenizing with storing. Returns what read_json would.
bool read_json_pipelined(json_input& input, snapshot_handler& handler, token_place& place);

struct jsonl_source;
/// The same for read_jsonl (jsonl_reader.hpp): a folder's files read on the second thread.
bool read_jsonl_pipelined(jsonl_source& source, snapshot_handler& handler, token_place& place);

}  // namespace baomi::facts
