import ChevronRight from '@mui/icons-material/ChevronRight';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import { useTheme } from '@mui/material/styles';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../shared/i18n/lang';
import { BilingualName } from '../../components/BilingualName';
import { DirectionalIcon } from '../../components/DirectionalIcon';
import type { OrgTreeData } from './useOrgTree';
import { visibleRows, type TreeRow } from './visibleRows';

export const treeItemId = (orgId: string): string => `org-node-${orgId}`;

interface OrgTreeProps {
  data: OrgTreeData;
  lang: Lang;
  showArchived: boolean;
  expanded: ReadonlySet<string>;
  onExpandedChange(next: Set<string>): void;
  selectedId: string | null;
  onSelect(id: string): void;
}

/**
 * The organisation tree, after the WAI-ARIA tree pattern: one tab stop (the focused line); Up and
 * Down move between visible lines; the arrow pointing along the reading direction (Right, or Left
 * in Uyghur) opens a line or steps into it, the other closes it or steps out to the parent; Home
 * and End; Enter or Space selects; `*` opens every sibling. A flat list with aria-level, so only
 * the visible lines are rendered.
 */
export function OrgTree({ data, lang, showArchived, expanded, onExpandedChange, selectedId, onSelect }: OrgTreeProps) {
  const { t } = useTranslation('orgs');
  const theme = useTheme();
  const rows = useMemo(() => visibleRows(data.children, expanded, showArchived), [data.children, expanded, showArchived]);
  // Focus follows the selection until the keyboard moves it; a selection made elsewhere (a search
  // result) takes it back.
  const [focus, setFocus] = useState<{ id: string; selected: string | null } | null>(null);
  const wanted = focus && focus.selected === selectedId ? focus.id : selectedId;
  const focusedId = rows.some((r) => r.org.id === wanted) ? wanted : (rows.find((r) => r.org.id === selectedId) ?? rows[0])?.org.id;
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current || !focusedId) return;
    moved.current = false;
    document.getElementById(treeItemId(focusedId))?.focus();
  }, [focusedId, rows]);

  // Bring the selection into view when it changes, and when it moves (its code changes); it may
  // appear a moment later, once a write has come back through the live query.
  const selectedCode = selectedId ? data.byId.get(selectedId)?.code : undefined;
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    const key = `${selectedId}|${selectedCode}`;
    const element = selectedId ? document.getElementById(treeItemId(selectedId)) : null;
    if (scrolledTo.current === key || !element) return;
    scrolledTo.current = key;
    element.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId, selectedCode, rows]);

  const moveTo = (row: TreeRow | undefined) => {
    if (!row) return;
    moved.current = true;
    setFocus({ id: row.org.id, selected: selectedId });
  };
  const toggle = (id: string, open: boolean) => {
    const next = new Set(expanded);
    if (open) next.add(id);
    else next.delete(id);
    onExpandedChange(next);
  };

  function onKeyDown(event: KeyboardEvent) {
    const at = rows.findIndex((r) => r.org.id === focusedId);
    const row = rows[at];
    if (!row) return;
    const inward = theme.direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const outward = theme.direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    switch (event.key) {
      case 'ArrowDown':
        moveTo(rows[at + 1]);
        break;
      case 'ArrowUp':
        moveTo(rows[at - 1]);
        break;
      case 'Home':
        moveTo(rows[0]);
        break;
      case 'End':
        moveTo(rows.at(-1));
        break;
      case inward:
        if (row.hasChildren && !row.expanded) toggle(row.org.id, true);
        else if (row.expanded) moveTo(rows[at + 1]);
        break;
      case outward:
        if (row.expanded) toggle(row.org.id, false);
        else moveTo(rows.find((r) => r.org.id === row.org.parentId));
        break;
      case 'Enter':
      case ' ':
        onSelect(row.org.id);
        break;
      case '*': {
        const next = new Set(expanded);
        for (const r of rows) if (r.org.parentId === row.org.parentId && r.hasChildren) next.add(r.org.id);
        onExpandedChange(next);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <Box role="tree" aria-label={t('tree.label')} onKeyDown={onKeyDown} data-testid="org-tree" sx={{ py: 0.5 }}>
      {rows.map((row) => {
        const { org } = row;
        const selected = org.id === selectedId;
        return (
          <Box
            key={org.id}
            id={treeItemId(org.id)}
            role="treeitem"
            aria-level={row.level}
            aria-posinset={row.posinset}
            aria-setsize={row.setsize}
            aria-expanded={row.hasChildren ? row.expanded : undefined}
            aria-selected={selected}
            tabIndex={org.id === focusedId ? 0 : -1}
            data-testid="org-node"
            data-code={org.code}
            data-archived={org.archived ? 'true' : undefined}
            onClick={() => {
              setFocus({ id: org.id, selected: org.id });
              onSelect(org.id);
            }}
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 0.5,
              py: 0.25,
              pr: 1,
              pl: (row.level - 1) * 2.5,
              borderRadius: 1,
              cursor: 'pointer',
              opacity: org.archived ? 0.55 : 1,
              bgcolor: selected ? 'action.selected' : undefined,
              '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
              '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
            }}
          >
            <Box
              component="span"
              aria-hidden
              data-testid={row.hasChildren ? 'org-toggle' : undefined}
              onClick={(event) => {
                if (!row.hasChildren) return;
                event.stopPropagation();
                toggle(org.id, !row.expanded);
              }}
              sx={{ width: 24, height: 24, display: 'inline-flex', alignItems: 'center', justifyContent: 'center', color: 'text.secondary', flexShrink: 0 }}
            >
              {row.hasChildren ? (
                row.expanded ? (
                  <ExpandMore fontSize="small" />
                ) : (
                  <DirectionalIcon>
                    <ChevronRight fontSize="small" />
                  </DirectionalIcon>
                )
              ) : null}
            </Box>
            {/* Long names wrap rather than lose their end or the "not translated" mark. */}
            <Box component="span" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
              <BilingualName text={org.name} lang={lang} />
            </Box>
            {org.archived ? <Chip size="small" variant="outlined" label={t('archivedMark')} /> : null}
            <Box component="bdi" dir="ltr" sx={{ color: 'text.secondary', fontSize: '0.75rem', fontFamily: 'monospace', flexShrink: 0 }}>
              {org.code}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
