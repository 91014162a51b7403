import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import RedoOutlined from '@mui/icons-material/RedoOutlined';
import UndoOutlined from '@mui/icons-material/UndoOutlined';
import { useTranslation } from 'react-i18next';
import type { EditHistory } from '../../../../shared/stats/undo';
import { DirectionalIcon } from '../../components/DirectionalIcon';

/** Each button: what it does, its keys (as a screen reader announces them), and the icon that points its way. */
const BUTTONS = [
  { redo: false, label: 'undo.undo', hint: 'undo.undoHint', keys: 'Control+Z', icon: <UndoOutlined /> },
  { redo: true, label: 'undo.redo', hint: 'undo.redoHint', keys: 'Control+Y Control+Shift+Z', icon: <RedoOutlined /> },
] as const;

/** The grid's undo and redo, for those who do not know the keys; each disabled when there is nothing to do. */
export function UndoButtons({ history, onReplay }: { history: EditHistory; onReplay(redo: boolean): void }) {
  const { t } = useTranslation('stats');
  return (
    <Stack direction="row">
      {BUTTONS.map((b) => (
        <Tooltip key={b.label} title={t(b.hint)}>
          {/* A disabled button gets no pointer events: the tooltip listens on its wrapper. */}
          <span>
            <IconButton
              disabled={(b.redo ? history.undone : history.done).length === 0}
              onClick={() => onReplay(b.redo)}
              aria-label={t(b.label)}
              aria-keyshortcuts={b.keys}
              data-testid={b.redo ? 'redo' : 'undo'}
            >
              <DirectionalIcon>{b.icon}</DirectionalIcon>
            </IconButton>
          </span>
        </Tooltip>
      ))}
    </Stack>
  );
}
