import { useHealth } from './use-health';

/** Says so when the database (or the server) is unreachable; it clears itself when they return. */
export function StatusBanner() {
  const { data, error } = useHealth();
  if (error) {
    return (
      <div role="alert" className="banner banner-error">
        The Threadline server cannot be reached. Retrying…
      </div>
    );
  }
  if (data && data.status !== 'ok') {
    return (
      <div role="alert" className="banner banner-error">
        Database unreachable, retrying… ({data.neo4j.error ?? 'no answer from Neo4j'})
      </div>
    );
  }
  return null;
}
