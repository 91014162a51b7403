import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * A page with nothing to show yet: its heading (every page has one, for screen readers and axe's
 * `page-has-heading-one`) and why it is empty.
 */
export function EmptyPage({ title, children, testId }: { title: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Stack spacing={2} data-testid={testId}>
      <Typography variant="h4" component="h1">
        {title}
      </Typography>
      <Typography color="text.secondary">{children}</Typography>
    </Stack>
  );
}
