import Box from '@mui/material/Box';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useMemo } from 'react';
import type { EntryPhoto } from '../../../../shared/contests/rows';
import { useApp } from '../../app/context';
import { blobTable } from '../../store/blobs';

/** An object URL for a stored blob, revoked when the component lets go of it. */
export function useBlobUrl(hash: string | undefined): string | undefined {
  const { store } = useApp();
  const row = useLiveQuery(() => (hash ? blobTable(store.db).get(hash) : undefined), [store, hash]);
  const url = useMemo(() => (row ? URL.createObjectURL(new Blob([row.bytes as BlobPart], { type: row.type })) : undefined), [row]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/**
 * A photo's thumbnail (or its display copy, `full`), from the blobs table. Memoised: a list of
 * hundreds of photos re-renders only the ones that changed.
 */
export const PhotoThumb = memo(function PhotoThumb({ photo, size, full = false, alt = '' }: { photo: EntryPhoto; size: number; full?: boolean; alt?: string }) {
  const url = useBlobUrl(full ? photo.display : photo.thumb);
  return (
    <Box
      component="img"
      src={url}
      alt={alt}
      data-testid={full ? 'photo-full' : 'photo-thumb'}
      sx={{ width: full ? 'auto' : size, height: full ? 'auto' : size, maxWidth: full ? '100%' : undefined, maxHeight: full ? size : undefined, objectFit: full ? 'contain' : 'cover', borderRadius: 1, bgcolor: 'action.hover', display: 'block' }}
    />
  );
});
