import { useTheme } from '@mui/material/styles';
import type { ReactElement } from 'react';
import Box from '@mui/material/Box';

/**
 * Wraps an icon that points along the reading direction (arrows, chevrons) so it is mirrored in
 * right-to-left: "forward" points left in Uyghur. Icons that do not point (info, dashboard) stay.
 */
export function DirectionalIcon({ children }: { children: ReactElement }) {
  const theme = useTheme();
  return (
    <Box
      component="span"
      data-mirrored={theme.direction === 'rtl' ? 'true' : 'false'}
      sx={{ display: 'inline-flex', transform: theme.direction === 'rtl' ? 'scaleX(-1)' : 'none' }}
    >
      {children}
    </Box>
  );
}
