#include "query_service/store/faq_index.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "shared/text/glosses.h"
#include "shared/text/hangul.h"
#include "shared/text/normalize.h"

namespace gisa::query {
namespace {

// Words of a query beyond this many are ignored: a question is short, and
// the scoring holds two numbers per query word for every candidate.
constexpr int kMaxQueryWords = 32;

// Scratch kept by a thread between searches, at most (in floats).
constexpr size_t kMaxKeptScratch = size_t{1} << 22;

// A field's terms as (key, count), and its length in terms.
struct FieldTerms {
  std::vector<std::pair<std::string, uint32_t>> counts;
  uint32_t length = 0;
};

void Count(const std::vector<text::Term>& terms,
           absl::flat_hash_map<std::string, uint32_t>* counts) {
  for (const text::Term& term : terms) ++(*counts)[term.Key()];
}

FieldTerms ToField(const absl::flat_hash_map<std::string, uint32_t>& counts) {
  FieldTerms field;
  for (const auto& [key, count] : counts) {
    field.counts.emplace_back(key, count);
    field.length += count;
  }
  // Sorted, so that two replicas given the same articles build the same
  // postings in the same order.
  std::sort(field.counts.begin(), field.counts.end());
  return field;
}

// The names an article gives one thing, folded: an entity's name and
// aliases, or a gloss's head and forms.
using NameGroup = std::vector<std::string>;

void AddGroup(const std::vector<std::string>& names,
              std::vector<NameGroup>* groups) {
  NameGroup group;
  for (const std::string& name : names) {
    std::string folded(text::TrimSpace(text::FoldForMatch(name)));
    if (text::CodePointCount(folded) < 2) continue;  // "x" is in every text
    if (std::find(group.begin(), group.end(), folded) == group.end()) {
      group.push_back(std::move(folded));
    }
  }
  if (!group.empty()) groups->push_back(std::move(group));
}

std::vector<NameGroup> NameGroups(const gisa::v1::Article& article) {
  std::vector<NameGroup> groups;
  for (const gisa::v1::Entity& entity : article.entities()) {
    std::vector<std::string> names(entity.aliases().begin(),
                                   entity.aliases().end());
    names.push_back(entity.name());
    AddGroup(names, &groups);
  }
  // Glosses the entity extractor may not have kept: 삼원계(NCM), '궤적'(BLT).
  auto add_glosses = [&groups](absl::string_view text) {
    for (const text::Gloss& gloss : text::FindGlosses(text)) {
      std::vector<std::string> names = gloss.forms;
      names.push_back(gloss.head);
      AddGroup(names, &groups);
    }
  };
  add_glosses(article.title());
  for (const gisa::v1::Section& section : article.sections()) {
    for (const gisa::v1::Paragraph& paragraph : section.paragraphs()) {
      add_glosses(paragraph.text());
    }
  }
  return groups;
}

// The other names of everything `text` names, analyzed: a question about
// 팰컨9 also answers to Falcon 9. Names already in the text are left out.
void CountOtherNames(const std::string& text,
                     const std::vector<NameGroup>& groups,
                     const text::Analyzer& analyzer,
                     absl::flat_hash_set<std::string>* added,
                     absl::flat_hash_map<std::string, uint32_t>* counts) {
  const std::string folded = text::FoldForMatch(text);
  for (const NameGroup& group : groups) {
    const bool named = std::any_of(
        group.begin(), group.end(),
        [&](const std::string& f) { return absl::StrContains(folded, f); });
    if (!named) continue;
    for (const std::string& name : group) {
      if (absl::StrContains(folded, name) || !added->insert(name).second) {
        continue;
      }
      Count(analyzer.Analyze(name), counts);
    }
  }
}

FieldTerms Analyzed(const std::string& text, const text::Analyzer& analyzer) {
  absl::flat_hash_map<std::string, uint32_t> counts;
  Count(analyzer.Analyze(text), &counts);
  return ToField(counts);
}

double Idf(double n, double df) {
  return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

// Normalised term frequency of BM25 for one field.
double Normalized(double tf, double length, double average, double b) {
  if (tf == 0) return 0;
  return tf / (1.0 - b + b * length / std::max(average, 1.0));
}

uint8_t Clamp8(uint32_t v) {
  return static_cast<uint8_t>(std::min<uint32_t>(v, 0xff));
}

// Appends growing capacity by a quarter, not double: postings are most of
// the index, and their slack would be too.
template <typename T>
void Append(std::vector<T>* v, const T& value) {
  if (v->size() == v->capacity()) v->reserve(v->size() + v->size() / 4 + 1);
  v->push_back(value);
}

// A set of term ids, kept only to undo an entry's counts on Remove: sorted,
// delta- and varint-encoded (about 1.5 bytes an id instead of 4).
std::string EncodeIds(std::vector<uint32_t> ids) {
  std::sort(ids.begin(), ids.end());
  std::string out;
  uint32_t previous = 0;
  for (uint32_t id : ids) {
    for (uint32_t delta = id - previous; ; delta >>= 7) {
      if (delta < 0x80) {
        out.push_back(static_cast<char>(delta));
        break;
      }
      out.push_back(static_cast<char>((delta & 0x7f) | 0x80));
    }
    previous = id;
  }
  return out;
}

std::vector<uint32_t> DecodeIds(const std::string& encoded) {
  std::vector<uint32_t> ids;
  uint32_t id = 0;
  uint32_t delta = 0;
  int shift = 0;
  for (char c : encoded) {
    const auto byte = static_cast<uint8_t>(c);
    delta |= static_cast<uint32_t>(byte & 0x7f) << shift;
    shift += 7;
    if (byte < 0x80) {
      id += delta;
      ids.push_back(id);
      delta = 0;
      shift = 0;
    }
  }
  return ids;
}

}  // namespace

class FaqIndex::Prepared {
 public:
  struct Entry {
    FieldTerms question;
    FieldTerms answer;
    // Other names of what the question or answer names (CountOtherNames).
    FieldTerms names;
    // What the question asks for (text::Analyzer::Asks).
    text::QuestionKinds asks = 0;
  };
  std::string article_id;
  FieldTerms context;
  std::vector<Entry> entries;
};

std::shared_ptr<const FaqIndex::Prepared> FaqIndex::Prepare(
    const gisa::v1::Article& article, const text::Analyzer& analyzer) {
  auto prepared = std::make_shared<Prepared>();
  prepared->article_id = article.id();
  if (article.faq().empty()) return prepared;
  const std::vector<NameGroup> groups = NameGroups(article);
  // The context: the title and every name the article gives, once each.
  absl::flat_hash_map<std::string, uint32_t> context;
  Count(analyzer.Analyze(article.title()), &context);
  absl::flat_hash_set<std::string> names;
  for (const NameGroup& group : groups) {
    for (const std::string& name : group) {
      if (names.insert(name).second) Count(analyzer.Analyze(name), &context);
    }
  }
  prepared->context = ToField(context);
  for (const gisa::v1::FaqEntry& faq : article.faq()) {
    absl::flat_hash_map<std::string, uint32_t> other_names;
    absl::flat_hash_set<std::string> added;
    CountOtherNames(faq.question(), groups, analyzer, &added, &other_names);
    CountOtherNames(faq.answer(), groups, analyzer, &added, &other_names);
    prepared->entries.push_back({Analyzed(faq.question(), analyzer),
                                 Analyzed(faq.answer(), analyzer),
                                 ToField(other_names),
                                 analyzer.Asks(faq.question())});
  }
  return prepared;
}

class FaqIndex::Impl {
 public:
  Impl(Options options, const text::Analyzer& analyzer)
      : options_(options), analyzer_(analyzer) {}

  void Put(const Prepared& prepared);
  void Remove(const std::string& article_id);
  std::vector<Hit> Search(absl::string_view query, size_t limit) const;
  size_t size() const { return live_entries_; }
  size_t memory_bytes() const;
  const text::Analyzer& analyzer() const { return analyzer_; }

 private:
  struct Posting {
    uint32_t entry;
    uint8_t question_tf;
    uint8_t answer_tf;
    uint8_t names_tf;
  };
  struct ContextPosting {
    uint32_t slot;
    uint32_t tf;
  };
  struct TermData {
    std::vector<Posting> postings;  // by entry, ascending
    std::vector<ContextPosting> contexts;  // by slot, ascending
    uint32_t entry_df = 0;    // live entries among postings
    uint32_t context_df = 0;  // live slots among contexts
  };
  struct EntryRecord {
    uint32_t slot = 0;
    int32_t faq_index = 0;
    uint32_t question_length = 0;
    uint32_t answer_length = 0;
    text::QuestionKinds asks = 0;
    bool live = true;
    std::string terms;  // EncodeIds
  };
  struct SlotRecord {
    std::string article_id;
    uint32_t context_length = 0;
    bool live = true;
    std::vector<uint32_t> entries;
    std::string terms;  // EncodeIds, of the context
  };
  struct QueryTerm {
    uint32_t id;
    // Two buckets per query word: 2w for its own terms, 2w+1 for its
    // synonyms and sound keys.
    uint32_t bucket;
    double weight;
  };
  struct Query {
    std::vector<QueryTerm> terms;
    uint32_t buckets = 0;
  };
  // What one search accumulates: per candidate entry, a score per bucket and
  // one from the article context.
  struct Scratch {
    std::vector<int32_t> candidate_of;  // entry -> candidate index, or -1
    std::vector<uint32_t> entries;      // candidates, in the order found
    std::vector<float> scores;          // entries.size() x buckets
    std::vector<float> context;         // per candidate
    // The buckets of `entry`, making it a candidate if it is not yet.
    float* Bucket(uint32_t entry, uint32_t buckets);
  };

  uint32_t TermId(const std::string& key);
  Query ParseQuery(absl::string_view text) const;
  double KindWeight(text::TermKind kind) const;
  static double Combine(const float* buckets, uint32_t count);
  void ScoreEntries(const Query& query, Scratch* scratch) const;
  void ScoreContexts(const Query& query, Scratch* scratch) const;
  double IntentFactor(text::QuestionKinds query,
                      text::QuestionKinds entry) const;
  // Terms held by more entries than this only re-score entries found by
  // rarer terms (unless no rarer term found any).
  size_t ScanLimit(size_t live) const { return std::max<size_t>(4096, live / 8); }
  void MaybeCompact();
  void Compact();

  const Options options_;
  const text::Analyzer& analyzer_;
  absl::flat_hash_map<std::string, uint32_t> term_ids_;
  std::vector<TermData> terms_;
  std::vector<EntryRecord> entries_;
  std::vector<SlotRecord> slots_;
  absl::flat_hash_map<std::string, uint32_t> slot_of_;  // live articles
  size_t live_entries_ = 0;
  size_t live_slots_ = 0;
  uint64_t question_length_sum_ = 0;
  uint64_t answer_length_sum_ = 0;
  uint64_t context_length_sum_ = 0;
};

uint32_t FaqIndex::Impl::TermId(const std::string& key) {
  auto [it, inserted] =
      term_ids_.try_emplace(key, static_cast<uint32_t>(terms_.size()));
  if (inserted) terms_.emplace_back();
  return it->second;
}

void FaqIndex::Impl::Put(const Prepared& prepared) {
  Remove(prepared.article_id);
  if (prepared.entries.empty()) return;
  const uint32_t slot = static_cast<uint32_t>(slots_.size());
  slots_.emplace_back();
  SlotRecord& record = slots_.back();
  record.article_id = prepared.article_id;
  record.context_length = prepared.context.length;
  std::vector<uint32_t> context_ids;
  for (const auto& [key, tf] : prepared.context.counts) {
    const uint32_t id = TermId(key);
    Append(&terms_[id].contexts, ContextPosting{slot, tf});
    ++terms_[id].context_df;
    context_ids.push_back(id);
  }
  record.terms = EncodeIds(std::move(context_ids));
  for (size_t i = 0; i < prepared.entries.size(); ++i) {
    const Prepared::Entry& entry = prepared.entries[i];
    const uint32_t e = static_cast<uint32_t>(entries_.size());
    EntryRecord rec;
    rec.slot = slot;
    rec.faq_index = static_cast<int32_t>(i);
    rec.question_length = entry.question.length;
    rec.answer_length = entry.answer.length;
    rec.asks = entry.asks;
    absl::flat_hash_map<uint32_t, Posting> postings;
    for (const auto& [key, tf] : entry.question.counts) {
      postings.try_emplace(TermId(key), Posting{e, 0, 0, 0})
          .first->second.question_tf = Clamp8(tf);
    }
    for (const auto& [key, tf] : entry.answer.counts) {
      postings.try_emplace(TermId(key), Posting{e, 0, 0, 0})
          .first->second.answer_tf = Clamp8(tf);
    }
    for (const auto& [key, tf] : entry.names.counts) {
      postings.try_emplace(TermId(key), Posting{e, 0, 0, 0})
          .first->second.names_tf = Clamp8(tf);
    }
    std::vector<uint32_t> ids;
    ids.reserve(postings.size());
    for (const auto& [id, posting] : postings) ids.push_back(id);
    // In id order, so that the index does not depend on hash order.
    std::sort(ids.begin(), ids.end());
    for (uint32_t id : ids) {
      Append(&terms_[id].postings, postings[id]);
      ++terms_[id].entry_df;
    }
    rec.terms = EncodeIds(std::move(ids));
    question_length_sum_ += rec.question_length;
    answer_length_sum_ += rec.answer_length;
    entries_.push_back(std::move(rec));
    record.entries.push_back(e);
    ++live_entries_;
  }
  context_length_sum_ += record.context_length;
  slot_of_[prepared.article_id] = slot;
  ++live_slots_;
}

void FaqIndex::Impl::Remove(const std::string& article_id) {
  auto found = slot_of_.find(article_id);
  if (found == slot_of_.end()) return;
  SlotRecord& slot = slots_[found->second];
  slot_of_.erase(found);
  slot.live = false;
  --live_slots_;
  context_length_sum_ -= slot.context_length;
  for (uint32_t id : DecodeIds(slot.terms)) --terms_[id].context_df;
  std::string().swap(slot.terms);  // not needed again
  for (uint32_t e : slot.entries) {
    EntryRecord& entry = entries_[e];
    entry.live = false;
    --live_entries_;
    question_length_sum_ -= entry.question_length;
    answer_length_sum_ -= entry.answer_length;
    for (uint32_t id : DecodeIds(entry.terms)) --terms_[id].entry_df;
    std::string().swap(entry.terms);
  }
  MaybeCompact();
}

// Removed entries stay in the postings (skipped by Search) until they are
// as many as the live ones; then everything is rebuilt without them, which
// keeps Remove cheap and its cost amortised.
void FaqIndex::Impl::MaybeCompact() {
  const size_t dead = entries_.size() - live_entries_;
  if (dead > 1024 && dead > live_entries_) Compact();
}

void FaqIndex::Impl::Compact() {
  std::vector<uint32_t> new_entry(entries_.size(), UINT32_MAX);
  std::vector<uint32_t> new_slot(slots_.size(), UINT32_MAX);
  std::vector<EntryRecord> entries;
  std::vector<SlotRecord> slots;
  for (uint32_t s = 0; s < slots_.size(); ++s) {
    if (!slots_[s].live) continue;
    new_slot[s] = static_cast<uint32_t>(slots.size());
    slots.push_back(std::move(slots_[s]));
  }
  for (uint32_t e = 0; e < entries_.size(); ++e) {
    if (!entries_[e].live) continue;
    new_entry[e] = static_cast<uint32_t>(entries.size());
    entries_[e].slot = new_slot[entries_[e].slot];
    entries.push_back(std::move(entries_[e]));
  }
  for (SlotRecord& slot : slots) {
    for (uint32_t& e : slot.entries) e = new_entry[e];
  }
  // Drop the terms nobody holds any more and renumber the rest.
  std::vector<uint32_t> new_term(terms_.size(), UINT32_MAX);
  std::vector<TermData> terms;
  for (auto it = term_ids_.begin(); it != term_ids_.end();) {
    TermData& data = terms_[it->second];
    if (data.entry_df == 0 && data.context_df == 0) {
      term_ids_.erase(it++);
      continue;
    }
    new_term[it->second] = static_cast<uint32_t>(terms.size());
    it->second = new_term[it->second];
    std::vector<Posting> postings;
    postings.reserve(data.entry_df);
    for (Posting p : data.postings) {
      if (new_entry[p.entry] == UINT32_MAX) continue;
      p.entry = new_entry[p.entry];
      postings.push_back(p);
    }
    std::vector<ContextPosting> contexts;
    contexts.reserve(data.context_df);
    for (ContextPosting p : data.contexts) {
      if (new_slot[p.slot] == UINT32_MAX) continue;
      p.slot = new_slot[p.slot];
      contexts.push_back(p);
    }
    terms.push_back({std::move(postings), std::move(contexts), data.entry_df,
                     data.context_df});
    ++it;
  }
  auto renumber = [&new_term](std::string* encoded) {
    std::vector<uint32_t> ids = DecodeIds(*encoded);
    for (uint32_t& id : ids) id = new_term[id];
    *encoded = EncodeIds(std::move(ids));
  };
  for (EntryRecord& entry : entries) renumber(&entry.terms);
  for (SlotRecord& slot : slots) renumber(&slot.terms);
  for (auto& [id, slot] : slot_of_) slot = new_slot[slot];
  terms_ = std::move(terms);
  entries_ = std::move(entries);
  slots_ = std::move(slots);
}

double FaqIndex::Impl::KindWeight(text::TermKind kind) const {
  switch (kind) {
    case text::TermKind::kWord:
      return options_.word_weight;
    case text::TermKind::kBigram:
      return options_.bigram_weight;
    case text::TermKind::kUnigram:
      return options_.unigram_weight;
    case text::TermKind::kConcept:
      return options_.concept_weight;
    case text::TermKind::kSoundOfLatin:
    case text::TermKind::kSoundOfHangul:
      return options_.sound_weight;
  }
  return 0;
}

FaqIndex::Impl::Query FaqIndex::Impl::ParseQuery(absl::string_view text) const {
  const std::vector<text::Term> terms = analyzer_.Analyze(text);
  // Stop words weigh little only beside words that carry the meaning: "언제
  // 하나요?" alone still asks about 언제.
  const bool all_stop = std::all_of(terms.begin(), terms.end(),
                                    [](const text::Term& t) { return t.stop; });
  Query query;
  absl::flat_hash_map<std::pair<uint32_t, uint32_t>, double> weights;
  for (text::Term term : terms) {
    if (term.word >= kMaxQueryWords) break;
    // A Latin word of the query looks for Hangul words that sound like it,
    // and the other way round.
    if (term.kind == text::TermKind::kSoundOfLatin) {
      term.kind = text::TermKind::kSoundOfHangul;
    } else if (term.kind == text::TermKind::kSoundOfHangul) {
      term.kind = text::TermKind::kSoundOfLatin;
    }
    auto id = term_ids_.find(term.Key());
    if (id == term_ids_.end()) continue;
    double weight = KindWeight(term.kind);
    if (term.stop && !all_stop) weight *= options_.stop_factor;
    const bool alternative = term.kind == text::TermKind::kConcept ||
                             term.kind == text::TermKind::kSoundOfLatin ||
                             term.kind == text::TermKind::kSoundOfHangul;
    const uint32_t bucket =
        2 * static_cast<uint32_t>(term.word) + (alternative ? 1 : 0);
    query.buckets = std::max(query.buckets, (bucket | 1) + 1);
    weights[{id->second, bucket}] += weight;
  }
  for (const auto& [key, weight] : weights) {
    if (weight > 0) query.terms.push_back({key.first, key.second, weight});
  }
  // Rarest first; ids and buckets break ties so that the order (and the
  // floating-point sums) does not depend on hashing.
  std::sort(query.terms.begin(), query.terms.end(),
            [this](const QueryTerm& a, const QueryTerm& b) {
              const uint32_t da = terms_[a.id].entry_df;
              const uint32_t db = terms_[b.id].entry_df;
              if (da != db) return da < db;
              return a.id != b.id ? a.id < b.id : a.bucket < b.bucket;
            });
  return query;
}

// A word of the query counts once per entry: by its own terms or by its
// synonyms, whichever scores higher, never both.
double FaqIndex::Impl::Combine(const float* buckets, uint32_t count) {
  double total = 0;
  for (uint32_t b = 0; b + 1 < count; b += 2) {
    total += std::max(buckets[b], buckets[b + 1]);
  }
  return total;
}

void FaqIndex::Impl::ScoreEntries(const Query& query, Scratch* scratch) const {
  const double n = static_cast<double>(live_entries_);
  const double avg_q = question_length_sum_ / std::max(n, 1.0);
  const double avg_a = answer_length_sum_ / std::max(n, 1.0);
  const double k1 = options_.k1;
  auto add = [&](const Posting& p, const QueryTerm& q, double weight) {
    const EntryRecord& entry = entries_[p.entry];
    if (!entry.live) return;
    const double tf =
        options_.question_weight * Normalized(p.question_tf,
                                              entry.question_length, avg_q,
                                              options_.question_b) +
        options_.answer_weight * Normalized(p.answer_tf, entry.answer_length,
                                            avg_a, options_.answer_b) +
        options_.names_weight * p.names_tf;
    scratch->Bucket(p.entry, query.buckets)[q.bucket] +=
        static_cast<float>(weight * tf * (k1 + 1) / (k1 + tf));
  };
  const size_t limit = ScanLimit(live_entries_);
  for (const QueryTerm& q : query.terms) {
    const TermData& data = terms_[q.id];
    if (data.entry_df == 0) continue;
    const double weight = q.weight * Idf(n, data.entry_df);
    if (data.entry_df <= limit || scratch->entries.empty()) {
      for (const Posting& p : data.postings) add(p, q, weight);
      continue;
    }
    // A term most entries hold only re-scores the entries found so far: by
    // binary search when they are few, else by one pass over the postings.
    const size_t found = scratch->entries.size();
    if (found * 16 < data.postings.size()) {
      for (size_t i = 0; i < found; ++i) {
        const uint32_t e = scratch->entries[i];
        auto it = std::lower_bound(
            data.postings.begin(), data.postings.end(), e,
            [](const Posting& p, uint32_t entry) { return p.entry < entry; });
        if (it != data.postings.end() && it->entry == e) add(*it, q, weight);
      }
    } else {
      for (const Posting& p : data.postings) {
        if (scratch->candidate_of[p.entry] >= 0) add(p, q, weight);
      }
    }
  }
}

void FaqIndex::Impl::ScoreContexts(const Query& query, Scratch* scratch) const {
  const double n = static_cast<double>(live_slots_);
  const double avg = context_length_sum_ / std::max(n, 1.0);
  const double k1 = options_.k1;
  const size_t limit = ScanLimit(live_slots_);
  absl::flat_hash_map<uint32_t, size_t> index_of;  // slot -> row of `rows`
  std::vector<uint32_t> slots;
  std::vector<float> rows;
  for (const QueryTerm& q : query.terms) {
    const TermData& data = terms_[q.id];
    // Absent, or too common to tell articles apart and too costly to read.
    if (data.context_df == 0 || data.context_df > limit) continue;
    const double weight =
        q.weight * options_.context_weight * Idf(n, data.context_df);
    for (const ContextPosting& p : data.contexts) {
      const SlotRecord& slot = slots_[p.slot];
      if (!slot.live) continue;
      auto [it, inserted] = index_of.try_emplace(p.slot, slots.size());
      if (inserted) {
        slots.push_back(p.slot);
        rows.resize(rows.size() + query.buckets, 0.0f);
      }
      const double tf =
          Normalized(p.tf, slot.context_length, avg, options_.context_b);
      rows[it->second * query.buckets + q.bucket] +=
          static_cast<float>(weight * tf * (k1 + 1) / (k1 + tf));
    }
  }
  for (size_t i = 0; i < slots.size(); ++i) {
    const float context = static_cast<float>(
        Combine(&rows[i * query.buckets], query.buckets));
    for (uint32_t e : slots_[slots[i]].entries) {
      scratch->Bucket(e, query.buckets);  // makes `e` a candidate
      scratch->context[scratch->candidate_of[e]] += context;
    }
  }
}

// The question words say what kind of answer is wanted; the content words
// still say about what, so this only scales a score they earned. How and
// what are open kinds (their answers may name a place or a date), so only
// two sets of specific kinds can clash; and when and amount are both
// answered with numbers (a schedule gives dates and counts together), so
// they do not clash with each other either.
double FaqIndex::Impl::IntentFactor(text::QuestionKinds query,
                                    text::QuestionKinds entry) const {
  if ((query & entry) != 0) return 1.0 + options_.intent_match;
  constexpr text::QuestionKinds kNumeric =
      text::KindBit(text::QuestionKind::kWhen) |
      text::KindBit(text::QuestionKind::kAmount);
  auto widen = [](text::QuestionKinds kinds) -> text::QuestionKinds {
    return (kinds & kNumeric) != 0 ? kinds | kNumeric : kinds;
  };
  const auto open = static_cast<text::QuestionKinds>(~text::kSpecificKinds);
  if (query != 0 && entry != 0 && (query & open) == 0 && (entry & open) == 0 &&
      (widen(query) & widen(entry)) == 0) {
    return 1.0 - options_.intent_clash;
  }
  return 1.0;
}

float* FaqIndex::Impl::Scratch::Bucket(uint32_t entry, uint32_t buckets) {
  int32_t& index = candidate_of[entry];
  if (index < 0) {
    index = static_cast<int32_t>(entries.size());
    entries.push_back(entry);
    scores.resize(scores.size() + buckets, 0.0f);
    context.push_back(0.0f);
  }
  return &scores[static_cast<size_t>(index) * buckets];
}

std::vector<FaqIndex::Hit> FaqIndex::Impl::Search(absl::string_view text,
                                                  size_t limit) const {
  std::vector<Hit> hits;
  if (limit == 0 || live_entries_ == 0) return hits;
  const Query query = ParseQuery(text);
  if (query.terms.empty()) return hits;
  const text::QuestionKinds asks = analyzer_.Asks(text);

  // Per-thread scratch; candidate_of is left all -1 after use.
  thread_local Scratch scratch;
  if (scratch.candidate_of.size() < entries_.size()) {
    scratch.candidate_of.resize(entries_.size(), -1);
  }
  scratch.entries.clear();
  scratch.scores.clear();
  scratch.context.clear();
  ScoreEntries(query, &scratch);
  ScoreContexts(query, &scratch);

  struct Candidate {
    double score;
    const std::string* article_id;
    int32_t faq_index;
  };
  std::vector<Candidate> candidates;
  candidates.reserve(scratch.entries.size());
  for (size_t i = 0; i < scratch.entries.size(); ++i) {
    const uint32_t e = scratch.entries[i];
    scratch.candidate_of[e] = -1;
    const EntryRecord& entry = entries_[e];
    const double score =
        (Combine(&scratch.scores[i * query.buckets], query.buckets) +
         scratch.context[i]) *
        IntentFactor(asks, entry.asks);
    if (score <= 0) continue;
    candidates.push_back(
        {score, &slots_[entry.slot].article_id, entry.faq_index});
  }
  if (scratch.scores.capacity() > kMaxKeptScratch) {
    // An exceptional query: do not keep its memory for the thread's life.
    std::vector<float>().swap(scratch.scores);
  }
  auto better = [](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    if (*a.article_id != *b.article_id) return *a.article_id < *b.article_id;
    return a.faq_index < b.faq_index;
  };
  const size_t n = std::min(limit, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + n,
                    candidates.end(), better);
  for (size_t i = 0; i < n; ++i) {
    hits.push_back({*candidates[i].article_id, candidates[i].faq_index,
                    candidates[i].score});
  }
  return hits;
}

size_t FaqIndex::Impl::memory_bytes() const {
  size_t bytes = sizeof(*this);
  for (const auto& [key, id] : term_ids_) {
    bytes += key.capacity() + sizeof(key) + sizeof(id) + sizeof(TermData);
    bytes += terms_[id].postings.capacity() * sizeof(Posting) +
             terms_[id].contexts.capacity() * sizeof(ContextPosting);
  }
  for (const EntryRecord& entry : entries_) {
    bytes += sizeof(entry) + entry.terms.capacity();
  }
  for (const SlotRecord& slot : slots_) {
    bytes += sizeof(slot) + slot.article_id.capacity() +
             slot.entries.capacity() * sizeof(uint32_t) +
             slot.terms.capacity();
  }
  return bytes;
}

FaqIndex::FaqIndex() : FaqIndex(Options()) {}
FaqIndex::FaqIndex(Options options, const text::Analyzer& analyzer)
    : impl_(std::make_unique<Impl>(options, analyzer)) {}
FaqIndex::~FaqIndex() = default;

void FaqIndex::Put(const gisa::v1::Article& article) {
  Put(*Prepare(article, impl_->analyzer()));
}
void FaqIndex::Put(const Prepared& prepared) { impl_->Put(prepared); }
void FaqIndex::Remove(const std::string& article_id) {
  impl_->Remove(article_id);
}
std::vector<FaqIndex::Hit> FaqIndex::Search(absl::string_view query,
                                            size_t limit) const {
  return impl_->Search(query, limit);
}
size_t FaqIndex::size() const { return impl_->size(); }
size_t FaqIndex::memory_bytes() const { return impl_->memory_bytes(); }
const text::Analyzer& FaqIndex::analyzer() const { return impl_->analyzer(); }

}  // namespace gisa::query
