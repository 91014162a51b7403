import type { TFunction } from 'i18next';
import { formatDate, isolateLtr } from '../../../../shared/i18n/format';
import type { Lang } from '../../../../shared/i18n/lang';
import type { Certificate } from '../../../../shared/trust/certificate';

/** A certificate's role, scope and term as one line ("乡镇团干部 · LT-03 · 有效至 2029年1月1日"). */
export function certificateLine(t: TFunction, lang: Lang, cert: Pick<Certificate, 'role' | 'scope' | 'validTo' | 'grants'>): string {
  return t('pcs:certificate.line', {
    role: t(`common:standing.role.${cert.role}`),
    scope: isolateLtr(cert.scope, lang),
    until: formatDate(new Date(cert.validTo), lang),
    grants: cert.grants.includes('jobs') ? t('pcs:certificate.withJobs') : '',
  });
}
