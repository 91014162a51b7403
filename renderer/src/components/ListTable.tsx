import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ListColumn {
  /** The header; none for a column of buttons, which is headed "actions" (a header cell is never empty). */
  label?: ReactNode;
  /** Figures are right-aligned (the start side in Uyghur is mirrored by the theme). */
  align?: 'right';
}

/**
 * A list page's table, or its empty state when there is nothing to list: one frame, so every list
 * says "nothing here yet" the same way and looks the same. The rows are the children.
 */
export function ListTable({
  count,
  empty,
  emptyTestId,
  columns,
  scroll = false,
  className,
  children,
}: {
  /** How many rows there are: none shows `empty` instead of the table. */
  count: number;
  empty: ReactNode;
  emptyTestId: string;
  columns: readonly ListColumn[];
  /** A wide table scrolls sideways inside its frame rather than widen the page. */
  scroll?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('common');
  if (count === 0) {
    return (
      <Typography color="text.secondary" data-testid={emptyTestId}>
        {empty}
      </Typography>
    );
  }
  return (
    <Paper variant="outlined" sx={scroll ? { overflowX: 'auto' } : undefined} className={className}>
      <Table size="small">
        <TableHead>
          <TableRow>
            {columns.map((c, i) => (
              <TableCell key={i} align={c.align}>
                {c.label ?? t('columns.actions')}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </Paper>
  );
}
