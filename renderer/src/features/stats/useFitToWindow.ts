import { useCallback, useLayoutEffect, useState, type CSSProperties } from 'react';

/** Below this the box keeps its height and the page scrolls instead: a grid of two rows helps nobody. */
const MIN_HEIGHT = 280;
/** The page's padding below the box (the main area's p: 3). */
const BOTTOM_GAP = 24;

/**
 * A box as tall as the window leaves it below its top, so a screen's main content fits without
 * scrolling the page: at 1366×768 or 1280×720 the entry grid and its side panel end at the window's
 * bottom, whatever banners and alerts stand above them. Re-measured when the window or anything
 * above the box changes size.
 */
export function useFitToWindow<T extends HTMLElement>(): { ref: (el: T | null) => void; style: CSSProperties } {
  const [el, setEl] = useState<T | null>(null);
  const [height, setHeight] = useState<number | undefined>(undefined);
  const ref = useCallback((node: T | null) => setEl(node), []);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - BOTTOM_GAP)));
    };
    measure();
    window.addEventListener('resize', measure);
    // What stands above the box (alerts appearing, a banner, wrapped toolbar) moves its top.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    if (observer && el.parentElement) observer.observe(el.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, [el]);
  return { ref, style: height === undefined ? {} : { height } };
}
