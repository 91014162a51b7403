import Alert from '@mui/material/Alert';
import TablePagination from '@mui/material/TablePagination';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../shared/i18n/lang';
import { renderInApp } from './renderInApp';

function Parts() {
  return (
    <>
      <Alert onClose={() => undefined}>!</Alert>
      <table>
        <tfoot>
          <tr>
            <TablePagination count={100} page={1} rowsPerPage={10} onPageChange={() => undefined} showFirstButton showLastButton />
          </tr>
        </tfoot>
      </table>
    </>
  );
}

describe("MUI's own text", () => {
  it.each<[Lang, string[], string, string]>([
    ['zh-CN', ['第一页', '上一页', '下一页', '最后一页'], '关闭', '每页行数:'],
    ['ug', ['بىرىنچى بەت', 'ئالدىنقى بەت', 'كېيىنكى بەت', 'ئاخىرقى بەت'], 'تاقاش', 'ھەر بەتتىكى قۇر:'],
  ])('speaks %s, not English', async (lang, pages, close, rowsPerPage) => {
    await renderInApp(<Parts />, { lang });
    for (const label of pages) expect(screen.getByRole('button', { name: label })).toBeTruthy();
    expect(screen.getByRole('button', { name: close })).toBeTruthy();
    expect(screen.getByText(rowsPerPage)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/[A-Za-z]{3,}/);
  });
});
