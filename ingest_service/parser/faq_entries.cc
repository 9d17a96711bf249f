#include "ingest_service/parser/faq_entries.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "ingest_service/parser/structure_lines.h"

namespace gisa::ingest {
namespace {

void AppendLine(std::string* to, absl::string_view line) {
  if (line.empty()) return;
  if (!to->empty()) to->push_back('\n');
  absl::StrAppend(to, line);
}

class FaqReader {
 public:
  void Read(absl::string_view line) {
    if (line.empty()) {
      after_blank_ = true;
      return;
    }
    const QaLine qa = ReadQaMarker(line);
    switch (qa.marker) {
      case QaMarker::kQuestion:
        FlushPending();
        Finish();
        state_ = State::kQuestion;
        AppendLine(&question_, qa.rest);
        break;
      case QaMarker::kAnswer:
        if (state_ == State::kNone) break;  // an answer to no question
        FlushPending();
        state_ = State::kAnswer;
        AppendLine(&answer_, qa.rest);
        break;
      case QaMarker::kNone:
        Continue(line);
        break;
    }
    after_blank_ = false;
  }

  std::vector<gisa::v1::FaqEntry> Take() {
    pending_.clear();
    Finish();
    return std::move(entries_);
  }

 private:
  enum class State { kNone, kQuestion, kAnswer };

  void Continue(absl::string_view line) {
    if (IsHashtagLine(line)) return;
    if (state_ == State::kQuestion) {
      AppendLine(&question_, line);
    } else if (state_ == State::kAnswer) {
      if (after_blank_ || !pending_.empty()) {
        AppendLine(&pending_, line);
      } else {
        AppendLine(&answer_, line);
      }
    }
  }

  void FlushPending() {
    AppendLine(&answer_, pending_);
    pending_.clear();
  }

  void Finish() {
    if (!question_.empty() && !answer_.empty()) {
      gisa::v1::FaqEntry* entry = &entries_.emplace_back();
      entry->set_question(question_);
      entry->set_answer(answer_);
    }
    question_.clear();
    answer_.clear();
    state_ = State::kNone;
  }

  State state_ = State::kNone;
  bool after_blank_ = false;
  std::string question_;
  std::string answer_;
  std::string pending_;
  std::vector<gisa::v1::FaqEntry> entries_;
};

}  // namespace

std::vector<gisa::v1::FaqEntry> ReadFaqEntries(
    const std::vector<absl::string_view>& lines) {
  FaqReader reader;
  for (absl::string_view line : lines) reader.Read(line);
  return reader.Take();
}

}  // namespace gisa::ingest
