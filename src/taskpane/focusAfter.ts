import { useLayoutEffect, useRef } from "react";

/**
 * When `busy` ends with the keyboard focus lost (the button pressed was disabled or removed while the work
 * ran, so the browser put focus back on the page), focus goes to `target`: the result or the button that
 * started it, not the top of the pane. `target` is asked after the render that ends the work, so the result
 * shown by that render can be the target.
 */
export function useFocusAfter(busy: boolean, target: () => HTMLElement | null | undefined): void {
  const pick = useRef(target);
  pick.current = target;
  const was = useRef(busy);
  // Before the browser paints: the outcome appears with the focus on it, never a frame without.
  useLayoutEffect(() => {
    const ended = was.current && !busy;
    was.current = busy;
    if (!ended) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    pick.current()?.focus();
  }, [busy]);
}
