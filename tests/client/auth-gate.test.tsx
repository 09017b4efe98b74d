import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuthGate } from '../../app/auth/auth-gate';
import { UserMenu } from '../../app/auth/user-menu';
import { renderWithProviders, stubApi } from './render';

const nobody = { status: 401, body: { error: { code: 'unauthorized', message: 'Nobody is logged in.', details: [] } } };
const vic = { body: { user: { name: 'vic', role: 'viewer' }, mode: 'login', via: 'session' } };

function App() {
  return (
    <>
      <UserMenu />
      <AuthGate>
        <p>the explorer</p>
      </AuthGate>
    </>
  );
}

describe('AuthGate', () => {
  it('shows the login page to nobody, then the app once logged in; logging out brings the page back', async () => {
    let loggedIn = false;
    const calls = stubApi({
      '/api/auth/me': () => (loggedIn ? vic : nobody),
      '/api/auth/login': () => {
        loggedIn = true;
        return vic;
      },
      '/api/auth/logout': () => {
        loggedIn = false;
        return { status: 204, body: null };
      },
    });
    renderWithProviders(<App />);
    await screen.findByRole('heading', { name: 'Log in to Threadline' });
    expect(screen.queryByText('the explorer')).toBeNull();

    await userEvent.type(screen.getByLabelText('Name'), 'vic');
    await userEvent.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByText('the explorer');
    expect(screen.getByText(/vic/)).toBeTruthy();
    expect(calls.some((u) => u.pathname === '/api/auth/login')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Log out' }));
    await screen.findByRole('heading', { name: 'Log in to Threadline' });
  });

  it('says why a login failed', async () => {
    stubApi({ '/api/auth/me': nobody, '/api/auth/login': { status: 401, body: { error: { code: 'unauthorized', message: 'Wrong name or password.', details: [] } } } });
    renderWithProviders(<App />);
    await userEvent.type(await screen.findByLabelText('Name'), 'vic');
    await userEvent.type(screen.getByLabelText('Password'), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong name or password.');
  });

  it('goes straight to the app without logins (local mode), with no logout button', async () => {
    stubApi({ '/api/auth/me': { body: { user: { name: 'local', role: 'admin' }, mode: 'local', via: 'local' } } });
    renderWithProviders(<App />);
    await screen.findByText('the explorer');
    await waitFor(() => expect(screen.getByText(/local/)).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Log out' })).toBeNull();
  });
});
