import ToggleButton from '@mui/material/ToggleButton';
import Tooltip from '@mui/material/Tooltip';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { installLatinTyping, rememberedLatinTyping, rememberLatinTyping } from './latinTyping';

/** The app bar's switch for typing Uyghur in Latin script in every Uyghur field (latinTyping.ts). */
export function LatinTypingSwitch() {
  const { t } = useTranslation();
  const [on, setOn] = useState(() => rememberedLatinTyping());
  const current = useRef(on);
  current.current = on;
  useEffect(() => installLatinTyping(document, () => current.current), []);
  return (
    <Tooltip title={t('latinTyping.hint')}>
      <ToggleButton
        value="uly"
        size="small"
        selected={on}
        onChange={() => {
          rememberLatinTyping(!on);
          setOn(!on);
        }}
        aria-label={t('latinTyping.label')}
        data-testid="latin-typing"
        sx={{ mx: 1, px: 1.5, textTransform: 'none', bgcolor: 'background.paper', '&.Mui-selected, &.Mui-selected:hover': { bgcolor: 'background.paper' } }}
      >
        <bdi dir="ltr">ULY</bdi>
      </ToggleButton>
    </Tooltip>
  );
}
