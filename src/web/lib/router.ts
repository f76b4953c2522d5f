// A few screens need no router library: the path is the state, parsed into a Route, and links
// push history entries. Every path outside /api answers with index.html on the server, so a
// reload or a shared link lands on the same screen.
import { useSyncExternalStore } from 'react';

export type Route =
  | { readonly name: 'dashboard' }
  | { readonly name: 'login' }
  | { readonly name: 'screening'; readonly subjectId?: string }
  | { readonly name: 'subjects' }
  | { readonly name: 'subject'; readonly id: string }
  | { readonly name: 'adverse-event'; readonly subjectId: string }
  | { readonly name: 'escalation' }
  | { readonly name: 'designs' }
  | { readonly name: 'audit'; readonly table: string; readonly id: string }
  | { readonly name: 'queries' }
  | { readonly name: 'account' }
  | { readonly name: 'public-study'; readonly study: string }
  | { readonly name: 'not-found'; readonly path: string };

const segment = (s: string) => decodeURIComponent(s);

export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean).map(segment);
  const [a, b, c, d] = parts;
  const params = new URLSearchParams(search);
  if (parts.length === 0) return { name: 'dashboard' };
  if (a === 'login' && parts.length === 1) return { name: 'login' };
  if (a === 'screening' && parts.length === 1) {
    const subjectId = params.get('subject');
    return subjectId ? { name: 'screening', subjectId } : { name: 'screening' };
  }
  if (a === 'subjects' && parts.length === 1) return { name: 'subjects' };
  if (a === 'subjects' && b && parts.length === 2) return { name: 'subject', id: b };
  if (a === 'subjects' && b && c === 'adverse-events' && d === 'new' && parts.length === 4) return { name: 'adverse-event', subjectId: b };
  if (a === 'escalation' && parts.length === 1) return { name: 'escalation' };
  if (a === 'designs' && parts.length === 1) return { name: 'designs' };
  if (a === 'audit' && b && c && parts.length === 3) return { name: 'audit', table: b, id: c };
  if (a === 'queries' && parts.length === 1) return { name: 'queries' };
  if (a === 'account' && parts.length === 1) return { name: 'account' };
  if (a === 'study' && b && parts.length === 2) return { name: 'public-study', study: b };
  return { name: 'not-found', path: pathname };
}

const enc = encodeURIComponent;

export function href(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '/';
    case 'login':
      return '/login';
    case 'screening':
      return route.subjectId ? `/screening?subject=${enc(route.subjectId)}` : '/screening';
    case 'subjects':
      return '/subjects';
    case 'subject':
      return `/subjects/${enc(route.id)}`;
    case 'adverse-event':
      return `/subjects/${enc(route.subjectId)}/adverse-events/new`;
    case 'escalation':
      return '/escalation';
    case 'designs':
      return '/designs';
    case 'audit':
      return `/audit/${enc(route.table)}/${enc(route.id)}`;
    case 'queries':
      return '/queries';
    case 'account':
      return '/account';
    case 'public-study':
      return `/study/${enc(route.study)}`;
    case 'not-found':
      return route.path;
  }
}

/** Routes anyone may open without logging in. */
export const isPublic = (route: Route) => route.name === 'public-study' || route.name === 'login';

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
  // A new screen starts at the top, as a page load would.
  window.scrollTo?.(0, 0);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => location.pathname + location.search;

export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, snapshot, () => '/');
  const q = path.indexOf('?');
  return q < 0 ? parseRoute(path) : parseRoute(path.slice(0, q), path.slice(q));
}
