import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import GlobalStyles from '@mui/material/GlobalStyles';
import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, Suspense, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FirstStart } from '../features/welcome';
import { setupChoice } from '../store/store';
import { useLanguage, useStore } from './context';
import { navigation, pageFor, type NavItem } from './features';
import { LanguageSwitch } from './LanguageSwitch';
import { LatinTypingSwitch } from './LatinTypingSwitch';
import { routeHref, useRoute } from './routes';
import { StandingBadge } from './StandingBadge';
import { StorageBanner } from './StorageBanner';
import { useStanding } from './useStanding';

/*
 * The shell: app bar, navigation and the page the address names, all read from the composition
 * list (app/features.ts). Pages other than the first screen are lazy in their feature's index, so
 * the first screen's JavaScript stays small (measured by `npm run bench` startup); each is a chunk
 * of the same build, nothing is fetched from outside the app.
 */

/** Wide enough for the longest Uyghur label on two lines; narrow enough to leave 1280 px pages room. */
const DRAWER_WIDTH = 240;

/** One navigation link; the selected one is scrolled into view if the drawer had to scroll. */
function NavLink({ item, selected }: { item: NavItem; selected: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  const Icon = item.icon;
  const icon = <Icon />;
  return (
    <ListItem disablePadding>
      <ListItemButton
        ref={ref}
        component="a"
        href={routeHref(item.route)}
        selected={selected}
        aria-current={selected ? 'page' : undefined}
        data-testid={`nav-${item.route}`}
        sx={{ py: 0.25, minHeight: 36 }}
      >
        <ListItemIcon sx={{ minWidth: 40 }}>{item.Badge ? <item.Badge>{icon}</item.Badge> : icon}</ListItemIcon>
        {/* A long label wraps between words, never cut: the whole label is what a person reads. */}
        <ListItemText primary={t(item.label)} slotProps={{ primary: { sx: { lineHeight: 1.35, overflowWrap: 'normal', wordBreak: 'normal' } } }} sx={{ my: 0 }} />
      </ListItemButton>
    </ListItem>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const store = useStore();
  const { lang } = useLanguage();
  // What this PC's role may use is all it lists; an address naming a page it is not offered (or no
  // page) shows its first screen.
  const { standing } = useStanding();
  const role = standing?.state === 'enrolled' ? standing.role : undefined;
  const nav = useMemo(() => navigation(undefined, role), [role]);
  const route = pageFor(useRoute(), role);
  const Page = route.Page;
  const setup = useLiveQuery(async () => ({ choice: await setupChoice(store.db) }), [store]);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <GlobalStyles
        styles={{
          // Printing (and printToPDF) shows the page itself: no app bar, navigation or buttons.
          '@media print': {
            'header.MuiAppBar-root, nav, .MuiDrawer-root, .no-print, .MuiSnackbar-root': { display: 'none !important' },
            'main.MuiBox-root': { padding: '0 !important' },
            'main > .MuiToolbar-root': { display: 'none !important' },
          },
        }}
      />
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }} data-testid="app-title">
            {t('app.title')}
          </Typography>
          {/* Latin-script typing turns Latin into Uyghur: offered where Uyghur is the working language. */}
          {lang === 'ug' ? <LatinTypingSwitch /> : null}
          {setup?.choice ? <StandingBadge /> : null}
          <LanguageSwitch />
        </Toolbar>
      </AppBar>
      {setup?.choice ? (
        <Drawer
          variant="permanent"
          anchor="left"
          data-testid="nav"
          sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
        >
          <Toolbar />
          <Box component="nav" aria-label={t('nav.label')} sx={{ pb: 1 }}>
            {nav.map(({ group, items }, i) => (
              <Fragment key={group}>
                {i > 0 ? <Divider component="div" role="presentation" /> : null}
                <List
                  dense
                  aria-labelledby={group === 'about' ? undefined : `nav-group-${group}`}
                  subheader={
                    // The last group is About alone: a heading would only repeat its one label.
                    group === 'about' ? undefined : (
                      <ListSubheader id={`nav-group-${group}`} disableSticky sx={{ lineHeight: 2, pt: 0.5, fontWeight: 600, color: 'text.secondary' }}>
                        {t(`nav.group.${group}`)}
                      </ListSubheader>
                    )
                  }
                  sx={{ py: 0.25 }}
                  data-testid={`nav-group-${group}`}
                >
                  {items.map((item) =>
                    item.Gate ? (
                      <item.Gate key={item.route}>
                        <NavLink item={item} selected={route.name === item.route} />
                      </item.Gate>
                    ) : (
                      <NavLink key={item.route} item={item} selected={route.name === item.route} />
                    ),
                  )}
                </List>
              </Fragment>
            ))}
          </Box>
        </Drawer>
      ) : null}
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        {/* Where the person works, once there is work to lose (not over the first-start choice). */}
        {setup?.choice ? <StorageBanner /> : null}
        {setup === undefined ? (
          <CircularProgress aria-label={t('loading')} />
        ) : !setup.choice ? (
          <FirstStart />
        ) : (
          <Suspense fallback={<CircularProgress aria-label={t('loading')} />}>
            <Page />
          </Suspense>
        )}
      </Box>
    </Box>
  );
}
