import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import CallSplitOutlined from '@mui/icons-material/CallSplitOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import UsbOutlined from '@mui/icons-material/UsbOutlined';
import EventNoteOutlined from '@mui/icons-material/EventNoteOutlined';
import InsertChartOutlined from '@mui/icons-material/InsertChartOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import GridOnOutlined from '@mui/icons-material/GridOnOutlined';
import WorkOutlineOutlined from '@mui/icons-material/WorkOutlineOutlined';
import EmojiEventsOutlined from '@mui/icons-material/EmojiEventsOutlined';
import Badge from '@mui/material/Badge';
import GlobalStyles from '@mui/material/GlobalStyles';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OverviewPage } from '../features/overview/OverviewPage';
import { FirstStart } from '../features/welcome/FirstStart';
import { setupChoice } from '../store/store';
import { useStore } from './context';
import { LanguageSwitch } from './LanguageSwitch';
import { LatinTypingSwitch } from './LatinTypingSwitch';
import { routeHref, useRoute, type Route } from './routes';
import { StorageBanner } from './StorageBanner';

/**
 * Pages other than the first screen load when first opened, so the first screen's JavaScript stays
 * small (measured by `npm run bench` startup). Each is a chunk of the same build: nothing is fetched
 * from outside the app.
 */
const AboutPage = lazy(() => import('../features/about/AboutPage').then((m) => ({ default: m.AboutPage })));
const ConflictsPage = lazy(() => import('../features/conflicts/ConflictsPage').then((m) => ({ default: m.ConflictsPage })));
const ContestsPage = lazy(() => import('../features/contests/ContestsPage').then((m) => ({ default: m.ContestsPage })));
const JobsPage = lazy(() => import('../features/jobs/JobsPage').then((m) => ({ default: m.JobsPage })));
const BulletinPage = lazy(() => import('../features/dashboard/BulletinPage').then((m) => ({ default: m.BulletinPage })));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const OrgsPage = lazy(() => import('../features/orgs/OrgsPage').then((m) => ({ default: m.OrgsPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const EntryPage = lazy(() => import('../features/stats/EntryPage').then((m) => ({ default: m.EntryPage })));
const TargetsPage = lazy(() => import('../features/stats/TargetsPage').then((m) => ({ default: m.TargetsPage })));
const RoundsPage = lazy(() => import('../features/stats/RoundsPage').then((m) => ({ default: m.RoundsPage })));
const SyncPage = lazy(() => import('../features/sync/SyncPage').then((m) => ({ default: m.SyncPage })));

const DRAWER_WIDTH = 232;

const NAV: { route: Route; icon: ReactNode }[] = [
  { route: 'overview', icon: <DashboardOutlined /> },
  { route: 'orgs', icon: <AccountTreeOutlined /> },
  { route: 'dashboard', icon: <InsertChartOutlined /> },
  { route: 'rounds', icon: <EventNoteOutlined /> },
  { route: 'entry', icon: <GridOnOutlined /> },
  { route: 'targets', icon: <TuneOutlined /> },
  { route: 'reports', icon: <DescriptionOutlined /> },
  { route: 'jobs', icon: <WorkOutlineOutlined /> },
  { route: 'contests', icon: <EmojiEventsOutlined /> },
  { route: 'sync', icon: <UsbOutlined /> },
  { route: 'conflicts', icon: <CallSplitOutlined /> },
  { route: 'about', icon: <InfoOutlined /> },
];

export function Shell() {
  const { t } = useTranslation();
  const store = useStore();
  const route = useRoute();
  const setup = useLiveQuery(async () => ({ choice: await setupChoice(store.db) }), [store]);
  const conflictCount = useLiveQuery(() => store.db.conflicts.count(), [store]) ?? 0;

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
          <LatinTypingSwitch />
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
          <nav aria-label={t('nav.label')}>
            <List>
              {NAV.map((item) => (
                <ListItem key={item.route} disablePadding>
                  <ListItemButton
                    component="a"
                    href={routeHref(item.route)}
                    selected={route === item.route}
                    data-testid={`nav-${item.route}`}
                  >
                    <ListItemIcon>
                      {item.route === 'conflicts' ? (
                        <Badge color="warning" badgeContent={conflictCount} data-testid="conflict-count">
                          {item.icon}
                        </Badge>
                      ) : (
                        item.icon
                      )}
                    </ListItemIcon>
                    <ListItemText primary={t(`nav.${item.route}`)} />
                  </ListItemButton>
                </ListItem>
              ))}
            </List>
          </nav>
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
            {route === 'about' ? (
              <AboutPage />
            ) : route === 'orgs' ? (
              <OrgsPage />
            ) : route === 'dashboard' ? (
              <DashboardPage />
            ) : route === 'bulletin' ? (
              <BulletinPage />
            ) : route === 'targets' ? (
              <TargetsPage />
            ) : route === 'reports' ? (
              <ReportsPage />
            ) : route === 'rounds' ? (
              <RoundsPage />
            ) : route === 'entry' ? (
              <EntryPage />
            ) : route === 'jobs' ? (
              <JobsPage />
            ) : route === 'contests' ? (
              <ContestsPage />
            ) : route === 'sync' ? (
              <SyncPage />
            ) : route === 'conflicts' ? (
              <ConflictsPage />
            ) : (
              <OverviewPage />
            )}
          </Suspense>
        )}
      </Box>
    </Box>
  );
}
