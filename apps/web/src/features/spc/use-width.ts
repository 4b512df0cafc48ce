'use client';

import { useCallback, useRef, useState } from 'react';

/**
 * The content width of an element, following resizes (charts redraw to fit). A callback ref, so an element that
 * mounts later (after the data has loaded) is observed too.
 */
export function useWidth<T extends HTMLElement>(initial = 720): [(el: T | null) => void, number] {
  const [width, setWidth] = useState(initial);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const o = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.floor(w));
    });
    o.observe(el);
    observer.current = o;
  }, []);
  return [ref, width];
}
