import { useEffect, useRef } from 'react';

interface Moves {
  next: () => void;
  previous: () => void;
  first: () => void;
  last: () => void;
  exit: () => void;
}

const KEYS: Record<string, keyof Moves> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'exit',
};

/** The presenter's keys, bound once on the window (the latest handlers are read through a ref). */
export function usePresentationKeys(moves: Moves): void {
  const latest = useRef(moves);
  latest.current = moves;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const move = KEYS[event.key];
      if (!move || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      latest.current[move]();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
