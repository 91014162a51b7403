// Every string a person sees is a key in locales/zh-CN and locales/ug. This check fails when:
// a locale file does not parse; the two languages' keys are out of step (by namespace);
// a value is empty; interpolation placeholders differ between the two translations of a key;
// code asks for a literal key that does not exist; a Uyghur string breaks the bidi convention
// (scripts/locale-checks/bidi.mjs); or a text uses a term the glossary rules out (locales/glossary.json).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkUyghurBidi } from './locale-checks/bidi.mjs';
import { glossaryProblems } from './locale-checks/glossary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const LANGS = ['zh-CN', 'ug'];
const problems = [];

function flatten(obj, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out.set(key, v);
  }
  return out;
}

function load(lang) {
  const dir = path.join(root, 'locales', lang);
  const keys = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const ns = file.replace(/\.json$/, '');
    try {
      for (const [k, v] of flatten(JSON.parse(readFileSync(path.join(dir, file), 'utf8')))) keys.set(`${ns}:${k}`, v);
    } catch (error) {
      problems.push(`locales/${lang}/${file} does not parse: ${error.message}`);
    }
  }
  return keys;
}

const placeholders = (s) => [...String(s).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort().join(',');
const [zh, ug] = LANGS.map(load);
for (const [a, b, name] of [[zh, ug, 'ug'], [ug, zh, 'zh-CN']]) {
  for (const key of a.keys()) if (!b.has(key)) problems.push(`${key} is missing in locales/${name}`);
}
for (const [lang, keys] of [['zh-CN', zh], ['ug', ug]]) {
  for (const [key, value] of keys) {
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${key} is empty in locales/${lang}`);
  }
}
for (const [key, value] of zh) {
  if (ug.has(key) && placeholders(value) !== placeholders(ug.get(key))) {
    problems.push(`${key}: placeholders differ between zh-CN (${placeholders(value)}) and ug (${placeholders(ug.get(key))})`);
  }
}

// The Uyghur case formats (`{{name, dative}}`, shared/i18n/suffix.ts) belong to Uyghur templates only.
const CASE_FORMAT = /\{\{\s*\w+\s*,\s*(dative|locative|ablative|genitive|accusative|limitative|locativeAttributive)\s*\}\}/;
for (const [key, value] of zh) {
  if (typeof value === 'string' && CASE_FORMAT.test(value)) problems.push(`${key} (zh-CN) uses a Uyghur case format`);
}

// Left-to-right runs in Uyghur strings are isolated, arrows point the reading way, endings are
// attached (scripts/locale-checks/bidi.mjs; docs/ARCHITECTURE.md, "Uyghur text").
problems.push(...checkUyghurBidi(ug));

// One term per concept: no locale string, nor the README or the demo's names (which show on the
// Overview, reports and certificates), uses a variant the glossary lists (locales/glossary.json).
const glossary = JSON.parse(readFileSync(path.join(root, 'locales', 'glossary.json'), 'utf8'));
const glossaryTexts = [
  ...[...zh].map(([key, value]) => [`${key} (zh-CN)`, 'zh-CN', value]),
  ...[...ug].map(([key, value]) => [`${key} (ug)`, 'ug', value]),
  ...['README.md', 'shared/demo/names.ts'].flatMap((file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    return [[file, 'zh-CN', text], [file, 'ug', text]];
  }),
];
problems.push(...glossaryProblems(glossary, glossaryTexts));

// Literal keys used by the renderer: t('key'), t('ns:key'), i18n.t('ns:key'), with the namespace
// taken from useTranslation('ns') in the same file (default: common). Keys built at run time
// (template strings) cannot be checked here; the component and e2e tests render them.
const pluralBase = (k) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const known = new Set([...zh.keys()].map(pluralBase));
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.(tsx?)$/.test(name) ? [p] : [];
  });
}
for (const file of walk(path.join(root, 'renderer', 'src'))) {
  const source = readFileSync(file, 'utf8');
  const ns = source.match(/useTranslation\(\s*'([\w-]+)'/)?.[1] ?? 'common';
  for (const m of source.matchAll(/\bt\(\s*'([^'`]+)'/g)) {
    const key = m[1].includes(':') ? m[1] : `${ns}:${m[1]}`;
    if (!known.has(key)) problems.push(`${path.relative(root, file)} uses ${key}, which is in no locale file`);
  }
}

if (problems.length) {
  console.error(`Locale check failed (${problems.length}):\n  ` + problems.join('\n  '));
  process.exit(1);
}
console.log(`Locale check: ${zh.size} keys, in step in zh-CN and ug.`);
