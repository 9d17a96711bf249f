#include "ingest_service/parser/html_to_text.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "shared/text/normalize.h"

namespace gisa::ingest {
namespace {

struct Token {
  enum class Kind { kText, kStartTag, kEndTag };
  Kind kind = Kind::kText;
  absl::string_view text;  // kText: the raw text
  std::string name;        // tags: lower-case element name
  bool self_closing = false;
  size_t begin = 0;        // byte range of the token in the scanned text
  size_t end = 0;
};

// Splits HTML into text runs and tags. Comments, doctypes and processing
// instructions are skipped, and so is the content of <script> and <style>
// (it is not markup). Every byte is looked at a bounded number of times.
class TagScanner {
 public:
  explicit TagScanner(absl::string_view html) : html_(html) {}

  bool Next(Token* token) {
    while (pos_ < html_.size()) {
      if (!raw_end_.empty()) {
        SkipRawText();
        continue;
      }
      const size_t begin = pos_;
      if (html_[pos_] != '<' || !StartsMarkup()) {
        size_t end = html_.find('<', pos_ + 1);
        while (end != absl::string_view::npos && !StartsMarkupAt(end)) {
          end = html_.find('<', end + 1);
        }
        if (end == absl::string_view::npos) end = html_.size();
        *token = Token();
        token->kind = Token::Kind::kText;
        token->text = html_.substr(begin, end - begin);
        token->begin = begin;
        token->end = pos_ = end;
        return true;
      }
      if (absl::StartsWith(html_.substr(pos_), "<!--")) {
        const size_t close = html_.find("-->", pos_ + 4);
        pos_ = close == absl::string_view::npos ? html_.size() : close + 3;
        continue;
      }
      if (html_[pos_ + 1] == '!' || html_[pos_ + 1] == '?') {
        const size_t close = html_.find('>', pos_);
        pos_ = close == absl::string_view::npos ? html_.size() : close + 1;
        continue;
      }
      ReadTag(token);
      return true;
    }
    return false;
  }

 private:
  bool StartsMarkup() const { return StartsMarkupAt(pos_); }

  // '<' opens markup when a tag name, '/', '!' or '?' follows.
  bool StartsMarkupAt(size_t at) const {
    if (at + 1 >= html_.size()) return false;
    const char c = html_[at + 1];
    if (absl::ascii_isalpha(c) || c == '!' || c == '?') return true;
    return c == '/' && at + 2 < html_.size() &&
           absl::ascii_isalpha(html_[at + 2]);
  }

  void ReadTag(Token* token) {
    *token = Token();
    token->begin = pos_;
    size_t i = pos_ + 1;
    if (html_[i] == '/') {
      token->kind = Token::Kind::kEndTag;
      ++i;
    } else {
      token->kind = Token::Kind::kStartTag;
    }
    while (i < html_.size() &&
           (absl::ascii_isalnum(html_[i]) || html_[i] == '-' || html_[i] == ':')) {
      token->name.push_back(absl::ascii_tolower(html_[i]));
      ++i;
    }
    // Attributes: a '>' inside a quoted value does not end the tag.
    char quote = 0;
    char last = 0;
    while (i < html_.size()) {
      const char c = html_[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') last = c;
      ++i;
    }
    token->self_closing = last == '/';
    pos_ = i < html_.size() ? i + 1 : html_.size();
    token->end = pos_;
    if (token->kind == Token::Kind::kStartTag && !token->self_closing &&
        (token->name == "script" || token->name == "style")) {
      raw_end_ = "</" + token->name;
    }
  }

  // Moves past the content of <script>/<style> up to its end tag.
  void SkipRawText() {
    size_t at = pos_;
    for (;;) {
      at = html_.find("</", at);
      if (at == absl::string_view::npos) {
        pos_ = html_.size();
        break;
      }
      if (absl::StartsWithIgnoreCase(html_.substr(at), raw_end_)) {
        pos_ = at;
        break;
      }
      at += 2;
    }
    raw_end_.clear();
  }

  absl::string_view html_;
  size_t pos_ = 0;
  std::string raw_end_;  // "</script" while inside one
};

// Appends code point `c` as UTF-8; U+FFFD for what is no character.
void AppendCodePoint(uint32_t c, std::string* out) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ||
      (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
      (c >= 0x7F && c <= 0x9F)) {
    c = 0xFFFD;
  }
  char buffer[4];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
  out->append(buffer, static_cast<size_t>(length));
}

const absl::flat_hash_map<absl::string_view, uint32_t>& NamedEntities() {
  static const auto* entities =
      new absl::flat_hash_map<absl::string_view, uint32_t>({
          {"amp", '&'},      {"lt", '<'},        {"gt", '>'},
          {"quot", '"'},     {"apos", '\''},     {"nbsp", ' '},
          {"middot", 0xB7},  {"hellip", 0x2026}, {"lsquo", 0x2018},
          {"rsquo", 0x2019}, {"ldquo", 0x201C},  {"rdquo", 0x201D},
          {"sbquo", 0x201A}, {"bdquo", 0x201E},  {"ndash", 0x2013},
          {"mdash", 0x2014}, {"bull", 0x2022},   {"copy", 0xA9},
          {"reg", 0xAE},     {"trade", 0x2122},  {"times", 0xD7},
          {"divide", 0xF7},  {"laquo", 0xAB},    {"raquo", 0xBB},
          {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"deg", 0xB0},
          {"plusmn", 0xB1},  {"para", 0xB6},     {"sect", 0xA7},
          {"cent", 0xA2},    {"pound", 0xA3},    {"yen", 0xA5},
          {"euro", 0x20AC},  {"larr", 0x2190},   {"rarr", 0x2192},
          {"uarr", 0x2191},  {"darr", 0x2193},   {"hearts", 0x2665},
          {"check", 0x2713}, {"star", 0x2606},   {"starf", 0x2605},
          {"ensp", 0x2002},  {"emsp", 0x2003},   {"thinsp", 0x2009},
          {"zwj", 0x200D},   {"zwnj", 0x200C},   {"shy", 0xAD},
          {"prime", 0x2032}, {"Prime", 0x2033},  {"permil", 0x2030},
          {"frac12", 0xBD},  {"frac14", 0xBC},   {"frac34", 0xBE},
          {"sup2", 0xB2},    {"sup3", 0xB3},     {"micro", 0xB5},
          {"iexcl", 0xA1},   {"iquest", 0xBF},   {"lang", 0x27E8},
          {"rang", 0x27E9},  {"dagger", 0x2020}, {"Dagger", 0x2021},
      });
  return *entities;
}

// Decodes "&name;", "&#NNN;" and "&#xHH;" in `text` into `out`; anything
// else (a bare '&', an unknown name) stays as written.
void DecodeEntities(absl::string_view text, std::string* out) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t amp = text.find('&', i);
    if (amp == absl::string_view::npos) {
      out->append(text.data() + i, text.size() - i);
      return;
    }
    out->append(text.data() + i, amp - i);
    i = amp + 1;
    // Names and numbers are short; a ';' further away is not ours.
    const size_t semi = text.substr(0, amp + 34).find(';', i);
    if (semi == absl::string_view::npos) {
      out->push_back('&');
      continue;
    }
    const absl::string_view ref = text.substr(i, semi - i);
    uint32_t code = 0;
    bool known = false;
    if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x' || ref[1] == 'X';
      const absl::string_view digits = ref.substr(hex ? 2 : 1);
      if (!digits.empty() && digits.size() <= 8) {
        known = hex ? absl::SimpleHexAtoi(digits, &code)
                    : absl::SimpleAtoi(digits, &code);
        for (char c : digits) {
          known &= hex ? absl::ascii_isxdigit(c) : absl::ascii_isdigit(c);
        }
      }
    } else {
      auto it = NamedEntities().find(ref);
      if (it != NamedEntities().end()) {
        code = it->second;
        known = true;
      }
    }
    if (!known) {
      out->push_back('&');
      continue;
    }
    AppendCodePoint(code, out);
    i = semi + 1;
  }
}

bool IsDropped(absl::string_view name, bool keep_header) {
  static const auto* dropped = new absl::flat_hash_set<absl::string_view>({
      "head", "script", "style", "noscript", "template", "nav", "footer",
      "aside", "form", "iframe", "svg", "button", "select", "canvas",
      "object", "header",
  });
  if (keep_header && name == "header") return false;
  return dropped->contains(name);
}

bool IsBlock(absl::string_view name) {
  static const auto* blocks = new absl::flat_hash_set<absl::string_view>({
      "address", "article", "blockquote", "br", "caption", "dd", "details",
      "div", "dl", "dt", "fieldset", "figcaption", "figure", "header", "hr",
      "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
      "tfoot", "thead", "ul", "body", "html",
  });
  return blocks->contains(name);
}

int HeadingLevel(absl::string_view name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
    return name[1] - '0';
  }
  return 0;
}

// Renders the tokens of one element's content as lines.
class TextRenderer {
 public:
  explicit TextRenderer(bool keep_header) : keep_header_(keep_header) {}

  void Add(const Token& token) {
    if (!drop_name_.empty()) {
      if (token.name == drop_name_ && token.kind == Token::Kind::kStartTag &&
          !token.self_closing) {
        ++drop_depth_;
      } else if (token.name == drop_name_ &&
                 token.kind == Token::Kind::kEndTag && --drop_depth_ == 0) {
        drop_name_.clear();
      }
      return;
    }
    switch (token.kind) {
      case Token::Kind::kText:
        AddText(token.text);
        break;
      case Token::Kind::kStartTag:
        if (IsDropped(token.name, keep_header_)) {
          if (!token.self_closing) {
            drop_name_ = token.name;
            drop_depth_ = 1;
          }
          break;
        }
        StartTag(token.name);
        break;
      case Token::Kind::kEndTag:
        EndTag(token.name);
        break;
    }
  }

  std::string Finish() {
    EndRow();
    FlushLine();
    return std::move(out_);
  }

 private:
  void StartTag(absl::string_view name) {
    if (name == "pre") ++pre_depth_;
    if (name == "tr") {
      EndRow();
      FlushLine();
      in_row_ = true;
      return;
    }
    if ((name == "td" || name == "th") && in_row_) {
      EndCell();
      line_.clear();
      pending_space_ = false;
      in_cell_ = true;
      return;
    }
    if (const int level = HeadingLevel(name); level > 0) {
      BreakLine();
      if (!in_cell_) prefix_ = std::string(level, '#') + " ";
      return;
    }
    if (name == "li") {
      BreakLine();
      if (!in_cell_) prefix_ = "- ";
      return;
    }
    if (name == "table") EndRow();
    if (IsBlock(name) || name == "dt" || name == "dd") BreakLine();
  }

  void EndTag(absl::string_view name) {
    if (name == "pre" && pre_depth_ > 0) --pre_depth_;
    if (name == "td" || name == "th") {
      EndCell();
      return;
    }
    if (name == "tr" || name == "table") {
      EndRow();
      return;
    }
    if (HeadingLevel(name) > 0 || name == "li") {
      BreakLine();
      prefix_.clear();
      return;
    }
    if (IsBlock(name)) BreakLine();
  }

  void AddText(absl::string_view raw) {
    decoded_.clear();
    DecodeEntities(raw, &decoded_);
    for (char c : decoded_) {
      if (c == '\n' && pre_depth_ > 0 && !in_cell_) {
        FlushLine();
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !line_.empty()) line_.push_back(' ');
      pending_space_ = false;
      if (c == '|' && in_cell_) line_.push_back('\\');
      line_.push_back(c);
    }
  }

  // A block boundary: a new line, or a space inside a table cell.
  void BreakLine() {
    if (in_cell_) {
      pending_space_ = true;
    } else {
      FlushLine();
    }
  }

  void FlushLine() {
    if (!line_.empty()) {
      out_ += prefix_;
      out_ += line_;
      out_ += '\n';
      prefix_.clear();
    }
    line_.clear();
    pending_space_ = false;
  }

  void EndCell() {
    if (in_cell_) cells_.push_back(line_);
    in_cell_ = false;
    line_.clear();
    pending_space_ = false;
  }

  void EndRow() {
    if (!in_row_) return;
    EndCell();
    bool any = false;
    for (const std::string& cell : cells_) any |= !cell.empty();
    if (any) {
      out_ += "|";
      for (const std::string& cell : cells_) {
        out_ += " ";
        out_ += cell;
        out_ += " |";
      }
      out_ += '\n';
    }
    cells_.clear();
    in_row_ = false;
    line_.clear();
    pending_space_ = false;
  }

  const bool keep_header_;
  std::string drop_name_;
  int drop_depth_ = 0;
  int pre_depth_ = 0;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool pending_space_ = false;
  std::string prefix_;
  std::string line_;
  std::string decoded_;
  std::vector<std::string> cells_;
  std::string out_;
};

// The byte range of an element's content: after its start tag up to its
// matching end tag (or the end of the page when it is never closed).
struct Range {
  size_t begin = absl::string_view::npos;
  size_t end = absl::string_view::npos;
  bool found() const { return begin != absl::string_view::npos; }
};

void Track(const Token& token, absl::string_view name, Range* range,
           int* depth) {
  if (token.name != name || token.self_closing) return;
  if (token.kind == Token::Kind::kStartTag) {
    if (!range->found()) {
      range->begin = token.end;
      *depth = 1;
    } else if (*depth > 0) {
      ++*depth;
    }
  } else if (token.kind == Token::Kind::kEndTag && *depth > 0 &&
             --*depth == 0) {
    range->end = token.begin;
  }
}

std::string Render(absl::string_view html, Range range, bool keep_header) {
  const size_t end =
      range.end == absl::string_view::npos ? html.size() : range.end;
  TagScanner scanner(html.substr(range.begin, end - range.begin));
  TextRenderer renderer(keep_header);
  Token token;
  while (scanner.Next(&token)) renderer.Add(token);
  return renderer.Finish();
}

bool HoldsText(absl::string_view text) {
  for (char c : text) {
    if (c != '\n' && c != ' ' && c != '#' && c != '-' && c != '|') return true;
  }
  return false;
}

}  // namespace

std::string HtmlToText(absl::string_view html) {
  Range article, main, body;
  int article_depth = 0, main_depth = 0, body_depth = 0;
  TagScanner scanner(html);
  Token token;
  while (scanner.Next(&token)) {
    if (token.kind == Token::Kind::kText) continue;
    Track(token, "article", &article, &article_depth);
    Track(token, "main", &main, &main_depth);
    Track(token, "body", &body, &body_depth);
  }
  std::string text;
  if (article.found()) text = Render(html, article, /*keep_header=*/true);
  if (!HoldsText(text) && main.found()) text = Render(html, main, false);
  if (!HoldsText(text) && body.found()) text = Render(html, body, false);
  if (!HoldsText(text)) text = Render(html, Range{0, html.size()}, false);
  return text::ToNfc(text);
}

}  // namespace gisa::ingest
