#include "ingest_service/parser/quotes/marks.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace gisa::ingest::quotes {
namespace {

// Deeper nesting than this is no quotation any reader could follow; the
// bound keeps the search for an opener constant-time.
constexpr size_t kMaxDepth = 16;

struct Opener {
  UChar32 family;
  int open;
  int content_begin;
};

// Marks come in families whose members writers mix up ("…” opened with a
// straight mark and closed with a curly one), so a closer pairs with any
// opener of its family.
enum Family : UChar32 { kNoFamily = 0, kDouble = 1, kSingle = 2, kCorner = 3,
                        kWhiteCorner = 4, kGuillemet = 5 };

// The family `c` opens, or kNoFamily.
UChar32 OpenedFamily(UChar32 c) {
  switch (c) {
    case 0x201C: return kDouble;        // “
    case 0x2018: return kSingle;        // ‘
    case 0x300C: return kCorner;        // 「
    case 0x300E: return kWhiteCorner;   // 『
    case 0x00AB: return kGuillemet;     // «
    default: return kNoFamily;
  }
}

// The family `c` closes, or kNoFamily.
UChar32 ClosedFamily(UChar32 c) {
  switch (c) {
    case 0x201D: return kDouble;        // ”
    case 0x2019: return kSingle;        // ’
    case 0x300D: return kCorner;        // 」
    case 0x300F: return kWhiteCorner;   // 』
    case 0x00BB: return kGuillemet;     // »
    default: return kNoFamily;
  }
}

// Apostrophes sit between Latin letters (don't, Korea's); a closing mark
// may be followed by a Hangul particle ('루빈'을).
bool IsLatinLetter(UChar32 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

class Scanner {
 public:
  explicit Scanner(absl::string_view text)
      : s_(reinterpret_cast<const uint8_t*>(text.data())),
        length_(static_cast<int32_t>(text.size())) {}

  std::vector<QuoteSpan> Run() {
    int32_t i = 0;
    UChar32 prev = 0;
    while (i < length_) {
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(s_, i, length_, c);
      const UChar32 next = PeekAt(i);
      if (c == '"') {
        if (!Close(kDouble, at, i)) Push(kDouble, at, i);
      } else if (c == '\'') {
        // An apostrophe (don't, Korea's) sits between two letters.
        if (!(IsLatinLetter(prev) && IsLatinLetter(next))) {
          const bool can_close = prev > 0 && !u_isUWhiteSpace(prev);
          const bool can_open = next > 0 && !u_isUWhiteSpace(next);
          if (!(can_close && Close(kSingle, at, i)) && can_open) {
            Push(kSingle, at, i);
          }
        }
      } else if (UChar32 family = OpenedFamily(c); family != kNoFamily) {
        Push(family, at, i);
      } else if (UChar32 family = ClosedFamily(c); family != kNoFamily) {
        Close(family, at, i);
      }
      prev = c;
    }
    return Outermost();
  }

 private:
  UChar32 PeekAt(int32_t i) const {
    if (i >= length_) return 0;
    UChar32 c;
    U8_NEXT(s_, i, length_, c);
    return c;
  }

  void Push(UChar32 family, int open, int content_begin) {
    if (stack_.size() == kMaxDepth) stack_.erase(stack_.begin());
    stack_.push_back({family, open, content_begin});
  }

  // Closes the innermost opener of `family`; openers inside it that never
  // closed are dropped. False when nothing pairs.
  bool Close(UChar32 family, int at, int after) {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].family != family) continue;
      const Opener o = stack_[k];
      stack_.resize(k);
      if (at - o.content_begin <= kMaxQuoteBytes) {
        spans_.push_back({o.open, o.content_begin, at, after});
      }
      return true;
    }
    return false;
  }

  std::vector<QuoteSpan> Outermost() {
    std::sort(spans_.begin(), spans_.end(),
              [](const QuoteSpan& a, const QuoteSpan& b) {
                return a.open < b.open;
              });
    std::vector<QuoteSpan> out;
    for (const QuoteSpan& s : spans_) {
      if (!out.empty() && s.open < out.back().close_end) continue;
      out.push_back(s);
    }
    return out;
  }

  const uint8_t* s_;
  int32_t length_;
  std::vector<Opener> stack_;
  std::vector<QuoteSpan> spans_;
};

}  // namespace

std::vector<QuoteSpan> FindQuoteSpans(absl::string_view text) {
  return Scanner(text).Run();
}

}  // namespace gisa::ingest::quotes
