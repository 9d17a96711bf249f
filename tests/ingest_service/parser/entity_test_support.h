// Helpers shared by the entity extractor's tests: the shipped lexicons,
// articles made of our own sentences, and checks that say what went wrong.
//
//   const Article a = Extracted({"김하늘 교수는 …"});
//   EXPECT_TRUE(HasEntity(a, "김하늘", kPerson));
#ifndef GISA_TESTS_INGEST_SERVICE_PARSER_ENTITY_TEST_SUPPORT_H_
#define GISA_TESTS_INGEST_SERVICE_PARSER_ENTITY_TEST_SUPPORT_H_

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "ingest_service/parser/entity_extractor.h"

namespace gisa::ingest::entity_testing {

using gisa::v1::Article;
using gisa::v1::Entity;
using gisa::v1::EntityType;

inline constexpr EntityType kPerson = gisa::v1::ENTITY_TYPE_PERSON;
inline constexpr EntityType kOrg = gisa::v1::ENTITY_TYPE_ORGANIZATION;
inline constexpr EntityType kLocation = gisa::v1::ENTITY_TYPE_LOCATION;
inline constexpr EntityType kProduct = gisa::v1::ENTITY_TYPE_PRODUCT;

// The extractor over the project's data/lexicons, loaded once per binary.
inline const EntityExtractor& Extractor() {
  static const EntityExtractor* extractor = [] {
    auto loaded =
        EntityExtractor::Load(std::string(GISA_SOURCE_DIR) + "/data/lexicons");
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded.ok() ? loaded->release() : nullptr;
  }();
  return *extractor;
}

// One body section with one paragraph per sentence, entities extracted.
inline Article Extracted(const std::vector<std::string>& paragraphs) {
  Article a;
  gisa::v1::Section* s = a.add_sections();
  s->set_heading("소식");
  s->set_kind(gisa::v1::SECTION_KIND_BODY);
  for (const std::string& p : paragraphs) s->add_paragraphs()->set_text(p);
  Extractor().Extract(&a);
  return a;
}

// The entity named `name` or having it as an alias; null when none.
inline const Entity* FindNamed(const Article& a, const std::string& name) {
  for (const Entity& e : a.entities()) {
    if (e.name() == name) return &e;
    for (const std::string& alias : e.aliases()) {
      if (alias == name) return &e;
    }
  }
  return nullptr;
}

inline ::testing::AssertionResult HasEntity(const Article& a,
                                            const std::string& name,
                                            EntityType type) {
  const Entity* e = FindNamed(a, name);
  if (e == nullptr) return ::testing::AssertionFailure() << "no " << name;
  if (e->type() != type) {
    return ::testing::AssertionFailure()
           << name << " has type " << gisa::v1::EntityType_Name(e->type());
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult NoEntity(const Article& a,
                                           const std::string& name) {
  if (const Entity* e = FindNamed(a, name)) {
    return ::testing::AssertionFailure()
           << name << " kept as " << gisa::v1::EntityType_Name(e->type());
  }
  return ::testing::AssertionSuccess();
}

}  // namespace gisa::ingest::entity_testing

#endif  // GISA_TESTS_INGEST_SERVICE_PARSER_ENTITY_TEST_SUPPORT_H_
