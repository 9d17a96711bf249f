#include "ingest_service/parser/entities/word_classes.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "shared/text/hangul.h"

namespace gisa::ingest {

bool CommonSurname(absl::string_view syllable) {
  static constexpr absl::string_view kCommon[] = {
      "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오",
      "서", "신", "권", "황", "안", "송", "전", "홍", "유", "류", "고", "문",
      "양", "손", "배", "백", "허", "남", "심", "노", "하", "곽", "성", "차",
      "주", "구", "민", "진", "엄", "채", "천", "방", "공", "현", "함", "변",
      "염", "여", "추", "석", "설", "길", "표", "명", "나", "라"};
  for (absl::string_view s : kCommon) {
    if (syllable == s) return true;
  }
  return false;
}

bool EndsLikeCommonWord(absl::string_view stem) {
  static constexpr absl::string_view kEndings[] = {
      "계", "체", "용", "성", "적", "화", "력", "률", "율", "권", "층", "량",
      "품", "감", "별", "식", "한", "된", "던", "될", "할", "돼", "해", "서",
      "고", "며", "게", "지", "다", "요", "운", "른", "는", "은", "을",
      "자", "든", "난", "점", "실", "학", "직", "상", "반", "업", "팀",
      "생", "설"};
  for (absl::string_view e : kEndings) {
    if (absl::EndsWith(stem, e)) return true;
  }
  return false;
}

bool EndsLikeCommonNoun(absl::string_view stem) {
  static constexpr absl::string_view kEndings[] = {
      "하", "들", "기", "인", "일", "장", "공", "국", "세", "간", "외",
      "리", "도", "상", "선", "자", "비", "금", "제", "사", "소", "물",
      "법", "료", "표", "점", "실", "관", "단", "부", "원", "회", "청",
      "처", "대", "당", "시", "군", "구", "동", "면", "읍", "로", "길",
      "려", "치", "전"};
  for (absl::string_view e : kEndings) {
    if (absl::EndsWith(stem, e)) return true;
  }
  return false;
}

bool SinoCommonNoun(const UnitWord& w) {
  return w.syllables <= 2 && !text::HasNonSinoSyllable(w.stem);
}

bool TwoCommonNouns(absl::string_view first,
                           absl::string_view second) {
  return text::CodePointCount(first) == 2 &&
         text::CodePointCount(second) == 2 && EndsLikeCommonNoun(second);
}

bool IsAdverb(absl::string_view word) {
  static constexpr absl::string_view kAdverbs[] = {
      "반드시", "가장", "함께", "매우", "아주", "너무", "다시", "모두",
      "이미", "특히", "계속", "직접", "항상", "결코", "절대", "꼭", "더",
      "덜", "잘", "곧", "또", "훨씬", "점점", "아직", "벌써"};
  for (absl::string_view a : kAdverbs) {
    if (word == a) return true;
  }
  return false;
}

bool IsBodyNoun(absl::string_view word) {
  for (absl::string_view b : {"노조", "구단", "정부", "당국", "경찰", "검찰",
                              "법원", "협회", "본부", "재단"}) {
    if (word == b) return true;
  }
  return false;
}

bool ShortDistrictWithoutDirection(absl::string_view stem) {
  if (text::CodePointCount(stem) != 2) return false;
  if (!absl::EndsWith(stem, "구") && !absl::EndsWith(stem, "군")) {
    return false;
  }
  const absl::string_view head = stem.substr(0, 3);
  for (absl::string_view d : {"동", "서", "남", "북", "중"}) {
    if (head == d) return false;
  }
  return true;
}

bool PersonParticle(absl::string_view particle) {
  static constexpr absl::string_view kParticles[] = {
      "", "은", "는", "이", "가", "도", "의", "와", "과", "입니다", "이다",
      "이며", "이자", "에게", "께서", "이었다", "였다"};
  for (absl::string_view p : kParticles) {
    if (particle == p) return true;
  }
  return false;
}

bool RoleBackedParticle(absl::string_view particle) {
  static constexpr absl::string_view kParticles[] = {
      "을", "를", "에게", "한테", "로부터", "에게서", "까지", "만", "처럼",
      "보다", "과의", "와의", "의", "으로", "로", "으로부터"};
  if (PersonParticle(particle)) return true;
  for (absl::string_view p : kParticles) {
    if (particle == p) return true;
  }
  return false;
}

bool NameShapeParticle(absl::string_view particle) {
  static constexpr absl::string_view kMore[] = {"을", "를", "에게", "한테",
                                                 "과의", "와의", "에게서"};
  if (PersonParticle(particle)) return true;
  for (absl::string_view p : kMore) {
    if (particle == p) return true;
  }
  return false;
}

bool IsQuoteChar(char32_t c) {
  switch (c) {
    case '\'': case '"': case 0x2018: case 0x2019: case 0x201C:
    case 0x201D: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0x300A: case 0x300B: case 0x3008: case 0x3009:
      return true;
    default:
      return false;
  }
}

char32_t Closer(char32_t open) {
  switch (open) {
    case 0x2018: return 0x2019;
    case 0x201C: return 0x201D;
    case 0x300C: return 0x300D;
    case 0x300E: return 0x300F;
    case 0x300A: return 0x300B;
    case 0x3008: return 0x3009;
    default: return open;
  }
}

bool OpensParen(absl::string_view gap) {
  const auto* s = reinterpret_cast<const uint8_t*>(gap.data());
  const int32_t n = static_cast<int32_t>(gap.size());
  bool paren = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == '(' && !paren) {
      paren = true;
    } else if (c < 0 || paren || !(u_isUWhiteSpace(c) || IsQuoteChar(c))) {
      return false;
    }
  }
  return paren;
}

GlossKind ClassifyGloss(absl::string_view gloss) {
  if (gloss.empty() || gloss.size() > 60) return GlossKind::kNone;
  bool latin = false, hangul = false, han = false, other = false;
  const auto* s = reinterpret_cast<const uint8_t*>(gloss.data());
  const int32_t n = static_cast<int32_t>(gloss.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return GlossKind::kNone;
    if (c < 0x80 && absl::ascii_isalpha(static_cast<char>(c))) {
      latin = true;
    } else if (text::IsHangulSyllable(c)) {
      hangul = true;
    } else if (u_getIntPropertyValue(c, UCHAR_SCRIPT) == USCRIPT_HAN) {
      han = true;
    } else if (!(c == ' ' || c == '.' || c == '&' || c == '-' || c == '+' ||
                 (c >= '0' && c <= '9'))) {
      other = true;
    }
  }
  if (other || latin + hangul + han != 1) return GlossKind::kNone;
  if (latin) return GlossKind::kLatin;
  if (han) return GlossKind::kHan;
  return GlossKind::kHangul;
}

bool ProperLatin(absl::string_view gloss) {
  if (gloss.empty() || !absl::ascii_isupper(gloss[0])) return false;
  return std::any_of(gloss.begin(), gloss.end(),
                     [](char c) { return absl::ascii_islower(c); });
}

bool Capitals(absl::string_view gloss) {
  return std::count_if(gloss.begin(), gloss.end(), absl::ascii_isupper) >=
             2 &&
         std::none_of(gloss.begin(), gloss.end(), absl::ascii_islower);
}

bool LowerCaseWords(absl::string_view gloss) {
  return !gloss.empty() && absl::ascii_islower(gloss[0]) &&
         std::none_of(gloss.begin(), gloss.end(),
                      [](char c) { return absl::ascii_isupper(c); });
}

bool HasOrganisationWord(absl::string_view gloss) {
  static constexpr absl::string_view kWords[] = {
      "energy", "pharma", "pharmaceuticals", "sports", "group", "holdings",
      "inc", "corp", "company", "bank", "research", "institute",
      "university", "museum", "foundation", "alliance", "air", "airlines",
      "motors", "electronics", "entertainment", "studios", "games",
      "worlds", "media", "news", "times", "post", "journal", "capital",
      "partners", "labs", "systems", "technologies", "networks", "power",
      "fund", "council", "association", "agency", "center", "centre",
      "park", "arena", "stadium", "records", "music", "pictures", "films",
      "bio", "therapeutics", "nature", "science", "club", "fc", "united",
      "city", "college", "school", "hospital", "league", "federation",
      "committee", "union", "party", "press", "magazine", "review",
      "shipping", "lines", "logistics", "marine", "maritime", "ocean",
      "airways", "foods", "trading", "industries", "steel", "chemical",
      "solutions", "software", "ventures", "investment", "investments",
      "securities", "insurance", "hotels", "resorts", "studio", "network",
      "broadcasting", "channel", "golf", "motor", "health", "medical",
      "clinic", "academy", "orchestra"};
  for (absl::string_view word : absl::StrSplit(gloss, ' ')) {
    const std::string lower = absl::AsciiStrToLower(word);
    for (absl::string_view w : kWords) {
      if (lower == w) return true;
    }
  }
  return false;
}

}  // namespace gisa::ingest
