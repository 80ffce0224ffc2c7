import { RefObject, useLayoutEffect, useRef } from 'react';

/** Focuses an element that is no tab stop (a heading, an article) from script, for the one time it is needed. */
export function focusElement(element: HTMLElement | null | undefined): boolean {
  if (!element?.isConnected) return false;
  if (!element.matches('a[href], button, input, select, textarea, [tabindex]')) element.setAttribute('tabindex', '-1');
  element.focus();
  return document.activeElement === element;
}

/** Where the focus may go, best first: an element, or the id of one that is only about to be rendered. */
type Target = HTMLElement | string | null | undefined;

/**
 * When the element goes from the page while the focus is inside it (its item decided, its notice dismissed), the
 * focus moves to the first target `next` names that is there once the page has updated (`next` is asked while the
 * element is still in place, so its neighbours can be found); never left on <body>.
 */
export function useFocusOnLeave(ref: RefObject<HTMLElement | null>, next: (leaving: HTMLElement) => Target[]) {
  const pick = useRef(next);
  useLayoutEffect(() => {
    pick.current = next;
  });
  useLayoutEffect(() => {
    const element = ref.current;
    return () => {
      if (!element?.contains(document.activeElement)) return;
      const candidates = pick.current(element);
      requestAnimationFrame(() =>
        candidates.some((target) =>
          focusElement(typeof target === 'string' ? document.getElementById(target) : target),
        ),
      );
    };
  }, [ref]);
}
