// Builds parsed Articles in test code, the way the parser would produce
// them: mentions and quote locations are found in the paragraphs.
//
//   gisa::v1::Article a = ArticleBuilder("a-1")
//       .Title("엔비디아 실적 발표")
//       .Paragraph("엔비디아가 분기 실적을 발표했다.")
//       .Entity("엔비디아", gisa::v1::ENTITY_TYPE_ORGANIZATION, {"NVIDIA"})
//       .Build();
#ifndef GISA_TESTS_QUERY_SERVICE_STORE_ARTICLE_BUILDER_H_
#define GISA_TESTS_QUERY_SERVICE_STORE_ARTICLE_BUILDER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gisa/v1/article.pb.h"
#include "gisa/v1/ingest_service.pb.h"

namespace gisa::query::testing {

class ArticleBuilder {
 public:
  explicit ArticleBuilder(std::string id) {
    article_.set_id(std::move(id));
    article_.set_language("ko");
    article_.add_sections()->set_kind(gisa::v1::SECTION_KIND_BODY);
  }

  ArticleBuilder& Title(const std::string& title) {
    article_.set_title(title);
    article_.mutable_sections(0)->set_heading(title);
    return *this;
  }
  ArticleBuilder& Category(const std::string& category) {
    article_.set_category(category);
    return *this;
  }
  ArticleBuilder& Language(const std::string& language) {
    article_.set_language(language);
    return *this;
  }
  // A paragraph of the first section.
  ArticleBuilder& Paragraph(const std::string& text) {
    article_.mutable_sections(0)->add_paragraphs()->set_text(text);
    return *this;
  }
  // An entity whose mentions are every occurrence of each of `written` (the
  // name itself when empty) in the paragraphs added so far.
  ArticleBuilder& Entity(const std::string& name, gisa::v1::EntityType type,
                         const std::vector<std::string>& aliases = {},
                         std::vector<std::string> written = {}) {
    gisa::v1::Entity* entity = article_.add_entities();
    entity->set_name(name);
    entity->set_type(type);
    for (const std::string& alias : aliases) entity->add_aliases(alias);
    if (written.empty()) written.push_back(name);
    for (const std::string& form : written) {
      ForEachOccurrence(form, [&](int paragraph, size_t begin) {
        gisa::v1::Mention* m = entity->add_mentions();
        m->set_section(0);
        m->set_paragraph(paragraph);
        m->set_begin(static_cast<int32_t>(begin));
        m->set_end(static_cast<int32_t>(begin + form.size()));
        m->set_text(form);
      });
    }
    entity->set_salience(0.5);
    return *this;
  }
  // A quote located at its first occurrence in the paragraphs.
  ArticleBuilder& Quote(const std::string& speaker, const std::string& text,
                        const std::string& cue = "말했다") {
    gisa::v1::Quote* quote = article_.add_quotes();
    quote->set_speaker(speaker);
    quote->set_text(text);
    quote->set_kind(gisa::v1::QUOTE_KIND_DIRECT);
    quote->set_cue(cue);
    bool located = false;
    ForEachOccurrence(text, [&](int paragraph, size_t begin) {
      if (located) return;
      located = true;
      quote->set_section(0);
      quote->set_paragraph(paragraph);
      quote->set_begin(static_cast<int32_t>(begin));
      quote->set_end(static_cast<int32_t>(begin + text.size()));
    });
    return *this;
  }
  ArticleBuilder& Faq(const std::string& question, const std::string& answer) {
    gisa::v1::FaqEntry* entry = article_.add_faq();
    entry->set_question(question);
    entry->set_answer(answer);
    return *this;
  }

  gisa::v1::Article Build() const { return article_; }

 private:
  template <typename Fn>
  void ForEachOccurrence(const std::string& needle, Fn fn) const {
    const gisa::v1::Section& section = article_.sections(0);
    for (int p = 0; p < section.paragraphs_size(); ++p) {
      const std::string& text = section.paragraphs(p).text();
      for (size_t at = text.find(needle); at != std::string::npos;
           at = text.find(needle, at + needle.size())) {
        fn(p, at);
      }
    }
  }

  gisa::v1::Article article_;
};

inline gisa::v1::LogRecord Record(uint64_t sequence,
                                  const gisa::v1::Article& article) {
  gisa::v1::LogRecord record;
  record.set_sequence(sequence);
  *record.mutable_article() = article;
  return record;
}

}  // namespace gisa::query::testing

#endif  // GISA_TESTS_QUERY_SERVICE_STORE_ARTICLE_BUILDER_H_
