import Box from '@mui/material/Box';
import { memo, useEffect, useRef, useState } from 'react';
import type { EntryPhoto } from '../../../../shared/contests/rows';
import { useBlobUrl } from './useContestData';

/**
 * True once the element has come within a screen's height of the visible area (and stays true).
 * Where the browser has no IntersectionObserver, at once.
 */
function useNearView<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near];
}

/**
 * A photo's thumbnail (or its display copy, `full`), from the blobs table. Memoised: a list of
 * hundreds of photos re-renders only the ones that changed. A thumbnail is read and decoded only
 * when it comes near the visible area, so an entry with 500 photos does not read and decode 500
 * images at once when it opens.
 */
export const PhotoThumb = memo(function PhotoThumb({ photo, size, full = false, alt = '' }: { photo: EntryPhoto; size: number; full?: boolean; alt?: string }) {
  const [ref, near] = useNearView<HTMLImageElement>();
  const url = useBlobUrl(full || near ? (full ? photo.display : photo.thumb) : undefined);
  return (
    <Box
      ref={ref}
      component="img"
      src={url}
      alt={alt}
      decoding="async"
      data-testid={full ? 'photo-full' : 'photo-thumb'}
      sx={{ width: full ? 'auto' : size, height: full ? 'auto' : size, maxWidth: full ? '100%' : undefined, maxHeight: full ? size : undefined, objectFit: full ? 'contain' : 'cover', borderRadius: 1, bgcolor: 'action.hover', display: 'block' }}
    />
  );
});
