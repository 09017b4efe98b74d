import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A side panel whose code loads on first open, so it stays out of the page's first bundle (`npm run bench`: initial
 * JavaScript). `name` says what is loading meanwhile.
 */
export function lazyPanel<P extends object>(name: string, load: () => Promise<ComponentType<P>>) {
  const Panel = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPanel(props: P) {
    return (
      <Suspense fallback={<aside aria-label={name}><p className="panel-status">Loading the {name.toLowerCase()} panel…</p></aside>}>
        <Panel {...props} />
      </Suspense>
    );
  };
}
