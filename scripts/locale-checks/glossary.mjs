// One term per concept (issue 16), checked by scripts/check-locales.mjs against locales/glossary.json:
// each entry names a concept, its Chinese and Uyghur terms, and the variants not to use. A variant
// is matched as a substring (a Uyghur stem such as "ئەكىر" catches every inflected form).

/**
 * Problems with the glossary itself (every term has a concept, both terms and an avoid list per
 * language) and with `texts`, a list of [where, lang, text]: every variant a text uses, named
 * with the term to use instead.
 */
export function glossaryProblems(glossary, texts) {
  const problems = [];
  const terms = Array.isArray(glossary?.terms) ? glossary.terms : [];
  if (terms.length === 0) problems.push('locales/glossary.json has no terms');
  for (const term of terms) {
    for (const field of ['concept', 'zh', 'ug']) {
      if (typeof term[field] !== 'string' || term[field].trim() === '') problems.push(`glossary: a term without ${field}`);
    }
    for (const lang of ['zh', 'ug']) {
      const avoid = term.avoid?.[lang];
      if (!Array.isArray(avoid)) problems.push(`glossary: "${term.concept}" has no avoid.${lang} list`);
      else if (avoid.some((variant) => term[lang]?.includes(variant))) problems.push(`glossary: "${term.concept}" avoids a part of its own ${lang} term`);
    }
  }
  for (const [where, lang, text] of texts) {
    if (typeof text !== 'string') continue;
    const key = lang === 'zh-CN' ? 'zh' : lang;
    for (const term of terms) {
      for (const variant of term.avoid?.[key] ?? []) {
        if (text.includes(variant)) problems.push(`${where}: "${variant}" is not the glossary's term for ${term.concept}; write "${term[key]}" (locales/glossary.json)`);
      }
    }
  }
  return problems;
}
