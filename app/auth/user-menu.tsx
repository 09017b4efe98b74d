import { useLogout, useMe } from './api/use-me';

/** Who is logged in, and a way out. Without logins (local mode) it only says so. */
export function UserMenu() {
  const { data } = useMe();
  const logout = useLogout();
  if (!data) return null;
  return (
    <div className="user-menu" aria-label="Account">
      <span className="user-name">
        {data.user.name} <span className="user-role">({data.user.role})</span>
      </span>
      {data.mode === 'login' && data.via === 'session' && (
        <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
          Log out
        </button>
      )}
    </div>
  );
}
