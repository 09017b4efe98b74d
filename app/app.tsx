import { AuthGate } from './auth/auth-gate';
import { UserMenu } from './auth/user-menu';
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
        <UserMenu />
      </header>
      <main>
        <AuthGate>
          <ExplorePage />
        </AuthGate>
      </main>
    </div>
  );
}
