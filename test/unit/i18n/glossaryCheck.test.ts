import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossaryProblems, type GlossaryTerm } from '../../../scripts/locale-checks/glossary.mjs';
import { COUNTY_NAME } from '../../../shared/demo/names';

const glossary = JSON.parse(readFileSync(new URL('../../../locales/glossary.json', import.meta.url), 'utf8')) as { terms: GlossaryTerm[] };

describe('the glossary check (npm test: scripts/check-locales.mjs)', () => {
  it('has one term per concept in both languages, each with the variants not to use', () => {
    expect(glossaryProblems(glossary, [])).toEqual([]);
    const concepts = glossary.terms.map((t) => t.concept);
    expect(new Set(concepts).size).toBe(concepts.length);
  });

  it.each([
    ['ug', 'كومۇنىستىك ياشلار ئىتتىپاقى', 'كوممۇنىستىك'],
    ['ug', 'ئىتتىپاق ناھىيەلىك كومىتېتىغا قايتۇرۇڭ', 'ناھىيەلىك ئىتتىپاق كومىتېتى'],
    ['zh-CN', '由县团委管理员提供', '团县委'],
    ['ug', 'ماس قەدەملەش بوغچىسىنى ئېچىڭ', 'ماس قەدەملەش ھۆججىتى'],
    ['ug', 'ھېچقانداق سانلىق مەلۇمات ئەكىرىلمىدى', 'كىرگۈزۈش'],
    ['ug', 'يىغىندا جەدۋىلى', 'يىغىندى جەدۋىلى'],
  ])('fails on a planted %s variant: %s', (lang, text, use) => {
    const problems = glossaryProblems(glossary, [['planted:key', lang, text]]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(use);
  });

  it('does not hold a variant against the other language', () => {
    expect(glossaryProblems(glossary, [['planted:key', 'ug', '县团委']])).toEqual([]);
  });

  it('fails on a glossary entry that lacks a language', () => {
    const broken = { terms: [{ concept: 'x', zh: '甲', ug: '', avoid: { zh: [], ug: [] } }] };
    expect(glossaryProblems(broken, []).join('\n')).toContain('without ug');
  });

  it("spells the demo county's Uyghur name the glossary's way", () => {
    expect(COUNTY_NAME.ug).toContain('كوممۇنىستىك ياشلار ئىتتىپاقى');
  });
});
