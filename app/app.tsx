import { ExplorePage } from './explore/explore-page';
import { StatusBanner } from './health/status-banner';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          <span className="logo" aria-hidden="true">⟡</span> Threadline
        </h1>
        <StatusBanner />
      </header>
      <main>
        <ExplorePage />
      </main>
    </div>
  );
}
