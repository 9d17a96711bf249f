#include "ingest_service/parser/structure_parser.h"

namespace gisa::ingest {

absl::StatusOr<gisa::v1::Article> ParseStructure(absl::string_view,
                                                 absl::string_view) {
  return absl::UnimplementedError("structure parser not written yet");
}

}  // namespace gisa::ingest
