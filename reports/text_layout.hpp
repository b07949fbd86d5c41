// Terminal layout for reports: display width of UTF-8 text and wrapping by width.
// Written by hand because neither fmt nor the standard library knows that a CJK character takes two
// terminal columns.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.hpp"

namespace baomi::reports {

/// UTF-8 decoding and display width come from the base layer (base/text.hpp), shared by every layer.
using base::char_width;
using base::display_width;
using base::is_control;
using base::next_code_point;

/// Splits text into lines of at most `width` columns. Breaks at spaces, between CJK characters and
/// at explicit newlines; never before closing punctuation (，。）》 …) or after opening punctuation;
/// a word longer than a line is cut. Tabs become spaces, other controls are dropped.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

/// Appends `text` wrapped to `width` columns: the first line after `first` (already `indent` wide),
/// the following lines after `indent` spaces. Every line ends in '\n'.
void append_wrapped(std::string& out, std::string_view first, std::size_t indent, std::string_view text,
                    std::size_t width);

/// The text on one line for a terminal: controls (ESC among them) dropped, tabs and newlines as
/// spaces, invalid UTF-8 as U+FFFD. Report data can never move the cursor or change colours.
std::string one_line(std::string_view text);

/// `text` followed by spaces up to `width` columns (nothing is cut).
std::string pad_right(std::string_view text, std::size_t width);
/// Spaces up to `width` columns, then `text`.
std::string pad_left(std::string_view text, std::size_t width);

}  // namespace baomi::reports
