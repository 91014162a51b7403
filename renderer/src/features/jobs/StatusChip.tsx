import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import type { ShownStatus } from '../../../../shared/jobs/notice';

const COLORS: Record<ShownStatus, 'default' | 'primary' | 'success' | 'warning' | 'info'> = {
  draft: 'default',
  published: 'primary',
  expired: 'warning',
  closed: 'default',
  filled: 'success',
};

export function StatusChip({ status }: { status: ShownStatus }) {
  const { t } = useTranslation('jobs');
  return <Chip size="small" color={COLORS[status]} variant={status === 'closed' ? 'outlined' : 'filled'} label={t(`status.${status}`)} data-testid="notice-status" data-status={status} />;
}
