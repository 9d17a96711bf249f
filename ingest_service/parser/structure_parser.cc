#include "ingest_service/parser/structure_parser.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "ingest_service/parser/faq_entries.h"
#include "ingest_service/parser/html_to_text.h"
#include "ingest_service/parser/related_posts.h"
#include "ingest_service/parser/script_language.h"
#include "ingest_service/parser/structure_lines.h"
#include "shared/text/normalize.h"

namespace gisa::ingest {
namespace {

using ::gisa::v1::Article;
using ::gisa::v1::Section;

// Headings are short: the longest in the genre run to some 60 characters.
constexpr size_t kMaxHeadingCodePoints = 120;

enum class Format { kPlain, kMarkdown, kHtml };

absl::StatusOr<Format> FormatOf(absl::string_view media_type) {
  const std::vector<absl::string_view> parts =
      absl::StrSplit(media_type, ';');
  const std::string type =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(parts[0]));
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::pair<absl::string_view, absl::string_view> param =
        absl::StrSplit(parts[i], absl::MaxSplits('=', 1));
    if (absl::AsciiStrToLower(absl::StripAsciiWhitespace(param.first)) !=
        "charset") {
      continue;
    }
    std::string charset =
        absl::AsciiStrToLower(absl::StripAsciiWhitespace(param.second));
    charset.erase(std::remove(charset.begin(), charset.end(), '"'),
                  charset.end());
    if (charset != "utf-8" && charset != "utf8" && charset != "us-ascii") {
      return absl::InvalidArgumentError(absl::StrFormat(
          "media type \"%s\": charset %s is not supported; send UTF-8",
          media_type, charset));
    }
  }
  if (type.empty() || type == "text/plain") return Format::kPlain;
  if (type == "text/markdown" || type == "text/x-markdown") {
    return Format::kMarkdown;
  }
  if (type == "text/html" || type == "application/xhtml+xml") {
    return Format::kHtml;
  }
  return absl::InvalidArgumentError(absl::StrFormat(
      "unknown media type \"%s\"; expected text/plain, text/markdown or "
      "text/html",
      media_type));
}

// Text that is mostly control characters is not an article, whatever its
// encoding said.
absl::Status CheckLooksLikeText(const std::vector<SourceLine>& lines) {
  size_t total = 0;
  size_t controls = 0;
  int first = 0;
  for (const SourceLine& line : lines) {
    const auto* s = reinterpret_cast<const uint8_t*>(line.text.data());
    const int32_t length = static_cast<int32_t>(line.text.size());
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      ++total;
      const bool control = c < 0 || c == 0xFFFD ||
                           (c < 0x20 && c != '\t' && c != '\f' && c != '\v') ||
                           (c >= 0x7F && c <= 0x9F);
      if (control) {
        if (controls++ == 0) first = line.number;
      }
    }
  }
  if (controls > 0 && controls * 20 > total) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "no recognisable article: the text looks binary (%d of %d characters "
        "are control characters, the first on line %d)",
        controls, total, first));
  }
  return absl::OkStatus();
}

enum class LineKind {
  kBlank,    // empty, or a rule (---)
  kContent,  // a heading or a paragraph
  kSkipped,  // not article text: the related-posts block, front matter ...
};

struct Line {
  absl::string_view text;  // trimmed; the paragraph text
  int number = 0;          // 1-based, in the text parsed
  LineKind kind = LineKind::kBlank;
  int setext_level = 0;  // Markdown "Title\n===" headings
  HeadingShape shape;
  QaMarker qa = QaMarker::kNone;
  bool candidate = false;  // looks like a heading by itself
  bool heading = false;    // is one, in its context
};

bool IsContent(const Line& line) { return line.kind == LineKind::kContent; }

// "![alt](src)" alone on a line.
bool IsImageLine(absl::string_view text) {
  return absl::StartsWith(text, "![") && absl::EndsWith(text, ")") &&
         text.find("](") != absl::string_view::npos;
}

bool IsSetextUnderline(absl::string_view text, char c) {
  if (text.size() < 2) return false;
  for (char x : text) {
    if (x != c) return false;
  }
  return true;
}

// Markdown syntax that is no article text: front matter, fenced code,
// images, comments; block quotes lose their "> "; setext underlines mark the
// line above as a heading.
void ReadMarkdown(std::vector<Line>* lines) {
  std::vector<Line>& l = *lines;
  size_t start = 0;
  if (!l.empty() && l[0].text == "---") {
    for (size_t j = 1; j < l.size() && j < 200; ++j) {
      if (l[j].text == "---" || l[j].text == "...") {
        for (size_t k = 0; k <= j; ++k) l[k].kind = LineKind::kSkipped;
        start = j + 1;
        break;
      }
    }
  }
  bool in_fence = false;
  for (size_t i = start; i < l.size(); ++i) {
    Line& line = l[i];
    if (absl::StartsWith(line.text, "```") ||
        absl::StartsWith(line.text, "~~~")) {
      in_fence = !in_fence;
      line.kind = LineKind::kSkipped;
      continue;
    }
    if (in_fence) {
      line.kind = LineKind::kSkipped;
      continue;
    }
    while (absl::StartsWith(line.text, ">")) {
      line.text = text::TrimSpace(line.text.substr(1));
    }
    if (line.text.empty()) {
      line.kind = LineKind::kBlank;
      continue;
    }
    if (IsImageLine(line.text) ||
        (absl::StartsWith(line.text, "<!--") &&
         absl::EndsWith(line.text, "-->"))) {
      line.kind = LineKind::kSkipped;
      continue;
    }
    const bool equals = IsSetextUnderline(line.text, '=');
    if ((equals || IsSetextUnderline(line.text, '-')) && i > start &&
        IsContent(l[i - 1]) && !IsListItem(l[i - 1].text) &&
        !IsTableRow(l[i - 1].text) &&
        ReadHeadingShape(l[i - 1].text).decoration != Decoration::kHash) {
      l[i - 1].setext_level = equals ? 1 : 2;
      line.kind = LineKind::kSkipped;
      continue;
    }
    line.kind = IsRule(line.text) ? LineKind::kBlank : LineKind::kContent;
  }
}

// Lines that are on their own not prose: no heading can be one of them.
bool CannotBeHeading(absl::string_view text) {
  if (IsListItem(text) || IsTableRow(text) || IsHashtagLine(text)) return true;
  if (absl::StartsWith(text, "※") || absl::StrContains(text, "://")) {
    return true;
  }
  // "(사진=연합뉴스)": a caption or credit in parentheses.
  return absl::StartsWith(text, "(") && absl::EndsWith(text, ")");
}

std::vector<Line> ReadLines(const std::vector<SourceLine>& source,
                            Format format) {
  std::vector<Line> lines(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    lines[i].text = source[i].text;
    lines[i].number = source[i].number;
    lines[i].kind = source[i].text.empty() || IsRule(source[i].text)
                        ? LineKind::kBlank
                        : LineKind::kContent;
  }
  if (format == Format::kMarkdown) ReadMarkdown(&lines);
  return lines;
}

// Reads what each content line looks like by itself.
void ShapeLines(std::vector<Line>* lines) {
  for (Line& line : *lines) {
    if (!IsContent(line)) continue;
    line.qa = ReadQaMarker(line.text).marker;
    if (line.setext_level > 0) {
      line.shape.text = line.text;
      line.shape.decoration = Decoration::kHash;
      line.shape.level = line.setext_level;
    } else {
      line.shape = ReadHeadingShape(line.text);
    }
    line.candidate =
        line.qa == QaMarker::kNone && !CannotBeHeading(line.text) &&
        !line.shape.text.empty() && HasLetter(line.shape.text) &&
        CountCodePoints(line.shape.text, kMaxHeadingCodePoints + 1) <=
            kMaxHeadingCodePoints &&
        !ReadsAsSentence(line.shape.text);
  }
}

struct RelatedBlock {
  bool found = false;
  std::string category;
  std::vector<gisa::v1::RelatedArticle> posts;
};

// Finds the last "'<category>' 카테고리의 다른 글" line and the table after
// it, and takes them out of the article text.
RelatedBlock TakeRelatedBlock(std::vector<Line>* lines) {
  RelatedBlock block;
  std::vector<Line>& l = *lines;
  size_t header = l.size();
  for (size_t i = l.size(); i-- > 0;) {
    if (IsContent(l[i]) && ReadCategoryLine(l[i].text, &block.category)) {
      header = i;
      break;
    }
  }
  if (header == l.size()) return block;
  block.found = true;
  l[header].kind = LineKind::kSkipped;
  for (size_t j = header + 1; j < l.size(); ++j) {
    if (l[j].kind == LineKind::kBlank) continue;
    if (!IsContent(l[j]) || !IsTableRow(l[j].text)) break;
    gisa::v1::RelatedArticle post;
    if (ReadRelatedRow(l[j].text, &post)) block.posts.push_back(post);
    l[j].kind = LineKind::kSkipped;
  }
  return block;
}

bool IsKeywordHeading(absl::string_view heading) {
  return IsFaqHeading(heading) || IsSummaryHeading(heading);
}

// Decides which candidate lines are headings. A heading is followed by a
// paragraph, so the decision runs from the last line up: a line's successor
// is settled before the line itself. Context rules:
//  - `#` headings always are; so is the first line that can be one (the
//    title);
//  - where the article separates its sections by blank lines (and not every
//    line), an undecorated or numbered heading has a blank line (or a rule)
//    before it;
//  - the line after the title is an opening paragraph, unless marked;
//  - "1. a" directly followed by "2. b" is a list, not two headings;
//  - no heading stands right before an answer, nor between an FAQ line and
//    the next question (that is an answer going on), unless it names an FAQ;
//  - an article that marks its headings (two or more `#` or `[...]` lines)
//    has no unmarked ones but summary and FAQ headings.
void DecideHeadings(std::vector<Line>* lines) {
  std::vector<Line>& l = *lines;
  const size_t n = l.size();
  size_t first = n, last = n;
  int marked = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!IsContent(l[i])) continue;
    if (first == n) first = i;
    last = i;
    const Decoration d = l[i].shape.decoration;
    if ((d == Decoration::kHash && !l[i].shape.text.empty()) ||
        (d == Decoration::kBracket && l[i].candidate)) {
      ++marked;
    }
  }
  if (first == n) return;
  // Blank lines tell sections apart only where some lines are not apart: in
  // text that puts a blank line after every line they say nothing.
  bool any_blank = false, any_adjacent = false;
  for (size_t i = first; i < last; ++i) {
    any_blank |= l[i].kind == LineKind::kBlank;
    any_adjacent |= IsContent(l[i]) && IsContent(l[i + 1]);
  }
  const bool blank_separated = any_blank && any_adjacent;
  const bool marked_only = marked >= 2;
  // The title: the first line that can be a heading (a date or a byline
  // before it is no title).
  size_t title = first;
  while (title < n && !(IsContent(l[title]) &&
                        (l[title].candidate ||
                         l[title].shape.decoration == Decoration::kHash))) {
    ++title;
  }

  std::vector<size_t> previous(n, n);  // previous content line
  for (size_t i = 0, p = n; i < n; ++i) {
    previous[i] = p;
    if (IsContent(l[i])) p = i;
  }

  size_t next = n;
  for (size_t i = n; i-- > 0;) {
    if (!IsContent(l[i])) continue;
    Line& line = l[i];
    const Decoration d = line.shape.decoration;
    if (d == Decoration::kHash) {
      line.heading = !line.shape.text.empty();
    } else if (line.candidate && i == title) {
      line.heading = true;
    } else if (line.candidate && next < n) {
      const Line& after = l[next];
      const Line* before = previous[i] < n ? &l[previous[i]] : nullptr;
      const bool marked_decoration =
          d == Decoration::kBracket || d == Decoration::kBold;
      bool heading = !after.heading && after.qa != QaMarker::kAnswer;
      heading &= marked_decoration || !blank_separated ||
                 l[i - 1].kind != LineKind::kContent;
      heading &= !(d == Decoration::kNumber && next == i + 1 &&
                   after.shape.decoration == Decoration::kNumber &&
                   after.shape.number_style == line.shape.number_style);
      // The title heads the opening paragraphs: the line after it is one.
      heading &= previous[i] != title || marked_decoration;
      heading &= !(before != nullptr && before->qa != QaMarker::kNone &&
                   after.qa == QaMarker::kQuestion &&
                   !IsFaqHeading(line.shape.text));
      if (marked_only && !marked_decoration) {
        heading &= IsKeywordHeading(line.shape.text) ||
                   after.qa == QaMarker::kQuestion;
      }
      line.heading = heading;
    }
    next = i;
  }
}

// Why the first line of a text cannot be its title, for error messages.
std::string WhyNoTitle(const Line& line) {
  if (line.qa != QaMarker::kNone) return "is an FAQ line";
  if (IsListItem(line.text)) return "is a list item";
  if (IsTableRow(line.text)) return "is a table row";
  if (!HasLetter(line.shape.text)) return "holds no words";
  if (CountCodePoints(line.shape.text, kMaxHeadingCodePoints + 1) >
      kMaxHeadingCodePoints) {
    return absl::StrFormat("is too long for a title (over %d characters)",
                           kMaxHeadingCodePoints);
  }
  if (ReadsAsSentence(line.shape.text)) return "reads as a sentence";
  return "is not a heading";
}

absl::Status Unrecognisable(const std::vector<Line>& lines, Format format,
                            bool had_related) {
  std::vector<const Line*> content;
  int headings = 0;
  for (const Line& line : lines) {
    if (!IsContent(line)) continue;
    content.push_back(&line);
    headings += line.heading;
  }
  std::string why;
  if (content.empty()) {
    why = had_related ? "there is nothing but a related-posts block"
          : format == Format::kHtml
              ? "the page holds no text in <article>, <main> or <body>"
              : "there is no text";
  } else if (content.size() == 1) {
    why = absl::StrFormat("there is only one line of text (line %d)",
                          content[0]->number);
  } else if (headings == 0) {
    why = absl::StrFormat(
        "no line reads as a heading followed by a paragraph; the first line "
        "(line %d) %s",
        content[0]->number, WhyNoTitle(*content[0]));
  } else {
    why = absl::StrFormat(
        "no heading is followed by a paragraph (%d of %d lines read as "
        "headings, the first on line %d)",
        headings, content.size(), content[0]->number);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("no recognisable article: ", why));
}

// The lines of one section: the heading and what follows it up to the next.
struct SectionLines {
  size_t heading = 0;
  std::vector<size_t> body;  // content and blank lines, in order
};

gisa::v1::SectionKind KindOf(const std::vector<Line>& lines,
                             const SectionLines& section, bool is_first) {
  if (is_first) return gisa::v1::SECTION_KIND_BODY;
  const absl::string_view heading = lines[section.heading].shape.text;
  if (IsFaqHeading(heading)) return gisa::v1::SECTION_KIND_FAQ;
  // Questions and answers under any heading make an FAQ.
  bool opens_with_question = false, has_answer = false, seen = false;
  for (size_t i : section.body) {
    if (!IsContent(lines[i])) continue;
    if (!seen) opens_with_question = lines[i].qa == QaMarker::kQuestion;
    seen = true;
    has_answer |= lines[i].qa == QaMarker::kAnswer;
  }
  if (opens_with_question && has_answer) return gisa::v1::SECTION_KIND_FAQ;
  if (IsSummaryHeading(heading)) return gisa::v1::SECTION_KIND_SUMMARY;
  return gisa::v1::SECTION_KIND_BODY;
}

}  // namespace

absl::StatusOr<Article> ParseStructure(absl::string_view text,
                                       absl::string_view media_type) {
  absl::StatusOr<Format> format = FormatOf(media_type);
  if (!format.ok()) return format.status();
  std::string page_text;  // owns the lines of an HTML page
  if (*format == Format::kHtml) {
    page_text = HtmlToText(text);
    text = page_text;
  }
  const std::vector<SourceLine> source = SplitLines(text);
  if (absl::Status s = CheckLooksLikeText(source); !s.ok()) return s;

  std::vector<Line> lines = ReadLines(source, *format);
  RelatedBlock related = TakeRelatedBlock(&lines);
  ShapeLines(&lines);
  DecideHeadings(&lines);

  std::vector<SectionLines> sections;
  std::vector<size_t> preamble;  // lines before the first heading
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind == LineKind::kSkipped) continue;
    if (lines[i].heading) {
      sections.push_back({i, {}});
    } else {
      (sections.empty() ? preamble : sections.back().body).push_back(i);
    }
  }
  bool recognisable = false;
  for (const SectionLines& s : sections) {
    for (size_t i : s.body) recognisable |= IsContent(lines[i]);
  }
  if (!recognisable) return Unrecognisable(lines, *format, related.found);
  // The opening paragraphs belong to the section the title heads.
  sections[0].body.insert(sections[0].body.begin(), preamble.begin(),
                          preamble.end());

  Article article;
  ScriptCounter scripts;
  const Section* summary = nullptr;
  for (size_t k = 0; k < sections.size(); ++k) {
    const SectionLines& lines_of = sections[k];
    Section* section = article.add_sections();
    section->set_heading(std::string(lines[lines_of.heading].shape.text));
    section->set_kind(KindOf(lines, lines_of, k == 0));
    scripts.Add(section->heading());
    std::vector<absl::string_view> faq_lines;
    for (size_t i : lines_of.body) {
      faq_lines.push_back(IsContent(lines[i]) ? lines[i].text : "");
      if (!IsContent(lines[i])) continue;
      section->add_paragraphs()->set_text(std::string(lines[i].text));
      scripts.Add(lines[i].text);
    }
    if (section->kind() == gisa::v1::SECTION_KIND_FAQ) {
      for (gisa::v1::FaqEntry& entry : ReadFaqEntries(faq_lines)) {
        *article.add_faq() = std::move(entry);
      }
    } else if (section->kind() == gisa::v1::SECTION_KIND_SUMMARY) {
      summary = section;  // the last one: summaries close an article
    }
  }

  // The title: the first "# " heading where there is one, else the first.
  article.set_title(article.sections(0).heading());
  for (const SectionLines& s : sections) {
    const Line& h = lines[s.heading];
    if (h.shape.decoration == Decoration::kHash && h.shape.level == 1) {
      article.set_title(std::string(h.shape.text));
      break;
    }
  }
  if (summary != nullptr) {
    std::vector<absl::string_view> texts;
    for (const auto& p : summary->paragraphs()) texts.push_back(p.text());
    article.set_summary(absl::StrJoin(texts, "\n"));
  }
  article.set_language(scripts.Language());
  article.set_category(related.category);
  for (gisa::v1::RelatedArticle& post : related.posts) {
    *article.add_related() = std::move(post);
  }
  return article;
}

}  // namespace gisa::ingest
