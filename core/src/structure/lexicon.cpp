// Words the recognisers know, kept as sorted lists with a hash index (no allocation per lookup).
#include "structure/lexicon.h"

#include <algorithm>
#include <vector>

#include "text_util.h"

namespace galley::structure {
namespace {

using WordList = WordSet;

// FNV-1a: words are short, and the index only needs few collisions.
uint32_t word_hash(std::string_view w) {
  uint32_t h = 2166136261u;
  for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

char32_t fold_char(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c % 2 == 0 && c != 0x130 && c != 0x138) return c + 1;
  if (c == 0x2019 || c == 0x2018 || c == 0x02BC) return '\'';
  if (detail::is_unicode_space(c) || c == '\t' || c == '\n' || c == '\r') return ' ';
  return c;
}

// Matches `folded_prefix` at the start of `text`, folding as it goes (runs of spaces match one
// space); returns the bytes of `text` covered, or 0. A prefix that ends with a letter must end
// at a word boundary.
size_t match_prefix(std::string_view text, std::string_view folded_prefix) {
  size_t i = 0, k = 0;
  while (k < folded_prefix.size()) {
    if (i >= text.size()) return 0;
    // Printable ASCII folds to itself or to lower case (fold_char): compared in place.
    const auto b = static_cast<unsigned char>(text[i]);
    if (b > 0x20 && b < 0x80) {
      if (folded_prefix[k] != static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b)) return 0;
      ++i;
      ++k;
      continue;
    }
    size_t next = i;
    const char32_t c = fold_char(detail::decode_utf8(text, next));
    if (c == ' ') {
      if (folded_prefix[k] != ' ') return 0;
      i = next;
      while (i < text.size()) {
        size_t n = i;
        if (fold_char(detail::decode_utf8(text, n)) != ' ') break;
        i = n;
      }
      ++k;
      continue;
    }
    char enc[4];
    const size_t len = detail::encode_utf8(c, enc);
    if (folded_prefix.compare(k, len, std::string_view(enc, len)) != 0) return 0;
    k += len;
    i = next;
  }
  if (i < text.size()) {
    size_t j = i;
    const char32_t after = detail::decode_utf8(text, j);
    size_t last = folded_prefix.size();
    const char32_t before = detail::decode_utf8_before(folded_prefix, last);
    if (detail::is_word_char(before) && detail::is_word_char(after)) return 0;
  }
  return i;
}

const WordList& takeaways_labels() {
  // clang-format off
  static const WordList list(
      "key takeaways|key takeaway|takeaways|the takeaways|key points|key facts|what to know|"
      "what you need to know|what we know|at a glance|in brief|highlights|tl;dr|tldr|summary|"
      "in summary|main points|the essentials|in short|the short version|"
      // de
      "das wichtigste in kürze|das wichtigste|das wichtigste im überblick|auf einen blick|"
      "in kürze|kurz und knapp|die wichtigsten punkte|zusammenfassung|kernpunkte|"
      "das müssen sie wissen|das sollten sie wissen|"
      // fr
      "l'essentiel|à retenir|a retenir|ce qu'il faut retenir|les points clés|points clés|en bref|"
      "en résumé|ce qu'il faut savoir|les points essentiels|l'essentiel en bref");
  // clang-format on
  return list;
}

const WordList& credits_labels() {
  // clang-format off
  static const WordList list(
      "credits|credit|contributors|contributing|reporting|reporters|the reporters|reporting team|"
      "staff|about this story|about this report|production|contributing reporters|"
      // de
      "mitarbeit|mitwirkende|autoren|autorinnen und autoren|recherche|mitarbeit und recherche|"
      "an diesem artikel haben mitgearbeitet|an diesem text haben mitgearbeitet|"
      // fr
      "crédits|contributeurs|ont contribué|ont collaboré|ont participé|reportage|l'équipe|"
      "avec la collaboration de");
  // clang-format on
  return list;
}

// First words that open a credits heading ("Reporters on the Ground").
const WordList& credits_heading_openers() {
  // clang-format off
  static const WordList list(
      "reporters|reporting|credits|contributors|mitarbeit|crédits|contributeurs|reporter");
  // clang-format on
  return list;
}

const WordList& author_labels() {
  // clang-format off
  static const WordList list(
      "about the author|about the authors|about the writer|about the reporter|about the columnist|"
      "about the contributor|author bio|the author|the authors|about me|author|authors|"
      // de
      "über den autor|über die autorin|über die autoren|über die autorinnen|zum autor|zur autorin|"
      "zu den autoren|der autor|die autorin|die autoren|autorin|autor|"
      // fr
      "à propos de l'auteur|à propos de l'autrice|à propos de l'auteure|à propos des auteurs|"
      "l'auteur|l'autrice|l'auteure|sur l'auteur|qui est l'auteur|a propos de l'auteur");
  // clang-format on
  return list;
}

const WordList& credits_openings() {
  // clang-format off
  static const WordList list(
      "the story was reported by|this story was reported by|this article was reported by|"
      "the article was reported by|reported by|reporting by|additional reporting by|"
      "reporting and writing by|written by|edited by|editing by|compiled by|produced by|"
      "contributors:|contributing:|credits:|contributing reporters:|reporters:|reporting:|"
      "with reporting by|with additional reporting by|additional reporting:|"
      "this story was written by|the story was written by|reporting was contributed by|"
      "contributing reporting by|"
      // de
      "mitarbeit:|mitarbeit von|mit material von|recherche:|redaktion:|unter mitarbeit von|"
      "an diesem artikel haben mitgearbeitet:|mitarbeit und recherche:|"
      // fr
      "avec la collaboration de|en collaboration avec|ont collaboré:|ont contribué:|reportage:|"
      "propos recueillis par|ont participé:|avec la contribution de");
  // clang-format on
  return list;
}

}  // namespace

WordSet::WordSet(std::string_view words) {
  for (size_t start = 0; start <= words.size();) {
    const size_t bar = std::min(words.find('|', start), words.size());
    words_.push_back(words.substr(start, bar - start));
    start = bar + 1;
  }
  std::sort(words_.begin(), words_.end());
  size_t size = 8;
  while (size < words_.size() * 4) size *= 2;
  slots_.assign(size, 0);
  for (size_t i = 0; i < words_.size(); ++i) {
    if (has(words_[i])) continue;
    size_t h = word_hash(words_[i]) & (size - 1);
    while (slots_[h] != 0) h = (h + 1) & (size - 1);
    slots_[h] = static_cast<uint32_t>(i + 1);
  }
}

bool WordSet::has(std::string_view w) const {
  const size_t mask = slots_.size() - 1;
  for (size_t h = word_hash(w) & mask;; h = (h + 1) & mask) {
    const uint32_t slot = slots_[h];
    if (slot == 0) return false;
    if (words_[slot - 1] == w) return true;
  }
}

namespace {

// fold()'s loop, writing through `put(byte)`; returns nothing, the caller trims the end.
// ASCII takes the short path (letters lowered, tab and line ends to spaces).
template <typename Put>
void fold_each(std::string_view text, Put&& put) {
  size_t i = 0;
  bool space = true;  // drops leading spaces
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t c;
    if (b < 0x80) {
      ++i;
      c = b >= 'A' && b <= 'Z' ? b + 32 : (b == '\t' || b == '\n' || b == '\r') ? ' ' : b;
    } else {
      c = fold_char(detail::decode_utf8_multibyte(text, i));
    }
    if (c == ' ') {
      if (!space) put(' ');
      space = true;
      continue;
    }
    space = false;
    if (c < 0x80) {
      put(static_cast<char>(c));
    } else if (c < 0x800) {
      put(static_cast<char>(0xC0 | (c >> 6)));
      put(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      put(static_cast<char>(0xE0 | (c >> 12)));
      put(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      put(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      put(static_cast<char>(0xF0 | (c >> 18)));
      put(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      put(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      put(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fold_each(text, [&](char c) { out += c; });
  while (!out.empty() && (out.back() == ' ' || out.back() == ':')) out.pop_back();
  return out;
}

Folded::Folded(std::string_view text) {
  // A code point of n bytes folds to at most 3 bytes per input byte (an invalid byte to U+FFFD).
  if (text.size() * 3 > kSmall) {
    heap_ = true;
    big_ = fold(text);
    return;
  }
  uint32_t n = 0;
  fold_each(text, [&](char c) { small_[n++] = c; });
  while (n > 0 && (small_[n - 1] == ' ' || small_[n - 1] == ':')) --n;
  size_ = n;
}

Label label_of(std::string_view text, const Labels& extra) {
  const std::string f = fold(text);
  if (f.empty() || f.size() > 80) return Label::none;
  for (const std::string& l : extra.takeaways) {
    if (fold(l) == f) return Label::takeaways;
  }
  for (const std::string& l : extra.credits) {
    if (fold(l) == f) return Label::credits;
  }
  for (const std::string& l : extra.author) {
    if (fold(l) == f) return Label::author;
  }
  if (takeaways_labels().has(f)) return Label::takeaways;
  if (credits_labels().has(f)) return Label::credits;
  if (author_labels().has(f)) return Label::author;
  // A sentence ("Reporting by Jane Doe.") is text, whatever it opens with.
  const char end = f.back();
  if (end == '.' || end == '!' || end == '?') return Label::none;
  const size_t words = static_cast<size_t>(std::count(f.begin(), f.end(), ' ')) + 1;
  // "Key takeaways from the summit", "What to know about the storm".
  if (words <= 8) {
    // The labels of more than one word, in the list's order, found once.
    static const std::vector<std::string_view> phrases = [] {
      std::vector<std::string_view> out;
      for (std::string_view l : takeaways_labels().all()) {
        if (l.find(' ') != std::string_view::npos) out.push_back(l);
      }
      return out;
    }();
    for (std::string_view l : phrases) {
      if (f.size() > l.size() + 1 && f.compare(0, l.size(), l) == 0 && f[l.size()] == ' ') {
        return Label::takeaways;
      }
    }
  }
  // "Reporters on the Ground", "Credits and acknowledgements".
  if (words <= 6) {
    const std::string_view first = std::string_view(f).substr(0, f.find(' '));
    if (credits_heading_openers().has(first)) return Label::credits;
  }
  return Label::none;
}

size_t credits_opening(std::string_view text) {
  if (text.empty()) return 0;
  // Text that starts with an ASCII byte can only match the openings that start with it folded:
  // most paragraphs are turned away without folding a character.
  const auto c = static_cast<unsigned char>(text[0]);
  const char first = c >= 0x80 ? 0 : static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (std::string_view opening : credits_openings().all()) {
    if (first != 0 && opening[0] != first) continue;
    if (const size_t n = match_prefix(text, opening)) return n;
  }
  return 0;
}

bool is_speech_verb(std::string_view w) {
  // clang-format off
  static const WordList list(
      // en
      "said|says|say|saying|told|tells|added|adds|asked|asks|wrote|writes|stated|states|noted|"
      "notes|explained|explains|argued|argues|insisted|insists|warned|warns|claimed|claims|"
      "replied|replies|responded|responds|recalled|recalls|remarked|announced|announces|declared|"
      "declares|acknowledged|acknowledges|admitted|admits|conceded|concedes|emphasized|emphasised|"
      "emphasizes|emphasises|stressed|stresses|praised|praises|called|calling|calls|described|"
      "describes|describing|dismissed|dismisses|urged|urges|tweeted|posted|commented|suggested|"
      "suggests|observed|concluded|predicted|promised|promises|vowed|vows|answered|answers|spoke|"
      "speaks|speaking|shouted|joked|jokes|countered|counters|cautioned|continued|continues|"
      "testified|confirmed|confirms|denied|denies|agreed|complained|lamented|boasted|pleaded|"
      "maintained|maintains|contended|asserted|asserts|quipped|recounted|exclaimed|mused|"
      "whispered|yelled|texted|emailed|writing|telling|adding|explaining|warning|insisting|"
      "arguing|noting|stressing|declaring|labelled|labeled|branded|termed|"
      // de
      "sagte|sagt|sagten|sagen|erklärte|erklärt|erklärten|betonte|betont|meinte|meint|fügte|"
      "schrieb|schreibt|kritisierte|kritisiert|warnte|warnt|forderte|fordert|erläuterte|"
      "bekräftigte|räumte|versicherte|unterstrich|ergänzte|antwortete|teilte|sprach|nannte|"
      "bezeichnete|zitiert|so|"
      // fr
      "déclaré|déclare|dit|affirme|affirmé|explique|expliqué|ajoute|ajouté|souligne|souligné|"
      "estime|estimé|précise|précisé|indique|indiqué|assure|assuré|martèle|lance|lancé|confie|"
      "confié|insiste|insisté|répond|répondu|prévient|prévenu|rappelle|rappelé|qualifié|qualifie|"
      "écrit|raconte|raconté|déplore|dénonce|dénoncé|juge|jugé");
  // clang-format on
  return list.has(w);
}

bool is_source_preposition(std::string_view w) {
  return w == "according" || w == "laut" || w == "selon" || w == "zufolge";
}

bool is_subject_pronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "they" || w == "er" || w == "sie" || w == "il" ||
         w == "elle";
}

bool is_title_word(std::string_view w) {
  // clang-format off
  static const WordList list(
      "president|vice|chancellor|prime|minister|secretary|senator|sen.|rep.|representative|"
      "congressman|congresswoman|gov.|governor|mayor|general|gen.|admiral|adm.|colonel|col.|lt.|"
      "lieutenant|captain|capt.|sergeant|sgt.|commander|chief|director|ceo|cfo|coo|cto|chairman|"
      "chairwoman|chair|chairperson|spokesman|spokeswoman|spokesperson|ambassador|commissioner|"
      "judge|justice|attorney|king|queen|prince|princess|pope|bishop|cardinal|rabbi|imam|father|"
      "sister|dr.|dr|mr.|mr|mrs.|mrs|ms.|ms|prof.|prof|professor|sir|dame|lord|lady|speaker|"
      "leader|deputy|foreign|defense|defence|interior|finance|economy|health|state|press|sheriff|"
      "officer|detective|inspector|superintendent|coach|manager|founder|co-founder|executive|"
      "analyst|economist|official|envoy|senior|former|acting|interim|first|lady|majority|minority|"
      "house|white|special|counsel|attorney-general|treasury|trade|kremlin|pentagon|nato|eu|un|"
      "u.s.|us|uk|u.k.|american|british|german|french|russian|ukrainian|chinese|japanese|indian|"
      "israeli|palestinian|iranian|turkish|polish|italian|spanish|canadian|australian|european|"
      "dutch|swedish|belgian|austrian|swiss|korean|mexican|brazilian|egyptian|saudi|syrian|greek|"
      "irish|scottish|welsh|english|hungarian|czech|romanian|finnish|norwegian|danish|democratic|"
      "republican|democrat|labour|conservative|liberal|green|"
      // de
      "bundeskanzler|bundeskanzlerin|kanzler|kanzlerin|präsident|präsidentin|ministerin|"
      "bürgermeister|bürgermeisterin|sprecher|sprecherin|herr|frau|ministerpräsident|"
      "ministerpräsidentin|bundespräsident|bundespräsidentin|außenminister|außenministerin|"
      "verteidigungsminister|verteidigungsministerin|finanzminister|finanzministerin|chef|chefin|"
      "deutsche|deutscher|französische|französischer|amerikanische|amerikanischer|russische|"
      "russischer|ukrainische|ukrainischer|us-präsident|kreml-sprecher|abgeordnete|abgeordneter|"
      "vorsitzende|vorsitzender|leiterin|leiter|expertin|experte|politiker|politikerin|direktorin|"
      "professorin|staatssekretär|staatssekretärin|generalsekretär|generalsekretärin|amtskollege|"
      "amtskollegin|regierungssprecher|regierungssprecherin|oberbürgermeister|oberbürgermeisterin|"
      "landrat|landrätin|senatorin|botschafter|botschafterin|"
      // fr
      "président|présidente|ministre|maire|porte-parole|premier|première|m.|mme|mme.|général|"
      "secrétaire|monsieur|madame|chancelier|chancelière|député|députée|sénateur|sénatrice");
  // clang-format on
  return list.has(w);
}

bool is_name_stopword(std::string_view w) {
  // clang-format off
  static const WordList list(
      "the|a|an|this|that|these|those|but|and|or|so|yet|when|while|after|before|since|because|if|"
      "as|at|in|on|for|from|with|without|despite|meanwhile|however|still|then|now|today|yesterday|"
      "tomorrow|it|he|she|they|we|i|you|his|her|their|our|my|its|there|here|what|who|why|how|"
      "where|also|even|only|asked|speaking|according|by|to|of|not|no|yes|all|some|many|most|one|"
      "two|three|last|next|earlier|later|during|under|over|about|against|among|between|monday|"
      "tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
      "july|august|september|october|november|december|mr|mrs|ms|dr|"
      // de
      "der|die|das|den|dem|des|ein|eine|und|oder|aber|als|wenn|nach|vor|mit|von|für|auf|im|am|es|"
      "wir|ich|auch|doch|denn|dass|laut|"
      // fr
      "le|la|les|un|une|et|ou|mais|quand|après|avant|avec|pour|dans|sur|il|elle|ils|elles|nous|je|"
      "selon|ce|cette");
  // clang-format on
  return list.has(w);
}

bool is_organisation_word(std::string_view w) {
  // clang-format off
  static const WordList list(
      "house|union|force|forces|ministry|department|council|committee|party|bank|university|"
      "agency|commission|court|congress|senate|parliament|airport|airports|street|city|times|post|"
      "news|press|group|company|inc|inc.|corp|corp.|foundation|institute|center|centre|office|"
      "service|services|administration|program|programme|initiative|project|team|government|"
      "republic|states|kingdom|nations|organization|organisation|army|navy|guard|police|church|"
      "school|college|museum|hospital|federation|association|society|board|bureau|fund|act|law|"
      "day|week|year|avenue|road|square|park|river|sea|ocean|bay|island|islands|valley|county|"
      "province|region|district|eve|christmas|easter|gallery|app|apps|platform|system|api|data|"
      "review|journal|magazine|media|network|radio|television|tv|cup|league|club|summit|"
      "conference|treaty|agreement|plan|strategy|war|guide|handbook|report|manual|study|website|"
      "site|blog|book|paper|document|memo|statement|policy|framework|standard|guidelines|gov|"
      "ministerium|regierung|partei|bundestag|gouvernement|assemblée|ministère|sénat|conseil");
  // clang-format on
  return list.has(w);
}

bool is_name_particle(std::string_view w) {
  return w == "de" || w == "da" || w == "di" || w == "del" || w == "della" || w == "van" ||
         w == "von" || w == "der" || w == "den" || w == "du" || w == "la" || w == "le" ||
         w == "bin" || w == "al" || w == "el" || w == "ter" || w == "zu" || w == "dos" ||
         w == "das" || w == "y";
}

bool is_role_noun(std::string_view w) {
  // clang-format off
  static const WordList list(
      "journalist|reporter|writer|editor|correspondent|columnist|author|contributor|producer|"
      "photographer|photojournalist|critic|analyst|freelancer|blogger|novelist|poet|researcher|"
      "fellow|intern|staffer|anchor|host|commentator|essayist|historian|professor|scholar|"
      "lecturer|economist|scientist|designer|developer|engineer|strategist|consultant|lawyer|"
      "student|director|manager|officer|founder|specialist|storyteller|videographer|presenter|"
      "broadcaster|newscaster|copywriter|copy editor|subeditor|sub-editor|stringer|podcaster|"
      // de
      "journalistin|reporterin|redakteur|redakteurin|korrespondent|korrespondentin|autorin|"
      "kolumnist|kolumnistin|schriftsteller|schriftstellerin|volontär|volontärin|fotograf|"
      "fotografin|moderator|moderatorin|"
      // fr
      "journaliste|rédacteur|rédactrice|correspondant|correspondante|chroniqueur|chroniqueuse|"
      "auteur|autrice|auteure|écrivain|écrivaine|éditorialiste|photographe|reporteur|reportrice|"
      "pigiste");
  // clang-format on
  return list.has(w);
}

bool is_abbreviation(std::string_view w) {
  // clang-format off
  static const WordList list(
      "mr|mrs|ms|dr|st|sen|rep|gov|gen|col|lt|sgt|capt|adm|prof|jr|sr|no|vs|etc|inc|corp|ltd|co|"
      "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mt|ft|ave|blvd|approx|dept|est|fig|vol|p|"
      "pp|m|mme|bzw|ca|dr|nr|str|vgl|z|zb|mio|mrd|mme|mlle");
  // clang-format on
  return list.has(w);
}

bool is_date_word(std::string_view w) {
  // clang-format off
  static const WordList list(
      "january|february|march|april|may|june|july|august|september|october|november|december|jan|"
      "feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|jan.|feb.|aug.|sept.|oct.|nov.|dec.|monday|"
      "tuesday|wednesday|thursday|friday|saturday|sunday|updated|published|posted|today|yesterday|"
      "am|pm|a.m.|p.m.|est|edt|gmt|utc|cet|cest|pst|pdt|"
      // de
      "januar|februar|märz|mai|juni|juli|oktober|dezember|montag|dienstag|mittwoch|donnerstag|"
      "freitag|samstag|sonntag|aktualisiert|veröffentlicht|uhr|stand|"
      // fr
      "janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|"
      "mardi|mercredi|jeudi|vendredi|samedi|dimanche|publié|mis|à jour");
  // clang-format on
  return list.has(w);
}

}  // namespace galley::structure
