import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

/**
 * A fingerprint or recovery code as a person reads it out: large, in a face that tells 0 from O,
 * each group apart, always left to right (also inside a Uyghur page).
 */
export function CodeGroups({ code, label, testId, size = 'large' }: { code: string; label: string; testId: string; size?: 'large' | 'medium' }) {
  return (
    // Each group on the page's start side, the code itself left to right in either language.
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="subtitle2" component="div" color="text.secondary">
        {label}
      </Typography>
      <Box
        dir="ltr"
        role="group"
        aria-label={label}
        data-testid={testId}
        data-code={code}
        // The `dir` attribute, not a `direction` style: the theme's right-to-left plugin would flip the style.
        sx={{ display: 'inline-flex', flexWrap: 'wrap', gap: 1 }}
      >
        {code.split('-').map((group, i) => (
          <Box
            key={i}
            component="span"
            sx={{
              fontFamily: '"DejaVu Sans Mono", "Consolas", monospace',
              fontSize: size === 'large' ? '1.75rem' : '1.4rem',
              fontWeight: 600,
              letterSpacing: '0.08em',
              px: 1,
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
            }}
          >
            {group}
          </Box>
        ))}
      </Box>
    </Stack>
  );
}

/** A PC's fingerprint, to compare read aloud. */
export function Fingerprint({ value, testId = 'fingerprint', size }: { value: string; testId?: string; size?: 'large' | 'medium' }) {
  const { t } = useTranslation('pcs');
  return <CodeGroups code={value} label={t('fingerprint.label')} testId={testId} size={size} />;
}
