#include "ingest_service/parser/related_posts.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "ingest_service/parser/structure_lines.h"
#include "shared/text/normalize.h"

namespace gisa::ingest {
namespace {

absl::string_view StripPipes(absl::string_view s) {
  while (!s.empty() && s.front() == '|') s.remove_prefix(1);
  while (!s.empty() && s.back() == '|') s.remove_suffix(1);
  return text::TrimSpace(s);
}

// `s` without one pair of quotes or brackets around all of it.
absl::string_view StripQuotes(absl::string_view s) {
  static const std::pair<absl::string_view, absl::string_view> kPairs[] = {
      {"'", "'"}, {"\"", "\""}, {"‘", "’"}, {"“", "”"}, {"「", "」"},
      {"『", "』"}, {"[", "]"},  {"《", "》"}, {"<", ">"},  {"`", "`"}};
  for (const auto& [open, close] : kPairs) {
    if (s.size() > open.size() + close.size() && absl::StartsWith(s, open) &&
        absl::EndsWith(s, close)) {
      return text::TrimSpace(
          s.substr(open.size(), s.size() - open.size() - close.size()));
    }
  }
  return s;
}

// Cells of a table row, split at '|' not escaped as "\|", trimmed.
std::vector<std::string> SplitCells(absl::string_view row) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size() && row[i + 1] == '|') {
      cell.push_back('|');
      ++i;
    } else if (row[i] == '|') {
      cells.emplace_back(text::TrimSpace(cell));
      cell.clear();
    } else {
      cell.push_back(row[i]);
    }
  }
  cells.emplace_back(text::TrimSpace(cell));
  // The pipes at both ends leave empty cells outside the table.
  if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
  if (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

// "---", ":---:", "---:".
bool IsSeparatorCell(absl::string_view cell) {
  if (!cell.empty() && cell.front() == ':') cell.remove_prefix(1);
  if (!cell.empty() && cell.back() == ':') cell.remove_suffix(1);
  if (cell.empty()) return false;
  for (char c : cell) {
    if (c != '-') return false;
  }
  return true;
}

// Reads up to `max_digits` digits into `*value`.
bool ReadNumber(absl::string_view* s, size_t min_digits, size_t max_digits,
                int* value) {
  size_t n = 0;
  while (n < s->size() && n < max_digits && absl::ascii_isdigit((*s)[n])) ++n;
  if (n < min_digits || (n < s->size() && absl::ascii_isdigit((*s)[n]))) {
    return false;
  }
  if (!absl::SimpleAtoi(s->substr(0, n), value)) return false;
  s->remove_prefix(n);
  return true;
}

bool ReadDateSeparator(absl::string_view* s) {
  *s = absl::StripLeadingAsciiWhitespace(*s);
  if (s->empty() || (s->front() != '.' && s->front() != '-' &&
                     s->front() != '/')) {
    return false;
  }
  s->remove_prefix(1);
  *s = absl::StripLeadingAsciiWhitespace(*s);
  return true;
}

// "2026.01.30", "2026-1-30", "2026. 1. 30." -> "2026-01-30".
bool ReadDate(absl::string_view cell, std::string* iso) {
  absl::string_view s = cell;
  int year = 0, month = 0, day = 0;
  if (!ReadNumber(&s, 4, 4, &year) || !ReadDateSeparator(&s) ||
      !ReadNumber(&s, 1, 2, &month) || !ReadDateSeparator(&s) ||
      !ReadNumber(&s, 1, 2, &day)) {
    return false;
  }
  s = absl::StripAsciiWhitespace(s);
  if (s == ".") s = "";
  if (!s.empty() || month < 1 || month > 12 || day < 1 || day > 31) {
    return false;
  }
  *iso = absl::StrFormat("%04d-%02d-%02d", year, month, day);
  return true;
}

// Splits a trailing "(N)" comment count off `*title`.
bool ReadCommentCount(absl::string_view* title, int32_t* count) {
  if (title->empty() || title->back() != ')') return false;
  const size_t open = title->rfind('(');
  if (open == absl::string_view::npos) return false;
  const std::string digits = absl::StrReplaceAll(
      title->substr(open + 1, title->size() - open - 2), {{",", ""}});
  if (digits.empty() || digits.size() > 9) return false;
  for (char c : digits) {
    if (!absl::ascii_isdigit(c)) return false;
  }
  if (!absl::SimpleAtoi(digits, count)) return false;
  *title = text::TrimSpace(title->substr(0, open));
  return true;
}

// "[text](url)" -> "text".
absl::string_view LinkText(absl::string_view cell) {
  if (cell.size() < 4 || cell.front() != '[' || cell.back() != ')') {
    return cell;
  }
  const size_t middle = cell.find("](");
  if (middle == absl::string_view::npos) return cell;
  return text::TrimSpace(cell.substr(1, middle - 1));
}

}  // namespace

bool ReadCategoryLine(absl::string_view line, std::string* category) {
  absl::string_view s = ReadHeadingShape(StripPipes(text::TrimSpace(line))).text;
  for (absl::string_view suffix :
       {"카테고리의 다른 글", "카테고리의 다른글", "카테고리 다른 글"}) {
    if (absl::EndsWith(s, suffix)) {
      *category = std::string(
          StripQuotes(text::TrimSpace(s.substr(0, s.size() - suffix.size()))));
      return true;
    }
  }
  return false;
}

bool ReadRelatedRow(absl::string_view line, gisa::v1::RelatedArticle* row) {
  const absl::string_view trimmed = text::TrimSpace(line);
  if (!IsTableRow(trimmed)) return false;
  const std::vector<std::string> cells = SplitCells(trimmed);
  if (cells.empty()) return false;
  bool separator = true;
  for (const std::string& cell : cells) separator &= IsSeparatorCell(cell);
  if (separator) return false;

  std::string date;
  bool has_date = false;
  for (size_t i = cells.size(); i-- > 1 && !has_date;) {
    has_date = ReadDate(cells[i], &date);
  }
  absl::string_view title = cells[0];
  int32_t count = 0;
  const bool has_count = ReadCommentCount(&title, &count);
  title = LinkText(title);
  if (title.empty() || (!has_date && !has_count)) return false;
  row->set_title(std::string(title));
  row->set_comment_count(count);
  row->set_date(date);
  return true;
}

}  // namespace gisa::ingest
