// Question/answer entries of an FAQ section.
//
//   Q.독감 백신은 매년 맞아야 하나요?
//   A.네, 해마다 유행하는 바이러스가 달라집니다.
//   접종 후 항체는 6개월가량 유지됩니다.      <- the answer goes on
//
//   std::vector<gisa::v1::FaqEntry> faq = ReadFaqEntries(section_lines);
//   // one entry; answer "네, 해마다 …달라집니다.\n접종 후 …유지됩니다."
//
// Pure function, thread-safe.
#ifndef GISA_INGEST_SERVICE_PARSER_FAQ_ENTRIES_H_
#define GISA_INGEST_SERVICE_PARSER_FAQ_ENTRIES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "gisa/v1/article.pb.h"

namespace gisa::ingest {

// Reads the entries of an FAQ section from its lines (trimmed, in order, ""
// for a blank line). A question starts at a question marker (see
// ReadQaMarker) and its answer at the answer marker after it; lines without
// a marker continue the question or answer they follow, joined to it with
// "\n". Lines after a blank line continue an answer only when another
// question follows them (so a closing remark after the last answer is not
// part of it); hashtag lines never do. Markers are stripped; entries without
// a question or an answer are left out.
std::vector<gisa::v1::FaqEntry> ReadFaqEntries(
    const std::vector<absl::string_view>& lines);

}  // namespace gisa::ingest

#endif  // GISA_INGEST_SERVICE_PARSER_FAQ_ENTRIES_H_
