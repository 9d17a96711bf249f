#include "shared/text/josa.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "shared/text/hangul.h"

namespace gisa::text {
namespace {

// What the syllable before a particle must end in.
enum class Follows {
  kConsonant,       // 은, 이, 을, 과, 으로 ...
  kVowel,           // 는, 가, 를, 와 ...
  kVowelOrRieul,    // 로 and its compounds: 회사로, 서울로
  kAny,             // 의, 에, 에서, 도, 만 ...
};

struct Particle {
  const char* text;
  Follows follows;
};

// Case particles, their compounds with the topic/additive/genitive particles,
// and the copula forms that news text attaches to names (한국입니다). Plain
// 다, 고, 며, 야, 인, 서 and 대로 are left out: they end too many nouns.
constexpr Particle kParticles[] = {
    // Consonant-final forms.
    {"은", Follows::kConsonant}, {"이", Follows::kConsonant},
    {"을", Follows::kConsonant}, {"과", Follows::kConsonant},
    {"과는", Follows::kConsonant}, {"과의", Follows::kConsonant},
    {"과도", Follows::kConsonant}, {"과만", Follows::kConsonant},
    {"으로", Follows::kConsonant}, {"으로는", Follows::kConsonant},
    {"으로도", Follows::kConsonant}, {"으로의", Follows::kConsonant},
    {"으로서", Follows::kConsonant}, {"으로써", Follows::kConsonant},
    {"으로서는", Follows::kConsonant}, {"으로서도", Follows::kConsonant},
    {"으로부터", Follows::kConsonant}, {"으로만", Follows::kConsonant},
    {"이나", Follows::kConsonant}, {"이랑", Follows::kConsonant},
    {"이며", Follows::kConsonant}, {"이고", Follows::kConsonant},
    {"이자", Follows::kConsonant}, {"이다", Follows::kConsonant},
    {"이었다", Follows::kConsonant}, {"이라", Follows::kConsonant},
    {"이라는", Follows::kConsonant}, {"이라고", Follows::kConsonant},
    {"이란", Follows::kConsonant}, {"이라도", Follows::kConsonant},
    {"이든", Follows::kConsonant}, {"이야말로", Follows::kConsonant},
    {"이지만", Follows::kConsonant}, {"이에요", Follows::kConsonant},
    {"이었던", Follows::kConsonant}, {"이나마", Follows::kConsonant},
    // Vowel-final forms.
    {"는", Follows::kVowel}, {"가", Follows::kVowel},
    {"를", Follows::kVowel}, {"와", Follows::kVowel},
    {"와는", Follows::kVowel}, {"와의", Follows::kVowel},
    {"와도", Follows::kVowel}, {"와만", Follows::kVowel},
    {"나", Follows::kVowel}, {"랑", Follows::kVowel},
    {"라는", Follows::kVowel}, {"라고", Follows::kVowel},
    {"란", Follows::kVowel}, {"라도", Follows::kVowel},
    {"였다", Follows::kVowel}, {"였던", Follows::kVowel},
    {"예요", Follows::kVowel}, {"야말로", Follows::kVowel},
    // 로 and its compounds.
    {"로", Follows::kVowelOrRieul}, {"로는", Follows::kVowelOrRieul},
    {"로도", Follows::kVowelOrRieul}, {"로의", Follows::kVowelOrRieul},
    {"로서", Follows::kVowelOrRieul}, {"로써", Follows::kVowelOrRieul},
    {"로서는", Follows::kVowelOrRieul}, {"로서도", Follows::kVowelOrRieul},
    {"로부터", Follows::kVowelOrRieul}, {"로만", Follows::kVowelOrRieul},
    // Either.
    {"의", Follows::kAny}, {"에", Follows::kAny}, {"에는", Follows::kAny},
    {"에도", Follows::kAny}, {"에의", Follows::kAny}, {"에만", Follows::kAny},
    {"에서", Follows::kAny}, {"에서는", Follows::kAny},
    {"에서도", Follows::kAny}, {"에서의", Follows::kAny},
    {"에서만", Follows::kAny}, {"에서부터", Follows::kAny},
    {"에게", Follows::kAny}, {"에게는", Follows::kAny},
    {"에게도", Follows::kAny}, {"에게서", Follows::kAny},
    {"에게만", Follows::kAny}, {"한테", Follows::kAny},
    {"한테서", Follows::kAny}, {"께", Follows::kAny}, {"께서", Follows::kAny},
    {"께서는", Follows::kAny}, {"도", Follows::kAny}, {"만", Follows::kAny},
    {"만의", Follows::kAny}, {"만은", Follows::kAny}, {"만이", Follows::kAny},
    {"만큼", Follows::kAny}, {"까지", Follows::kAny},
    {"까지는", Follows::kAny}, {"까지도", Follows::kAny},
    {"부터", Follows::kAny}, {"부터는", Follows::kAny},
    {"보다", Follows::kAny}, {"보다는", Follows::kAny},
    {"보다도", Follows::kAny}, {"처럼", Follows::kAny},
    {"조차", Follows::kAny}, {"조차도", Follows::kAny},
    {"마저", Follows::kAny}, {"마저도", Follows::kAny},
    {"마다", Follows::kAny}, {"밖에", Follows::kAny}, {"뿐", Follows::kAny},
    {"입니다", Follows::kAny}, {"이었습니다", Follows::kConsonant},
    {"였습니다", Follows::kAny}, {"같이", Follows::kAny},
};

// Common nouns whose last syllable(s) read as a particle. Names are the
// lexicons' business; these are everyday words a lookup may be given whole.
const absl::flat_hash_set<absl::string_view>& NounsEndingLikeParticles() {
  static const auto* nouns = new absl::flat_hash_set<absl::string_view>{
      // -가
      "국가", "대가", "작가", "평가", "물가", "주가", "증가", "추가", "참가",
      "휴가", "원가", "단가", "시가", "화가", "저가", "고가", "호가", "유가",
      "지가", "인가", "허가", "부가", "여가", "전문가", "정치가", "예술가",
      "사업가", "음악가", "소설가", "건축가", "평론가", "애호가", "기업가",
      "운동가", "자본가", "혁명가", "미술가", "작곡가", "가가",
      // -이 after a final consonant
      "길이", "높이", "넓이", "깊이", "먹이", "놀이", "종이", "어린이",
      "고양이", "원숭이", "덩이", "벌이",
      // -도
      "정도", "제도", "속도", "태도", "지도", "인도", "수도", "포도", "온도",
      "강도", "경도", "위도", "의도", "용도", "한도", "빈도", "농도", "밀도",
      "각도", "효도", "복도", "전도", "유도", "주도", "시도", "채도", "부도",
      "난도", "고도", "적도", "반도", "열도", "국도", "궤도", "보도", "신도",
      "독도", "진도", "완도", "청도", "안도", "영도", "검도", "엄도",
      "신용도", "인지도", "만족도", "의존도", "신뢰도", "중요도", "난이도",
      "선호도", "충성도", "집중도", "완성도", "관심도", "경기도", "강원도",
      "충청도", "전라도", "경상도", "제주도", "울릉도", "강화도", "거제도",
      "충청북도", "충청남도", "전라북도", "전라남도", "경상북도", "경상남도",
      "한반도", "발칸반도", "이베리아반도",
      // -의
      "회의", "논의", "의의", "정의", "합의", "협의", "주의", "동의", "건의",
      "문의", "강의", "편의", "거의", "결의", "모의", "호의", "성의", "대의",
      "민주주의", "자본주의", "사회주의", "공산주의", "보호주의", "국수주의",
      // -과, -와
      "결과", "효과", "사과", "학과", "성과", "통과", "초과", "경과", "부과",
      "간과", "외과", "내과", "치과", "안과", "소아과", "교과", "일과", "전과",
      "기와",
      // -로
      "도로", "경로", "진로", "통로", "서로", "새로", "항로", "수로", "회로",
      "공로", "과로", "원로", "퇴로", "철로", "선로", "미로", "종로", "활주로",
      "을지로", "세종로",
      // -만, -나, -랑, -은, -께, -란
      "대만", "불만", "미만", "비만", "오만", "자만", "기만", "충만", "방만",
      "태만", "천만", "백만", "수만", "간만", "하나", "누나", "가나", "사랑",
      "파랑", "노랑", "한은", "함께", "이란", "요르단",
  };
  return *nouns;
}

bool Agrees(Follows follows, char32_t last) {
  if (!IsHangulSyllable(last)) {
    // Latin letters, digits, Han: the reader's pronunciation decides.
    return true;
  }
  switch (follows) {
    case Follows::kConsonant:
      return HasFinalConsonant(last);
    case Follows::kVowel:
      return !HasFinalConsonant(last);
    case Follows::kVowelOrRieul:
      return !HasFinalConsonant(last) || HasFinalRieul(last);
    case Follows::kAny:
      return true;
  }
  return false;
}

// A stem must end in a letter or digit: "'루빈'을" is split by the caller at
// the quote, and a bare particle is no word.
bool UsableStem(absl::string_view stem) {
  if (stem.empty()) return false;
  const char32_t last = LastCodePoint(stem);
  if (IsHangulSyllable(last)) return true;
  return (last >= '0' && last <= '9') || (last >= 'A' && last <= 'Z') ||
         (last >= 'a' && last <= 'z') || (last >= 0xFF10 && last <= 0xFF5A) ||
         (last >= 0x4E00 && last <= 0x9FFF);
}

// Particles longest first, so that 에서는 wins over 는.
const std::vector<Particle>& ParticlesLongestFirst() {
  static const auto* sorted = [] {
    auto* v = new std::vector<Particle>(std::begin(kParticles),
                                        std::end(kParticles));
    std::stable_sort(v->begin(), v->end(),
                     [](const Particle& a, const Particle& b) {
                       return std::char_traits<char>::length(a.text) >
                              std::char_traits<char>::length(b.text);
                     });
    return v;
  }();
  return *sorted;
}

}  // namespace

std::vector<ParticleSplit> ParticleReadings(absl::string_view word) {
  std::vector<ParticleSplit> readings;
  readings.push_back({word, absl::string_view()});
  // Shortest particle first gives the longest stems first.
  const std::vector<Particle>& particles = ParticlesLongestFirst();
  for (auto it = particles.rbegin(); it != particles.rend(); ++it) {
    const absl::string_view p = it->text;
    if (word.size() <= p.size() || !absl::EndsWith(word, p)) continue;
    const absl::string_view stem = word.substr(0, word.size() - p.size());
    if (!UsableStem(stem) || !Agrees(it->follows, LastCodePoint(stem))) {
      continue;
    }
    readings.push_back({stem, word.substr(stem.size())});
  }
  return readings;
}

ParticleSplit SplitParticle(absl::string_view word) {
  if (NounsEndingLikeParticles().contains(word)) return {word, {}};
  for (const Particle& particle : ParticlesLongestFirst()) {
    const absl::string_view p = particle.text;
    if (word.size() <= p.size() || !absl::EndsWith(word, p)) continue;
    const absl::string_view stem = word.substr(0, word.size() - p.size());
    if (!UsableStem(stem) || !Agrees(particle.follows, LastCodePoint(stem))) {
      continue;
    }
    // "인도의" is 인도 + 의 even though 인도 itself ends like 도.
    return {stem, word.substr(stem.size())};
  }
  return {word, {}};
}

absl::string_view StripParticle(absl::string_view word) {
  return SplitParticle(word).stem;
}

}  // namespace gisa::text
