#include "ingest_service/parser/quotes/scanner.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "ingest_service/parser/quotes/lexicon.h"
#include "ingest_service/parser/quotes/marks.h"
#include "shared/text/josa.h"
#include "shared/text/normalize.h"

namespace gisa::ingest::quotes {
namespace {

using gisa::v1::QuoteKind;

constexpr int kSyllable = 3;
// A subject stands near the start of its clause; looking further would make
// a long clause cost quadratic time for nothing.
constexpr int kMaxSubjectScan = 64;
// Words a subject noun phrase spans: "중국 AI 스타트업 즈푸의 창립자 탕제는".
constexpr size_t kMaxNpWords = 8;
// Words allowed between a quotative clause and its verb ("…다고 거듭
// 강조했다", "…라고 정 감독은 말했다", "…다고 상하이스트가 9일 전했다").
constexpr size_t kCueLookahead = 4;
// Words of a multi-word name tried at once ("미국 항공우주국").
constexpr size_t kMaxNameWords = 3;
// Reported content shorter than this is no quote.
constexpr int kMinContentBytes = 2 * kSyllable;
// Words of a source before 따르면 ("6일 경기도교육청이 국회 … 의원에게
// 제출한 국정감사 자료에").
constexpr size_t kMaxSourceWords = 16;
// A quoted name used as a subject ('애프터눈'은) is short.
constexpr size_t kMaxQuotedNameBytes = 60;

struct Item {
  bool is_quote = false;
  QuoteSpan quote;
  Word word;
  // A word glued to the closing mark of the quote before it (”라고).
  bool glued = false;
  std::string core;      // the word without surrounding punctuation
  std::string plain;     // core without a parenthesised gloss
  std::string gloss;     // "WSJ" of "월스트리트저널(WSJ)의"
  std::string stem;      // plain without its particle
  std::string particle;  // what follows the stem: "는", "의", "" if none

  int begin() const { return is_quote ? quote.open : word.begin; }
  int end() const { return is_quote ? quote.close_end : word.end; }
};

bool IsSubjectParticle(absl::string_view p) {
  return p == "은" || p == "는" || p == "이" || p == "가" || p == "께서" ||
         p == "께서는" || p == "도";
}

bool IsNominative(absl::string_view p) { return p == "이" || p == "가"; }

// Characters (code points) in UTF-8 `s`.
int CharCount(absl::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool IsTopic(const Item& w) {
  return !w.is_quote && (w.particle == "은" || w.particle == "는" ||
                         w.particle == "께서는");
}

// Words that open a sentence continuing the previous speaker's words.
bool IsConnective(absl::string_view core) {
  return core == "이어" || core == "또" || core == "또한" || core == "아울러" ||
         core == "그러면서" || core == "이어서";
}

// A verb form that modifies the noun after it (낸 소송, 하는 방안): "…라며
// 낸 소송에서" reports no speech of the sentence's subject.
// (은, 는 and 을 end nouns with particles too often to count.)
bool IsAdnominal(absl::string_view word) {
  for (absl::string_view s : {"낸", "한", "된", "던", "온", "간", "건", "선",
                              "인", "낼", "할", "될", "하는", "되는", "내는"}) {
    if (word.size() > s.size() && absl::EndsWith(word, s)) return true;
  }
  return false;
}

// Whether quoted text reads as something said rather than a name or term:
// several words, or a sentence ending.
bool SentenceLike(absl::string_view content, bool single_marks) {
  content = text::TrimSpace(content);
  int spaces = 0;
  for (char c : content) spaces += (c == ' ');
  while (!content.empty() &&
         (content.back() == '.' || content.back() == '!' ||
          content.back() == '?' || content.back() == ',')) {
    content.remove_suffix(1);
  }
  for (absl::string_view end : {"다", "요", "까", "죠", "냐", "자"}) {
    if (content.size() > end.size() && absl::EndsWith(content, end)) {
      return true;
    }
  }
  return spaces >= (single_marks ? 2 : 1);
}

bool SingleMarks(absl::string_view text, const QuoteSpan& q) {
  const absl::string_view mark = text.substr(q.open, q.content_begin - q.open);
  return mark == "'" || mark == "\xE2\x80\x98";  // ' or ‘
}

// How sure a clause must be of its speaker.
enum class Need {
  // Any subject, or the previous speaker when there is none.
  kAny,
  // A subject that names someone: an entity, a pronoun, the previous
  // speaker ("…다며", "…로 예측했다").
  kResolved,
  // A subject written in the sentence ("X는 …라는 입장이다"); without one
  // the words are the writer's.
  kWritten,
};

// The subject found for a clause.
struct Subject {
  int item = -1;  // the last word of the subject, -1 when carried
  Speaker speaker;
  // Named an entity, a pronoun or a known speaker, rather than being only
  // a subject as written.
  bool resolved = false;
};

class ParagraphScanner {
 public:
  ParagraphScanner(const SpeakerIndex& index, const ParagraphRef& paragraph,
                   SectionState* state)
      : index_(index), p_(paragraph), state_(state) {}

  void ScanSentence(ByteRange sentence, const std::vector<QuoteSpan>& quotes);

  std::vector<FoundQuote> Take() { return std::move(found_); }

 private:
  struct Match {
    int entity;
    size_t from;
    size_t to;
  };

  void BuildItems(ByteRange sentence, const std::vector<QuoteSpan>& quotes);
  Item AnalyseWord(const Word& w) const;
  absl::string_view NameStem(absl::string_view word) const;
  bool IsPerson(const Speaker& speaker) const;
  void NotePersonSubject();

  // The first word in [from, from + kCueLookahead) whose cue class has
  // `cls`, crossing no clause; -1 if none.
  int FindCue(size_t from, uint8_t cls) const;

  // Handlers return the last item they consumed.
  size_t HandleQuote(size_t i);
  size_t HandleWord(size_t i);
  // Reported speech ending at `clause_end_item` (content up to byte
  // `content_end`) with its cue at `cue_item`.
  void EmitIndirect(size_t clause_end_item, int content_end, size_t cue_item,
                    std::string cue, Need need);
  // "게 X의 설명이다" from the 게/것이 word at `at`: the predicate's item,
  // or -1.
  int OpinionPredicate(size_t at) const;
  // "김 대표의 설명이다" from `from` to the end of the sentence: the
  // predicate's item, or -1.
  int NamedAfter(size_t from) const;
  // Emits `q` with the speaker NamedAfter(from) names; false if none.
  bool AttributeQuote(const QuoteSpan& q, size_t from);
  // A sentence that is only a quote, attributed by the next sentence
  // ("“…입니다.” 김 대표의 설명이다."): emits it if this sentence does so.
  void AttributePendingQuote();
  void FlushSource();

  // The speaker of a clause whose subject would be in items [lo, hi):
  // the first subject naming an entity (or a later topic after a clause of
  // its own), else the first topic or subject as written.
  std::optional<Subject> SelectSubject(size_t lo, size_t hi) const;
  std::optional<Subject> QuotedSubject(size_t j) const;
  // Whether the subject-looking word at `j` reads as a verb form that
  // modifies a noun ("구인정보를 제공하는", "이끄는 정태윤 감독은").
  bool ReadsAsVerb(size_t j) const;
  std::optional<Subject> ResolveNp(size_t lo, size_t head) const;
  std::optional<Subject> ResolveSource(size_t lo, size_t last) const;
  // The previous speaker, an organisation, when the subject words
  // [first, head] refer back to it ("회사 측은").
  std::optional<Subject> OrganizationAnaphor(size_t first, size_t head) const;
  std::optional<Subject> ResolveEnglish(size_t lo, size_t hi) const;
  // The previous speaker; `explicit_reference` when a pronoun or a
  // connective points back to them, which reaches across paragraphs.
  std::optional<Subject> Carried(bool explicit_reference) const;
  // The subject of a clause with none of its own: a pending "X에
  // 따르면" source of the sentence, else the previous speaker.
  std::optional<Subject> Implicit() const;
  bool StartsWithConnective() const;

  // Entities named by words [lo, hi] (single words, glosses, mentions and
  // names of up to kMaxNameWords words), left to right.
  std::vector<Match> MatchEntities(size_t lo, size_t hi) const;
  bool SameName(size_t a, size_t b) const;
  int PartialPerson(size_t k) const;
  size_t NpStart(size_t lo, size_t head) const;

  // Start of the clause's content when it has no subject of its own.
  int ClauseStart() const;
  // Where content starting at item `from` begins, past connectives ("김
  // 교수는 또 …").
  int ContentStart(size_t from) const;
  std::string Written(size_t from, size_t to) const;
  void Emit(QuoteKind kind, const Speaker& speaker, std::string cue,
            int begin, int end);

  const SpeakerIndex& index_;
  const ParagraphRef& p_;
  SectionState* state_;
  std::vector<Item> items_;
  size_t region_ = 0;  // first item of the current clause
  bool sentence_has_quote_ = false;
  // A pending "X에 따르면": emitted at the end of the sentence unless a
  // clause with its own cue follows.
  struct Source {
    Subject subject;
    std::string cue;
    int text_begin;
  };
  std::optional<Source> source_;
  std::optional<QuoteSpan> pending_quote_;
  std::vector<FoundQuote> found_;
};

Item ParagraphScanner::AnalyseWord(const Word& w) const {
  Item item;
  item.word = w;
  item.core =
      std::string(p_.text.substr(w.core_begin, w.core_end - w.core_begin));
  item.plain = WithoutGloss(item.core, &item.gloss);
  item.stem = std::string(NameStem(item.plain));
  item.particle = item.plain.substr(item.stem.size());
  return item;
}

// 정재만은 is 정재만 + 은, not 정재 + 만은: where a shorter particle leaves a
// name of the article, that reading wins.
absl::string_view ParagraphScanner::NameStem(absl::string_view word) const {
  for (const text::ParticleSplit& split : text::ParticleReadings(word)) {
    if (index_.EntityNamed(split.stem) >= 0) return split.stem;
  }
  return text::StripParticle(word);
}

void ParagraphScanner::BuildItems(ByteRange sentence,
                                  const std::vector<QuoteSpan>& quotes) {
  items_.clear();
  int at = sentence.begin;
  int glue_at = -1;
  auto add_words = [&](int from, int to) {
    for (const Word& w : SplitWords(p_.text, from, to)) {
      Item item = AnalyseWord(w);
      item.glued = (w.begin == glue_at);
      items_.push_back(std::move(item));
    }
  };
  for (const QuoteSpan& q : quotes) {
    if (q.open < sentence.begin || q.close_end > sentence.end) continue;
    add_words(at, q.open);
    Item item;
    item.is_quote = true;
    item.quote = q;
    items_.push_back(std::move(item));
    at = q.close_end;
    glue_at = q.close_end;
  }
  add_words(at, sentence.end);
}

void ParagraphScanner::ScanSentence(ByteRange sentence,
                                    const std::vector<QuoteSpan>& quotes) {
  BuildItems(sentence, quotes);
  region_ = 0;
  source_.reset();
  sentence_has_quote_ = false;
  AttributePendingQuote();
  const size_t found_before = found_.size();
  for (size_t i = 0; i < items_.size(); ++i) {
    i = items_[i].is_quote ? HandleQuote(i) : HandleWord(i);
  }
  FlushSource();
  if (found_.size() == found_before) NotePersonSubject();
}

void ParagraphScanner::NotePersonSubject() {
  for (size_t j = 0; j < items_.size() && j < kMaxSubjectScan; ++j) {
    const Item& w = items_[j];
    if (w.is_quote || !IsSubjectParticle(w.particle)) continue;
    if (IsSpeakerPronoun(w.stem)) return;
    std::optional<Subject> s = ResolveNp(0, j);
    if (s && s->resolved && IsPerson(s->speaker)) {
      state_->last_person = s->speaker;
      state_->last_person_is_newer = true;
    }
    return;
  }
}

int ParagraphScanner::NamedAfter(size_t from) const {
  for (size_t k = from + 1; k < items_.size() && k <= from + kMaxNpWords;
       ++k) {
    if (items_[k].is_quote) return -1;
    if (!IsStancePredicate(items_[k].core)) continue;
    const bool last = k + 1 == items_.size();
    return last && items_[k - 1].particle == "의" ? static_cast<int>(k) : -1;
  }
  return -1;
}

bool ParagraphScanner::AttributeQuote(const QuoteSpan& q, size_t from) {
  const int k = NamedAfter(from);
  if (k < 0) return false;
  if (std::optional<Subject> subject = ResolveNp(from, k - 1)) {
    Emit(gisa::v1::QUOTE_KIND_DIRECT, subject->speaker, items_[k].core,
         q.content_begin, q.content_end);
  }
  region_ = k + 1;
  return true;
}

void ParagraphScanner::AttributePendingQuote() {
  if (!pending_quote_) return;
  const QuoteSpan q = *pending_quote_;
  pending_quote_.reset();
  AttributeQuote(q, 0);
}

int ParagraphScanner::FindCue(size_t from, uint8_t cls) const {
  for (size_t k = from; k < items_.size() && k < from + kCueLookahead; ++k) {
    const Item& w = items_[k];
    if (w.is_quote) return -1;
    const uint8_t found = CueClassOf(w.core);
    if (found & cls) return static_cast<int>(k);
    if (found & kCueAdnominal) {
      // "…라고 말한 바 있다", "…다고 밝힌 적이 있다" report speech too.
      const bool said = k + 1 < items_.size() &&
                        (items_[k + 1].core == "바" ||
                         items_[k + 1].core == "적이" ||
                         items_[k + 1].core == "적도");
      return said && (cls & kCueSpeech) ? static_cast<int>(k) : -1;
    }
    if (w.word.clause_end || w.word.sentence_end) return -1;
    if (QuotativeOf(w.core).kind != kNotQuotative) return -1;
  }
  return -1;
}

size_t ParagraphScanner::HandleQuote(size_t i) {
  const QuoteSpan& q = items_[i].quote;
  const absl::string_view content =
      p_.text.substr(q.content_begin, q.content_end - q.content_begin);
  int cue = -1;
  int tail = -1;
  bool english = false;
  bool myeo = false;
  if (i + 1 < items_.size() && !items_[i + 1].is_quote &&
      IsQuoteTail(items_[i + 1].core, &myeo) &&
      (items_[i + 1].glued ||
       items_[i + 1].core.size() > static_cast<size_t>(kSyllable))) {
    // Glued to the mark ("…”라고"), or a full ending after a stray space
    // ("…\" 라며"); a bare 고 or 며 after a space is another word.
    tail = static_cast<int>(i + 1);
    cue = myeo ? tail : FindCue(i + 2, kCueSpeech);
  }
  if (cue < 0) {
    // "…," said X / "…," X said.
    for (size_t k = i + 1; k < items_.size() && k <= i + 4; ++k) {
      if (items_[k].is_quote) break;
      if (CueClassOf(items_[k].core) & kCueEnglish) {
        cue = static_cast<int>(k);
        english = true;
        break;
      }
      if (items_[k].word.sentence_end) break;
    }
  }
  if (cue < 0 && i + 1 < items_.size() && items_[i + 1].glued &&
      (items_[i + 1].core == "라는" || items_[i + 1].core == "이라는")) {
    // "“…”라는 게 X의 설명이다".
    if (int k = OpinionPredicate(i + 2); k >= 0) {
      std::optional<Subject> subject = ResolveNp(i + 3, k - 1);
      if (subject && SentenceLike(content, SingleMarks(p_.text, q))) {
        Emit(gisa::v1::QUOTE_KIND_DIRECT, subject->speaker, items_[k].core,
             q.content_begin, q.content_end);
      }
      region_ = k + 1;
      return k;
    }
  }
  if (cue < 0 && i > region_ && !items_[i - 1].is_quote &&
      (CueClassOf(items_[i - 1].core) & kCueEnglish) &&
      items_[i - 1].word.clause_end) {
    // Jane Park said, "…".
    cue = static_cast<int>(i - 1);
    english = true;
  }
  bool introduced = false;  // 'X는 “…”.' with no attribution word
  if (cue < 0) {
    const bool last = i + 1 == items_.size() ||
                      (i + 2 == items_.size() && items_[i + 1].core.empty());
    introduced = last && i > region_;
  }
  if (cue < 0 && !introduced) {
    // "“…” 김 대표의 말이다" in one sentence.
    if (SentenceLike(content, SingleMarks(p_.text, q)) &&
        AttributeQuote(q, i + 1)) {
      return items_.size() - 1;
    }
    // A quote that is a sentence of its own waits for the next sentence
    // to name its speaker.
    const bool alone = i == 0 && (i + 1 == items_.size() ||
                                  (i + 2 == items_.size() &&
                                   items_[i + 1].core.empty()));
    if (alone && SentenceLike(content, SingleMarks(p_.text, q))) {
      pending_quote_ = q;
    }
    return i;  // else a name or a term in marks
  }
  const size_t consumed = cue >= 0 ? std::max<size_t>(cue, i) : i;
  if (!SentenceLike(content, SingleMarks(p_.text, q))) return consumed;

  std::optional<Subject> subject;
  if (english && static_cast<size_t>(cue) < i) {
    size_t lo = cue;
    while (lo > region_ && cue - lo < 4 && !items_[lo - 1].is_quote &&
           absl::ascii_isupper(static_cast<unsigned char>(
               items_[lo - 1].core.empty() ? ' ' : items_[lo - 1].core[0]))) {
      --lo;
    }
    subject = ResolveEnglish(lo, cue);
  } else if (english) {
    subject = static_cast<size_t>(cue) == i + 1
                  ? ResolveEnglish(cue + 1, items_.size())
                  : ResolveEnglish(i + 1, cue);
  } else {
    // "“…”라고 정 감독은 말했다": a subject after the quote is the speaker.
    if (tail >= 0 && cue > tail + 1) subject = SelectSubject(tail + 1, cue);
    if (!subject) subject = SelectSubject(region_, i);
  }
  if (introduced && !(subject && subject->resolved)) return i;
  if (subject && subject->item >= 0 && subject->item < static_cast<int>(i) &&
      !subject->resolved && StartsWithConnective()) {
    subject.reset();
  }
  if (!subject) subject = Implicit();
  if (subject) {
    std::string cue_text = cue >= 0 ? items_[cue].core : std::string();
    Emit(gisa::v1::QUOTE_KIND_DIRECT, subject->speaker, std::move(cue_text),
         q.content_begin, q.content_end);
  }
  region_ = consumed + 1;
  return consumed;
}

size_t ParagraphScanner::HandleWord(size_t i) {
  const Item& w = items_[i];
  const Quotative quotative = QuotativeOf(w.core);
  const int content_end = w.word.core_end - quotative.strip_bytes;
  switch (quotative.kind) {
    case kQuotativeGo:
      if (int cue = FindCue(i + 1, kCueSpeech); cue >= 0) {
        EmitIndirect(i, content_end, cue, items_[cue].core, Need::kAny);
        return cue;
      }
      break;
    case kQuotativeMyeo: {
      // "…다며": the ending is itself the attribution word, unless the
      // clause modifies a noun ("…라며 낸 소송").
      if (i + 1 < items_.size() && !items_[i + 1].is_quote &&
          IsAdnominal(items_[i + 1].core)) {
        break;
      }
      const size_t particle = absl::EndsWith(w.core, "면서") ? 6 : 3;
      EmitIndirect(i, content_end, i,
                   w.core.substr(w.core.size() - particle - kSyllable),
                   Need::kResolved);
      return i;
    }
    case kQuotativeNeun:
      if (i + 1 < items_.size() && !items_[i + 1].is_quote &&
          IsStanceObject(items_[i + 1].core)) {
        // "…다는 점을 지적하며", "…다는 견해를 밝혔다".
        const int cue = FindCue(i + 2, kCueStance);
        if (cue >= 0 && static_cast<size_t>(cue) <= i + 3) {
          EmitIndirect(i, content_end, cue, items_[cue].core, Need::kAny);
          return cue;
        }
      }
      if (int k = OpinionPredicate(i + 1); k >= 0) {
        // "…다는 게 X의 설명이다".
        if (std::optional<Subject> subject = ResolveNp(i + 2, k - 1)) {
          Emit(gisa::v1::QUOTE_KIND_INDIRECT, subject->speaker,
               items_[k].core, ClauseStart(), content_end);
        }
        region_ = k + 1;
        source_.reset();
        return k;
      }
      if (i + 1 < items_.size() && !items_[i + 1].is_quote &&
          IsHolderPredicate(items_[i + 1].core)) {
        // "X 측은 …라는 입장이다".
        EmitIndirect(i, content_end, i + 1, items_[i + 1].core,
                     Need::kWritten);
        return i + 1;
      }
      break;
    case kNotQuotative:
      break;
  }
  const uint8_t cls = CueClassOf(w.core);
  if ((cls & kCueForecast) && i > region_ + 1 && !items_[i - 1].is_quote &&
      absl::EndsWith(items_[i - 1].core, "로")) {
    // "…가능성을 20% 이하로 예측하며".
    EmitIndirect(i - 1, items_[i - 1].word.core_end, i, w.core,
                 Need::kResolved);
    return i;
  }
  if (w.core == "따르면" && i > region_ && !items_[i - 1].is_quote &&
      absl::EndsWith(items_[i - 1].core, "에")) {
    // The source is the noun phrase since the last comma. The clause
    // region stays: "Y에 따르면 X는 …라고 밝혔다" has X for subject.
    size_t lo = std::max(region_, i > kMaxSourceWords ? i - kMaxSourceWords
                                                       : size_t{0});
    for (size_t k = i - 1; k > lo; --k) {
      if (items_[k - 1].is_quote || items_[k - 1].word.clause_end) {
        lo = k;
        break;
      }
    }
    std::optional<Subject> subject = ResolveSource(lo, i - 1);
    if (subject && i + 1 < items_.size()) {
      source_ = Source{*subject, w.core, items_[i + 1].begin()};
    }
    return i;
  }
  return i;
}

int ParagraphScanner::OpinionPredicate(size_t at) const {
  if (at >= items_.size() || items_[at].is_quote ||
      !IsThingSubject(items_[at].core)) {
    return -1;
  }
  for (size_t k = at + 2; k < items_.size() && k <= at + 4; ++k) {
    if (items_[k].is_quote) return -1;
    if (!IsStancePredicate(items_[k].core)) continue;
    return items_[k - 1].particle == "의" ? static_cast<int>(k) : -1;
  }
  return -1;
}

void ParagraphScanner::EmitIndirect(size_t clause_end_item, int content_end,
                                    size_t cue_item, std::string cue,
                                    Need need) {
  std::optional<Subject> subject;
  int content_begin = ClauseStart();
  // "…했다고 상하이스트가 9일 전했다": a subject between the clause and its
  // cue is the speaker, and the whole clause is content.
  if (cue_item > clause_end_item + 1) {
    subject = SelectSubject(clause_end_item + 1, cue_item);
  }
  if (!subject) {
    subject = SelectSubject(region_, clause_end_item);
    if (subject && subject->item >= 0) {
      content_begin = ContentStart(subject->item + 1);
    }
    // A sentence that opens with a connective ("그러면서 국회가 …해야
    // 한다고 촉구했다") continues the previous speaker; its own subjects
    // belong to what was said.
    // So does a later clause of a sentence that has quoted someone
    // already ("…봐야 한다며 조세조약이 …정당하다고 밝혔다").
    const bool continues = StartsWithConnective() || sentence_has_quote_;
    if (subject && subject->item >= 0 && continues &&
        (!subject->resolved || IsNominative(items_[subject->item].particle))) {
      if (std::optional<Subject> carried = Carried(true)) {
        subject = std::move(carried);
        content_begin = ClauseStart();
      }
    }
  }
  // A verb of thinking needs someone named to think: "(저는) 이번 결정이
  // 옳았다고 생각합니다" is the writer's view.
  const bool judgement = CueClassOf(cue) & kCueJudgement;
  if (judgement && subject && !subject->resolved && subject->item >= 0 &&
      IsNominative(items_[subject->item].particle)) {
    subject.reset();
    content_begin = ClauseStart();
  }
  if (!subject && need != Need::kWritten &&
      !(judgement && !StartsWithConnective())) {
    subject = Implicit();
  }
  // A clause left without a speaker stays in the region, so that the
  // subject before it still serves the next cue.
  if (!subject || (need == Need::kResolved && !subject->resolved)) return;
  if (need == Need::kWritten &&
      (subject->item < 0 || !IsTopic(items_[subject->item]))) {
    return;
  }
  region_ = cue_item + 1;
  source_.reset();
  Emit(gisa::v1::QUOTE_KIND_INDIRECT, subject->speaker, std::move(cue),
       content_begin, content_end);
}

void ParagraphScanner::FlushSource() {
  if (!source_) return;
  Source source = *std::move(source_);
  source_.reset();
  // The content runs to the end of the sentence, less a closing "…다고
  // 한다" (hearsay) and the final period.
  size_t last = items_.size();
  while (last > 0 && !items_[last - 1].is_quote &&
         items_[last - 1].core.empty()) {
    --last;
  }
  if (last == 0) return;
  int end = items_[last - 1].is_quote ? items_[last - 1].quote.close_end
                                      : items_[last - 1].word.core_end;
  if (last >= 2 && !items_[last - 1].is_quote && !items_[last - 2].is_quote) {
    const std::string& verb = items_[last - 1].core;
    const Quotative q = QuotativeOf(items_[last - 2].core);
    if (q.kind == kQuotativeGo &&
        (absl::StartsWith(verb, "한") || absl::StartsWith(verb, "합") ||
         absl::StartsWith(verb, "했") || absl::StartsWith(verb, "전해") ||
         absl::StartsWith(verb, "알려"))) {
      end = items_[last - 2].word.core_end - q.strip_bytes;
    }
  }
  Emit(gisa::v1::QUOTE_KIND_INDIRECT, source.subject.speaker,
       std::move(source.cue), source.text_begin, end);
}

// 전문가들, 업계, 관계자: common nouns for who speaks.
bool SpeakerLikeNoun(absl::string_view stem) {
  absl::ConsumeSuffix(&stem, "들");
  return IsGenericNoun(stem);
}

bool ParagraphScanner::IsPerson(const Speaker& speaker) const {
  return speaker.entity >= 0 && index_.entity(speaker.entity).type() ==
                                    gisa::v1::ENTITY_TYPE_PERSON;
}

std::optional<Subject> ParagraphScanner::SelectSubject(size_t lo,
                                                       size_t hi) const {
  std::optional<Subject> resolved;
  std::optional<Subject> fallback;
  bool fallback_topic = false;
  // Whether a clause ended since `resolved` / `fallback` was found.
  bool after_resolved = false;
  bool after_fallback = false;
  int scanned = 0;
  for (size_t j = lo; j < hi && j < items_.size() && scanned < kMaxSubjectScan;
       ++j, ++scanned) {
    const Item& w = items_[j];
    const bool clause_end =
        w.word.clause_end
            ? EndsClauseBeforeComma(w.core) && index_.EntityNamed(w.core) < 0
            : EndsClause(w.core);
    if (!w.is_quote && clause_end) {
      after_resolved = resolved.has_value();
      after_fallback = fallback.has_value();
      continue;
    }
    std::optional<Subject> s;
    if (w.is_quote) {
      s = QuotedSubject(j);
      if (!s) continue;
    } else {
      // "한국은행 역시 …고 밝혔다": 역시 and 또한 stand for the particle.
      const bool also = w.particle.empty() && j + 1 < hi &&
                        !items_[j + 1].is_quote &&
                        (items_[j + 1].core == "역시" ||
                         items_[j + 1].core == "또한");
      if (!IsSubjectParticle(w.particle) && !also) continue;
      // "스가 요시히데 관방장관은": the name goes on in the next word.
      if (j + 1 < hi && SameName(j, j + 1)) continue;
      s = ResolveNp(lo, j);
      if (s && also) s->item = static_cast<int>(j + 1);  // text after 역시
    }
    if (!s) continue;
    // "크리스티는 …않았으나, 로이터통신은 …다고 보도했다", "킬버트는
    // …토로했고, 이를 접한 선생님은 …자고 제안했다": a topic after a clause
    // of its own is the speaker of the last clause.
    const bool role =
        !w.is_quote && (IsRoleNoun(w.stem) || IsOfficeNoun(w.stem));
    if (s->resolved) {
      // "스즈키 겐타는 …머물렀는데, 그는 …라고 말했다": the pronoun is the
      // person this sentence named, not an earlier speaker.
      const bool pronoun_for_resolved =
          resolved && !w.is_quote && IsSpeakerPronoun(w.stem) &&
          IsPerson(resolved->speaker);
      if (!pronoun_for_resolved &&
          (!resolved || (after_resolved && !IsNominative(w.particle)))) {
        resolved = std::move(s);
        after_resolved = false;
      }
      continue;
    }
    // A subject as written is a weak guess: no additive 도 but on a role
    // or an organisation (재고도, 대해서도), no bound noun or other single
    // syllable (것은, 이는), no adverb, and no verb form that modifies a
    // noun.
    if ((w.particle == "도" && !role && !IsGenericNoun(w.stem)) ||
        CharCount(s->speaker.name) <= 1 ||
        IsAdverbial(w.stem) || ReadsAsVerb(j)) {
      continue;
    }
    const bool topic = IsTopic(w) || w.particle == "도";
    if (resolved) {
      if (after_resolved && role && topic) {
        resolved = std::move(s);
        after_resolved = false;
      } else if (after_resolved && topic && SpeakerLikeNoun(w.stem)) {
        // "국토교통부는 …할 계획이고, 전문가들은 …라고 지적했다": people
        // named by a common noun after a clause of their own speak, not
        // the organisation before them.
        resolved.reset();
        fallback = std::move(s);
        fallback_topic = true;
        after_fallback = false;
      }
      continue;
    }
    // The first topic ("조사부는 이 전 회장이 …") beats the first subject.
    if (!fallback || (topic && !fallback_topic) ||
        (after_fallback && role && topic)) {
      fallback = std::move(s);
      fallback_topic = topic;
      after_fallback = false;
    }
  }
  // The sentence's topic ("협회 측은", "신문은") is its speaker rather than
  // a name the clause makes its own subject ("…산업부가 …했다고").
  if (resolved && fallback && fallback->item < resolved->item &&
      resolved->item >= 0 && IsNominative(items_[resolved->item].particle) &&
      IsTopic(items_[fallback->item])) {
    return fallback;
  }
  return resolved ? resolved : fallback;
}

bool ParagraphScanner::ReadsAsVerb(size_t j) const {
  auto topic_at = [&](size_t k) {
    return k < items_.size() && IsTopic(items_[k]);
  };
  if (items_[j].is_quote) return false;
  // Followed by the topic it modifies: "제공하는 벼룩시장은", "이끄는 정태윤
  // 감독은".
  if (topic_at(j + 1)) return true;
  if (j + 2 < items_.size() && !items_[j + 1].is_quote &&
      items_[j + 1].particle.empty() && topic_at(j + 2)) {
    return true;
  }
  // Preceded by its object or complement: "난동을 부리는", "범죄자로
  // 비치는".
  if (j == 0 || items_[j - 1].is_quote || !IsTopic(items_[j])) return false;
  const std::string& p = items_[j - 1].particle;
  return p == "을" || p == "를" || p == "로" || p == "으로";
}

std::optional<Subject> ParagraphScanner::QuotedSubject(size_t j) const {
  // '애프터눈'은: a quoted name with a subject particle glued to it.
  if (j + 1 >= items_.size() || items_[j + 1].is_quote ||
      !items_[j + 1].glued) {
    return std::nullopt;
  }
  const std::string& particle = items_[j + 1].core;
  if (particle != "은" && particle != "는" && particle != "이" &&
      particle != "가") {
    return std::nullopt;
  }
  const QuoteSpan& q = items_[j].quote;
  const absl::string_view name = text::TrimSpace(
      p_.text.substr(q.content_begin, q.content_end - q.content_begin));
  if (name.empty() || name.size() > kMaxQuotedNameBytes) return std::nullopt;
  Subject s;
  s.item = static_cast<int>(j + 1);
  if (int e = index_.EntityNamed(name); e >= 0) {
    s.speaker.entity = e;
    s.speaker.name = index_.entity(e).name();
    s.resolved = true;
  } else {
    s.speaker.name = std::string(name);
  }
  if (j > 0 && !items_[j - 1].is_quote && items_[j - 1].particle.empty() &&
      !IsAdverbial(items_[j - 1].core)) {
    s.speaker.description = items_[j - 1].core;  // 만화잡지 '애프터눈'
  }
  return s;
}

std::vector<ParagraphScanner::Match> ParagraphScanner::MatchEntities(
    size_t lo, size_t hi) const {
  std::vector<Match> matches;
  for (size_t k = lo; k <= hi; ++k) {
    const Item& w = items_[k];
    if (w.is_quote) continue;
    // Longest name starting here first.
    bool found = false;
    for (size_t n = kMaxNameWords; n >= 2 && !found; --n) {
      if (k + n - 1 > hi) continue;
      std::vector<absl::string_view> parts;
      for (size_t m = k; m < k + n; ++m) {
        if (items_[m].is_quote) break;
        parts.push_back(m + 1 == k + n ? absl::string_view(items_[m].stem)
                                       : absl::string_view(items_[m].plain));
      }
      if (parts.size() != n) continue;
      if (int e = index_.EntityNamed(absl::StrJoin(parts, " ")); e >= 0) {
        matches.push_back({e, k, k + n - 1});
        k += n - 1;
        found = true;
      }
    }
    if (found) continue;
    // A mention inside a gloss ("형사12부(이원형 부장판사)는") names someone
    // else than the word.
    const size_t gloss_at = w.core.find('(');
    const int end = gloss_at == std::string::npos
                        ? w.word.core_end
                        : w.word.core_begin + static_cast<int>(gloss_at);
    int e = index_.EntityAt(p_.section, p_.paragraph, w.word.core_begin, end);
    if (e < 0) e = index_.EntityNamed(w.stem);
    if (e < 0) e = index_.EntityNamed(w.plain);
    if (e < 0 && !w.gloss.empty()) e = index_.EntityNamed(w.gloss);
    if (e < 0 && absl::EndsWith(w.stem, "측") && w.stem.size() > kSyllable) {
      e = index_.EntityNamed(w.stem.substr(0, w.stem.size() - kSyllable));
    }
    if (e < 0) continue;
    if (!matches.empty() && matches.back().entity == e &&
        matches.back().to + 1 == k) {
      matches.back().to = k;  // one mention over two words
    } else {
      matches.push_back({e, k, k});
    }
  }
  return matches;
}

bool ParagraphScanner::SameName(size_t a, size_t b) const {
  if (items_[a].is_quote || items_[b].is_quote) return false;
  for (const Match& m : MatchEntities(a, b)) {
    if (m.from <= a && m.to >= b) return true;
  }
  return false;
}

int ParagraphScanner::PartialPerson(size_t k) const {
  // "강 씨는" after 강도윤 and then his father 강만석: the bearer of the
  // name mentioned last.
  const std::vector<int>& persons = index_.PersonsWithPart(items_[k].stem);
  if (persons.empty()) return -1;
  int best = persons.front();
  SpeakerIndex::Place latest;
  for (int e : persons) {
    const std::optional<SpeakerIndex::Place> place = index_.LastMentionBefore(
        e, {p_.section, p_.paragraph, items_[k].word.begin});
    if (place && (latest.section < 0 || latest < *place)) {
      latest = *place;
      best = e;
    }
  }
  return best;
}

size_t ParagraphScanner::NpStart(size_t lo, size_t head) const {
  // Nouns and genitives before the head, and the word right before a role
  // noun whatever it looks like (a name: 정하린 수석연구원).
  size_t first = head;
  while (first > lo && head - first + 1 < kMaxNpWords) {
    const Item& w = items_[first - 1];
    if (w.is_quote || w.word.clause_end || w.word.sentence_end) break;
    if (IsAdverbial(w.core)) break;
    if (!SameName(first - 1, first)) {
      // 경영학과 교수, 신경과 교수: a department before a role ends in 과,
      // not in the particle 과.
      const bool department =
          w.particle == "과" && IsRoleNoun(items_[first].stem);
      if (!w.particle.empty() && w.particle != "의" && !department) break;
      // Not a verb modifying the role, which follows its own object or
      // adverb ("이를 접한 선생님은", "팀을 이끄는 감독은").
      const bool name_before_role =
          first == head && IsRoleNoun(items_[head].stem) &&
          !(first - 1 > lo && !items_[first - 2].is_quote &&
            !items_[first - 2].particle.empty() &&
            items_[first - 2].particle != "의");
      if (w.particle.empty() && !name_before_role && EndsLikeVerb(w.core) &&
          MatchEntities(first - 1, first - 1).empty()) {
        break;
      }
    }
    --first;
  }
  return first;
}

std::optional<Subject> ParagraphScanner::ResolveNp(size_t lo,
                                                   size_t head) const {
  if (IsSpeakerPronoun(items_[head].stem)) {
    std::optional<Subject> carried = Carried(true);
    if (carried) carried->item = static_cast<int>(head);
    return carried;
  }
  const size_t first = NpStart(lo, head);
  if (std::optional<Subject> anaphor = OrganizationAnaphor(first, head)) {
    return anaphor;
  }
  auto describe = [&](size_t from, size_t to) {
    // Words before the name as written, and role nouns after it.
    std::vector<std::string> parts;
    if (from > first) parts.push_back(Written(first, from - 1));
    for (size_t k = to + 1; k <= head; ++k) {
      parts.push_back(k == head ? items_[k].stem : items_[k].plain);
    }
    return absl::StrJoin(parts, " ");
  };

  Subject s;
  s.item = static_cast<int>(head);
  const std::vector<Match> matches = MatchEntities(first, head);
  const Match* chosen = nullptr;
  for (const Match& m : matches) {
    // "차은결의 소속사 블루문엔터테인먼트는": a person in the genitive
    // before another name only describes it.
    const bool genitive = items_[m.to].particle == "의" && &m != &matches.back();
    if (index_.entity(m.entity).type() == gisa::v1::ENTITY_TYPE_PERSON &&
        !genitive) {
      chosen = &m;
    }
  }
  if (chosen == nullptr && !matches.empty()) {
    // An organisation speaks through its offices ("MLB 사무국이", "경찰
    // 관계자는") or as what it is ("페예노르트 구단은"), not through a
    // person named after it.
    const Match& m = matches.back();
    bool offices_only = true;
    for (size_t k = m.to + 1; k <= head; ++k) {
      if (!IsRoleNoun(items_[k].stem) && !IsOfficeNoun(items_[k].stem) &&
          !IsOrganizationAnaphor(items_[k].stem)) {
        offices_only = false;
      }
    }
    // Unknown words before a bare organisation name a person of it:
    // "수전 라이스 미국 백악관 국가안보보좌관은".
    size_t lead_end = m.from;
    for (auto p = matches.rbegin(); p != matches.rend(); ++p) {
      if (p->to + 1 == lead_end && index_.entity(p->entity).type() ==
                                       gisa::v1::ENTITY_TYPE_LOCATION) {
        lead_end = p->from;
      }
    }
    size_t lead_begin = lead_end;
    while (lead_begin > first && items_[lead_begin - 1].particle.empty() &&
           !IsGenericNoun(items_[lead_begin - 1].stem) &&
           !IsRoleNoun(items_[lead_begin - 1].stem)) {
      --lead_begin;
    }
    // (Two words, or one of three syllables like a Korean name: a lone
    // "경기" is the province of 경기 수원서부경찰서.)
    const bool name_like =
        lead_end - lead_begin >= 2 ||
        (lead_end - lead_begin == 1 &&
         CharCount(items_[lead_begin].plain) == 3);
    // (Only with a role after the organisation: "골프 전문 방송
    // 골프채널은" is the channel.)
    const bool person_before = name_like && items_[m.to].particle != "의" &&
                               m.to < head &&
                               MatchEntities(lead_begin, lead_end - 1).empty();
    if (offices_only && person_before) {
      std::vector<std::string> name;
      for (size_t k = lead_begin; k < lead_end; ++k) {
        name.push_back(items_[k].plain);
      }
      s.speaker.name = absl::StrJoin(name, " ");
      s.speaker.description = describe(lead_begin, lead_end - 1);
      return s;
    }
    if (offices_only) chosen = &m;
  }
  if (chosen != nullptr) {
    s.speaker.entity = chosen->entity;
    s.speaker.name = index_.entity(chosen->entity).name();
    s.speaker.description = describe(chosen->from, chosen->to);
    s.resolved = true;
    return s;
  }
  // "린 총괄은", "정 감독은": part of a known person's name, then a role.
  for (size_t k = head + 1; k-- > first;) {
    // A bare surname needs a role after it ("정 감독"); an office ("이
    // 관계자") makes "이" a demonstrative.
    const bool role_after = k < head && IsRoleNoun(items_[k + 1].stem) &&
                            !IsOfficeNoun(items_[k + 1].stem);
    if (items_[k].stem.size() <= static_cast<size_t>(kSyllable) &&
        !role_after) {
      continue;
    }
    if (int e = PartialPerson(k); e >= 0) {
      s.speaker.entity = e;
      s.speaker.name = index_.entity(e).name();
      s.speaker.description = describe(k, k);
      s.resolved = true;
      return s;
    }
  }
  // No entity: the subject as written. Its name starts after the last
  // genitive or organisation and ends before trailing role nouns, unless
  // that leaves a bare surname ("오 교수") or a generic noun ("업계
  // 관계자").
  size_t g = first;
  for (size_t k = first; k < head; ++k) {
    if (items_[k].particle == "의") g = k + 1;
  }
  // A place stays in the name ("일본 정부", "쿠웨이트 주재 한국대사관"), and
  // so does an organisation the head is a unit of ("서울중앙지검 조사부");
  // a person is named after it ("카카오 박서윤 리더").
  for (const Match& m : matches) {
    const bool place =
        index_.entity(m.entity).type() == gisa::v1::ENTITY_TYPE_LOCATION;
    const bool unit = m.to + 1 == head && items_[m.to].particle.empty() &&
                      !IsRoleNoun(items_[head].stem);
    if (!place && !unit) g = std::max(g, m.to + 1);
  }
  if (g > head) g = head;
  size_t r = head + 1;
  while (r > g && IsRoleNoun(items_[r - 1].stem) &&
         !IsOfficeNoun(items_[r - 1].stem)) {
    --r;
  }
  size_t name_end = head;
  if (r > g && !IsGenericNoun(items_[r - 1].stem) &&
      (r - 1 > g || items_[g].stem.size() > static_cast<size_t>(kSyllable))) {
    name_end = r - 1;
  }
  std::vector<std::string> name;
  for (size_t k = g; k <= name_end; ++k) {
    name.push_back(k == head ? items_[k].stem : items_[k].plain);
  }
  s.speaker.name = absl::StrJoin(name, " ");
  if (s.speaker.name.empty()) return std::nullopt;
  s.speaker.description = describe(g, name_end);
  return s;
}

std::optional<Subject> ParagraphScanner::OrganizationAnaphor(
    size_t first, size_t head) const {
  // "회사 측은", "이 회사는", "같은 회사는" after an organisation spoke.
  if (!state_->last_speaker || state_->last_speaker->entity < 0 ||
      index_.entity(state_->last_speaker->entity).type() !=
          gisa::v1::ENTITY_TYPE_ORGANIZATION) {
    return std::nullopt;
  }
  size_t noun = head;
  if (items_[head].stem == "측" && head > first) noun = head - 1;
  const absl::string_view stem =
      noun == head ? absl::string_view(items_[noun].stem)
                   : absl::string_view(items_[noun].plain);
  if (!IsOrganizationAnaphor(stem)) return std::nullopt;
  for (size_t k = first; k < noun; ++k) {
    const std::string& w = items_[k].core;
    if (w != "이" && w != "그" && w != "같은" && w != "해당") {
      return std::nullopt;
    }
  }
  std::optional<Subject> carried = Carried(true);
  if (carried) carried->item = static_cast<int>(head);
  return carried;
}

std::optional<Subject> ParagraphScanner::ResolveSource(size_t lo,
                                                       size_t last) const {
  while (lo < last && !items_[lo].is_quote && IsAdverbial(items_[lo].core)) {
    ++lo;
  }
  if (lo == last && IsSpeakerPronoun(items_[last].stem)) {
    return Carried(true);
  }
  Subject s;
  s.item = static_cast<int>(last);
  // A person or organisation anywhere in "MLB 사무국이 공개한 투구 추적
  // 자료에" is the source; a place ("베이징 소식통들에") is not.
  // The head of "로드먼의 … 패디파워의 로리 스콧 대변인에" is its last name.
  const std::vector<Match> matches = MatchEntities(lo, last);
  for (auto m = matches.rbegin(); m != matches.rend(); ++m) {
    const auto type = index_.entity(m->entity).type();
    if (type == gisa::v1::ENTITY_TYPE_PERSON ||
        type == gisa::v1::ENTITY_TYPE_ORGANIZATION) {
      s.speaker.entity = m->entity;
      s.speaker.name = index_.entity(m->entity).name();
      s.resolved = true;
      return s;
    }
  }
  // "이투데이 보도에" is 이투데이's; "보도에" alone is nobody's; "…가
  // 운영하는 동물보호관리시스템에" is the system's; "이 위원장에" is a
  // person's, as a subject would be.
  while (last > lo && IsDocumentNoun(items_[last].stem)) --last;
  if (IsDocumentNoun(items_[last].stem)) return std::nullopt;
  return ResolveNp(lo, last);
}

std::optional<Subject> ParagraphScanner::ResolveEnglish(size_t lo,
                                                        size_t hi) const {
  std::vector<std::string> words;
  for (size_t k = lo; k < hi && k < items_.size() && words.size() < 4; ++k) {
    if (items_[k].is_quote || items_[k].core.empty()) break;
    words.push_back(items_[k].plain);
    if (items_[k].word.clause_end || items_[k].word.sentence_end) break;
  }
  if (words.empty()) return std::nullopt;
  if (words.size() == 1 && (words[0] == "he" || words[0] == "she" ||
                            words[0] == "He" || words[0] == "She")) {
    return Carried(true);
  }
  Subject s;
  const std::string name = absl::StrJoin(words, " ");
  int e = index_.EntityNamed(name);
  if (e < 0 && words.size() == 1) {
    const std::vector<int>& persons = index_.PersonsWithPart(words[0]);
    if (!persons.empty()) e = persons.front();
  }
  if (e >= 0) {
    s.speaker.entity = e;
    s.speaker.name = index_.entity(e).name();
    s.resolved = true;
  } else {
    s.speaker.name = name;
  }
  return s;
}

std::optional<Subject> ParagraphScanner::Carried(
    bool explicit_reference) const {
  if (explicit_reference && state_->last_person &&
      state_->last_person_is_newer) {
    Subject s;
    s.speaker = *state_->last_person;
    s.resolved = true;
    return s;
  }
  if (!state_->last_speaker) return std::nullopt;
  if (!explicit_reference && state_->last_paragraph != p_.paragraph) {
    return std::nullopt;
  }
  Subject s;
  s.speaker = *state_->last_speaker;
  s.resolved = true;
  return s;
}

std::optional<Subject> ParagraphScanner::Implicit() const {
  if (source_) return source_->subject;
  return Carried(StartsWithConnective());
}

bool ParagraphScanner::StartsWithConnective() const {
  return (region_ < items_.size() && IsConnective(items_[region_].core)) ||
         (!items_.empty() && IsConnective(items_[0].core));
}

int ParagraphScanner::ClauseStart() const { return ContentStart(region_); }

int ParagraphScanner::ContentStart(size_t from) const {
  size_t k = from;
  while (k < items_.size() && k < from + 3 && !items_[k].is_quote &&
         (IsConnective(items_[k].core) || items_[k].core.empty())) {
    ++k;
  }
  return k < items_.size() ? items_[k].begin()
                           : static_cast<int>(p_.text.size());
}

std::string ParagraphScanner::Written(size_t from, size_t to) const {
  const int begin = items_[from].begin();
  const int end =
      items_[to].is_quote ? items_[to].end() : items_[to].word.core_end;
  return std::string(p_.text.substr(begin, end - begin));
}

void ParagraphScanner::Emit(QuoteKind kind, const Speaker& speaker,
                            std::string cue, int begin, int end) {
  if (speaker.name.empty() || begin >= end) return;
  const absl::string_view raw = p_.text.substr(begin, end - begin);
  const absl::string_view trimmed = text::TrimSpace(raw);
  if (static_cast<int>(trimmed.size()) < kMinContentBytes) return;
  begin += static_cast<int>(trimmed.data() - raw.data());
  FoundQuote q;
  q.kind = kind;
  q.speaker = speaker;
  q.cue = std::move(cue);
  q.text = {begin, begin + static_cast<int>(trimmed.size())};
  found_.push_back(std::move(q));
  state_->last_speaker = speaker;
  state_->last_person_is_newer = false;
  state_->last_paragraph = p_.paragraph;
  sentence_has_quote_ = true;
}

}  // namespace

std::vector<FoundQuote> ScanParagraph(const SpeakerIndex& index,
                                      const ParagraphRef& paragraph,
                                      SentenceSplitter* splitter,
                                      SectionState* state) {
  const std::vector<QuoteSpan> quotes = FindQuoteSpans(paragraph.text);
  ParagraphScanner scanner(index, paragraph, state);
  size_t q = 0;
  for (const ByteRange& sentence : splitter->Split(paragraph.text, quotes)) {
    std::vector<QuoteSpan> inside;
    while (q < quotes.size() && quotes[q].open < sentence.end) {
      if (quotes[q].open >= sentence.begin) inside.push_back(quotes[q]);
      ++q;
    }
    scanner.ScanSentence(sentence, inside);
  }
  return scanner.Take();
}

}  // namespace gisa::ingest::quotes
