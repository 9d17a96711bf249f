#include "ingest_service/parser/quotes/lexicon.h"

#include <initializer_list>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace gisa::ingest::quotes {
namespace {

using WordSet = absl::flat_hash_set<std::string>;

// Every Hangul syllable is three bytes in UTF-8.
constexpr int kSyllable = 3;

// Nouns that make a verb of saying or judging with 하다 (말하다, 강조하다).
constexpr const char* kHadaSpeechNouns[] = {
    "말", "강조", "설명", "지적", "주장", "예상", "예측", "언급", "경고",
    "평가", "분석", "보도", "발표", "전망", "당부", "촉구", "요구", "요청",
    "약속", "다짐", "우려", "진단", "관측", "답", "답변", "응답", "제안",
    "호소", "토로", "비판", "반박", "해명", "부인", "시인", "인정", "판단",
    "생각", "안내", "공지", "예고", "소개", "회고", "회상", "고백", "부연",
    "역설", "단언", "일축", "선언", "추정", "추산", "집계", "확인", "자신",
    "확신", "조언", "권고", "제언", "주문", "질타", "비난", "시사", "설파",
    "반문", "논평", "귀띔", "보고", "공언", "풀이", "해석", "예견", "전",
    "발언", "표명", "피력", "공개", "증언", "공표", "통보", "항의", "불평",
    "자평", "문의", "질문", "얘기", "이야기", "말씀", "전언", "응수", "강변",
    "항변", "설득", "추측", "언명", "시인", "토로", "개탄", "한탄", "반발",
    "당부", "약속", "호언", "장담", "낙관", "비관", "기대"};

// Nouns that report a stance with 하다 but take no -다고 clause as often.
constexpr const char* kHadaStanceOnlyNouns[] = {"제기", "표시", "피력"};

// The -하다 endings a cue appears with, in both registers.
constexpr const char* kHadaEndings[] = {
    "했다",   "했습니다", "했으며", "했고",   "했는데", "했지만",
    "했어요", "했죠",     "하며",   "하면서", "하고",   "한다",
    "합니다", "하기도",   "하였다", "하였습니다", "하였으며", "하였고",
    "했던",   "하셨다",   "하셨습니다", "하면서도", "하면서는"};

// Nouns among those that make verbs of thinking.
constexpr const char* kJudgementNouns[] = {"생각", "판단", "확신", "추측",
                                           "기대"};

constexpr const char* kOtherJudgementForms[] = {
    "믿는다", "믿습니다", "믿었다", "믿었습니다", "믿고", "여긴다", "여겼다",
    "여겼습니다", "여기고", "봤다", "봤습니다", "보았다", "보았습니다",
    "봤으며", "봤고", "보며", "보면서", "본다", "봅니다", "보고"};

// The adnominal forms of those verbs.
constexpr const char* kHadaAdnominalEndings[] = {"하는", "한", "할"};

constexpr const char* kOtherAdnominalForms[] = {
    "밝힌", "밝히는", "밝힐", "덧붙인", "알린", "알리는", "내다본", "내다보는",
    "본", "보는", "물은", "묻는", "믿는", "여기는"};

constexpr const char* kForecastNouns[] = {"예측", "예상", "전망", "추정",
                                          "추산", "관측"};

// Verbs of saying and judging that are not noun + 하다, in the forms they
// take in the -다 and -습니다 registers and in -며/-면서/-고 chains.
constexpr const char* kOtherSpeechForms[] = {
    "밝혔다", "밝혔습니다", "밝혔으며", "밝혔고", "밝혔는데", "밝혔지만",
    "밝혔어요", "밝히며", "밝히면서", "밝히고", "밝힌다", "밝힙니다",
    "밝히기도", "밝혀", "덧붙였다", "덧붙였습니다", "덧붙였으며", "덧붙였고",
    "덧붙이며", "덧붙이면서", "덧붙이고", "덧붙인다", "덧붙입니다",
    "덧붙이기도", "덧붙였어요", "알렸다", "알렸습니다", "알렸으며", "알렸고",
    "알리며", "알리면서", "알린다", "알립니다", "물었다", "물었습니다",
    "물으며", "물으면서", "묻는다", "묻습니다", "되물었다", "되물었습니다",
    "꼬집었다", "꼬집었습니다", "꼬집으며", "꼬집었고", "짚었다", "짚었습니다",
    "짚으며", "털어놨다", "털어놨습니다", "털어놓았다", "털어놓았습니다",
    "털어놓으며", "외쳤다", "외쳤습니다", "외치며", "믿는다", "믿습니다",
    "믿었다", "믿었습니다", "여긴다", "여겼다", "여겼습니다", "봤다",
    "봤습니다", "보았다", "보았습니다", "봤으며", "봤고", "보며", "보면서",
    "본다", "봅니다", "보고", "말해", "했다", "했습니다", "했으며", "했고",
    "하였다", "하였습니다", "전해", "못박았다", "못박았습니다",
    // "…다고 입을 모았다".
    "모았다", "모았습니다", "모으며", "모았고", "모은다", "모읍니다"};

constexpr const char* kOtherForecastForms[] = {
    "내다봤다", "내다봤습니다", "내다보았다", "내다보았습니다", "내다봤으며",
    "내다봤고", "내다보며", "내다보면서", "내다보고", "내다본다", "내다봅니다"};

constexpr const char* kOtherStanceForms[] = {
    "나타냈다", "나타냈습니다", "나타내며", "나타냈으며", "나타냈고",
    "내놓았다", "내놓았습니다", "내놨다", "내놨습니다", "내놓으며",
    "내비쳤다", "내비쳤습니다", "내비치며", "밝혔다", "밝혔습니다", "밝히며",
    "전했다", "전했습니다", "전하며", "드러냈다", "드러냈습니다"};

constexpr const char* kEnglishForms[] = {
    "said", "says", "added", "adds", "told", "noted", "explained", "stated",
    "asked", "wrote", "argued", "warned", "insisted", "predicted", "claimed"};

absl::flat_hash_map<std::string, uint8_t> BuildCueTable() {
  absl::flat_hash_map<std::string, uint8_t> table;
  auto add = [&table](const std::string& form, uint8_t cls) {
    table[form] |= cls;
  };
  for (const char* noun : kHadaSpeechNouns) {
    for (const char* ending : kHadaEndings) {
      add(absl::StrCat(noun, ending), kCueSpeech | kCueStance);
    }
  }
  for (const char* noun : kHadaStanceOnlyNouns) {
    for (const char* ending : kHadaEndings) {
      add(absl::StrCat(noun, ending), kCueStance);
    }
  }
  for (const char* noun : kForecastNouns) {
    for (const char* ending : kHadaEndings) {
      add(absl::StrCat(noun, ending), kCueForecast);
    }
  }
  for (const char* noun : kHadaSpeechNouns) {
    for (const char* ending : kHadaAdnominalEndings) {
      add(absl::StrCat(noun, ending), kCueAdnominal);
    }
  }
  for (const char* form : kOtherAdnominalForms) add(form, kCueAdnominal);
  for (const char* form : kOtherSpeechForms) add(form, kCueSpeech | kCueStance);
  for (const char* noun : kJudgementNouns) {
    for (const char* ending : kHadaEndings) {
      add(absl::StrCat(noun, ending), kCueJudgement);
    }
  }
  for (const char* form : kOtherJudgementForms) add(form, kCueJudgement);
  for (const char* form : kOtherForecastForms) {
    add(form, kCueSpeech | kCueForecast | kCueStance);
  }
  for (const char* form : kOtherStanceForms) add(form, kCueStance);
  for (const char* form : kEnglishForms) add(form, kCueEnglish);
  return table;
}

WordSet MakeSet(std::initializer_list<const char*> words) {
  WordSet set;
  for (const char* w : words) set.insert(w);
  return set;
}

// The syllable (or other character) `word` ends with; empty if none.
absl::string_view LastChars(absl::string_view word, int n_bytes) {
  if (static_cast<int>(word.size()) < n_bytes) return absl::string_view();
  return word.substr(word.size() - n_bytes);
}

// Stems after which "라" is an imperative or a verb ending of its own
// (하라고, 달라고, 아니라고), so "라" belongs to the content.
bool KeepsRa(absl::string_view before_ra) {
  static const WordSet* const kSyllables = new WordSet(MakeSet(
      {"하", "말", "달", "주", "보", "으", "가", "오", "두", "되", "니", "서",
       "지", "쓰", "키", "우", "치", "리", "기"}));
  return kSyllables->contains(LastChars(before_ra, kSyllable));
}

// How many bytes of "…라<ending>" or "…이라<ending>" to drop, where
// `stem` is the word without <ending> and ends in "라".
int StripForRa(absl::string_view stem, int ending_bytes) {
  const absl::string_view before_ra = stem.substr(0, stem.size() - kSyllable);
  if (absl::EndsWith(before_ra, "이") && before_ra.size() > kSyllable) {
    return ending_bytes + 2 * kSyllable;  // 차별점이라고 -> 차별점
  }
  if (KeepsRa(before_ra)) return ending_bytes;  // 하라고 -> 하라
  return ending_bytes + kSyllable;              // 목표라고 -> 목표
}

// "설명이다" -> "설명"; "" when `word` ends in no copula.
absl::string_view WithoutCopula(absl::string_view word) {
  for (absl::string_view copula :
       {"이었습니다", "이었다", "입니다", "이다", "였습니다", "였다", "이에요",
        "예요", "다"}) {
    if (word.size() > copula.size() && absl::EndsWith(word, copula)) {
      return word.substr(0, word.size() - copula.size());
    }
  }
  return absl::string_view();
}

}  // namespace

uint8_t CueClassOf(absl::string_view word) {
  static const auto* const kTable =
      new absl::flat_hash_map<std::string, uint8_t>(BuildCueTable());
  auto it = kTable->find(word);
  return it == kTable->end() ? uint8_t{kCueNone} : it->second;
}

Quotative QuotativeOf(absl::string_view word) {
  struct Ending {
    const char* text;
    QuotativeKind kind;
  };
  static constexpr Ending kEndings[] = {
      {"다고", kQuotativeGo},      {"라고", kQuotativeGo},
      {"냐고", kQuotativeGo},      {"자고", kQuotativeGo},
      {"다며", kQuotativeMyeo},    {"라며", kQuotativeMyeo},
      {"냐며", kQuotativeMyeo},    {"다면서", kQuotativeMyeo},
      {"라면서", kQuotativeMyeo},  {"냐면서", kQuotativeMyeo},
      {"다는", kQuotativeNeun},    {"라는", kQuotativeNeun},
      {"냐는", kQuotativeNeun}};
  for (const Ending& e : kEndings) {
    const absl::string_view ending = e.text;
    if (word.size() <= ending.size() || !absl::EndsWith(word, ending)) continue;
    // The syllable that marks the clause type (다/라/냐/자) stays; what
    // follows it (고, 며, 면서, 는) is the quotative particle.
    const int particle = static_cast<int>(ending.size()) - kSyllable;
    Quotative q;
    q.kind = e.kind;
    if (absl::StartsWith(ending, "라")) {
      q.strip_bytes =
          StripForRa(word.substr(0, word.size() - particle), particle);
      if (q.strip_bytes >= static_cast<int>(word.size())) return Quotative();
    } else {
      q.strip_bytes = particle;
    }
    return q;
  }
  return Quotative();
}

bool IsQuoteTail(absl::string_view tail, bool* is_myeo) {
  static const WordSet* const kGo =
      new WordSet(MakeSet({"라고", "이라고", "고", "하고", "라구", "이라구"}));
  static const WordSet* const kMyeo = new WordSet(MakeSet(
      {"라며", "이라며", "며", "라면서", "이라면서", "면서", "하며", "하면서",
       "라면서도", "이라면서도", "면서도", "라며도"}));
  *is_myeo = kMyeo->contains(tail);
  return *is_myeo || kGo->contains(tail);
}

bool IsStanceObject(absl::string_view word) {
  static const WordSet* const kObjects = new WordSet(MakeSet(
      {"점을", "사실을", "입장을", "뜻을", "의견을", "견해를", "전망을",
       "계획을", "방침을", "우려를", "분석을", "평가를", "주장을", "말을",
       "생각을", "의지를", "목소리를", "메시지를", "경고를", "진단을",
       "예측을", "관측을", "지적을", "소식을", "점도", "입장도", "의사를",
       "취지의", "설명을", "답을", "답변을", "전언을", "바람을", "포부를",
       "소감을", "각오를", "다짐을", "기대를", "구상을"}));
  return kObjects->contains(word);
}

bool IsThingSubject(absl::string_view word) {
  return word == "게" || word == "것이" || word == "것은";
}

bool IsStancePredicate(absl::string_view word) {
  static const WordSet* const kNouns = new WordSet(MakeSet(
      {"설명", "분석", "전망", "지적", "주장", "평가", "판단", "견해", "입장",
       "얘기", "이야기", "말", "관측", "예상", "진단", "생각", "전언", "예측",
       "조언", "당부", "목소리", "의견"}));
  return kNouns->contains(WithoutCopula(word));
}

bool IsHolderPredicate(absl::string_view word) {
  static const WordSet* const kNouns = new WordSet(MakeSet(
      {"입장", "방침", "생각", "견해", "의견", "주장", "뜻", "구상", "각오"}));
  return kNouns->contains(WithoutCopula(word));
}

bool IsRoleNoun(absl::string_view stem) {
  static constexpr const char* kRoles[] = {
      "감독", "코치", "선수", "교수", "연구원", "연구위원", "연구사", "연구관",
      "단장", "총괄", "리더", "대표", "회장", "사장", "의장", "이사", "전무",
      "상무", "본부장", "센터장", "소장", "원장", "청장", "국장", "과장",
      "팀장", "부장", "실장", "차장", "처장", "위원", "위원장", "의원",
      "장관", "차관", "대변인", "관계자", "대통령", "총리", "총재", "시장",
      "지사", "군수", "기자", "특파원", "애널리스트", "이코노미스트", "전략가",
      "창업자", "창립자", "설립자", "최고경영자", "박사", "변호사", "의사",
      "전문의", "전문가", "평론가", "작가", "큐레이터", "투자자", "학예사",
      "관장", "수석", "책임자", "담당자", "매니저", "디렉터", "엔지니어",
      "개발자", "대사", "총장", "학장", "고문", "분석가", "사무총장", "측",
      "씨", "간사", "주임", "회원", "의원실", "CEO", "CTO", "CFO", "COO",
      "부총리", "비서관", "수석비서관", "검사", "판사", "경감", "경위",
      "서장", "지검장", "검사장", "법원장", "선생님", "선생", "목사", "신부",
      "스님", "회장님", "원내대표", "당대표", "후보", "후보자", "예비후보",
      "보좌관", "특보", "영사"};
  for (absl::string_view role : kRoles) {
    if (absl::EndsWith(stem, role)) return true;
  }
  return false;
}

bool IsOfficeNoun(absl::string_view stem) {
  static const WordSet* const kOffices = new WordSet(
      MakeSet({"사무국", "측", "관계자", "관계자들", "대변인", "대변인실",
               "당국", "본부", "사무처", "홍보팀", "홍보실", "경영진", "이사회",
               "연구진", "연구팀", "조사팀"}));
  if (kOffices->contains(stem)) return true;
  // 롯데면세점 제주점, 한빛은행 부산지점: a branch speaks for its company.
  return stem.size() > 3 &&
         (absl::EndsWith(stem, "점") || absl::EndsWith(stem, "지사") ||
          absl::EndsWith(stem, "지점") || absl::EndsWith(stem, "법인"));
}

bool IsGenericNoun(absl::string_view stem) {
  static const WordSet* const kGeneric = new WordSet(MakeSet(
      {"업계", "정부", "회사", "당국", "업체", "학계", "시장", "현지", "국내",
       "해외", "금융권", "증권가", "기업", "병원", "학교", "전문가", "관계자",
       "소식통", "구단", "협회", "대학", "연구소", "외신", "언론"}));
  if (kGeneric->contains(stem)) return true;
  for (absl::string_view kind :
       {"증권사", "운용사", "투자사", "제조사", "통신사", "건설사", "보험사",
        "카드사", "항공사", "게임사", "회사", "업체", "은행", "기관", "협회",
        "연구소", "위원회", "공사", "공단", "재단", "단체", "그룹", "센터",
        "학회", "매체", "언론사", "기업", "본부", "사무소", "당국"}) {
    if (absl::EndsWith(stem, kind)) return true;
  }
  return false;
}

bool IsDocumentNoun(absl::string_view stem) {
  static const WordSet* const kDocuments = new WordSet(MakeSet(
      {"보도", "기사", "자료", "조사", "발표", "통계", "결과", "분석", "설명",
       "보고서", "연구", "문서", "공시", "집계", "주장", "설문", "설문조사",
       "이", "그", "이것", "이는", "내용", "소식", "전언"}));
  return kDocuments->contains(stem);
}

bool EndsClause(absl::string_view word) {
  for (absl::string_view ending :
       {"으나", "지만", "는데", "은데", "았고", "었고", "했고", "였고", "겠고",
        "으며", "했으며", "였으며", "계획이고", "예정이고", "방침이고"}) {
    if (word.size() > ending.size() && absl::EndsWith(word, ending)) {
      return true;
    }
  }
  return false;
}

bool EndsClauseBeforeComma(absl::string_view word) {
  if (EndsClause(word)) return true;
  for (absl::string_view ending :
       {"해", "서", "고", "며", "면", "니", "아", "어", "워"}) {
    if (word.size() > ending.size() && absl::EndsWith(word, ending)) {
      return true;
    }
  }
  return false;
}

bool IsOrganizationAnaphor(absl::string_view stem) {
  static const WordSet* const kNouns = new WordSet(MakeSet(
      {"회사", "회사측", "업체", "그룹", "구단", "기관", "은행", "협회", "학회",
       "재단", "단체", "법인", "조합", "연구소", "연구원", "병원", "대학"}));
  return kNouns->contains(stem);
}

bool IsSpeakerPronoun(absl::string_view stem) {
  return stem == "그" || stem == "그녀";
}

bool IsAdverbial(absl::string_view word) {
  static const WordSet* const kAdverbs = new WordSet(MakeSet(
      {"이날", "현재", "한편", "특히", "앞서", "또한", "역시", "이어", "당시",
       "최근",
       "지난", "오늘", "내일", "어제", "관련", "달리", "또", "이와", "그러면서",
       "다만", "아울러", "하지만", "그러나", "반면", "이에", "올해", "지난해",
       "내년", "작년", "이번", "같은", "이후", "이어서", "그런데", "게다가",
       "또는", "및", "등", "전날", "당일", "이튿날", "오전", "오후", "지금",
       "요즘", "그동안", "향후", "앞으로", "여기", "이곳", "당장", "우선",
       "먼저"}));
  if (kAdverbs->contains(word)) return true;
  // Dates and times: "23일", "9일(현지시각)", "2024년", "3월".
  if (!word.empty() &&
      absl::ascii_isdigit(static_cast<unsigned char>(word[0]))) {
    for (absl::string_view unit : {"일", "월", "년", "시", "분"}) {
      if (absl::StrContains(word, unit)) return true;
    }
  }
  for (absl::string_view connective : {"되자", "하자", "지자", "면서", "으며"}) {
    if (word.size() > connective.size() && absl::EndsWith(word, connective)) {
      return true;
    }
  }
  return false;
}

bool EndsLikeVerb(absl::string_view word) {
  static const WordSet* const kEndings = new WordSet(MakeSet(
      {"는", "은", "던", "된", "한", "낸", "할", "될", "을", "를", "고", "며",
       "서", "면", "데", "만", "운", "온", "린", "인", "진", "된", "간", "난",
       "았", "었", "했", "에", "로"}));
  return kEndings->contains(LastChars(word, kSyllable));
}

}  // namespace gisa::ingest::quotes
