import { useId, useState, type FormEvent } from 'react';
import { useLogin } from './api/use-me';

export function LoginPage() {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ name: name.trim(), password });
  };

  return (
    <form className="login" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Log in to Threadline</h2>
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      <label htmlFor={`${id}-password`}>Password</label>
      <input id={`${id}-password`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      {login.error && (
        <p role="alert" className="login-error">
          {login.error.message}
        </p>
      )}
      <button type="submit" disabled={login.isPending}>
        {login.isPending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
