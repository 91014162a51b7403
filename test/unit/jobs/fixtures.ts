import ugJobs from '../../../locales/ug/jobs.json' with { type: 'json' };
import zhJobs from '../../../locales/zh-CN/jobs.json' with { type: 'json' };
import type { JobsLocales } from '../../../shared/jobs/messages';
import type { Notice, Placement } from '../../../shared/jobs/rows';

export const LOCALES: JobsLocales = { 'zh-CN': zhJobs, ug: ugJobs };

export function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: 'n1',
    employer: { zh: '轮台县幸福超市', ug: 'بۈگۈر ناھىيەلىك بەخت تاللا بازىرى' },
    title: { zh: '收银员', ug: 'كاسسىر' },
    description: {},
    townshipId: 't1',
    openings: 2,
    ageMin: 18,
    ageMax: 30,
    education: 'seniorHigh',
    languages: ['zh', 'ug'],
    payMin: 2600,
    payMax: 3200,
    contactName: '王丽',
    contactPhone: '0996-4621234',
    publishedOn: '2025-03-01',
    closesOn: '2025-03-31',
    channel: 'wechat',
    issue: 175,
    status: 'published',
    createdOn: '2025-02-27',
    ...overrides,
  };
}

export function placement(overrides: Partial<Placement> = {}): Placement {
  return { id: 'p1', noticeId: 'n1', name: 'ئابلىز ئا.', sex: 'male', age: 22, townshipId: 't1', hiredOn: '2025-03-20', ...overrides };
}
